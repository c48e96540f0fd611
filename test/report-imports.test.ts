import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ERROR_FILL } from '../src/server/features/imports/error-workbook.ts';
import type { ApiClient } from './support/client.ts';
import { databaseKinds } from './support/databases.ts';
import { buildUser, setUpCounty } from './support/factories.ts';
import { tmpDir, writeLedger, type LedgerCell, type LedgerSpec } from './support/ledgers.ts';
import { buildProject } from './support/projects.ts';
import { startTestServer, type TestServer } from './support/server.ts';

/** Reports are checked against a fixed today: 2026-11-23 (October's reports were due on 2026-11-03). */
const TODAY = new Date('2026-11-23T10:00:00Z');
const HEADER = ['序号', '项目名称', '项目代码', '本月完成投资（万元）', '形象进度', '存在问题'];
const code = (n: number) => `2403-330781-04-01-${String(n).padStart(6, '0')}`;

describe.each(await databaseKinds())('monthly-report ledger imports on %s', (kind) => {
  let server: TestServer;
  let admin: ApiClient;
  let editor: ApiClient;
  let unit: (name: string) => { id: number };
  const ids: Record<string, number> = {};
  const dir = tmpDir();
  let fileNo = 0;

  beforeAll(async () => {
    server = await startTestServer(kind, { clock: () => TODAY });
    ({ admin, unit } = await setUpCounty(server.url));
    editor = (
      await buildUser(admin, server.url, {
        username: 'lanjiang',
        role: 'unit_editor',
        unitId: unit('兰江街道').id,
        displayName: '兰江填报员',
      })
    ).client;
    const build = async (key: string, unitName: string, body: Record<string, unknown>) =>
      (ids[key] = (
        await buildProject(admin, unit(unitName).id, {
          stage: 'construction',
          plannedStartDate: '2026-01-10',
          actualStartDate: '2026-01-20',
          totalInvestmentWan: 20000,
          ...body,
        })
      ).id);
    await build('glass', '兰江街道', { name: '兰江光膜新材料项目', code: code(1) });
    await build('housing', '兰江街道', { name: '兰江安置房工程' });
    await build('school', '兰江街道', { name: '兰江中心小学扩建工程', code: code(3), totalInvestmentWan: 500 });
    await build('other', '上华街道', { name: '上华物流园项目', code: code(4) });
    await build('twinA', '兰江街道', { name: '同名道路工程' });
    await build('twinB', '上华街道', { name: '同名道路工程' });
  });
  afterAll(async () => {
    await server.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  const ledger = (spec: Partial<LedgerSpec> & { rows: Iterable<LedgerCell[]> }) =>
    writeLedger(path.join(dir, `reports-${fileNo++}.xlsx`), {
      title: '兰江街道2026年10月重点项目进展情况表',
      header: HEADER,
      sheetName: '月报',
      ...spec,
    });
  const upload = async (
    client: ApiClient,
    file: string,
    o: { unitName?: string; reportState?: string; ledger?: string } = {},
  ) => {
    const form = new FormData();
    form.append('unitId', String(unit(o.unitName ?? '兰江街道').id));
    form.append('ledger', o.ledger ?? 'reports');
    if (o.reportState) form.append('reportState', o.reportState);
    form.append('file', new Blob([new Uint8Array(fs.readFileSync(file))]), path.basename(file));
    return client.postMultipart('/api/v1/imports', form);
  };
  const uploaded = async (client: ApiClient, file: string, o: Parameters<typeof upload>[2] = {}) => {
    const res = await upload(client, file, o);
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    return res.body;
  };
  const reportsOf = (projectId: number) =>
    server.db.kysely
      .selectFrom('monthly_reports')
      .selectAll()
      .where('project_id', '=', projectId)
      .orderBy('year')
      .orderBy('month')
      .orderBy('revision')
      .execute();
  const count = async (table: 'monthly_reports' | 'audit_events') =>
    Number(
      (
        await server.db.kysely
          .selectFrom(table)
          .select((eb) => eb.fn.countAll().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );
  const done = async (unitName: string, year: number, month: number) =>
    Number(
      (
        await server.db.kysely
          .selectFrom('unit_stats')
          .select('value')
          .where('unit_id', '=', unit(unitName).id)
          .where('year', '=', year)
          .where('month', '=', month)
          .where('metric', '=', 'done')
          .executeTakeFirst()
      )?.value ?? 0,
    );

  it('takes the month from the title, files the reports as submitted, records the import, and changes nothing the second time', async () => {
    const file = await ledger({
      rows: [
        [1, '兰江光膜新材料项目', code(1), 1250.5, '主体结构施工至第三层', '用电增容审批尚未办结'],
        [2, '兰江安置房工程', null, '800', '基础施工', null],
        ['合计', null, null, 2050.5, null, null],
      ],
    });
    const body = await uploaded(editor, file);
    expect(body).toMatchObject({
      ledger: 'reports',
      options: { reportState: 'submitted' },
      headerRow: 2,
      title: '兰江街道2026年10月重点项目进展情况表',
      missingRequired: [],
    });
    expect(body.mapping.defaults).toEqual({ reportPeriod: '2026-10' });
    expect(
      Object.fromEntries(
        body.columns.map((c: { letter: string; proposedField: string | null }) => [c.letter, c.proposedField]),
      ),
    ).toEqual({ A: null, B: 'name', C: 'code', D: 'monthAmountWan', E: 'progressText', F: 'problems' });
    expect(body.preview).toHaveLength(2);
    expect(body.preview[0]).toMatchObject({
      row: 3,
      action: 'create',
      values: { monthAmountWan: 12_505_000 },
      display: { monthAmountWan: '1,250.50 万元' },
    });

    const auditBefore = await count('audit_events');
    const committed = await editor.post(`/api/v1/imports/${body.id}/commit`);
    expect(committed.status, JSON.stringify(committed.body)).toBe(200);
    expect(committed.body).toMatchObject({
      status: 'committed',
      counts: { rows: 2, create: 2, update: 0, unchanged: 0, skipped: 1, errorRows: 0 },
    });
    const [glass] = await reportsOf(ids.glass!);
    expect(glass).toMatchObject({
      year: 2026,
      month: 10,
      revision: 1,
      is_current: 1,
      state: 'submitted',
      is_late: 1,
      progress_text: '主体结构施工至第三层',
      problems: '用电增容审批尚未办结',
      created_by: '兰江填报员',
    });
    expect(Number(glass!.amount)).toBe(12_505_000);
    expect((await reportsOf(ids.housing!))[0]).toMatchObject({
      state: 'submitted',
      progress_text: '基础施工',
      problems: '',
    });
    // Two reports and the import itself, each with its event.
    expect((await count('audit_events')) - auditBefore).toBe(3);
    const events = await server.db.kysely
      .selectFrom('audit_events')
      .select(['action', 'summary'])
      .where('object_type', '=', 'report')
      .orderBy('id', 'desc')
      .limit(2)
      .execute();
    expect(events.map((e) => e.action)).toEqual(['report.create', 'report.create']);
    expect(events[1]!.summary).toContain('第 3 行');
    // The month shows on the reports page's list as filed.
    const todo = await editor.get('/api/v1/reports/todo?year=2026&month=10');
    expect(todo.body.items.find((i: { projectId: number }) => i.projectId === ids.glass)).toMatchObject({
      state: 'submitted',
      isLate: true,
      amountYuan: 12_505_000,
    });

    const again = await uploaded(editor, file);
    const second = await editor.post(`/api/v1/imports/${again.id}/commit`);
    expect(second.body).toMatchObject({ status: 'committed', counts: { create: 0, update: 0, unchanged: 2 } });
    expect(await reportsOf(ids.glass!)).toHaveLength(1);
  });

  it('names the cell and what is wrong for every kind of row error, marks them in the workbook, and writes nothing', async () => {
    await admin.post('/api/v1/report-locks', { year: 2026, month: 6 });
    const file = await ledger({
      title: '兰江街道重点项目月报',
      header: ['序号', '项目名称', '项目代码', '报告期', '本月完成投资（万元）', '形象进度'],
      rows: [
        [1, '兰江光膜新材料项目', code(1), '2026年9月', 'abc', null],
        [2, '不存在的项目', null, '2026年9月', 10, null],
        [3, null, code(99), '2026年9月', 10, null],
        [4, '上华物流园项目', code(4), '2026年9月', 10, null],
        [5, '兰江安置房工程', null, '2026年12月', 10, null],
        [6, '兰江安置房工程', null, '2026年6月', 10, null],
        [7, '兰江中心小学扩建工程', code(3), '2026年9月', 600, null],
        [8, '兰江安置房工程', null, '2026年9月', 10, null],
        [9, '兰江安置房工程', null, '2026.9', 20, null],
        [10, '兰江光膜新材料项目', code(1), '2026年10月', 999, '改了金额'],
        [11, '兰江光膜新材料项目', code(1), '明年', 10, null],
        [12, '兰江光膜新材料项目', code(1), '2026年8月', null, '只有进度'],
      ],
    });
    const before = await count('monthly_reports');
    const body = await uploaded(editor, file);
    expect(body.mapping.defaults).toEqual({});
    const checked = await editor.post(`/api/v1/imports/${body.id}/dry-run`);
    const messages = Object.fromEntries(
      checked.body.errors.map((e: { cell: string; message: string }) => [e.cell, e.message]),
    );
    expect(messages).toMatchObject({
      E3: '“abc”不是金额',
      B4: '“兰江街道”及下级单位没有名为“不存在的项目”的项目',
      C5: '项目库中没有项目代码为 2403-330781-04-01-000099 的项目',
      C6: '项目代码 2403-330781-04-01-000004 的项目不属于“兰江街道”或其下级单位',
      D7: '2026年12月尚未开始，不能填报月报',
      D8: '2026年6月的月报已锁定，不能再导入；如需修改请联系项目办解锁',
      E9: '本月完成投资 600.00 万元超过项目总投资 500.00 万元',
      B11: '与第 10 行是同一项目同一月份',
      E12: '2026年10月月报已报送、待审核，导入不能修改；如需修改请先由审核人退回',
      E14: '须填写本月完成投资',
    });
    expect(messages.D13).toBe('“明年”不是年月（应如 2026年3月、2026-03 或 2026.3）');
    expect(checked.body).toMatchObject({ status: 'invalid', counts: { rows: 12, create: 1, errorRows: 11 } });
    expect(checked.body.errors.find((e: { cell: string }) => e.cell === 'E3')).toMatchObject({
      row: 3,
      column: '本月完成投资（万元）',
    });

    const res = await editor.getBytes(`/api/v1/imports/${body.id}/errors.xlsx`);
    expect(res.status).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.body as unknown as ArrayBuffer);
    const ws = wb.worksheets[0]!;
    for (const ref of ['E3', 'B4', 'D7', 'E12'])
      expect((ws.getCell(ref).fill as ExcelJS.FillPattern).fgColor?.argb, ref).toBe(ERROR_FILL);

    const commit = await editor.post(`/api/v1/imports/${body.id}/commit`);
    expect(commit.body.status).toBe('invalid');
    expect(await count('monthly_reports')).toBe(before);
  });

  it('tells apart same-named projects only by code, and keeps editors to their own units', async () => {
    const file = await ledger({ rows: [[1, '同名道路工程', null, 100, null, null]] });
    const county = await uploaded(admin, file, { unitName: '兰溪市' });
    const checked = await admin.post(`/api/v1/imports/${county.id}/dry-run`);
    expect(checked.body.errors[0]).toMatchObject({
      cell: 'B3',
      message: '“兰溪市”下有 2 个名为“同名道路工程”的项目，请填写项目代码以区分',
    });
    // Under 兰江街道 the name is unique.
    const lanjiang = await uploaded(editor, file);
    expect(lanjiang.preview[0]).toMatchObject({ action: 'create', errors: [] });

    const refused = await upload(editor, file, { unitName: '上华街道' });
    expect(refused.status).toBe(403);
    const bad = await upload(editor, file, { reportState: 'finished' });
    expect(bad.status).toBe(400);
    expect(bad.body.error).toMatchObject({ field: 'reportState' });
    expect(bad.body.error.message).toContain('导入后的月报状态');
  });

  it('imports approved history by year and month columns for those who review, keeping the units’ figures right', async () => {
    const file = await ledger({
      title: '兰江街道2026年固投月报汇总',
      header: ['项目代码', '项目名称', '年度', '月份', '本月完成', '形象进度'],
      rows: [
        [code(3), '兰江中心小学扩建工程', 2026, 1, 50, '开工准备'],
        [code(3), '兰江中心小学扩建工程', 2026, 2, 60, '基础施工'],
        [code(3), '兰江中心小学扩建工程', 2026, '3月', 70, '主体施工'],
      ],
    });
    const byEditor = await uploaded(editor, file, { reportState: 'approved' });
    const refused = await editor.post(`/api/v1/imports/${byEditor.id}/dry-run`);
    expect(refused.body.errors[0].message).toBe('您不能审核“兰江中心小学扩建工程”的月报，不能以“已审核”导入');

    const doneBefore = await done('兰江街道', 2026, 2);
    const body = await uploaded(admin, file, { reportState: 'approved' });
    expect(body.mapping.defaults).toEqual({});
    const committed = await admin.post(`/api/v1/imports/${body.id}/commit`);
    expect(committed.body).toMatchObject({ status: 'committed', counts: { create: 3 } });
    const stored = await reportsOf(ids.school!);
    expect(stored.map((r) => [r.month, r.state, r.is_late, r.reviewed_by, Number(r.amount)])).toEqual([
      [1, 'approved', 0, '管理员', 500_000],
      [2, 'approved', 0, '管理员', 600_000],
      [3, 'approved', 0, '管理员', 700_000],
    ]);
    expect((await done('兰江街道', 2026, 2)) - doneBefore).toBe(600_000);
    const list = (await admin.get(`/api/v1/projects/${ids.school}/reports`)).body.items;
    expect(list.find((r: { month: number }) => r.month === 3)).toMatchObject({ yearCumulativeYuan: 1_800_000 });

    // An approved report is corrected on the reports page, with a reason: the ledger cannot change it.
    const changed = await ledger({
      title: null,
      header: ['项目代码', '年度', '月份', '本月完成'],
      rows: [[code(3), 2026, 2, 65]],
    });
    const retry = await uploaded(admin, changed, { reportState: 'approved' });
    const check = await admin.post(`/api/v1/imports/${retry.id}/dry-run`);
    expect(check.body.errors[0]).toMatchObject({
      cell: 'D2',
      message: '2026年2月月报已审核，导入不能修改；如需更正请在月报页面提交更正并说明原因',
    });
  });

  it('saves drafts, then submits them when the same ledger comes in as submitted; mappings are saved per kind', async () => {
    const file = await ledger({
      title: '兰江街道2026年9月重点项目进展情况表',
      header: ['项目名称', '当月完成投资', '工程进度'],
      rows: [['兰江安置房工程', 300, '主体施工']],
    });
    const draft = await uploaded(editor, file, { reportState: 'draft' });
    expect(draft.options).toEqual({ reportState: 'draft' });
    const put = await editor.put(`/api/v1/imports/${draft.id}/mapping`, {
      columns: { A: 'name', B: 'monthAmountWan', C: 'progressText' },
      defaults: { reportPeriod: '2026-09' },
      save: true,
    });
    expect(put.status, JSON.stringify(put.body)).toBe(200);
    expect((await editor.post(`/api/v1/imports/${draft.id}/commit`)).body.counts).toMatchObject({ create: 1 });
    const september = (await reportsOf(ids.housing!)).find((r) => r.month === 9)!;
    expect(september).toMatchObject({ state: 'draft', submitted_at: null, is_late: 0 });

    const submit = await uploaded(editor, file);
    expect(submit.options).toEqual({ reportState: 'submitted' });
    const committed = await editor.post(`/api/v1/imports/${submit.id}/commit`);
    expect(committed.body.counts).toMatchObject({ create: 0, update: 1 });
    expect((await reportsOf(ids.housing!)).find((r) => r.month === 9)).toMatchObject({
      id: september.id,
      state: 'submitted',
      is_late: 1,
    });

    const saved = await server.db.kysely
      .selectFrom('import_mappings')
      .select(['ledger'])
      .where('unit_id', '=', unit('兰江街道').id)
      .execute();
    expect(saved.map((s) => s.ledger)).toEqual(['reports']);
    // A project ledger uploaded by the same unit does not take the report mapping.
    const asProjects = await upload(editor, file, { ledger: 'projects' });
    expect(asProjects.status).toBe(400);
    expect(asProjects.body.error).toMatchObject({
      field: 'ledger',
      message: expect.stringContaining('看起来是月报台账'),
    });
  });

  it('says when a project ledger was uploaded as monthly reports', async () => {
    const file = await ledger({
      title: '兰江街道重点项目台账',
      header: ['序号', '项目名称', '项目代码', '总投资（万元）', '建设性质', '项目阶段', '计划开工时间'],
      rows: [[1, '兰江新项目', null, 3000, '新建', '前期', '2027年3月']],
    });
    const body = await uploaded(editor, file);
    expect(body.suggestedLedger).toBe('projects');
    const right = await uploaded(editor, file, { ledger: 'projects' });
    expect(right.suggestedLedger).toBeNull();
  });

  it('refuses a mapping with project fields or a period that is not a month', async () => {
    const file = await ledger({ rows: [[1, '兰江光膜新材料项目', code(1), 10, null, null]] });
    const body = await uploaded(editor, file);
    const wrong = await editor.put(`/api/v1/imports/${body.id}/mapping`, {
      columns: { B: 'name', D: 'totalInvestmentWan' },
      defaults: { reportPeriod: '十月' },
    });
    expect(wrong.status).toBe(400);
    expect(wrong.body.error.message).toContain('不是这类台账的栏目');
    expect(wrong.body.error.message).toContain('报告期');
  });

  it('reads its own template back: every column proposed, the example row replaced by a real one', async () => {
    const res = await editor.getBytes('/api/v1/templates/reports.xlsx');
    expect(res.status).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.body as unknown as ArrayBuffer);
    const ws = wb.getWorksheet('月报')!;
    ws.getRow(2).values = [code(1), '兰江光膜新材料项目', 2026, 7, 321.5, '设备安装', '无'];
    const file = path.join(dir, '月报导入模板-已填.xlsx');
    await wb.xlsx.writeFile(file);
    const body = await uploaded(editor, file);
    expect(
      Object.values(
        Object.fromEntries(
          body.columns.map((c: { letter: string; proposedField: string | null }) => [c.letter, c.proposedField]),
        ),
      ),
    ).toEqual(['code', 'name', 'reportYear', 'reportMonth', 'monthAmountWan', 'progressText', 'problems']);
    expect(body.missingRequired).toEqual([]);
    const committed = await editor.post(`/api/v1/imports/${body.id}/commit`);
    expect(committed.body).toMatchObject({ status: 'committed', counts: { create: 1 } });
    expect((await reportsOf(ids.glass!)).find((r) => r.month === 7)).toMatchObject({
      state: 'submitted',
      progress_text: '设备安装',
      problems: '',
    });
  });

  it('reads the header again from the row a person names, proposing its columns afresh', async () => {
    // A group row above the header: a person choosing the wrong row, then the right one, gets each row's own proposal.
    const file = await ledger({
      title: '兰江街道2026年8月重点项目进展情况表',
      groupRow: ['序号', '项目', '赋码', '投资', '进展'],
      header: [null, '项目名称', '项目代码', '本月完成', '形象进度'],
      rows: [[1, '兰江光膜新材料项目', code(1), 88, '调试']],
    });
    const body = await uploaded(editor, file);
    expect(body.headerRows).toEqual([3]);
    const wrong = await editor.put(`/api/v1/imports/${body.id}/mapping`, { headerRow: 2, columns: {} });
    expect(wrong.status, JSON.stringify(wrong.body)).toBe(200);
    expect(wrong.body).toMatchObject({
      headerRows: [2],
      dataStartRow: 3,
      mapping: { columns: { B: 'name' } },
      missingRequired: ['monthAmountWan'],
    });
    const res = await editor.put(`/api/v1/imports/${body.id}/mapping`, { headerRow: 3, columns: {} });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body).toMatchObject({ headerRows: [3], dataStartRow: 4 });
    expect(res.body.mapping).toEqual({
      columns: { B: 'name', C: 'code', D: 'monthAmountWan', E: 'progressText' },
      defaults: { reportPeriod: '2026-08' },
    });
    expect(res.body.preview[0]).toMatchObject({
      row: 4,
      action: 'create',
      values: { monthAmountWan: 880_000, progressText: '调试' },
    });
    // A row with nothing to import by: the answer says so at the header row.
    const none = await editor.put(`/api/v1/imports/${body.id}/mapping`, { headerRow: 1, columns: {} });
    expect(none.status).toBe(400);
    expect(none.body.error).toMatchObject({ field: 'headerRow' });
    expect(none.body.error.message).toBe('第 1 行中没有“项目名称”或“项目代码”列，不像表头；请换一行');
  });
});
