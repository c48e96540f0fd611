import type { Kysely } from 'kysely';
import { indicatorByKey } from '../../../domain/race/indicators.ts';
import {
  latestFinishedPeriod,
  PeriodError,
  periodOf,
  previousPeriod,
  type RacePeriod,
} from '../../../domain/race/period.ts';
import { parseRaceDefinition, weightWarnings, type RaceDefinition } from '../../../domain/race/race-definition.ts';
import { RaceConfigError } from '../../../domain/race/config-error.ts';
import { rankUnits, type RaceRanking, type RankingRow } from '../../../domain/race/ranking.ts';
import type { Clock, Today } from '../../clock.ts';
import type { DB } from '../../db/schema.ts';
import { conflict, forbidden, invalid, notFound } from '../../http/errors.ts';
import type { MessageKey } from '../../http/i18n.ts';
import { racePolicy } from '../../policies/race.policy.ts';
import type { AuditLog } from '../audit/audit.repository.ts';
import type { ActorContext } from '../session/actor.ts';
import type { RaceValues } from './race-values.ts';
import type { HistoryRepository } from '../history/history.repository.ts';
import type { PeriodFigures } from '../history/period-figures.ts';
import { AsOfInputError, parseAsOf } from '../../../domain/calendar/as-of.ts';
import { localDate } from '../../../domain/calendar/local-date.ts';
import { indicatorByKey as indicatorOf, type ComputedMetric } from '../../../domain/race/indicators.ts';
import { periodDays } from '../../../domain/race/metrics.ts';

/** A domain config error as the API reports it: the field path with dots (indicators.1.weight). */
export function raceConfigInvalid(e: RaceConfigError) {
  const field = e.field ? e.field.replace(/\[(\d+)\]/g, '.$1') : undefined;
  return invalid(`RACE_${e.code}` satisfies MessageKey, { field: field ?? '' }, field);
}

export function parseDefinitionOrThrow(input: unknown): RaceDefinition {
  try {
    return parseRaceDefinition(input);
  } catch (e) {
    if (e instanceof RaceConfigError) throw raceConfigInvalid(e);
    throw e;
  }
}

export function periodOrThrow(definition: RaceDefinition, year: number, index: number): RacePeriod {
  try {
    return periodOf(definition.periodKind, year, index);
  } catch (e) {
    if (e instanceof PeriodError)
      throw e.code === 'INDEX'
        ? invalid('PERIOD_INDEX', { max: e.max }, 'period')
        : invalid('PERIOD_WEEK', {}, 'period');
    throw e;
  }
}

const presentWarnings = (d: RaceDefinition) =>
  weightWarnings(d).map((w) => ({ ...w, messageKey: 'RACE_WEIGHTS_NOT_100' as const }));

const presentRow = (r: RankingRow) => ({
  unitId: r.unitId,
  name: r.name,
  total: r.total,
  rank: r.rank,
  rankChange: r.rankChange,
  breakdown: r.breakdown,
});

/** The ranking as the API and a bulletin's snapshot carry it. */
export function presentRanking(definition: RaceDefinition, period: RacePeriod, ranking: RaceRanking) {
  return {
    period: {
      kind: period.kind,
      year: period.year,
      index: period.index,
      endMonth: period.endMonth,
      label: period.label['zh-CN'],
      labels: period.label,
    },
    indicators: definition.indicators.map((i) => ({
      key: i.key,
      label: indicatorByKey(i.key).label,
      unit: indicatorByKey(i.key).unit,
      weight: i.weight,
      method: i.method,
    })),
    // tooSmall: the group has too few units for both lists, so it names nobody (and says so).
    groups: ranking.groups.map((g) => ({
      group: g.group,
      label: g.label,
      rows: g.rows.map(presentRow),
      top: g.top.map(presentRow),
      bottom: g.bottom.map(presentRow),
      tooSmall: g.tooSmall,
    })),
  };
}
export type PresentedRanking = ReturnType<typeof presentRanking>;

/**
 * A ranking as a snapshot frozen before `tooSmall` was presented would have held it: without that
 * field, so that regenerating such a bulletin compares like with like.
 */
function asFrozenBefore<R extends { groups: { tooSmall?: boolean }[] }>(
  ranking: R,
  frozen: { groups: { tooSmall?: boolean }[] },
): R {
  if (frozen.groups.every((g) => 'tooSmall' in g)) return ranking;
  return { ...ranking, groups: ranking.groups.map(({ tooSmall: _omitted, ...g }) => g) };
}

/**
 * 赛马: race definitions (the coordinator's), and the ranking of a period computed live from the
 * data, with each unit's change against the previous period — the published bulletin's ranks when
 * there is one, so a change reads against what units were told.
 */
export function createRaceService({
  db,
  values,
  history,
  figures,
  audit,
  clock,
  today,
  timeZone,
}: {
  db: Kysely<DB>;
  values: RaceValues;
  history: HistoryRepository;
  figures: PeriodFigures;
  audit: AuditLog;
  clock: Clock;
  today: Today;
  timeZone: string;
}) {
  /** The instant of an as-of input, or a 400 naming `asOf`: a future date, one before the county was set up, a malformed one. */
  async function resolveAsOf(input: string | undefined): Promise<string | null> {
    if (input === undefined || input === '') return null;
    const root = await db.selectFrom('units').select('created_at').where('parent_id', 'is', null).executeTakeFirst();
    try {
      return parseAsOf(input, { now: clock(), setupAt: root?.created_at ?? null, timeZone });
    } catch (e) {
      if (e instanceof AsOfInputError) throw invalid(`AS_OF_${e.code}` satisfies MessageKey, { value: input }, 'asOf');
      throw e;
    }
  }

  /** The race's definition at an instant (or now); a race created later is not found. */
  async function definitionAt(id: number, asOf: string | null) {
    if (asOf === null) return (await load(id)).definition;
    const json = await history.raceDefinition(id, asOf);
    if (!json) throw notFound('race');
    return parseRaceDefinition(JSON.parse(json));
  }

  /** The bulletin in force for a period at an instant (or now): the newest published by then. */
  async function bulletinInForce(raceId: number, period: RacePeriod, asOf: string | null) {
    let q = db
      .selectFrom('bulletins')
      .select(['id', 'title', 'doc_number', 'published_at', 'snapshot_json'])
      .where('race_id', '=', raceId)
      .where('year', '=', period.year)
      .where('period_kind', '=', period.kind)
      .where('period_index', '=', period.index);
    if (asOf !== null) q = q.where('published_at', '<=', asOf);
    return q.orderBy('published_at', 'desc').orderBy('id', 'desc').limit(1).executeTakeFirst();
  }

  async function load(id: number) {
    const row = await db.selectFrom('races').selectAll().where('id', '=', id).executeTakeFirst();
    if (!row) throw notFound('race');
    return { row, definition: parseRaceDefinition(JSON.parse(row.definition_json)) };
  }

  const present = (row: { id: number; created_by: string; updated_at: string }, definition: RaceDefinition) => ({
    id: row.id,
    definition,
    warnings: presentWarnings(definition),
    createdBy: row.created_by,
    updatedAt: row.updated_at,
  });

  function assertReader(actor: ActorContext) {
    if (!racePolicy.canReadRaces(actor)) throw forbidden();
  }
  function assertManager(actor: ActorContext) {
    if (!racePolicy.canManageRaces(actor)) throw forbidden();
  }

  async function computeRanking(
    definition: RaceDefinition,
    period: RacePeriod,
    previousRanks?: Map<number, number>,
    asOf: string | null = null,
  ) {
    const units = await values.rankedUnits(definition);
    const data = await values.values(definition, period, units, asOf);
    return rankUnits({ definition, units, values: data, previousRanks });
  }

  const ranksOf = (r: { groups: { rows: { unitId: number; rank: number }[] }[] }) =>
    new Map(r.groups.flatMap((g) => g.rows.map((row) => [row.unitId, row.rank] as const)));

  /** The previous period's ranks: as published (by `asOf`), or else as the data gives them (then). */
  async function previousRanks(
    raceId: number,
    definition: RaceDefinition,
    period: RacePeriod,
    asOf: string | null = null,
  ) {
    const prev = previousPeriod(period);
    const published = await bulletinInForce(raceId, prev, asOf);
    if (published) return ranksOf((JSON.parse(published.snapshot_json) as { ranking: PresentedRanking }).ranking);
    return ranksOf(await computeRanking(definition, prev, undefined, asOf));
  }

  /**
   * A published period: the bulletin's frozen ranking, how the live (or as-of) one differs from it, unit
   * by unit, and the approvals that came after publication which explain the difference.
   */
  async function presentPublished(
    b: { id: number; title: string; doc_number: string; published_at: string; snapshot_json: string },
    period: RacePeriod,
    live: PresentedRanking,
  ) {
    const frozen = (JSON.parse(b.snapshot_json) as { ranking: PresentedRanking }).ranking;
    const frozenRows = new Map(frozen.groups.flatMap((g) => g.rows.map((r) => [r.unitId, r] as const)));
    const changes = live.groups.flatMap((g) =>
      g.rows.flatMap((r) => {
        const f = frozenRows.get(r.unitId);
        return !f || f.total !== r.total || f.rank !== r.rank
          ? [
              {
                unitId: r.unitId,
                name: r.name,
                publishedTotal: f?.total ?? null,
                publishedRank: f?.rank ?? null,
                liveTotal: r.total,
                liveRank: r.rank,
              },
            ]
          : [];
      }),
    );
    const approvedAfter = await history.approvedSince(b.published_at, period.year, period.endMonth);
    return {
      bulletinId: b.id,
      title: b.title,
      docNumber: b.doc_number,
      publishedAt: b.published_at,
      indicators: frozen.indicators,
      groups: frozen.groups,
      changes,
      approvedAfterCount: approvedAfter.length,
      approvedAfter: approvedAfter.slice(0, 100).map((r) => ({
        reportId: r.id,
        projectId: r.project_id,
        projectName: r.project_name,
        month: r.month,
        revision: r.revision,
        amountYuan: Number(r.amount),
        correctionReason: r.correction_reason,
        approvedAt: r.reviewed_at,
        approvedBy: r.reviewed_by,
      })),
    };
  }

  /**
   * The records behind every computed figure of every ranked unit of a period, as of an instant (or
   * live): a bulletin's Excel appendix, by the drill-through's own selection. Keyed by metric, then unit.
   */
  async function periodRecords(definition: RaceDefinition, period: RacePeriod, asOf: string | null) {
    const metrics = definition.indicators.flatMap((i) => {
      const source = indicatorOf(i.key).source;
      return source.kind === 'computed' ? [source.metric] : [];
    });
    return values.recordsByUnit(period, await values.rankedUnits(definition), metrics, asOf);
  }

  /**
   * The same for a published bulletin as of its publication, so that its appendix counts exactly what
   * its frozen figures count, whatever was approved since. The race as defined then (or, for a race
   * older than its history, as defined now: only its groups matter here).
   */
  async function bulletinRecords(b: { race_id: number; year: number; period_index: number; published_at: string }) {
    const json = await history.raceDefinition(b.race_id, b.published_at);
    const definition = json ? parseRaceDefinition(JSON.parse(json)) : (await load(b.race_id)).definition;
    return periodRecords(definition, periodOrThrow(definition, b.year, b.period_index), b.published_at);
  }

  /** A period must have ended (by the as-of day) before it is ranked. */
  function assertEnded(period: RacePeriod, day: string) {
    if (periodDays(period).to >= day) throw invalid('PERIOD_NOT_ENDED', { period: period.label['zh-CN'] }, 'period');
  }

  return {
    load,

    async list(actor: ActorContext) {
      assertReader(actor);
      const rows = await db.selectFrom('races').selectAll().orderBy('id', 'desc').execute();
      return {
        items: rows.map((r) => {
          const d = parseRaceDefinition(JSON.parse(r.definition_json));
          return {
            id: r.id,
            name: d.name,
            periodKind: d.periodKind,
            indicatorCount: d.indicators.length,
            warnings: presentWarnings(d),
            updatedAt: r.updated_at,
          };
        }),
      };
    },

    async get(actor: ActorContext, id: number) {
      assertReader(actor);
      const { row, definition } = await load(id);
      return present(row, definition);
    },

    async create(actor: ActorContext, input: unknown, ip: string | null) {
      assertManager(actor);
      const definition = parseDefinitionOrThrow(input);
      const at = clock().toISOString();
      const id = await db.transaction().execute(async (trx) => {
        const { id } = await trx
          .insertInto('races')
          .values({
            name: definition.name,
            definition_json: JSON.stringify(definition),
            created_by: actor.displayName,
            created_at: at,
            updated_at: at,
          })
          .returning('id')
          .executeTakeFirstOrThrow();
        await audit.record(
          {
            actor,
            action: 'race.create',
            objectType: 'race',
            objectId: String(id),
            unitPath: null,
            summary: `新建赛马“${definition.name}”`,
            after: definition,
            ip,
          },
          trx,
        );
        return Number(id);
      });
      return this.get(actor, id);
    },

    async update(actor: ActorContext, id: number, input: unknown, ip: string | null) {
      assertManager(actor);
      const { definition: before } = await load(id);
      const definition = parseDefinitionOrThrow(input);
      await db.transaction().execute(async (trx) => {
        await trx
          .updateTable('races')
          .set({
            name: definition.name,
            definition_json: JSON.stringify(definition),
            updated_at: clock().toISOString(),
          })
          .where('id', '=', id)
          .execute();
        await audit.record(
          {
            actor,
            action: 'race.update',
            objectType: 'race',
            objectId: String(id),
            unitPath: null,
            summary: `修改赛马“${definition.name}”`,
            before,
            after: definition,
            ip,
          },
          trx,
        );
      });
      return this.get(actor, id);
    },

    async remove(actor: ActorContext, id: number, ip: string | null) {
      assertManager(actor);
      const { definition } = await load(id);
      const n = Number(
        (
          await db
            .selectFrom('bulletins')
            .select((eb) => eb.fn.countAll<number>().as('n'))
            .where('race_id', '=', id)
            .executeTakeFirstOrThrow()
        ).n,
      );
      if (n > 0) throw conflict('RACE_HAS_BULLETINS', { n });
      await db.transaction().execute(async (trx) => {
        await trx.deleteFrom('races').where('id', '=', id).execute();
        await audit.record(
          {
            actor,
            action: 'race.delete',
            objectType: 'race',
            objectId: String(id),
            unitPath: null,
            summary: `删除赛马“${definition.name}”`,
            before: definition,
            ip,
          },
          trx,
        );
      });
    },

    /**
     * The ranking of a period (default: the latest finished one) — live, or as it stood at `asOfInput`
     * — its history in the year, and, for a published period, the bulletin's frozen ranking with the
     * approved corrections that came after it (the web shows the frozen one first).
     */
    async ranking(actor: ActorContext, id: number, year?: number, index?: number, asOfInput?: string) {
      assertReader(actor);
      const asOf = await resolveAsOf(asOfInput);
      const definition = await definitionAt(id, asOf);
      const day = asOf ? localDate(new Date(asOf), timeZone) : today();
      const period =
        year && index ? periodOrThrow(definition, year, index) : latestFinishedPeriodOrThrow(definition, day);
      assertEnded(period, day);
      const ranking = await computeRanking(definition, period, await previousRanks(id, definition, period, asOf), asOf);
      const presented = presentRanking(definition, period, ranking);
      const inForce = await bulletinInForce(id, period, asOf);
      let publishedQuery = db
        .selectFrom('bulletins')
        .select(['id', 'period_index', 'snapshot_json', 'published_at'])
        .where('race_id', '=', id)
        .where('year', '=', period.year)
        .where('period_kind', '=', period.kind);
      if (asOf) publishedQuery = publishedQuery.where('published_at', '<=', asOf);
      // The newest bulletin of each period counts (a correction replaces the one it corrects).
      const published = [
        ...new Map(
          (await publishedQuery.orderBy('period_index').orderBy('published_at').orderBy('id').execute()).map((b) => [
            b.period_index,
            b,
          ]),
        ).values(),
      ];
      // Each unit's rank in every published period of the year, then now.
      const periods = [
        ...published
          .filter((b) => b.period_index < period.index)
          .map((b) => ({
            index: b.period_index,
            ranks: ranksOf((JSON.parse(b.snapshot_json) as { ranking: PresentedRanking }).ranking),
          })),
        { index: period.index, ranks: ranksOf(ranking) },
      ];
      return {
        raceId: id,
        name: definition.name,
        ...presented,
        warnings: presentWarnings(definition),
        asOf,
        publishedBulletinId: inForce?.id ?? null,
        published: inForce ? await presentPublished(inForce, period, presented) : null,
        history: {
          periods: periods.map((p) => ({
            index: p.index,
            label: periodOf(period.kind, period.year, p.index).label['zh-CN'],
          })),
          units: ranking.groups.flatMap((g) =>
            g.rows.map((r) => ({
              unitId: r.unitId,
              name: r.name,
              group: g.group,
              ranks: periods.map((p) => p.ranks.get(r.unitId) ?? null),
            })),
          ),
        },
      };
    },

    /**
     * The records behind one computed figure of one unit (drill-through), chosen exactly as the figure
     * is counted, live or as of an instant.
     */
    async records(
      actor: ActorContext,
      id: number,
      input: { year: number; period: number; unitId: number; indicator: string; asOf?: string },
    ) {
      assertReader(actor);
      const asOf = await resolveAsOf(input.asOf);
      const definition = await definitionAt(id, asOf);
      const period = periodOrThrow(definition, input.year, input.period);
      assertEnded(period, asOf ? localDate(new Date(asOf), timeZone) : today());
      const ri = definition.indicators.find((i) => i.key === input.indicator);
      if (!ri) throw invalid('V_INVALID', { field: '@indicator' }, 'indicator');
      const source = indicatorOf(ri.key).source;
      const units = await values.rankedUnits(definition);
      const unit = units.find((u) => u.unitId === input.unitId);
      if (!unit) throw invalid('V_INVALID', { field: '@unitId' }, 'unitId');
      const found =
        source.kind === 'computed'
          ? await values.records(period, units, source.metric as ComputedMetric, unit.unitId, asOf)
          : null;
      if (!found) throw invalid('RECORDS_NONE', {}, 'indicator');
      return {
        raceId: id,
        period: { year: period.year, index: period.index, label: period.label['zh-CN'], labels: period.label },
        asOf,
        unitId: unit.unitId,
        unitName: unit.name,
        indicator: ri.key,
        metric: source.kind === 'computed' ? source.metric : null,
        ...found,
      };
    },

    /**
     * A published bulletin's ranking computed again from history as of its publication: the frozen
     * numbers must come out exactly (DESIGN §3.12a). Returns both and whether they agree.
     */
    async regenerate(actor: ActorContext, bulletinId: number) {
      assertReader(actor);
      const b = await db.selectFrom('bulletins').selectAll().where('id', '=', bulletinId).executeTakeFirst();
      if (!b) throw notFound('bulletin');
      const definition = await definitionAt(b.race_id, b.published_at);
      const period = periodOrThrow(definition, b.year, b.period_index);
      const ranking = await computeRanking(
        definition,
        period,
        await previousRanks(b.race_id, definition, period, b.published_at),
        b.published_at,
      );
      const snapshot = JSON.parse(b.snapshot_json) as {
        ranking: PresentedRanking;
        redProjects: unknown;
        totals: unknown;
      };
      const regenerated = {
        ranking: asFrozenBefore(presentRanking(definition, period, ranking), snapshot.ranking),
        redProjects: await figures.redProjects(period, b.published_at),
        totals: await figures.totals(period, b.published_at),
      };
      const frozen = { ranking: snapshot.ranking, redProjects: snapshot.redProjects, totals: snapshot.totals };
      const parts = (['ranking', 'redProjects', 'totals'] as const).filter(
        (k) => JSON.stringify(regenerated[k]) !== JSON.stringify(frozen[k]),
      );
      return {
        bulletinId,
        asOf: b.published_at,
        matches: parts.length === 0,
        differingParts: parts,
        frozen,
        regenerated,
      };
    },

    periodRecords,
    bulletinRecords,
    computeRanking,
    previousRanks,
    resolveAsOf,
  };
}

function latestFinishedPeriodOrThrow(definition: RaceDefinition, today: string) {
  try {
    return latestFinishedPeriod(definition.periodKind, today);
  } catch (e) {
    if (e instanceof PeriodError) throw invalid('PERIOD_WEEK', {}, 'period');
    throw e;
  }
}

export type RaceService = ReturnType<typeof createRaceService>;
