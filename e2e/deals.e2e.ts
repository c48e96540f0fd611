import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { ApiClient } from '../test/support/client.ts';
import { ADMIN_PASSWORD, buildUser, PASSWORD, setUpCounty } from '../test/support/factories.ts';
import { startTestServer, type TestServer } from '../test/support/server.ts';
import { choose, chooseInTree, typeDate } from './support/antd.ts';
import { launchBrowser, screenshot as fullPage, signIn } from './support/browser.ts';

/** Tuesday 2026-09-01, 10:00 in Lanxi: the county's deals are entered; the office works a new lead through. */
const D0 = new Date('2026-09-01T02:00:00Z');
/** Tuesday 2026-11-10, 10:00: seventy days after signing, the project has not started (75% of 90 is day 68). */
const D1 = new Date('2026-11-10T02:00:00Z');
const DEAL = '年产20万套新能源汽车电驱系统项目';
const INVESTOR = '宁波华科电驱科技股份有限公司';
const TEAM = '沪苏招商小分队';

/**
 * 招商 in Chromium: the project office enters a lead on the kanban, drags it to 研判 and 在谈 (the stages it may not
 * go to refuse it), drags it to 签约 (the dialog asks for the date and the amount, and names the field the server
 * refuses), converts it into a project and opens the project's page; seventy days later the project's sign → start
 * light is yellow, the figures list it among the signed deals not started, and the team's week reads on a phone.
 * Pictures of the kanban, the deal, the figures and the team's log at 1280 and 390 px.
 */
describe('investment deals in Chromium', () => {
  let now = D0;
  let server: TestServer;
  let browser: Browser;
  let desk: BrowserContext;
  let phone: BrowserContext;
  let deskPage: Page;
  let phonePage: Page;
  let admin: ApiClient;
  let office: ApiClient;
  let scout: ApiClient;
  let teamId: number;
  let dealId: number;
  let projectId: number;
  let waitingLead: number;
  const seeded: Record<string, number> = {};

  const must = async <T = any>(res: Promise<{ status: number; body: any }>): Promise<T> => {
    const r = await res;
    if (r.status >= 300) throw new Error(`${r.status} ${JSON.stringify(r.body)}`);
    return r.body as T;
  };
  const move = async (client: ApiClient, id: number, body: Record<string, unknown>) => {
    const { version } = await must(client.get(`/api/v1/deals/${id}`));
    return must(client.post(`/api/v1/deals/${id}/moves`, { version, ...body }));
  };

  beforeAll(async () => {
    server = await startTestServer('sqlite', { web: true, clock: () => now });
    const county = await setUpCounty(server.url);
    admin = county.admin;
    const unit = (name: string) => county.unit(name).id;
    office = (await buildUser(admin, server.url, { username: 'office', role: 'coordinator', unitId: unit('兰溪市') }))
      .client;
    const scoutUser = await buildUser(admin, server.url, {
      username: 'scout',
      role: 'unit_editor',
      unitId: unit('梅江镇'),
      displayName: '梅江镇招商专员',
    });
    scout = scoutUser.client;
    teamId = (
      await must(
        office.post('/api/v1/deal-teams', {
          name: TEAM,
          unitId: unit('兰江街道'),
          leaderName: '王副镇长',
          memberIds: [scoutUser.id],
        }),
      )
    ).id;
    const shenzhen = (
      await must(
        office.post('/api/v1/deal-teams', { name: '深圳招商小分队', unitId: unit('云山街道'), leaderName: '陈主任' }),
      )
    ).id;

    // The county's deals so far: one at each stage, from several places and chains.
    const lead = async (key: string, body: Record<string, unknown>) => {
      seeded[key] = (
        await must(
          office.post('/api/v1/deals', {
            investorListing: 'unlisted',
            kind: 'industry',
            unitId: unit('兰江街道'),
            ...body,
          }),
        )
      ).id;
      return seeded[key]!;
    };
    await lead('fibre', {
      name: '高性能纤维新材料项目',
      investorName: '杭州恒新材料有限公司',
      sourceRegion: 'hangzhou',
      chainKey: 'newMaterials',
      linkKey: 'highPerformanceFibre',
      intendedInvestmentWan: '30000',
      teamId,
    });
    await lead('parts', {
      name: '汽车精密零部件扩产项目',
      investorName: '苏州精工装备股份有限公司',
      investorListing: 'listed',
      sourceRegion: 'shanghaiJiangsu',
      chainKey: 'advancedEquipment',
      linkKey: 'autoParts',
      intendedInvestmentWan: '50000',
      teamId,
    });
    await move(office, seeded.parts!, { to: 'assessing' });
    await lead('pharma', {
      name: '生物医药研发及产业化基地',
      investorName: '深圳康源生物科技有限公司',
      sourceRegion: 'shenzhen',
      chainKey: 'biomedicine',
      intendedInvestmentWan: '120000',
      unitId: unit('云山街道'),
      teamId: shenzhen,
    });
    await move(office, seeded.pharma!, { to: 'assessing' });
    await move(office, seeded.pharma!, { to: 'negotiating' });
    await lead('logistics', {
      name: '智能物流装备产业园',
      investorName: '上海启航智能装备有限公司',
      sourceRegion: 'shanghaiJiangsu',
      chainKey: 'advancedEquipment',
      linkKey: 'logisticsEquipment',
      intendedInvestmentWan: '200000',
      teamId,
    });
    for (const to of ['assessing', 'negotiating']) await move(office, seeded.logistics!, { to });
    await move(office, seeded.logistics!, { to: 'signed', signedOn: '2026-06-15', signedAmountWan: '180000' });
    await lead('optics', {
      name: '光电显示模组项目',
      investorName: '温州光启电子有限公司',
      sourceRegion: 'wenzhou',
      chainKey: 'electronics',
      linkKey: 'optoelectronics',
      intendedInvestmentWan: '15000',
      unitId: unit('云山街道'),
      teamId: shenzhen,
    });
    for (const to of ['assessing', 'negotiating']) await move(office, seeded.optics!, { to });
    await move(office, seeded.optics!, { to: 'signed', signedOn: '2026-07-01', signedAmountWan: '16000' });
    const { version } = await must(office.get(`/api/v1/deals/${seeded.optics}`));
    await must(office.post(`/api/v1/deals/${seeded.optics}/convert`, { version, industryCode: '39' }));
    await move(office, seeded.optics!, { to: 'landed', landedOn: '2026-08-20' });
    await lead('ecommerce', {
      name: '跨境电商产业园',
      investorName: 'Pacific Trade Ltd.',
      sourceRegion: 'overseas',
      chainKey: 'digitalEconomy',
      intendedInvestmentWan: '8000',
    });
    await move(office, seeded.ecommerce!, { to: 'shelved', reason: '投资方资金链调整，明年再议' });
    await lead('tourism', {
      name: '文旅综合体项目',
      sourceRegion: 'other',
      chainKey: 'modernServices',
      intendedInvestmentWan: '15000',
      unitId: unit('梅江镇'),
    });
    await move(office, seeded.tourism!, { to: 'terminated', reason: '选址与生态红线冲突' });
    waitingLead = seeded.fibre!;

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

  /** A full-page picture from the top, the pointer off any tooltip. */
  const screenshot = async (page: Page, name: string) => {
    const { width, height } = page.viewportSize()!;
    await page.mouse.move(width - 2, height - 2);
    await page.evaluate(() => window.scrollTo(0, 0));
    return fullPage(page, name);
  };
  const scrollWidth = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth);
  const card = (page: Page, id: number) => page.getByTestId(`deal-card-${id}`);
  const column = (page: Page, stage: string) => page.getByTestId(`deal-column-${stage}`);
  const stageOf = (page: Page, id: number) => card(page, id).getAttribute('data-stage');
  const fieldError = (page: Page, testId: string) =>
    page
      .locator('.ant-form-item', { has: page.getByTestId(testId) })
      .locator('.ant-form-item-explain-error')
      .textContent();

  it('the office enters a lead on the kanban and drags it to 研判 and 在谈; other stages refuse it', async () => {
    await signIn(deskPage, server.url, 'office', PASSWORD);
    // The menu offers the deals and their figures.
    const menu = await deskPage.getByTestId('nav-menu').textContent();
    expect(menu).toContain('招商项目');
    expect(menu).toContain('招商分析');
    await deskPage.getByTestId('nav-menu').getByText('招商项目').click();
    await deskPage.waitForURL(/\/deals$/);
    await expect.poll(() => column(deskPage, 'lead').getAttribute('data-count')).toBe('1');
    for (const [stage, n] of [
      ['assessing', '1'],
      ['negotiating', '1'],
      ['signed', '1'],
      ['landed', '1'],
      ['shelved', '1'],
      ['terminated', '1'],
    ])
      expect(await column(deskPage, stage).getAttribute('data-count'), stage).toBe(n);

    // 登记线索: a required field left empty is named, then the lead is entered.
    await deskPage.getByTestId('deal-create').click();
    await deskPage.getByTestId('deal-form-submit').click();
    await expect.poll(() => fieldError(deskPage, 'deal-form-name')).toBe('请填写项目名称');
    await deskPage.getByTestId('deal-form-name').fill(DEAL);
    await deskPage.getByTestId('deal-form-investor').fill(INVESTOR);
    await choose(deskPage, 'deal-form-listing', '上市');
    await choose(deskPage, 'deal-form-region', '沪苏');
    await choose(deskPage, 'deal-form-chain', '先进装备制造');
    await choose(deskPage, 'deal-form-link', '汽摩配');
    await choose(deskPage, 'deal-form-kind', '产业项目');
    await deskPage.getByTestId('deal-form-amount').fill('80000');
    await chooseInTree(deskPage, 'deal-form-unit', '兰江街道');
    await choose(deskPage, 'deal-form-team', TEAM);
    await deskPage.getByTestId('deal-form-patron').fill('李副市长');
    await screenshot(deskPage, 'd01-lead-form');
    await deskPage.getByTestId('deal-form-submit').click();
    await expect.poll(() => column(deskPage, 'lead').getAttribute('data-count')).toBe('2');
    const entered = (await must<{ items: { id: number; name: string }[] }>(office.get('/api/v1/deals?q=电驱'))).items;
    expect(entered.map((d) => d.name)).toEqual([DEAL]);
    dealId = entered[0]!.id;
    const newCard = card(deskPage, dealId);
    expect(await newCard.textContent()).toContain('80,000.00 万元');
    expect(await newCard.textContent()).toContain('响应 还剩 1 个工作日');
    expect(await newCard.getAttribute('data-moves')).toBe('assessing,shelved,terminated');

    // While it is dragged the stages it may go to take it, the others refuse it.
    const box = (await column(deskPage, 'signed').boundingBox())!;
    await newCard.hover();
    await deskPage.mouse.down();
    await deskPage.mouse.move(box.x + box.width / 2, box.y + 60, { steps: 5 });
    await expect.poll(() => column(deskPage, 'assessing').getAttribute('data-accepts')).toBe('true');
    expect(await column(deskPage, 'signed').getAttribute('data-accepts')).toBe('false');
    expect(await column(deskPage, 'landed').getAttribute('data-accepts')).toBe('false');
    expect(await column(deskPage, 'negotiating').getAttribute('data-accepts')).toBe('false');
    expect(await column(deskPage, 'terminated').getAttribute('data-accepts')).toBe('true');
    await fullPage(deskPage, 'd02-kanban-dragging');
    await deskPage.mouse.up();
    // Dropped on 签约, which refused it: the drag is over and nothing moved.
    await expect.poll(() => deskPage.getByTestId('deal-kanban').getAttribute('data-dragging')).toBeNull();
    expect(await stageOf(deskPage, dealId)).toBe('lead');
    expect((await must(office.get(`/api/v1/deals/${dealId}`))).stage).toBe('lead');

    await newCard.dragTo(column(deskPage, 'assessing'));
    await expect.poll(() => stageOf(deskPage, dealId)).toBe('assessing');
    await expect.poll(() => column(deskPage, 'assessing').getAttribute('data-count')).toBe('2');
    await card(deskPage, dealId).dragTo(column(deskPage, 'negotiating'));
    await expect.poll(() => stageOf(deskPage, dealId)).toBe('negotiating');
    expect(await card(deskPage, dealId).getAttribute('data-moves')).toBe('signed,assessing,shelved,terminated');
    await screenshot(deskPage, 'd03-kanban');
  });

  it('signs it by dragging it to 签约: the dialog asks for the date and amount and names what the server refuses', async () => {
    await card(deskPage, dealId).dragTo(column(deskPage, 'signed'));
    const modal = deskPage.getByTestId('deal-move-form');
    await modal.waitFor();
    expect(await modal.getAttribute('data-to')).toBe('signed');
    // The amount starts at the intended one; a blank one is asked for, a sixth-of-a-元 one refused by the server.
    expect(await deskPage.getByTestId('deal-move-signed-amount').inputValue()).toBe('80000.00');
    await deskPage.getByTestId('deal-move-signed-amount').fill('');
    await deskPage.getByTestId('deal-move-ok').click();
    await expect.poll(() => fieldError(deskPage, 'deal-move-signed-amount')).toBe('请填写签约投资额');
    await typeDate(deskPage, 'deal-move-signed-on', '2026-09-01');
    await deskPage.getByTestId('deal-move-signed-amount').fill('78000.12345');
    await deskPage.getByTestId('deal-move-ok').click();
    await expect.poll(() => fieldError(deskPage, 'deal-move-signed-amount')).toContain('签约投资额');
    expect(await stageOf(deskPage, dealId)).toBe('negotiating');
    await deskPage.getByTestId('deal-move-signed-amount').fill('78000');
    await screenshot(deskPage, 'd04-sign-modal');
    await deskPage.getByTestId('deal-move-ok').click();
    await expect.poll(() => stageOf(deskPage, dealId)).toBe('signed');
    await expect.poll(() => modal.count()).toBe(0);
    expect(await card(deskPage, dealId).textContent()).toContain('78,000.00 万元');
    expect(await must(office.get(`/api/v1/deals/${dealId}`))).toMatchObject({
      stage: 'signed',
      signedOn: '2026-09-01',
      signedAmountYuan: 780_000_000,
    });
  });

  it('converts the signed deal into a project from its page, logs a visit and funds, and opens the project', async () => {
    await deskPage.getByTestId(`deal-link-${dealId}`).click();
    await deskPage.waitForURL(new RegExp(`/deals/${dealId}$`));
    await expect.poll(() => deskPage.getByTestId('deal-page').getAttribute('data-stage')).toBe('signed');
    expect(await deskPage.getByTestId('deal-moves').getAttribute('data-moves')).toBe('landed,terminated');
    const facts = await deskPage.getByTestId('deal-facts').textContent();
    for (const text of [INVESTOR, '上市', '沪苏', '先进装备制造 · 汽摩配', '80,000.00 万元', '78,000.00 万元', TEAM])
      expect(facts).toContain(text);

    await deskPage.getByTestId('deal-convert').click();
    await deskPage.getByTestId('deal-convert-ok').click();
    await expect.poll(() => fieldError(deskPage, 'deal-convert-industry')).toBe('请选择行业');
    await deskPage.getByTestId('deal-convert-industry').click();
    await deskPage.keyboard.type('36');
    await deskPage
      .locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option')
      .filter({ hasText: /^36 / })
      .first()
      .click();
    await choose(deskPage, 'deal-convert-approval', '备案');
    await deskPage.getByTestId('deal-convert-ok').click();
    await deskPage.getByTestId('deal-converted').waitFor();
    expect(await deskPage.getByTestId('deal-convert').count()).toBe(0);
    projectId = (await must(office.get(`/api/v1/deals/${dealId}`))).project.id;

    // The team's log and the money in place.
    await deskPage.getByTestId('deal-activity-attendees').fill('兰江街道招商办 张三、李四；宁波华科 周总');
    await deskPage.getByTestId('deal-activity-summary').fill('签约后赴宁波总部对接用地与设备进场计划');
    await deskPage.getByTestId('deal-activity-submit').click();
    await expect.poll(() => deskPage.getByTestId('deal-activities').getAttribute('data-count')).toBe('1');
    await deskPage.getByTestId('deal-fund-amount').fill('5000');
    await deskPage.getByTestId('deal-fund-note').fill('首期注册资本金');
    await deskPage.getByTestId('deal-fund-submit').click();
    await expect.poll(() => deskPage.getByTestId('deal-funds-total').textContent()).toBe('5,000.00 万元');
    const timeline = await deskPage.getByTestId('deal-timeline').textContent();
    for (const text of ['登记线索', '「线索」→「研判」', '「在谈」→「签约」', '转入项目库', '登记到位资金'])
      expect(timeline).toContain(text);
    await screenshot(deskPage, 'd05-deal-page');

    await deskPage.getByTestId('deal-project-link').click();
    await deskPage.waitForURL(new RegExp(`/projects/${projectId}$`));
    await deskPage.getByTestId('project-detail').waitFor();
    expect(await deskPage.getByTestId('page-title').textContent()).toBe(DEAL);
    // Signed today: the sign → start promise has just begun.
    await expect.poll(() => deskPage.getByTestId('project-light-colour').getAttribute('data-colour')).toBe('green');
    expect(await deskPage.getByTestId('light-finding').count()).toBe(0);
  });

  it('seventy days on, the project lights yellow for sign → start and the figures list it', async () => {
    now = D1;
    await admin.signIn('admin', ADMIN_PASSWORD);
    await must(admin.post('/api/v1/jobs/cutoff'));
    await office.signIn('office', PASSWORD);
    await scout.signIn('scout', PASSWORD);
    // This week's and this month's log of the team.
    const log = (id: number, onDate: string, kind: string, attendees: string, summary: string) =>
      must(scout.post(`/api/v1/deals/${id}/activities`, { onDate, kind, attendees, summary }));
    await log(seeded.parts!, '2026-11-03', 'call', '梅江镇招商专员', '电话了解扩产用地需求');
    await log(seeded.parts!, '2026-11-09', 'visit', '王副镇长、梅江镇招商专员', '赴苏州总部拜访，企业计划年底前决策');
    await log(dealId, '2026-11-09', 'talk', '沪苏招商小分队', '与宁波华科商谈设备进场与开工节点');
    await log(seeded.fibre!, '2026-11-10', 'reception', '王副镇长', '接待杭州恒新考察团，实地踏勘地块');
    await log(seeded.logistics!, '2026-11-10', 'call', '梅江镇招商专员', '催促签约项目尽快办理开工手续');

    await signIn(deskPage, server.url, 'office', PASSWORD);
    await deskPage.goto(`${server.url}/projects/${projectId}`);
    const finding = deskPage.getByTestId('light-finding').filter({ hasText: '签约→开工' });
    await expect.poll(() => finding.getAttribute('data-colour')).toBe('yellow');
    expect(await finding.textContent()).toContain('签约已 70 天仍未开工（承诺 90 天内开工）');
    await deskPage.getByTestId('project-light').scrollIntoViewIfNeeded();
    await screenshot(deskPage, 'd06-project-light');

    await deskPage.getByTestId('nav-menu').getByText('招商分析').click();
    await deskPage.waitForURL(/\/deals\/figures$/);
    const cell = (stage: string, n: number) =>
      deskPage
        .getByTestId('funnel-table')
        .locator('tr', { has: deskPage.locator(`[data-stage="${stage}"]`) })
        .locator('td')
        .nth(n)
        .textContent();
    // Reached, then current: every deal was a lead; three were signed (one has landed).
    await expect.poll(() => cell('lead', 1)).toBe('8');
    expect(await cell('lead', 2)).toBe('1');
    expect(await cell('signed', 1)).toBe('3');
    expect(await cell('signed', 2)).toBe('2');
    expect(await deskPage.getByTestId('funnel-signed-pct').textContent()).toMatch(/签约率 \d+\.\d%/);
    expect(await deskPage.getByTestId('breakdown-source').textContent()).toContain('沪苏');
    expect(await deskPage.getByTestId('breakdown-team').textContent()).toContain(TEAM);
    const late = deskPage.getByTestId('signed-not-started');
    await expect.poll(() => late.locator('tbody tr.ant-table-row').count()).toBe(2);
    const mine = late.locator('tr', { has: deskPage.getByTestId(`late-deal-${dealId}`) });
    expect(await mine.getByTestId('late-days').textContent()).toBe('已签约 70 天 / 承诺 90 天');
    expect(await mine.getByTestId('late-days').getAttribute('data-late')).toBe('false');
    const overdue = late.locator('tr', { has: deskPage.getByTestId(`late-deal-${seeded.logistics}`) });
    expect(await overdue.getByTestId('late-days').getAttribute('data-late')).toBe('true');
    expect(await overdue.textContent()).toContain('超期');
    await screenshot(deskPage, 'd07-figures');

    // The team's log, from the figures' team filter.
    await choose(deskPage, 'figures-filter-team', TEAM);
    await deskPage.waitForURL(new RegExp(`teamId=${teamId}`));
    await expect.poll(() => deskPage.getByTestId('breakdown-team').textContent()).not.toContain('深圳招商小分队');
    await deskPage.getByTestId('figures-team-log').click();
    await deskPage.waitForURL(new RegExp(`/deal-teams/${teamId}/log$`));
    const logPage = deskPage.getByTestId('team-log-page');
    await expect.poll(() => logPage.getAttribute('data-from')).toBe('2026-11-09');
    expect(await logPage.getAttribute('data-to')).toBe('2026-11-15');
    await expect.poll(() => deskPage.getByTestId('team-log-total').getAttribute('data-total')).toBe('4');
    expect(await deskPage.getByTestId('team-log-count-visit').getAttribute('data-count')).toBe('1');
    expect(
      await deskPage.getByTestId('team-log-day-2026-11-09').locator('[data-testid="team-log-entry"]').count(),
    ).toBe(2);
    expect(await deskPage.getByTestId('team-log-day-2026-11-10').textContent()).toContain('接待杭州恒新考察团');
    await screenshot(deskPage, 'd08-team-log');
    await deskPage.getByTestId('team-log-kind').getByText('月汇报').click();
    await expect.poll(() => logPage.getAttribute('data-from')).toBe('2026-11-01');
    await expect.poll(() => deskPage.getByTestId('team-log-total').getAttribute('data-total')).toBe('5');
    await screenshot(deskPage, 'd09-team-log-month');
    await deskPage.getByTestId('team-log-prev').click();
    await expect.poll(() => logPage.getAttribute('data-from')).toBe('2026-10-01');
    await expect.poll(() => deskPage.getByTestId('team-log-total').getAttribute('data-total')).toBe('0');

    // The board on a desk seventy days on: the lead nobody answered is red; the list view beside it.
    await deskPage.goto(`${server.url}/deals`);
    await expect.poll(() => card(deskPage, seeded.tourism!).count()).toBe(0);
    await deskPage.getByTestId('deal-column-toggle-terminated').click();
    await card(deskPage, seeded.tourism!).waitFor();
    await screenshot(deskPage, 'd10-kanban-later');
    await deskPage.getByTestId('deals-view').getByText('列表').click();
    await deskPage.waitForURL(/view=list/);
    await expect.poll(() => deskPage.getByTestId('deals-total').getAttribute('data-total')).toBe('8');
    await screenshot(deskPage, 'd11-list');

    // In English the board's words and the server's (stages, clocks, labels) follow.
    await deskPage.getByTestId('deals-view').getByText('看板').click();
    await deskPage.getByTestId('lang-switch').getByText('EN').click();
    await expect.poll(() => column(deskPage, 'assessing').textContent()).toContain('Assessing');
    await expect.poll(() => card(deskPage, seeded.parts!).textContent()).toMatch(/working days? overdue/);
    await screenshot(deskPage, 'd19-kanban-en');
    await deskPage.getByTestId('lang-switch').getByText('中文').click();
    await expect.poll(() => column(deskPage, 'assessing').textContent()).toContain('研判');
  });

  it('on a phone: the kanban is a stage picker, a card moves from its menu, and nothing scrolls sideways', async () => {
    await signIn(phonePage, server.url, 'office', PASSWORD);
    await phonePage.goto(`${server.url}/deals`);
    await phonePage.getByTestId('deal-stage-picker').waitFor();
    expect(await phonePage.getByTestId('deal-kanban').getAttribute('data-layout')).toBe('picker');
    await card(phonePage, waitingLead).waitFor();
    await screenshot(phonePage, 'd12-kanban-phone');
    expect(await scrollWidth(phonePage)).toBeLessThanOrEqual(390);

    // 研判 from the card's menu; then the picker shows it there.
    await phonePage.getByTestId(`deal-card-menu-${waitingLead}`).tap();
    await phonePage.getByRole('menuitem', { name: '移至「研判」' }).tap();
    await expect.poll(() => card(phonePage, waitingLead).count()).toBe(0);
    await phonePage
      .getByTestId('deal-stage-picker')
      .locator('label', { has: phonePage.getByTestId('deal-stage-pick-assessing') })
      .tap();
    await expect.poll(() => stageOf(phonePage, waitingLead)).toBe('assessing');
    // 搁置 asks why; the reason is required.
    await phonePage.getByTestId(`deal-card-menu-${waitingLead}`).tap();
    await phonePage.getByRole('menuitem', { name: '移至「搁置」' }).tap();
    await phonePage.getByTestId('deal-move-form').waitFor();
    await phonePage.getByTestId('deal-move-ok').tap();
    await expect.poll(() => fieldError(phonePage, 'deal-move-reason')).toBe('请填写搁置原因');
    await screenshot(phonePage, 'd13-shelve-phone');
    await phonePage.getByTestId('deal-move-reason').fill('企业暂缓投资计划');
    await phonePage.getByTestId('deal-move-ok').tap();
    await expect.poll(() => card(phonePage, waitingLead).count()).toBe(0);
    expect((await must(office.get(`/api/v1/deals/${waitingLead}`))).stage).toBe('shelved');

    await phonePage.goto(`${server.url}/deals/${dealId}`);
    await expect.poll(() => phonePage.getByTestId('deal-page').getAttribute('data-stage')).toBe('signed');
    await screenshot(phonePage, 'd14-deal-page-phone');
    expect(await scrollWidth(phonePage)).toBeLessThanOrEqual(390);

    await phonePage.goto(`${server.url}/deals/figures`);
    await phonePage.getByTestId('signed-not-started').locator('tbody tr.ant-table-row').first().waitFor();
    await screenshot(phonePage, 'd15-figures-phone');
    expect(await scrollWidth(phonePage)).toBeLessThanOrEqual(390);

    await phonePage.goto(`${server.url}/deal-teams/${teamId}/log`);
    await expect.poll(() => phonePage.getByTestId('team-log-total').getAttribute('data-total')).toBe('4');
    await screenshot(phonePage, 'd16-team-log-phone');
    expect(await scrollWidth(phonePage)).toBeLessThanOrEqual(390);

    await phonePage.goto(`${server.url}/deals?view=list`);
    await phonePage.getByTestId('deals-table').locator('tbody tr.ant-table-row').first().waitFor();
    await screenshot(phonePage, 'd17-list-phone');
    expect(await scrollWidth(phonePage)).toBeLessThanOrEqual(390);

    await phonePage.goto(`${server.url}/deal-teams`);
    await phonePage.getByTestId(`team-log-link-${teamId}`).waitFor();
    await screenshot(phonePage, 'd18-teams-phone');
    expect(await scrollWidth(phonePage)).toBeLessThanOrEqual(390);
  });
  it('keeps the target enterprises per chain: one added from the teams page, its approach moved on, read on a phone', async () => {
    await deskPage.goto(`${server.url}/deal-teams`);
    await deskPage.getByTestId('targets-link').click();
    await deskPage.getByTestId('deal-targets-page').waitFor();
    await deskPage.getByTestId('target-add').click();
    await deskPage.getByTestId('target-form-name').fill('深圳芯源半导体股份有限公司');
    await choose(deskPage, 'target-form-chain', '电子信息');
    await choose(deskPage, 'target-form-link', '集成电路');
    await chooseInTree(deskPage, 'target-form-unit', '兰江街道');
    await deskPage.getByRole('button', { name: /确\s*定|OK/ }).click();
    const row = deskPage.getByTestId('targets-table').locator('tr', { hasText: '深圳芯源半导体股份有限公司' });
    await row.waitFor();
    const [target] = (await must(office.get('/api/v1/deal-targets?chainKey=electronics'))).items as { id: number }[];
    expect(target).toBeDefined();
    await choose(deskPage, `target-status-${target!.id}`, '已拜访');
    await expect
      .poll(async () => (await must(office.get('/api/v1/deal-targets?chainKey=electronics'))).items[0].status)
      .toBe('visited');
    await screenshot(deskPage, 'd20-targets');

    await phonePage.goto(`${server.url}/deal-teams/targets`);
    await phonePage.getByTestId('targets-table').locator('tr', { hasText: '深圳芯源半导体股份有限公司' }).waitFor();
    await screenshot(phonePage, 'd21-targets-phone');
    expect(await scrollWidth(phonePage)).toBeLessThanOrEqual(390);
  });
});
