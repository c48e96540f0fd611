import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { ApiClient } from '../test/support/client.ts';
import { startDemoServer } from '../test/support/demo.ts';
import type { TestServer } from '../test/support/server.ts';
import { launchBrowser, screenshot, signIn } from './support/browser.ts';

const DEMO_PASSWORD = 'lantern-demo';
type Item = { id: number; name: string; leadUnitName: string; lightReasons: { text: { 'zh-CN': string } }[] };

/**
 * The project library's guard rails in the demo county: a reporter typing the name of a project their
 * unit already has is warned with a link to it (and Enter in a field saves nothing); the coordinator's
 * red list shows each project's reasons with the 亮灯 filter as a control; the library pages with its count.
 */
describe('the project library’s guard rails in Chromium', () => {
  let server: TestServer;
  let browser: Browser;
  let page: Page;
  let admin: ApiClient;
  let existing: Item;

  beforeAll(async () => {
    server = await startDemoServer('sqlite', { web: true });
    admin = new ApiClient(server.url);
    await admin.signIn('admin', DEMO_PASSWORD);
    const own = (await admin.get('/api/v1/projects?limit=200&sort=name&order=asc')).body.items as Item[];
    existing = own.find((p) => p.leadUnitName === '兰江街道')!;
    browser = await launchBrowser();
    page = await browser.newPage({ viewport: { width: 1280, height: 900 }, locale: 'zh-CN' });
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  const projectCount = async () => (await admin.get('/api/v1/projects?limit=1&withTotal=true')).body.total as number;
  const noSidewaysScroll = () => page.evaluate(() => document.documentElement.scrollWidth);

  it('warns of a project of the same name in the unit, linking to it, and Enter in a field saves nothing', async () => {
    await signIn(page, server.url, 'lanjiang', DEMO_PASSWORD);
    await page.goto(`${server.url}/projects/new`);
    const before = await projectCount();
    // The same name as people type it again: a space in the middle and one at the end.
    const name = page.getByTestId('project-form-name');
    await name.fill(`${existing.name.slice(0, 2)} ${existing.name.slice(2)} `);
    const warning = page.getByTestId('project-duplicates');
    await expect.poll(() => warning.textContent(), { timeout: 15_000 }).toContain(existing.name);
    expect(await warning.textContent()).toContain('名称相同');
    expect(await page.getByTestId(`duplicate-link-${existing.id}`).getAttribute('href')).toBe(
      `/projects/${existing.id}`,
    );
    await warning.scrollIntoViewIfNeeded();
    await screenshot(page, '80-duplicate-warning');

    // Enter in a one-line field does not submit the long form: still on the form, nothing created.
    await name.press('Enter');
    await page.getByTestId('project-form-total-investment').fill('1200');
    await page.getByTestId('project-form-total-investment').press('Enter');
    await expect.poll(() => page.getByTestId('project-form').isVisible()).toBe(true);
    expect(new URL(page.url()).pathname).toBe('/projects/new');
    expect(await page.locator('.ant-form-item-explain-error').count()).toBe(0);
    expect(await projectCount()).toBe(before);

    await page.setViewportSize({ width: 390, height: 844 });
    await warning.scrollIntoViewIfNeeded();
    await expect.poll(() => warning.isVisible()).toBe(true);
    await screenshot(page, '81-duplicate-warning-phone');
    expect(await noSidewaysScroll()).toBeLessThanOrEqual(390);
    await page.setViewportSize({ width: 1280, height: 900 });
  });

  it('shows the red list with each project’s reasons and the 亮灯 filter as a control, reflected in the URL', async () => {
    await signIn(page, server.url, 'admin', DEMO_PASSWORD);
    await page.goto(`${server.url}/projects`);
    await page.getByTestId('projects-filter-light').click();
    await page
      .locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option')
      .filter({ hasText: '红灯' })
      .click();
    await page.waitForURL(/light=red/);
    const red = (await admin.get('/api/v1/projects?light=red&limit=20&page=1&withTotal=true')).body;
    const first = red.items[0] as Item;
    const reasons = page.getByTestId(`project-reasons-${first.id}`);
    await expect.poll(() => reasons.textContent()).toContain(first.lightReasons[0]!.text['zh-CN']);
    await expect.poll(() => page.getByTestId('projects-total').getAttribute('data-total')).toBe(String(red.total));
    expect(await page.getByTestId('projects-table').locator('th').allTextContents()).toContain('亮灯原因');
    expect(await page.getByTestId('projects-filter-light').textContent()).toContain('红灯');
    expect(await page.getByTestId('projects-export').getAttribute('href')).toContain('lightReasons');
    await screenshot(page, '82-red-list');

    await page.setViewportSize({ width: 390, height: 844 });
    await expect.poll(() => reasons.textContent()).toContain(first.lightReasons[0]!.text['zh-CN']);
    await screenshot(page, '83-red-list-phone');
    expect(await noSidewaysScroll()).toBeLessThanOrEqual(390);
    await page.getByTestId('projects-filters-toggle').click();
    const drawer = page.getByTestId('projects-filters-drawer');
    await expect.poll(() => drawer.getByTestId('projects-filter-light').textContent()).toContain('红灯');
    await screenshot(page, '84-red-list-filters-phone');
    await page.keyboard.press('Escape');
    await page.setViewportSize({ width: 1280, height: 900 });
  });

  it('pages the library with its count: 共 N 个项目, a page in the URL, the page size chosen', async () => {
    await page.goto(`${server.url}/projects?sort=name&order=asc`);
    const total = await projectCount();
    await expect.poll(() => page.getByTestId('projects-total').textContent()).toBe(`共 ${total} 个项目`);
    const pager = page.getByTestId('projects-pager');
    await pager.locator('.ant-pagination-item-2').click();
    await page.waitForURL(/page=2/);
    const second = (await admin.get('/api/v1/projects?sort=name&order=asc&limit=20&page=2')).body.items as Item[];
    await expect.poll(() => page.getByTestId(`project-link-${second[0]!.id}`).count()).toBe(1);
    await pager.locator('.ant-pagination-options .ant-select').click();
    await page
      .locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option')
      .filter({ hasText: '50' })
      .click();
    await page.waitForURL(/size=50/);
    expect(new URL(page.url()).searchParams.get('page')).toBeNull();
    await expect.poll(() => page.getByTestId('projects-table').locator('tbody tr.ant-table-row').count()).toBe(50);
    await screenshot(page, '85-library-pages');
  });
});
