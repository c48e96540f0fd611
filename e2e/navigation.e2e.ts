import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { ApiClient } from '../test/support/client.ts';
import type { TestServer } from '../test/support/server.ts';
import { startDemoServer } from '../test/support/demo.ts';
import { launchBrowser, screenshot, signIn } from './support/browser.ts';

const NOW = new Date('2026-11-23T02:00:00Z');
const DEMO_PASSWORD = 'lantern-demo';
const DIST = path.resolve('web/dist');
/**
 * The first page a leader opens on a phone, on a mobile network: under 500 kB of compressed JavaScript
 * (issue 12). Pages load as their own chunks, and the charts (ECharts, about 185 kB) only when they come
 * near the screen, which on a phone is below the figures (web/src/components/EChart.tsx).
 */
const DASHBOARD_BUDGET_KB = 500;

/** What a page's address shows, path and query, for comparing with what was opened. */
const where = (page: Page) => {
  const url = new URL(page.url());
  return url.pathname + url.search;
};

/**
 * The router: a link to a project opens that project directly (signed in, and through the sign-in page
 * when not), the back and forward buttons walk the pages as visited, and the leader's first page on a
 * phone downloads little JavaScript.
 */
describe('navigation, in Chromium', () => {
  let server: TestServer;
  let browser: Browser;
  let page: Page;
  let project: { id: number; name: string };

  beforeAll(async () => {
    server = await startDemoServer('sqlite', { web: true, clock: () => NOW });
    const coordinator = new ApiClient(server.url);
    await coordinator.signIn('coordinator', DEMO_PASSWORD);
    project = (await coordinator.get('/api/v1/projects?limit=1')).body.items[0];
    browser = await launchBrowser();
    page = await browser.newPage({ viewport: { width: 1280, height: 900 }, locale: 'zh-CN' });
    await page.clock.setFixedTime(NOW);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('opens a deep link to a project page, signed in and through the sign-in page', async () => {
    await signIn(page, server.url, 'coordinator', DEMO_PASSWORD);
    await page.goto(`${server.url}/projects/${project.id}`);
    const detail = page.getByTestId('project-detail');
    await expect.poll(() => detail.getAttribute('data-project-id')).toBe(String(project.id));
    await expect.poll(() => detail.textContent()).toContain(project.name);
    await screenshot(page, '60-deep-link-project');

    // Signed out, the same link leads to the sign-in page and, once signed in, back to the project.
    await page.context().clearCookies();
    await page.goto(`${server.url}/projects/${project.id}`);
    await page.waitForURL(/\/login$/);
    await page.getByTestId('login-username').fill('coordinator');
    await page.getByTestId('login-password').fill(DEMO_PASSWORD);
    await page.getByTestId('login-submit').click();
    await page.waitForURL(new RegExp(`/projects/${project.id}$`));
    await expect.poll(() => page.getByTestId('project-detail').textContent()).toContain(project.name);
  });

  it('walks back and forward through pages visited by clicking', async () => {
    await page.goto(`${server.url}/dashboard`);
    await page.getByTestId('dashboard-totals').waitFor();
    await page.getByTestId('nav-menu').getByText('项目库', { exact: true }).click();
    await page.waitForURL(/\/projects$/);
    await page.getByTestId(`project-link-${project.id}`).waitFor();
    await page.getByTestId('nav-menu').getByText('四张清单', { exact: true }).click();
    await page.waitForURL(/\/project-lists/);
    await page.getByTestId('nav-menu').getByText('项目库', { exact: true }).click();
    await page.waitForURL(/\/projects$/);
    await page.getByTestId(`project-link-${project.id}`).click();
    await page.waitForURL(new RegExp(`/projects/${project.id}$`));
    await expect.poll(() => page.getByTestId('project-detail').textContent()).toContain(project.name);

    const expectProjectDetail = async () => {
      expect(where(page)).toBe(`/projects/${project.id}`);
      await expect
        .poll(() => page.getByTestId('project-detail').getAttribute('data-project-id'))
        .toBe(String(project.id));
    };
    const expectProjectList = async () => {
      expect(where(page)).toBe('/projects');
      await page.getByTestId('projects-table').getByTestId(`project-link-${project.id}`).waitFor();
      expect(await page.getByTestId('project-detail').count()).toBe(0);
    };

    await page.goBack();
    await expectProjectList();
    await page.goBack();
    expect(where(page)).toMatch(/^\/project-lists/);
    await page.getByTestId('nav-menu').locator('.ant-menu-item-selected').getByText('四张清单').waitFor();
    await page.goBack();
    await expectProjectList();
    await page.goBack();
    expect(where(page)).toBe('/dashboard');
    await page.getByTestId('dashboard-totals').waitFor();
    await screenshot(page, '61-back-to-dashboard');

    await page.goForward();
    await expectProjectList();
    await page.goForward();
    expect(where(page)).toMatch(/^\/project-lists/);
    await page.goForward();
    await expectProjectList();
    await page.goForward();
    await expectProjectDetail();
    await screenshot(page, '62-forward-to-project');
  });

  it('loads the leader’s dashboard on a phone within its budget of compressed JavaScript', async () => {
    const phone = await browser.newPage({ viewport: { width: 390, height: 844 }, locale: 'zh-CN' });
    try {
      await phone.clock.setFixedTime(NOW);
      await signIn(phone, server.url, 'leader', DEMO_PASSWORD);
      const scripts = new Set<string>();
      phone.on('response', (response) => {
        const url = new URL(response.url());
        if (url.origin === server.url && url.pathname.endsWith('.js')) scripts.add(url.pathname);
      });
      await phone.goto(`${server.url}/dashboard`);
      await phone.getByTestId('dashboard-totals').waitFor();
      await phone.waitForLoadState('networkidle');

      // The files as built, compressed as a server would send them.
      const measure = () => {
        let gzipped = 0;
        const sizes: string[] = [];
        for (const script of [...scripts].sort()) {
          const size = zlib.gzipSync(fs.readFileSync(path.join(DIST, script)), { level: 9 }).length;
          gzipped += size;
          sizes.push(`${script} ${(size / 1000).toFixed(1)} kB`);
        }
        return { kB: gzipped / 1000, sizes };
      };
      const first = measure();
      console.log(
        `/dashboard on a phone: ${scripts.size} JavaScript files, ${first.kB.toFixed(1)} kB gzip ` +
          `(budget ${DASHBOARD_BUDGET_KB} kB)\n  ${first.sizes.join('\n  ')}`,
      );
      expect(scripts.size).toBeGreaterThan(0);
      expect(first.kB).toBeLessThan(DASHBOARD_BUDGET_KB);
      expect(await phone.locator('[data-testid="dashboard-curve-chart"] canvas').count()).toBe(0);

      // Scrolled to, the charts load and draw.
      await phone.getByTestId('dashboard-curve-chart').scrollIntoViewIfNeeded();
      await expect.poll(() => phone.locator('[data-testid="dashboard-curve-chart"] canvas').count()).toBe(1);
      console.log(`  with the charts drawn: ${measure().kB.toFixed(1)} kB gzip`);
      // The picture from the top, as the leader opens it (the sticky header at the top, not where we scrolled).
      await phone.evaluate(() => window.scrollTo(0, 0));
      await screenshot(phone, '63-dashboard-phone-leader');
    } finally {
      await phone.close();
    }
  });
});
