import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { ApiClient } from '../test/support/client.ts';
import { buildUser, PASSWORD, setUpCounty } from '../test/support/factories.ts';
import { buildProject } from '../test/support/projects.ts';
import { startTestServer, type TestServer } from '../test/support/server.ts';
import { choose, typeDate } from './support/antd.ts';
import { launchBrowser, screenshot, signIn } from './support/browser.ts';

const YEAR = new Date().getUTCFullYear();

/**
 * A township reporter's journey through the project library: create a project in 前期, find it by
 * pinyin initials, start it (前期 → 在建 with an actual start date), and watch it move from
 * 未开工 to 已开工 on the year's 开工清单.
 */
describe('project library in Chromium', () => {
  let server: TestServer;
  let browser: Browser;
  let page: Page;
  let admin: ApiClient;

  beforeAll(async () => {
    server = await startTestServer('sqlite', { web: true });
    const county = await setUpCounty(server.url);
    admin = county.admin;
    await buildUser(admin, server.url, {
      username: 'lanjiang',
      role: 'unit_editor',
      unitId: county.unit('兰江街道').id,
      displayName: '兰江街道填报员',
    });
    await buildProject(admin, county.unit('兰江街道').id, {
      name: '兰江街道老旧小区改造工程',
      kind: 'social',
      industryCode: '47',
      investmentType: 'government',
      approvalMode: 'approval',
      stage: 'preparing',
      plannedStartDate: `${YEAR}-02-01`,
    });
    await buildProject(admin, county.unit('上华街道').id, { name: '上华街道智能装备产业园', stage: 'reserve' });
    browser = await launchBrowser();
    page = await browser.newPage({ viewport: { width: 1280, height: 900 }, locale: 'zh-CN' });
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  const startList = async () =>
    (await admin.get(`/api/v1/project-lists?year=${YEAR}`)).body.lists.start as { done: number; pending: number };

  it('signs in as the 兰江街道 reporter and sees only 兰江街道 projects', async () => {
    await signIn(page, server.url, 'lanjiang', PASSWORD);
    await page.goto(`${server.url}/projects`);
    const table = page.getByTestId('projects-table');
    await expect.poll(() => table.getByText('兰江街道老旧小区改造工程').count()).toBe(1);
    expect(await table.getByText('上华街道智能装备产业园').count()).toBe(0);
    await screenshot(page, '10-projects-list');
  });

  it('creates a project in 前期 with a planned start this year', async () => {
    await page.getByTestId('project-create').click();
    await page.getByTestId('project-form-name').fill('兰溪纺织智能工厂建设项目');
    await choose(page, 'project-form-nature', '新建');
    await choose(page, 'project-form-kind', '产业');
    await page.getByTestId('project-form-industry').click();
    await page.keyboard.type('纺织业');
    await page
      .locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option')
      .filter({ hasText: '纺织业' })
      .first()
      .click();
    await choose(page, 'project-form-investment-type', '企业投资');
    await choose(page, 'project-form-approval-mode', '备案');
    await choose(page, 'project-form-stage', '前期');
    await page.getByTestId('project-form-total-investment').fill('15000');
    await typeDate(page, 'project-form-planned-start', `${YEAR}-04-01`);
    // This year's plan, front-loaded: a monthly plan curve instead of month/12.
    await page.getByTestId('project-form-add-plan').click();
    await page.getByTestId('project-form-plan-amount-0').fill('6000');
    await page.getByTestId('project-form-plan-curve-0-add').click();
    const curve = (m: number) => page.getByTestId(`project-form-plan-curve-0-${m}`);
    await curve(12).fill('90');
    await curve(3).fill('30');
    await expect
      .poll(() => page.getByTestId('project-form-investment').textContent())
      .toContain('12月的累计百分比不能小于上月');
    await screenshot(page, '11-project-form-curve-error');
    await curve(12).fill('100');
    await expect.poll(() => page.getByTestId('project-form-investment').textContent()).not.toContain('累计百分比不能');
    await screenshot(page, '11-project-form');
    const before = await startList();
    await page.getByTestId('project-save').click();
    await page.waitForURL(/\/projects\/\d+$/);
    await expect.poll(() => page.getByTestId('project-detail').textContent()).toContain('兰溪纺织智能工厂建设项目');
    expect(await page.getByTestId('project-annual-plans').textContent()).toContain('3月 30%');
    expect((await startList()).pending).toBe(before.pending + 1);
  });

  it('finds the project by its pinyin initials', async () => {
    await page.goto(`${server.url}/projects`);
    const search = page.getByTestId('projects-search').locator('input');
    await search.fill('lxfz');
    await search.press('Enter');
    await page.waitForURL(/q=lxfz/);
    const table = page.getByTestId('projects-table');
    await expect.poll(() => table.getByText('兰溪纺织智能工厂建设项目').count()).toBe(1);
    // The unfiltered list shows both at first: wait for the filtered answer.
    await expect.poll(() => table.getByText('兰江街道老旧小区改造工程').count()).toBe(0);
    await screenshot(page, '12-search-pinyin');
    // The filter survives a reload: it lives in the URL.
    await page.reload();
    await expect.poll(() => page.getByTestId('projects-table').getByText('兰溪纺织智能工厂建设项目').count()).toBe(1);
  });

  it('moves it from 前期 to 在建 with an actual start date, and it moves on the 开工清单', async () => {
    await page.getByTestId('projects-table').getByText('兰溪纺织智能工厂建设项目').click();
    await page.waitForURL(/\/projects\/\d+$/);
    const before = await startList();
    await page.getByTestId('project-transition').click();
    await choose(page, 'transition-to', '在建');
    const today = new Date().toISOString().slice(0, 10);
    await typeDate(page, 'transition-actual-start', today);
    await screenshot(page, '13-transition');
    await page
      .getByRole('dialog')
      .getByRole('button', { name: /确\s*定|变\s*更|保\s*存|提\s*交/ })
      .last()
      .click();
    await expect.poll(() => page.getByTestId('stage-history').textContent()).toContain('在建');
    await screenshot(page, '14-project-detail');
    const after = await startList();
    expect(after.done).toBe(before.done + 1);
    expect(after.pending).toBe(before.pending - 1);
  });

  it('shows the four lists, each number linking to the list behind it', async () => {
    await page.goto(`${server.url}/project-lists?year=${YEAR}`);
    const start = page.getByTestId('list-card-start');
    await expect.poll(() => start.textContent()).toContain('开工');
    await screenshot(page, '15-four-lists');
    await start.locator('a').first().click();
    await page.waitForURL(/\/projects\?.*list=start/);
    await expect.poll(() => page.getByTestId('projects-table').getByText('兰溪纺织智能工厂建设项目').count()).toBe(1);
  });

  it('reads at phone width', async () => {
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto(`${server.url}/projects`);
    await expect.poll(() => page.getByTestId('projects-table').isVisible()).toBe(true);
    await screenshot(page, '16-phone-projects');
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  });
});
