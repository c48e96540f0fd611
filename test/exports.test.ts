import type { Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseCell, PROJECT_COLUMNS, STAGE_CHOICES } from '../src/domain/exchange/project-columns.ts';
import { toWanNumber } from '../src/domain/money/money.ts';
import { createExportRepository } from '../src/server/features/exports/exports.repository.ts';
import { createExportService } from '../src/server/features/exports/exports.service.ts';
import { ApiClient, type ApiResponse } from './support/client.ts';
import { databaseKinds } from './support/databases.ts';
import type { TestServer } from './support/server.ts';
import { startDemoServer } from './support/demo.ts';

const YEAR = new Date().getUTCFullYear();
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

async function workbookFrom(res: ApiResponse<Buffer>): Promise<ExcelJS.Workbook> {
  expect(res.status, JSON.stringify(res.status === 200 ? '' : res.body)).toBe(200);
  expect(res.headers.get('content-type')).toBe(XLSX);
  expect(res.body.subarray(0, 2).toString()).toBe('PK');
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(res.body as unknown as ArrayBuffer);
  return workbook;
}

/** The text of a row's cells, from the first column on. */
const rowValues = (sheet: ExcelJS.Worksheet, n: number) => (sheet.getRow(n).values as unknown[]).slice(1);
const column = (sheet: ExcelJS.Worksheet, header: string) => rowValues(sheet, 1).indexOf(header) + 1;
const dataRows = (sheet: ExcelJS.Worksheet) =>
  Array.from({ length: sheet.rowCount - 1 }, (_, i) => sheet.getRow(i + 2));
const fileNameOf = (res: ApiResponse) =>
  decodeURIComponent(/filename\*=UTF-8''([^;]+)/.exec(res.headers.get('content-disposition') ?? '')?.[1] ?? '');

async function collect(stream: Readable): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

describe.each(await databaseKinds())('Excel templates and exports on %s', (kind) => {
  let server: TestServer;
  let admin: ApiClient;
  let lanjiang: ApiClient;

  beforeAll(async () => {
    server = await startDemoServer(kind);
    admin = new ApiClient(server.url);
    await admin.signIn('admin', 'lantern-demo');
    lanjiang = new ApiClient(server.url);
    await lanjiang.signIn('lanjiang', 'lantern-demo');
  });
  afterAll(() => server.close());

  /** Every project of a list query, through the list API's own pages. */
  async function listAll(client: ApiClient, query: string) {
    const items: {
      id: number;
      name: string;
      totalInvestmentYuan: number;
      plannedStartDate: string | null;
      leadUnitName: string;
    }[] = [];
    let cursor: string | null = null;
    let total: number;
    do {
      const res: ApiResponse = await client.get(
        `/api/v1/projects?${query}&limit=200&withTotal=true${cursor ? `&cursor=${cursor}` : ''}`,
      );
      expect(res.status).toBe(200);
      items.push(...res.body.items);
      total = res.body.total;
      cursor = res.body.nextCursor;
    } while (cursor);
    return { items, total };
  }

  it('serves the project template with the import’s headers, bold and frozen, drop-downs and an importable example', async () => {
    const res = await admin.getBytes('/api/v1/templates/projects.xlsx');
    const workbook = await workbookFrom(res);
    expect(fileNameOf(res)).toBe('项目导入模板.xlsx');
    const sheet = workbook.worksheets[0]!;
    expect(rowValues(sheet, 1)).toEqual(PROJECT_COLUMNS.map((c) => c.header));
    expect(sheet.getCell(1, 1).font?.bold).toBe(true);
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });

    // The stage column offers exactly the stages' Chinese labels, from the hidden 选项 sheet.
    const stageColumn = column(sheet, '项目阶段');
    const validation = sheet.getCell(500, stageColumn).dataValidation;
    expect(validation).toMatchObject({ type: 'list', showErrorMessage: true });
    const [, sheetName, from, to] = /^'(.+)'!\$([A-Z]+\$\d+):\$([A-Z]+\$\d+)$/.exec(validation.formulae![0] as string)!;
    const options = workbook.getWorksheet(sheetName!)!;
    expect(options.state).toBe('hidden');
    const [fromCol, fromRow] = from!.split('$');
    const toRow = Number(to!.split('$')[1]);
    const offered = Array.from(
      { length: toRow - Number(fromRow) + 1 },
      (_, i) => options.getCell(`${fromCol}${Number(fromRow) + i}`).value,
    );
    expect(offered).toEqual([...STAGE_CHOICES]);
    const industry = sheet.getCell(2, column(sheet, '国民经济行业')).dataValidation;
    expect(industry.type).toBe('list');

    // The example row reads back through the import's own parser without an error.
    const money = sheet.getCell(2, column(sheet, '总投资（万元）'));
    expect(typeof money.value).toBe('number');
    expect(money.numFmt).toBe('#,##0.00');
    for (const [i, c] of PROJECT_COLUMNS.entries()) {
      const parsed = parseCell(c, (sheet.getCell(2, i + 1).value ?? null) as Date | string | number | null);
      expect(parsed, `${c.header}: ${JSON.stringify(parsed)}`).toMatchObject({ ok: true });
    }
  });

  it('serves the monthly-report template', async () => {
    const res = await lanjiang.getBytes('/api/v1/templates/reports.xlsx');
    const sheet = (await workbookFrom(res)).worksheets[0]!;
    expect(rowValues(sheet, 1)).toEqual([
      '项目代码',
      '项目名称',
      '年度',
      '月份',
      '本月完成投资（万元）',
      '形象进度',
      '存在问题',
    ]);
    expect(sheet.getCell(2, 5).numFmt).toBe('#,##0.00');
    expect(sheet.getCell(3, 4).dataValidation).toMatchObject({ type: 'whole', formulae: [1, 12] });
  });

  it('exports the list as the user sees it: the chosen columns in order, money in 万元, real dates, a frozen header', async () => {
    const query = 'sort=totalInvestment&order=desc';
    const res = await admin.getBytes(
      `/api/v1/projects/export.xlsx?${query}&columns=name,stage,totalInvestment,plannedStartDate,updatedAt`,
    );
    const sheet = (await workbookFrom(res)).worksheets[0]!;
    expect(fileNameOf(res)).toMatch(/^项目库-\d{4}-\d{2}-\d{2}\.xlsx$/);
    expect(rowValues(sheet, 1)).toEqual(['项目名称', '阶段', '总投资（万元）', '计划开工', '更新时间']);
    expect(sheet.getCell(1, 1).font?.bold).toBe(true);
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });

    const { items, total } = await listAll(admin, query);
    expect(sheet.rowCount - 1).toBe(total);
    expect(dataRows(sheet).map((r) => r.getCell(1).value)).toEqual(items.map((p) => p.name));
    const money = sheet.getCell(2, 3);
    expect(money.value).toBe(toWanNumber(items[0]!.totalInvestmentYuan));
    expect(money.numFmt).toBe('#,##0.00');
    const withDate = items.findIndex((p) => p.plannedStartDate);
    const date = sheet.getCell(withDate + 2, 4);
    expect(date.value).toBeInstanceOf(Date);
    expect((date.value as Date).toISOString().slice(0, 10)).toBe(items[withDate]!.plannedStartDate);
    expect(date.numFmt).toBe('yyyy-mm-dd');
    expect(sheet.getCell(2, 5).value).toBeInstanceOf(Date);
    expect(sheet.getColumn(1).width).toBeGreaterThan(sheet.getColumn(2).width!);
  });

  it('scopes the export to the caller exactly like the list: the 兰江街道 editor gets only its projects', async () => {
    const sheet = (await workbookFrom(await lanjiang.getBytes('/api/v1/projects/export.xlsx'))).worksheets[0]!;
    const { items, total } = await listAll(lanjiang, 'sort=id&order=desc');
    expect(total).toBeGreaterThan(0);
    expect(total).toBeLessThan(300);
    expect(sheet.rowCount - 1).toBe(total);
    const lead = column(sheet, '牵头单位');
    expect(new Set(dataRows(sheet).map((r) => r.getCell(lead).value))).toEqual(new Set(['兰江街道']));
    expect(dataRows(sheet).map((r) => r.getCell(1).value)).toEqual(items.map((p) => p.name));
  });

  it.each([
    ['the start list, not yet started', `list=start&year=${YEAR}&listStatus=pending`],
    ['stages above 亿元', 'stage=construction,preparing&aboveYi=true&sort=name&order=asc'],
    ['an industry section and an investment range', 'industry=C&minInvestmentWan=2000&maxInvestmentWan=20000'],
  ])('exports as many rows as the list counts for %s', async (_what, query) => {
    const sheet = (await workbookFrom(await admin.getBytes(`/api/v1/projects/export.xlsx?${query}&columns=name`)))
      .worksheets[0]!;
    const total = (await admin.get(`/api/v1/projects?${query}&withTotal=true&limit=1`)).body.total as number;
    expect(total).toBeGreaterThan(0);
    expect(sheet.rowCount - 1).toBe(total);
  });

  it('pages through the list with the keyset cursor, without gaps or repeats', async () => {
    const actor = (await server.services.sessions.resolveSession(admin.cookie('lantern_session')!))!;
    const exports = createExportService({
      queries: server.services.projectQueries,
      units: server.services.unitRepo,
      exports: createExportRepository(server.db.kysely),
      dealSettings: server.services.dealSettings,
      today: server.services.today,
      batchSize: 7,
    });
    const file = await exports.projectList(actor, { sort: 'name', order: 'asc', columns: ['name', 'code'] });
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await collect(file.body as Readable)) as unknown as ArrayBuffer);
    const { items } = await listAll(admin, 'sort=name&order=asc');
    expect(dataRows(workbook.worksheets[0]!).map((r) => r.getCell(1).value)).toEqual(items.map((p) => p.name));

    const ledger = await exports.fourLists(actor, YEAR, undefined);
    const sheets = new ExcelJS.Workbook();
    await sheets.xlsx.load((await collect(ledger.body as Readable)) as unknown as ArrayBuffer);
    const lists = (await admin.get(`/api/v1/project-lists?year=${YEAR}`)).body.lists;
    expect(sheets.getWorksheet('开工清单')!.lastRow!.getCell(2).value).toBe(`${lists.start.count}个项目`);
  });

  it('refuses an unknown column, a bad filter and an anonymous caller with the usual errors', async () => {
    const bad = await admin.get('/api/v1/projects/export.xlsx?columns=name,salary');
    expect(bad.status).toBe(400);
    expect(bad.body.error.field).toMatch(/^columns/);
    expect((await admin.get('/api/v1/projects/export.xlsx?unitId=999999')).status).toBe(404);
    expect((await admin.get('/api/v1/project-lists/export.xlsx?unitId=999999')).status).toBe(404);
    const anon = new ApiClient(server.url);
    for (const path of [
      '/api/v1/projects/export.xlsx',
      '/api/v1/project-lists/export.xlsx',
      '/api/v1/templates/projects.xlsx',
      '/api/v1/templates/reports.xlsx',
      '/api/v1/templates/enterprises.xlsx',
      '/api/v1/templates/deals.xlsx',
    ]) {
      expect((await anon.get(path)).status).toBe(401);
    }
  });

  it('exports the four lists as the units’ ledgers: a titled sheet per list, grouped by unit, with a 合计 row', async () => {
    const res = await admin.getBytes(`/api/v1/project-lists/export.xlsx?year=${YEAR}`);
    const workbook = await workbookFrom(res);
    expect(fileNameOf(res)).toBe(`兰溪市${YEAR}年四张清单.xlsx`);
    expect(workbook.worksheets.map((s) => s.name)).toEqual(['谋划清单', '储备清单', '开工清单', '投产清单']);
    const lists = (await admin.get(`/api/v1/project-lists?year=${YEAR}`)).body.lists;

    const sheet = workbook.getWorksheet('开工清单')!;
    expect(sheet.getCell('A1').value).toBe(`兰溪市${YEAR}年开工清单`);
    expect(sheet.getCell('A1').isMerged).toBe(true);
    expect(rowValues(sheet, 2)).toEqual([
      '序号',
      '项目名称',
      '项目代码',
      '建设性质',
      '总投资（万元）',
      '年度计划投资（万元）',
      '计划开工日期',
      '实际开工日期',
      '状态',
      '责任单位',
    ]);
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 2 });

    const rows = Array.from({ length: sheet.rowCount - 2 }, (_, i) => sheet.getRow(i + 3));
    const groups = rows.filter((r) => typeof r.getCell(1).value === 'string' && r.getCell(1).value !== '合计');
    const projects = rows.filter((r) => typeof r.getCell(1).value === 'number');
    const total = rows.at(-1)!;
    expect(groups.map((r) => String(r.getCell(2).value).replace(/（\d+个）$/, '')).sort()).toEqual(
      lists.start.byUnit.map((u: { unitName: string }) => u.unitName).sort(),
    );
    expect(projects).toHaveLength(lists.start.count);
    expect(total.getCell(1).value).toBe('合计');
    expect(total.getCell(2).value).toBe(`${lists.start.count}个项目`);
    expect(total.getCell(5).value).toBe(toWanNumber(lists.start.totalInvestmentYuan));
    expect(total.getCell(5).numFmt).toBe('#,##0.00');
    expect(projects.filter((r) => r.getCell(9).value === '已开工')).toHaveLength(lists.start.done);
    expect(projects[0]!.getCell(7).value).toBeInstanceOf(Date);
    expect(groups[0]!.getCell(1).value).toBe('一');
    expect(projects[0]!.getCell(1).value).toBe(1);

    for (const [name, list] of [
      ['谋划清单', 'planning'],
      ['储备清单', 'reserve'],
      ['投产清单', 'production'],
    ] as const) {
      const other = workbook.getWorksheet(name)!;
      expect(other.getCell('A1').value).toBe(`兰溪市${YEAR}年${name}`);
      expect(other.lastRow!.getCell(2).value).toBe(`${lists[list].count}个项目`);
    }
  });

  it('groups a chosen unit’s ledger by the units below it, the unit’s own projects first as 本级', async () => {
    const units = (await admin.get('/api/v1/units')).body.items as { id: number; name: string }[];
    const lanjiangId = units.find((u) => u.name === '兰江街道')!.id;
    const res = await admin.getBytes(`/api/v1/project-lists/export.xlsx?year=${YEAR}&unitId=${lanjiangId}`);
    const workbook = await workbookFrom(res);
    expect(fileNameOf(res)).toBe(`兰溪市${YEAR}年四张清单（兰江街道）.xlsx`);
    const lists = (await admin.get(`/api/v1/project-lists?year=${YEAR}&unitId=${lanjiangId}`)).body.lists;
    const sheet = workbook.getWorksheet('开工清单')!;
    expect(sheet.getCell('A1').value).toBe(`兰溪市${YEAR}年开工清单（兰江街道）`);
    expect(sheet.lastRow!.getCell(2).value).toBe(`${lists.start.count}个项目`);
    if (lists.start.count) expect(sheet.getCell('B3').value).toBe(`兰江街道本级（${lists.start.count}个）`);
  });

  it('gives the 兰江街道 editor a ledger of its own projects only', async () => {
    const workbook = await workbookFrom(await lanjiang.getBytes(`/api/v1/project-lists/export.xlsx?year=${YEAR}`));
    const lists = (await lanjiang.get(`/api/v1/project-lists?year=${YEAR}`)).body.lists;
    for (const [name, list] of [
      ['谋划清单', 'planning'],
      ['储备清单', 'reserve'],
      ['开工清单', 'start'],
      ['投产清单', 'production'],
    ] as const) {
      const sheet = workbook.getWorksheet(name)!;
      expect(sheet.lastRow!.getCell(2).value).toBe(`${lists[list].count}个项目`);
      const groups = Array.from({ length: sheet.rowCount - 3 }, (_, i) => sheet.getRow(i + 3)).filter(
        (r) => typeof r.getCell(1).value === 'string',
      );
      expect(groups.map((r) => String(r.getCell(2).value).replace(/（\d+个）$/, ''))).toEqual(
        lists[list].count ? ['兰江街道'] : [],
      );
    }
  });
});
