import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Locator, Page } from 'playwright-core';
import type { ApiClient } from '../test/support/client.ts';
import { buildUser, PASSWORD, setUpCounty } from '../test/support/factories.ts';
import { buildProject, buildReport } from '../test/support/projects.ts';
import { startTestServer, type TestServer } from '../test/support/server.ts';
import { launchBrowser, screenshot, signIn } from './support/browser.ts';

const TODAY = new Date('2026-11-02T10:00:00Z');
const PROJECTS = 20;
/** The row (0-based) whose amount is typed as text. */
const BAD = 4;
/** Rows typed one by one with Enter; the rest are pasted as one column from Excel. */
const TYPED = 14;
/** What a person's time is estimated from: a keystroke, a click. */
const SECONDS = { keystroke: 0.3, click: 1.5 };

const amountOf = (i: number) => `${(i + 1) * 10}.5`;

/**
 * 本月填报: a township reporter files 20 projects' October in one grid (one amount typed as text), saves a
 * draft, submits all (19 go, the bad one stays with its message), fixes it and submits it; the keystrokes
 * and clicks it took are counted and printed with an estimate of the person's time.
 */
describe('the month’s filing grid in Chromium', () => {
  let server: TestServer;
  let browser: Browser;
  let page: Page;
  let admin: ApiClient;
  const ids: number[] = [];
  const count = { keystrokes: 0, clicks: 0 };

  // The person's hands: every key and click of the journey goes through these, and is counted.
  const type = async (text: string) => {
    await page.keyboard.type(text);
    count.keystrokes += [...text].length;
  };
  const press = async (key: string) => {
    await page.keyboard.press(key);
    count.keystrokes += 1;
  };
  const click = async (target: Locator) => {
    await target.click();
    count.clicks += 1;
  };
  /** Ctrl+V of a column copied from Excel (lines of cells), into the focused cell: one keystroke. */
  const paste = async (lines: string[]) => {
    await page.evaluate(
      (text) => {
        const data = new DataTransfer();
        data.setData('text/plain', text);
        document.activeElement!.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true }));
      },
      `${lines.join('\r\n')}\r\n`,
    );
    count.keystrokes += 1;
  };

  const stateOf = async (projectId: number) =>
    (await admin.get(`/api/v1/projects/${projectId}/reports`)).body.items.find((r: { month: number }) => r.month === 10)
      ?.state as string | undefined;
  const states = async () => Promise.all(ids.map(stateOf));
  const cell = (row: number) => page.getByTestId(`filing-amountWan-${row}`);

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
    // Twenty projects under construction, each with a plan for the year and September approved.
    for (let i = 0; i < PROJECTS; i++) {
      const p = await buildProject(admin, lanjiang, {
        name: `兰江街道${['安置房', '道路', '学校', '污水管网', '公园'][i % 5]}工程${i + 1}期`,
        stage: 'construction',
        plannedStartDate: '2026-03-01',
        actualStartDate: '2026-03-10',
        totalInvestmentWan: 8000,
        annualPlans: [{ year: 2026, amountWan: 2000 + i * 100 }],
      });
      const september = await buildReport(admin, p.id, {
        year: 2026,
        month: 9,
        amountWan: 800 + i * 20,
        progressText: `主体结构施工，完成${40 + i}%`,
      });
      await admin.post(`/api/v1/reports/${september.id}/submit`);
      await admin.post(`/api/v1/reports/${september.id}/approve`);
      ids.push(p.id);
    }
    browser = await launchBrowser();
    page = await browser.newPage({ viewport: { width: 1280, height: 900 }, locale: 'zh-CN' });
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('types and pastes twenty amounts, one of them text, moving down with Enter', async () => {
    await signIn(page, server.url, 'lanjiang', PASSWORD);
    await page.goto(`${server.url}/reports?year=2026&month=10`);
    await click(page.getByTestId('reports-open-filing'));
    await page.waitForURL((url) => url.pathname === '/reports/filing');
    await expect.poll(() => page.locator('[data-testid^="filing-row-"]').count()).toBe(PROJECTS);
    // Last month's text is there to edit, never typed again; the plan and the year-to-date beside it.
    expect(await page.getByTestId('filing-progressText-0').inputValue()).toBe('主体结构施工，完成40%');
    expect(await page.getByTestId('filing-ytd-0').textContent()).toBe('800.00');
    const gapBefore = await page.getByTestId('filing-gap-0').getAttribute('data-gap');

    await click(cell(0));
    for (let i = 0; i < TYPED; i++) {
      await type(i === BAD ? '约五十万' : amountOf(i));
      await press('Enter');
    }
    // Enter moved down the column: the next amount cell has the focus, and nothing was submitted.
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.getAttribute('data-testid')))
      .toBe(`filing-amountWan-${TYPED}`);
    await paste(Array.from({ length: PROJECTS - TYPED }, (_, k) => amountOf(TYPED + k)));
    await expect.poll(() => cell(PROJECTS - 1).inputValue()).toBe(amountOf(PROJECTS - 1));
    expect(await states()).toEqual(ids.map(() => undefined));

    // The year-to-date and the gap follow the amount as typed: 800 + 10.5 of a 2000 plan against 83.3%.
    expect(await page.getByTestId('filing-ytd-0').textContent()).toBe('810.50');
    expect(await page.getByTestId('filing-gap-0').getAttribute('data-gap')).not.toBe(gapBefore);
    expect(await page.getByTestId('filing-gap-0').textContent()).toBe('-42.8');
    // The text in an amount cell is marked there, with the row and the cell named, and kept as typed.
    expect(await page.getByTestId(`filing-error-${BAD}`).textContent()).toBe(
      '第5行 本月完成投资：应为以万元计的金额，如 1234.56',
    );
    expect(await cell(BAD).inputValue()).toBe('约五十万');
    await screenshot(page, '50-filing-grid');

    // On a phone the same rows as cards, what was typed still there, no sideways scrolling.
    await page.setViewportSize({ width: 390, height: 844 });
    await expect.poll(() => page.locator('.ant-card [data-testid="filing-amountWan-0"]').count()).toBe(1);
    expect(await cell(BAD).inputValue()).toBe('约五十万');
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await screenshot(page, '51-filing-grid-phone');
    await page.setViewportSize({ width: 1280, height: 900 });
    await expect.poll(() => page.locator('table [data-testid="filing-amountWan-0"]').count()).toBe(1);
  });

  it('saves drafts, then submits all: nineteen go, the bad one stays with its message', async () => {
    await click(page.getByTestId('filing-save'));
    await expect.poll(() => page.getByTestId('filing-summary').textContent()).toContain('已保存 19 份草稿，1 个有错误');
    expect((await states()).filter((s) => s === 'draft')).toHaveLength(PROJECTS - 1);
    // A saved draft takes photos from its row (optional, so not counted as the month's work).
    await page.getByTestId('filing-photos-0').click();
    await expect.poll(() => page.locator('.ant-modal').textContent()).toContain('现场照片');
    expect(await page.locator('.ant-modal input[type="file"]').count()).toBe(1);
    await page.keyboard.press('Escape');
    await expect.poll(() => page.locator('.ant-modal:visible').count()).toBe(0);

    await click(page.getByTestId('filing-submit-all'));
    await expect.poll(() => page.getByTestId('filing-summary').textContent()).toContain('已提交 19 个项目，1 个有错误');
    const after = await states();
    expect(after.filter((s) => s === 'submitted')).toHaveLength(PROJECTS - 1);
    expect(after[BAD]).toBeUndefined();
    // Nothing lost: the bad cell keeps its text and its message; the submitted rows are locked.
    expect(await cell(BAD).inputValue()).toBe('约五十万');
    expect(await page.getByTestId(`filing-error-${BAD}`).textContent()).toContain('第5行 本月完成投资');
    await expect.poll(() => cell(0).isDisabled()).toBe(true);
    expect(await page.getByTestId('filing-status-0').getAttribute('data-state')).toBe('submitted');
    await screenshot(page, '52-filing-grid-errors');
  });

  it('fixes the bad cell and submits it; prints what the month took', async () => {
    await click(cell(BAD));
    await press('Control+A');
    await type('50');
    await click(page.getByTestId('filing-submit-all'));
    await expect.poll(() => page.getByTestId('filing-summary').textContent()).toContain('已提交 1 个项目，0 个有错误');
    expect(await states()).toEqual(ids.map(() => 'submitted'));
    const reports = await Promise.all(
      ids.map(async (id) => (await admin.get(`/api/v1/projects/${id}/reports`)).body.items[0]),
    );
    expect(reports.map((r: { amountYuan: number }) => r.amountYuan)).toEqual(
      ids.map((_, i) => (i === BAD ? 500_000 : Math.round(Number(amountOf(i)) * 10_000))),
    );
    expect(reports[0].progressText).toBe('主体结构施工，完成40%');

    const seconds = count.keystrokes * SECONDS.keystroke + count.clicks * SECONDS.click;
    console.log(
      `filing grid: ${PROJECTS} projects, ${count.keystrokes} keystrokes, ${count.clicks} clicks ≈ ${seconds.toFixed(1)} s ` +
        `of a person's time at ${SECONDS.keystroke} s a keystroke and ${SECONDS.click} s a click (aim ≤ 300 s); ` +
        `no field Lantern knows typed (plan, year-to-date, last month's texts shown)`,
    );
    expect(seconds).toBeLessThanOrEqual(300);
  });
});
