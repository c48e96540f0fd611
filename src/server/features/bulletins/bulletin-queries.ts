/**
 * Named fragments of the bulletin queries. A period holds a chain of bulletins — the first one published
 * and the corrections (更正通报) that superseded it, each naming the one before — of which the newest
 * is current. "Latest" means the latest period, not the latest publication: back-filling August's
 * bulletin in December does not make it the latest over November's.
 */
import type { BulletinSummary } from '../../../contract/bulletins.ts';
import { sql, type Kysely, type SelectQueryBuilder } from 'kysely';
import type { DB } from '../../db/schema.ts';
import type { BulletinSnapshot } from './bulletins.service.ts';

/**
 * The last month a bulletin's period covers, so that periods of monthly, quarterly and yearly races
 * compare: `case period_kind when 'quarter' then period_index * 3 when 'year' then 12 else period_index end`.
 */
const periodEndMonth = sql<number>`case ${sql.ref('bulletins.period_kind')} when 'quarter' then ${sql.ref('bulletins.period_index')} * 3 when 'year' then 12 else ${sql.ref('bulletins.period_index')} end`;

/** Newest period first (year, then its last month), then newest publication: `order by year desc, <end month> desc, published_at desc, id desc`. */
export function newestPeriodFirst<Q extends SelectQueryBuilder<any, any, any>>(q: Q): Q {
  return q
    .orderBy(sql.ref('bulletins.year'), 'desc')
    .orderBy(periodEndMonth, 'desc')
    .orderBy(sql.ref('bulletins.published_at'), 'desc')
    .orderBy(sql.ref('bulletins.id'), 'desc') as Q;
}

/** Only the bulletin in force for its period: `where superseded_at is null` (see migration 0013). */
export function currentOnly<Q extends SelectQueryBuilder<any, any, any>>(q: Q): Q {
  return q.where(sql.ref('bulletins.superseded_at'), 'is', null) as Q;
}

/** Bulletins with their race's name and their neighbours in the chain: the one corrected, the correction. */
export function bulletinRows(db: Kysely<DB>) {
  return db
    .selectFrom('bulletins')
    .innerJoin('races', 'races.id', 'bulletins.race_id')
    .leftJoin('bulletins as corrected', 'corrected.id', 'bulletins.supersedes_id')
    .leftJoin('bulletins as correction', 'correction.id', 'bulletins.superseded_by_id')
    .selectAll('bulletins')
    .select([
      'races.name as race_name',
      'corrected.title as corrected_title',
      'corrected.doc_number as corrected_doc_number',
      'correction.title as correction_title',
      'correction.doc_number as correction_doc_number',
      'correction.correction_reason as correction_reason_given',
    ]);
}

export type BulletinRow = NonNullable<Awaited<ReturnType<ReturnType<typeof bulletinRows>['executeTakeFirst']>>>;

/** A bulletin as lists show it, with what it corrects (更正…) or what corrected it (已被更正). */
export function presentBulletinSummary(b: BulletinRow): BulletinSummary {
  return {
    id: b.id,
    raceId: b.race_id,
    raceName: b.race_name,
    title: b.title,
    docNumber: b.doc_number,
    periodLabel: (JSON.parse(b.snapshot_json) as BulletinSnapshot).ranking.period.label,
    year: b.year,
    periodKind: b.period_kind,
    periodIndex: b.period_index,
    publishedBy: b.published_by,
    publishedAt: b.published_at,
    /** Whether this is the bulletin in force for its period (not superseded by a correction). */
    isCurrent: b.superseded_at === null,
    /** On a correction: the bulletin it corrects and why. */
    corrects:
      b.supersedes_id === null
        ? null
        : {
            id: b.supersedes_id,
            title: b.corrected_title ?? '',
            docNumber: b.corrected_doc_number ?? '',
            reason: b.correction_reason ?? '',
          },
    /** On a superseded bulletin: the correction, its reason and when it was issued. */
    supersededBy:
      b.superseded_by_id === null
        ? null
        : {
            id: b.superseded_by_id,
            title: b.correction_title ?? '',
            docNumber: b.correction_doc_number ?? '',
            reason: b.correction_reason_given ?? '',
            at: b.superseded_at ?? '',
          },
  };
}
