import type { Kysely } from 'kysely';
import { draftCommentary } from '../../../domain/race/bulletin-draft.ts';
import { weightWarnings } from '../../../domain/race/race-definition.ts';
import { timeProgress, yearCompletion } from '../../../domain/progress/time-progress.ts';
import type { RacePeriod } from '../../../domain/race/period.ts';
import type { RaceRanking } from '../../../domain/race/ranking.ts';
import type { Clock, Today } from '../../clock.ts';
import type { DB } from '../../db/schema.ts';
import { conflict, forbidden, invalid, notFound } from '../../http/errors.ts';
import { racePolicy } from '../../policies/race.policy.ts';
import type { AuditLog } from '../audit/audit.repository.ts';
import type { ActorContext } from '../session/actor.ts';
import type { UnitStats } from '../stats/unit-stats.ts';
import { periodOrThrow, presentRanking, type PresentedRanking, type RaceService } from '../race/races.service.ts';
import { toBulletinDocument } from './bulletin.presenter.ts';
import { renderBulletinDocx } from './render-docx.ts';
import { renderBulletinPdf } from './render-pdf.ts';

const RED_PROJECTS = 30;

export interface BulletinSnapshot {
  ranking: PresentedRanking;
  redProjects: { projectId: number; name: string; unitName: string; reasons: string[] }[];
  totals: { planYuan: number; completedYuan: number; completionPct: number | null; timePct: number };
}

export interface PublishInput {
  raceId: number;
  year: number;
  period: number;
  title: string;
  docNumber: string;
  commentary: string;
}

/**
 * 晾晒通报: publishing freezes the period's ranking, the red projects of the period's month and the
 * year's totals into a bulletin that never changes; Word and PDF are rendered from that frozen
 * snapshot, so a past bulletin regenerated any day says the same.
 */
export function createBulletinService({ db, races, stats, audit, clock, today: countyToday, pdfFont }: { db: Kysely<DB>; races: RaceService; stats: Pick<UnitStats, 'under'>; audit: AuditLog; clock: Clock; today: Today; pdfFont: string | null }) {
  async function region() {
    const root = await db.selectFrom('units').select(['name', 'path']).where('parent_id', 'is', null).executeTakeFirstOrThrow();
    return root;
  }

  /** The red projects at the period's last month: its final lights when kept, else the current ones assessed for that month. */
  async function redProjects(period: RacePeriod): Promise<BulletinSnapshot['redProjects']> {
    // Both tables have the columns read here; the cast names one of them for Kysely's types.
    const redIn = (table: 'project_light_months' | 'project_lights') =>
      db
        .selectFrom(`${table} as l` as 'project_lights as l')
        .innerJoin('projects as p', 'p.id', 'l.project_id')
        .innerJoin('units as u', 'u.id', 'p.lead_unit_id')
        .where('l.year', '=', period.year)
        .where('l.month', '=', period.endMonth)
        .where('l.colour', '=', 'red')
        .select(['p.id', 'p.name', 'u.name as unit_name', 'l.findings_json'])
        .orderBy('p.total_investment', 'desc')
        .limit(RED_PROJECTS)
        .execute();
    const kept = await redIn('project_light_months');
    const rows = kept.length ? kept : await redIn('project_lights');
    return rows.map((r) => ({ projectId: r.id, name: r.name, unitName: r.unit_name, reasons: (JSON.parse(r.findings_json) as { text: { 'zh-CN': string } }[]).map((f) => f.text['zh-CN']) }));
  }

  /** The county's plan and completion of the year through the period's last month. */
  async function totals(period: RacePeriod): Promise<BulletinSnapshot['totals']> {
    const root = await region();
    const figures = await stats.under(root.path, [period.year]);
    let planYuan = 0;
    let completedYuan = 0;
    for (const f of figures) {
      if (f.metric === 'plan') planYuan += f.value;
      else if (f.metric === 'done' && f.month <= period.endMonth) completedYuan += f.value;
    }
    return { planYuan, completedYuan, completionPct: yearCompletion(completedYuan, planYuan), timePct: timeProgress(period.endMonth) };
  }

  async function nextDocNumber(year: number) {
    const root = await region();
    const n = Number((await db.selectFrom('bulletins').select((eb) => eb.fn.countAll<number>().as('n')).where('year', '=', year).executeTakeFirstOrThrow()).n);
    return `${root.name.slice(0, 1)}项绩办〔${year}〕${n + 1}号`;
  }

  async function loadBulletin(actor: ActorContext, id: number) {
    if (!racePolicy.canReadBulletins(actor)) throw forbidden();
    const row = await db.selectFrom('bulletins').innerJoin('races', 'races.id', 'bulletins.race_id').selectAll('bulletins').select('races.name as race_name').where('bulletins.id', '=', id).executeTakeFirst();
    if (!row) throw notFound('bulletin');
    return row;
  }

  const summary = (b: { id: number; race_id: number; race_name: string; title: string; doc_number: string; year: number; period_kind: string; period_index: number; published_by: string; published_at: string; snapshot_json: string }) => ({
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
  });

  return {
    /** A first draft in the house style, for the coordinator to edit before publishing. */
    async draft(actor: ActorContext, raceId: number, year: number, index: number) {
      if (!racePolicy.canPublish(actor)) throw forbidden();
      const { definition } = await races.load(raceId);
      const period = periodOrThrow(definition, year, index);
      const [root, ranking, red, sums] = await Promise.all([region(), races.computeRanking(definition, period), redProjects(period), totals(period)]);
      return {
        title: `${root.name}${period.label['zh-CN']}项目绩效晾晒通报`,
        docNumber: await nextDocNumber(year),
        issuer: `${root.name}项目绩效年活动领导小组办公室`,
        commentary: draftCommentary({ regionName: root.name, periodLabel: period.label['zh-CN'], ranking, totals: { ...sums, completionPct: sums.completionPct ?? 0 }, redProjects: red }),
      };
    },

    async publish(actor: ActorContext, input: PublishInput, ip: string | null) {
      if (!racePolicy.canPublish(actor)) throw forbidden();
      const { definition } = await races.load(input.raceId);
      const period = periodOrThrow(definition, input.year, input.period);
      const warning = weightWarnings(definition)[0];
      if (warning) throw invalid('BULLETIN_WEIGHTS', { sum: warning.sum }, 'raceId');
      const today = countyToday().slice(0, 7);
      if (`${period.year}-${String(period.endMonth).padStart(2, '0')}` >= today) throw invalid('BULLETIN_FUTURE', { period: period.label['zh-CN'] }, 'period');
      const existing = await db.selectFrom('bulletins').select('doc_number').where('race_id', '=', input.raceId).where('year', '=', period.year).where('period_kind', '=', period.kind).where('period_index', '=', period.index).executeTakeFirst();
      if (existing) throw conflict('BULLETIN_PUBLISHED', { period: period.label['zh-CN'], docNumber: existing.doc_number }, 'period');

      const ranking: RaceRanking = await races.computeRanking(definition, period, await races.previousRanks(input.raceId, definition, period));
      const snapshot: BulletinSnapshot = { ranking: presentRanking(definition, period, ranking), redProjects: await redProjects(period), totals: await totals(period) };
      const root = await region();
      const at = clock().toISOString();
      let id: number;
      try {
        id = await db.transaction().execute(async (trx) => {
          const { id } = await trx
            .insertInto('bulletins')
            .values({ race_id: input.raceId, year: period.year, period_kind: period.kind, period_index: period.index, title: input.title, doc_number: input.docNumber, issuer: `${root.name}项目绩效年活动领导小组办公室`, commentary: input.commentary, snapshot_json: JSON.stringify(snapshot), published_by: actor.displayName, published_at: at })
            .returning('id')
            .executeTakeFirstOrThrow();
          await audit.record({ actor, action: 'bulletin.publish', objectType: 'bulletin', objectId: String(id), unitPath: null, summary: `发布通报《${input.title}》（${input.docNumber}）`, after: { raceId: input.raceId, period: period.label['zh-CN'], docNumber: input.docNumber }, ip }, trx);
          return Number(id);
        });
      } catch (e) {
        // Two coordinators publishing the same period at once: the unique key lets one through.
        if (/unique|duplicate/i.test(String((e as Error).message))) throw conflict('BULLETIN_PUBLISHED', { period: period.label['zh-CN'], docNumber: input.docNumber }, 'period');
        throw e;
      }
      return this.get(actor, id);
    },

    async list(actor: ActorContext, raceId?: number) {
      if (!racePolicy.canReadBulletins(actor)) throw forbidden();
      let q = db.selectFrom('bulletins').innerJoin('races', 'races.id', 'bulletins.race_id').selectAll('bulletins').select('races.name as race_name').orderBy('bulletins.published_at', 'desc').orderBy('bulletins.id', 'desc');
      if (raceId) q = q.where('bulletins.race_id', '=', raceId);
      return { items: (await q.execute()).map(summary) };
    },

    async get(actor: ActorContext, id: number) {
      const b = await loadBulletin(actor, id);
      const snapshot = JSON.parse(b.snapshot_json) as BulletinSnapshot;
      return { ...summary(b), issuer: b.issuer, commentary: b.commentary, ranking: snapshot.ranking, redProjects: snapshot.redProjects, totals: snapshot.totals };
    },

    /** The latest bulletin, for the dashboard; null before the first. */
    async latest(actor: ActorContext) {
      if (!racePolicy.canReadBulletins(actor)) return null;
      const b = await db.selectFrom('bulletins').select(['id', 'title', 'doc_number', 'published_at']).orderBy('published_at', 'desc').orderBy('id', 'desc').limit(1).executeTakeFirst();
      return b ? { id: b.id, title: b.title, docNumber: b.doc_number, publishedAt: b.published_at } : null;
    },

    async file(actor: ActorContext, id: number, kind: 'docx' | 'pdf') {
      const b = await loadBulletin(actor, id);
      const doc = toBulletinDocument(b, JSON.parse(b.snapshot_json) as BulletinSnapshot);
      const body = kind === 'docx' ? await renderBulletinDocx(doc) : await renderBulletinPdf(doc, { fontPath: pdfFont });
      return { body, fileName: `${b.title}（${b.doc_number}）.${kind}` };
    },
  };
}

export type BulletinService = ReturnType<typeof createBulletinService>;
