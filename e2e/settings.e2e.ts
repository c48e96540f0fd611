import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import type { ApiClient } from '../test/support/client.ts';
import { buildEnterprise } from '../test/support/enterprises.ts';
import { ADMIN_PASSWORD, buildUser, PASSWORD, setUpCounty } from '../test/support/factories.ts';
import { startTestServer, type TestServer } from '../test/support/server.ts';
import { choose } from './support/antd.ts';
import { ARTIFACTS, launchBrowser, screenshot, signIn } from './support/browser.ts';

/** Monday 2026-11-02, 10:00 in Lanxi: a ticket raised now under “standard” is due tomorrow. */
const TODAY = new Date('2026-11-02T02:00:00Z');
const SECRET = 'settings-webhook-secret-2026';

/**
 * The project office sets when licence reminders go out (a reminder at 0 days is refused at its field first) and
 * a time limit of the tickets (an amount of 0 is refused beside its cell); a coordinator opens 我的通知 from the
 * header, gives an e-mail address and ticks the webhook for tickets; the day's reminders go out, and the
 * administrator reads the delivery log, one delivered and one refused by the receiver. Each page at 1280 and 390 px.
 */
describe('reminder and notification settings in Chromium', () => {
  let server: TestServer;
  let hook: http.Server;
  let browser: Browser;
  let page: Page;
  let office: ApiClient;
  const received: string[] = [];

  beforeAll(async () => {
    // The county's receiver: takes the first copy, refuses the next with 410 (which is not retried).
    hook = http.createServer((req, res) => {
      req.resume();
      req.on('end', () => {
        received.push(String(req.headers['x-lantern-event']));
        res.writeHead(received.length === 1 ? 200 : 410).end('{}');
      });
    });
    await new Promise<void>((resolve) => hook.listen(0, '127.0.0.1', resolve));
    server = await startTestServer('sqlite', {
      web: true,
      clock: () => TODAY,
      env: {
        LANTERN_WEBHOOK_URL: `http://127.0.0.1:${(hook.address() as AddressInfo).port}/hook`,
        LANTERN_WEBHOOK_SECRET: SECRET,
      },
    });
    const county = await setUpCounty(server.url);
    const { admin } = county;
    const lanxi = county.unit('兰溪市').id;
    const township = county.unit('兰江街道').id;
    office = (
      await buildUser(admin, server.url, {
        username: 'office',
        role: 'coordinator',
        unitId: lanxi,
        displayName: '项目办王主任',
      })
    ).client;
    // A second coordinator who already chose the webhook for tickets.
    const colleague = (
      await buildUser(admin, server.url, {
        username: 'office2',
        role: 'coordinator',
        unitId: lanxi,
        displayName: '项目办李科长',
      })
    ).client;
    await colleague.put('/api/v1/me/notifications', { email: null, events: { 'ticket.due': ['webhook'] } });
    const enterpriseId = await buildEnterprise(admin, township, 1);
    const firm = (
      await buildUser(admin, server.url, { username: 'firm', role: 'enterprise', unitId: township, enterpriseId })
    ).client;
    const raised = await firm.post('/api/v1/tickets', {
      category: 'energy',
      description: '用电增容申请迟迟未批',
      slaProfile: 'standard',
    });
    expect(raised.status, JSON.stringify(raised.body)).toBe(201);
    browser = await launchBrowser();
    page = await browser.newPage({ viewport: { width: 1280, height: 900 }, locale: 'zh-CN' });
    await signIn(page, server.url, 'office', PASSWORD);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
    if (hook) await new Promise<void>((resolve) => hook.close(() => resolve()));
  });

  const scrollWidth = () => page.evaluate(() => document.documentElement.scrollWidth);
  const offset = (i: number) => page.getByTestId(`licence-offset-${i}`);
  const offsetsError = () => page.getByTestId('licence-offsets-error');
  /** Before a picture: the saved toasts gone, the page at its top (the sticky header is drawn where it scrolled). */
  const settle = async () => {
    await expect.poll(() => page.locator('.ant-message-notice').count()).toBe(0);
    await page.evaluate(() => window.scrollTo(0, 0));
  };
  const offsets = async () => (await office.get('/api/v1/reminder-settings')).body.licenceOffsets as number[];
  const standard = async () =>
    (
      (await office.get('/api/v1/ticket-settings')).body as {
        defaultProfile: string;
        profiles: { key: string; close: { complex: { amount: number } } }[];
      }
    ).profiles.find((p) => p.key === 'standard')!;

  it('refuses a reminder at 0 days at its field and keeps the offsets, then saves new ones', async () => {
    await page.goto(`${server.url}/settings/reminders`);
    await offset(3).waitFor();
    const shown = await Promise.all([0, 1, 2, 3].map((i) => offset(i).inputValue()));
    expect(shown).toEqual(['90', '60', '30', '7']);
    expect(await page.getByTestId('page-title').textContent()).toBe('提醒与办理时限');
    await screenshot(page, 's1-reminder-settings');

    await offset(3).fill('0');
    await page.getByTestId('licence-offsets-save').click();
    await expect.poll(() => offsetsError().textContent()).toBe('提醒时间应为到期前 1 至 365 天的整数');
    expect(await offsets()).toEqual([90, 60, 30, 7]);
    await page.getByTestId('licence-offsets').screenshot({ path: path.join(ARTIFACTS, 's2-offsets-refused.png') });

    await offset(3).fill('14');
    await page.getByTestId('licence-offset-add').click();
    await offset(4).fill('3');
    await page.getByTestId('licence-offsets-save').click();
    await expect.poll(offsets).toEqual([90, 60, 30, 14, 3]);
    await expect.poll(() => offsetsError().count()).toBe(0);
    expect(await page.getByTestId('licence-offsets-summary').textContent()).toContain('到期前 90、60、30、14、3 天');
  });

  it('refuses a time limit of 0 beside its cell and keeps the profile, then saves the amount and the default', async () => {
    const complex = page.getByTestId('sla-standard-close.complex');
    expect(await complex.inputValue()).toBe('25');
    // Only the shipped “333” awaits the county's confirmation.
    expect(await page.getByTestId('sla-to-confirm-333').textContent()).toBe('待本县确认');
    expect(await page.getByTestId('sla-to-confirm-standard').count()).toBe(0);

    await complex.fill('0');
    await page.getByTestId('sla-save').click();
    const cell = complex.locator('xpath=ancestor::td[1]');
    await expect.poll(() => cell.textContent()).toContain('时限应为 1 以上的整数');
    // The field's name is the cell's place: it is not repeated in the message beside it.
    expect(await cell.textContent()).not.toContain('profiles.');
    expect(await page.getByTestId('sla-error').count()).toBe(0);
    expect((await standard()).close.complex.amount).toBe(25);
    await page.getByTestId('sla-profile-standard').screenshot({ path: path.join(ARTIFACTS, 's3-sla-refused.png') });

    await complex.fill('20');
    await choose(page, 'sla-default', '常规办理');
    await page.getByTestId('sla-save').click();
    await expect.poll(async () => (await standard()).close.complex.amount).toBe(20);
    expect((await office.get('/api/v1/ticket-settings')).body.defaultProfile).toBe('standard');
    await expect.poll(() => cell.textContent()).not.toContain('时限应为');
    await expect.poll(() => page.getByTestId('sla-profile-standard').textContent()).toContain('默认');
    await settle();
    await screenshot(page, 's4-reminder-settings-saved');
  });

  it('reads on a phone without scrolling sideways', async () => {
    await page.setViewportSize({ width: 390, height: 844 });
    await page.getByTestId('sla-profile-standard').waitFor();
    await expect.poll(scrollWidth).toBeLessThanOrEqual(390);
    await settle();
    await screenshot(page, 's5-reminder-settings-phone');
    await page.setViewportSize({ width: 1280, height: 900 });
  });

  it('opens 我的通知 from the header, refuses a bad address at its field, then saves the address and the webhook', async () => {
    await page.getByTestId('current-user').waitFor();
    await page.getByTestId('user-menu').click();
    await page.getByTestId('user-menu-notifications').click();
    await page.waitForURL((url) => url.pathname === '/settings/notifications');
    const form = page.getByTestId('my-notifications-form');
    await form.waitFor();
    // Only the webhook is set up here: no e-mail channel to tick, and the page says so at the address.
    const ticketDue = page.getByTestId('my-event-ticket.due');
    expect(await ticketDue.getByRole('checkbox').count()).toBe(2);
    expect(await form.textContent()).toContain('本系统尚未开通邮件渠道');
    expect(await page.getByTestId('my-no-channels').count()).toBe(0);

    await page.getByTestId('my-email').fill('office-at-lanxi');
    await page.getByTestId('my-save').click();
    await expect.poll(() => page.locator('.ant-form-item-has-error [data-testid="my-email"]').count()).toBe(1);
    expect((await office.get('/api/v1/me/notifications')).body.email).toBeNull();

    await page.getByTestId('my-email').fill('office@lanxi.gov.cn');
    await ticketDue.getByText('系统对接（Webhook）').click();
    await page.getByTestId('my-save').click();
    await expect
      .poll(async () => (await office.get('/api/v1/me/notifications')).body)
      .toEqual({
        email: 'office@lanxi.gov.cn',
        events: { 'licence.expiring': [], 'ticket.due': ['webhook'] },
        available: ['webhook'],
      });
    await expect.poll(() => page.locator('.ant-form-item-has-error').count()).toBe(0);
    await settle();
    await screenshot(page, 's6-my-notifications');
    await page.setViewportSize({ width: 390, height: 844 });
    await form.waitFor();
    // The layout follows the new width once the breakpoints have re-rendered: wait for it, not for a time.
    await expect.poll(scrollWidth).toBeLessThanOrEqual(390);
    await screenshot(page, 's7-my-notifications-phone');
    await page.setViewportSize({ width: 1280, height: 900 });
  });

  it('keeps the delivery log from the office and shows it to the administrator, delivered and refused', async () => {
    await page.goto(`${server.url}/settings/deliveries`);
    await expect.poll(() => page.getByText('没有访问权限').count()).toBe(1);

    // The administrator's own window: nothing sent yet.
    page = await browser.newPage({ viewport: { width: 1280, height: 900 }, locale: 'zh-CN' });
    await signIn(page, server.url, 'admin', ADMIN_PASSWORD);
    await page.goto(`${server.url}/settings/deliveries`);
    const table = page.getByTestId('deliveries-table');
    await expect.poll(() => table.textContent()).toContain('还没有发送记录');
    await screenshot(page, 's8-deliveries-empty');

    // The day's reminders: the ticket due tomorrow reaches both coordinators by the webhook.
    const run = await server.services.dailyReminders.run('reminders:e2e');
    expect(run).toMatchObject({ ran: true, delivered: 1 });
    expect(received).toEqual(['ticket.due', 'ticket.due']);

    await page.reload();
    await expect.poll(() => table.locator('tbody tr.ant-table-row').count()).toBe(2);
    expect(await table.getByTestId('delivery-ok').count()).toBe(1);
    expect(await table.getByTestId('delivery-failed').count()).toBe(1);
    const text = await table.textContent();
    for (const words of [
      '系统对接（Webhook）',
      '涉企问题临期、超期提醒',
      '项目办王主任',
      '项目办李科长',
      '410',
      '2026-11-02',
    ])
      expect(text).toContain(words);
    expect(await page.getByTestId('deliveries-pagination').textContent()).toContain('共 2 条');
    await screenshot(page, 's9-deliveries');

    await page.setViewportSize({ width: 390, height: 844 });
    await table.waitFor();
    await expect.poll(scrollWidth).toBeLessThanOrEqual(390);
    // The wide table scrolls within itself.
    const inner = table.locator('.ant-table-content').first();
    await expect.poll(() => inner.evaluate((el) => el.scrollWidth > el.clientWidth)).toBe(true);
    await screenshot(page, 's10-deliveries-phone');
  });

  it('reads in English', async () => {
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.goto(`${server.url}/settings/reminders`);
    await page.getByTestId('lang-switch').getByText('EN').click();
    await expect.poll(() => page.getByTestId('page-title').textContent()).toBe('Reminders and time limits');
    await expect.poll(() => page.getByTestId('sla-profile-standard').textContent()).toContain('Close (Complex)');
    await screenshot(page, 's11-reminder-settings-en');
  });
});
