import fs from 'node:fs';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { buildUser, PASSWORD, setUpCounty } from '../test/support/factories.ts';
import { startTestServer, type TestServer } from '../test/support/server.ts';
import { launchBrowser, screenshot, signIn } from './support/browser.ts';

/**
 * The coordinator tightens a light rule; the auditor (纪委) opens the audit log, which leaves the
 * sign-ins out, filters to light rules, opens the change and reads it as field: before → after with
 * the changed field highlighted, downloads the list as Excel, and reads the same on a phone.
 */
describe('the audit log in Chromium', () => {
  let server: TestServer;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    server = await startTestServer('sqlite', { web: true });
    const county = await setUpCounty(server.url);
    const { admin } = county;
    const { client: coordinator } = await buildUser(admin, server.url, {
      username: 'coordinator',
      role: 'coordinator',
      unitId: county.unit('兰溪市').id,
      displayName: '项目办王主任',
    });
    await buildUser(admin, server.url, {
      username: 'jiwei',
      role: 'auditor',
      unitId: county.unit('兰溪市').id,
      displayName: '纪委李审计',
    });
    for (const name of ['兰江一村', '兰江二村'])
      await admin.post('/api/v1/units', { parentId: county.unit('兰江街道').id, name, kind: 'village' });
    const res = await coordinator.request('PUT', '/api/v1/light-rules', { progress: { yellowFromPoints: 15 } });
    expect(res.status).toBe(200);
    browser = await launchBrowser();
    page = await browser.newPage({ viewport: { width: 1280, height: 900 }, locale: 'zh-CN', acceptDownloads: true });
    await signIn(page, server.url, 'jiwei', PASSWORD);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  const rows = () => page.getByTestId('audit-table').locator('tbody tr.ant-table-row');

  /** Picks an option of one of the filter bar's selects by its text. */
  async function choose(testId: string, text: string) {
    await page.getByTestId(testId).click();
    await page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: text }).first().click();
  }

  it('lists the changes in words, without the sign-ins, with the count', async () => {
    await page.goto(`${server.url}/audit`);
    await expect.poll(() => rows().count()).toBeGreaterThan(3);
    const text = await page.getByTestId('audit-table').textContent();
    expect(text).toContain('修改亮灯规则');
    expect(text).toContain('新增单位');
    expect(text).toContain('项目办王主任');
    expect(text).not.toContain('登录');
    await expect.poll(() => page.getByTestId('audit-pagination').textContent()).toMatch(/共 \d+ 条/);
    await screenshot(page, '60-audit');
    await page.getByTestId('audit-filter-signins').click();
    await expect.poll(() => page.getByTestId('audit-table').textContent()).toContain('登录');
    await page.getByTestId('audit-filter-signins').click();
    await expect.poll(() => page.getByTestId('audit-table').textContent()).not.toContain('jiwei 登录');
  });

  it('filters to light rules and shows the change as field: before → after, the changed field highlighted', async () => {
    await choose('audit-filter-type', '亮灯规则');
    await expect.poll(() => rows().count()).toBe(1);
    await expect.poll(() => page.getByTestId('audit-pagination').textContent()).toContain('共 1 条');
    await rows().first().locator('.ant-table-row-expand-icon').click();
    const diff = page.getByTestId('audit-diff');
    await diff.waitFor();
    const changed = diff.locator('[data-testid="audit-diff-row"][data-changed="true"]');
    // The field the coordinator changed, and the version the change made: the county's defaults → 第 1 版.
    await expect.poll(() => changed.count()).toBe(2);
    expect((await changed.filter({ hasText: '规则版本' }).textContent())?.replace(/\s+/g, ' ')).toContain('默认→1');
    const field = changed.filter({ hasText: '黄灯：落后序时进度 ≥' });
    expect((await field.textContent())?.replace(/\s+/g, ' ')).toContain(
      '投资进度 · 黄灯：落后序时进度 ≥已修改10 个百分点→15 个百分点',
    );
    expect(await field.evaluate((el) => getComputedStyle(el).backgroundColor)).not.toBe('rgba(0, 0, 0, 0)');
    const unchanged = diff.locator('[data-changed="false"]').filter({ hasText: '投资进度 · 红灯：落后序时进度 >' });
    expect(await unchanged.textContent()).toContain('30 个百分点');
    expect(await unchanged.evaluate((el) => getComputedStyle(el).backgroundColor)).toBe('rgba(0, 0, 0, 0)');
    await screenshot(page, '61-audit-diff');
  });

  it('downloads the filtered list as Excel', async () => {
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('audit-export').click()]);
    expect(download.suggestedFilename()).toMatch(/^审计日志-\d{4}-\d{2}-\d{2}\.xlsx$/);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(fs.readFileSync(await download.path()) as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0]!;
    expect((sheet.getRow(1).values as unknown[]).slice(1)).toEqual([
      '时间',
      '操作人',
      '单位',
      '操作',
      '对象',
      '摘要',
      '变更',
    ]);
    expect(sheet.rowCount).toBe(2);
    const row = (sheet.getRow(2).values as unknown[]).slice(1);
    expect(row[1]).toBe('项目办王主任');
    expect(row[3]).toBe('修改亮灯规则');
    expect(String(row[6])).toContain('投资进度 · 黄灯：落后序时进度 ≥: 10 个百分点 → 15 个百分点');
  });

  it('reads as cards on a phone, the change below, without sideways scrolling', async () => {
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto(`${server.url}/audit`);
    const cards = page.getByTestId('audit-card');
    await expect.poll(() => cards.count()).toBeGreaterThan(3);
    await choose('audit-filter-type', '亮灯规则');
    await expect.poll(() => cards.count()).toBe(1);
    await cards.first().getByText('查看变更').click();
    await cards.first().getByTestId('audit-diff').waitFor();
    expect(await cards.first().locator('[data-changed="true"]').count()).toBe(2);
    await screenshot(page, '62-audit-phone');
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    expect(width).toBeLessThanOrEqual(390);
  });
});
