import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApiClient } from './support/client.ts';
import { databaseKinds } from './support/databases.ts';
import { creditCodeFor } from './support/enterprises.ts';
import { buildUser, setUpCounty } from './support/factories.ts';
import { tmpDir, writeLedger, type LedgerCell } from './support/ledgers.ts';
import { buildProject } from './support/projects.ts';
import { startTestServer, type TestServer } from './support/server.ts';

// Enterprises from an Excel ledger (企业名录): registered and linked to their projects, updated by credit
// code on a second import, refused row by row with nothing written, limited to the uploader's townships.

const HEADER = [
  '序号',
  '企业名称',
  '统一社会信用代码',
  '行业代码',
  '规模',
  '所在乡镇',
  '地址',
  '联系人',
  '联系电话',
  '标识',
];
/** A credit code whose check character is wrong. */
const badCheck = (n: number) => {
  const good = creditCodeFor(n);
  return good.slice(0, 17) + (good[17] === '0' ? '1' : '0');
};

describe.each(await databaseKinds())('enterprise ledger imports on %s', (kind) => {
  let server: TestServer;
  let admin: ApiClient;
  let editor: ApiClient;
  let unit: (name: string) => { id: number };
  const dir = tmpDir();
  let fileNo = 0;

  const ledger = (rows: LedgerCell[][]) =>
    writeLedger(path.join(dir, `enterprises-${fileNo++}.xlsx`), {
      title: '兰溪市企业名录',
      header: HEADER,
      sheetName: '企业名录',
      rows,
    });
  const upload = (client: ApiClient, file: string, o: { unitName?: string; ledger?: string } = {}) => {
    const form = new FormData();
    if (o.unitName) form.append('unitId', String(unit(o.unitName).id));
    form.append('ledger', o.ledger ?? 'enterprises');
    form.append('file', new Blob([new Uint8Array(fs.readFileSync(file))]), path.basename(file));
    return client.postMultipart('/api/v1/imports', form);
  };
  const uploaded = async (client: ApiClient, file: string, o: Parameters<typeof upload>[2] = {}) => {
    const res = await upload(client, file, o);
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    return res.body;
  };
  const enterprises = () =>
    server.db.kysely.selectFrom('enterprises').selectAll().orderBy('credit_code').orderBy('id').execute();

  beforeAll(async () => {
    server = await startTestServer(kind);
    ({ admin, unit } = await setUpCounty(server.url));
    editor = (
      await buildUser(admin, server.url, { username: 'lanjiang', role: 'unit_editor', unitId: unit('兰江街道').id })
    ).client;
  });
  afterAll(async () => {
    await server.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('registers the enterprises of a good ledger, links a project by credit code, and updates them on a second import', async () => {
    const project = await buildProject(admin, unit('兰江街道').id, {
      name: '恒丰纺织扩产项目',
      ownerName: '兰溪恒丰纺织有限公司（老名）',
      ownerCreditCode: creditCodeFor(101),
    });
    const rows: LedgerCell[][] = [
      [
        1,
        '兰溪恒丰纺织有限公司',
        creditCodeFor(101),
        'C17 纺织业',
        '规上',
        '兰江街道',
        '兰江路 1 号',
        '王经理',
        '13857900001',
        '专精特新、高新',
      ],
      [
        2,
        '兰溪光膜材料有限公司',
        creditCodeFor(102),
        '29',
        '规下',
        '上华街道',
        null,
        '李四',
        '0579-88888888',
        '小巨人,拟上市',
      ],
      [3, '兰溪市小作坊食品厂', null, '食品制造业', '规下', '兰江街道', null, null, null, null],
    ];
    const file = await ledger(rows);
    const body = await uploaded(admin, file);
    expect(body).toMatchObject({ ledger: 'enterprises', missingRequired: [], suggestedLedger: null });
    expect(
      Object.fromEntries(
        body.columns.map((c: { letter: string; proposedField: string | null }) => [c.letter, c.proposedField]),
      ),
    ).toEqual({
      A: null,
      B: 'enterpriseName',
      C: 'creditCode',
      D: 'industryCode',
      E: 'scale',
      F: 'township',
      G: 'address',
      H: 'contactName',
      I: 'contactPhone',
      J: 'flags',
    });
    expect(body.preview.map((p: { action: string }) => p.action)).toEqual(['create', 'create', 'create']);

    const committed = await admin.post(`/api/v1/imports/${body.id}/commit`);
    expect(committed.status, JSON.stringify(committed.body)).toBe(200);
    expect(committed.body).toMatchObject({ status: 'committed', counts: { rows: 3, create: 3, errorRows: 0 } });
    const stored = await enterprises();
    expect(stored).toHaveLength(3);
    const hengfeng = stored.find((e) => e.credit_code === creditCodeFor(101))!;
    expect(hengfeng).toMatchObject({
      name: '兰溪恒丰纺织有限公司',
      industry_code: '17',
      scale: 'above',
      township_unit_id: unit('兰江街道').id,
      flags: ',specialised,highTech,',
    });
    expect(JSON.parse(hengfeng.contacts_json)).toEqual([{ name: '王经理', phone: '13857900001' }]);
    expect(stored.find((e) => e.credit_code === creditCodeFor(102))).toMatchObject({
      flags: ',littleGiant,toBeListed,',
      unit_path: expect.any(String),
    });
    expect(stored.find((e) => e.credit_code === null)).toMatchObject({
      name: '兰溪市小作坊食品厂',
      industry_code: '14',
    });
    const linked = await server.db.kysely
      .selectFrom('projects')
      .select('enterprise_id')
      .where('id', '=', project.id)
      .executeTakeFirstOrThrow();
    expect(linked.enterprise_id).toBe(hengfeng.id);
    const events = await server.db.kysely
      .selectFrom('audit_events')
      .select(['action', 'summary'])
      .where('object_type', '=', 'enterprise')
      .orderBy('id')
      .execute();
    expect(events.map((e) => e.action)).toEqual(['enterprise.create', 'enterprise.create', 'enterprise.create']);
    expect(events[0]!.summary).toContain('关联项目 1 个');
    expect(events[0]!.summary).toContain('第 3 行');

    // The same file again changes nothing and registers nobody twice.
    const again = await uploaded(admin, file);
    const second = await admin.post(`/api/v1/imports/${again.id}/commit`);
    expect(second.body).toMatchObject({ status: 'committed', counts: { create: 0, update: 0, unchanged: 3 } });
    // A changed address updates by credit code, and the codeless one by its exact name.
    rows[0]![6] = '兰江路 99 号';
    rows[2]![4] = '规上';
    const changed = await uploaded(admin, await ledger(rows));
    const third = await admin.post(`/api/v1/imports/${changed.id}/commit`);
    expect(third.body).toMatchObject({ status: 'committed', counts: { create: 0, update: 2, unchanged: 1 } });
    const after = await enterprises();
    expect(after).toHaveLength(3);
    expect(after.find((e) => e.id === hengfeng.id)).toMatchObject({ address: '兰江路 99 号' });
    expect(after.find((e) => e.credit_code === null)).toMatchObject({ scale: 'above' });
    const update = await server.db.kysely
      .selectFrom('audit_events')
      .select(['action', 'before_json', 'after_json'])
      .where('object_type', '=', 'enterprise')
      .where('object_id', '=', String(hengfeng.id))
      .where('action', '=', 'enterprise.update')
      .executeTakeFirstOrThrow();
    expect(JSON.parse(update.before_json!)).toMatchObject({ address: '兰江路 1 号' });
    expect(JSON.parse(update.after_json!)).toMatchObject({ address: '兰江路 99 号' });
  });

  it('gives one error per bad row naming the cell, marks them in the workbook, and commits nothing', async () => {
    const before = await enterprises();
    const file = await ledger([
      [1, '兰溪甲公司', creditCodeFor(201), '17', '规上', '兰江街道', null, '张三', '13857900002', null],
      [2, '兰溪乙公司', badCheck(202), '17', '规上', '兰江街道', null, null, null, null],
      [3, '兰溪丙公司', creditCodeFor(203), '17', '规上', '兰江街道', null, '赵六', '12345', null],
      [4, '兰溪丁公司', creditCodeFor(204), '17', '规下', '不存在镇', null, null, null, null],
      [5, '兰溪戊公司', creditCodeFor(201), '17', '规下', '兰江街道', null, null, null, null],
      [6, '兰溪己公司', creditCodeFor(206), '17', '规下', '兰江街道', null, null, null, '上市、拟上市'],
      [7, '兰溪庚公司', creditCodeFor(101), '17', '规下', '兰江街道', null, null, null, null],
    ]);
    const body = await uploaded(admin, file);
    const checked = await admin.post(`/api/v1/imports/${body.id}/dry-run`);
    expect(checked.body).toMatchObject({ status: 'invalid', counts: { rows: 7, create: 1, errorRows: 6, errors: 6 } });
    const messages = Object.fromEntries(
      checked.body.errors.map((e: { cell: string; message: string }) => [e.cell, e.message]),
    );
    expect(messages).toEqual({
      C4: `统一社会信用代码“${badCheck(202)}”的校验位不对，请核对是否录错`,
      I5: '联系人“赵六”的电话“12345”不是手机号或固定电话（如 13800000000、0579-88888888）',
      F6: '“不存在镇”不是本县的乡镇、街道或平台',
      C7: `统一社会信用代码“${creditCodeFor(201)}”与第 3 行重复`,
      J8: '“上市”和“拟上市”不能同时选择',
      C9: `统一社会信用代码“${creditCodeFor(101)}”已登记为“兰溪恒丰纺织有限公司”`,
    });
    expect(checked.body.errors.find((e: { cell: string }) => e.cell === 'C4')).toMatchObject({
      row: 4,
      column: '统一社会信用代码',
    });
    const res = await admin.getBytes(`/api/v1/imports/${body.id}/errors.xlsx`);
    expect(res.status).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.body as unknown as ArrayBuffer);
    expect(wb.worksheets[0]!.getCell('C4').note).toBeTruthy();

    const committed = await admin.post(`/api/v1/imports/${body.id}/commit`);
    expect(committed.body).toMatchObject({ status: 'invalid', counts: { errorRows: 6 } });
    expect(await enterprises()).toEqual(before);
  });

  it('limits a township editor to the enterprises of their township', async () => {
    const file = await ledger([
      [1, '兰江新开五金厂', creditCodeFor(301), '33', '规下', '兰江街道', null, null, null, null],
      [2, '上华新开物流公司', creditCodeFor(302), '59', '规下', '上华街道', null, null, null, null],
    ]);
    const body = await uploaded(editor, file, { unitName: '兰江街道' });
    const checked = await editor.post(`/api/v1/imports/${body.id}/dry-run`);
    expect(checked.body).toMatchObject({ status: 'invalid', counts: { rows: 2, create: 1, errorRows: 1 } });
    expect(checked.body.errors).toEqual([
      expect.objectContaining({ cell: 'F4', message: '“上华街道”不在“兰江街道”或您可登记企业的范围内' }),
    ]);
    // Nor may they import into another township.
    expect((await upload(editor, file, { unitName: '上华街道' })).status).toBe(403);
  });

  it('suggests the enterprise kind for an enterprise ledger uploaded as projects, and serves its template', async () => {
    const file = await ledger([
      [1, '兰溪某公司', creditCodeFor(401), '17', '规上', '兰江街道', null, null, null, null],
    ]);
    const res = await upload(admin, file, { ledger: 'projects' });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(res.body.suggestedLedger).toBe('enterprises');

    const template = await editor.getBytes('/api/v1/templates/enterprises.xlsx');
    expect(template.status).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(template.body as unknown as ArrayBuffer);
    const sheet = wb.worksheets[0]!;
    expect((sheet.getRow(1).values as unknown[]).slice(1)).toEqual([
      '企业名称',
      '统一社会信用代码',
      '行业代码',
      '规模',
      '所在乡镇',
      '地址',
      '联系人',
      '联系电话',
      '标识',
    ]);
    expect(sheet.getCell(3, 4).dataValidation).toMatchObject({ type: 'list' });
  });
});
