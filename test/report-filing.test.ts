import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiClient } from './support/client.ts';
import { databaseKinds } from './support/databases.ts';
import { buildUser, PASSWORD, setUpCounty } from './support/factories.ts';
import { buildProject, buildReport } from './support/projects.ts';
import { startTestServer, type TestServer } from './support/server.ts';

// 本月填报: the month's grid read in one request and saved row by row, each row through the single
// filing's steps and audit events; a refused row names its cell and never stops the others.
describe.each(await databaseKinds())('the month’s filing grid on %s', (kind) => {
  let server: TestServer;
  let admin: ApiClient;
  let editor: ApiClient;
  let unit: (name: string) => { id: number };
  let seq = 0;
  const period = { year: 2026, month: 10 };

  beforeAll(async () => {
    server = await startTestServer(kind, { clock: () => new Date('2026-11-02T02:00:00Z') });
    ({ admin, unit } = await setUpCounty(server.url));
    editor = (
      await buildUser(admin, server.url, { username: 'lanjiang', role: 'unit_editor', unitId: unit('兰江街道').id })
    ).client;
  });
  afterAll(() => server.close());

  /** A project under construction in the unit, with a plan of 1000 万元 for 2026. */
  const project = async (unitName = '兰江街道') =>
    (
      await buildProject(admin, unit(unitName).id, {
        name: `${unitName}填报项目${++seq}`,
        stage: 'construction',
        plannedStartDate: '2026-01-10',
        actualStartDate: '2026-01-20',
        totalInvestmentWan: 5000,
        annualPlans: [{ year: 2026, amountWan: 1000 }],
      })
    ).id;

  async function approved(projectId: number, month: number, amountWan: number, progressText: string) {
    const r = await buildReport(admin, projectId, { year: 2026, month, amountWan, progressText });
    expect((await admin.post(`/api/v1/reports/${r.id}/submit`)).status).toBe(200);
    expect((await admin.post(`/api/v1/reports/${r.id}/approve`)).status).toBe(200);
  }

  const grid = async (client = editor) => {
    const res = await client.get(`/api/v1/reports/filing?year=2026&month=10`);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    return res.body as { timeProgressPct: number; deadline: string; items: Record<string, any>[] };
  };
  const rowOf = async (projectId: number) => (await grid()).items.find((i) => i.projectId === projectId)!;
  const file = (client: ApiClient, submit: boolean, items: unknown[]) =>
    client.post('/api/v1/reports/filing', { ...period, submit, items });
  const auditOf = (action: string, reportId: number) =>
    server.db.kysely
      .selectFrom('audit_events')
      .select('id')
      .where('object_type', '=', 'report')
      .where('object_id', '=', String(reportId))
      .where('action', '=', action)
      .execute();

  it('shows each project to report with its plan, year-to-date, 序时进度 and last month’s texts', async () => {
    const p = await project();
    await approved(p, 8, 200, '主体施工');
    await approved(p, 9, 150.5, '主体封顶');
    const other = await project('上华街道');
    const body = await grid();
    expect(body.timeProgressPct).toBeCloseTo(83.3333, 3);
    expect(body.deadline).toBe('2026-11-03');
    expect(body.items.map((i) => i.projectId)).not.toContain(other);
    expect(await rowOf(p)).toMatchObject({
      planYuan: 10_000_000,
      yearToDateYuan: 3_505_000,
      totalInvestmentYuan: 50_000_000,
      lastMonth: { progressText: '主体封顶', problems: '' },
      report: null,
      can: { file: true, edit: false, submit: false },
    });
    // A leader reads reports but files none: no grid.
    const leader = (
      await buildUser(admin, server.url, { username: 'leader', role: 'leader', unitId: unit('兰溪市').id })
    ).client;
    expect((await leader.get('/api/v1/reports/filing?year=2026&month=10')).status).toBe(403);
  });

  it('saves rows as drafts, each audited as one filing', async () => {
    const [a, b] = [await project(), await project()];
    const res = await file(editor, false, [
      { projectId: a, amountWan: '120.5', progressText: '基础施工' },
      { projectId: b, amountWan: 80 },
    ]);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body).toMatchObject({ saved: 2, submitted: 0, refused: 0 });
    for (const item of res.body.items) {
      expect(item).toMatchObject({ ok: true, state: 'draft' });
      expect(await auditOf('report.create', item.reportId)).toHaveLength(1);
    }
    expect((await rowOf(a)).report).toMatchObject({ state: 'draft', amountYuan: 1_205_000, progressText: '基础施工' });
    expect((await rowOf(a)).can).toEqual({ file: false, edit: true, submit: true });
    // Saving again edits the same draft: no second report.
    const again = await file(editor, false, [{ projectId: a, amountWan: '121' }]);
    expect(again.body.items[0]).toMatchObject({ ok: true, reportId: res.body.items[0].reportId, state: 'draft' });
    expect(await auditOf('report.update', res.body.items[0].reportId)).toHaveLength(1);
  });

  it('submits the valid rows and leaves a bad one with its error naming the cell, its draft unchanged', async () => {
    const ids = [await project(), await project(), await project()];
    const drafts = await file(
      editor,
      false,
      ids.map((projectId) => ({ projectId, amountWan: 10, problems: '无' })),
    );
    const reportIds = drafts.body.items.map((i: { reportId: number }) => i.reportId);
    const res = await file(editor, true, [
      { projectId: ids[0], amountWan: 11 },
      { projectId: ids[1], amountWan: '十二万', problems: '征地' },
      { projectId: ids[2], amountWan: '13.25', progressText: 'x'.repeat(2001) },
    ]);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body).toMatchObject({ saved: 1, submitted: 1, refused: 2 });
    expect(res.body.items[0]).toEqual({ projectId: ids[0], ok: true, reportId: reportIds[0], state: 'submitted' });
    expect(res.body.items[1]).toEqual({
      projectId: ids[1],
      ok: false,
      error: { code: 'VALIDATION', message: '金额应为以万元计的金额，如 1234.56', field: 'amountWan' },
    });
    expect(res.body.items[2].error).toMatchObject({ code: 'VALIDATION', field: 'progressText' });
    expect(res.body.items[2].error.message).toContain('形象进度');
    // Nothing of a refused row is written: the stored drafts are as they were, neither edited nor submitted.
    for (const i of [1, 2]) {
      expect((await rowOf(ids[i]!)).report).toMatchObject({ state: 'draft', amountYuan: 100_000, problems: '无' });
      expect(await auditOf('report.update', reportIds[i])).toHaveLength(0);
      expect(await auditOf('report.submit', reportIds[i])).toHaveLength(0);
    }
    expect(await auditOf('report.update', reportIds[0])).toHaveLength(1);
    expect(await auditOf('report.submit', reportIds[0])).toHaveLength(1);
    // A submitted report is not edited again from the grid: that row is refused with the reason.
    const later = await file(editor, true, [
      { projectId: ids[0], amountWan: 99 },
      { projectId: ids[1], amountWan: 12 },
    ]);
    expect(later.body.items[0]).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT', message: '“已报送”状态的月报不能修改', field: null },
    });
    expect(later.body.items[1]).toMatchObject({ ok: true, state: 'submitted' });
    expect((await rowOf(ids[0]!)).report).toMatchObject({ state: 'submitted', amountYuan: 110_000 });
  });

  it('refuses the row of a project of another unit and files the editor’s own', async () => {
    const mine = await project();
    const theirs = await project('上华街道');
    const res = await file(editor, true, [
      { projectId: theirs, amountWan: 5 },
      { projectId: mine, amountWan: 5 },
    ]);
    expect(res.body.items[0]).toMatchObject({ projectId: theirs, ok: false, error: { code: 'NOT_FOUND' } });
    expect(res.body.items[1]).toMatchObject({ projectId: mine, ok: true, state: 'submitted' });
    const stored = await server.db.kysely
      .selectFrom('monthly_reports')
      .select('id')
      .where('project_id', '=', theirs)
      .execute();
    expect(stored).toHaveLength(0);
  });

  it('names the field of a malformed batch and writes nothing; answers in English', async () => {
    const p = await project();
    const cases: [unknown[], string][] = [
      [[], 'items'],
      [
        [
          { projectId: p, amountWan: 1 },
          { projectId: p, amountWan: 2 },
        ],
        'items',
      ],
      [[{ projectId: p }], 'amountWan'],
      [Array.from({ length: 201 }, (_, i) => ({ projectId: i + 1, amountWan: 1 })), 'items'],
    ];
    for (const [items, field] of cases) {
      const res = await file(editor, true, items);
      expect(res.status, JSON.stringify(res.body)).toBe(400);
      expect(res.body.error.field).toContain(field);
    }
    expect((await rowOf(p)).report).toBeNull();
    const english = new ApiClient(server.url, { language: 'en' });
    await english.signIn('lanjiang', PASSWORD);
    const dup = await file(english, false, [
      { projectId: p, amountWan: 1 },
      { projectId: p, amountWan: 1 },
    ]);
    expect(dup.body.error.message).toBe('The same project appears twice in the filing');
    const bad = await file(english, false, [{ projectId: p, amountWan: 'abc' }]);
    expect(bad.body.items[0].error).toEqual({
      code: 'VALIDATION',
      message: 'Amount must be an amount in 万元, e.g. 1234.56',
      field: 'amountWan',
    });
  });
});
