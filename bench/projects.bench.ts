import { sql } from 'kysely';
import type { Db } from '../src/server/db/client.ts';
import { buildApp } from '../src/server/http/app.ts';
import { initialsOf } from '../src/server/features/projects/projects.service.ts';
import { ApiClient } from '../test/support/client.ts';
import type { DatabaseKind } from '../test/support/databases.ts';
import { withBenchCounty } from './county.ts';
import { ms, timeMany } from './stats.ts';

/**
 * The project library at scale: N projects generated straight into a fresh database (batched
 * inserts, as an import would), then the list API measured over HTTP against the running server
 * for three realistic filter combinations, each a page of 50 rows.
 */
const PREFIXES = [
  '兰溪',
  '兰江',
  '上华',
  '游埠',
  '诸葛',
  '女埠',
  '永昌',
  '赤溪',
  '云山',
  '香溪',
  '马涧',
  '梅江',
  '横溪',
  '黄店',
  '灵洞',
  '柏社',
];
const SUBJECTS = [
  '纺织',
  '光膜',
  '新材料',
  '智能装备',
  '生物医药',
  '中药材',
  '农贸市场',
  '污水管网',
  '安置小区',
  '文旅',
  '物流',
  '电子元件',
  '食品加工',
  '道路',
  '学校',
  '医院',
];
const SUFFIXES = ['提升项目', '产业园', '改造工程', '年产10万吨项目', '扩建项目', '一期工程', '技改项目', '综合体'];
const STAGES = [
  'planning',
  'reserve',
  'preparing',
  'preparing',
  'construction',
  'construction',
  'construction',
  'completed',
  'production',
  'capacity',
  'suspended',
  'dropped',
];
const INDUSTRIES = [
  ['17', 'C'],
  ['29', 'C'],
  ['27', 'C'],
  ['39', 'C'],
  ['48', 'E'],
  ['52', 'F'],
  ['83', 'P'],
  ['87', 'R'],
  ['44', 'D'],
  ['13', 'C'],
] as const;

/** A deterministic pseudo-random stream (mulberry32), so every run measures the same data. */
export function rng(seed: number) {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export async function generate(db: Db, n: number, units: { id: number; path: string }[], thisYear: number) {
  const rand = rng(42);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(rand() * xs.length)]!;
  const initials = new Map<string, string>();
  const initialsFor = (s: string) => initials.get(s) ?? (initials.set(s, initialsOf(s)), initials.get(s)!);
  const at = new Date().toISOString();
  const batch = 400;
  const started = performance.now();
  for (let done = 0; done < n;) {
    await db.kysely.transaction().execute(async (trx) => {
      for (let inTx = 0; inTx < 50_000 && done < n; inTx += batch) {
        const rows = [];
        for (let i = 0; i < batch && done < n; i++, done++) {
          const [p, s, x] = [pick(PREFIXES), pick(SUBJECTS), pick(SUFFIXES)];
          const name = `${p}${s}${x}${done}`;
          const unit = pick(units);
          const stage = pick(STAGES);
          // Long-tailed money: many 1,000–5,000 万元, a few above 10 亿.
          const wan = Math.round(1000 * Math.exp(rand() * rand() * 5.5));
          const year = thisYear - 1 + Math.floor(rand() * 3);
          const month = String(1 + Math.floor(rand() * 12)).padStart(2, '0');
          const plannedStart = `${year}-${month}-15`;
          const started_ = ['construction', 'completed', 'production', 'capacity', 'suspended'].includes(stage);
          const [industry, section] = pick(INDUSTRIES);
          rows.push({
            code: null,
            internal_no: null,
            name,
            name_initials: `${initialsFor(p)}${initialsFor(s)}${initialsFor(x)}${done}`,
            nature: 'new',
            kind: 'industry',
            industry_code: industry,
            industry_section: section,
            level: rand() < 0.05 ? 'municipal' : null,
            investment_type: 'enterprise',
            approval_mode: 'filing',
            lead_unit_id: unit.id,
            unit_path: unit.path,
            township_unit_id: null,
            owner_name: null,
            owner_credit_code: null,
            patron_leader: null,
            contact: null,
            address: null,
            longitude: null,
            latitude: null,
            land_area_centimu: null,
            total_investment: wan * 10_000,
            fixed_asset_investment: null,
            is_above_yi: wan >= 10_000 ? 1 : 0,
            stage,
            stage_changed_at: at,
            tags: '',
            planned_sign_date: null,
            actual_sign_date: null,
            planned_start_date: plannedStart,
            actual_start_date: started_ ? plannedStart : null,
            planned_completion_date: null,
            actual_completion_date: null,
            planned_production_date: `${year + 1}-${month}-15`,
            actual_production_date: stage === 'production' || stage === 'capacity' ? plannedStart : null,
            planned_capacity_date: null,
            actual_capacity_date: null,
            planned_start_year: year,
            planned_production_year: year + 1,
            created_at: at,
            updated_at: at,
          });
        }
        await trx.insertInto('projects').values(rows).execute();
      }
    });
  }
  return performance.now() - started;
}

/**
 * An annual plan (a third of the total) and approved monthly reports of the year's first `months`
 * months (all twelve by default) for every project, in batches of 2,000 projects; returns how many
 * reports were written.
 */
export async function generateReports(
  db: Db,
  year: number,
  { months = 12, seed = 7, at = new Date().toISOString() }: { months?: number; seed?: number; at?: string } = {},
): Promise<number> {
  const rand = rng(seed);
  let after = 0;
  let reports = 0;
  for (;;) {
    const batch = await db.kysely
      .selectFrom('projects')
      .select(['id', 'total_investment'])
      .where('id', '>', after)
      .orderBy('id')
      .limit(2000)
      .execute();
    if (!batch.length) return reports;
    await db.kysely.transaction().execute(async (trx) => {
      await trx
        .insertInto('project_annual_plans')
        .values(
          batch.map((p) => ({
            project_id: p.id,
            year,
            amount: Math.round(Number(p.total_investment) / 3),
            monthly_curve: null,
          })),
        )
        .execute();
      const rows = batch.flatMap((p) =>
        Array.from({ length: months }, (_, m) => ({
          project_id: p.id,
          year,
          month: m + 1,
          revision: 1,
          is_current: 1,
          amount: Math.round((Number(p.total_investment) / 36) * (0.3 + rand())),
          progress_text: '',
          problems: '',
          state: 'approved',
          is_late: rand() < 0.05 ? 1 : 0,
          correction_reason: null,
          return_reason: null,
          submitted_at: at,
          reviewed_at: at,
          reviewed_by: 'bench',
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
      reports += rows.length;
    });
    after = batch.at(-1)!.id;
  }
}

export async function benchProjects(args: { projects: number; requests: number; databases: DatabaseKind[] }) {
  for (const kind of args.databases) {
    await withBenchCounty(kind, async ({ db, config, units }) => {
      const thisYear = new Date().getUTCFullYear();
      const insertMs = await generate(db, args.projects, units, thisYear);
      // Fresh statistics, as a nightly maintenance job would keep them.
      await sql`ANALYZE`.execute(db.kysely);
      console.log(
        `[${kind}] inserted ${args.projects.toLocaleString()} projects in ${(insertMs / 1000).toFixed(1)} s: ${Math.round(args.projects / (insertMs / 1000)).toLocaleString()} rows/s`,
      );

      const { app } = await buildApp({ config, db, clock: () => new Date() });
      await app.listen({ port: 0, host: '127.0.0.1' });
      const port = (app.server.address() as { port: number }).port;
      const client = new ApiClient(`http://127.0.0.1:${port}`);
      await client.signIn('admin', 'river-sesame-2026');
      let i = 0;
      const get = async (path: string) => {
        const res = await client.get(path);
        if (res.status !== 200) throw new Error(`${path}: ${res.status} ${JSON.stringify(res.body)}`);
      };
      const cases: [string, () => string][] = [
        [
          'unit subtree + stage',
          () =>
            `/api/v1/projects?unitId=${units[i++ % units.length]!.id}&stage=${['construction', 'preparing'][i % 2]}&limit=50`,
        ],
        [
          "year's 开工清单",
          () =>
            `/api/v1/projects?list=start&year=${thisYear}&listStatus=${['pending', 'started'][i++ % 2]}&unitId=${units[i % units.length]!.id}&limit=50`,
        ],
        [
          'free-text search',
          () =>
            `/api/v1/projects?q=${encodeURIComponent([pick2(PREFIXES, i) + pick2(SUBJECTS, i + 3), 'lxfz', '光膜产业园', 'yzzn'][i++ % 4]!)}&limit=50`,
        ],
        // The web's library: a numbered page with the count of the same filters (共 N 个项目).
        [
          'first page + total',
          () => `/api/v1/projects?sort=name&order=asc&withTotal=true&limit=50&stage=${STAGES[i++ % STAGES.length]}`,
        ],
        [
          'page 40 + total',
          () => `/api/v1/projects?sort=name&order=asc&withTotal=true&limit=50&page=${40 + (i++ % 3)}`,
        ],
        ['red list + total', () => `/api/v1/projects?light=red&withTotal=true&limit=50&page=${1 + (i++ % 2)}`],
      ];
      for (const [label, path] of cases) {
        await get(path()); // warm
        const t = await timeMany(args.requests, () => get(path()));
        console.log(
          `[${kind}] ${label.padEnd(22)} p50 ${ms(t.p50)}  p95 ${ms(t.p95)}  max ${ms(t.max)}  (${args.requests} requests, 50 rows)`,
        );
      }
      await app.close();
    });
  }
}

const pick2 = <T>(xs: readonly T[], i: number) => xs[i % xs.length]!;
