import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { ApiClient } from '../test/support/client.ts';
import type { TestServer } from '../test/support/server.ts';
import { startDemoServer } from '../test/support/demo.ts';
import { launchBrowser, screenshot, signIn } from './support/browser.ts';

let now = new Date('2026-11-23T02:00:00Z');
const DEMO_PASSWORD = 'lantern-demo';

/**
 * A published period's ranking shows the bulletin's frozen figures first, and the live
 * recomputation only when asked, labelled as such, with the correction that moved it; a figure opens
 * exactly the records behind it; the ranking can be read as of a past day.
 */
describe('numbers a leader can sign, in Chromium', () => {
  let server: TestServer;
  let browser: Browser;
  let page: Page;
  let coordinator: ApiClient;
  let raceId: number;
  let october: { id: number; docNumber: string; publishedAt: string };
  let unitId: number;
  let frozenTotal: number;

  beforeAll(async () => {
    server = await startDemoServer('sqlite', { web: true, clock: () => now });
    coordinator = new ApiClient(server.url);
    await coordinator.signIn('coordinator', DEMO_PASSWORD);
    raceId = (await coordinator.get('/api/v1/races')).body.items[0].id;
    october = (await coordinator.get(`/api/v1/bulletins?raceId=${raceId}`)).body.items.find(
      (b: { periodIndex: number }) => b.periodIndex === 10,
    );
    const frozen = (await coordinator.get(`/api/v1/bulletins/${october.id}`)).body;
    const row = frozen.ranking.groups[0].rows.find((r: { name: string }) => r.name === '兰江街道');
    unitId = row.unitId;
    frozenTotal = row.total;

    // After publication, 兰江街道's editor corrects an approved October report and it is approved.
    now = new Date(now.getTime() + 3600_000);
    const editor = new ApiClient(server.url);
    await editor.signIn('lanjiang', DEMO_PASSWORD);
    const projects = (await coordinator.get(`/api/v1/projects?unitId=${unitId}&limit=100`)).body.items as {
      id: number;
    }[];
    // Its largest approved October report is corrected to nothing (booked in the wrong month).
    let largest: { id: number; amountYuan: number } | null = null;
    for (const p of projects) {
      const r = (
        (await coordinator.get(`/api/v1/projects/${p.id}/reports`)).body.items as {
          id: number;
          month: number;
          state: string;
          isCurrent: boolean;
          amountYuan: number;
        }[]
      ).find((x) => x.month === 10 && x.state === 'approved' && x.isCurrent);
      if (r && r.amountYuan > (largest?.amountYuan ?? 0)) largest = r;
    }
    const c = await editor.post(`/api/v1/reports/${largest!.id}/corrections`, {
      amountWan: 0,
      reason: '补报设备购置款',
    });
    expect(c.status).toBe(201);
    expect((await coordinator.post(`/api/v1/reports/${c.body.id}/approve`)).status).toBe(200);
    now = new Date(now.getTime() + 3600_000);
    browser = await launchBrowser();
    page = await browser.newPage({ viewport: { width: 1280, height: 900 }, locale: 'zh-CN' });
    await page.clock.setFixedTime(now);
    await signIn(page, server.url, 'coordinator', DEMO_PASSWORD);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  const totalShown = async () =>
    (await page.getByTestId(`ranking-row-${unitId}`).getByTestId('ranking-total').textContent())?.trim();

  it('shows the bulletin’s frozen ranking first, and the live one labelled, with what changed', async () => {
    await page.goto(`${server.url}/races/${raceId}?year=2026&period=10`);
    await page.getByTestId('ranking-view').waitFor();
    await expect.poll(() => page.getByTestId('ranking-published-note').getAttribute('data-view')).toBe('published');
    expect(await page.getByTestId('ranking-published-note').textContent()).toContain(october.docNumber);
    await expect.poll(totalShown).toBe(frozenTotal.toFixed(2));
    expect(await page.getByTestId('ranking-differs').textContent()).toContain('通报发布后又审核通过了');
    // Late reports approved after the bulletin move other units too; 兰江街道's correction is among the changes.
    expect((await page.getByTestId('ranking-change').allTextContents()).join('\n')).toContain('兰江街道');
    await screenshot(page, 'a0-ranking-published');

    await page.getByTestId('ranking-view').getByText('实时重算').click();
    await expect.poll(() => page.getByTestId('ranking-published-note').getAttribute('data-view')).toBe('live');
    expect(await page.getByTestId('ranking-published-note').textContent()).toContain('不是已发布的通报');
    await expect.poll(totalShown).not.toBe(frozenTotal.toFixed(2));
    await screenshot(page, 'a1-ranking-live');
  });

  it('opens exactly the records behind a figure', async () => {
    const link = page.getByTestId(`drill-fixedAssetInvestment-${unitId}`);
    const shown = (await link.textContent())?.trim();
    await link.click();
    await page.getByTestId('records-page').waitFor();
    await expect
      .poll(async () => (await page.getByTestId('records-summary').textContent()) ?? '')
      .toContain('兰江街道');
    const summary = (await page.getByTestId('records-summary').textContent()) ?? '';
    expect(summary).toContain('条已审核月报');
    expect(shown).toBeTruthy();
    await screenshot(page, 'a2-records');
  });

  it('reads the ranking as of the day of publication, and fits a phone', async () => {
    const day = new Date(new Date(october.publishedAt).getTime() + 8 * 3600_000).toISOString().slice(0, 10);
    await page.goto(`${server.url}/races/${raceId}?year=2026&period=10&asOf=${day}`);
    await page.getByTestId('ranking-as-of-note').waitFor();
    await page.getByTestId('ranking-view').getByText('实时重算').click();
    // As of that day the "live" recomputation is the history's: the frozen total again.
    await expect.poll(totalShown).toBe(frozenTotal.toFixed(2));
    await screenshot(page, 'a3-ranking-as-of');
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto(`${server.url}/races/${raceId}?year=2026&period=10`);
    await page.getByTestId('ranking-view').waitFor();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await screenshot(page, 'a4-ranking-published-phone');
  });
});
