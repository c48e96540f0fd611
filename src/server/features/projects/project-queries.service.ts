import { LISTS, type ListName, type ListStatus } from '../../../domain/projects/four-lists.ts';
import { invalid, notFound } from '../../http/errors.ts';
import { projectPolicy } from '../../policies/project.policy.ts';
import type { ActorContext } from '../session/actor.ts';
import type { UnitRepository, UnitWithCounts } from '../units/units.repository.ts';
import { optionalYuan } from './projects.input.ts';
import { presentProjectSummary } from './projects.presenter.ts';
import type { ProjectFilters, ProjectRepository } from './projects.repository.ts';
import type { ProjectListQuery } from './projects.schemas.ts';
import type { Clock } from '../../clock.ts';

/** Cursors are opaque to clients: the last row's sort value and id, base64url-encoded JSON. */
export const encodeCursor = (value: string | number, id: number) => Buffer.from(JSON.stringify([value, id])).toString('base64url');

function decodeCursor(cursor: string): [string | number, number] {
  try {
    const parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as unknown;
    if (Array.isArray(parsed) && parsed.length === 2 && ['string', 'number'].includes(typeof parsed[0]) && Number.isInteger(parsed[1])) {
      return parsed as [string | number, number];
    }
  } catch {
    /* fall through */
  }
  throw invalid('V_FORMAT', { field: '@cursor' }, 'cursor');
}

export function createProjectQueries({ projects, units, clock }: { projects: ProjectRepository; units: UnitRepository; clock: Clock }) {
  async function unitFilter(unitId: number | undefined) {
    if (unitId === undefined) return undefined;
    const unit = await units.findById(unitId);
    if (!unit) throw notFound('unit');
    return unit;
  }

  async function filtersFrom(q: ProjectListQuery): Promise<ProjectFilters> {
    const unit = await unitFilter(q.unitId);
    const year = q.year ?? clock().getUTCFullYear();
    const status: ListStatus | undefined = q.listStatus === 'started' ? 'done' : q.listStatus;
    return {
      unitPath: unit?.path,
      stages: q.stage,
      list: q.list ? { name: q.list, year, status } : undefined,
      level: q.level,
      aboveYi: q.aboveYi,
      industry: q.industry ? (/^[A-T]$/.test(q.industry) ? { section: q.industry } : { division: q.industry.replace(/^[A-T]/, '') }) : undefined,
      tag: q.tag,
      light: q.light,
      minInvestment: optionalYuan(q.minInvestmentWan, 'minInvestmentWan') ?? undefined,
      maxInvestment: optionalYuan(q.maxInvestmentWan, 'maxInvestmentWan') ?? undefined,
      q: q.q || undefined,
    };
  }

  return {
    async list(actor: ActorContext, q: ProjectListQuery) {
      const scope = projectPolicy.readScope(actor);
      const filters = await filtersFrom(q);
      const rows = await projects.list(scope, filters, { sort: q.sort, order: q.order, after: q.cursor ? decodeCursor(q.cursor) : undefined, limit: q.limit });
      const last = rows.at(-1);
      return {
        items: rows.map(presentProjectSummary),
        nextCursor: rows.length === q.limit && last ? encodeCursor(last.sort_value as string | number, last.id) : null,
        ...(q.withTotal ? { total: await projects.count(scope, filters) } : {}),
      };
    },

    /**
     * The four lists of a year, with each list's totals rolled up to the units directly below the
     * chosen unit (the county by default), so a coordinator sees one row per township or department.
     */
    async fourLists(actor: ActorContext, yearOrNow: number | undefined, unitId?: number) {
      const year = yearOrNow ?? clock().getUTCFullYear();
      const scope = projectPolicy.readScope(actor);
      const all = await units.listAll();
      const top = (await unitFilter(unitId)) ?? all.find((u) => u.parent_id === null)!;
      const byPath = new Map(all.map((u) => [u.path, u]));
      // The unit a project's lead-unit path rolls up to: the child of `top` on its way, or `top` itself.
      const rollUp = (path: string): UnitWithCounts | undefined => {
        if (path === top.path) return top;
        const rest = path.slice(top.path.length).split('/').filter(Boolean);
        return byPath.get(`${top.path}${rest[0]}/`);
      };
      const lists = {} as Record<ListName, { count: number; totalInvestmentYuan: number; done: number; pending: number; byUnit: { unitId: number; unitName: string; count: number; totalInvestmentYuan: number; done: number; pending: number }[] }>;
      for (const name of LISTS) {
        const rows = await projects.listTotals(scope, name, year, top.path);
        const byUnit = new Map<number, { unitId: number; unitName: string; count: number; totalInvestmentYuan: number; done: number; pending: number }>();
        for (const r of rows) {
          const unit = rollUp(r.unit_path);
          if (!unit) continue;
          const entry = byUnit.get(unit.id) ?? { unitId: unit.id, unitName: unit.name, count: 0, totalInvestmentYuan: 0, done: 0, pending: 0 };
          entry.count += Number(r.count);
          entry.totalInvestmentYuan += Number(r.investment ?? 0);
          entry.done += Number(r.done);
          entry.pending = name === 'start' || name === 'production' ? entry.count - entry.done : 0;
          byUnit.set(unit.id, entry);
        }
        const units_ = [...byUnit.values()].sort((a, b) => b.totalInvestmentYuan - a.totalInvestmentYuan);
        const sum = (k: 'count' | 'totalInvestmentYuan' | 'done' | 'pending') => units_.reduce((s, u) => s + u[k], 0);
        lists[name] = { count: sum('count'), totalInvestmentYuan: sum('totalInvestmentYuan'), done: sum('done'), pending: sum('pending'), byUnit: units_ };
      }
      return { year, unitId: top.id, lists };
    },
  };
}

export type ProjectQueries = ReturnType<typeof createProjectQueries>;
