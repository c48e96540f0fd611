// Issue 14, tables people take away: the ranking exported as the page shows it, and the targets grid
// exported, edited in Excel and imported back — all or nothing, each bad cell named by its address.
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { toWanNumber } from '../src/domain/money/money.ts';
import { rankingScoreText, rankingValueText } from '../src/domain/race/ranking-figures.ts';
import type { ApiClient, ApiResponse } from './support/client.ts';
import { databaseKinds } from './support/databases.ts';
import { buildRaceCounty } from './support/race-county.ts';
import { startTestServer, type TestServer } from './support/server.ts';

const TODAY = new Date('2026-11-23T10:00:00Z');
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const YI = 100_000_000;

async function workbookOf(res: ApiResponse<Buffer>): Promise<ExcelJS.Workbook> {
  expect(res.status, JSON.stringify(res.status === 200 ? '' : res.body)).toBe(200);
  expect(res.headers.get('content-type')).toBe(XLSX);
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(res.body as unknown as ArrayBuffer);
  return workbook;
}
const fileNameOf = (res: ApiResponse) =>
  decodeURIComponent(/filename\*=UTF-8''([^;]+)/.exec(res.headers.get('content-disposition') ?? '')?.[1] ?? '');
const valuesOf = (row: ExcelJS.Row, width: number) =>
  Array.from({ length: width }, (_, c) => row.getCell(c + 1).value as unknown);
const xlsxForm = async (workbook: ExcelJS.Workbook, name = 'targets.xlsx') => {
  const form = new FormData();
  form.append('file', new Blob([new Uint8Array(await workbook.xlsx.writeBuffer())], { type: XLSX }), name);
  return form;
};

interface Row {
  unitId: number;
  name: string;
  rank: number;
  total: number;
  rankChange: number | null;
  breakdown: { value: number | null; target: number | null; score: number | null }[];
}

describe.each(await databaseKinds())('the ranking and the targets in Excel on %s', (kind) => {
  let server: TestServer;
  let county: Awaited<ReturnType<typeof buildRaceCounty>>;
  const targetsOf = async (client: ApiClient) => (await client.get('/api/v1/targets?year=2026')).body;
  const targetAudit = async () =>
    (await county.coordinator.get('/api/v1/audit?objectType=target&limit=200')).body.items as {
      action: string;
      objectId: string;
    }[];
  /** The row of a unit in a targets sheet, by its name in column A. */
  const rowOf = (sheet: ExcelJS.Worksheet, name: string) => {
    let found: ExcelJS.Row | undefined;
    sheet.eachRow((row) => {
      if (row.getCell(1).value === name) found = row;
    });
    return found!;
  };

  beforeAll(async () => {
    server = await startTestServer(kind, { clock: () => TODAY });
    county = await buildRaceCounty(server.url);
    await county.fill();
  });
  afterAll(() => server.close());

  it('exports the ranking as the page shows it: each group, its ranks, changes, scores and figures as numbers', async () => {
    const json = (await county.coordinator.get(`/api/v1/races/${county.raceId}/ranking?year=2026&period=10`)).body;
    const res = await county.coordinator.getBytes(`/api/v1/races/${county.raceId}/ranking/export?year=2026&period=10`);
    const book = await workbookOf(res);
    expect(fileNameOf(res)).toBe('2026年财税赛马-2026年10月排名.xlsx');
    const sheet = book.getWorksheet('排名')!;
    expect(sheet.getCell('A1').value).toBe('2026年财税赛马　2026年10月排名');

    // Each group's caption, then two header rows, then its rows in order.
    const captions: number[] = [];
    sheet.eachRow((row, n) => {
      if (String(row.getCell(1).value ?? '').startsWith('表')) captions.push(n);
    });
    expect(captions).toHaveLength(json.groups.length);
    json.groups.forEach((group: { label: { 'zh-CN': string }; rows: Row[] }, g: number) => {
      expect(sheet.getCell(captions[g]!, 1).value).toBe(`表${g + 1}  ${group.label['zh-CN']}（2026年10月）`);
      expect(sheet.getCell(captions[g]! + 1, 5).value).toBe('财政收入\n（60分）');
      // 财政收入 is a ratio to target: 完成, 目标, 得分; 税收 has no targets: 完成, 得分.
      expect(valuesOf(sheet.getRow(captions[g]! + 2), 9).slice(4)).toEqual([
        '完成\n（亿元）',
        '目标\n（亿元）',
        '得分',
        '完成\n（亿元）',
        '得分',
      ]);
      group.rows.forEach((r, i) => {
        const row = sheet.getRow(captions[g]! + 3 + i);
        const [rank, change, name, total, value, target, score, tax, taxScore] = valuesOf(row, 9);
        expect({ rank, name, total }).toEqual({ rank: r.rank, name: r.name, total: Number(rankingScoreText(r.total)) });
        expect(change).toEqual(r.rankChange ? r.rankChange : '—');
        if (r.rankChange) expect(row.getCell(2).numFmt).toBe('"↑"0;"↓"0;"—"');
        expect(row.getCell(4).numFmt).toBe('0.00');
        const [fiscal, taxCell] = r.breakdown;
        expect([value, target, tax]).toEqual([
          Number(rankingValueText(fiscal!.value, '元')),
          Number(rankingValueText(fiscal!.target, '元')),
          Number(rankingValueText(taxCell!.value, '元')),
        ]);
        expect([score, taxScore]).toEqual([
          Number(rankingScoreText(fiscal!.score)),
          Number(rankingScoreText(taxCell!.score)),
        ]);
        expect(row.getCell(5).numFmt).toBe('0.00');
      });
    });
    // Ranks are shared where totals tie, exactly as the JSON says: the sheet holds every row.
    const rows = json.groups.flatMap((g: { rows: Row[] }) => g.rows).length;
    expect(rows).toBe(county.units.length);
  });

  it('writes the ranking in English for Accept-Language: en, and in the language the page names', async () => {
    const path = `/api/v1/races/${county.raceId}/ranking/export?year=2026&period=10`;
    const english = await county.coordinator.request('GET', path, undefined, {
      bytes: true,
      headers: { 'accept-language': 'en' },
    });
    const sheet = (await workbookOf(english)).getWorksheet('Ranking')!;
    expect(sheet.getCell('A1').value).toBe('2026年财税赛马: ranking of 2026-10');
    expect(fileNameOf(english)).toBe('2026年财税赛马 - ranking 2026-10.xlsx');
    const named = await county.coordinator.request('GET', `${path}&lang=zh-CN`, undefined, {
      bytes: true,
      headers: { 'accept-language': 'en' },
    });
    expect((await workbookOf(named)).getWorksheet('排名')).toBeDefined();
  });

  it('shows a township editor only their own row before publication, as the page does', async () => {
    const res = await county.editor.getBytes(`/api/v1/races/${county.raceId}/ranking/export?year=2026&period=10`);
    const sheet = (await workbookOf(res)).getWorksheet('排名')!;
    const names: unknown[] = [];
    sheet.eachRow((row) => names.push(row.getCell(3).value));
    const units = county.units.map((u) => u.unitName).filter((n) => names.includes(n));
    expect(units).toEqual(['兰江街道']);
    expect(sheet.getCell('A3').value).toBe('通报发布前，仅显示本单位的排名');
  });

  it('exports the targets grid with a 合计 row per indicator, money in 万元 as numbers', async () => {
    const grid = await targetsOf(county.coordinator);
    const res = await county.coordinator.getBytes('/api/v1/targets/export?year=2026');
    expect(fileNameOf(res)).toBe('2026年目标任务.xlsx');
    const sheet = (await workbookOf(res)).getWorksheet('目标任务')!;
    expect(sheet.getCell('A3').value).toBe('单位');
    const headers = valuesOf(sheet.getRow(3), sheet.getRow(3).cellCount);
    const fiscal = headers.indexOf('财政收入（万元）') + 1;
    expect(fiscal).toBeGreaterThan(1);
    expect(headers).toContain('新开工项目数（个）');
    const first = grid.units[0];
    expect(rowOf(sheet, first.unitName).getCell(fiscal).value).toBe(toWanNumber(24 * YI));
    const sum = grid.items
      .filter((i: { indicator: string }) => i.indicator === 'fiscalRevenue')
      .reduce((a: number, i: { value: number }) => a + i.value, 0);
    expect(rowOf(sheet, '合计').getCell(fiscal).value).toBe(toWanNumber(sum));
    expect(rowOf(sheet, '合计').getCell(headers.indexOf('新开工项目数（个）') + 1).value).toBe('—');
  });

  it('imports an edited export: exactly the edited target changes, audited as a grid save', async () => {
    const before = await targetsOf(county.coordinator);
    const auditBefore = (await targetAudit()).length;
    const book = await workbookOf(await county.coordinator.getBytes('/api/v1/targets/export?year=2026'));
    const sheet = book.getWorksheet('目标任务')!;
    const fiscal = valuesOf(sheet.getRow(3), sheet.getRow(3).cellCount).indexOf('财政收入（万元）') + 1;
    const shangHua = before.units.find((u: { unitName: string }) => u.unitName === '上华街道');
    rowOf(sheet, '上华街道').getCell(fiscal).value = 312345.6789;

    const res = await county.coordinator.postMultipart('/api/v1/targets/import?year=2026', await xlsxForm(book));
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body.changed).toBe(1);
    const after = await targetsOf(county.coordinator);
    const changed = after.items.filter(
      (i: { unitId: number; indicator: string; value: number }) =>
        before.items.find((b: typeof i) => b.unitId === i.unitId && b.indicator === i.indicator)?.value !== i.value,
    );
    expect(changed).toEqual([
      expect.objectContaining({ unitId: shangHua.unitId, indicator: 'fiscalRevenue', value: 3_123_456_789 }),
    ]);
    expect(after.items).toHaveLength(before.items.length);
    const events = await targetAudit();
    expect(events.length).toBe(auditBefore + 1);
    expect(events[0]).toMatchObject({ action: 'target.set', objectId: `${shangHua.unitId}:2026:fiscalRevenue` });

    // The same file again changes nothing and writes no audit event.
    const again = await county.coordinator.postMultipart('/api/v1/targets/import?year=2026', await xlsxForm(book));
    expect(again.body.changed).toBe(0);
    expect((await targetAudit()).length).toBe(auditBefore + 1);
  });

  it('refuses text in a number cell and an unknown unit, naming each cell, and stores nothing', async () => {
    const before = await targetsOf(county.coordinator);
    const auditBefore = (await targetAudit()).length;
    const book = await workbookOf(await county.coordinator.getBytes('/api/v1/targets/export?year=2026'));
    const sheet = book.getWorksheet('目标任务')!;
    const fiscal = valuesOf(sheet.getRow(3), sheet.getRow(3).cellCount).indexOf('财政收入（万元）') + 1;
    const lanjiang = rowOf(sheet, '兰江街道');
    lanjiang.getCell(fiscal).value = 1; // a good edit, which must not be saved either
    const yunshan = rowOf(sheet, '云山街道');
    yunshan.getCell(fiscal).value = '三十万';
    rowOf(sheet, '上华街道').getCell(1).value = '不存在街道';
    const address = (row: ExcelJS.Row, col: number) => row.getCell(col).address;
    const upper = rowOf(sheet, '不存在街道');

    const res = await county.coordinator.postMultipart('/api/v1/targets/import?year=2026', await xlsxForm(book));
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('VALIDATION');
    expect(res.body.error.message).toContain('导入的文件有 2 处问题，没有保存任何目标');
    expect(res.body.error.message).toContain(`${address(yunshan, fiscal)}：“三十万”不是数字`);
    expect(res.body.error.message).toContain(`${address(upper, 1)}：没有名为“不存在街道”的单位`);
    expect(await targetsOf(county.coordinator)).toEqual(before);
    expect((await targetAudit()).length).toBe(auditBefore);

    const english = await county.coordinator.request('POST', '/api/v1/targets/import?year=2026', undefined, {
      formData: await xlsxForm(book),
      headers: { 'accept-language': 'en' },
    });
    expect(english.status).toBe(400);
    expect(english.body.error.message).toContain('The file has 2 problem(s); no target was saved');
    expect(english.body.error.message).toContain(`${address(yunshan, fiscal)}: "三十万" is not a number`);
    expect(english.body.error.message).toContain(`${address(upper, 1)}: there is no unit "不存在街道"`);
  });

  it('refuses a target the grid would refuse, by its cell, with the grid’s own message', async () => {
    const book = await workbookOf(await county.coordinator.getBytes('/api/v1/targets/export?year=2026'));
    const sheet = book.getWorksheet('目标任务')!;
    const fiscal = valuesOf(sheet.getRow(3), sheet.getRow(3).cellCount).indexOf('财政收入（万元）') + 1;
    const row = rowOf(sheet, '兰江街道');
    row.getCell(fiscal).value = 0;
    const res = await county.coordinator.postMultipart('/api/v1/targets/import?year=2026', await xlsxForm(book));
    expect(res.status).toBe(400);
    expect(res.body.error.field).toBe(row.getCell(fiscal).address);
    expect(res.body.error.message).toContain(`${row.getCell(fiscal).address}：兰江街道的“财政收入”目标应大于 0`);
  });

  it('refuses a file that is no workbook, and a township editor, before reading anything', async () => {
    const form = new FormData();
    form.append('file', new Blob([new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0])]), 'old.xls');
    const res = await county.coordinator.postMultipart('/api/v1/targets/import?year=2026', form);
    expect(res.status).toBe(400);
    expect(res.body.error.field).toBe('file');
    const book = await workbookOf(await county.coordinator.getBytes('/api/v1/targets/export?year=2026'));
    expect((await county.editor.postMultipart('/api/v1/targets/import?year=2026', await xlsxForm(book))).status).toBe(
      403,
    );
  });
});
