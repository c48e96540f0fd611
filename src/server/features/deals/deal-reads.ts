import type {
  DealBoard,
  DealBreakdown,
  DealFunnel,
  DealsResponse,
  SignedNotStartedResponse,
  TeamLog,
} from '../../../contract/deals.ts';
import { ACTIVITY_KIND_LABELS, ACTIVITY_KINDS, tiersOf } from '../../../domain/deals/deal-fields.ts';
import { breakdown, calendarDaysBetween, dealFunnel, type FunnelDeal } from '../../../domain/deals/deal-funnel.ts';
import {
  DEAL_STAGE_LABELS,
  DEAL_STAGES,
  isCalendarDate,
  PIPELINE_STAGES,
  type DealStage,
} from '../../../domain/deals/deal-stages.ts';
import { formatPoints } from '../../../domain/progress/time-progress.ts';
import type { Today } from '../../clock.ts';
import { forbidden, invalid, notFound } from '../../http/errors.ts';
import type { Locale } from '../../http/i18n.ts';
import { dealScopeAllows } from '../../policies/deal.policy.ts';
import type { LightService } from '../lights/lights.service.ts';
import type { ActorContext } from '../session/actor.ts';
import type { UnitRepository } from '../units/units.repository.ts';
import type { DealSettingsService } from './deal-settings.ts';
import { clockColumns, labelIn, presentActivity } from './deals.presenter.ts';
import type { DealFilters, DealRepository } from './deals.repository.ts';
import type { DealService } from './deals.service.ts';

/** The longest span a team's log covers: a month and a bit (月汇报). */
const LOG_MAX_DAYS = 93;

/** What the list, the kanban and the figures filter by, as a request names them. */
interface DealQuery {
  stage?: string;
  unitId?: number;
  teamId?: number;
  sourceRegion?: string;
  chainKey?: string;
  kind?: string;
  light?: string;
  tier?: string;
  q?: string;
}

/** The reads of 招商: the list, the kanban, the funnel and breakdowns, signed-not-started, a team's log. */
export function createDealReads(deps: {
  deals: DealRepository;
  service: DealService;
  settings: DealSettingsService;
  units: UnitRepository;
  lights: Pick<LightService, 'currentRules'>;
  today: Today;
}) {
  const { deals, service, settings, units, lights, today } = deps;

  /** The filters of a request; null when it names a unit or tier that does not exist (nothing matches). */
  async function filtersOf(q: DealQuery): Promise<DealFilters | null> {
    const f: DealFilters = {
      stage: q.stage,
      teamId: q.teamId,
      sourceRegion: q.sourceRegion,
      chainKey: q.chainKey,
      kind: q.kind,
      light: q.light,
      q: q.q,
    };
    if (q.unitId !== undefined) {
      const unit = await units.findById(q.unitId);
      if (!unit) return null;
      f.unitPath = unit.path;
    }
    if (q.tier !== undefined) {
      const tier = (await settings.current()).tiers.find((t) => t.key === q.tier);
      if (!tier) return null;
      f.minYuan = tier.minYuan;
    }
    return f;
  }

  async function readScope(actor: ActorContext) {
    const scope = await service.scope(actor, 'read');
    if (scope.unit.kind === 'none' && !scope.teamIds.length) throw forbidden();
    return scope;
  }

  return {
    async list(actor: ActorContext, q: DealQuery & { page: number; pageSize: number }, lang: Locale) {
      const scope = await readScope(actor);
      const f = await filtersOf(q);
      if (!f) return { items: [], total: 0 } satisfies DealsResponse;
      const s = await settings.current();
      const { rows, total } = await deals.list(scope, f, { offset: (q.page - 1) * q.pageSize, limit: q.pageSize });
      const items = [];
      for (const row of rows) items.push(await service.view(actor, row, lang, s));
      return { items, total } satisfies DealsResponse;
    },

    /** The kanban: each stage's count and first cards (the pipeline, then the side exits). */
    async board(actor: ActorContext, q: DealQuery & { perStage: number }, lang: Locale): Promise<DealBoard> {
      const scope = await readScope(actor);
      const f = await filtersOf(q);
      const s = await settings.current();
      const counts = f ? new Map((await deals.stageCounts(scope, f)).map((r) => [r.stage, Number(r.n)])) : new Map();
      const columns = [];
      for (const stage of DEAL_STAGES) {
        const rows = f && counts.get(stage) ? await deals.stageCards(scope, f, stage, q.perStage) : [];
        const cards = [];
        for (const row of rows) cards.push(await service.view(actor, row, lang, s));
        columns.push({ stage, stageLabel: DEAL_STAGE_LABELS[stage][lang], count: counts.get(stage) ?? 0, cards });
      }
      return { columns };
    },

    /** The funnel of the deals in scope (created in `year` when given): reached, current, conversion, days. */
    async funnel(actor: ActorContext, q: DealQuery & { year?: number }, lang: Locale): Promise<DealFunnel> {
      const scope = await readScope(actor);
      const f = await filtersOf(q);
      const rows = f ? await deals.figureRows(scope, { ...f, ...yearRange(q.year) }) : [];
      const moves = await deals.movesOf(rows.map((r) => r.id));
      const byDeal = new Map<number, FunnelDeal['visits'][number][]>();
      for (const m of moves) {
        const visits = byDeal.get(m.deal_id) ?? [];
        const last = visits.at(-1);
        if (last) visits[visits.length - 1] = { ...last, leftOn: m.on_date };
        visits.push({ stage: m.to_stage as DealStage, enteredOn: m.on_date, leftOn: null });
        byDeal.set(m.deal_id, visits);
      }
      const funnel = dealFunnel(rows.map((r) => ({ visits: byDeal.get(r.id) ?? [] })));
      const pct = (x: number | null) => (x === null ? null : formatPoints(x));
      return {
        rows: funnel.rows.map((r) => ({
          stage: r.stage,
          stageLabel: DEAL_STAGE_LABELS[r.stage][lang],
          reached: r.reached,
          current: r.current,
          conversionPct: pct(r.conversionPct),
          medianDays: r.medianDays,
        })),
        signedPct: pct(funnel.signedPct),
        exits: {
          shelved: rows.filter((r) => r.stage === 'shelved').length,
          terminated: rows.filter((r) => r.stage === 'terminated').length,
        },
      };
    },

    /**
     * Amounts and counts by source region, chain and team (the signed amount once signed, else the intended),
     * of the deals in scope not terminated; and the year's signed deals per tier against the unit's targets.
     */
    async breakdown(actor: ActorContext, q: DealQuery & { year?: number }, lang: Locale): Promise<DealBreakdown> {
      const scope = await readScope(actor);
      const f = await filtersOf(q);
      const s = await settings.current();
      const rows = f ? await deals.figureRows(scope, { ...f, ...yearRange(q.year) }) : [];
      const live = rows.filter((r) => r.stage !== 'terminated');
      const amount = (r: (typeof rows)[number]) => Number(r.signed_amount ?? r.intended_investment);
      const teams = new Map((await deals.teams()).map((t) => [String(t.id), t.name]));
      const label = (list: { key: string; label: { 'zh-CN': string; en: string } }[]) => (key: string) =>
        key === '' ? (lang === 'en' ? 'Not given' : '未填写') : labelIn(list, key, lang);
      const withLabels = (list: ReturnType<typeof breakdown>, labelOf: (key: string) => string) =>
        list.map((r) => ({ ...r, label: labelOf(r.key) }));
      const year = q.year ?? Number(today().slice(0, 4));
      const signedInYear = rows.filter(
        (r) => r.signed_on !== null && r.signed_on.startsWith(`${year}-`) && r.stage !== 'terminated',
      );
      const target = q.unitId ? await deals.aboveYiTarget(q.unitId, year) : undefined;
      return {
        bySource: withLabels(
          breakdown(live, (r) => r.source_region, amount),
          label(s.sourceRegions),
        ),
        byChain: withLabels(
          breakdown(live, (r) => r.chain_key, amount),
          label(s.chains),
        ),
        byTeam: withLabels(
          breakdown(live, (r) => (r.team_id === null ? null : String(r.team_id)), amount),
          (key) => (key === '' ? (lang === 'en' ? 'No team' : '未分配小分队') : (teams.get(key) ?? key)),
        ),
        tiers: s.tiers.map((t, i) => ({
          key: t.key,
          label: t.label[lang],
          signed: signedInYear.filter((r) => tiersOf(amount(r), s.tiers).includes(t.key)).length,
          target: i === 0 && target ? Number(target.value) : null,
        })),
      };
    },

    /** Signed deals not landed yet, oldest first, with their days since signing against the promise. */
    async signedNotStarted(actor: ActorContext, q: DealQuery, lang: Locale): Promise<SignedNotStartedResponse> {
      const scope = await readScope(actor);
      const f = await filtersOf(q);
      if (!f) return { items: [] };
      const s = await settings.current();
      const promiseDays = (await lights.currentRules()).rules.signToStart.defaultPromiseDays;
      const rows = await deals.signedNotLanded(scope, f);
      const items = [];
      for (const row of rows) {
        const days = row.signed_on ? calendarDaysBetween(row.signed_on, today()) : 0;
        items.push({
          ...(await service.view(actor, row, lang, s)),
          daysSinceSigned: days,
          promiseDays,
          late: days > promiseDays,
        });
      }
      return { items };
    },

    /** A team's log between two dates (a week: 周日志; a month: 月汇报), newest first, with counts per kind. */
    async teamLog(
      actor: ActorContext,
      teamId: number,
      q: { from: string; to: string },
      lang: Locale,
    ): Promise<TeamLog> {
      const scope = await readScope(actor);
      const team = await deals.team(teamId);
      // A team's log is read by those who read its unit's deals, and by its members.
      if (!team || !dealScopeAllows(scope, { unit_path: team.unit_path, team_id: team.id })) throw notFound('dealTeam');
      for (const field of ['from', 'to'] as const)
        if (!isCalendarDate(q[field])) throw invalid('DEAL_DATE_INVALID', { field: `@${field}` }, field);
      const span = calendarDaysBetween(q.from, q.to);
      if (span < 0 || span > LOG_MAX_DAYS) throw invalid('DEAL_RANGE', {}, 'to');
      const entries = await deals.activities({ teamId, from: q.from, to: q.to });
      return {
        team: { id: team.id, name: team.name },
        from: q.from,
        to: q.to,
        entries: entries.map((a) => presentActivity(a, lang)),
        counts: ACTIVITY_KINDS.map((kind) => ({
          kind,
          label: ACTIVITY_KIND_LABELS[kind][lang],
          count: entries.filter((e) => e.kind === kind).length,
        })),
        deals: new Set(entries.map((e) => e.deal_id)).size,
      };
    },

    /** The daily cutoff's deal part: every open deal's clock colour on today's calendar. */
    async cutoff() {
      const s = await settings.current();
      const on = today();
      let after = 0;
      let changed = 0;
      for (;;) {
        const batch = await deals.openForCutoff(after, 2000);
        if (!batch.length) break;
        after = batch.at(-1)!.id;
        for (const row of batch) {
          const cols = clockColumns(row, s, on);
          if (cols.light === row.light && cols.next_due_on === row.next_due_on) continue;
          await deals.setClock(row.id, cols);
          changed++;
        }
      }
      return { changed, pipeline: PIPELINE_STAGES.length };
    },
  };
}

/** Deals created in a year, or all when none is named. */
const yearRange = (year?: number) => (year ? { createdFrom: `${year}-01-01`, createdTo: `${year}-12-31` } : {});

export type DealReads = ReturnType<typeof createDealReads>;
