import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiClient } from './support/client.ts';
import { databaseKinds } from './support/databases.ts';
import { ADMIN_PASSWORD, buildUser, setUpCounty } from './support/factories.ts';
import { buildProject, buildReport } from './support/projects.ts';
import { startTestServer, type TestServer } from './support/server.ts';

// Review in batches: each report approved on its own, with its own audit event; a row that cannot be
// approved is refused with its reason and the others go through.
describe.each(await databaseKinds())('batch approval of monthly reports on %s', (kind) => {
  let server: TestServer;
  let admin: ApiClient;
  let editor: ApiClient;
  let unit: (name: string) => { id: number };
  // The clock moves on between steps, so a report submitted again has a new submission time.
  let now = new Date('2026-11-23T02:00:00Z');
  let seq = 0;

  beforeAll(async () => {
    server = await startTestServer(kind, { clock: () => now });
    ({ admin, unit } = await setUpCounty(server.url));
    editor = (
      await buildUser(admin, server.url, { username: 'lanjiang', role: 'unit_editor', unitId: unit('兰江街道').id })
    ).client;
  });
  afterAll(() => server.close());

  const tick = () => (now = new Date(now.getTime() + 60_000));

  /** A project of the unit with October's report submitted; its id and submission time as a reviewer sees them. */
  async function submitted(unitName = '兰江街道') {
    const p = await buildProject(admin, unit(unitName).id, {
      name: `${unitName}批量审核项目${++seq}`,
      stage: 'construction',
      plannedStartDate: '2026-01-10',
      actualStartDate: '2026-01-20',
    });
    const filed = await buildReport(admin, p.id, { year: 2026, month: 10, amountWan: 100 + seq });
    tick();
    const sent = await admin.post(`/api/v1/reports/${filed.id}/submit`);
    expect(sent.status).toBe(200);
    return { id: sent.body.id as number, submittedAt: sent.body.submittedAt as string };
  }

  const auditOf = (id: number) =>
    server.db.kysely
      .selectFrom('audit_events')
      .select(['action', 'object_id'])
      .where('object_type', '=', 'report')
      .where('object_id', '=', String(id))
      .where('action', '=', 'report.approve')
      .execute();

  it('approves many at once, each with its own audit event and the same figures as one approval', async () => {
    const reports = await Promise.all([1, 2, 3, 4, 5].map(() => submitted()));
    const res = await admin.post('/api/v1/reports/approvals', { items: reports });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body).toMatchObject({ approved: 5, refused: 0 });
    expect(res.body.items.map((i: { id: number; ok: boolean }) => [i.id, i.ok])).toEqual(
      reports.map((r) => [r.id, true]),
    );
    expect(res.body.items[0].report).toMatchObject({ state: 'approved', reviewedBy: '管理员' });
    for (const r of reports) expect(await auditOf(r.id)).toHaveLength(1);
  });

  it('refuses a report filed again since it was seen, and one already approved, and approves the rest', async () => {
    const [a, b, c] = [await submitted(), await submitted(), await submitted()];
    // b is returned and submitted again after the reviewer looked at it.
    tick();
    expect((await admin.post(`/api/v1/reports/${b.id}/return`, { reason: '数据有误' })).status).toBe(200);
    tick();
    expect((await editor.post(`/api/v1/reports/${b.id}/submit`)).status).toBe(200);
    // c is approved by someone else meanwhile.
    expect((await admin.post(`/api/v1/reports/${c.id}/approve`)).status).toBe(200);
    const res = await admin.post('/api/v1/reports/approvals', { items: [a, b, c] });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ approved: 1, refused: 2 });
    expect(res.body.items[0]).toMatchObject({ id: a.id, ok: true });
    expect(res.body.items[1]).toEqual({
      id: b.id,
      ok: false,
      error: { code: 'CONFLICT', message: '这份月报在您查看后又重新报送过，请刷新后再审核' },
    });
    expect(res.body.items[2]).toMatchObject({ id: c.id, ok: false, error: { code: 'CONFLICT' } });
    // Nothing lost: b waits for review as it was filed; c was approved once, not twice.
    expect((await admin.get(`/api/v1/reports/${b.id}`)).body.state).toBe('submitted');
    expect(await auditOf(b.id)).toHaveLength(0);
    expect(await auditOf(c.id)).toHaveLength(1);
    const inEnglish = new ApiClient(server.url, { language: 'en' });
    await inEnglish.signIn('admin', ADMIN_PASSWORD);
    const english = await inEnglish.post('/api/v1/reports/approvals', { items: [b] });
    expect(english.body.items[0].error.message).toBe(
      'This report was submitted again after you looked at it; reload and review it again',
    );
  });

  it('refuses a row that does not exist, and a whole batch from someone who reviews nothing', async () => {
    const mine = await submitted('兰江街道');
    const other = await submitted('上华街道');
    const res = await admin.post('/api/v1/reports/approvals', {
      items: [{ id: 999_999, submittedAt: mine.submittedAt }, other, mine],
    });
    expect(res.status).toBe(200);
    expect(res.body.items.map((i: { ok: boolean }) => i.ok)).toEqual([false, true, true]);
    expect(res.body.items[0].error).toEqual({ code: 'NOT_FOUND', message: expect.stringContaining('不存在') });
    // Reviewing is the county's (coordinators and administrators): an editor or a leader sends no batch at all.
    const waiting = await submitted();
    const leader = (
      await buildUser(admin, server.url, { username: 'leader-b', role: 'leader', unitId: unit('兰江街道').id })
    ).client;
    for (const client of [editor, leader])
      expect((await client.post('/api/v1/reports/approvals', { items: [waiting] })).status).toBe(403);
    expect((await admin.get(`/api/v1/reports/${waiting.id}`)).body.state).toBe('submitted');
  });

  it('names the field of a malformed batch and writes nothing', async () => {
    const r = await submitted();
    const cases: [unknown, string][] = [
      [{ items: [] }, 'items'],
      [{ items: [r, r] }, 'items'],
      [{ items: [{ id: r.id }] }, 'submittedAt'],
      [{ items: Array.from({ length: 201 }, (_, i) => ({ id: i + 1, submittedAt: r.submittedAt })) }, 'items'],
    ];
    for (const [body, field] of cases) {
      const res = await admin.post('/api/v1/reports/approvals', body);
      expect(res.status, JSON.stringify(body).slice(0, 80)).toBe(400);
      expect(res.body.error.field, JSON.stringify(res.body)).toContain(field);
    }
    expect((await admin.get(`/api/v1/reports/${r.id}`)).body.state).toBe('submitted');
  });
});
