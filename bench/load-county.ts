import { sql } from 'kysely';
import { parseConfig, type Database } from '../src/server/config/config.ts';
import { openDb, type Db } from '../src/server/db/client.ts';
import { migrateToLatest } from '../src/server/db/migrate.ts';
import { createServices } from '../src/server/services.ts';
import { ADMIN_PASSWORD } from '../test/support/factories.ts';
import { freshDatabase, type DatabaseKind } from '../test/support/databases.ts';
import { generate, rng } from './projects.bench.ts';

/**
 * The county the load benchmark runs against: 兰溪市 set up, N projects spread over its townships
 * and streets, each with an annual plan (so each must report every month) and its approved reports
 * from January up to the month before the one being filed; the per-unit figures and the lights
 * computed, statistics fresh. The database stays until `drop`, for a server in another process.
 */
export interface LoadCounty {
  database: Database;
  drop: () => Promise<void>;
  /** The units directly below the county, with their projects' ids. */
  townships: { id: number; name: string; projectIds: number[] }[];
  /** The month being filed on the deadline day. */
  period: { year: number; month: number };
  seedMs: number;
}

/**
 * The deadline day: the 3rd of the current month at 09:00 in Asia/Shanghai (01:00 UTC), when the
 * previous month's reports are due (the default calendar, submitByDay 3). The clock runs on from there.
 */
export function deadlineDay(now = new Date()): { start: Date; period: { year: number; month: number } } {
  const local = new Date(now.getTime() + 8 * 3_600_000);
  const [y, m] = [local.getUTCFullYear(), local.getUTCMonth()];
  const start = new Date(Date.UTC(y, m, 3, 1, 0, 0));
  const prev = new Date(Date.UTC(y, m - 1, 1));
  return { start, period: { year: prev.getUTCFullYear(), month: prev.getUTCMonth() + 1 } };
}

async function generateYearSoFar(db: Db, period: { year: number; month: number }, at: string): Promise<number> {
  const rand = rng(11);
  let after = 0;
  let written = 0;
  for (;;) {
    const batch = await db.kysely
      .selectFrom('projects')
      .select(['id', 'total_investment'])
      .where('id', '>', after)
      .orderBy('id')
      .limit(2000)
      .execute();
    if (!batch.length) return written;
    await db.kysely.transaction().execute(async (trx) => {
      const plans = batch.map((p) => ({
        project_id: p.id,
        year: period.year,
        amount: Math.round(Number(p.total_investment) / 3),
        monthly_curve: null,
      }));
      await trx.insertInto('project_annual_plans').values(plans).execute();
      const rows = batch.flatMap((p) =>
        Array.from({ length: period.month - 1 }, (_, m) => ({
          project_id: p.id,
          year: period.year,
          month: m + 1,
          revision: 1,
          is_current: 1,
          amount: Math.round((Number(p.total_investment) / 36) * (0.3 + rand())),
          progress_text: '按计划推进',
          problems: '',
          state: 'approved',
          is_late: rand() < 0.05 ? 1 : 0,
          correction_reason: null,
          return_reason: null,
          submitted_at: at,
          reviewed_at: at,
          reviewed_by: '发改局',
          created_by: 'bench',
          created_at: at,
          updated_at: at,
        })),
      );
      for (let i = 0; i < rows.length; i += 1000)
        await trx
          .insertInto('monthly_reports')
          .values(rows.slice(i, i + 1000))
          .execute();
      written += rows.length;
    });
    after = batch.at(-1)!.id;
  }
}

export async function seedLoadCounty(kind: DatabaseKind, projects: number, clockStart: Date): Promise<LoadCounty> {
  const t0 = performance.now();
  const { period } = deadlineDay(clockStart);
  const fresh = await freshDatabase(kind);
  const config = { ...parseConfig({ LANTERN_WEB_DIR: '' }), database: fresh.database };
  const db = openDb(config.database);
  let seeded = false;
  try {
    await migrateToLatest(db);
    const services = createServices(db, config, () => clockStart);
    await services.setup.run({ regionCode: '330781', username: 'admin', password: ADMIN_PASSWORD });
    const units = await db.kysely
      .selectFrom('units')
      .select(['id', 'path', 'name'])
      .where('depth', '=', 1)
      .orderBy('id')
      .execute();
    await generate(db, projects, units, period.year);
    await generateYearSoFar(db, period, clockStart.toISOString());
    await services.stats.rebuild();
    await services.lights.recomputeAll();
    await sql`ANALYZE`.execute(db.kysely);
    const rows = await db.kysely.selectFrom('projects').select(['id', 'lead_unit_id']).orderBy('id').execute();
    const townships = units.map((u) => ({
      id: u.id,
      name: u.name,
      projectIds: rows.filter((r) => r.lead_unit_id === u.id).map((r) => r.id),
    }));
    seeded = true;
    return { database: fresh.database, drop: fresh.drop, townships, period, seedMs: performance.now() - t0 };
  } finally {
    // Closed before the server, in its own process, opens it.
    await db.close();
    if (!seeded) await fresh.drop();
  }
}
