import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { startTestServer, type TestServer } from '../test/support/server.ts';
import { launchBrowser, screenshot } from './support/browser.ts';

/**
 * A newcomer's first journey: first-run setup of 兰溪市, sign in, the unit tree with the real
 * township names, a new user; then the same at phone width. Screenshots go to artifacts/screenshots.
 */
describe('first run in Chromium', () => {
  let server: TestServer;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    server = await startTestServer('sqlite', { web: true });
    browser = await launchBrowser();
    page = await browser.newPage({ viewport: { width: 1280, height: 800 }, locale: 'zh-CN' });
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('sets up the county from the first-run page', async () => {
    await page.goto(server.url);
    await page.waitForURL(/\/setup$/);
    await page.getByTestId('setup-region').click();
    await page.keyboard.type('兰溪');
    await page
      .getByTitle(/兰溪市/)
      .first()
      .click();
    await page.getByTestId('setup-username').fill('admin');
    await page.getByTestId('setup-display-name').fill('项目办管理员');
    await page.getByTestId('setup-password').fill('river-sesame-2026');
    await page.getByTestId('setup-password-confirm').fill('river-sesame-2026');
    await screenshot(page, '01-setup');
    await page.getByTestId('setup-submit').click();
    // Signed in, the admin lands on their home, the people; the units are one click away.
    await page.waitForURL(/\/users$/);
    await page.getByTestId('nav-menu').getByText('单位管理').click();
    await page.waitForURL(/\/units$/);
    const tree = page.getByTestId('units-tree');
    await expect.poll(() => tree.getByText('兰江街道').count()).toBeGreaterThan(0);
  });

  it('signs out, refuses a wrong password, and signs in again', async () => {
    await page.getByTestId('logout').click();
    await page.waitForURL(/\/login/);
    await page.getByTestId('login-username').fill('admin');
    await page.getByTestId('login-password').fill('wrong-password');
    await page.getByTestId('login-submit').click();
    await expect.poll(() => page.getByTestId('login-error').textContent()).toContain('用户名或密码错误');
    await screenshot(page, '02-login-error');
    await page.getByTestId('login-password').fill('river-sesame-2026');
    await page.getByTestId('login-submit').click();
    await page.waitForURL(/\/users$/);
    await expect.poll(() => page.getByTestId('current-user-name').textContent()).toContain('项目办管理员');
  });

  it('shows the unit tree with the real townships and streets', async () => {
    await page.goto(`${server.url}/units`);
    const tree = page.getByTestId('units-tree');
    for (const name of ['兰溪市', '兰江街道', '上华街道', '游埠镇', '诸葛镇', '水亭畲族乡']) {
      await expect.poll(() => tree.getByText(name, { exact: true }).count(), { message: name }).toBe(1);
    }
    await tree.getByText('上华街道', { exact: true }).click();
    await expect.poll(() => page.getByTestId('unit-detail-name').textContent()).toContain('上华街道');
    await screenshot(page, '03-units');
  });

  it('creates a township editor who then appears in the list', async () => {
    await page.goto(`${server.url}/users`);
    await page.getByTestId('user-create').click();
    const form = page.getByTestId('user-form');
    await form.getByTestId('user-form-username').fill('lanjiang');
    await form.getByTestId('user-form-display-name').fill('兰江街道填报员');
    await form.getByTestId('user-form-role').click();
    await page.locator('.ant-select-item-option').filter({ hasText: '单位填报员' }).click();
    await form.getByTestId('user-form-unit').click();
    await page.locator('.ant-select-tree-node-content-wrapper').filter({ hasText: '兰江街道' }).first().click();
    await form.getByTestId('user-form-password').fill('password-1234');
    await screenshot(page, '04-user-form');
    await page.getByRole('button', { name: /保\s*存/ }).click();
    const table = page.getByTestId('users-table');
    await expect.poll(() => table.getByText('兰江街道填报员').count()).toBe(1);
    await screenshot(page, '05-users');
    // The new person can sign in: checked through the API with a fresh session.
    const res = await fetch(`${server.url}/api/v1/session`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'lanjiang', password: 'password-1234' }),
    });
    expect(res.status).toBe(200);
  });

  it('works at phone width with the menu in a drawer', async () => {
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto(`${server.url}/units`);
    await expect.poll(() => page.getByTestId('nav-toggle').isVisible()).toBe(true);
    await screenshot(page, '06-phone-units');
    await page.getByTestId('nav-toggle').click();
    await expect.poll(() => page.getByTestId('nav-drawer').getByText('用户管理').isVisible()).toBe(true);
    await screenshot(page, '07-phone-menu');
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    expect(width).toBeLessThanOrEqual(390);
  });
});
