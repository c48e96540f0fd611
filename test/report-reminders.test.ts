import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiClient } from './support/client.ts';
import { databaseKinds } from './support/databases.ts';
import { buildUser, setUpCounty } from './support/factories.ts';
import { buildProject, buildReport } from './support/projects.ts';
import { startTestServer, type TestServer } from './support/server.ts';

// 催报 and the notices it leaves: the coordinator reminds units of October's reports; each unit's editors
// see a notice at sign-in; a unit that has filed everything is refused with the reason, the others go ahead.
// A returned report is told to its editors with the reason.
describe.each(await databaseKinds())('reminders and notices on %s', (kind) => {
  let server: TestServer;
  let admin: ApiClient;
  let lanjiang: ApiClient;
  let yunshan: ApiClient;
  let unit: (name: string) => { id: number };
  const now = new Date('2026-11-05T02:00:00Z');

  async function projectOf(unitName: string, name: string) {
    return buildProject(admin, unit(unitName).id, {
      name,
      stage: 'construction',
      plannedStartDate: '2026-01-10',
      actualStartDate: '2026-01-20',
    });
  }

  beforeAll(async () => {
    server = await startTestServer(kind, { clock: () => now });
    ({ admin, unit } = await setUpCounty(server.url));
    lanjiang = (
      await buildUser(admin, server.url, { username: 'lanjiang', role: 'unit_editor', unitId: unit('兰江街道').id })
    ).client;
    yunshan = (
      await buildUser(admin, server.url, { username: 'yunshan', role: 'unit_editor', unitId: unit('云山街道').id })
    ).client;
    // 兰江街道 owes two reports; 云山街道 filed its one; 上华街道 owes one but has no editor.
    await projectOf('兰江街道', '兰江催报项目甲');
    await projectOf('兰江街道', '兰江催报项目乙');
    const filed = await projectOf('云山街道', '云山已报项目');
    const report = await buildReport(yunshan, filed.id, { year: 2026, month: 10, amountWan: 50 });
    expect((await yunshan.post(`/api/v1/reports/${report.id}/submit`)).status).toBe(200);
    await projectOf('上华街道', '上华催报项目');
  });
  afterAll(() => server.close());

  const remind = (client: ApiClient, unitIds: number[]) =>
    client.post('/api/v1/reports/reminders', { year: 2026, month: 10, unitIds });

  it('reminds the units that owe reports and refuses, with the reason, one that has filed and one with no editor', async () => {
    const ids = [unit('兰江街道').id, unit('云山街道').id, unit('上华街道').id];
    const res = await remind(admin, ids);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body.reminded).toBe(1);
    expect(res.body.items[0]).toEqual({ unitId: ids[0], ok: true, notified: 1, outstanding: 2 });
    expect(res.body.items[1]).toMatchObject({ unitId: ids[1], ok: false, error: { code: 'CONFLICT' } });
    expect(res.body.items[1].error.message).toContain('已全部报送');
    expect(res.body.items[2].error.message).toContain('没有填报员');

    // The reminded unit's editor sees it at sign-in, in their language; the other editor has nothing.
    const notices = await lanjiang.get('/api/v1/notices');
    expect(notices.status).toBe(200);
    expect(notices.body.unread).toBe(1);
    expect(notices.body.items[0]).toMatchObject({
      kind: 'report_reminder',
      createdBy: '管理员',
      readAt: null,
      link: '/reports/filing?year=2026&month=10',
      facts: { year: 2026, month: 10, unitName: '兰江街道', outstanding: 2, deadline: '2026-11-03' },
    });
    expect((await yunshan.get('/api/v1/notices')).body.unread).toBe(0);

    // Audited once per reminded unit, with what it said.
    const audit = await server.db.kysely
      .selectFrom('audit_events')
      .select(['object_id', 'summary'])
      .where('action', '=', 'report.remind')
      .execute();
    expect(audit).toEqual([{ object_id: String(ids[0]), summary: expect.stringContaining('2 个项目未报送') }]);
  });

  it('marks a notice read for its reader only', async () => {
    const { body } = await lanjiang.get('/api/v1/notices');
    const id = body.items[0].id as number;
    expect((await yunshan.post(`/api/v1/notices/${id}/read`)).status).toBe(404);
    expect((await lanjiang.post(`/api/v1/notices/${id}/read`)).status).toBe(204);
    // A second tab marking it again is fine.
    expect((await lanjiang.post(`/api/v1/notices/${id}/read`)).status).toBe(204);
    expect((await lanjiang.get('/api/v1/notices')).body.unread).toBe(0);
  });

  it('tells the editors of a returned report why, and marks all read at once', async () => {
    const p = await projectOf('兰江街道', '兰江退回项目');
    const r = await buildReport(lanjiang, p.id, { year: 2026, month: 10, amountWan: 80 });
    expect((await lanjiang.post(`/api/v1/reports/${r.id}/submit`)).status).toBe(200);
    expect((await admin.post(`/api/v1/reports/${r.id}/return`, { reason: '金额与台账不符' })).status).toBe(200);
    const { body } = await lanjiang.get('/api/v1/notices');
    expect(body.items[0]).toMatchObject({
      kind: 'report_returned',
      facts: { reportId: r.id, projectId: p.id, projectName: '兰江退回项目', reason: '金额与台账不符' },
    });
    expect((await yunshan.get('/api/v1/notices')).body.unread).toBe(0);
    expect((await lanjiang.post('/api/v1/notices/read')).status).toBe(204);
    expect((await lanjiang.get('/api/v1/notices')).body.unread).toBe(0);
  });

  it("gives the reviewer each project's plan for the year and last month's approved amount", async () => {
    const p = await buildProject(admin, unit('兰江街道').id, {
      name: '兰江计划对照项目',
      stage: 'construction',
      plannedStartDate: '2026-01-10',
      actualStartDate: '2026-01-20',
      annualPlans: [{ year: 2026, amountWan: 2400 }],
    });
    const september = await buildReport(lanjiang, p.id, { year: 2026, month: 9, amountWan: 180 });
    expect((await lanjiang.post(`/api/v1/reports/${september.id}/submit`)).status).toBe(200);
    const october = await buildReport(lanjiang, p.id, { year: 2026, month: 10, amountWan: 200 });
    const item = async () =>
      (await admin.get('/api/v1/reports/todo?year=2026&month=10')).body.items.find(
        (i: { projectId: number }) => i.projectId === p.id,
      );
    // Submitted but not approved: last month does not count yet.
    expect(await item()).toMatchObject({ reportId: october.id, planYuan: 24_000_000, lastMonthYuan: null });
    expect((await admin.post(`/api/v1/reports/${september.id}/approve`)).status).toBe(200);
    expect(await item()).toMatchObject({ planYuan: 24_000_000, lastMonthYuan: 1_800_000 });
  });

  it('refuses bad reminders clearly, in English on request, storing nothing', async () => {
    const before = await server.db.kysely
      .selectFrom('notices')
      .select((eb) => eb.fn.countAll().as('n'))
      .executeTakeFirstOrThrow();
    const english = new ApiClient(server.url, { language: 'en' });
    await english.signIn('admin', (await import('./support/factories.ts')).ADMIN_PASSWORD);
    const twice = await english.post('/api/v1/reports/reminders', {
      year: 2026,
      month: 10,
      unitIds: [unit('兰江街道').id, unit('兰江街道').id],
    });
    expect(twice.status).toBe(400);
    expect(twice.body.error).toMatchObject({
      field: 'unitIds',
      message: 'The same unit appears twice in the reminder',
    });
    const future = await english.post('/api/v1/reports/reminders', {
      year: 2027,
      month: 1,
      unitIds: [unit('兰江街道').id],
    });
    expect(future.status).toBe(400);
    expect(future.body.error.field).toBe('month');
    const filed = await english.post('/api/v1/reports/reminders', {
      year: 2026,
      month: 10,
      unitIds: [unit('云山街道').id],
    });
    expect(filed.body.items[0].error.message).toContain('has filed every report');
    // Editors do not remind.
    expect((await remind(lanjiang, [unit('兰江街道').id])).status).toBe(403);
    const after = await server.db.kysely
      .selectFrom('notices')
      .select((eb) => eb.fn.countAll().as('n'))
      .executeTakeFirstOrThrow();
    expect(Number(after.n)).toBe(Number(before.n));
  });
});
