import { sql, type Kysely, type RawBuilder, type SelectQueryBuilder, type SqlBool } from 'kysely';
import type { Scope } from '../../../domain/access/scope.ts';
import type { ListName, ListStatus } from '../../../domain/projects/four-lists.ts';
import { likeSafe, subtreeRange } from '../../db/fragments.ts';
import type { DB, ProjectTable } from '../../db/schema.ts';
import type { Dialect } from '../../db/client.ts';
import type { ProjectSort } from '../../../contract/projects.ts';
import { normaliseCreditCode } from '../../../domain/enterprises/credit-code.ts';
import { enterpriseNameKey } from '../../../domain/enterprises/enterprise-match.ts';

export const SORTS = {
  id: 'projects.id',
  name: 'projects.name',
  totalInvestment: 'projects.total_investment',
  plannedStartDate: 'projects.planned_start_date',
  plannedProductionDate: 'projects.planned_production_date',
  updatedAt: 'projects.updated_at',
} as const satisfies Record<ProjectSort, string>;
export type SortKey = keyof typeof SORTS;
const NULLABLE_SORTS = new Set<SortKey>(['plannedStartDate', 'plannedProductionDate']);

export interface ProjectFilters {
  /** The subtree of a chosen unit (on top of the actor's scope). */
  unitPath?: string;
  stages?: string[];
  list?: { name: ListName; year: number; status?: ListStatus };
  level?: string;
  aboveYi?: boolean;
  industry?: { section: string } | { division: string };
  tag?: string;
  /** The project's current light; grey includes projects not assessed yet. */
  light?: 'green' | 'yellow' | 'red' | 'grey';
  minInvestment?: number;
  maxInvestment?: number;
  q?: string;
}

export interface Page {
  sort: SortKey;
  order: 'asc' | 'desc';
  /** The sort value and id of the last row already shown. */
  after?: [value: string | number, id: number];
  /** Rows to skip, for a numbered page (a pager); the keyset `after` is the cheaper way on. */
  offset?: number;
  limit: number;
}

type ProjectQuery = SelectQueryBuilder<DB, 'projects', object>;

/** Restricts a project query to what a scope reaches, by the lead unit's path. */
export function inProjectScope<Q extends ProjectQuery>(q: Q, scope: Scope): Q {
  switch (scope.kind) {
    case 'all':
      return q;
    case 'subtree': {
      const [lo, hi] = subtreeRange(scope.path);
      return q.where('projects.unit_path', '>=', lo).where('projects.unit_path', '<', hi) as Q;
    }
    case 'self':
    case 'none':
      return q.where(sql<SqlBool>`1 = 0`) as Q;
  }
}

/** Applies the list filters. The four lists' SQL mirrors `listMembership` in src/domain/projects/four-lists.ts. */
export function withFilters<Q extends ProjectQuery>(q: Q, f: ProjectFilters, dialect: Dialect): Q {
  let out = q;
  if (f.unitPath) {
    const [lo, hi] = subtreeRange(f.unitPath);
    out = out.where('projects.unit_path', '>=', lo).where('projects.unit_path', '<', hi) as Q;
  }
  if (f.stages?.length) out = out.where('projects.stage', 'in', f.stages) as Q;
  if (f.list) {
    const { name, year, status } = f.list;
    if (name === 'planning' || name === 'reserve') out = out.where('projects.stage', '=', name) as Q;
    else {
      const plannedYear = name === 'start' ? 'projects.planned_start_year' : 'projects.planned_production_year';
      const actual = name === 'start' ? 'projects.actual_start_date' : 'projects.actual_production_date';
      out = out.where(plannedYear, '=', year).where('projects.stage', '!=', 'dropped') as Q;
      if (status === 'done') out = out.where(actual, 'is not', null) as Q;
      if (status === 'pending') out = out.where(actual, 'is', null) as Q;
    }
  }
  if (f.level) out = out.where('projects.level', '=', f.level) as Q;
  if (f.aboveYi) out = out.where('projects.is_above_yi', '=', 1) as Q;
  if (f.industry) {
    out = (
      'section' in f.industry
        ? out.where('projects.industry_section', '=', f.industry.section)
        : out.where('projects.industry_code', '=', f.industry.division)
    ) as Q;
  }
  if (f.tag)
    out = out.where('projects.id', 'in', (eb) =>
      eb.selectFrom('project_tags').select('project_tags.project_id').where('project_tags.tag', '=', f.tag!),
    ) as Q;
  if (f.light) {
    const light = f.light;
    out = (
      light === 'grey'
        ? out.where('projects.id', 'not in', (eb) =>
            eb
              .selectFrom('project_lights')
              .select('project_lights.project_id')
              .where('project_lights.colour', '!=', 'grey'),
          )
        : out.where('projects.id', 'in', (eb) =>
            eb
              .selectFrom('project_lights')
              .select('project_lights.project_id')
              .where('project_lights.colour', '=', light),
          )
    ) as Q;
  }
  if (f.minInvestment !== undefined) out = out.where('projects.total_investment', '>=', f.minInvestment) as Q;
  if (f.maxInvestment !== undefined) out = out.where('projects.total_investment', '<=', f.maxInvestment) as Q;
  if (f.q) out = withSearch(out, f.q, dialect);
  return out;
}

/**
 * Free text: digits and dashes are the start of a project code; anything else is part of the name,
 * or of its pinyin initials ("lxfz" finds 兰溪纺织…). From three characters on, SQLite answers from
 * its trigram table; PostgreSQL's LIKE uses its trigram indexes by itself.
 */
function withSearch<Q extends ProjectQuery>(q: Q, raw: string, dialect: Dialect): Q {
  const text = likeSafe(raw.trim());
  if (/^[\d-]+$/.test(text)) return q.where('projects.code', 'like', `${text}%`) as Q;
  const lower = text.toLowerCase();
  if (dialect === 'sqlite' && [...text].length >= 3) {
    const phrase = `"${lower.replace(/"/g, '""')}"`;
    return q.where(
      'projects.id',
      'in',
      sql<number>`(select rowid from projects_fts where projects_fts match ${phrase})`,
    ) as Q;
  }
  return q.where((eb) =>
    eb.or([eb('projects.name', 'like', `%${text}%`), eb('projects.name_initials', 'like', `%${lower}%`)]),
  ) as Q;
}

/** The sort expression: nullable dates sort as '' so that keyset comparisons stay total. */
function sortExpr(sort: SortKey): RawBuilder<string | number> {
  const column = sql.ref(SORTS[sort]);
  return NULLABLE_SORTS.has(sort) ? sql<string>`coalesce(${column}, '')` : sql<string | number>`${column}`;
}

export type ProjectRow = ProjectTable extends infer T
  ? { [K in keyof T]: T[K] extends import('kysely').Generated<infer U> ? U : T[K] }
  : never;

export function createProjectRepository(db: Kysely<DB>, dialect: Dialect) {
  const summaryColumns = (q: ProjectQuery) =>
    q
      .innerJoin('units as lead', 'lead.id', 'projects.lead_unit_id')
      .leftJoin('units as town', 'town.id', 'projects.township_unit_id')
      .leftJoin('project_lights as pl', 'pl.project_id', 'projects.id')
      .select([
        'pl.colour as light',
        'pl.findings_json as light_findings',
        'projects.id',
        'projects.code',
        'projects.name',
        'projects.stage',
        'projects.lead_unit_id',
        'lead.name as lead_unit_name',
        'projects.township_unit_id',
        'town.name as township_name',
        'projects.industry_code',
        'projects.level',
        'projects.is_above_yi',
        'projects.total_investment',
        'projects.planned_start_date',
        'projects.actual_start_date',
        'projects.planned_production_date',
        'projects.actual_production_date',
        'projects.tags',
        'projects.updated_at',
        'projects.unit_path',
      ]);

  /** The one WHERE of the list, its count and its export: the actor's scope and the filters. */
  const filtered = (scope: Scope, f: ProjectFilters) =>
    withFilters(inProjectScope(db.selectFrom('projects'), scope), f, dialect);

  return {
    /**
     * The registered enterprise a project's owner is (企业库): by credit code, else by the exact name when
     * only one enterprise bears it; null when none (src/domain/enterprises/enterprise-match.ts).
     */
    async ownerEnterprise(ex: Kysely<DB>, owner: { owner_credit_code: string | null; owner_name: string | null }) {
      const code = owner.owner_credit_code ? normaliseCreditCode(owner.owner_credit_code) : '';
      if (code) {
        const byCode = await ex
          .selectFrom('enterprises')
          .select('id')
          .where('credit_code', '=', code)
          .executeTakeFirst();
        if (byCode) return byCode.id;
      }
      const key = owner.owner_name ? enterpriseNameKey(owner.owner_name) : '';
      if (!key) return null;
      const byName = await ex.selectFrom('enterprises').select('id').where('name_key', '=', key).limit(2).execute();
      return byName.length === 1 ? byName[0]!.id : null;
    },

    /**
     * One page: rows after `page.after` (keyset) or after `page.offset` rows (a numbered page) in the
     * chosen order, id breaking ties. The light's reasons come in the same query (one row per project).
     */
    async list(scope: Scope, f: ProjectFilters, page: Page) {
      const expr = sortExpr(page.sort);
      const cmp = page.order === 'desc' ? '<' : '>';
      let q = filtered(scope, f);
      if (page.after) {
        const [value, id] = page.after;
        q = q.where((eb) => eb.or([eb(expr, cmp, value), eb.and([eb(expr, '=', value), eb('projects.id', cmp, id)])]));
      }
      const rows = await summaryColumns(q)
        .select(expr.as('sort_value'))
        .orderBy(expr, page.order)
        .orderBy('projects.id', page.order)
        .limit(page.limit)
        .$if(!!page.offset, (qb) => qb.offset(page.offset!))
        .execute();
      return rows;
    },

    /** How many rows the list has: the same WHERE as `list`. */
    async count(scope: Scope, f: ProjectFilters) {
      const row = await filtered(scope, f)
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow();
      return Number(row.n);
    },

    findById: (id: number, ex: Kysely<DB> = db) =>
      ex
        .selectFrom('projects')
        .innerJoin('units as lead', 'lead.id', 'projects.lead_unit_id')
        .leftJoin('units as town', 'town.id', 'projects.township_unit_id')
        .selectAll('projects')
        .select(['lead.name as lead_unit_name', 'town.name as township_name'])
        .where('projects.id', '=', id)
        .executeTakeFirst(),

    /** The names of a lead unit's projects in scope (the index on lead unit and name answers it). */
    namesOfUnit: (scope: Scope, leadUnitId: number) =>
      inProjectScope(db.selectFrom('projects'), scope)
        .select(['projects.id', 'projects.name'])
        .where('projects.lead_unit_id', '=', leadUnitId)
        .execute(),

    /** Projects by id with their lead unit, for the duplicate check's answer. */
    briefs: (ids: number[]) =>
      ids.length === 0
        ? Promise.resolve([])
        : db
            .selectFrom('projects')
            .innerJoin('units as lead', 'lead.id', 'projects.lead_unit_id')
            .select([
              'projects.id',
              'projects.name',
              'projects.code',
              'projects.stage',
              'projects.lead_unit_id',
              'projects.unit_path',
              'lead.name as lead_unit_name',
            ])
            .where('projects.id', 'in', ids)
            .orderBy('projects.id')
            .execute(),

    findByCode: (code: string, ex: Kysely<DB> = db) =>
      ex.selectFrom('projects').select(['id', 'name', 'unit_path']).where('code', '=', code).executeTakeFirst(),

    insert: (ex: Kysely<DB>, row: Omit<ProjectRow, 'id'>) =>
      ex.insertInto('projects').values(row).returning('id').executeTakeFirstOrThrow(),

    update: (ex: Kysely<DB>, id: number, patch: Partial<Omit<ProjectRow, 'id'>>) =>
      ex.updateTable('projects').set(patch).where('id', '=', id).execute(),

    async replaceTags(ex: Kysely<DB>, projectId: number, tags: string[]) {
      await ex.deleteFrom('project_tags').where('project_id', '=', projectId).execute();
      if (tags.length)
        await ex
          .insertInto('project_tags')
          .values(tags.map((tag) => ({ tag, project_id: projectId })))
          .execute();
    },

    async replacePlans(
      ex: Kysely<DB>,
      projectId: number,
      plans: { year: number; amount: number; curve?: number[] | null }[],
    ) {
      await ex.deleteFrom('project_annual_plans').where('project_id', '=', projectId).execute();
      if (plans.length) {
        await ex
          .insertInto('project_annual_plans')
          .values(
            plans.map((p) => ({
              project_id: projectId,
              year: p.year,
              amount: p.amount,
              monthly_curve: p.curve ? JSON.stringify(p.curve) : null,
            })),
          )
          .execute();
      }
    },

    plansOf: (projectId: number, ex: Kysely<DB> = db) =>
      ex
        .selectFrom('project_annual_plans')
        .select(['year', 'amount', 'monthly_curve'])
        .where('project_id', '=', projectId)
        .orderBy('year')
        .execute(),

    historyOf: (projectId: number, ex: Kysely<DB> = db) =>
      ex
        .selectFrom('project_stage_changes')
        .selectAll()
        .where('project_id', '=', projectId)
        .orderBy('id', 'desc')
        .execute(),

    insertStageChange: (ex: Kysely<DB>, row: Omit<DB['project_stage_changes'], 'id'>) =>
      ex.insertInto('project_stage_changes').values(row).execute(),

    /**
     * Counts and sums of one of the four lists, grouped by lead unit path; `done` counts the rows
     * whose actual date is set (started / in production).
     */
    async listTotals(scope: Scope, list: ListName, year: number, unitPath?: string) {
      const actual =
        list === 'start'
          ? 'projects.actual_start_date'
          : list === 'production'
            ? 'projects.actual_production_date'
            : null;
      return withFilters(
        inProjectScope(db.selectFrom('projects'), scope),
        { unitPath, list: { name: list, year } },
        dialect,
      )
        .select((eb) => [
          'projects.unit_path',
          eb.fn.countAll<number>().as('count'),
          eb.fn.sum<number>('projects.total_investment').as('investment'),
          actual
            ? sql<number>`sum(case when ${sql.ref(actual)} is not null then 1 else 0 end)`.as('done')
            : sql<number>`0`.as('done'),
        ])
        .groupBy('projects.unit_path')
        .execute();
    },
  };
}

export type ProjectRepository = ReturnType<typeof createProjectRepository>;
export type ProjectSummaryRow = Awaited<ReturnType<ProjectRepository['list']>>[number];
export type ProjectDetailRow = NonNullable<Awaited<ReturnType<ProjectRepository['findById']>>>;
