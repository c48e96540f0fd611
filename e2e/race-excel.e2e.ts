import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { toWanNumber } from '../src/domain/money/money.ts';
import { PASSWORD } from '../test/support/factories.ts';
import { buildRaceCounty } from '../test/support/race-county.ts';
import { startTestServer, type TestServer } from '../test/support/server.ts';
import { launchBrowser, signIn } from './support/browser.ts';
import { download, shot, XLSX } from './support/imports.ts';

const TODAY = new Date('2026-11-23T10:00:00Z');
const YI = 100_000_000;

async function sheetOf(bytes: Buffer): Promise<ExcelJS.Worksheet> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  return workbook.worksheets[0]!;
}
const rowNamed = (sheet: ExcelJS.Worksheet, name: string) => {
  let found: ExcelJS.Row | undefined;
  sheet.eachRow((row) => {
    if (row.getCell(1).value === name) found = row;
  });
  return found!;
};

/**
 * Issue 14, tables people take away: the coordinator downloads the ranking as Excel from its page,
 * downloads the targets grid, changes one target in the file and imports it back; a file with a bad
 * cell is refused naming the cell, with nothing saved. The grid shows its 合计 row at 1280 and 390 px.
 */
describe('the ranking and the targets grid in Excel, in Chromium', () => {
  let server: TestServer;
  let browser: Browser;
  let page: Page;
  let county: Awaited<ReturnType<typeof buildRaceCounty>>;

  beforeAll(async () => {
    server = await startTestServer('sqlite', { web: true, clock: () => TODAY });
    county = await buildRaceCounty(server.url);
    await county.fill();
    browser = await launchBrowser();
    page = await browser.newPage({ viewport: { width: 1280, height: 900 }, locale: 'zh-CN', acceptDownloads: true });
    await page.clock.setFixedTime(TODAY);
    await signIn(page, server.url, 'coordinator', PASSWORD);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('downloads the ranking as shown from 导出 Excel', async () => {
    await page.goto(`${server.url}/races/${county.raceId}?year=2026&period=10`);
    await expect.poll(() => page.getByTestId('ranking-unit').count()).toBeGreaterThan(3);
    const firstUnit = await page.getByTestId('ranking-unit').first().textContent();
    const firstTotal = await page.getByTestId('ranking-total').first().textContent();
    const { file, bytes } = await download(page, page.getByTestId('ranking-export'));
    expect(file.suggestedFilename()).toBe('2026年财税赛马-2026年10月排名.xlsx');
    const sheet = await sheetOf(bytes);
    expect(sheet.name).toBe('排名');
    // The first table's first row is the page's first row: the same unit, the same total.
    const row = sheet.getRow(7);
    expect(row.getCell(3).value).toBe(firstUnit);
    expect(row.getCell(4).value).toBe(Number(firstTotal));
  });

  it('exports the targets grid, imports it back with one cell changed, and shows the totals', async () => {
    await page.goto(`${server.url}/targets?year=2026`);
    await expect.poll(() => page.getByTestId('targets-totals').count()).toBe(1);
    const before = (await county.coordinator.get('/api/v1/targets?year=2026')).body;
    const sum = before.items
      .filter((i: { indicator: string }) => i.indicator === 'fiscalRevenue')
      .reduce((a: number, i: { value: number }) => a + i.value, 0);
    expect(await page.getByTestId('target-total-fiscalRevenue').textContent()).toBe(String(sum / YI));

    const { file, bytes } = await download(page, page.getByTestId('targets-export'));
    expect(file.suggestedFilename()).toBe('2026年目标任务.xlsx');
    const sheet = await sheetOf(bytes);
    const headers = (sheet.getRow(3).values as unknown[]).slice(1);
    const fiscal = headers.indexOf('财政收入（万元）') + 1;
    expect(rowNamed(sheet, '合计').getCell(fiscal).value).toBe(toWanNumber(sum));

    // A bad cell: refused naming it, nothing saved.
    const lanjiang = before.units.find((u: { unitName: string }) => u.unitName === '兰江街道');
    rowNamed(sheet, '兰江街道').getCell(fiscal).value = '三十万';
    const input = page.getByTestId('targets-import-file');
    await input.setInputFiles({
      name: '目标任务.xlsx',
      mimeType: XLSX,
      buffer: Buffer.from(await sheet.workbook.xlsx.writeBuffer()),
    });
    await expect.poll(() => page.getByTestId('targets-import-error').count()).toBe(1);
    const address = rowNamed(sheet, '兰江街道').getCell(fiscal).address;
    expect(await page.getByTestId('targets-import-error').textContent()).toContain(`${address}：“三十万”不是数字`);
    expect((await county.coordinator.get('/api/v1/targets?year=2026')).body.items).toEqual(before.items);

    // The same file mended, with 兰江街道's target raised to 30 亿元: exactly that target changes.
    rowNamed(sheet, '兰江街道').getCell(fiscal).value = 300000;
    await input.setInputFiles({
      name: '目标任务.xlsx',
      mimeType: XLSX,
      buffer: Buffer.from(await sheet.workbook.xlsx.writeBuffer()),
    });
    await expect.poll(() => page.locator('.ant-message-notice').textContent()).toContain('1 个目标有变化');
    expect(await page.getByTestId('targets-import-error').count()).toBe(0);
    await expect.poll(() => page.getByTestId(`target-${lanjiang.unitId}-fiscalRevenue`).inputValue()).toBe('30');
    const old = before.items.find(
      (i: { unitId: number; indicator: string }) => i.unitId === lanjiang.unitId && i.indicator === 'fiscalRevenue',
    ).value;
    const total = String((sum - old + 30 * YI) / YI);
    await expect.poll(() => page.getByTestId('target-total-fiscalRevenue').textContent()).toBe(total);
    await shot(page, '70-targets-totals');
  });

  it('shows the totals within a phone’s width', async () => {
    const phone = await browser.newPage({
      viewport: { width: 390, height: 844 },
      locale: 'zh-CN',
      isMobile: true,
      hasTouch: true,
    });
    try {
      await phone.clock.setFixedTime(TODAY);
      await signIn(phone, server.url, 'coordinator', PASSWORD);
      await phone.goto(`${server.url}/targets?year=2026`);
      await expect.poll(() => phone.getByTestId('targets-totals').count()).toBe(1);
      await expect.poll(() => phone.getByTestId('targets-export').isVisible()).toBe(true);
      expect(await phone.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
      await shot(phone, '71-targets-totals-phone');
    } finally {
      await phone.close();
    }
  });
});
