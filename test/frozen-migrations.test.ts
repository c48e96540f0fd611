import fs from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { STAGES } from '../src/domain/projects/lifecycle.ts';
import { YI } from '../src/domain/stats/contribution.ts';
import { openDb, type Db } from '../src/server/db/client.ts';
import { migrateToLatest } from '../src/server/db/migrate.ts';
import { FROZEN_YI, rebuildUnitStatsAsOf0009 } from '../src/server/db/migrations/frozen-unit-stats-0009.ts';
import { rebuildUnitStats } from '../src/server/features/stats/unit-stats.rebuild.ts';
import { databaseKinds, freshDatabase } from './support/databases.ts';

const MIGRATIONS = path.join(import.meta.dirname, '../src/server/db/migrations');
const AT = '2026-06-01T00:00:00.000Z';

describe('migrations are frozen history', () => {
  it('import no feature or domain code: only kysely, the migrator types and their own frozen copies', () => {
    for (const file of fs.readdirSync(MIGRATIONS).filter((f) => f.endsWith('.ts'))) {
      const source = fs.readFileSync(path.join(MIGRATIONS, file), 'utf8');
      const imports = [...source.matchAll(/from '([^']+)'/g)].map((m) => m[1]!);
      for (const spec of imports)
        expect(spec, `${file} imports ${spec}`).toMatch(/^(kysely|\.\.\/migrate\.ts|\.\/[\w-]+\.ts)$/);
    }
  });

  it('the frozen 亿元 threshold is today’s (it must be: the rebuild and the incremental path count the same)', () => {
    expect(FROZEN_YI).toBe(YI);
  });
});

describe.each(await databaseKinds())('the migrations’ frozen unit_stats rebuild on %s', (kind) => {
  let db: Db;
  let drop: () => Promise<void>;

  beforeAll(async () => {
    const fresh = await freshDatabase(kind);
    drop = fresh.drop;
    db = openDb(fresh.database);
    await migrateToLatest(db);
  });
  afterAll(async () => {
    await db.close();
    await drop();
  });

  it('gives today’s rows on today’s schema (so a migrated database needs no repair until the rules change)', async () => {
    const { id: unitId } = await db.kysely
      .insertInto('units')
      .values({
        parent_id: null,
        name: '县',
        kind: 'county',
        region_code: null,
        path: '/1/',
        depth: 0,
        sort_order: 0,
        created_at: AT,
        updated_at: AT,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await db.kysely
      .updateTable('units')
      .set({ path: `/${unitId}/` })
      .where('id', '=', unitId)
      .execute();
    const date = fc.option(fc.constantFrom('2025-03-10', '2026-01-20', '2026-07-01', '2027-02-02'), { nil: null });
    const projects = fc.sample(
      fc.record({
        stage: fc.constantFrom(...STAGES),
        planned: date,
        actual: date,
        production: date,
        total: fc.constantFrom(50_000_000, 100_000_000, 300_000_000),
        reported: fc.boolean(),
      }),
      { numRuns: 40, seed: 12 },
    );
    for (const [i, p] of projects.entries()) {
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
          lead_unit_id: Number(unitId),
          unit_path: `/${unitId}/`,
          total_investment: p.total,
          is_above_yi: p.total >= YI ? 1 : 0,
          stage: p.stage,
          stage_changed_at: AT,
          planned_start_date: p.planned,
          actual_start_date: p.actual,
          planned_production_date: p.production,
          planned_start_year: p.planned && Number(p.planned.slice(0, 4)),
          planned_production_year: p.production && Number(p.production.slice(0, 4)),
          created_at: AT,
          updated_at: AT,
        } as never)
        .returning('id')
        .executeTakeFirstOrThrow();
      await db.kysely
        .insertInto('project_annual_plans')
        .values({ project_id: Number(id), year: 2026, amount: 2_000_000, monthly_curve: null })
        .execute();
      if (p.reported)
        await db.kysely
          .insertInto('monthly_reports')
          .values({
            project_id: Number(id),
            year: 2026,
            month: 3,
            revision: 1,
            is_current: 1,
            amount: 1_500_000,
            progress_text: '',
            problems: '',
            state: 'approved',
            is_late: 0,
            correction_reason: null,
            return_reason: null,
            submitted_at: AT,
            reviewed_at: AT,
            reviewed_by: '管理员',
            created_by: '管理员',
            created_at: AT,
            updated_at: AT,
          })
          .execute();
    }
    const rows = async () =>
      (await db.kysely.selectFrom('unit_stats').selectAll().execute())
        .map((r) => ({ ...r, value: Number(r.value) }))
        .sort((a, b) => `${a.metric}|${a.year}|${a.month}`.localeCompare(`${b.metric}|${b.year}|${b.month}`));
    await rebuildUnitStats(db.kysely, db.dialect);
    const today = await rows();
    expect(today.length).toBeGreaterThan(5);
    await rebuildUnitStatsAsOf0009(db.kysely, db.dialect);
    expect(await rows()).toEqual(today);
  });
});
