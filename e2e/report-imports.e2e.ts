import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import type { ApiClient } from '../test/support/client.ts';
import { buildUser, PASSWORD, setUpCounty } from '../test/support/factories.ts';
import { buildProject } from '../test/support/projects.ts';
import { startTestServer, type TestServer } from '../test/support/server.ts';
import { choose } from './support/antd.ts';
import { launchBrowser, screenshot, signIn } from './support/browser.ts';
import { download, noteText, pick, shot, uploadBytes } from './support/imports.ts';

/** The server's today: October's reports are due, September and August are past months of the year. */
const TODAY = new Date('2026-11-02T10:00:00Z');
const title = (month: number) => `兰江街道2026年${month}月重点项目进展情况表`;
const HEADER = ['序号', '项目名称', '项目代码', '本月完成投资（万元）', '形象进度', '存在问题'];
type Cell = string | number | null;

const CODE_HOUSING = '2403-330781-04-01-881001';
const CODE_PARK = '2403-330781-04-01-881003';
const HOUSING = '兰江街道安置房工程';
const SEWER = '兰江污水管网改造工程';
const PARK = '兰江数字经济产业园';

/** October as 兰江街道 reports it: the sewer works by name alone (no code yet). */
const GOOD: Cell[][] = [
  [1, HOUSING, CODE_HOUSING, 1200, '主体结构施工至第三层', '无'],
  [2, SEWER, null, 300, '管网铺设 2.1 公里', '雨季影响施工进度'],
  [3, PARK, CODE_PARK, 2600.5, '完成土地平整', '用电增容审批尚未办结'],
];
/** The same ledger with a month's amount that is not a number (D4). */
const BAD: Cell[][] = GOOD.map((r, i) => (i === 1 ? r.map((c, j) => (j === 3 ? 'abc' : c)) : r));

/**
 * A monthly-report ledger as townships lay it out: a merged title line naming the month, optionally
 * more lines above the header, then the header and one row per project.
 */
async function reportLedger(
  rows: Cell[][],
  { month = 10, above = [], header = HEADER }: { month?: number; above?: Cell[][]; header?: string[] } = {},
): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('月报');
  ws.addRow([title(month)]);
  ws.mergeCells(1, 1, 1, header.length);
  for (const line of above) ws.addRow(line);
  ws.addRow(header);
  for (const r of rows) ws.addRow(r);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

interface StoredReport {
  projectId: number;
  amountYuan: number;
  progressText: string;
  problems: string;
  state: string;
  isCurrent: boolean;
}

/**
 * 兰江街道's reporter imports a month's reports from the street's ledger: 月报 chosen on the upload
 * card, the month read from the title, the bad amount named by its cell and marked in the returned
 * workbook, the corrected ledger imported as submitted reports; a ledger whose header was found on
 * the wrong row is read again from the right one, and imported as drafts; the page works on a phone.
 */
describe('monthly-report import in Chromium', () => {
  let server: TestServer;
  let browser: Browser;
  let page: Page;
  let admin: ApiClient;
  const projectIds: Record<string, number> = {};

  beforeAll(async () => {
    server = await startTestServer('sqlite', { web: true, clock: () => TODAY });
    const county = await setUpCounty(server.url);
    admin = county.admin;
    const lanjiang = county.unit('兰江街道').id;
    await buildUser(admin, server.url, {
      username: 'lanjiang',
      role: 'unit_editor',
      unitId: lanjiang,
      displayName: '兰江街道填报员',
    });
    for (const [name, code, totalInvestmentWan] of [
      [HOUSING, CODE_HOUSING, 20000],
      [SEWER, null, 5000],
      [PARK, CODE_PARK, 80000],
    ] as const) {
      projectIds[name] = (
        await buildProject(admin, lanjiang, {
          name,
          ...(code ? { code } : {}),
          stage: 'construction',
          plannedStartDate: '2026-03-01',
          actualStartDate: '2026-03-15',
          totalInvestmentWan,
        })
      ).id;
    }
    browser = await launchBrowser();
    page = await browser.newPage({ viewport: { width: 1280, height: 900 }, locale: 'zh-CN', acceptDownloads: true });
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  const reportsOf = async (month: number) =>
    (await admin.get<{ items: StoredReport[] }>(`/api/v1/reports?year=2026&month=${month}`)).body.items.filter(
      (r) => r.isCurrent,
    );

  async function checkAndWait(p: Page, status: 'checked' | 'invalid'): Promise<void> {
    await p.getByTestId('import-check-run').click();
    await expect
      .poll(() => p.getByTestId('import-current').getAttribute('data-status'), { timeout: 20_000 })
      .toBe(status);
  }

  it('reads the month from the title, names the bad amount by its cell and marks it in the workbook', async () => {
    await signIn(page, server.url, 'lanjiang', PASSWORD);
    await page.getByTestId('nav-menu').getByText('导入台账').click();
    await page.waitForURL(/\/imports$/);
    await expect.poll(() => page.getByTestId('import-unit').textContent()).toContain('兰江街道');
    expect(await page.getByTestId('import-template').getAttribute('href')).toBe('/api/v1/templates/projects.xlsx');
    expect(await page.getByTestId('import-report-state').count()).toBe(0);

    // 月报: the choice goes into the address, the template and the state follow it.
    await page.getByTestId('import-ledger-reports').click();
    await page.waitForURL(/\/imports\?ledger=reports$/);
    await expect
      .poll(() => page.getByTestId('import-template').getAttribute('href'))
      .toBe('/api/v1/templates/reports.xlsx');
    expect(await page.getByTestId('import-template').textContent()).toContain('下载月报导入模板');
    expect(await page.getByTestId('import-report-state').textContent()).toContain('直接报送（默认）');
    expect(await page.getByTestId('import-report-state-hint').textContent()).toContain('待审核');
    // A township's reporter does not review: 已审核 (history) is offered to reviewers only.
    await page.getByTestId('import-report-state').click();
    const approved = page
      .locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option')
      .filter({ hasText: '已审核（历史数据，仅审核人）' });
    await expect.poll(() => approved.getAttribute('class')).toContain('ant-select-item-option-disabled');
    await page.keyboard.press('Escape');
    await shot(page, '90-report-import-upload', { quiet: true });

    await uploadBytes(page, '兰江街道10月月报.xlsx', await reportLedger(BAD));
    const mapping = page.getByTestId('import-mapping');
    await expect.poll(() => mapping.isVisible(), { timeout: 15_000 }).toBe(true);
    expect(await page.getByTestId('import-current').getAttribute('data-ledger')).toBe('reports');
    expect(await page.getByTestId('import-ledger-kind').textContent()).toBe('月报');
    expect(await page.getByTestId('import-mapping-report-state').textContent()).toContain('直接报送');
    expect(await page.getByTestId('import-title').textContent()).toBe(title(10));
    expect(await page.getByTestId('import-header-rows').textContent()).toContain('第 2 行');
    expect(await page.getByTestId('import-map-A').textContent()).toContain('不导入');
    expect(await page.getByTestId('import-map-B').textContent()).toContain('项目名称');
    expect(await page.getByTestId('import-map-D').textContent()).toContain('本月完成投资（万元）');
    expect(await page.getByTestId('import-map-F').textContent()).toContain('存在问题');
    // The ledger has no month column: the month comes from the title, and can be changed.
    expect(await page.getByTestId('import-default-reportPeriod').inputValue()).toBe('2026年10月');
    expect(await page.getByTestId('import-period-from-title').isVisible()).toBe(true);
    const preview = page.getByTestId('import-preview');
    await expect.poll(() => preview.textContent()).toContain('1,200.00 万元');
    expect(await preview.textContent()).toContain('2026年10月');
    expect(await preview.getByTestId('import-preview-error-D4').isVisible()).toBe(true);
    // The column choices are a report's, not a project's.
    await page.getByTestId('import-map-A').click();
    const options = page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option');
    await expect.poll(() => options.allTextContents()).toEqual(expect.arrayContaining(['形象进度', '报告期', '月份']));
    expect(await options.allTextContents()).not.toContain('总投资');
    await page.keyboard.press('Escape');
    await shot(page, '91-report-import-mapping', { quiet: true });

    await checkAndWait(page, 'invalid');
    expect(await page.getByTestId('import-count-create').getAttribute('data-value')).toBe('2');
    expect(await page.getByTestId('import-count-errors').getAttribute('data-value')).not.toBe('0');
    const table = page.getByTestId('import-errors-table');
    await expect.poll(() => table.locator('tbody tr.ant-table-row').count()).toBeGreaterThan(0);
    const rows = await table.locator('tbody tr.ant-table-row').allInnerTexts();
    expect(rows[0]).toMatch(/^4\s+D4\s+本月完成投资（万元）\s+.*“abc”不是金额/);
    expect(await page.getByTestId('import-invalid').textContent()).toContain('未写入任何数据');
    await shot(page, '92-report-import-errors', { quiet: true });

    const { file, bytes } = await download(page, page.getByTestId('import-errors-download'));
    expect(file.suggestedFilename()).toBe('兰江街道10月月报-错误标注.xlsx');
    const marked = new ExcelJS.Workbook();
    await marked.xlsx.load(bytes as unknown as ArrayBuffer);
    const ws = marked.worksheets[0]!;
    expect(ws.getCell('B4').value).toBe(SEWER);
    expect((ws.getCell('D4').fill as ExcelJS.FillPattern | undefined)?.fgColor?.argb).toBe('FFFFC7CE');
    expect(noteText(ws.getCell('D4'))).toContain('不是金额');
    expect((ws.getCell('D3').fill as ExcelJS.FillPattern | undefined)?.fgColor?.argb).not.toBe('FFFFC7CE');
    expect(await reportsOf(10)).toEqual([]);
  });

  it('imports the corrected ledger as submitted reports, which the reports page then shows', async () => {
    await page.getByTestId('import-reupload').click();
    // Back on the upload card, still on 月报.
    await expect
      .poll(() => page.locator('[data-testid="import-ledger"] .ant-segmented-item-selected').textContent())
      .toBe('月报');
    await uploadBytes(page, '兰江街道10月月报（改）.xlsx', await reportLedger(GOOD));
    await expect.poll(() => page.getByTestId('import-mapping').isVisible(), { timeout: 15_000 }).toBe(true);
    expect(await page.getByTestId('import-default-reportPeriod').inputValue()).toBe('2026年10月');

    await checkAndWait(page, 'checked');
    expect(await page.getByTestId('import-count-create').getAttribute('data-value')).toBe('3');
    expect(await page.getByTestId('import-count-errors').getAttribute('data-value')).toBe('0');
    expect(await page.getByTestId('import-counts').textContent()).toContain('修改');
    expect(await page.getByTestId('import-checked').textContent()).toContain(
      '将新建 3 份月报、修改 0 份，0 份未变；导入后为“直接报送”',
    );
    await shot(page, '93-report-import-checked', { quiet: true });
    await page.getByTestId('import-commit').click();
    await expect
      .poll(() => page.locator('.ant-popover:not(.ant-popover-hidden)').textContent())
      .toContain('新建 3 份月报、修改 0 份，状态为“直接报送”');
    await page.getByTestId('import-commit-ok').click();
    await expect.poll(() => page.getByTestId('import-result').isVisible(), { timeout: 30_000 }).toBe(true);
    expect(await page.getByTestId('import-result').textContent()).toContain('新建 3 份月报、修改 0 份，0 份未变');
    const history = page.getByTestId('import-history');
    await expect.poll(() => history.locator('tr[data-status="committed"]').count()).toBe(1);
    expect(await history.locator('tr[data-status="committed"]').textContent()).toContain('月报');
    expect(await history.locator('tr[data-status="committed"] [data-ledger="reports"]').count()).toBe(1);
    await shot(page, '94-report-import-done', { quiet: true });

    const stored = await reportsOf(10);
    expect(stored).toHaveLength(3);
    const byProject = new Map(stored.map((r) => [r.projectId, r]));
    // “无” in a ledger is an empty cell.
    expect(byProject.get(projectIds[HOUSING]!)).toMatchObject({
      state: 'submitted',
      amountYuan: 12_000_000,
      progressText: '主体结构施工至第三层',
      problems: '',
    });
    expect(byProject.get(projectIds[SEWER]!)).toMatchObject({
      state: 'submitted',
      amountYuan: 3_000_000,
      problems: '雨季影响施工进度',
    });
    expect(byProject.get(projectIds[PARK]!)).toMatchObject({ state: 'submitted', amountYuan: 26_005_000 });

    await page.getByTestId('import-result-reports').click();
    await page.waitForURL(/\/reports\?year=2026&month=10$/);
    await expect.poll(() => page.getByTestId('reports-page').textContent(), { timeout: 15_000 }).toContain(HOUSING);
    expect(await page.getByTestId('reports-page').textContent()).toContain(PARK);
    // And back: the reports page opens the import on monthly reports.
    await page.getByTestId('reports-import').click();
    await page.waitForURL(/\/imports\?ledger=reports$/);
    await expect
      .poll(() => page.locator('[data-testid="import-ledger"] .ant-segmented-item-selected').textContent())
      .toBe('月报');
  });

  it('reads the header again from the row the reporter names, and imports September as drafts', async () => {
    // A second title line naming year and month in cells, and a header in the township's own words:
    // Lantern takes the second line for the header until told otherwise.
    const above: Cell[][] = [['年度', 2026, '月份', 9, '填报单位', '兰江街道']];
    const header = ['序号', '工程名称', '赋码', '当月完成额', '进展', '备注'];
    const rows: Cell[][] = [
      [1, HOUSING, CODE_HOUSING, 980, '二层楼板浇筑', ''],
      [2, SEWER, null, 150, '管材进场', ''],
      [3, PARK, CODE_PARK, 0, '土地征收公示', ''],
    ];
    await page.goto(`${server.url}/imports?ledger=reports`);
    await expect
      .poll(() => page.locator('[data-testid="import-ledger"] .ant-segmented-item-selected').textContent())
      .toBe('月报');
    await uploadBytes(page, '兰江街道9月月报.xlsx', await reportLedger(rows, { month: 9, above, header }));
    await expect.poll(() => page.getByTestId('import-mapping').isVisible(), { timeout: 15_000 }).toBe(true);
    expect(await page.getByTestId('import-header-rows').textContent()).toContain('第 2 行');
    expect(await page.getByTestId('import-map-A').textContent()).toContain('年度');
    const preview = page.getByTestId('import-preview');
    expect(await preview.locator('tbody tr.ant-table-row').first().locator('td').first().textContent()).toBe('3');

    await page.getByTestId('import-header-row-edit').click();
    await page.getByTestId('import-header-row-input').fill('3');
    await screenshot(page, '95a-report-import-header-row-edit');
    await page.getByTestId('import-header-row-apply').click();
    await expect
      .poll(() => page.getByTestId('import-header-rows').textContent(), { timeout: 15_000 })
      .toBe('第 3 行 · 数据从第 4 行开始');
    // The new header's columns, proposed afresh: 赋码 is the project code; the month from the title.
    expect(await page.getByTestId('import-map-C').textContent()).toContain('项目代码');
    expect(await page.getByTestId('import-map-A').textContent()).toContain('不导入');
    expect(await page.getByTestId('import-default-reportPeriod').inputValue()).toBe('2026年9月');
    await expect
      .poll(() => preview.locator('tbody tr.ant-table-row').first().locator('td').first().textContent())
      .toBe('4');
    expect(await preview.textContent()).toContain(CODE_HOUSING);
    expect(await page.getByTestId('import-missing').textContent()).toContain('导入月报还需要：本月完成投资（万元）');

    await pick(page, 'import-map-B', '项目名称');
    await pick(page, 'import-map-D', '本月完成投资');
    await pick(page, 'import-map-E', '形象进度');
    await expect.poll(() => preview.textContent()).toContain('980.00 万元');
    await choose(page, 'import-mapping-report-state', '保存为草稿');
    await expect.poll(() => page.getByTestId('import-mapping-report-state').textContent()).toContain('保存为草稿');
    await shot(page, '95-report-import-header-row', { quiet: true });

    await checkAndWait(page, 'checked');
    expect(await page.getByTestId('import-count-create').getAttribute('data-value')).toBe('3');
    expect(await page.getByTestId('import-checked').textContent()).toContain('导入后为“草稿”');
    await page.getByTestId('import-commit').click();
    await page.getByTestId('import-commit-ok').click();
    await expect.poll(() => page.getByTestId('import-result').isVisible(), { timeout: 30_000 }).toBe(true);
    const stored = await reportsOf(9);
    expect(stored.map((r) => r.state)).toEqual(['draft', 'draft', 'draft']);
    expect(stored.find((r) => r.projectId === projectIds[HOUSING])).toMatchObject({
      amountYuan: 9_800_000,
      progressText: '二层楼板浇筑',
    });
  });

  it('notices a project ledger uploaded as monthly reports and reads it as a project ledger on request', async () => {
    await page.goto(`${server.url}/imports?ledger=reports`);
    await expect.poll(() => page.getByTestId('import-unit').textContent()).toContain('兰江街道');
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('项目台账');
    ws.addRow(['兰江街道重点项目台账']);
    ws.addRow(['序号', '项目名称', '项目代码', '总投资（万元）', '建设性质', '项目阶段', '计划开工时间']);
    ws.addRow([1, '兰江新建物流中心项目', null, 3000, '新建', '前期', '2027年3月']);
    await uploadBytes(page, '兰江街道项目台账.xlsx', Buffer.from(await wb.xlsx.writeBuffer()));
    await expect.poll(() => page.getByTestId('import-suggested-ledger').isVisible(), { timeout: 15_000 }).toBe(true);
    expect(await page.getByTestId('import-suggested-ledger').textContent()).toContain(
      '这份文件看起来是项目台账，不像月报',
    );
    await shot(page, '98-report-import-other-kind', { quiet: true });
    await page.getByTestId('import-switch-ledger').click();
    await page.waitForURL((url) => !url.search.includes('ledger=reports'));
    await expect.poll(() => page.getByTestId('import-suggested-ledger').count(), { timeout: 15_000 }).toBe(0);
    await expect.poll(() => page.getByTestId('import-columns').textContent()).toContain('总投资');
    expect(await page.getByTestId('import-columns').textContent()).toContain('项目阶段');
  });

  it('works at phone width', async () => {
    const phone = await browser.newPage({
      viewport: { width: 390, height: 844 },
      locale: 'zh-CN',
      isMobile: true,
      hasTouch: true,
    });
    try {
      await signIn(phone, server.url, 'lanjiang', PASSWORD);
      await phone.goto(`${server.url}/imports?ledger=reports`);
      await expect.poll(() => phone.getByTestId('import-unit').textContent()).toContain('兰江街道');
      expect(await phone.getByTestId('import-report-state').isVisible()).toBe(true);
      expect(await phone.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
      await shot(phone, '96-report-import-phone-upload', { quiet: true });

      await uploadBytes(phone, '兰江街道8月月报-手机.xlsx', await reportLedger(BAD, { month: 8 }));
      await expect.poll(() => phone.getByTestId('import-mapping').isVisible(), { timeout: 15_000 }).toBe(true);
      expect(await phone.getByTestId('import-default-reportPeriod').inputValue()).toBe('2026年8月');
      await checkAndWait(phone, 'invalid');
      await expect.poll(() => phone.getByTestId('import-errors-table').textContent()).toContain('D4');
      // Nothing sticks out sideways: the page scrolls down, tables scroll inside their cards.
      expect(await phone.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
      await shot(phone, '97-report-import-phone-errors', { quiet: true });
    } finally {
      await phone.close();
    }
  });
});
