import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AUDIT_OBJECT_TYPES } from '../src/domain/audit/audit-labels.ts';
import { ApiClient, type ApiResponse } from './support/client.ts';
import { databaseKinds } from './support/databases.ts';
import { buildUser, setUpCounty } from './support/factories.ts';
import { startTestServer, type TestServer } from './support/server.ts';

interface Event {
  id: number;
  action: string;
  objectType: string;
  objectId: string;
  unitName: string | null;
  summary: string;
}

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

async function sheetOf(res: ApiResponse<Buffer>): Promise<ExcelJS.Worksheet> {
  expect(res.status, res.status === 200 ? '' : res.body.toString()).toBe(200);
  expect(res.headers.get('content-type')).toBe(XLSX);
  expect(res.headers.get('cache-control')).toBe('no-store');
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(res.body as unknown as ArrayBuffer);
  return workbook.worksheets[0]!;
}

/** Every row's cells as text, the header first. */
const rowsOf = (sheet: ExcelJS.Worksheet) =>
  Array.from({ length: sheet.rowCount }, (_, i) =>
    (sheet.getRow(i + 1).values as unknown[]).slice(1).map((v) => (v instanceof Date ? 'date' : String(v ?? ''))),
  );

describe.each(await databaseKinds())('reading and exporting the audit log on %s', (kind) => {
  let server: TestServer;
  let admin: ApiClient;
  let editor: ApiClient;
  let auditor: ApiClient;
  let leader: ApiClient;

  beforeAll(async () => {
    server = await startTestServer(kind);
    const county = await setUpCounty(server.url);
    admin = county.admin;
    const lanjiang = county.unit('兰江街道').id;
    const shanghua = county.unit('上华街道').id;
    ({ client: editor } = await buildUser(admin, server.url, {
      username: 'lj-editor',
      role: 'unit_editor',
      unitId: lanjiang,
    }));
    ({ client: auditor } = await buildUser(admin, server.url, {
      username: 'jiwei',
      role: 'auditor',
      unitId: county.unit('兰溪市').id,
    }));
    ({ client: leader } = await buildUser(admin, server.url, { username: 'boss', role: 'leader', unitId: shanghua }));
    for (const [name, parentId] of [
      ['兰江一村', lanjiang],
      ['兰江二村', lanjiang],
      ['上华一村', shanghua],
    ] as const)
      expect((await admin.post('/api/v1/units', { parentId, name, kind: 'village' })).status).toBe(201);
    expect((await admin.put('/api/v1/light-rules', { progress: { yellowFromPoints: 15 } })).status).toBe(200);
  });
  afterAll(() => server.close());

  const list = async (client: ApiClient, q: string) => {
    const res = await client.get(`/api/v1/audit?${q}`);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    return res.body as { items: Event[]; total: number; page: number | null; nextCursor: string | null };
  };

  it('leaves sign-ins out unless asked, by the switch, their action or their object type', async () => {
    const plain = await list(admin, 'limit=200');
    expect(plain.items.length).toBeGreaterThan(0);
    expect(plain.items.some((e) => e.objectType === 'session')).toBe(false);
    const withSignIns = await list(admin, 'limit=200&includeSignIns=true');
    expect(withSignIns.items.filter((e) => e.action === 'session.create').length).toBeGreaterThanOrEqual(3);
    expect(withSignIns.total).toBe(plain.total + withSignIns.items.filter((e) => e.objectType === 'session').length);
    const byAction = await list(admin, 'action=session.create');
    expect(byAction.items.length).toBeGreaterThanOrEqual(3);
    expect(byAction.items.every((e) => e.action === 'session.create')).toBe(true);
    expect((await list(admin, 'objectType=session')).total).toBeGreaterThanOrEqual(3);
  });

  it('filters by every object type and by action', async () => {
    for (const type of AUDIT_OBJECT_TYPES) {
      const page = await list(admin, `objectType=${type}&limit=200`);
      expect(page.items.every((e) => e.objectType === type)).toBe(true);
      expect(page.total).toBe(page.items.length);
    }
    const rules = await list(admin, 'objectType=lightRules');
    expect(rules.items.map((e) => e.action)).toEqual(['lightRules.update']);
    const units = await list(admin, 'action=unit.create');
    expect(units.items.map((e) => e.summary.slice(0, 10))).toEqual([
      '新增单位“上华一村”',
      '新增单位“兰江二村”',
      '新增单位“兰江一村”',
    ]);
    expect(units.items[0]!.unitName).toBe('上华一村');
    const refused = await admin.get('/api/v1/audit?objectType=nonsense');
    expect(refused.status).toBe(400);
    expect(refused.body.error.field).toBe('objectType');
  });

  it('pages by number with the count: pages follow each other without overlap, past the end is empty', async () => {
    const all = await list(admin, 'includeSignIns=true&limit=200');
    expect(all.total).toBe(all.items.length);
    expect(all.total).toBeGreaterThan(6);
    const first = await list(admin, 'includeSignIns=true&page=1&pageSize=4');
    const second = await list(admin, 'includeSignIns=true&page=2&pageSize=4');
    expect(first).toMatchObject({ total: all.total, page: 1 });
    expect([...first.items, ...second.items].map((e) => e.id)).toEqual(all.items.slice(0, 8).map((e) => e.id));
    const last = Math.ceil(all.total / 4);
    const end = await list(admin, `includeSignIns=true&page=${last}&pageSize=4`);
    expect(end.nextCursor).toBeNull();
    expect(end.items.at(-1)!.id).toBe(all.items.at(-1)!.id);
    expect((await list(admin, `includeSignIns=true&page=${last + 1}&pageSize=4`)).items).toEqual([]);
    // The cursor keeps working for the callers that page by it.
    const byCursor = await list(admin, `includeSignIns=true&limit=4&cursor=${first.nextCursor}`);
    expect(byCursor.items.map((e) => e.id)).toEqual(second.items.map((e) => e.id));
  });

  it('refuses a page and a cursor together, naming page, in Chinese and in English', async () => {
    const zh = await admin.get('/api/v1/audit?page=2&cursor=5');
    expect(zh.status).toBe(400);
    expect(zh.body.error).toMatchObject({ code: 'VALIDATION', field: 'page' });
    expect(zh.body.error.message).toContain('页码');
    const english = new ApiClient(server.url, { language: 'en' });
    await english.signIn('jiwei', 'password-1234');
    const en = await english.get('/api/v1/audit?page=2&cursor=5');
    expect(en.body.error.message).toContain('not both');
  });

  it('scopes reading: the township editor sees their subtree only, the auditor everything, a leader nothing', async () => {
    const mine = await list(editor, 'limit=200');
    expect(new Set(mine.items.map((e) => e.unitName))).toEqual(new Set(['兰江街道', '兰江一村', '兰江二村']));
    expect(mine.items.some((e) => e.summary.includes('兰江一村'))).toBe(true);
    expect(mine.items.some((e) => e.summary.includes('上华一村'))).toBe(false);
    expect(mine.items.some((e) => e.objectType === 'lightRules')).toBe(false);
    const everything = await list(auditor, 'limit=200');
    expect(everything.items.some((e) => e.summary.includes('上华一村'))).toBe(true);
    expect(everything.items.some((e) => e.objectType === 'lightRules')).toBe(true);
    expect((await leader.get('/api/v1/audit')).status).toBe(403);
    expect((await leader.getBytes('/api/v1/audit/export.xlsx')).status).toBe(403);
  });

  it('exports the filtered list as the list shows it, with the changes as field: before → after', async () => {
    const shown = await list(auditor, 'limit=200');
    const sheet = await sheetOf(await auditor.getBytes('/api/v1/audit/export.xlsx'));
    const rows = rowsOf(sheet);
    expect(rows[0]).toEqual(['时间', '操作人', '单位', '操作', '对象', '摘要', '变更']);
    expect(rows.slice(1).map((r) => r[5])).toEqual(shown.items.map((e) => e.summary));
    const rule = rows.find((r) => r[3] === '修改亮灯规则')!;
    expect(rule[0]).toBe('date');
    expect(rule[4]).toMatch(/^亮灯规则 #\d+$/);
    expect(rule[6]).toContain('投资进度 · 黄灯：落后序时进度 ≥: 10 个百分点 → 15 个百分点');
    expect(rule[6]).not.toContain('开工');
    const village = rows.find((r) => r[5]?.startsWith('新增单位“兰江一村”'))!;
    expect(village.slice(1, 5)).toEqual([
      '管理员',
      '兰江一村',
      '新增单位',
      '单位 #' + shown.items.find((e) => e.summary.startsWith('新增单位“兰江一村”'))!.objectId,
    ]);
    expect(village[6]).toContain('类型: — → 村（社区）');
  });

  it('exports with the same filters and scope, in English when asked', async () => {
    const signIns = await list(admin, 'action=session.create');
    const sheet = await sheetOf(await admin.getBytes('/api/v1/audit/export.xlsx?action=session.create'));
    expect(rowsOf(sheet).length - 1).toBe(signIns.total);

    const mine = await list(editor, 'limit=200');
    const editorRows = rowsOf(await sheetOf(await editor.getBytes('/api/v1/audit/export.xlsx')));
    expect(editorRows.slice(1).map((r) => r[5])).toEqual(mine.items.map((e) => e.summary));

    const english = new ApiClient(server.url, { language: 'en' });
    await english.signIn('jiwei', 'password-1234');
    const res = await english.getBytes('/api/v1/audit/export.xlsx?objectType=lightRules');
    expect(decodeURIComponent(/filename\*=UTF-8''([^;]+)/.exec(res.headers.get('content-disposition')!)![1]!)).toMatch(
      /^审计日志-\d{4}-\d{2}-\d{2}\.xlsx$/,
    );
    const rows = rowsOf(await sheetOf(res));
    expect(rows[0]).toEqual(['Time', 'By', 'Unit', 'Action', 'Object', 'Summary', 'Changes']);
    expect(rows).toHaveLength(2);
    expect(rows[1]![3]).toBe('Change light rules');
    expect(rows[1]![4]).toMatch(/^Light rules #/);
    expect(rows[1]![6]).toContain('Investment progress · Yellow: behind by at least: 10 points → 15 points');
  });
});
