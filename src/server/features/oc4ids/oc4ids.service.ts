import type { Scope } from '../../../domain/access/scope.ts';
import { packageJsonParts, toOc4idsProject, type Oc4idsProjectFacts } from '../../../domain/exchange/oc4ids.ts';
import type { Stage } from '../../../domain/projects/lifecycle.ts';
import type { InvestmentType, Nature, ProjectKind } from '../../../domain/projects/project-fields.ts';
import type { Clock, Today } from '../../clock.ts';
import { forbidden, invalid, notFound } from '../../http/errors.ts';
import { projectPolicy } from '../../policies/project.policy.ts';
import type { ActorContext } from '../session/actor.ts';
import type { UnitRepository } from '../units/units.repository.ts';
import type { ExportFilters, Oc4idsProjectRow, Oc4idsRepository } from './oc4ids.repository.ts';
import type { Oc4idsQuery } from '../../../contract/oc4ids.ts';

/** Projects read and written per round trip: memory stays flat however large the county. */
export const OC4IDS_BATCH = 500;

export type ExportRequest = Pick<Oc4idsQuery, 'unitId' | 'stage' | 'limit' | 'cursor'>;

/** An export ready to stream: checks done and the first batch read, so errors still get a proper answer. */
export interface OpenExport {
  /** The package's JSON text in pieces, read from the database as it is consumed. */
  chunks: AsyncIterable<string>;
  /** When `limit` cut the selection short: the cursor of the next page. */
  nextCursor: string | null;
  fileName: string;
  /** Projects written so far (all of them once `chunks` is drained). */
  written: () => number;
}

/** Cursors are opaque to clients: the last project id of the page, base64url-encoded. */
const encodeCursor = (id: number) => Buffer.from(`oc4ids:${id}`).toString('base64url');
function decodeCursor(cursor: string): number {
  const m = /^oc4ids:(\d{1,15})$/.exec(Buffer.from(cursor, 'base64url').toString('utf8'));
  if (!m) throw invalid('V_FORMAT', { field: '@cursor' }, 'cursor');
  return Number(m[1]);
}

const groupBy = <T extends { project_id: number }>(rows: T[]) => {
  const map = new Map<number, T[]>();
  for (const r of rows) map.set(r.project_id, [...(map.get(r.project_id) ?? []), r]);
  return map;
};

/**
 * The open-data export (DESIGN §3.11): the projects a person may read as one OC4IDS project package,
 * streamed a batch at a time, or a page of it with `limit` and `cursor`.
 */
export function createOc4idsExport({
  repo,
  units,
  clock,
  today: countyToday,
  idPrefix,
  license,
}: {
  repo: Oc4idsRepository;
  units: Pick<UnitRepository, 'findById' | 'findRoot'>;
  clock: Clock;
  today: Today;
  idPrefix: string;
  license: string | null;
}) {
  /** A batch of rows with their plans, approved months and stage changes, as the mapping's facts. */
  async function factsOf(rows: Oc4idsProjectRow[], countyName: string): Promise<Oc4idsProjectFacts[]> {
    const ids = rows.map((r) => r.id);
    const [plans, months, history] = await Promise.all([
      repo.plansOf(ids),
      repo.approvedMonthsOf(ids),
      repo.historyOf(ids),
    ]);
    const plansOf = groupBy(plans);
    const monthsOf = groupBy(months);
    const historyOf = groupBy(history);
    return rows.map((r) => ({
      id: r.id,
      code: r.code,
      name: r.name,
      stage: r.stage as Stage,
      nature: r.nature as Nature,
      kind: r.kind as ProjectKind,
      investmentType: r.investment_type as InvestmentType,
      industryCode: r.industry_code,
      totalInvestmentYuan: Number(r.total_investment),
      updatedAt: r.updated_at,
      leadUnit: { id: r.lead_unit_id, name: r.lead_unit_name },
      township: r.township_name ? { name: r.township_name } : null,
      countyName,
      owner: { name: r.owner_name, creditCode: r.owner_credit_code },
      address: r.address,
      longitude: r.longitude === null ? null : Number(r.longitude),
      latitude: r.latitude === null ? null : Number(r.latitude),
      dates: {
        plannedSignDate: r.planned_sign_date,
        actualSignDate: r.actual_sign_date,
        plannedStartDate: r.planned_start_date,
        actualStartDate: r.actual_start_date,
        plannedCompletionDate: r.planned_completion_date,
        actualCompletionDate: r.actual_completion_date,
        plannedProductionDate: r.planned_production_date,
        actualProductionDate: r.actual_production_date,
        plannedCapacityDate: r.planned_capacity_date,
        actualCapacityDate: r.actual_capacity_date,
      },
      annualPlans: (plansOf.get(r.id) ?? []).map((p) => ({ year: p.year, amountYuan: Number(p.amount) })),
      approvedMonths: (monthsOf.get(r.id) ?? []).map((m) => ({
        year: m.year,
        month: m.month,
        amountYuan: Number(m.amount),
      })),
      stageHistory: (historyOf.get(r.id) ?? []).map((h) => ({
        from: h.from_stage as Stage | null,
        to: h.to_stage as Stage,
        at: h.at,
        reason: h.reason,
      })),
    }));
  }

  async function openScoped(scope: Scope, req: ExportRequest, uri: string): Promise<OpenExport> {
    const unit = req.unitId === undefined ? undefined : await units.findById(req.unitId);
    if (req.unitId !== undefined && !unit) throw notFound('unit');
    const filters: ExportFilters = { unitPath: unit?.path, stages: req.stage };
    const afterId = req.cursor ? decodeCursor(req.cursor) : 0;
    // A page is the id range (afterId, lastId], fixed before streaming so that the next cursor holds.
    const page = req.limit ? await repo.pageEnd(scope, filters, afterId, req.limit) : null;
    const untilId = page?.lastId ?? undefined;
    const first = await repo.batch(scope, filters, afterId, OC4IDS_BATCH, untilId);
    // The package schema wants at least one project: an empty selection has no package.
    if (!first.length) throw notFound('project');
    const [root, lastChange] = await Promise.all([units.findRoot(), repo.lastChange(scope, filters)]);
    const county = root?.name ?? '';
    const now = clock();
    const today = countyToday();
    const { head, tail } = packageJsonParts({
      uri,
      publishedDate: lastChange ?? now.toISOString(),
      publisher: { name: county || 'Lantern' },
      license,
    });

    let written = 0;
    async function* chunks(): AsyncGenerator<string> {
      yield head;
      let rows = first;
      let separator = '';
      for (;;) {
        const facts = await factsOf(rows, county);
        yield separator + facts.map((f) => JSON.stringify(toOc4idsProject(f, { idPrefix, today }))).join(',');
        written += rows.length;
        separator = ',';
        if (rows.length < OC4IDS_BATCH) break;
        rows = await repo.batch(scope, filters, rows.at(-1)!.id, OC4IDS_BATCH, untilId);
        if (!rows.length) break;
      }
      yield tail;
    }

    return {
      chunks: chunks(),
      nextCursor: page?.hasMore && page.lastId !== null ? encodeCursor(page.lastId) : null,
      fileName: `oc4ids-${root?.region_code ?? 'lantern'}-${today}${req.cursor || req.limit ? `-from-${afterId + 1}` : ''}.json`,
      written: () => written,
    };
  }

  return {
    /** The package of what `actor` may read; 403 for those who read no project, 404 when nothing matches. */
    open(actor: ActorContext, req: ExportRequest, uri: string): Promise<OpenExport> {
      if (!projectPolicy.canExport(actor)) throw forbidden();
      return openScoped(projectPolicy.readScope(actor), req, uri);
    },

    /** The whole library, for `lantern export oc4ids`: whoever runs the command holds the database itself. */
    openAll: (req: ExportRequest, uri: string) => openScoped({ kind: 'all' }, req, uri),
  };
}

export type Oc4idsExport = ReturnType<typeof createOc4idsExport>;
