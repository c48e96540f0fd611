import { sql } from 'kysely';
import { parseRaceDefinition } from '../src/domain/race/race-definition.ts';
import { periodOf } from '../src/domain/race/period.ts';
import type { ActorContext } from '../src/server/features/session/actor.ts';
import type { DatabaseKind } from '../test/support/databases.ts';
import { benchBulletinRender } from './bulletin.bench.ts';
import { withBenchCounty } from './county.ts';
import { generate, generateReports } from './projects.bench.ts';
import { ms, timeMany } from './stats.ts';

const COUNTIES = 90;
/** Per county: 20 townships and streets, 7 departments, 3 platforms — a province's 2,700 ranked units. */
const KINDS = [...Array(20).fill('township'), ...Array(7).fill('department'), ...Array(3).fill('platform')] as const;
const QUARTERLY = {
  name: '全省项目建设季度比拼',
  periodKind: 'quarter',
  indicators: [
    { key: 'fixedAssetInvestment', weight: 50, method: 'ratioToTarget', params: { cap: 1.2 } },
    { key: 'projectsStarted', weight: 30, method: 'efficacyCoefficient', params: {} },
    { key: 'newStartsAboveYi', weight: 20, method: 'rankPoints', params: { points: [10, 8, 6, 4, 2], rest: 'zero' } },
    { key: 'redProjects', weight: 0, method: 'deduction', params: { perEvent: 0.1, cap: 5 } },
  ],
  topN: 3,
  bottomN: 3,
};

/**
 * The race at province scale: 90 counties' units (2,700 ranked) under one root, N projects spread
 * over them with plans and twelve months of reports, targets for every unit; then the quarterly
 * ranking computed from the per-unit figures, a bulletin published, and that bulletin (2,700 rows)
 * rendered to .docx and PDF. A county-sized bulletin render follows for comparison.
 */
export async function benchRace(args: { projects: number; requests: number; databases: DatabaseKind[] }) {
  for (const kind of args.databases) {
    await withBenchCounty(kind, async ({ db, services }) => {
      const year = new Date().getUTCFullYear();
      const root = await db.kysely
        .selectFrom('units')
        .select(['id', 'path'])
        .where('parent_id', 'is', null)
        .executeTakeFirstOrThrow();
      const adminRow = await db.kysely
        .selectFrom('users')
        .select(['id'])
        .where('username', '=', 'admin')
        .executeTakeFirstOrThrow();
      const admin: ActorContext = {
        id: adminRow.id,
        role: 'admin',
        unitId: root.id,
        unitPath: root.path,
        username: 'admin',
        displayName: '管理员',
        unitName: '',
        locale: null,
        via: 'session',
      };
      const t0 = performance.now();
      for (let c = 0; c < COUNTIES; c++) {
        const county = await services.units.create(
          admin,
          { parentId: root.id, name: `第${c + 1}县`, kind: 'other', sortOrder: c },
          null,
        );
        for (const [i, k] of KINDS.entries()) {
          await services.units.create(
            admin,
            {
              parentId: county.id,
              name: `第${c + 1}县${k === 'township' ? '镇' : k === 'department' ? '局' : '园区'}${i + 1}`,
              kind: k,
              sortOrder: i,
            },
            null,
          );
        }
      }
      const ranked = await db.kysely.selectFrom('units').select(['id', 'path']).where('depth', '=', 2).execute();
      await generate(db, args.projects, ranked, year);
      const reports = await generateReports(db, year);
      await services.stats.rebuild();
      await sql`ANALYZE`.execute(db.kysely);
      console.log(
        `[${kind}] ${ranked.length.toLocaleString()} ranked units, ${args.projects.toLocaleString()} projects, ${reports.toLocaleString()} reports generated in ${((performance.now() - t0) / 1000).toFixed(1)} s`,
      );

      const plans = await db.kysely
        .selectFrom('project_annual_plans as a')
        .innerJoin('projects as p', 'p.id', 'a.project_id')
        .select((eb) => ['p.lead_unit_id', eb.fn.sum<number>('a.amount').as('plan')])
        .groupBy('p.lead_unit_id')
        .execute();
      const items = plans.flatMap((p) => [
        {
          unitId: p.lead_unit_id,
          indicator: 'fixedAssetInvestment',
          value: Math.max(Math.round(Number(p.plan) / 1e6) * 1e6, 1e6),
        },
        { unitId: p.lead_unit_id, indicator: 'projectsStarted', value: 50 },
      ]);
      for (let i = 0; i < items.length; i += 2000)
        await services.targets.setTargets(admin, { year, items: items.slice(i, i + 2000) }, null);

      const race = await services.races.create(admin, QUARTERLY, null);
      const definition = parseRaceDefinition(QUARTERLY);
      const q3 = periodOf('quarter', year, 3);
      const ranking = await timeMany(5, () => services.races.computeRanking(definition, q3));
      console.log(
        `[${kind}] quarterly ranking of ${ranked.length.toLocaleString()} units over ${args.projects.toLocaleString()} projects: p50 ${ms(ranking.p50)}  max ${ms(ranking.max)}`,
      );
      const full = await timeMany(5, () => services.races.ranking(admin, race.id, year, 3));
      console.log(
        `[${kind}] GET ranking (with the previous quarter and history): p50 ${ms(full.p50)}  max ${ms(full.max)}`,
      );

      let t = performance.now();
      const published = await services.bulletins.publish(
        admin,
        {
          raceId: race.id,
          year,
          period: 2,
          title: '全省项目建设季度比拼通报',
          docNumber: '省项绩办〔2026〕1号',
          commentary: '一、总体情况\n\n略。',
        },
        null,
      );
      console.log(`[${kind}] publishing the bulletin (ranking frozen): ${ms(performance.now() - t)}`);
      t = performance.now();
      const docx = await services.bulletins.file(admin, published.id, 'docx');
      console.log(
        `[${kind}] bulletin of ${ranked.length.toLocaleString()} units to .docx: ${ms(performance.now() - t)} (${(docx.body.length / 1024).toFixed(0)} KB)`,
      );
      t = performance.now();
      const pdf = await services.bulletins.file(admin, published.id, 'pdf');
      console.log(
        `[${kind}] bulletin of ${ranked.length.toLocaleString()} units to PDF: ${ms(performance.now() - t)} (${(pdf.body.length / 1024).toFixed(0)} KB)`,
      );
    });
  }
  await benchBulletinRender({ units: 29 });
}
