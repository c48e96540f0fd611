import { LISTS, type ListName, type ListStatus } from '../../../domain/projects/four-lists.ts';
import { invalid, notFound } from '../../http/errors.ts';
import type { ActorContext } from '../session/actor.ts';
import type { UnitRepository } from '../units/units.repository.ts';
import { optionalYuan } from './projects.input.ts';
import { presentProjectSummary } from './projects.presenter.ts';
import type { ProjectFilters, ProjectRepository } from './projects.repository.ts';
import type { DuplicatesQuery, DuplicatesResponse, ProjectListQuery } from '../../../contract/projects.ts';
import { normaliseProjectCode } from '../../../domain/projects/project-code.ts';
import { projectNameKey } from '../../../domain/projects/project-name.ts';
import type { Stage } from '../../../domain/projects/lifecycle.ts';
import { scopeAllows } from '../../../domain/access/scope.ts';
import type { Today } from '../../clock.ts';
import type { UnitStats } from '../stats/unit-stats.ts';
import { visibleSubtree } from '../../../domain/access/scope.ts';
import { rollUpPath } from '../../../domain/units/unit-tree.ts';
import { listScope } from '../../policies/list-scope.ts';

/** Cursors are opaque to clients: the last row's sort value and id, base64url-encoded JSON. */
export const encodeCursor = (value: string | number, id: number) =>
  Buffer.from(JSON.stringify([value, id])).toString('base64url');

function decodeCursor(cursor: string): [string | number, number] {
  try {
    const parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as unknown;
    if (
      Array.isArray(parsed) &&
      parsed.length === 2 &&
      ['string', 'number'].includes(typeof parsed[0]) &&
      Number.isInteger(parsed[1])
    ) {
      return parsed as [string | number, number];
    }
  } catch {
    /* fall through */
  }
  throw invalid('V_FORMAT', { field: '@cursor' }, 'cursor');
}

export function createProjectQueries({
  projects,
  units,
  stats,
  today,
}: {
  projects: ProjectRepository;
  units: UnitRepository;
  stats: Pick<UnitStats, 'under'>;
  today: Today;
}) {
  async function unitFilter(unitId: number | undefined) {
    if (unitId === undefined) return undefined;
    const unit = await units.findById(unitId);
    if (!unit) throw notFound('unit');
    return unit;
  }

  async function filtersFrom(q: ProjectListQuery): Promise<ProjectFilters> {
    const unit = await unitFilter(q.unitId);
    const year = q.year ?? Number(today().slice(0, 4));
    const status: ListStatus | undefined = q.listStatus === 'started' ? 'done' : q.listStatus;
    return {
      unitPath: unit?.path,
      stages: q.stage,
      list: q.list ? { name: q.list, year, status } : undefined,
      level: q.level,
      aboveYi: q.aboveYi,
      industry: q.industry
        ? /^[A-T]$/.test(q.industry)
          ? { section: q.industry }
          : { division: q.industry.replace(/^[A-T]/, '') }
        : undefined,
      tag: q.tag,
      light: q.light,
      minInvestment: optionalYuan(q.minInvestmentWan, 'minInvestmentWan') ?? undefined,
      maxInvestment: optionalYuan(q.maxInvestmentWan, 'maxInvestmentWan') ?? undefined,
      q: q.q || undefined,
    };
  }

  /**
   * What a new project would repeat: the projects of the same lead unit whose name is the same once
   * width, spaces and case are set aside (src/domain/projects/project-name.ts), and the project that
   * has the code (codes are unique in the county). Only projects the person may see are named.
   */
  async function duplicates(actor: ActorContext, q: DuplicatesQuery): Promise<DuplicatesResponse> {
    const unit = await unitFilter(q.unitId);
    const scope = listScope(actor, 'project');
    const key = q.name ? projectNameKey(q.name) : '';
    const named = key
      ? (await projects.namesOfUnit(scope, unit!.id)).filter((p) => projectNameKey(p.name) === key).map((p) => p.id)
      : [];
    const checked = q.code ? normaliseProjectCode(q.code) : null;
    const holder = checked && 'code' in checked ? await projects.findByCode(checked.code) : undefined;
    const holderVisible = holder ? scopeAllows(scope, { unitPath: holder.unit_path }) : false;
    const ids = [...new Set([...named, ...(holder && holderVisible ? [holder.id] : [])])].filter(
      (id) => id !== q.exceptId,
    );
    const found = await projects.briefs(ids);
    return {
      items: found.map((p) => ({
        id: p.id,
        name: p.name,
        code: p.code,
        stage: p.stage as Stage,
        leadUnitId: p.lead_unit_id,
        leadUnitName: p.lead_unit_name,
        sameName: named.includes(p.id),
        sameCode: holder?.id === p.id,
      })),
      codeTakenElsewhere: !!holder && !holderVisible && holder.id !== q.exceptId,
    };
  }

  return {
    duplicates,

    /**
     * A page of the list, by keyset cursor (`cursor`: what the export and integrations walk) or by
     * number (`page`: what a pager shows); `withTotal` adds the count under the same scope and filters.
     */
    async list(actor: ActorContext, q: ProjectListQuery) {
      if (q.cursor && q.page) throw invalid('P_PAGE_AND_CURSOR', {}, 'page');
      const scope = listScope(actor, 'project');
      const filters = await filtersFrom(q);
      const rows = await projects.list(scope, filters, {
        sort: q.sort,
        order: q.order,
        after: q.cursor ? decodeCursor(q.cursor) : undefined,
        offset: q.page ? (q.page - 1) * q.limit : undefined,
        limit: q.limit,
      });
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
      const year = yearOrNow ?? Number(today().slice(0, 4));
      const all = await units.listAll();
      const top = (await unitFilter(unitId)) ?? all.find((u) => u.parent_id === null)!;
      const byPath = new Map(all.map((u) => [u.path, u]));
      const visible = visibleSubtree(listScope(actor, 'project'), top.path);
      // The lists' counts are kept per unit in unit_stats: stage lists without a year, the start
      // and production lists under their planned year.
      const figures = visible ? await stats.under(visible, [0, year]) : [];
      type UnitTotals = {
        unitId: number;
        unitName: string;
        count: number;
        totalInvestmentYuan: number;
        done: number;
        pending: number;
      };
      const lists = {} as Record<
        ListName,
        { count: number; totalInvestmentYuan: number; done: number; pending: number; byUnit: UnitTotals[] }
      >;
      for (const name of LISTS) {
        const wantYear = name === 'start' || name === 'production' ? year : 0;
        const byUnit = new Map<number, UnitTotals>();
        for (const f of figures) {
          if (f.year !== wantYear || !f.metric.startsWith(`${name}.`)) continue;
          const at = rollUpPath(top.path, f.unit_path);
          const unit = at === null ? undefined : at === top.path ? top : byPath.get(at);
          if (!unit) continue;
          const entry = byUnit.get(unit.id) ?? {
            unitId: unit.id,
            unitName: unit.name,
            count: 0,
            totalInvestmentYuan: 0,
            done: 0,
            pending: 0,
          };
          const field = f.metric.slice(name.length + 1);
          if (field === 'count') entry.count += f.value;
          else if (field === 'investment') entry.totalInvestmentYuan += f.value;
          else if (field === 'done') entry.done += f.value;
          byUnit.set(unit.id, entry);
        }
        for (const entry of byUnit.values())
          entry.pending = name === 'start' || name === 'production' ? entry.count - entry.done : 0;
        const units_ = [...byUnit.values()]
          .filter((u) => u.count > 0)
          .sort((a, b) => b.totalInvestmentYuan - a.totalInvestmentYuan);
        const sum = (k: 'count' | 'totalInvestmentYuan' | 'done' | 'pending') => units_.reduce((s, u) => s + u[k], 0);
        lists[name] = {
          count: sum('count'),
          totalInvestmentYuan: sum('totalInvestmentYuan'),
          done: sum('done'),
          pending: sum('pending'),
          byUnit: units_,
        };
      }
      return { year, unitId: top.id, lists };
    },
  };
}

export type ProjectQueries = ReturnType<typeof createProjectQueries>;
