import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import type { ApiClient } from '../test/support/client.ts';
import { buildUser, PASSWORD, setUpCounty } from '../test/support/factories.ts';
import { buildProject } from '../test/support/projects.ts';
import { startTestServer, type TestServer } from '../test/support/server.ts';
import { ARTIFACTS, launchBrowser, screenshot, signIn } from './support/browser.ts';

/** The server's today: lights assess October 2026 (序时进度 83.3 %). */
const TODAY = new Date('2026-11-23T10:00:00Z');

/**
 * A coordinator tightens the progress rule, sees a project turn from yellow to red with the new
 * reason, opens the dashboard and follows the red count to the list behind it.
 */
describe('lights and the dashboard in Chromium', () => {
  let server: TestServer;
  let browser: Browser;
  let page: Page;
  let admin: ApiClient;
  let projectId: number;

  beforeAll(async () => {
    server = await startTestServer('sqlite', { web: true, clock: () => TODAY });
    const county = await setUpCounty(server.url);
    admin = county.admin;
    await buildUser(admin, server.url, {
      username: 'coordinator',
      role: 'coordinator',
      unitId: county.unit('兰溪市').id,
      displayName: '项目办王主任',
    });
    projectId = (
      await buildProject(admin, county.unit('兰江街道').id, {
        name: '兰江街道安置房工程',
        stage: 'construction',
        plannedStartDate: '2026-01-10',
        actualStartDate: '2026-01-20',
        totalInvestmentWan: 20000,
        annualPlans: [{ year: 2026, amountWan: 12000 }],
      })
    ).id;
    // 8,000 of 12,000 万元 by October: 66.7 %, 16.7 points behind 序时进度 — yellow under the default rules.
    for (let month = 1; month <= 10; month++) {
      const r = await admin.post(`/api/v1/projects/${projectId}/reports`, { year: 2026, month, amountWan: 800 });
      await admin.post(`/api/v1/reports/${r.body.id}/submit`);
      await admin.post(`/api/v1/reports/${r.body.id}/approve`);
    }
    await admin.request('PUT', '/api/v1/light-rules', { report: { lateIsYellow: false } });
    browser = await launchBrowser();
    page = await browser.newPage({ viewport: { width: 1280, height: 900 }, locale: 'zh-CN' });
    await signIn(page, server.url, 'coordinator', PASSWORD);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  const colour = () => page.getByTestId('project-light-colour').getAttribute('data-colour');

  it('shows the project yellow, with its reason in numbers', async () => {
    await page.goto(`${server.url}/projects/${projectId}`);
    await expect.poll(colour).toBe('yellow');
    await expect.poll(() => page.getByTestId('project-light').textContent()).toContain('16.7');
    await screenshot(page, '20-light-yellow');
  });

  it('refuses an inverted threshold, then saves a tighter red threshold as a new version', async () => {
    await page.goto(`${server.url}/light-rules`);
    const red = page.getByTestId('rule-progress-redAbovePoints');
    await red.fill('5');
    await page.getByTestId('rules-save').click();
    await expect.poll(() => page.getByTestId('rules-form').textContent()).toContain('黄灯阈值不能高于红灯阈值');
    await screenshot(page, '21-rules-refused');
    await red.fill('15');
    await page.getByTestId('rules-save').click();
    // First what the change would do: one project yellow → red, with its new reason; nothing saved yet.
    const preview = page.getByTestId('rules-preview');
    await preview.waitFor();
    expect(await page.getByTestId('rules-preview-summary').textContent()).toBe('将有 1 个项目变色：红 0 → 1，黄 1 → 0');
    const item = page.getByTestId('rules-preview-item');
    await expect.poll(() => item.count()).toBe(1);
    expect([await item.getAttribute('data-from'), await item.getAttribute('data-to')]).toEqual(['yellow', 'red']);
    expect(await item.textContent()).toContain('兰江街道安置房工程');
    expect(await item.textContent()).toContain('落后序时进度 16.7 个百分点');
    await screenshot(page, '22-rules-preview');
    // Going back saves nothing.
    await page.getByTestId('rules-preview-cancel').click();
    await preview.waitFor({ state: 'detached' });
    expect(await page.getByTestId('rules-version').getAttribute('data-version')).toBe('1');
    // The same preview reads on a phone, then is confirmed.
    await page.setViewportSize({ width: 390, height: 844 });
    await page.getByTestId('rules-save').click();
    await preview.waitFor();
    await expect.poll(() => item.count()).toBe(1);
    await screenshot(page, '22-rules-preview-phone');
    const box = (await page.getByRole('dialog').boundingBox())!;
    expect(box.x).toBeGreaterThanOrEqual(0);
    expect(box.x + box.width).toBeLessThanOrEqual(390);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    expect(await preview.evaluate((el) => el.scrollWidth <= el.clientWidth)).toBe(true);
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.getByTestId('rules-preview-confirm').click();
    await preview.waitFor({ state: 'detached' });
    await expect.poll(() => page.getByTestId('rules-version').getAttribute('data-version')).toBe('2');
    await screenshot(page, '22-rules-saved');
  });

  it('shows the project red now, with the new reason', async () => {
    await page.goto(`${server.url}/projects/${projectId}`);
    await expect.poll(colour).toBe('red');
    await expect.poll(() => page.getByTestId('project-light').textContent()).toContain('落后序时进度 16.7 个百分点');
    await screenshot(page, '23-light-red');
  });

  it('says which rules judged each month of the history, and that they differ from the current light’s', async () => {
    const october = page.locator('[data-testid="light-history-month"][data-month="2026-10"]');
    await october.waitFor();
    expect(await october.getAttribute('data-rule-version')).toBe('2');
    expect(await october.getAttribute('data-other-rules')).toBeNull();
    // January–September were judged under the defaults (version 0) when their reports were approved.
    const september = page.locator('[data-testid="light-history-month"][data-month="2026-09"]');
    expect(await september.getAttribute('data-rule-version')).toBe('0');
    expect(await september.getAttribute('data-other-rules')).toBe('true');
    expect(await page.getByTestId('light-history-versions').textContent()).toContain(
      '2026年1–9月为第 0 版，2026年10月为第 2 版；当前亮灯按第 2 版规则',
    );
    await september.hover();
    const tip = page.locator('.ant-tooltip:not(.ant-tooltip-hidden)');
    await expect.poll(() => tip.textContent()).toMatch(/^2026年9月 .灯 · 第 0 版规则（当前亮灯用第 2 版规则）$/);
    await screenshot(page, '23-light-history-versions');
    // The card alone, tooltip open, at a size a reviewer can read.
    await page.getByTestId('project-light').screenshot({ path: path.join(ARTIFACTS, '23-light-history-card.png') });
    await page.mouse.move(0, 0);
  });

  it('opens the dashboard and follows the red count to the list', async () => {
    await page.goto(`${server.url}/dashboard`);
    await expect.poll(() => page.getByTestId('colour-count-red').textContent()).toContain('1');
    await expect.poll(() => page.getByTestId('dashboard-red-list').textContent()).toContain('兰江街道安置房工程');
    // The gap is said the same way as on the light: 16.7 points behind.
    expect(await page.getByTestId('dashboard-totals').textContent()).toContain('16.7');
    await screenshot(page, '24-dashboard');
    await page.getByTestId('colour-count-red').click();
    await page.waitForURL(/\/projects\?.*light=red/);
    await expect.poll(() => page.getByTestId('projects-table').getByText('兰江街道安置房工程').count()).toBe(1);
  });

  it('reads on a phone', async () => {
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto(`${server.url}/dashboard`);
    await expect.poll(() => page.getByTestId('dashboard-totals').isVisible()).toBe(true);
    await screenshot(page, '25-dashboard-phone');
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await page.goto(`${server.url}/projects/${projectId}`);
    await page.getByTestId('light-history-versions').waitFor();
    await screenshot(page, '26-light-phone');
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  });
});
