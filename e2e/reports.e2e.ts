import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import type { ApiClient } from '../test/support/client.ts';
import { buildUser, PASSWORD, setUpCounty } from '../test/support/factories.ts';
import { buildProject } from '../test/support/projects.ts';
import { startTestServer, type TestServer } from '../test/support/server.ts';
import { launchBrowser, screenshot, signIn } from './support/browser.ts';

const TODAY = new Date('2026-11-02T10:00:00Z');

/** A township reporter files October's report on time; the coordinator approves it. */
describe('monthly reports in Chromium', () => {
  let server: TestServer;
  let browser: Browser;
  let page: Page;
  let admin: ApiClient;
  let projectId: number;
  let unitId: number;

  beforeAll(async () => {
    server = await startTestServer('sqlite', { web: true, clock: () => TODAY });
    const county = await setUpCounty(server.url);
    admin = county.admin;
    await buildUser(admin, server.url, {
      username: 'lanjiang',
      role: 'unit_editor',
      unitId: county.unit('兰江街道').id,
      displayName: '兰江街道填报员',
    });
    await buildUser(admin, server.url, {
      username: 'coordinator',
      role: 'coordinator',
      unitId: county.unit('兰溪市').id,
      displayName: '项目办王主任',
    });
    unitId = county.unit('兰江街道').id;
    projectId = (
      await buildProject(admin, county.unit('兰江街道').id, {
        name: '兰江街道安置房工程',
        stage: 'construction',
        plannedStartDate: '2026-10-01',
        actualStartDate: '2026-10-08',
        totalInvestmentWan: 20000,
        annualPlans: [{ year: 2026, amountWan: 3000 }],
      })
    ).id;
    browser = await launchBrowser();
    page = await browser.newPage({ viewport: { width: 1280, height: 900 }, locale: 'zh-CN' });
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  const signInAs = (username: string) => signIn(page, server.url, username, PASSWORD);

  it('the reporter sees what to file, files and submits October before the deadline', async () => {
    await signInAs('lanjiang');
    await page.goto(`${server.url}/reports?year=2026&month=10`);
    await expect.poll(() => page.getByTestId('reports-todo').textContent()).toContain('兰江街道安置房工程');
    await page.getByTestId(`report-file-${projectId}`).first().click();
    await page.getByTestId('report-form-amount').fill('1200');
    await page.getByTestId('report-form-progress').fill('桩基施工完成 60%');
    await screenshot(page, '30-report-form');
    await page.getByTestId('report-save-submit').click();
    await expect
      .poll(async () => (await admin.get(`/api/v1/projects/${projectId}/reports`)).body.items[0]?.state)
      .toBe('submitted');
    const report = (await admin.get(`/api/v1/projects/${projectId}/reports`)).body.items[0];
    expect(report).toMatchObject({ month: 10, amountYuan: 12_000_000, isLate: false });
    await screenshot(page, '31-reports-editor');
  });

  it('the coordinator approves it, and the cumulative figure follows', async () => {
    await signInAs('coordinator');
    await page.goto(`${server.url}/reports?year=2026&month=10`);
    const report = (await admin.get(`/api/v1/projects/${projectId}/reports`)).body.items[0];
    await page.getByTestId(`report-approve-${report.id}`).first().click();
    await expect.poll(async () => (await admin.get(`/api/v1/reports/${report.id}`)).body.state).toBe('approved');
    await screenshot(page, '32-reports-coordinator');
    await page.goto(`${server.url}/projects/${projectId}`);
    await expect.poll(() => page.getByTestId('project-reports').textContent()).toContain('1,200.00');
    await screenshot(page, '33-project-reports');
  });

  it('shows a correction waiting for review, with its reason, in the coordinator’s queue', async () => {
    const report = (await admin.get(`/api/v1/projects/${projectId}/reports`)).body.items[0];
    const correction = await admin.post(`/api/v1/reports/${report.id}/corrections`, {
      amountWan: 1250,
      reason: '补报设备款',
    });
    expect(correction.status).toBe(201);
    await page.goto(`${server.url}/reports?year=2026&month=10`);
    await expect.poll(() => page.getByTestId('reports-review').textContent()).toContain('补报设备款');
    await screenshot(page, '34-review-correction');
  });

  it('the coordinator approves several at once, and sees the one that changed meanwhile refused', async () => {
    const ids: number[] = [];
    for (const n of [1, 2, 3, 4]) {
      const p = await buildProject(admin, unitId, {
        name: `兰江街道批量审核项目${n}`,
        stage: 'construction',
        plannedStartDate: '2026-10-01',
        actualStartDate: '2026-10-08',
      });
      const filed = await admin.post(`/api/v1/projects/${p.id}/reports`, {
        year: 2026,
        month: 10,
        amountWan: 100 * n,
        progressText: `第${n}期施工`,
      });
      await admin.post(`/api/v1/reports/${filed.body.id}/submit`);
      ids.push(filed.body.id);
    }
    await page.goto(`${server.url}/reports?year=2026&month=10`);
    for (const id of ids) await page.getByTestId(`review-pick-${id}`).waitFor({ state: 'visible' });
    // Every row is ready to pick once its submission has loaded.
    await expect.poll(() => page.getByTestId(`review-pick-${ids[3]}`).isEnabled()).toBe(true);
    // Largest change first: the 400 万元 filing leads, the correction (50 万元 more) comes last.
    await page.getByTestId('review-order').click();
    await page.locator('.ant-select-item-option', { hasText: '按变动从大到小' }).click();
    await expect
      .poll(() => page.locator('[data-testid^="review-row-"]').first().textContent())
      .toContain('兰江街道批量审核项目4');
    expect(await page.locator('[data-testid^="review-row-"]').last().textContent()).toContain('更正');
    await page.getByTestId('review-pick-all').check();
    await expect.poll(() => page.getByTestId('review-approve-selected').textContent()).toContain(`${ids.length + 1}`);
    await screenshot(page, '35-review-batch');
    // On a phone the same controls, and the button is pressed there.
    await page.setViewportSize({ width: 390, height: 844 });
    await screenshot(page, '36-review-batch-phone');
    // The first is approved by someone else before the coordinator presses the button.
    await admin.post(`/api/v1/reports/${ids[0]}/approve`);
    await page.getByTestId('review-approve-selected').click();
    await expect.poll(() => page.locator('.ant-message').textContent()).toContain('份未通过');
    for (const id of ids) {
      await expect.poll(async () => (await admin.get(`/api/v1/reports/${id}`)).body.state).toBe('approved');
    }
    expect((await page.locator('.ant-message').textContent()) ?? '').toContain('兰江街道批量审核项目1');
    await expect.poll(() => page.getByTestId('reports-review').textContent()).toContain('没有待审核的月报');
    await page.setViewportSize({ width: 1280, height: 900 });
  });
});
