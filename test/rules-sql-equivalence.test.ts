import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LISTS, listMembership, type ListFacts } from '../src/domain/projects/four-lists.ts';
import { STAGES, type Stage } from '../src/domain/projects/lifecycle.ts';
import { mustReport } from '../src/domain/reports/report-rules.ts';
import { childPath } from '../src/domain/units/unit-tree.ts';
import { openDb, type Db } from '../src/server/db/client.ts';
import { migrateToLatest } from '../src/server/db/migrate.ts';
import { createProjectRepository } from '../src/server/features/projects/projects.repository.ts';
import { createReportRepository } from '../src/server/features/reports/reports.repository.ts';
import { databaseKinds, freshDatabase } from './support/databases.ts';

/**
 * SQL that restates a domain rule is checked against the domain function on generated data: "who must
 * report" (`mustReport` vs the obligations query) and the four lists (`listMembership` vs the list
 * filters and their per-unit totals). Each run inserts its projects under a unit of its own, so runs
 * never see each other's rows (history triggers keep deleted rows anyway).
 */
const YEAR = 2026;
const AT = '2026-06-01T00:00:00.000Z';

interface GeneratedProject extends ListFacts {
  totalInvestment: number;
  /** Years with an annual plan. */
  planYears: number[];
}

const date = fc
  .record({ year: fc.integer({ min: YEAR - 1, max: YEAR + 1 }), month: fc.integer({ min: 1, max: 12 }) })
  .map(({ year, month }) => `${year}-${String(month).padStart(2, '0')}-15`);
const maybeDate = fc.option(date, { nil: null });

const project: fc.Arbitrary<GeneratedProject> = fc.record({
  stage: fc.constantFrom(...STAGES) as fc.Arbitrary<Stage>,
  plannedStartDate: maybeDate,
  actualStartDate: maybeDate,
  plannedProductionDate: maybeDate,
  actualProductionDate: maybeDate,
  totalInvestment: fc.integer({ min: 1, max: 5_000_000_000 }),
  planYears: fc.uniqueArray(fc.integer({ min: YEAR - 1, max: YEAR + 1 }), { maxLength: 3 }),
});

const yearOf = (d: string | null) => (d === null ? null : Number(d.slice(0, 4)));

describe.each(await databaseKinds())('SQL restating domain rules on %s', (kind) => {
  let db: Db;
  let drop: () => Promise<void>;
  let rootId: number;
  let rootPath: string;
  let runs = 0;

  beforeAll(async () => {
    const fresh = await freshDatabase(kind);
    drop = fresh.drop;
    db = openDb(fresh.database);
    await migrateToLatest(db);
    ({ id: rootId, path: rootPath } = await addUnit(null, null));
  });
  afterAll(async () => {
    await db.close();
    await drop();
  });

  async function addUnit(parentId: number | null, parentPath: string | null) {
    const { id } = await db.kysely
      .insertInto('units')
      .values({
        parent_id: parentId,
        name: `单位${++runs}`,
        kind: parentId === null ? 'county' : 'township',
        region_code: null,
        path: '/pending/',
        depth: parentId === null ? 0 : 1,
        sort_order: 0,
        created_at: AT,
        updated_at: AT,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const path = childPath(parentPath, Number(id));
    await db.kysely.updateTable('units').set({ path }).where('id', '=', id).execute();
    return { id: Number(id), path };
  }

  /** The generated projects under a new unit (and under a unit below it, every other one): their ids. */
  async function insert(projects: GeneratedProject[]) {
    const unit = await addUnit(rootId, rootPath);
    const below = await addUnit(unit.id, unit.path);
    const ids: number[] = [];
    for (const [i, p] of projects.entries()) {
      const lead = i % 2 ? below : unit;
      const { id } = await db.kysely
        .insertInto('projects')
        .values({
          code: null,
          internal_no: null,
          name: `项目${i}`,
          name_initials: 'xm',
          nature: 'new',
          kind: 'industry',
          industry_code: '17',
          industry_section: 'C',
          level: null,
          investment_type: 'enterprise',
          approval_mode: 'filing',
          lead_unit_id: lead.id,
          unit_path: lead.path,
          total_investment: p.totalInvestment,
          is_above_yi: p.totalInvestment >= 100_000_000 ? 1 : 0,
          stage: p.stage,
          stage_changed_at: AT,
          planned_start_date: p.plannedStartDate,
          actual_start_date: p.actualStartDate,
          planned_production_date: p.plannedProductionDate,
          actual_production_date: p.actualProductionDate,
          // Derived as the project service derives them, from the dates.
          planned_start_year: yearOf(p.plannedStartDate),
          planned_production_year: yearOf(p.plannedProductionDate),
          created_at: AT,
          updated_at: AT,
        } as never)
        .returning('id')
        .executeTakeFirstOrThrow();
      ids.push(Number(id));
      for (const year of p.planYears)
        await db.kysely
          .insertInto('project_annual_plans')
          .values({ project_id: Number(id), year, amount: 1_000_000, monthly_curve: null })
          .execute();
    }
    return { unit, ids };
  }

  it('the obligations query lists exactly the projects mustReport names', async () => {
    const reports = createReportRepository(db.kysely);
    await fc.assert(
      fc.asyncProperty(fc.array(project, { maxLength: 12 }), fc.integer({ min: 1, max: 12 }), async (ps, month) => {
        const { unit, ids } = await insert(ps);
        const rows = await reports.obligations({ kind: 'subtree', path: unit.path }, YEAR, month);
        const expected = ids.filter((_, i) => mustReport(ps[i]!.stage, ps[i]!.planYears.includes(YEAR)));
        expect(rows.map((r) => r.project_id).sort((a, b) => a - b)).toEqual(expected.sort((a, b) => a - b));
      }),
      { numRuns: 20 },
    );
  });

  it('the four lists in SQL (members, done/pending, per-unit totals) agree with listMembership', async () => {
    const repo = createProjectRepository(db.kysely, db.dialect);
    await fc.assert(
      fc.asyncProperty(fc.array(project, { maxLength: 12 }), async (ps) => {
        const { unit, ids } = await insert(ps);
        for (const list of LISTS) {
          const member = ps.map((p) => listMembership(p, list, YEAR));
          for (const status of [undefined, 'done', 'pending'] as const) {
            if (status && (list === 'planning' || list === 'reserve')) continue;
            const filters = { unitPath: unit.path, list: { name: list, year: YEAR, status } };
            const got = await repo.count({ kind: 'all' }, filters);
            const want = member.filter((m) => m.member && (!status || m.status === status)).length;
            expect(Number(got), `${list} ${status ?? 'all'}`).toBe(want);
          }
          const totals = await repo.listTotals({ kind: 'all' }, list, YEAR, unit.path);
          const sum = (f: (t: (typeof totals)[number]) => unknown) => totals.reduce((s, t) => s + Number(f(t) ?? 0), 0);
          const members = ids.map((_, i) => i).filter((i) => member[i]!.member);
          expect(sum((t) => t.count)).toBe(members.length);
          expect(sum((t) => t.investment)).toBe(members.reduce((s, i) => s + ps[i]!.totalInvestment, 0));
          expect(sum((t) => t.done)).toBe(members.filter((i) => member[i]!.status === 'done').length);
        }
      }),
      { numRuns: 15 },
    );
  });
});
