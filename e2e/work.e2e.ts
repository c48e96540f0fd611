import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import type { ApiClient } from '../test/support/client.ts';
import { buildUser, PASSWORD, setUpCounty } from '../test/support/factories.ts';
import { buildProject } from '../test/support/projects.ts';
import { startTestServer, type TestServer } from '../test/support/server.ts';
import { launchBrowser, screenshot, signIn } from './support/browser.ts';

// Two days past October's deadline (3 November).
const TODAY = new Date('2026-11-05T02:00:00Z');

/**
 * A working day in November: each role lands on its own home; the coordinator returns one of 兰江街道's
 * twenty-four October reports with a reason and approves the others a page (twenty) at a time, then reminds 云山街道 (催报), which has
 * filed nothing; each editor finds what concerns them on their page at sign-in.
 */
describe('the daily work in Chromium', () => {
  let server: TestServer;
  let browser: Browser;
  let page: Page;
  let admin: ApiClient;
  let county: Awaited<ReturnType<typeof setUpCounty>>;
  const reportIds: number[] = [];

  const construction = (name: string) => ({
    name,
    stage: 'construction',
    plannedStartDate: '2026-03-01',
    actualStartDate: '2026-03-08',
    totalInvestmentWan: 20000,
    annualPlans: [{ year: 2026, amountWan: 2400 }],
  });

  beforeAll(async () => {
    server = await startTestServer('sqlite', { web: true, clock: () => TODAY });
    county = await setUpCounty(server.url);
    admin = county.admin;
    const people: [string, string, string, string][] = [
      ['lanjiang', 'unit_editor', '兰江街道', '兰江街道填报员'],
      ['yunshan', 'unit_editor', '云山街道', '云山街道填报员'],
      ['coordinator', 'coordinator', '兰溪市', '项目办王主任'],
      ['leader', 'leader', '兰溪市', '李市长'],
      ['auditor', 'auditor', '兰溪市', '纪委张科长'],
    ];
    for (const [username, role, unit, displayName] of people)
      await buildUser(admin, server.url, { username, role, unitId: county.unit(unit).id, displayName });
    // 兰江街道 submitted twenty-four October reports; 云山街道 owes two and has filed none.
    for (let n = 1; n <= 24; n++) {
      const p = await buildProject(admin, county.unit('兰江街道').id, construction(`兰江街道十一月项目${n}`));
      const filed = await admin.post(`/api/v1/projects/${p.id}/reports`, {
        year: 2026,
        month: 10,
        amountWan: 150 + n,
        progressText: `主体施工第${n}段`,
      });
      expect((await admin.post(`/api/v1/reports/${filed.body.id}/submit`)).status).toBe(200);
      reportIds.push(filed.body.id);
    }
    for (const name of ['云山街道厂房工程', '云山街道道路工程'])
      await buildProject(admin, county.unit('云山街道').id, construction(name));
    browser = await launchBrowser();
    page = await browser.newPage({ viewport: { width: 1280, height: 900 }, locale: 'zh-CN' });
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  const signInAs = (username: string) => signIn(page, server.url, username, PASSWORD);
  const menu = () => page.getByTestId('nav-menu').innerText();

  it('lands each role on its own home, with the menu it works with', async () => {
    await signInAs('leader');
    expect(new URL(page.url()).pathname).toBe('/dashboard');
    await page.getByTestId('dashboard-totals').waitFor();
    expect(await menu()).not.toContain('API 令牌');
    expect(await menu()).not.toContain('用户管理');
    await screenshot(page, '40-home-leader');

    await signInAs('auditor');
    expect(new URL(page.url()).pathname).toBe('/audit');
    await expect.poll(() => page.getByTestId('page-title').textContent()).toContain('审计');
    await screenshot(page, '41-home-auditor');

    await signInAs('coordinator');
    expect(new URL(page.url()).pathname).toBe('/work');
    await expect.poll(() => page.getByTestId('work-review').textContent()).toContain('24');
    await expect.poll(() => page.getByTestId('work-unfiled').textContent()).toContain('云山街道');
    expect(await menu()).toContain('工作台');
    await screenshot(page, '42-home-coordinator');
    await page.setViewportSize({ width: 390, height: 844 });
    await screenshot(page, '43-home-coordinator-phone');
    await page.setViewportSize({ width: 1280, height: 900 });
  });

  it('the coordinator returns one report with a reason and approves the other twenty-three a page at a time', async () => {
    await page.getByTestId('work-review-open').click();
    await page.waitForURL(/\/reports\?year=2026&month=10/);
    // The last one filed is on the second page of twenty.
    const returned = reportIds[23]!;
    await page.getByTestId('review-pages').getByTitle('2', { exact: true }).click();
    await page.getByTestId(`report-return-${returned}`).click();
    await page.getByTestId('return-reason').fill('本月完成额与台账不符，请核实后重报');
    await page.getByTestId('return-confirm').click();
    await expect.poll(async () => (await admin.get(`/api/v1/reports/${returned}`)).body.state).toBe('returned');
    // Twenty-three wait: twenty on the first page, three on the second.
    const rows = page.locator('[data-testid^="review-row-"]');
    await expect.poll(() => rows.count()).toBe(3);
    await page.getByTestId('review-pages').getByTitle('1', { exact: true }).click();
    await expect.poll(() => rows.count()).toBe(20);
    expect(await page.getByTestId('review-pages').isVisible()).toBe(true);
    for (const id of reportIds.slice(0, 20))
      await expect.poll(() => page.getByTestId(`review-pick-${id}`).isEnabled()).toBe(true);
    // Each row weighs the amount against the project's plan for the year.
    expect(await page.getByTestId(`review-context-${reportIds[0]}`).textContent()).toContain('年度计划 2,400.00 万元');
    const pickAll = page.getByTestId('review-pick-all');
    // The checkbox's words are on its label: on a queue of several pages it picks the page shown.
    const pickAllLabel = page.locator('label:has([data-testid="review-pick-all"])');
    expect(await pickAllLabel.textContent()).toContain('全选本页');
    await pickAll.check();
    await expect.poll(() => page.getByTestId('review-approve-selected').textContent()).toContain('20');
    await screenshot(page, '44-review-page');
    await page.getByTestId('review-approve-selected').click();
    await expect.poll(() => page.locator('.ant-message').textContent()).toContain('已审核通过 20 份');
    // The rows approved leave; the three of the second page are what remains, on one page.
    await expect.poll(() => rows.count()).toBe(3);
    expect(await page.getByTestId('review-pages').count()).toBe(0);
    await expect.poll(() => pickAllLabel.textContent()).toContain('全选');
    expect(await pickAllLabel.textContent()).not.toContain('本页');
    await pickAll.check();
    await expect.poll(() => page.getByTestId('review-approve-selected').textContent()).toContain('3');
    await page.getByTestId('review-approve-selected').click();
    await expect.poll(() => page.locator('.ant-message').last().textContent()).toContain('已审核通过 3 份');
    for (const id of reportIds.slice(0, 23))
      await expect
        .poll(async () => (await admin.get(`/api/v1/reports/${id}`)).body.state, { message: String(id) })
        .toBe('approved');
    // Each approval audited as its own.
    const audit = await admin.get('/api/v1/audit?objectType=report&limit=100');
    const approvals = (audit.body.items as { action: string }[]).filter((e) => e.action === 'report.approve');
    expect(approvals).toHaveLength(23);
  });

  it('opens the projects a unit has not filed, and reminds it (催报)', async () => {
    const yunshan = county.unit('云山街道').id;
    await page.getByTestId(`status-open-${yunshan}`).click();
    const drawer = page.getByTestId('missing-drawer');
    await expect.poll(() => drawer.textContent()).toContain('云山街道厂房工程');
    expect(await drawer.textContent()).toContain('云山街道道路工程');
    await screenshot(page, '45-status-missing');
    await page.getByTestId('missing-remind').click();
    await page.getByTestId('remind-confirm').click();
    await expect.poll(() => page.locator('.ant-message').textContent()).toContain('已催报 1 个单位');
    await page.keyboard.press('Escape');
    // 兰江街道 has a returned report still to file again: it can be reminded too; a unit that filed all cannot.
    const lanjiang = county.unit('兰江街道').id;
    await expect.poll(() => page.getByTestId(`status-select-${lanjiang}`).isEnabled()).toBe(true);
  });

  it('the reminded editor sees the 催报 at sign-in, and the other sees the returned report with its reason', async () => {
    await signInAs('yunshan');
    const reminder = page.getByTestId('notice-report_reminder');
    await expect.poll(() => reminder.textContent()).toContain('云山街道2026年10月月报还有 2 份未报送');
    expect(await reminder.textContent()).toContain('项目办王主任');
    await screenshot(page, '46-notice-reminder');
    await page.setViewportSize({ width: 390, height: 844 });
    await screenshot(page, '47-notice-reminder-phone');
    await page.setViewportSize({ width: 1280, height: 900 });

    await signInAs('lanjiang');
    // The reporter's home is the filing grid; the notice opens October's, where the returned report waits.
    expect(new URL(page.url()).pathname).toBe('/reports/filing');
    const returned = page.getByTestId('notice-report_returned');
    await expect.poll(() => returned.textContent()).toContain('兰江街道十一月项目24');
    expect(await returned.textContent()).toContain('本月完成额与台账不符');
    await screenshot(page, '48-notice-returned');
    await returned.getByText('去处理').click();
    await page.waitForURL(/\/reports\/filing\?year=2026&month=10/);
    await expect.poll(() => page.getByTestId('filing-page').textContent()).toContain('退回原因');
    expect(await page.getByTestId('filing-page').textContent()).toContain('本月完成额与台账不符');
    // Read, it is gone, and stays gone on the next page.
    await page.locator('[data-testid^="notice-read-"]').first().click();
    await expect.poll(() => page.getByTestId('notices').count()).toBe(0);
  });

  it('shows breadcrumbs below the top level', async () => {
    await signInAs('coordinator');
    const { body } = await admin.get('/api/v1/projects?limit=1');
    await page.goto(`${server.url}/projects/${body.items[0].id}`);
    const crumbs = page.getByTestId('breadcrumb');
    await expect.poll(() => crumbs.textContent()).toContain('项目库');
    await crumbs.getByText('项目库').click();
    await page.waitForURL(/\/projects$/);
    expect(await page.getByTestId('breadcrumb').count()).toBe(0);
  });
});
