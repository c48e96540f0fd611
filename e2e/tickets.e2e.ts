import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { ApiClient } from '../test/support/client.ts';
import { buildEnterprise, creditCodeFor } from '../test/support/enterprises.ts';
import { ADMIN_PASSWORD, buildUser, PASSWORD, setUpCounty } from '../test/support/factories.ts';
import { buildProject } from '../test/support/projects.ts';
import { startTestServer, type TestServer } from '../test/support/server.ts';
import { choose, chooseInTree } from './support/antd.ts';
import { launchBrowser, screenshot as fullPage, signIn } from './support/browser.ts';

/** Monday 2026-11-02, 10:00 in Lanxi: two problems are raised; one is assigned at once. */
const BEFORE = new Date('2026-11-02T02:00:00Z');
/** Tuesday 2026-11-10, 10:00: both have run past their three working days; the journey happens today. */
const TODAY = new Date('2026-11-10T02:00:00Z');
const NAME = '浙江兰溪纺织科技有限公司';
const PROJECT = '年产五万吨功能性面料项目';
const PROBLEM = '二期厂房新增用地指标尚未落实，影响明年开工';
const ANSWER = '用地指标已由自然资源局落实，11 月 20 日前完成供地';
const NOTE = '指标需县里统筹，内部掌握';

/** A site photo made here: sky, ground and a fenced plot. */
function sitePhoto() {
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="800" height="600" viewBox="0 0 160 120">
    <rect width="160" height="120" fill="#bcd8f0"/><rect y="80" width="160" height="40" fill="#9c8463"/>
    <rect x="30" y="70" width="100" height="14" fill="none" stroke="#555" stroke-dasharray="3 2"/></svg>`;
  return sharp(Buffer.from(svg)).jpeg({ quality: 80 }).toBuffer();
}

/**
 * 涉企问题 in Chromium: an enterprise's own account raises a problem on a 390 px phone with the form (category,
 * description, its project, a photo); the project office accepts it on a desk, loses a race to a colleague (409:
 * the page says so and reads the ticket again) and assigns it; the township's editor finds it in the inbox, keeps
 * an internal note and answers; the enterprise rates it 满意 on the phone and sees it closed, never the note. Then
 * the office's overdue board and the dashboard card show the two problems left past their deadline.
 */
describe('enterprise problems in Chromium', () => {
  let now = BEFORE;
  let server: TestServer;
  let browser: Browser;
  let desk: BrowserContext;
  let phone: BrowserContext;
  let deskPage: Page;
  let phonePage: Page;
  let admin: ApiClient;
  let lanjiang: number;
  let enterpriseId: number;
  let projectId: number;
  let ticketId: number;
  let overdueAssigned: number;
  let overdueRaised: number;

  beforeAll(async () => {
    server = await startTestServer('sqlite', { web: true, clock: () => now });
    const county = await setUpCounty(server.url);
    admin = county.admin;
    lanjiang = county.unit('兰江街道').id;
    // The enterprise owns this project: registering it links the project by its credit code.
    projectId = (
      await buildProject(admin, lanjiang, { name: PROJECT, ownerName: NAME, ownerCreditCode: creditCodeFor(123) })
    ).id;
    enterpriseId = await buildEnterprise(admin, lanjiang, 123, { name: NAME });
    const other = await buildEnterprise(admin, lanjiang, 124, { name: '兰溪市兰江食品有限公司' });
    const office = (await buildUser(admin, server.url, { username: 'office', role: 'coordinator', unitId: lanjiang }))
      .client;
    await buildUser(admin, server.url, {
      username: 'lanjiang',
      role: 'unit_editor',
      unitId: lanjiang,
      displayName: '兰江街道经办人',
    });
    await buildUser(admin, server.url, {
      username: 'fangzhi',
      role: 'enterprise',
      unitId: lanjiang,
      enterpriseId,
      displayName: '纺织科技王建国',
    });

    // A week ago: one problem the office accepted and assigned at once, one nobody accepted.
    const raise = async (body: Record<string, unknown>) => {
      const res = await office.post('/api/v1/tickets', body);
      if (res.status !== 201) throw new Error(JSON.stringify(res.body));
      return res.body as { id: number; version: number };
    };
    const step = async (id: number, body: Record<string, unknown>) => {
      const { version } = (await office.get(`/api/v1/tickets/${id}`)).body;
      const res = await office.post(`/api/v1/tickets/${id}/steps`, { version, ...body });
      if (res.status !== 200) throw new Error(JSON.stringify(res.body));
    };
    overdueAssigned = (
      await raise({ enterpriseId: other, category: 'energy', description: '新增用电负荷申请迟迟未批' })
    ).id;
    await step(overdueAssigned, { step: 'accept' });
    await step(overdueAssigned, { step: 'assign', handlingUnitId: lanjiang });
    overdueRaised = (await raise({ enterpriseId: other, category: 'hiring', description: '春节后一线招工困难' })).id;

    // Today: sessions do not outlive the day, so the API's administrator signs in again.
    now = TODAY;
    await admin.signIn('admin', ADMIN_PASSWORD);
    browser = await launchBrowser();
    desk = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'zh-CN' });
    phone = await browser.newContext({ viewport: { width: 390, height: 844 }, locale: 'zh-CN', hasTouch: true });
    deskPage = await desk.newPage();
    phonePage = await phone.newPage();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  /** A full-page picture from the top (the sticky header in its place), the pointer off any tooltip. */
  const screenshot = async (page: Page, name: string) => {
    const { width, height } = page.viewportSize()!;
    await page.mouse.move(width - 2, height - 2);
    await page.evaluate(() => window.scrollTo(0, 0));
    return fullPage(page, name);
  };
  const scrollWidth = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth);
  const ticketState = (page: Page) => page.getByTestId('ticket-page').getAttribute('data-state');
  const fieldError = (page: Page, testId: string) =>
    page
      .locator('.ant-form-item', { has: page.getByTestId(testId) })
      .locator('.ant-form-item-explain-error')
      .textContent();

  it('the enterprise raises a problem on its phone in one form, with its project and a photo', async () => {
    await signIn(phonePage, server.url, 'fangzhi', PASSWORD);
    // The header's bell works on the phone: it opens the inbox, which offers 提出问题.
    await phonePage.getByTestId('inbox-badge').click();
    await phonePage.waitForURL(/\/inbox$/);
    await phonePage.getByTestId('inbox-raise').click();
    await phonePage.waitForURL(/\/tickets\/new$/);
    await expect.poll(() => phonePage.getByTestId('ticket-form-own-enterprise').textContent()).toBe(NAME);
    await screenshot(phonePage, 't1-raise-form-phone');
    expect(await scrollWidth(phonePage)).toBeLessThanOrEqual(390);

    // Submitting empty names what is missing, and nothing is raised.
    await phonePage.getByTestId('ticket-form-submit').click();
    await expect.poll(() => fieldError(phonePage, 'ticket-form-description')).toBe('请描述遇到的问题');
    await phonePage.getByTestId('ticket-form-category-land').tap();
    expect(await phonePage.getByTestId('ticket-form-category-land').getAttribute('aria-checked')).toBe('true');
    await phonePage.getByTestId('ticket-form-description').fill(PROBLEM);
    await choose(phonePage, 'ticket-form-project', PROJECT);
    expect(await phonePage.getByTestId('ticket-form-complexity').textContent()).toContain('一般');
    await phonePage
      .getByTestId('ticket-form')
      .locator('input[type=file]')
      .setInputFiles({ name: '现场.jpg', mimeType: 'image/jpeg', buffer: await sitePhoto() });
    await expect.poll(() => phonePage.getByTestId('ticket-form').textContent()).toContain('现场.jpg');
    await screenshot(phonePage, 't2-raise-form-filled-phone');
    expect(await scrollWidth(phonePage)).toBeLessThanOrEqual(390);

    await phonePage.getByTestId('ticket-form-submit').click();
    await phonePage.waitForURL(/\/tickets\/\d+$/);
    ticketId = Number(new URL(phonePage.url()).pathname.split('/').pop());
    await expect.poll(() => ticketState(phonePage)).toBe('raised');
    expect(await phonePage.getByTestId('ticket-state').textContent()).toBe('待受理');
    expect(await phonePage.getByTestId('ticket-clocks').textContent()).toContain('受理 还剩 3 个工作日');
    await expect.poll(() => phonePage.getByTestId('ticket-attachments').getAttribute('data-count')).toBe('1');
    const thumb = phonePage.getByTestId('ticket-attachments').locator('img').first();
    await expect.poll(() => thumb.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth)).toBe(800);
    // The enterprise has nothing to press until the answer comes.
    expect(await phonePage.getByTestId('ticket-actions').count()).toBe(0);
    await screenshot(phonePage, 't3-ticket-raised-phone');
    expect(await scrollWidth(phonePage)).toBeLessThanOrEqual(390);

    const stored = (await admin.get(`/api/v1/tickets/${ticketId}`)).body;
    expect(stored).toMatchObject({
      category: 'land',
      complexity: 'general',
      description: PROBLEM,
      enterprise: { id: enterpriseId },
      project: { id: projectId },
      attachments: [{ fileName: '现场.jpg', contentType: 'image/jpeg' }],
    });
  });

  it('the office finds it in the list, accepts it, is told when a colleague moved it first, and assigns it', async () => {
    await signIn(deskPage, server.url, 'office', PASSWORD);
    await expect.poll(() => deskPage.getByTestId('inbox-badge').getAttribute('data-total')).not.toBe('');
    expect(Number(await deskPage.getByTestId('inbox-badge').getAttribute('data-total'))).toBeGreaterThanOrEqual(1);
    await deskPage.goto(`${server.url}/tickets`);
    await expect.poll(() => deskPage.getByTestId('tickets-total').getAttribute('data-total')).toBe('3');
    const row = deskPage
      .getByTestId('tickets-table')
      .locator('tr', { has: deskPage.getByTestId(`ticket-link-${ticketId}`) });
    const rowText = await row.textContent();
    for (const text of [NAME, '用地', '待受理', '受理 还剩 3 个工作日', '2026-11-10']) expect(rowText).toContain(text);
    // The overdue ones read red.
    const overdueRow = deskPage
      .getByTestId('tickets-table')
      .locator('tr', { has: deskPage.getByTestId(`ticket-link-${overdueRaised}`) });
    expect(await overdueRow.getByTestId('ticket-clock').getAttribute('data-overdue')).toBe('true');
    expect(await overdueRow.getByTestId('ticket-clock').textContent()).toMatch(/已超期 \d+ 个工作日/);
    await screenshot(deskPage, 't4-tickets-list');

    await deskPage.getByTestId('tickets-overdue').click();
    await deskPage.waitForURL(/overdue=true/);
    await expect.poll(() => deskPage.getByTestId('tickets-total').getAttribute('data-total')).toBe('2');
    await deskPage.getByTestId('tickets-reset').click();
    await expect.poll(() => deskPage.getByTestId('tickets-total').getAttribute('data-total')).toBe('3');

    await deskPage.getByTestId(`ticket-link-${ticketId}`).click();
    await deskPage.waitForURL(new RegExp(`/tickets/${ticketId}$`));
    const actions = deskPage.getByTestId('ticket-actions');
    await expect.poll(() => actions.getAttribute('data-steps')).toBe('accept,reject,note');
    await deskPage.getByTestId('ticket-step-accept').click();
    await expect.poll(() => ticketState(deskPage)).toBe('accepted');
    expect(await deskPage.getByTestId('ticket-state').textContent()).toBe('待分派');

    // A colleague notes something meanwhile: the page still holds the version before it.
    const { version } = (await admin.get(`/api/v1/tickets/${ticketId}`)).body;
    expect(
      (await admin.post(`/api/v1/tickets/${ticketId}/steps`, { step: 'note', text: '已电话联系企业', version })).status,
    ).toBe(200);
    await chooseInTree(deskPage, 'ticket-assign-unit', '兰江街道');
    // The first picker's list has closed (its fading copy would take the next click) before the second opens.
    await expect.poll(() => deskPage.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden)').count()).toBe(0);
    await chooseInTree(deskPage, 'ticket-assign-co-units', '云山街道');
    await deskPage.keyboard.press('Escape');
    await deskPage.getByTestId('ticket-step-assign').click();
    await expect
      .poll(() => deskPage.locator('.ant-message-notice').textContent())
      .toContain('该问题刚被他人办理过，请刷新后再操作');
    // The page read the ticket again (the colleague's note is in the timeline) and kept the choice of unit.
    await expect.poll(() => deskPage.getByTestId('ticket-timeline').textContent()).toContain('已电话联系企业');
    await deskPage.getByTestId('ticket-step-assign').click();
    await expect.poll(() => ticketState(deskPage)).toBe('handling');
    const facts = await deskPage.getByTestId('ticket-facts').textContent();
    expect(facts).toContain('兰江街道');
    expect(facts).toContain('云山街道');
    expect(await deskPage.getByTestId('ticket-clocks').textContent()).toContain('办结 还剩 3 个工作日');
    await screenshot(deskPage, 't5-ticket-office');
  });

  it('the township editor finds it in the inbox, keeps an internal note and answers', async () => {
    await signIn(deskPage, server.url, 'lanjiang', PASSWORD);
    await deskPage.getByTestId('inbox-badge').click();
    await deskPage.waitForURL(/\/inbox$/);
    await deskPage.getByTestId(`inbox-ticket-${ticketId}`).waitFor();
    expect(await deskPage.getByTestId('inbox-reports').count()).toBe(1);
    await screenshot(deskPage, 't6-inbox');
    await deskPage.getByTestId(`inbox-ticket-${ticketId}`).getByRole('link').click();
    await deskPage.waitForURL(new RegExp(`/tickets/${ticketId}$`));
    await expect
      .poll(() => deskPage.getByTestId('ticket-actions').getAttribute('data-steps'))
      .toBe('reply,answer,note,requestExtension');

    // An answer without its text is named on the text box, and nothing is sent.
    await deskPage.getByTestId('ticket-step-answer').click();
    await expect.poll(() => fieldError(deskPage, 'ticket-text')).toBe('请写下办结答复');
    await deskPage.getByTestId('ticket-text').fill(NOTE);
    await deskPage.getByTestId('ticket-step-note').click();
    const internal = deskPage.getByTestId('ticket-timeline').locator('[data-internal="true"]');
    await expect.poll(() => internal.last().textContent()).toContain(NOTE);
    expect(await internal.last().textContent()).toContain('内部');
    await expect.poll(() => deskPage.getByTestId('ticket-text').inputValue()).toBe('');
    await deskPage.getByTestId('ticket-text').fill(ANSWER);
    await deskPage.getByTestId('ticket-step-answer').click();
    await expect.poll(() => ticketState(deskPage)).toBe('answered');
    expect(await deskPage.getByTestId('ticket-state').textContent()).toBe('待评价');
  });

  it('the enterprise rates it 满意 on the phone and sees it closed, without the internal note', async () => {
    await phonePage.goto(`${server.url}/tickets/${ticketId}`);
    await expect.poll(() => ticketState(phonePage)).toBe('answered');
    const timeline = phonePage.getByTestId('ticket-timeline');
    expect(await timeline.textContent()).toContain(ANSWER);
    expect(await timeline.textContent()).not.toContain(NOTE);
    expect(await timeline.textContent()).not.toContain('已电话联系企业');
    await phonePage.getByTestId('ticket-rate').scrollIntoViewIfNeeded();
    await screenshot(phonePage, 't7-ticket-rate-phone');
    expect(await scrollWidth(phonePage)).toBeLessThanOrEqual(390);

    await phonePage.getByTestId('ticket-rate-satisfied').tap();
    await expect.poll(() => ticketState(phonePage)).toBe('closed');
    expect(await phonePage.getByTestId('ticket-state').textContent()).toBe('已办结');
    expect(await phonePage.getByTestId('ticket-rating').textContent()).toBe('评价：满意');
    expect(await phonePage.getByTestId('ticket-upload').count()).toBe(0);
    await screenshot(phonePage, 't8-ticket-closed-phone');
    expect((await admin.get(`/api/v1/tickets/${ticketId}`)).body).toMatchObject({
      state: 'closed',
      rating: 'satisfied',
    });

    await phonePage.goto(`${server.url}/inbox`);
    await phonePage.getByTestId('inbox-tickets').waitFor();
    await screenshot(phonePage, 't9-inbox-phone');
    expect(await scrollWidth(phonePage)).toBeLessThanOrEqual(390);
  });

  it("shows the office's overdue board by handling unit, and the dashboard's card leads to it", async () => {
    await signIn(deskPage, server.url, 'office', PASSWORD);
    await deskPage.goto(`${server.url}/dashboard`);
    const card = deskPage.getByTestId('dashboard-tickets');
    await expect.poll(() => deskPage.getByTestId('dashboard-tickets-closed').textContent()).toBe('1');
    expect(await deskPage.getByTestId('dashboard-tickets-open').textContent()).toBe('2');
    expect(await deskPage.getByTestId('dashboard-tickets-overdue').textContent()).toBe('2');
    expect(await deskPage.getByTestId('dashboard-tickets-satisfaction').textContent()).toBe('100%');
    await card.scrollIntoViewIfNeeded();
    await screenshot(deskPage, 't10-dashboard-card');
    await deskPage.getByTestId('dashboard-tickets-board').click();
    await deskPage.waitForURL(/\/tickets\/overdue$/);

    await expect.poll(() => deskPage.getByTestId('summary-overdue').textContent()).toBe('2');
    expect(await deskPage.getByTestId('summary-satisfaction').textContent()).toBe('100%');
    const assigned = deskPage.getByTestId(`board-unit-${lanjiang}`);
    await assigned.getByTestId(`board-ticket-${overdueAssigned}`).waitFor();
    expect(await assigned.textContent()).toContain('兰江街道');
    expect(await assigned.textContent()).toMatch(/已超期 \d+ 个工作日/);
    const waiting = deskPage.getByTestId('board-unit-none');
    await waiting.getByTestId(`board-ticket-${overdueRaised}`).waitFor();
    expect(await waiting.textContent()).toContain('待项目办受理分派');
    // The closed one is not overdue.
    expect(await deskPage.getByTestId(`board-ticket-${ticketId}`).count()).toBe(0);
    await screenshot(deskPage, 't11-overdue-board');

    await deskPage.setViewportSize({ width: 390, height: 844 });
    await deskPage.getByTestId('board-unit-none').waitFor();
    await screenshot(deskPage, 't11-overdue-board-phone');
    expect(await scrollWidth(deskPage)).toBeLessThanOrEqual(390);
    await deskPage.goto(`${server.url}/tickets`);
    await expect.poll(() => deskPage.getByTestId('tickets-table').locator('thead th').count()).toBe(1);
    await screenshot(deskPage, 't12-tickets-list-phone');
    expect(await scrollWidth(deskPage)).toBeLessThanOrEqual(390);
    await deskPage.goto(`${server.url}/tickets/${ticketId}`);
    await expect.poll(() => ticketState(deskPage)).toBe('closed');
    await screenshot(deskPage, 't13-ticket-office-phone');
    expect(await scrollWidth(deskPage)).toBeLessThanOrEqual(390);
    await deskPage.goto(`${server.url}/tickets/new`);
    await deskPage.getByTestId('ticket-form-enterprise').waitFor();
    await deskPage.setViewportSize({ width: 1280, height: 900 });
    await screenshot(deskPage, 't14-raise-form');
    await deskPage.goto(`${server.url}/inbox`);
    await deskPage.getByTestId('inbox-tickets').waitFor();
    await screenshot(deskPage, 't15-inbox-office');
  });

  it('switches to English: the ticket, its clocks read again in English', async () => {
    await deskPage.goto(`${server.url}/tickets/${overdueAssigned}`);
    await expect.poll(() => ticketState(deskPage)).toBe('handling');
    await deskPage.getByTestId('lang-switch').getByText('EN').click();
    await expect.poll(() => deskPage.getByTestId('ticket-state').textContent()).toBe('Being handled');
    // The clocks are the server's words: the page reads the ticket again in English.
    await expect.poll(() => deskPage.getByTestId('ticket-clocks').textContent()).toMatch(/working days? overdue/);
    expect(await deskPage.getByTestId('ticket-actions').textContent()).toContain('Send the answer');
    await screenshot(deskPage, 't16-ticket-en');
    await deskPage.getByTestId('lang-switch').getByText('中文').click();
  });

  it("opens the tickets behind 兰江街道's November figures from the race's ranking", async () => {
    // December: November has ended and can be ranked; sessions do not outlive the days, so sign in again.
    now = new Date('2026-12-01T02:00:00Z');
    await admin.signIn('admin', ADMIN_PASSWORD);
    const race = await admin.post('/api/v1/races', {
      name: '2026年涉企问题赛马',
      periodKind: 'month',
      indicators: [
        { key: 'ticketClosureRate', weight: 50, method: 'efficacyCoefficient', params: {} },
        { key: 'ticketsOverdue', weight: 50, method: 'efficacyCoefficient', params: {} },
      ],
      topN: 1,
      bottomN: 1,
    });
    expect(race.status, JSON.stringify(race.body)).toBe(201);
    await signIn(deskPage, server.url, 'office', PASSWORD);
    await deskPage.goto(`${server.url}/races/${race.body.id}?year=2026&period=11`);
    await deskPage.getByTestId(`drill-ticketsOverdue-${lanjiang}`).click();
    await deskPage.getByTestId('records-tickets').waitFor();
    const rows = deskPage.getByTestId('records-tickets').locator('tbody tr.ant-table-row');
    // The two problems left past their clocks since the first week of November; the rated one is not overdue.
    await expect.poll(() => rows.count()).toBe(2);
    expect(await deskPage.getByTestId('records-summary').textContent()).toContain('共 2 件涉企问题');
    await screenshot(deskPage, 't17-race-ticket-records');
    await deskPage.setViewportSize({ width: 390, height: 844 });
    await screenshot(deskPage, 't17-race-ticket-records-phone');
    expect(await scrollWidth(deskPage)).toBeLessThanOrEqual(390);
    await deskPage.setViewportSize({ width: 1280, height: 900 });
  });
});
