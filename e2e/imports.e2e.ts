import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { ApiClient } from '../test/support/client.ts';
import type { TestServer } from '../test/support/server.ts';
import { startDemoServer } from '../test/support/demo.ts';
import { choose } from './support/antd.ts';
import { launchBrowser, signIn } from './support/browser.ts';
import { download, noteText, pick, shot, uploadBytes } from './support/imports.ts';

const NEXT_YEAR = new Date().getUTCFullYear() + 1;
const TITLE = '兰江街道重点项目台账';
/** As 兰江街道 keeps it: no 审批方式 column, and a contact column under a header Lantern does not know. */
const HEADER = [
  '序号',
  '项目名称',
  '项目代码',
  '总投资（亿元）',
  '建设性质',
  '项目类别',
  '所属行业',
  '投资类型',
  '项目阶段',
  '计划开工时间',
  '牵头科室联系人',
];
type Cell = string | number | null;

const row = (n: number, name: string, code: string | null, totalYi: number, stage: string, contact: string): Cell[] => [
  n,
  name,
  code,
  totalYi,
  '新建',
  '产业',
  'C17',
  '企业投资',
  stage,
  `${NEXT_YEAR}年3月`,
  contact,
];
const GOOD: Cell[][] = [
  row(1, '兰江导入光膜新材料项目', '2403-330781-04-01-771001', 1.2, '前期', '王五 13900000000'),
  row(2, '兰江导入智能装备项目', null, 0.8, '储备', '赵六 13900000001'),
  row(3, '兰江导入安置小区配套工程', null, 0.35, '谋划', '钱七 13900000002'),
  row(4, '兰江导入纺织技改项目', '2403-330781-04-01-771004', 2, '前期', '孙八 13900000003'),
];
/** The same ledger with two mistakes: a negative amount (D4) and a stage that does not exist (I5). */
const BAD: Cell[][] = GOOD.map((r, i) =>
  i === 1 ? r.map((c, j) => (j === 3 ? -0.5 : c)) : i === 2 ? r.map((c, j) => (j === 8 ? '在干' : c)) : r,
);

/** A ledger workbook as county offices lay it out: a merged title line above the header. */
async function ledger(
  rows: Cell[][],
  { title = TITLE, header = HEADER }: { title?: string; header?: string[] } = {},
): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('项目台账');
  ws.addRow([title]);
  if (header.length) {
    ws.mergeCells(1, 1, 1, header.length);
    ws.addRow(header);
  }
  for (const r of rows) ws.addRow(r);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/**
 * 兰江街道's reporter imports the street's ledger: the page finds the header under the merged title,
 * the reporter maps the contact column and gives 审批方式 for all rows, the check names the two bad
 * cells, the marked workbook comes back, and the corrected ledger goes in and shows in the project list.
 */
describe('ledger import in Chromium', () => {
  let server: TestServer;
  let browser: Browser;
  let page: Page;
  let admin: ApiClient;

  beforeAll(async () => {
    server = await startDemoServer('sqlite', { web: true });
    admin = new ApiClient(server.url);
    await admin.signIn('admin', 'lantern-demo');
    browser = await launchBrowser();
    page = await browser.newPage({ viewport: { width: 1280, height: 900 }, locale: 'zh-CN', acceptDownloads: true });
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('finds the header under the title, takes the reporter’s corrections, and names each bad cell', async () => {
    await signIn(page, server.url, 'lanjiang', 'lantern-demo');
    await page.getByTestId('nav-menu').getByText('导入台账').click();
    await page.waitForURL(/\/imports$/);
    await expect.poll(() => page.getByTestId('import-unit').textContent()).toContain('兰江街道');
    await expect
      .poll(() => page.getByTestId('import-template').getAttribute('href'))
      .toBe('/api/v1/templates/projects.xlsx');

    await uploadBytes(page, '兰江街道台账.xlsx', await ledger(BAD));
    const mapping = page.getByTestId('import-mapping');
    await expect.poll(() => mapping.isVisible(), { timeout: 15_000 }).toBe(true);
    expect(await page.getByTestId('import-title').textContent()).toBe(TITLE);
    expect(await page.getByTestId('import-header-rows').textContent()).toContain('第 2 行');
    expect(await page.getByTestId('import-header-rows').textContent()).toContain('数据从第 3 行开始');
    expect(await page.getByTestId('import-map-D').textContent()).toContain('总投资');
    expect(await page.getByTestId('import-map-G').textContent()).toContain('国民经济行业');
    expect(await page.getByTestId('import-map-K').textContent()).toContain('不导入');
    await expect.poll(() => page.getByTestId('import-missing').textContent()).toContain('审批方式');
    // The preview already shows the amounts as stored and the bad cells.
    const preview = page.getByTestId('import-preview');
    await expect.poll(() => preview.textContent()).toContain('1.20 亿元');
    expect(await preview.getByTestId('import-preview-error-D4').isVisible()).toBe(true);

    // The reporter maps the contact column and gives 审批方式 for every row.
    await pick(page, 'import-map-K', '联系人及电话');
    await expect.poll(() => preview.textContent()).toContain('王五 13900000000');
    await choose(page, 'import-default-approvalMode', '备案');
    await expect.poll(() => page.getByTestId('import-missing').textContent()).not.toContain('新建项目还需要');
    await page.getByTestId('import-save-mapping').click();
    await expect.poll(() => page.locator('.ant-message').textContent()).toContain('已保存');
    await shot(page, '80-import-mapping');

    await page.getByTestId('import-check-run').click();
    await expect
      .poll(() => page.getByTestId('import-current').getAttribute('data-status'), { timeout: 20_000 })
      .toBe('invalid');
    await expect.poll(() => page.getByTestId('import-count-errors').getAttribute('data-value')).toBe('2');
    expect(await page.getByTestId('import-count-create').getAttribute('data-value')).toBe('2');
    const table = page.getByTestId('import-errors-table');
    await expect.poll(() => table.locator('tbody tr.ant-table-row').count()).toBe(2);
    const rows = await table.locator('tbody tr.ant-table-row').allInnerTexts();
    expect(rows[0]).toMatch(/^4\s+D4\s+总投资（亿元）\s+.*金额不能为负/);
    expect(rows[1]).toMatch(/^5\s+I5\s+项目阶段\s+.*“在干”不是可选的项目阶段/);
    expect(await page.getByTestId('import-invalid').textContent()).toContain('未写入任何数据');
    await shot(page, '81-import-errors');

    const { file, bytes } = await download(page, page.getByTestId('import-errors-download'));
    expect(file.suggestedFilename()).toBe('兰江街道台账-错误标注.xlsx');
    expect(bytes.subarray(0, 2).toString()).toBe('PK');
    const marked = new ExcelJS.Workbook();
    await marked.xlsx.load(bytes as unknown as ArrayBuffer);
    const ws = marked.worksheets[0]!;
    expect(ws.getCell('B4').value).toBe('兰江导入智能装备项目');
    for (const [ref, text] of [
      ['D4', '金额不能为负'],
      ['I5', '在干'],
    ]) {
      const cell = ws.getCell(ref);
      expect((cell.fill as ExcelJS.FillPattern | undefined)?.fgColor?.argb, ref).toBe('FFFFC7CE');
      expect(noteText(cell), ref).toContain(text);
    }
    expect((ws.getCell('D3').fill as ExcelJS.FillPattern | undefined)?.fgColor?.argb).not.toBe('FFFFC7CE');
  });

  it('imports the corrected ledger with the saved mapping and shows the projects in the list', async () => {
    await page.getByTestId('import-reupload').click();
    await uploadBytes(page, '兰江街道台账（改）.xlsx', await ledger(GOOD));
    await expect.poll(() => page.getByTestId('import-mapping').isVisible(), { timeout: 15_000 }).toBe(true);
    // The mapping saved for 兰江街道 applies again: the contact column and 审批方式 = 备案.
    expect(await page.getByTestId('import-map-K').textContent()).toContain('联系人及电话');
    expect(await page.getByTestId('import-default-approvalMode').textContent()).toContain('备案');

    await page.getByTestId('import-check-run').click();
    await expect
      .poll(() => page.getByTestId('import-current').getAttribute('data-status'), { timeout: 20_000 })
      .toBe('checked');
    expect(await page.getByTestId('import-count-create').getAttribute('data-value')).toBe('4');
    expect(await page.getByTestId('import-count-errors').getAttribute('data-value')).toBe('0');
    await shot(page, '82-import-checked');
    await page.getByTestId('import-commit').click();
    await page.getByTestId('import-commit-ok').click();
    await expect.poll(() => page.getByTestId('import-result').isVisible(), { timeout: 30_000 }).toBe(true);
    expect(await page.getByTestId('import-result').textContent()).toContain('新建 4 个、更新 0 个项目');
    await expect.poll(() => page.getByTestId('import-history').locator('tr[data-status="committed"]').count()).toBe(1);
    expect(await page.getByTestId('import-history').textContent()).toContain('兰江街道台账（改）.xlsx');
    await shot(page, '83-import-done');

    const stored = (await admin.get('/api/v1/projects?q=兰江导入光膜&limit=5')).body.items;
    expect(stored).toEqual([
      expect.objectContaining({
        name: '兰江导入光膜新材料项目',
        code: '2403-330781-04-01-771001',
        stage: 'preparing',
        totalInvestmentYuan: 120_000_000,
        leadUnitName: '兰江街道',
      }),
    ]);

    await page.getByTestId('import-result-projects').click();
    await page.waitForURL(/\/projects\?/);
    const list = page.getByTestId('projects-table');
    await expect.poll(() => list.textContent(), { timeout: 15_000 }).toContain('兰江导入光膜新材料项目');
    for (const [name] of GOOD.map((r) => [r[1]])) expect(await list.textContent()).toContain(String(name));
  });

  it('works at phone width and says plainly why a file cannot be imported', async () => {
    const phone = await browser.newPage({
      viewport: { width: 390, height: 844 },
      locale: 'zh-CN',
      isMobile: true,
      hasTouch: true,
    });
    try {
      await signIn(phone, server.url, 'lanjiang', 'lantern-demo');
      await phone.goto(`${server.url}/imports`);
      await expect.poll(() => phone.getByTestId('import-unit').textContent()).toContain('兰江街道');

      // A picture renamed .xlsx, and a workbook holding nothing but its title.
      await uploadBytes(
        phone,
        '现场照片.xlsx',
        Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(400)]),
      );
      await expect
        .poll(() => phone.getByTestId('import-upload-error').textContent(), { timeout: 15_000 })
        .toContain('“现场照片.xlsx”不是 Excel 工作簿（.xlsx）或 CSV 文件');
      await uploadBytes(phone, '空台账.xlsx', await ledger([], { header: [] }));
      await expect
        .poll(() => phone.getByTestId('import-upload-error').textContent(), { timeout: 15_000 })
        .toContain(`只有标题“${TITLE}”`);
      await shot(phone, '84-import-phone-refused');

      await uploadBytes(
        phone,
        '兰江街道台账-手机.xlsx',
        await ledger(BAD.map((r) => r.map((c, j) => (j === 2 && c ? String(c).replace('771', '772') : c)))),
      );
      await expect.poll(() => phone.getByTestId('import-mapping').isVisible(), { timeout: 15_000 }).toBe(true);
      await phone.getByTestId('import-check-run').click();
      await expect
        .poll(() => phone.getByTestId('import-current').getAttribute('data-status'), { timeout: 20_000 })
        .toBe('invalid');
      await expect
        .poll(() => phone.getByTestId('import-errors-table').locator('tbody tr.ant-table-row').count())
        .toBe(2);
      // Nothing sticks out sideways: the page scrolls down, tables scroll inside their cards.
      expect(await phone.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
      await shot(phone, '85-import-phone-errors');
    } finally {
      await phone.close();
    }
  });
});
