import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApiClient } from './support/client.ts';
import { databaseKinds } from './support/databases.ts';
import { code, reportImports, startReportsCounty, type UnitByName } from './support/report-imports.ts';
import type { TestServer } from './support/server.ts';

// Reading a monthly-report ledger: which project a row names, which ledger it is, its mapping, template and header.

describe.each(await databaseKinds())('monthly-report ledger imports on %s', (kind) => {
  let server: TestServer;
  let admin: ApiClient;
  let editor: ApiClient;
  let unit: UnitByName;
  let ids: Record<string, number>;
  const { dir, ledger, upload, uploaded, reportsOf } = reportImports(() => ({ server, unit }));

  beforeAll(async () => {
    ({ server, admin, editor, unit, ids } = await startReportsCounty(kind));
  });
  afterAll(async () => {
    await server.close();
    fs.rmSync(dir, { recursive: true, force: true });
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
