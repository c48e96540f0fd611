import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUnitStats, type UnitStats } from '../src/server/features/stats/unit-stats.ts';
import { ApiClient } from './support/client.ts';
import { databaseKinds } from './support/databases.ts';
import { buildProject } from './support/projects.ts';
import type { TestServer } from './support/server.ts';
import { startDemoServer } from './support/demo.ts';

/** The demo's reports run to October; the lights assess October 2026. */
const TODAY = new Date('2026-11-23T10:00:00Z');

/**
 * The dashboard and the four lists read per-unit figures kept current change by change. Whatever
 * happens through the API, those figures must equal a rebuild from the projects and reports.
 */
describe.each(await databaseKinds())('per-unit figures on %s', (kind) => {
  let server: TestServer;
  let admin: ApiClient;
  let stats: UnitStats;
  const stored = async () => (await stats.all()).map((r) => ({ ...r, value: Number(r.value) }));

  beforeAll(async () => {
    server = await startDemoServer(kind, { clock: () => TODAY });
    admin = new ApiClient(server.url);
    await admin.signIn('admin', 'lantern-demo');
    stats = createUnitStats(server.db.kysely, server.db.dialect);
  });
  afterAll(() => server.close());

  it('equal a rebuild from scratch after approvals, corrections, new and moved projects, stage changes and new rules', async () => {
    const units = (await admin.get('/api/v1/units')).body.items as { id: number; name: string }[];
    const unit = (name: string) => units.find((u) => u.name === name)!.id;

    const october = (await admin.get('/api/v1/reports?year=2026&month=10')).body.items as {
      id: number;
      state: string;
    }[];
    const submitted = october.filter((r) => r.state === 'submitted').slice(0, 3);
    expect(submitted.length).toBeGreaterThan(0);
    for (const r of submitted) expect((await admin.post(`/api/v1/reports/${r.id}/approve`)).status).toBe(200);

    const approved = october.find((r) => r.state === 'approved')!;
    const correction = await admin.post(`/api/v1/reports/${approved.id}/corrections`, {
      amountWan: 1,
      reason: '统计口径调整',
    });
    expect(correction.status).toBe(201);
    expect((await admin.post(`/api/v1/reports/${correction.body.id}/approve`)).status).toBe(200);

    const fresh = await buildProject(admin, unit('游埠镇'), {
      name: '游埠镇新建厂房',
      stage: 'preparing',
      plannedStartDate: '2026-12-01',
      totalInvestmentWan: 15000,
      annualPlans: [{ year: 2026, amountWan: 2000 }],
    });
    expect(
      (
        await admin.request('PATCH', `/api/v1/projects/${fresh.id}`, {
          leadUnitId: unit('女埠街道'),
          annualPlans: [
            { year: 2026, amountWan: 2500 },
            { year: 2027, amountWan: 8000 },
          ],
        })
      ).status,
    ).toBe(200);
    expect(
      (
        await admin.post(`/api/v1/projects/${fresh.id}/transitions`, {
          to: 'construction',
          actualStartDate: '2026-11-02',
        })
      ).status,
    ).toBe(200);
    expect(
      (await admin.request('PUT', '/api/v1/light-rules', { progress: { yellowFromPoints: 5, redAbovePoints: 15 } }))
        .status,
    ).toBe(200);

    const incremental = await stored();
    expect(incremental.some((r) => r.metric === 'startsAboveYi' && r.year === 2026 && r.month === 11)).toBe(true);
    await stats.rebuild();
    expect(await stored()).toEqual(incremental);
  });

  it('give the dashboard the same totals as the projects and reports themselves', async () => {
    const d = (await admin.get('/api/v1/dashboard')).body;
    const done = await sql<{
      s: string;
    }>`select coalesce(sum(amount), 0) as s from monthly_reports where year = 2026 and month <= 10 and is_current = 1 and state = 'approved'`.execute(
      server.db.kysely,
    );
    const plan = await sql<{
      s: string;
    }>`select coalesce(sum(amount), 0) as s from project_annual_plans where year = 2026`.execute(server.db.kysely);
    const red = await sql<{ n: string }>`select count(*) as n from project_lights where colour = 'red'`.execute(
      server.db.kysely,
    );
    expect(d.totals.completedYuan).toBe(Number(done.rows[0]!.s));
    expect(d.totals.planYuan).toBe(Number(plan.rows[0]!.s));
    expect(d.colours.red).toBe(Number(red.rows[0]!.n));
    // The four lists' counts match the lists a click opens.
    for (const list of ['planning', 'reserve', 'start', 'production']) {
      const total = (await admin.get(`/api/v1/projects?list=${list}&year=2026&withTotal=true&limit=1`)).body.total;
      expect({ list, count: d.lists[list].count }).toEqual({ list, count: total });
    }
  });

  it('stay within the reader’s scope: a township editor’s dashboard holds only the township', async () => {
    const editor = new ApiClient(server.url);
    await editor.signIn('lanjiang', 'lantern-demo');
    const d = (await editor.get('/api/v1/dashboard')).body;
    const plan = await sql<{
      s: string;
    }>`select coalesce(sum(a.amount), 0) as s from project_annual_plans a join projects p on p.id = a.project_id join units u on u.id = p.lead_unit_id where a.year = 2026 and u.name = '兰江街道'`.execute(
      server.db.kysely,
    );
    expect(d.totals.planYuan).toBe(Number(plan.rows[0]!.s));
    expect(d.units.map((u: { unitName: string }) => u.unitName)).toEqual(['兰江街道']);
    const lists = (await editor.get('/api/v1/project-lists?year=2026')).body.lists;
    const mine = (await editor.get('/api/v1/projects?list=start&year=2026&withTotal=true&limit=1')).body.total;
    expect(lists.start.count).toBe(mine);
  });
});
