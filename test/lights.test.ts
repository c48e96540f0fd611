import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApiClient } from './support/client.ts';
import { databaseKinds } from './support/databases.ts';
import { buildUser, setUpCounty } from './support/factories.ts';
import { buildProject } from './support/projects.ts';
import { startTestServer, type TestServer } from './support/server.ts';

/** Today is 2026-11-23: lights assess October 2026 (序时进度 10/12 = 83.33 %). */
const TODAY = new Date('2026-11-23T10:00:00Z');

describe.each(await databaseKinds())('lights on %s', (kind) => {
  let server: TestServer;
  let admin: ApiClient;
  let editor: ApiClient;
  let projectId: number;

  beforeAll(async () => {
    server = await startTestServer(kind, { clock: () => TODAY });
    const county = await setUpCounty(server.url);
    admin = county.admin;
    editor = (
      await buildUser(admin, server.url, {
        username: 'lanjiang',
        role: 'unit_editor',
        unitId: county.unit('兰江街道').id,
      })
    ).client;
    projectId = (
      await buildProject(admin, county.unit('兰江街道').id, {
        name: '兰江街道安置房工程',
        stage: 'construction',
        plannedStartDate: '2026-01-10',
        actualStartDate: '2026-01-20',
        totalInvestmentWan: 20000,
        annualPlans: [{ year: 2026, amountWan: 12000 }],
      })
    ).id;
  });
  afterAll(() => server.close());

  const light = async () => (await admin.get(`/api/v1/projects/${projectId}/light`)).body;
  const codes = (l: { findings: { dimension: string; colour: string }[] }) =>
    l.findings.map((f) => `${f.dimension}:${f.colour}`).sort();

  it('is red with its reasons in numbers for a project that has reported nothing', async () => {
    const l = await light();
    expect(l).toMatchObject({ colour: 'red', period: { year: 2026, month: 10 }, ruleSetVersion: 0 });
    expect(codes(l)).toEqual(['progress:red', 'report:red']);
    const progress = l.findings.find((f: { dimension: string }) => f.dimension === 'progress');
    expect(progress.text['zh-CN']).toContain('83.3');
  });

  it('changes when reports are filed, submitted and approved: late reports leave it yellow', async () => {
    for (let month = 1; month <= 10; month++) {
      const r = await editor.post(`/api/v1/projects/${projectId}/reports`, { year: 2026, month, amountWan: 1000 });
      await editor.post(`/api/v1/reports/${r.body.id}/submit`);
      await admin.post(`/api/v1/reports/${r.body.id}/approve`);
    }
    const l = await light();
    // 10,000 of 12,000 万元 = 83.33 %, level with 序时进度; October's report came after 11-03.
    expect(l.colour).toBe('yellow');
    expect(codes(l)).toEqual(['report:yellow']);
  });

  it('lets a coordinator change a threshold (a new version) and refuses inverted thresholds', async () => {
    expect((await editor.request('PUT', '/api/v1/light-rules', { report: { lateIsYellow: false } })).status).toBe(403);
    const inverted = await admin.request('PUT', '/api/v1/light-rules', {
      progress: { yellowFromPoints: 40, redAbovePoints: 30 },
    });
    expect(inverted.status).toBe(400);
    expect(inverted.body.error).toMatchObject({
      field: 'progress.yellowFromPoints',
      message: '投资进度规则：黄灯阈值不能高于红灯阈值（yellowFromPoints）',
    });
    expect((await admin.get('/api/v1/light-rules')).body.version).toBe(0);
    const changed = await admin.request('PUT', '/api/v1/light-rules', {
      report: { enabled: true, lateIsYellow: false, yellowFromMissingMonths: 1, redFromMissingMonths: 2 },
    });
    expect(changed.status).toBe(200);
    expect(changed.body.version).toBe(1);
    expect(await light()).toMatchObject({ colour: 'green', ruleSetVersion: 1 });
  });

  it('keeps an exemption visible and lets it set a finding aside', async () => {
    await admin.request('PUT', '/api/v1/light-rules', { report: { lateIsYellow: true } });
    expect((await light()).colour).toBe('yellow');
    expect(
      (await admin.post(`/api/v1/projects/${projectId}/exemptions`, { dimension: 'report' })).body.error.field,
    ).toBe('reason');
    const res = await admin.post(`/api/v1/projects/${projectId}/exemptions`, {
      dimension: 'report',
      reason: '系统故障导致迟报',
      until: '2026-12-31',
    });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      colour: 'green',
      exemptions: [{ dimension: 'report', reason: '系统故障导致迟报', approver: '管理员', active: true }],
    });
    expect(res.body.exempted.map((f: { dimension: string }) => f.dimension)).toEqual(['report']);
  });

  it('runs the daily cutoff once even when two servers start it at the same time, keeping the month’s light', async () => {
    const [a, b] = await Promise.all([admin.post('/api/v1/jobs/cutoff'), admin.post('/api/v1/jobs/cutoff')]);
    expect([a.body.ran, b.body.ran].sort()).toEqual([false, true]);
    expect((await admin.post('/api/v1/jobs/cutoff')).body.ran).toBe(false);
    const { history } = await light();
    expect(history.at(-1)).toEqual({ year: 2026, month: 10, colour: 'green', ruleSetVersion: 2 });
    // January–September were built when their reports were approved late (judged as of each month's
    // own assessment), with the rules of that day; later rule changes leave closed months as they were.
    expect(history.map((h: { month: number }) => h.month)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect(new Set(history.slice(0, 9).map((h: { ruleSetVersion: number }) => h.ruleSetVersion))).toEqual(new Set([0]));
    expect((await editor.post('/api/v1/jobs/cutoff')).status).toBe(403);
  });

  it('feeds the leaders’ dashboard: totals against 序时进度, colours per unit, the red list, the monthly curve', async () => {
    const county = (await admin.get('/api/v1/units')).body.items;
    const youbu = county.find((u: { name: string }) => u.name === '游埠镇').id;
    await buildProject(admin, youbu, {
      name: '游埠镇污水处理厂',
      stage: 'construction',
      plannedStartDate: '2026-02-01',
      actualStartDate: '2026-02-10',
      totalInvestmentWan: 6000,
      annualPlans: [{ year: 2026, amountWan: 3000 }],
    });
    const d = (await admin.get('/api/v1/dashboard')).body;
    expect(d).toMatchObject({ year: 2026, month: 10 });
    // 66.67 % against 83.33 %: 16.7 points behind, as the lights say it (not 83.3 − 66.7 = 16.6).
    expect(d.totals).toEqual({
      planYuan: 150_000_000,
      completedYuan: 100_000_000,
      completionPct: 66.7,
      timePct: 83.3,
      gapPoints: -16.7,
    });
    expect(d.colours).toMatchObject({ green: 1, red: 1 });
    expect(d.units.find((u: { unitName: string }) => u.unitName === '游埠镇')).toMatchObject({
      red: 1,
      planYuan: 30_000_000,
      completedYuan: 0,
      completionPct: 0,
    });
    expect(d.redList).toHaveLength(1);
    expect(d.redList[0].name).toBe('游埠镇污水处理厂');
    expect(d.redList[0].reasons.map((r: { 'zh-CN': string }) => r['zh-CN']).join('；')).toContain('落后序时进度');
    expect(d.monthly[9]).toEqual({
      month: 10,
      completedYuan: 10_000_000,
      cumulativeYuan: 100_000_000,
      planCumulativeYuan: 125_000_000,
    });
    expect(d.monthly[10].cumulativeYuan).toBeNull();
    expect(d.lists.start.count).toBe(2);
    // Every colour count has its list behind it.
    const red = (await admin.get('/api/v1/projects?light=red')).body.items;
    expect(red.map((p: { name: string; light: string }) => [p.name, p.light])).toEqual([['游埠镇污水处理厂', 'red']]);
    expect((await admin.get('/api/v1/projects?light=green')).body.items.map((p: { name: string }) => p.name)).toEqual([
      '兰江街道安置房工程',
    ]);
    // A township editor's dashboard holds only their township.
    const mine = (await editor.get('/api/v1/dashboard')).body;
    expect(mine.totals.planYuan).toBe(120_000_000);
    expect(mine.redList).toEqual([]);
  });

  it('judges progress against a project’s own monthly plan curve when it has one', async () => {
    const county = (await admin.get('/api/v1/units')).body.items;
    const lead = county.find((u: { name: string }) => u.name === '兰江街道').id;
    const curve = [10, 20, 30, 40, 50, 60, 70, 80, 90, 95, 100, 100];
    const bad = await admin.post('/api/v1/projects', {
      name: '曲线错误项目',
      nature: 'new',
      kind: 'industry',
      industryCode: '17',
      investmentType: 'enterprise',
      approvalMode: 'filing',
      leadUnitId: lead,
      totalInvestmentWan: 5000,
      annualPlans: [{ year: 2026, amountWan: 1200, monthlyCurve: [50, 40, 100] }],
    });
    expect(bad.status).toBe(400);
    expect(bad.body.error).toMatchObject({
      field: 'annualPlans',
      message: '2026 年的月度计划曲线应为 12 个逐月不减的累计百分比，最后一个为 100',
    });
    const p = await buildProject(admin, lead, {
      name: '兰江街道前置投资项目',
      stage: 'construction',
      plannedStartDate: '2026-01-05',
      actualStartDate: '2026-01-05',
      totalInvestmentWan: 5000,
      annualPlans: [{ year: 2026, amountWan: 1200, monthlyCurve: curve }],
    });
    expect((await admin.get(`/api/v1/projects/${p.id}`)).body.annualPlans).toEqual([
      { year: 2026, amountYuan: 12_000_000, monthlyCurve: curve },
    ]);
    for (let month = 1; month <= 10; month++) {
      const r = await editor.post(`/api/v1/projects/${p.id}/reports`, { year: 2026, month, amountWan: 100 });
      await editor.post(`/api/v1/reports/${r.body.id}/submit`);
      await admin.post(`/api/v1/reports/${r.body.id}/approve`);
    }
    // 1,000 of 1,200 万元 = 83.3 %: level with m/12, but 11.7 points behind this project's own 95 % for October.
    const l = (await admin.get(`/api/v1/projects/${p.id}/light`)).body;
    const progress = l.findings.find((f: { dimension: string }) => f.dimension === 'progress');
    expect(progress).toMatchObject({ colour: 'yellow' });
    expect(progress.text['zh-CN']).toContain('落后序时进度 11.7 个百分点');
  });
});
