import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApiClient } from './support/client.ts';
import { databaseKinds } from './support/databases.ts';
import { buildUser, setUpCounty } from './support/factories.ts';
import { buildProject } from './support/projects.ts';
import { startTestServer, type TestServer } from './support/server.ts';

/** Reports are dated against a fixed today: 2026-11-23. */
const TODAY = new Date('2026-11-23T10:00:00Z');

describe.each(await databaseKinds())('monthly reports on %s', (kind) => {
  let server: TestServer;
  let admin: ApiClient;
  let editor: ApiClient;
  let projectId: number;
  let unit: (name: string) => { id: number };

  beforeAll(async () => {
    server = await startTestServer(kind, { clock: () => TODAY });
    ({ admin, unit } = await setUpCounty(server.url));
    editor = (
      await buildUser(admin, server.url, { username: 'lanjiang', role: 'unit_editor', unitId: unit('兰江街道').id })
    ).client;
    projectId = (
      await buildProject(admin, unit('兰江街道').id, {
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

  const file = (client: ApiClient, month: number, amountWan: number | string) =>
    client.post(`/api/v1/projects/${projectId}/reports`, {
      year: 2026,
      month,
      amountWan,
      progressText: '主体结构施工',
    });

  it('files, submits and approves a report; cumulative figures are derived', async () => {
    const march = await file(editor, 3, 1500);
    expect(march.status).toBe(201);
    expect(march.body).toMatchObject({ state: 'draft', amountYuan: 15_000_000, revision: 1 });
    // Submitted on 2026-11-23, long after 2026-04-03: late.
    const submitted = await editor.post(`/api/v1/reports/${march.body.id}/submit`);
    expect(submitted.body).toMatchObject({ state: 'submitted', isLate: true });
    const approved = await admin.post(`/api/v1/reports/${march.body.id}/approve`);
    expect(approved.body).toMatchObject({ state: 'approved', reviewedBy: '管理员', yearCumulativeYuan: 15_000_000 });
    const april = await file(editor, 4, '2000.5');
    await editor.post(`/api/v1/reports/${april.body.id}/submit`);
    await admin.post(`/api/v1/reports/${april.body.id}/approve`);
    const list = (await editor.get(`/api/v1/projects/${projectId}/reports`)).body.items;
    expect(list.find((r: { month: number }) => r.month === 4)).toMatchObject({
      yearCumulativeYuan: 35_005_000,
      sinceStartYuan: 35_005_000,
    });
  });

  it('a unit editor cannot approve or return; a coordinator returns with a reason and the editor fixes it', async () => {
    const may = await file(editor, 5, 800);
    await editor.post(`/api/v1/reports/${may.body.id}/submit`);
    expect((await editor.post(`/api/v1/reports/${may.body.id}/approve`)).status).toBe(403);
    expect((await editor.post(`/api/v1/reports/${may.body.id}/return`, { reason: '自己退回' })).status).toBe(403);
    expect((await admin.post(`/api/v1/reports/${may.body.id}/return`, {})).body.error.field).toBe('reason');
    const returned = await admin.post(`/api/v1/reports/${may.body.id}/return`, { reason: '金额与台账不符' });
    expect(returned.body).toMatchObject({ state: 'returned', returnReason: '金额与台账不符' });
    expect((await editor.patch(`/api/v1/reports/${may.body.id}`, { amountWan: 850 })).body.amountYuan).toBe(8_500_000);
    expect((await editor.post(`/api/v1/reports/${may.body.id}/submit`)).body.state).toBe('submitted');
  });

  it('refuses editing an approved report, and keeps both revisions of a correction', async () => {
    const march = (await editor.get(`/api/v1/projects/${projectId}/reports`)).body.items.find(
      (r: { month: number }) => r.month === 3,
    );
    const edit = await editor.patch(`/api/v1/reports/${march.id}`, { amountWan: 1 });
    expect(edit.status).toBe(409);
    expect(edit.body.error.message).toContain('已审核的月报不能修改');
    const correction = await editor.post(`/api/v1/reports/${march.id}/corrections`, {
      amountWan: 1600,
      reason: '漏报设备款',
    });
    expect(correction.status).toBe(201);
    expect(correction.body).toMatchObject({
      revision: 2,
      state: 'submitted',
      isCurrent: false,
      correctionReason: '漏报设备款',
    });
    expect(
      (await editor.post(`/api/v1/reports/${march.id}/corrections`, { amountWan: 1700, reason: '再改' })).status,
    ).toBe(409);
    // Returned and resubmitted, a correction is still not late: lateness is the first filing's.
    await admin.post(`/api/v1/reports/${correction.body.id}/return`, { reason: '请附发票' });
    expect((await editor.post(`/api/v1/reports/${correction.body.id}/submit`)).body).toMatchObject({
      state: 'submitted',
      isLate: false,
    });
    // Until the correction is approved, the first revision counts.
    let items = (await admin.get(`/api/v1/projects/${projectId}/reports`)).body.items;
    expect(items.find((r: { month: number; isCurrent: boolean }) => r.month === 3 && r.isCurrent).amountYuan).toBe(
      15_000_000,
    );
    await admin.post(`/api/v1/reports/${correction.body.id}/approve`);
    items = (await admin.get(`/api/v1/projects/${projectId}/reports`)).body.items;
    const marchRevisions = items.filter((r: { month: number }) => r.month === 3);
    expect(
      marchRevisions.map((r: { revision: number; isCurrent: boolean; amountYuan: number }) => [
        r.revision,
        r.isCurrent,
        r.amountYuan,
      ]),
    ).toEqual([
      [2, true, 16_000_000],
      [1, false, 15_000_000],
    ]);
    expect(items.find((r: { month: number }) => r.month === 4).yearCumulativeYuan).toBe(36_005_000);
  });

  it.each([
    ['a future month', { year: 2026, month: 12, amountWan: 10 }, 400, 'month', '尚未到来'],
    ['a second report for the same month', { year: 2026, month: 3, amountWan: 10 }, 409, 'month', '已存在'],
    ['a negative amount', { year: 2026, month: 6, amountWan: -10 }, 400, 'amountWan', '不能为负数'],
    [
      'an amount above the total investment',
      { year: 2026, month: 6, amountWan: 30000 },
      400,
      'amountWan',
      '不能超过项目总投资',
    ],
    ['a month 13', { year: 2026, month: 13, amountWan: 10 }, 400, 'month', '月份'],
  ])('refuses %s and stores nothing', async (_what, body, status, field, message) => {
    const before = (await admin.get(`/api/v1/projects/${projectId}/reports`)).body.items.length;
    const res = await editor.post(`/api/v1/projects/${projectId}/reports`, body);
    expect(res.status).toBe(status);
    expect(res.body.error.field).toBe(field);
    expect(res.body.error.message).toContain(message);
    expect((await admin.get(`/api/v1/projects/${projectId}/reports`)).body.items.length).toBe(before);
  });

  it('shows an editor what to file and a coordinator who has filed, late and missing', async () => {
    const other = await buildProject(admin, unit('上华街道').id, {
      name: '上华街道道路工程',
      stage: 'preparing',
      kind: 'infrastructure',
      industryCode: '48',
      investmentType: 'government',
      approvalMode: 'approval',
    });
    const month3 = (await admin.get('/api/v1/reports?year=2026&month=3')).body.items;
    expect(
      month3.map((r: { revision: number; isCurrent: boolean; state: string }) => [r.revision, r.isCurrent, r.state]),
    ).toEqual([
      [1, false, 'approved'],
      [2, true, 'approved'],
    ]);
    const todo = (await editor.get('/api/v1/reports/todo?year=2026&month=5')).body;
    // The server's date (the test clock's 2026-11-23), not the reader's.
    expect(todo).toMatchObject({ deadline: '2026-06-03', reviewDeadline: '2026-06-05', today: '2026-11-23' });
    expect(todo.items.map((i: { projectName: string; state: string }) => [i.projectName, i.state])).toEqual([
      ['兰江街道安置房工程', 'submitted'],
    ]);
    const status = (await admin.get('/api/v1/reports/status?year=2026&month=5')).body.units;
    expect(status).toEqual(
      expect.arrayContaining([
        // May's report was submitted and never reviewed: the department is past its day 5.
        {
          unitId: unit('兰江街道').id,
          unitName: '兰江街道',
          due: 1,
          filed: 1,
          late: 1,
          missing: 0,
          awaitingReview: 1,
          reviewOverdue: 1,
        },
        {
          unitId: unit('上华街道').id,
          unitName: '上华街道',
          due: 1,
          filed: 0,
          late: 0,
          missing: 1,
          awaitingReview: 0,
          reviewOverdue: 0,
        },
      ]),
    );
    expect((await editor.get(`/api/v1/projects/${other.id}/reports`)).status).toBe(404);
    expect(
      (await editor.post(`/api/v1/projects/${other.id}/reports`, { year: 2026, month: 5, amountWan: 1 })).status,
    ).toBe(404);
  });

  it('follows the county’s calendar, and refuses a calendar that makes no sense', async () => {
    expect((await admin.get('/api/v1/report-calendar')).body).toEqual({ submitByDay: 3, reviewByDay: 5 });
    expect((await editor.request('PUT', '/api/v1/report-calendar', { submitByDay: 10, reviewByDay: 12 })).status).toBe(
      403,
    );
    const bad = await admin.request('PUT', '/api/v1/report-calendar', { submitByDay: 10, reviewByDay: 8 });
    expect(bad.status).toBe(400);
    expect(bad.body.error).toMatchObject({ field: 'reviewByDay', message: '审核截止日不能早于报送截止日' });
    expect((await admin.request('PUT', '/api/v1/report-calendar', { submitByDay: 10, reviewByDay: 12 })).status).toBe(
      200,
    );
    expect((await editor.get('/api/v1/reports/todo?year=2026&month=10')).body.deadline).toBe('2026-11-10');
  });

  it('locks a month: nothing new is filed or edited there, corrections still go through', async () => {
    const june = await file(editor, 6, 900);
    expect((await editor.post('/api/v1/report-locks', { year: 2026, month: 6 })).status).toBe(403);
    expect((await admin.post('/api/v1/report-locks', { year: 2026, month: 6 })).status).toBe(201);
    expect((await admin.post('/api/v1/report-locks', { year: 2026, month: 6 })).status).toBe(409);
    const edit = await editor.patch(`/api/v1/reports/${june.body.id}`, { amountWan: 950 });
    expect(edit.status).toBe(409);
    expect(edit.body.error.message).toBe('2026年6月已锁定，只能提交更正');
    expect((await editor.post(`/api/v1/reports/${june.body.id}/submit`)).status).toBe(409);
    const march = (await editor.get(`/api/v1/projects/${projectId}/reports`)).body.items.find(
      (r: { month: number; isCurrent: boolean }) => r.month === 3 && r.isCurrent,
    );
    await admin.post('/api/v1/report-locks', { year: 2026, month: 3 });
    expect(
      (await editor.post(`/api/v1/reports/${march.id}/corrections`, { amountWan: 1650, reason: '审计调整' })).status,
    ).toBe(201);
  });
});
