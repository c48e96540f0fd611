import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import type { ApiClient } from '../test/support/client.ts';
import { buildEnterprise, creditCodeFor, licenceBody } from '../test/support/enterprises.ts';
import { ADMIN_PASSWORD, buildUser, PASSWORD, setUpCounty } from '../test/support/factories.ts';
import { buildProject } from '../test/support/projects.ts';
import { startTestServer, type TestServer } from '../test/support/server.ts';
import { choose, typeDate } from './support/antd.ts';
import { launchBrowser, screenshot, signIn } from './support/browser.ts';

/** The server's clock: the county's today is 2026-11-23, so a licence ending 2026-12-03 has 10 days left. */
const TODAY = new Date('2026-11-23T02:00:00Z');
const NAME = '浙江兰溪纺织科技有限公司';
/** A valid code of the county (makeCreditCode('91330781000000123')); the wrong one differs in its check character. */
const CODE = creditCodeFor(123);
const WRONG_CODE = CODE.slice(0, 17) + (CODE[17] === '0' ? '1' : '0');

/**
 * An administrator registers an enterprise through the form (a mistyped credit code is named on its field first),
 * sees the project it owns linked, adds a licence that ends in ten days and finds it on 证照临期; then renews and
 * deletes a licence, the enterprise's own account opens its page from the registry, and the pages read on a phone.
 */
describe('the enterprise registry in Chromium', () => {
  let server: TestServer;
  let browser: Browser;
  let page: Page;
  let admin: ApiClient;
  let lanjiang: number;
  let enterpriseId: number;
  let projectId: number;

  beforeAll(async () => {
    server = await startTestServer('sqlite', { web: true, clock: () => TODAY });
    const county = await setUpCounty(server.url);
    admin = county.admin;
    lanjiang = county.unit('兰江街道').id;
    // The project the new enterprise owns: linked by its credit code when the enterprise is registered.
    projectId = (
      await buildProject(admin, lanjiang, { name: '年产五万吨功能性面料项目', ownerName: NAME, ownerCreditCode: CODE })
    ).id;
    const shanghua = county.unit('上华街道').id;
    await buildEnterprise(admin, shanghua, 1, { name: '兰溪市上华精密机械有限公司', flags: ['highTech', 'listed'] });
    await buildEnterprise(admin, lanjiang, 2, { name: '兰溪市兰江食品有限公司', scale: 'below', flags: [] });
    const expired = await buildEnterprise(admin, shanghua, 3, { name: '兰溪市上华化工有限公司' });
    // One licence that ran out three weeks ago, one still years away.
    await admin.post(`/api/v1/enterprises/${expired}/licences`, licenceBody(3, '2026-11-01', '2021-11-02'));
    await admin.post(`/api/v1/enterprises/${expired}/licences`, {
      ...licenceBody(4, '2029-06-30'),
      type: 'safetyProduction',
    });
    browser = await launchBrowser();
    page = await browser.newPage({ viewport: { width: 1280, height: 900 }, locale: 'zh-CN' });
    await signIn(page, server.url, 'admin', ADMIN_PASSWORD);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  const scrollWidth = () => page.evaluate(() => document.documentElement.scrollWidth);
  const creditCodeError = () =>
    page
      .locator('.ant-form-item', { has: page.getByTestId('enterprise-form-credit-code') })
      .locator('.ant-form-item-explain-error')
      .textContent();

  it('lists the registry and filters it by township and flag', async () => {
    await page.goto(`${server.url}/enterprises`);
    const total = page.getByTestId('enterprises-total');
    await expect.poll(() => total.getAttribute('data-total')).toBe('3');
    await choose(page, 'enterprises-flag', '高新技术企业');
    await page.waitForURL(/flag=highTech/);
    await expect.poll(() => total.getAttribute('data-total')).toBe('1');
    expect(await page.getByTestId('enterprises-table').textContent()).toContain('兰溪市上华精密机械有限公司');
    await page.getByTestId('enterprises-reset').click();
    await expect.poll(() => total.getAttribute('data-total')).toBe('3');
    await choose(page, 'enterprises-township', '兰江街道');
    await expect.poll(() => total.getAttribute('data-total')).toBe('1');
    await page.getByTestId('enterprises-reset').click();
    await expect.poll(() => total.getAttribute('data-total')).toBe('3');
  });

  it('registers an enterprise through the form: a wrong credit code is named on its field, a valid one saves', async () => {
    await page.getByTestId('enterprise-create').click();
    const form = page.getByTestId('enterprise-form');
    await form.waitFor();
    await page.getByTestId('enterprise-form-name').fill(NAME);
    await page.getByTestId('enterprise-form-credit-code').fill(WRONG_CODE);
    await page.getByTestId('enterprise-form-industry').click();
    await page.keyboard.type('纺织业');
    await page
      .locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option')
      .filter({ hasText: '纺织业' })
      .first()
      .click();
    await page.getByTestId('enterprise-form-scale').getByText('规上').click();
    await choose(page, 'enterprise-form-township', '兰江街道');
    await page.getByTestId('enterprise-form-address').fill('兰溪市兰江街道纺织路 8 号');
    await page.getByTestId('enterprise-form-contact-name-0').fill('王建国');
    await page.getByTestId('enterprise-form-contact-phone-0').fill('13857912345');
    await page.getByTestId('enterprise-form-contact-role-0').fill('总经理');
    // A second row, then a third that is removed again.
    await page.getByTestId('enterprise-form-add-contact').click();
    await page.getByTestId('enterprise-form-contact-name-1').fill('李安全');
    await page.getByTestId('enterprise-form-contact-phone-1').fill('0579-88881234');
    await page.getByTestId('enterprise-form-add-contact').click();
    await page.getByTestId('enterprise-form-contact-name-2').fill('多余的一行');
    await page.getByTestId('enterprise-form-contact-remove-2').click();
    await expect.poll(() => page.getByTestId('enterprise-form-contact-name-2').count()).toBe(0);
    await page.getByTestId('enterprise-form-flags').getByText('专精特新', { exact: true }).click();
    await page.getByTestId('enterprise-form-flags').getByText('高新技术企业').click();

    await page.getByTestId('enterprise-form-save').click();
    await expect.poll(creditCodeError).toBe(`统一社会信用代码“${WRONG_CODE}”的校验位不对，请核对是否录错`);
    expect(new URL(page.url()).pathname).toBe('/enterprises');
    expect((await admin.get('/api/v1/enterprises')).body.total).toBe(3);
    await screenshot(page, 'b0-enterprise-form-error');

    await page.getByTestId('enterprise-form-credit-code').fill(CODE);
    await page.getByTestId('enterprise-form-save').click();
    await page.waitForURL(/\/enterprises\/\d+$/);
    enterpriseId = Number(new URL(page.url()).pathname.split('/').pop());
    const detail = page.getByTestId('enterprise-detail');
    await expect.poll(() => detail.getAttribute('data-enterprise-id')).toBe(String(enterpriseId));
    expect(await page.getByTestId('page-title').textContent()).toBe(NAME);
    expect(await page.getByTestId('enterprise-credit-code').textContent()).toContain(CODE);
    const basic = await page.getByTestId('enterprise-basic').textContent();
    for (const text of ['17 纺织业', '规上', '兰江街道', '纺织路 8 号', '专精特新', '高新技术企业'])
      expect(basic).toContain(text);
    const contacts = await page.getByTestId('enterprise-contacts').textContent();
    expect(contacts).toContain('王建国 · 总经理');
    expect(contacts).toContain('0579-88881234');
    expect(contacts).not.toContain('多余的一行');
    // The project it owns was linked by the credit code; its link opens the project.
    await page.getByTestId(`enterprise-project-${projectId}`).waitFor();
    expect(await page.getByTestId('enterprise-projects').textContent()).toContain('总投资 3,000.00 万元');

    const stored = (await admin.get(`/api/v1/enterprises/${enterpriseId}`)).body;
    expect(stored).toMatchObject({
      creditCode: CODE,
      industryCode: '17',
      scale: 'above',
      townshipUnitId: lanjiang,
      flags: ['specialised', 'highTech'],
      contacts: [
        { name: '王建国', phone: '13857912345', role: '总经理' },
        { name: '李安全', phone: '0579-88881234' },
      ],
    });
    expect(stored.projects.map((p: { id: number }) => p.id)).toEqual([projectId]);
  });

  it('adds a licence that ends in 10 days, shown as expiring', async () => {
    await page.getByTestId('licence-add').click();
    await page.getByTestId('licence-form').waitFor();
    await choose(page, 'licence-form-type', '排污许可证');
    await page.getByTestId('licence-form-number').fill('91330781PW000123001V');
    await page.getByTestId('licence-form-issuer').fill('金华市生态环境局兰溪分局');
    await typeDate(page, 'licence-form-valid-from', '2021-12-04');
    // The end its type is usually issued for (five years) is proposed; this one ends sooner.
    await expect.poll(() => page.getByTestId('licence-form-valid-to').inputValue()).toBe('2026-12-03');
    await typeDate(page, 'licence-form-valid-to', '2026-12-03');
    await page.getByTestId('licence-form-save').click();
    await page.getByTestId('licence-form').waitFor({ state: 'detached' });

    const licences = page.getByTestId('enterprise-licences');
    await expect.poll(() => licences.textContent()).toContain('剩 10 天');
    const [licence] = (await admin.get(`/api/v1/enterprises/${enterpriseId}`)).body.licences;
    expect(licence).toMatchObject({ validFrom: '2021-12-04', validTo: '2026-12-03', daysLeft: 10, status: 'expiring' });
    expect(await page.getByTestId(`licence-status-${licence.id}`).getAttribute('data-status')).toBe('expiring');
    expect(await page.getByTestId(`licence-status-${licence.id}`).textContent()).toBe('即将到期');
    await screenshot(page, 'b1-enterprise-detail');
  });

  it('finds it on 证照临期 with the expired count, in each window', async () => {
    await page.goto(`${server.url}/licences`);
    const table = page.getByTestId('licences-table');
    await expect.poll(() => page.getByTestId('licences-expired').getAttribute('data-count')).toBe('1');
    await expect.poll(() => page.getByTestId('licences-expiring').getAttribute('data-count')).toBe('1');
    // Soonest first: the expired one, then the one ending in ten days; the one ending in 2029 is not listed.
    const rows = table.locator('tbody tr.ant-table-row');
    await expect.poll(() => rows.count()).toBe(2);
    expect(await rows.nth(0).textContent()).toContain('已过期 22 天');
    expect(await rows.nth(1).textContent()).toContain(NAME);
    expect(await rows.nth(1).textContent()).toContain('剩 10 天');
    expect(await table.textContent()).not.toContain('安全生产许可证');
    await screenshot(page, 'b2-licences');

    await choose(page, 'licences-within', '30 天内到期');
    await page.waitForURL(/withinDays=30/);
    await expect.poll(() => rows.count()).toBe(2);
    // Each row leads to its enterprise.
    await table.getByText(NAME).click();
    await page.waitForURL(new RegExp(`/enterprises/${enterpriseId}$`));
    await page.getByTestId('enterprise-licences').waitFor();
  });

  it('renews a licence by editing its end, and deletes one', async () => {
    const [licence] = (await admin.get(`/api/v1/enterprises/${enterpriseId}`)).body.licences;
    await page.getByTestId(`licence-edit-${licence.id}`).click();
    await page.getByTestId('licence-form').waitFor();
    await typeDate(page, 'licence-form-valid-to', '2031-12-03');
    await page.getByTestId('licence-form-save').click();
    const status = page.getByTestId(`licence-status-${licence.id}`);
    await expect.poll(() => status.getAttribute('data-status')).toBe('valid');
    expect(await status.textContent()).toBe('有效');

    await page.getByTestId(`licence-delete-${licence.id}`).click();
    await page.locator('.ant-popconfirm .ant-btn-dangerous').click();
    await expect.poll(() => status.count()).toBe(0);
    expect((await admin.get(`/api/v1/enterprises/${enterpriseId}`)).body.licences).toEqual([]);
  });

  it("opens the enterprise account's own page from the registry, where it may keep its contacts only", async () => {
    await buildUser(admin, server.url, {
      username: 'fangzhi',
      role: 'enterprise',
      unitId: lanjiang,
      enterpriseId,
      displayName: '纺织科技王建国',
    });
    await signIn(page, server.url, 'fangzhi', PASSWORD);
    await page.goto(`${server.url}/enterprises`);
    await page.waitForURL(new RegExp(`/enterprises/${enterpriseId}$`));
    await page.getByTestId('enterprise-edit').click();
    await page.getByTestId('enterprise-form').waitFor();
    expect(await page.getByTestId('enterprise-form-name').isDisabled()).toBe(true);
    await page.getByTestId('enterprise-form-contact-phone-0').fill('13857954321');
    await page.getByTestId('enterprise-form-save').click();
    await page.getByTestId('enterprise-form').waitFor({ state: 'detached' });
    await expect.poll(() => page.getByTestId('enterprise-contacts').textContent()).toContain('13857954321');
    await signIn(page, server.url, 'admin', ADMIN_PASSWORD);
  });

  it('reads on a phone: the registry, an enterprise, the form and 证照临期 fit 390 px', async () => {
    await admin.post(`/api/v1/enterprises/${enterpriseId}/licences`, licenceBody(5, '2026-12-03', '2021-12-04'));
    await page.goto(`${server.url}/enterprises`);
    await expect.poll(() => page.getByTestId('enterprises-total').getAttribute('data-total')).toBe('4');
    await screenshot(page, 'b3-enterprises');
    await page.setViewportSize({ width: 390, height: 844 });
    await expect.poll(() => page.getByTestId('enterprises-table').locator('thead th').count()).toBe(2);
    await screenshot(page, 'b3-enterprises-phone');
    expect(await scrollWidth()).toBeLessThanOrEqual(390);

    await page.getByTestId('enterprise-create').click();
    await page.getByTestId('enterprise-form').waitFor();
    await page.getByTestId('enterprise-form-add-contact').click();
    await screenshot(page, 'b3-enterprise-form-phone');
    const box = (await page.getByRole('dialog').boundingBox())!;
    expect(box.x).toBeGreaterThanOrEqual(0);
    expect(box.x + box.width).toBeLessThanOrEqual(390);
    expect(await scrollWidth()).toBeLessThanOrEqual(390);
    await page.keyboard.press('Escape');
    await page.getByTestId('enterprise-form').waitFor({ state: 'detached' });

    await page.goto(`${server.url}/enterprises/${enterpriseId}`);
    await expect.poll(() => page.getByTestId('enterprise-licences').textContent()).toContain('剩 10 天');
    await screenshot(page, 'b4-enterprise-detail-phone');
    expect(await scrollWidth()).toBeLessThanOrEqual(390);

    await page.goto(`${server.url}/licences`);
    await expect.poll(() => page.getByTestId('licences-table').locator('tbody tr.ant-table-row').count()).toBe(2);
    await screenshot(page, 'b5-licences-phone');
    expect(await scrollWidth()).toBeLessThanOrEqual(390);
    const table = page.getByTestId('licences-table');
    expect(await table.evaluate((el) => el.scrollWidth <= el.clientWidth)).toBe(true);
    await page.setViewportSize({ width: 1280, height: 900 });
  });

  it('reads in English: an enterprise with its licence', async () => {
    await page.goto(`${server.url}/enterprises/${enterpriseId}`);
    await page.getByTestId('enterprise-licences').waitFor();
    await page.getByTestId('lang-switch').getByText('EN').click();
    await expect.poll(() => page.getByTestId('enterprise-licences').textContent()).toContain('10 days left');
    const basic = await page.getByTestId('enterprise-basic').textContent();
    for (const text of ['Unified social credit code', 'Above designated size', 'High-tech enterprise']) {
      expect(basic).toContain(text);
    }
    expect(await page.getByTestId('enterprise-licences').textContent()).toContain('Pollutant discharge permit');
    await screenshot(page, 'b6-enterprise-detail-en');
    await page.getByTestId('lang-switch').getByText('中文').click();
  });
});
