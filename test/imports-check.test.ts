import fs from 'node:fs';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ERROR_FILL } from '../src/server/features/imports/errors/error-workbook.ts';
import type { ApiClient } from './support/client.ts';
import { databaseKinds } from './support/databases.ts';
import { code, good, HEADER, ledgerImports, startImportsCounty, type UnitByName } from './support/imports.ts';
import type { LedgerCell } from './support/ledgers.ts';
import { buildProject } from './support/projects.ts';
import type { TestServer } from './support/server.ts';

// Checking a ledger's rows: every error named at its cell, marked in the workbook, nothing written, own units only.

describe.each(await databaseKinds())('ledger imports on %s', (kind) => {
  let server: TestServer;
  let admin: ApiClient;
  let editor: ApiClient;
  let unit: UnitByName;
  const { dir, ledger, upload, uploadFile, projectCount, importCount } = ledgerImports(() => ({ server, unit }));

  beforeAll(async () => {
    ({ server, admin, editor, unit } = await startImportsCounty(kind));
  });
  afterAll(async () => {
    await server.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('names the row, the cell as Excel shows it, the column and what is wrong, for every kind of row error', async () => {
    const other = await buildProject(admin, unit('上华街道').id, { name: '上华已有项目', code: code(900) });
    const rows: LedgerCell[][] = [
      good(1, '金额不对的项目', null, { 9: '约三千万' }),
      good(2, '阶段不对的项目', null, { 8: '在干' }),
      good(3, '日期不对的项目', null, { 10: '明年' }),
      good(4, '行业不对的项目', null, { 5: 'A17' }),
      good(5, '代码不对的项目', '2403-330781-04-01'),
      good(6, '代码重复甲', code(5)),
      good(7, '代码重复乙', code(5)),
      good(8, '公式没有结果的项目', null, { 9: { formula: 'SUM(J1:J3)' } }),
      good(9, null as never, null),
      good(10, '实际开工在将来', null, { 8: '在建', 10: '2027-05-01', 11: '2027-06-01' }),
      good(11, '在建没有实际开工', null, { 8: '在建' }),
      good(12, '别的单位的项目', other.code as string),
      good(13, '零投资项目', null, { 9: 0 }),
      good(14, '重名项目', null),
      good(15, '重名项目', null),
    ];
    const file = await ledger({ rows });
    const { id } = await uploadFile(admin, file);
    const res = await admin.post(`/api/v1/imports/${id}/dry-run`);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ status: 'invalid', counts: { rows: 15, errorRows: 13, create: 2 } });
    const errors = res.body.errors as { row: number; cell: string; column: string; message: string }[];
    const expected: [number, string, string, string][] = [
      [3, 'J3', '总投资（万元）', '“约三千万”不是金额'],
      [4, 'I4', '项目阶段', '“在干”不是可选的项目阶段'],
      [5, 'K5', '计划开工时间', '“明年”不是日期'],
      [6, 'F6', '国民经济行业', '“A17”不是国民经济行业大类代码'],
      [7, 'C7', '项目代码', '不是 24 位统一项目代码'],
      [9, 'C9', '项目代码', '与第 8 行的项目代码相同'],
      [10, 'J10', '总投资（万元）', '是公式（=SUM(J1:J3)），文件中没有保存计算结果'],
      [11, 'B11', '项目名称', '新建项目须填写“项目名称”'],
      [12, 'L12', '实际开工时间', '实际开工时间（2027-06-01）不能晚于今天'],
      [13, 'L13', '实际开工时间', '阶段为“在建”的项目须填写实际开工时间'],
      [14, 'C14', '项目代码', `项目代码 ${code(900)} 已被“上华街道”的项目“上华已有项目”使用，不在本次导入的单位范围内`],
      [15, 'J15', '总投资（万元）', '总投资必须大于 0'],
      [17, 'B17', '项目名称', '与第 16 行的项目名称相同'],
    ];
    for (const [row, cell, column, message] of expected) {
      expect(errors, `row ${row}`).toContainEqual(
        expect.objectContaining({ row, cell, column, message: expect.stringContaining(message) }),
      );
    }
    // The same errors page through GET …/errors.
    const listed = await admin.get(`/api/v1/imports/${id}/errors?limit=5`);
    expect(listed.body.items).toHaveLength(5);
    expect(listed.body.items[0]).toEqual(errors[0]);
  });

  it('hands the workbook back with the error cells filled red and a comment on each', async () => {
    const file = await ledger({ rows: [good(1, '好项目', null), good(2, '坏项目', null, { 9: 'abc', 8: '在干' })] });
    const { id } = await uploadFile(admin, file);
    await admin.post(`/api/v1/imports/${id}/dry-run`);
    const res = await admin.getBytes(`/api/v1/imports/${id}/errors.xlsx`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('spreadsheetml');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.body as unknown as ArrayBuffer);
    const ws = wb.worksheets[0]!;
    for (const ref of ['J4', 'I4']) {
      const cell = ws.getCell(ref);
      expect((cell.fill as ExcelJS.FillPattern).fgColor?.argb, ref).toBe(ERROR_FILL);
      expect(String(typeof cell.note === 'string' ? cell.note : cell.note?.texts?.map((t) => t.text).join(''))).toMatch(
        /abc|在干/,
      );
    }
    expect(
      ws.getCell('J3').fill?.type === 'pattern' && (ws.getCell('J3').fill as ExcelJS.FillPattern).fgColor?.argb,
    ).not.toBe(ERROR_FILL);
    expect(ws.getCell('B4').value).toBe('坏项目');
    expect(ws.getCell('N2').value).toBe('导入错误');
    expect(String(ws.getCell('N4').value)).toContain('J4（总投资（万元））：“abc”不是金额');
  });

  it('writes nothing when one row among 10,000 is bad', async () => {
    const rows = function* () {
      for (let i = 1; i <= 10_000; i++)
        yield good(i, `批量项目${i}`, code(10_000 + i), i === 6_543 ? { 9: '三千' } : {});
    };
    const file = await ledger({ rows: rows() });
    const { id } = await uploadFile(admin, file);
    const [projects, audits] = [
      await projectCount(),
      await server.db.kysely
        .selectFrom('audit_events')
        .select((eb) => eb.fn.countAll().as('n'))
        .executeTakeFirstOrThrow(),
    ];
    const res = await admin.post(`/api/v1/imports/${id}/commit`);
    expect(res.body).toMatchObject({
      status: 'invalid',
      counts: { rows: 10_000, errorRows: 1, create: 9_999 },
      errors: [{ row: 6_545, cell: 'J6545', column: '总投资（万元）' }],
    });
    expect(res.body.message).toContain('未写入任何数据');
    expect(await projectCount()).toBe(projects);
    expect(
      (
        await server.db.kysely
          .selectFrom('audit_events')
          .select((eb) => eb.fn.countAll().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    ).toBe(audits.n);
  });

  it('keeps a township editor to their own unit', async () => {
    const file = await ledger({ rows: [good(1, '越权项目', null)] });
    const before = await importCount();
    const res = await upload(editor, fs.readFileSync(file), 'x.xlsx', '上华街道');
    expect(res.status).toBe(403);
    expect(await importCount()).toBe(before);
    const other = await ledger({
      header: [...HEADER, '责任单位'],
      rows: [[...good(1, '指到别处的项目', null), '上华街道']],
    });
    const { id } = await uploadFile(editor, other);
    const check = await editor.post(`/api/v1/imports/${id}/dry-run`);
    expect(check.body.errors).toEqual([
      expect.objectContaining({ cell: 'N3', column: '责任单位', message: '“上华街道”不是“兰江街道”或其下级单位' }),
    ]);
    // Another unit's import is not even visible.
    const shanghua = await uploadFile(admin, file, '上华街道');
    expect((await editor.get(`/api/v1/imports/${shanghua.id}`)).status).toBe(404);
    expect((await editor.post(`/api/v1/imports/${shanghua.id}/commit`)).status).toBe(404);
  });

  it('tidies a file name the browser sent badly rather than storing broken text', async () => {
    const file = await ledger({ rows: [good(1, '文件名项目', null)] });
    const bytes = fs.readFileSync(file);
    const sent = await upload(editor, bytes, 'C:\\台账\\\ud800十一月\u202e.xlsx');
    expect(sent.status, JSON.stringify(sent.body)).toBe(201);
    expect(sent.body.fileName).toBe('_十一月.xlsx');
    const audit = await server.db.kysely
      .selectFrom('audit_events')
      .select('summary')
      .where('action', '=', 'import.upload')
      .orderBy('id', 'desc')
      .executeTakeFirstOrThrow();
    expect(audit.summary).toBe('上传台账《_十一月.xlsx》');
  });

  it('refuses a form field that is not well-formed text, naming it', async () => {
    const file = await ledger({ rows: [good(1, '字段项目', null)] });
    const form = new FormData();
    form.append('sheet', 'a\u0000b');
    form.append('file', new Blob([new Uint8Array(fs.readFileSync(file))]), 'x.xlsx');
    const before = await importCount();
    const res = await editor.postMultipart('/api/v1/imports', form);
    expect(res.status).toBe(400);
    expect(res.body.error).toMatchObject({ code: 'VALIDATION', field: 'sheet' });
    expect(await importCount()).toBe(before);
  });
});
