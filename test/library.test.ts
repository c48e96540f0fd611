import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiClient, type ApiResponse } from './support/client.ts';
import { databaseKinds } from './support/databases.ts';
import type { TestServer } from './support/server.ts';
import { startDemoServer } from './support/demo.ts';

// The project library's guard rails over HTTP, on the demo county: the red list with its reasons (and its
// export), numbered pages with the total, and the duplicate check before a project is created.

type Reason = { colour: 'red' | 'yellow'; code: string; text: { 'zh-CN': string; en: string } };
type Item = {
  id: number;
  name: string;
  code: string | null;
  light: string;
  leadUnitId: number;
  lightReasons: Reason[];
};

async function sheetOf(res: ApiResponse<Buffer>): Promise<ExcelJS.Worksheet> {
  expect(res.status).toBe(200);
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(res.body as unknown as ArrayBuffer);
  return workbook.worksheets[0]!;
}
const rowValues = (sheet: ExcelJS.Worksheet, n: number) => (sheet.getRow(n).values as unknown[]).slice(1);

describe.each(await databaseKinds())('the project library’s red list, pages and duplicates on %s', (kind) => {
  let server: TestServer;
  let admin: ApiClient;
  let lanjiang: ApiClient;
  let lanjiangId: number;

  beforeAll(async () => {
    server = await startDemoServer(kind);
    admin = new ApiClient(server.url);
    await admin.signIn('admin', 'lantern-demo');
    lanjiang = new ApiClient(server.url);
    await lanjiang.signIn('lanjiang', 'lantern-demo');
    lanjiangId = (await admin.get('/api/v1/units')).body.items.find((u: { name: string }) => u.name === '兰江街道').id;
    // Loading the demo county into PostgreSQL for the first time this hour is slow on a busy machine.
  }, 900_000);
  afterAll(() => server.close());

  /** Every row of a list query, walked by keyset cursor. */
  async function walk(client: ApiClient, query: string): Promise<Item[]> {
    const items: Item[] = [];
    let cursor: string | null = null;
    do {
      const res: ApiResponse = await client.get(
        `/api/v1/projects?${query}&limit=200${cursor ? `&cursor=${cursor}` : ''}`,
      );
      expect(res.status).toBe(200);
      items.push(...res.body.items);
      cursor = res.body.nextCursor;
    } while (cursor);
    return items;
  }

  it('lists the red projects with the reasons their light card shows', async () => {
    const red = await walk(admin, 'light=red');
    expect(red.length).toBeGreaterThan(0);
    for (const p of red) {
      expect(p.light).toBe('red');
      expect(
        p.lightReasons.some((r) => r.colour === 'red'),
        p.name,
      ).toBe(true);
    }
    for (const p of red.slice(0, 3)) {
      const card = (await admin.get(`/api/v1/projects/${p.id}/light`)).body;
      expect(p.lightReasons).toEqual(card.findings);
    }
    const green = (await admin.get('/api/v1/projects?light=green&limit=20')).body.items as Item[];
    expect(green.every((p) => p.lightReasons.length === 0)).toBe(true);
  });

  it('exports the red list with a 亮灯原因 column beside 亮灯, and a list not filtered by light without it', async () => {
    const red = await walk(admin, 'light=red&sort=name&order=asc');
    const sheet = await sheetOf(
      await admin.getBytes('/api/v1/projects/export.xlsx?light=red&sort=name&order=asc&columns=name,light'),
    );
    expect(rowValues(sheet, 1)).toEqual(['项目名称', '亮灯', '亮灯原因']);
    expect(sheet.rowCount - 1).toBe(red.length);
    red.forEach((p, i) => {
      const cell = String(sheet.getCell(i + 2, 3).value);
      expect(sheet.getCell(i + 2, 1).value).toBe(p.name);
      for (const r of p.lightReasons) expect(cell).toContain(r.text['zh-CN']);
      expect(cell).toMatch(/^红：/);
    });
    // Without 亮灯 among the columns the reasons end the row; the yellow list has them too.
    const yellow = await sheetOf(await admin.getBytes('/api/v1/projects/export.xlsx?light=yellow&columns=name,stage'));
    expect(rowValues(yellow, 1)).toEqual(['项目名称', '阶段', '亮灯原因']);
    const all = await sheetOf(await admin.getBytes('/api/v1/projects/export.xlsx?columns=name,light'));
    expect(rowValues(all, 1)).toEqual(['项目名称', '亮灯']);
  });

  it('pages by number with the total of the same scope and filters, the pages adding up to the keyset walk', async () => {
    for (const [client, query] of [
      [admin, 'sort=name&order=asc'],
      [admin, 'light=red&sort=totalInvestment&order=desc'],
      [lanjiang, 'sort=updatedAt&order=desc'],
    ] as const) {
      const keyset = await walk(client, query);
      const paged: Item[] = [];
      let total = -1;
      for (let page = 1; page <= Math.ceil(keyset.length / 40) + 1; page++) {
        const res = await client.get(`/api/v1/projects?${query}&page=${page}&limit=40&withTotal=true`);
        expect(res.status).toBe(200);
        total = res.body.total;
        paged.push(...res.body.items);
      }
      expect(total).toBe(keyset.length);
      expect(paged.map((p) => p.id)).toEqual(keyset.map((p) => p.id));
    }
    const county = (await admin.get('/api/v1/projects?withTotal=true&limit=1&page=1')).body.total as number;
    const own = await walk(lanjiang, 'sort=id');
    expect(own.length).toBeLessThan(county);
    expect(new Set(own.map((p) => p.leadUnitId)).size).toBeGreaterThan(0);
  });

  it('refuses a page together with a cursor, naming the page, in Chinese and in English', async () => {
    const first = (await admin.get('/api/v1/projects?limit=5')).body.nextCursor as string;
    const zh = await admin.get(`/api/v1/projects?page=2&cursor=${first}`);
    expect(zh.status).toBe(400);
    expect(zh.body.error).toMatchObject({ field: 'page', message: expect.stringContaining('页码') });
    const english = new ApiClient(server.url, { language: 'en' });
    await english.signIn('admin', 'lantern-demo');
    const en = await english.get(`/api/v1/projects?page=2&cursor=${first}`);
    expect(en.body.error).toMatchObject({ field: 'page', message: expect.stringContaining('page number') });
    expect((await admin.get('/api/v1/projects?page=0')).status).toBe(400);
  });

  it('finds a project of the same unit by its name written another way, or by its code, and no other unit’s', async () => {
    const own = (await walk(lanjiang, 'sort=id')).filter((p) => p.leadUnitId === lanjiangId);
    const target = own.find((p) => p.code) ?? own[0]!;
    // Spaces, full-width brackets and digits: the same name for people.
    const written = ` ${target.name.replace(/\(/g, '（').replace(/\)/g, '）').replace(/(.)/, '$1 ')} `;
    const url = (q: Record<string, string | number>) =>
      `/api/v1/projects/duplicates?${new URLSearchParams(Object.entries(q).map(([k, v]) => [k, String(v)]))}`;

    const byName = await lanjiang.get(url({ name: written, unitId: lanjiangId }));
    expect(byName.status).toBe(200);
    expect(byName.body.items).toEqual([
      expect.objectContaining({ id: target.id, name: target.name, sameName: true, leadUnitName: '兰江街道' }),
    ]);
    expect(byName.body.codeTakenElsewhere).toBe(false);

    const other = (await admin.get('/api/v1/units')).body.items.find((u: { name: string }) => u.name === '上华街道').id;
    expect((await admin.get(url({ name: target.name, unitId: other }))).body.items).toEqual([]);
    expect(
      (await lanjiang.get(url({ name: target.name, unitId: lanjiangId, exceptId: target.id }))).body.items,
    ).toEqual([]);
    expect((await lanjiang.get(url({ name: `${target.name}二期`, unitId: lanjiangId }))).body.items).toEqual([]);

    if (target.code) {
      // A code is the county's: it is found whatever unit is asked about.
      const byCode = await admin.get(url({ code: target.code, unitId: other }));
      expect(byCode.body.items).toEqual([expect.objectContaining({ id: target.id, sameCode: true, sameName: false })]);
    }
  });

  it('names no project the person cannot see, but says that a code is taken', async () => {
    const shanghua = (await walk(admin, 'sort=id')).find((p) => p.code && p.leadUnitId !== lanjiangId && p.name);
    expect(shanghua).toBeDefined();
    const other = (await admin.get(`/api/v1/projects/${shanghua!.id}`)).body;
    const asked = await lanjiang.get(
      `/api/v1/projects/duplicates?unitId=${other.leadUnitId}&name=${encodeURIComponent(other.name)}&code=${other.code}`,
    );
    expect(asked.status).toBe(200);
    if ((await lanjiang.get(`/api/v1/projects/${other.id}`)).status === 200) return; // within its reach after all
    expect(asked.body).toEqual({ items: [], codeTakenElsewhere: true });
    expect((await lanjiang.get('/api/v1/projects/duplicates?unitId=999999&name=x')).status).toBe(404);
    expect((await lanjiang.get('/api/v1/projects/duplicates?name=x')).status).toBe(400);
  });
});
