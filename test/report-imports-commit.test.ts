import fs from 'node:fs';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ERROR_FILL } from '../src/server/features/imports/errors/error-workbook.ts';
import type { ApiClient } from './support/client.ts';
import { databaseKinds } from './support/databases.ts';
import { code, reportImports, startReportsCounty, type UnitByName } from './support/report-imports.ts';
import type { TestServer } from './support/server.ts';

// Filing monthly reports from a ledger: submitted, refused row by row, approved history, drafts then submitted.

describe.each(await databaseKinds())('monthly-report ledger imports on %s', (kind) => {
  let server: TestServer;
  let admin: ApiClient;
  let editor: ApiClient;
  let unit: UnitByName;
  let ids: Record<string, number>;
  const { dir, ledger, upload, uploaded, reportsOf, count, done } = reportImports(() => ({ server, unit }));

  beforeAll(async () => {
    ({ server, admin, editor, unit, ids } = await startReportsCounty(kind));
  });
  afterAll(async () => {
    await server.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

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
});
