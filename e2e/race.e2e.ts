import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { ApiClient } from '../test/support/client.ts';
import type { TestServer } from '../test/support/server.ts';
import { startDemoServer } from '../test/support/demo.ts';
import { choose } from './support/antd.ts';
import { launchBrowser, screenshot, signIn } from './support/browser.ts';

/** The server's and the browser's today: the latest finished month is October 2026. */
const TODAY = new Date('2026-11-23T10:00:00Z');
const DEMO_PASSWORD = 'lantern-demo';

interface Unit {
  unitId: number;
  unitName: string;
  kind: string;
}

/**
 * On the demo county, the coordinator sets targets in the grid, defines a race of two indicators,
 * reads October's ranking, publishes its bulletin from the draft through the check before publishing,
 * downloads the Word file, issues a correction of it, is told that a later target change leaves the
 * published bulletins as they are, and finds the ranking on the dashboard; a leader's phone shows the
 * same ranking within the screen.
 */
describe('targets, the horse race and bulletins in Chromium', () => {
  let server: TestServer;
  let browser: Browser;
  let page: Page;
  let coordinator: ApiClient;
  let townships: Unit[];
  let raceId: number;
  let bulletinId: number;
  let correctionId: number;

  beforeAll(async () => {
    server = await startDemoServer('sqlite', { web: true, clock: () => TODAY });
    coordinator = new ApiClient(server.url);
    await coordinator.post('/api/v1/session', { username: 'coordinator', password: DEMO_PASSWORD });
    const targets = (await coordinator.get('/api/v1/targets?year=2026')).body;
    townships = targets.units.filter((u: Unit) => u.kind === 'township' || u.kind === 'street');
    expect(townships.length).toBeGreaterThan(3);
    browser = await launchBrowser();
    page = await browser.newPage({ viewport: { width: 1280, height: 900 }, locale: 'zh-CN' });
    // The browser's clock agrees with the server's, so "last month" is October on both sides.
    await page.clock.setFixedTime(TODAY);
    await signIn(page, server.url, 'coordinator', DEMO_PASSWORD);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  const targetOf = async (unitId: number, indicator: string) =>
    (await coordinator.get('/api/v1/targets?year=2026')).body.items.find(
      (i: { unitId: number; indicator: string }) => i.unitId === unitId && i.indicator === indicator,
    )?.value ?? null;

  it('sets targets in the grid: 亿元 exactly, a refused cell marked where it is, a cleared cell removed', async () => {
    const [a, b, c] = townships as [Unit, Unit, Unit];
    await page.goto(`${server.url}/targets`);
    await page.waitForURL(/\/targets\?year=2026/);
    const cell = (unit: Unit, indicator: string) => page.getByTestId(`target-${unit.unitId}-${indicator}`);
    await cell(a, 'fixedAssetInvestment').fill('2.5');
    await cell(b, 'fixedAssetInvestment').fill('30');
    await cell(c, 'fixedAssetInvestment').fill('');
    // A township must start projects: zero cannot be divided by, so the server refuses it at that cell.
    await cell(a, 'projectsStarted').fill('0');
    await expect.poll(() => page.getByTestId('targets-save').textContent()).toContain('4');
    await page.getByTestId('targets-save').click();
    await expect.poll(() => page.getByTestId('target-cell-error').count()).toBe(1);
    expect(
      await page
        .getByTestId('targets-grid')
        .locator('td', { has: cell(a, 'projectsStarted') })
        .getByTestId('target-cell-error')
        .textContent(),
    ).toContain(a.unitName);
    await screenshot(page, '60-targets-refused');
    expect(await targetOf(a.unitId, 'fixedAssetInvestment')).not.toBe(250_000_000);

    await cell(a, 'projectsStarted').fill('3');
    await page.getByTestId('targets-save').click();
    await expect.poll(() => targetOf(a.unitId, 'fixedAssetInvestment')).toBe(250_000_000);
    expect(await targetOf(b.unitId, 'fixedAssetInvestment')).toBe(3_000_000_000);
    expect(await targetOf(c.unitId, 'fixedAssetInvestment')).toBeNull();
    expect(await targetOf(a.unitId, 'projectsStarted')).toBe(3);
    await expect.poll(() => cell(a, 'fixedAssetInvestment').inputValue()).toBe('2.5');
    await screenshot(page, '61-targets-saved');
  });

  it('enters a statistic Lantern cannot compute, in 万元 with its source', async () => {
    const [a] = townships as [Unit];
    await page.getByTestId('targets-tab-values').click();
    await page.waitForURL(/tab=values/);
    // 财政收入 (the first statistic entered by hand), year to date through October, the month just ended.
    await expect.poll(() => page.getByTestId('values-editor').getByTestId(`value-${a.unitId}`).isVisible()).toBe(true);
    await page.getByTestId(`value-${a.unitId}`).fill('1234.5');
    await page.getByTestId(`source-${a.unitId}`).fill('县统计局');
    await page.getByTestId('values-save').click();
    const stored = async () =>
      (await coordinator.get('/api/v1/indicator-values?indicator=fiscalRevenue&year=2026&month=10')).body.items.find(
        (i: { unitId: number }) => i.unitId === a.unitId,
      );
    await expect.poll(async () => (await stored())?.value).toBe(12_345_000);
    expect((await stored()).source).toBe('县统计局');
    await screenshot(page, '61b-values-saved');
  });

  it('defines a race of two indicators, the weight sum warning until it reaches 100', async () => {
    await page.goto(`${server.url}/races`);
    await expect.poll(() => page.getByTestId('races-table').textContent()).toContain('项目建设月度赛马');
    await screenshot(page, '62a-races');
    await page.getByTestId('race-new').click();
    await page.waitForURL(/\/races\/new$/);
    await page.getByTestId('race-name').fill('2026年投资攻坚赛马');
    await choose(page, 'race-indicator-0-key', '固定资产投资');
    await page.getByTestId('race-indicator-0-weight').fill('60');
    await choose(page, 'race-indicator-0-method', '目标完成率');
    await page.getByTestId('race-add-indicator').click();
    await choose(page, 'race-indicator-1-key', '新开工项目数');
    await page.getByTestId('race-indicator-1-weight').fill('30');
    await choose(page, 'race-indicator-1-method', '功效系数法');
    await expect.poll(() => page.getByTestId('race-weight-sum').getAttribute('data-sum')).toBe('90');
    expect(await page.getByTestId('race-weight-warning').isVisible()).toBe(true);
    await screenshot(page, '62-race-editor-90');
    await page.getByTestId('race-indicator-1-weight').fill('40');
    await expect.poll(() => page.getByTestId('race-weight-sum').getAttribute('data-off')).toBe('false');
    expect(await page.getByTestId('race-weight-warning').count()).toBe(0);
    await screenshot(page, '63-race-editor');
    await page.getByTestId('race-save').click();
    await page.waitForURL(/\/races\/\d+\?year=2026&period=10$/);
    raceId = Number(/\/races\/(\d+)/.exec(page.url())![1]);
    const race = (await coordinator.get(`/api/v1/races/${raceId}`)).body;
    expect(race.definition.indicators).toMatchObject([
      { key: 'fixedAssetInvestment', weight: 60, method: 'ratioToTarget', params: { cap: 1.2 } },
      { key: 'projectsStarted', weight: 40, method: 'efficacyCoefficient' },
    ]);
    expect(race.warnings).toEqual([]);

    // The editor opens on the saved definition and saves it back unchanged, groups included.
    await page.goto(`${server.url}/races/${raceId}/edit`);
    await expect.poll(() => page.getByTestId('race-indicator-1-weight').inputValue()).toBe('40');
    expect(await page.getByTestId('race-indicator-0-cap').inputValue()).toBe('1.2');
    await page.getByTestId('race-save').click();
    await page.waitForURL(new RegExp(`/races/${raceId}\\?year=2026&period=10$`));
    expect((await coordinator.get(`/api/v1/races/${raceId}`)).body.definition).toEqual(race.definition);
  });

  it('shows October’s ranking: 骏马 and 蜗牛 tagged, 无目标 where no target is set, the charts drawn', async () => {
    const [, , c] = townships as [Unit, Unit, Unit];
    await expect.poll(() => page.getByTestId('ranking-period-label').textContent()).toBe('2026年10月');
    const table = page.getByTestId('ranking-table-townships');
    await expect.poll(() => table.getByTestId('ranking-unit').count()).toBe(townships.length);
    expect(await table.getByTestId('standing-top').count()).toBeGreaterThanOrEqual(3);
    expect(await table.getByTestId('standing-bottom').count()).toBeGreaterThanOrEqual(3);
    // The unit whose target was cleared reads 无目标 for investment, not a zero.
    const row = table.getByTestId(`ranking-row-${c.unitId}`);
    expect(await row.getByTestId('score-note').first().textContent()).toBe('无目标');
    // Charts load as they come near the screen (components/EChart.tsx).
    await page.getByTestId('ranking-totals-chart').scrollIntoViewIfNeeded();
    await expect.poll(() => page.getByTestId('ranking-totals-chart').locator('canvas').count()).toBe(1);
    // A new race has one period so far: no line to draw yet.
    expect(await page.getByTestId('ranking-history-chart').textContent()).toContain('暂无往期名次');
    // Each computed figure opens the records behind it.
    expect(await row.getByTestId(`drill-fixedAssetInvestment-${c.unitId}`).getAttribute('href')).toBe(
      `/races/${raceId}/records?year=2026&period=10&unitId=${c.unitId}&indicator=fixedAssetInvestment`,
    );
    await screenshot(page, '64-ranking');
  });

  it('publishes October’s bulletin from the draft through the check, then refuses to publish it again', async () => {
    const [, , c] = townships as [Unit, Unit, Unit];
    await page.getByTestId('ranking-publish').click();
    await expect.poll(() => page.getByTestId('publish-title').inputValue()).toContain('2026年10月');
    expect(await page.getByTestId('publish-commentary').inputValue()).toContain('一、总体情况');
    expect(await page.getByTestId('publish-doc-number').inputValue()).toMatch(/〔2026〕\d+号/);
    await page.getByTestId('publish-title').fill('兰溪市2026年10月项目投资攻坚赛马晾晒通报');
    // The check names the township whose target was cleared: publishing waits for the coordinator's word.
    const findings = page.getByTestId('publish-check-warnings');
    await expect.poll(() => findings.isVisible()).toBe(true);
    expect(await findings.getByTestId('publish-check-item-NO_TARGET').textContent()).toContain(c.unitName);
    expect(await page.getByTestId('publish-submit').textContent()).toContain('仍要发布');
    expect(await page.getByTestId('publish-submit').isDisabled()).toBe(true);
    await screenshot(page, '65-publish-modal');
    await page.getByTestId('publish-acknowledge').click();
    await expect.poll(() => page.getByTestId('publish-submit').isEnabled()).toBe(true);
    await page.getByTestId('publish-submit').click();
    await expect.poll(() => page.getByTestId('ranking-published').isVisible()).toBe(true);
    expect(await page.getByTestId('ranking-publish').getAttribute('data-blocked')).toBe('ranking.alreadyPublished');
    expect(await page.getByTestId('ranking-publish').isDisabled()).toBe(true);
    bulletinId = Number(
      /\/bulletins\/(\d+)/.exec((await page.getByTestId('ranking-bulletin-link').getAttribute('href'))!)![1],
    );
    await screenshot(page, '66-ranking-published');
  });

  it('opens the bulletin and downloads it as Word', async () => {
    await page.getByTestId('ranking-bulletin-link').click();
    await page.waitForURL(new RegExp(`/bulletins/${bulletinId}$`));
    await expect.poll(() => page.getByTestId('bulletin-commentary').textContent()).toContain('一、总体情况');
    expect(await page.getByTestId('bulletin-table-townships').getByTestId('ranking-unit').count()).toBe(
      townships.length,
    );
    await screenshot(page, '67-bulletin');
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByTestId(`bulletin-docx-${bulletinId}`).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/\.docx$/);
    expect(download.suggestedFilename()).toContain('攻坚赛马');
    const file = await download.path();
    expect(fs.readFileSync(file).subarray(0, 2).toString('latin1')).toBe('PK');

    await page.goto(`${server.url}/bulletins`);
    await expect
      .poll(() => page.getByTestId(`bulletin-link-${bulletinId}`).textContent())
      .toBe('兰溪市2026年10月项目投资攻坚赛马晾晒通报');
    await screenshot(page, '68-bulletins');
  });

  it('issues a correction: the bulletin stays readable, marked 已被更正 with the reason, the correction naming it', async () => {
    const reason = '补录部分单位统计数据后重新计分';
    await page.goto(`${server.url}/bulletins/${bulletinId}`);
    await page.getByTestId('bulletin-correct').click();
    await expect
      .poll(() => page.getByTestId('correction-title').inputValue())
      .toBe('关于兰溪市2026年10月项目投资攻坚赛马晾晒通报的更正通报');
    expect(await page.getByTestId('correction-commentary').inputValue()).toContain('一、总体情况');
    await page.getByTestId('correction-reason').fill(reason);
    await expect.poll(() => page.getByTestId('correction-preface').textContent()).toContain(`更正原因：${reason}。`);
    await expect.poll(() => page.getByTestId('publish-check-warnings').isVisible()).toBe(true);
    await page.getByTestId('publish-acknowledge').click();
    await screenshot(page, '67b-correction-modal');
    await page.getByTestId('correction-submit').click();
    await page.waitForURL((url) => /\/bulletins\/\d+$/.test(url.pathname) && !url.pathname.endsWith(`/${bulletinId}`));
    correctionId = Number(/\/bulletins\/(\d+)$/.exec(new URL(page.url()).pathname)![1]);
    await expect.poll(() => page.getByTestId('bulletin-corrects').textContent()).toContain(reason);
    expect(await page.getByTestId('bulletin-commentary').textContent()).toContain(`予以更正，以本通报为准`);
    await screenshot(page, '67c-correction');

    await page.getByTestId('bulletin-original-link').click();
    await page.waitForURL(new RegExp(`/bulletins/${bulletinId}$`));
    await expect.poll(() => page.getByTestId('bulletin-superseded').textContent()).toContain(reason);
    expect(await page.getByTestId('bulletin-correct').count()).toBe(0);
    expect(await page.getByTestId('bulletin-commentary').textContent()).toContain('一、总体情况');
    await screenshot(page, '67d-bulletin-superseded');

    await page.goto(`${server.url}/bulletins?raceId=${raceId}`);
    await expect.poll(() => page.getByTestId(`bulletin-superseded-tag-${bulletinId}`).isVisible()).toBe(true);
    expect(await page.getByTestId(`bulletin-correction-tag-${correctionId}`).isVisible()).toBe(true);
    expect(await page.getByTestId(`bulletin-superseded-note-${bulletinId}`).textContent()).toContain(reason);
    await screenshot(page, '68b-bulletins-corrected');
  });

  it('says, when a target of a published period changes, that the published bulletins stay as they are', async () => {
    const [a] = townships as [Unit];
    await page.goto(`${server.url}/targets?year=2026`);
    await page.getByTestId(`target-${a.unitId}-fixedAssetInvestment`).fill('2.6');
    await page.getByTestId('targets-save').click();
    const alert = page.getByTestId('targets-unchanged-bulletins');
    await expect.poll(() => alert.isVisible()).toBe(true);
    expect(await alert.textContent()).toContain('关于兰溪市2026年10月项目投资攻坚赛马晾晒通报的更正通报');
    expect(await alert.textContent()).toContain('如需更正请发布更正通报');
    await screenshot(page, '61c-targets-bulletins-unchanged');
  });

  it('shows the ranking card on the dashboard, leading to the ranking', async () => {
    await page.goto(`${server.url}/dashboard`);
    const card = page.getByTestId('dashboard-race');
    await expect.poll(() => card.isVisible()).toBe(true);
    expect(await card.getByTestId('dashboard-race-top').first().textContent()).toContain('骏马');
    expect(await page.getByTestId('dashboard-bulletin').isVisible()).toBe(true);
    await screenshot(page, '69-dashboard-race');
    await page.getByTestId('dashboard-race-all').click();
    await page.waitForURL(/\/races\/\d+/);
  });

  it('draws the rank history of a race with published months', async () => {
    const demo = (await coordinator.get('/api/v1/races')).body.items.find((r: { id: number }) => r.id !== raceId);
    await page.goto(`${server.url}/races/${demo.id}?year=2026&period=10`);
    await page.getByTestId('ranking-history-chart').scrollIntoViewIfNeeded();
    await expect.poll(() => page.getByTestId('ranking-history-chart').locator('canvas').count()).toBe(1);
    await screenshot(page, '69b-ranking-history');
  });

  it('reads on a phone: the ranking within 390 px, a row unfolding into its breakdown', async () => {
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto(`${server.url}/races/${raceId}?year=2026&period=10`);
    const table = page.getByTestId('ranking-table-townships');
    await expect.poll(() => table.getByTestId('ranking-unit').count()).toBe(townships.length);
    await screenshot(page, '70-ranking-phone');
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await table.getByTestId('ranking-unit').first().click();
    await expect.poll(() => page.getByTestId('ranking-breakdown').count()).toBe(1);
    await screenshot(page, '71-ranking-phone-breakdown');
    await page.goto(`${server.url}/dashboard`);
    await expect.poll(() => page.getByTestId('dashboard-race').isVisible()).toBe(true);
    await screenshot(page, '72-dashboard-phone');
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await page.goto(`${server.url}/targets?year=2026`);
    await expect.poll(() => page.getByTestId('targets-grid').locator('input').count()).toBeGreaterThan(0);
    await screenshot(page, '73-targets-phone');
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await page.goto(`${server.url}/bulletins/${bulletinId}`);
    await expect.poll(() => page.getByTestId('bulletin-commentary').textContent()).toContain('一、总体情况');
    await screenshot(page, '75-bulletin-phone');
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await page.goto(`${server.url}/bulletins/${correctionId}`);
    await expect.poll(() => page.getByTestId('bulletin-corrects').isVisible()).toBe(true);
    await page.getByTestId('bulletin-correct').click();
    await expect.poll(() => page.getByTestId('correction-title').isVisible()).toBe(true);
    await screenshot(page, '75b-correction-modal-phone');
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await page.keyboard.press('Escape');
    await expect.poll(() => page.getByTestId('correction-modal').count()).toBe(0);
    await screenshot(page, '75c-correction-phone');
    await page.goto(`${server.url}/bulletins/${bulletinId}`);
    await expect.poll(() => page.getByTestId('bulletin-superseded').isVisible()).toBe(true);
    await screenshot(page, '75d-bulletin-superseded-phone');
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await page.goto(`${server.url}/races/${raceId}/edit`);
    await expect.poll(() => page.getByTestId('race-indicator-1-weight').inputValue()).toBe('40');
    await screenshot(page, '76-race-editor-phone');
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  });

  it('speaks English when asked', async () => {
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.goto(`${server.url}/races/${raceId}?year=2026&period=10`);
    await page.getByTestId('lang-switch').getByText('EN').click();
    await expect
      .poll(() => page.getByTestId('ranking-table-townships').textContent())
      .toContain('Fixed-asset investment');
    expect(await page.getByTestId('ranking-period-label').textContent()).toBe('2026-10');
    expect(await page.getByTestId('ranking-table-townships').getByTestId('score-note').first().textContent()).toBe(
      'No target',
    );
    await screenshot(page, '74-ranking-en');
    await page.getByTestId('lang-switch').getByText('中文').click();
  });
});
