import fs from 'node:fs';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Download, Locator, Page } from 'playwright-core';
import type { TestServer } from '../test/support/server.ts';
import { startDemoServer } from '../test/support/demo.ts';
import { launchBrowser, screenshot, signIn } from './support/browser.ts';

const YEAR = new Date().getUTCFullYear();

/**
 * Excel out of the browser on the demo county: the 兰江街道 reporter exports their filtered project
 * list with the columns they chose, downloads the import template, and the coordinator's office
 * exports the year's four lists as ledgers.
 */
describe('Excel export in Chromium', () => {
  let server: TestServer;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    server = await startDemoServer('sqlite', { web: true });
    browser = await launchBrowser();
    page = await browser.newPage({ viewport: { width: 1280, height: 900 }, locale: 'zh-CN', acceptDownloads: true });
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  /** Clicks and returns the download it starts, with the file's bytes. */
  async function download(target: Locator): Promise<{ file: Download; bytes: Buffer }> {
    const [file] = await Promise.all([page.waitForEvent('download'), target.click()]);
    const path = await file.path();
    return { file, bytes: fs.readFileSync(path) };
  }

  async function sheetOf(bytes: Buffer, name?: string): Promise<ExcelJS.Worksheet> {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
    return name ? workbook.getWorksheet(name)! : workbook.worksheets[0]!;
  }

  it('exports the reporter’s filtered list with the columns shown', async () => {
    await signIn(page, server.url, 'lanjiang', 'lantern-demo');
    await page.goto(
      `${server.url}/projects?stage=preparing,construction&sort=totalInvestment&order=desc&cols=name,code,stage,totalInvestment,plannedStartDate`,
    );
    const totalText = page.getByTestId('projects-total');
    await expect.poll(() => totalText.getAttribute('data-total')).toMatch(/^\d+$/);
    const total = Number(await totalText.getAttribute('data-total'));
    expect(total).toBeGreaterThan(0);
    await page.getByTestId('projects-export').hover();
    await expect.poll(() => page.locator('.ant-tooltip').textContent()).toContain(`全部 ${total} 个项目`);
    await screenshot(page, '50-projects-export');

    const { file, bytes } = await download(page.getByTestId('projects-export'));
    expect(file.suggestedFilename()).toMatch(/^项目库-\d{4}-\d{2}-\d{2}\.xlsx$/);
    expect(bytes.subarray(0, 2).toString()).toBe('PK');
    const sheet = await sheetOf(bytes);
    expect((sheet.getRow(1).values as unknown[]).slice(1)).toEqual([
      '项目名称',
      '项目代码',
      '阶段',
      '亮灯',
      '总投资（万元）',
      '计划开工',
    ]);
    expect(sheet.rowCount - 1).toBe(total);
    const firstName = await page
      .getByTestId('projects-table')
      .locator('tbody tr.ant-table-row')
      .first()
      .locator('td')
      .first()
      .textContent();
    expect(sheet.getCell(2, 1).value).toBe(firstName);
  });

  it('downloads the import template from a plain link', async () => {
    // The export button's tooltip would cover the link: move away as a person would.
    await page.mouse.move(600, 800);
    await expect.poll(() => page.locator('.ant-tooltip:not(.ant-tooltip-hidden)').count()).toBe(0);
    await screenshot(page, '50b-project-template-link');
    const { file, bytes } = await download(page.getByTestId('projects-template'));
    expect(file.suggestedFilename()).toBe('项目导入模板.xlsx');
    expect(bytes.subarray(0, 2).toString()).toBe('PK');
    expect((await sheetOf(bytes)).getCell('C1').value).toBe('项目名称');
  });

  it('exports the four lists as ledgers, one sheet per list', async () => {
    await signIn(page, server.url, 'coordinator', 'lantern-demo');
    await page.goto(`${server.url}/project-lists?year=${YEAR}`);
    await expect.poll(() => page.getByTestId('list-card-start').textContent()).toContain('开工');
    await screenshot(page, '51-four-lists-export');
    const { file, bytes } = await download(page.getByTestId('lists-export'));
    expect(file.suggestedFilename()).toBe(`兰溪市${YEAR}年四张清单.xlsx`);
    expect(bytes.subarray(0, 2).toString()).toBe('PK');
    const sheet = await sheetOf(bytes, '开工清单');
    expect(sheet.getCell('A1').value).toBe(`兰溪市${YEAR}年开工清单`);
    const count = Number(await page.getByTestId('list-count-start').textContent());
    expect(sheet.lastRow!.getCell(2).value).toBe(`${count}个项目`);
  });
});
