import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import type { ApiClient } from '../test/support/client.ts';
import { buildUser, PASSWORD, setUpCounty } from '../test/support/factories.ts';
import { buildProject } from '../test/support/projects.ts';
import { startTestServer, type TestServer } from '../test/support/server.ts';
import { launchBrowser, screenshot, signIn } from './support/browser.ts';

/** A building-site picture made here: sky, ground, a half-built block and a crane. */
function sitePhoto(width = 1600, height = 1200) {
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 160 120">
    <defs><linearGradient id="sky" x1="0" y1="0" x2="0" y2="1"><stop offset="0" stop-color="#7fb3e0"/><stop offset="1" stop-color="#dcecf8"/></linearGradient></defs>
    <rect width="160" height="120" fill="url(#sky)"/>
    <rect y="88" width="160" height="32" fill="#9c8463"/>
    <rect x="40" y="44" width="56" height="44" fill="#c9c2b4" stroke="#6f6a60"/>
    ${[52, 64, 76].map((y) => `<line x1="40" y1="${y}" x2="96" y2="${y}" stroke="#6f6a60"/>`).join('')}
    <rect x="112" y="20" width="4" height="68" fill="#e0a526"/>
    <rect x="80" y="18" width="60" height="4" fill="#e0a526"/>
    <line x1="132" y1="22" x2="132" y2="48" stroke="#333" stroke-width="0.6"/>
  </svg>`;
  return sharp(Buffer.from(svg)).jpeg({ quality: 85 }).toBuffer();
}

/** The month before `now`, and the one before that. */
function recentMonths(now = new Date()) {
  const back = (n: number) => {
    const d = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - n, 1));
    return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1 };
  };
  return { previous: back(1), earlier: back(2) };
}

/** A township reporter adds a site photo to a draft report, sees it, and opens it; then again on a phone. */
describe('report photos in Chromium', () => {
  let server: TestServer;
  let browser: Browser;
  let page: Page;
  let admin: ApiClient;
  let editor: ApiClient;
  let projectId: number;
  let draftId: number;
  const { previous, earlier } = recentMonths();

  beforeAll(async () => {
    server = await startTestServer('sqlite', { web: true });
    const county = await setUpCounty(server.url);
    admin = county.admin;
    editor = (
      await buildUser(admin, server.url, {
        username: 'lanjiang',
        role: 'unit_editor',
        unitId: county.unit('兰江街道').id,
        displayName: '兰江街道填报员',
      })
    ).client;
    projectId = (
      await buildProject(admin, county.unit('兰江街道').id, {
        name: '兰江街道安置房工程',
        stage: 'construction',
        plannedStartDate: `${earlier.year}-01-05`,
        actualStartDate: `${earlier.year}-01-10`,
        totalInvestmentWan: 20000,
      })
    ).id;
    const draft = await editor.post(`/api/v1/projects/${projectId}/reports`, {
      ...earlier,
      amountWan: 800,
      progressText: '主体结构三层施工',
    });
    expect(draft.status).toBe(201);
    draftId = draft.body.id;
    browser = await launchBrowser();
    page = await browser.newPage({ viewport: { width: 1280, height: 900 }, locale: 'zh-CN' });
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  const photosOf = async (reportId: number) =>
    (await admin.get(`/api/v1/reports/${reportId}/photos`)).body.items as {
      id: number;
      caption: string;
      urls: { photo: string; thumb: string };
    }[];

  /** Picks a file in the strip's upload card, captions it, and uploads it. */
  async function addPhoto(reportId: number, name: string, caption: string, shot?: string) {
    const strip = page.getByTestId(`report-photos-${reportId}`).last();
    await strip.locator('input[type=file]').setInputFiles({ name, mimeType: 'image/jpeg', buffer: await sitePhoto() });
    await page.getByTestId('report-photo-caption').fill(caption);
    if (shot) await screenshot(page, shot);
    await page.getByTestId('report-photo-upload-ok').click();
    await expect.poll(async () => (await photosOf(reportId)).length).toBeGreaterThan(0);
  }

  /** Opens the preview of a photo and checks that the full photo, not the thumbnail, loaded. */
  async function openPreview(photo: { id: number; urls: { photo: string } }) {
    await page.getByTestId(`report-photo-thumb-${photo.id}`).last().click();
    const full = page.locator(`.ant-image-preview img[src="${photo.urls.photo}"]`);
    await expect.poll(() => full.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth)).toBe(1600);
  }

  it('the reporter adds a captioned site photo to a draft report and opens it full size', async () => {
    await signIn(page, server.url, 'lanjiang', PASSWORD);
    await page.goto(`${server.url}/projects/${projectId}`);
    await page.getByTestId(`report-edit-${draftId}`).click();
    await expect.poll(() => page.getByTestId('report-form-photos').textContent()).toContain('0/9');
    await addPhoto(draftId, '三层施工.jpg', '三层顶板浇筑完成', '40-report-photo-caption');

    const [photo] = await photosOf(draftId);
    expect(photo!.caption).toBe('三层顶板浇筑完成');
    const thumb = page.getByTestId(`report-photo-thumb-${photo!.id}`).last().locator('img');
    await expect.poll(() => thumb.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth)).toBe(320);
    await expect.poll(() => page.getByTestId('report-form-photos').textContent()).toContain('1/9');
    expect(await page.getByTestId(`report-photo-caption-${photo!.id}`).textContent()).toBe('三层顶板浇筑完成');
    await screenshot(page, '41-report-form-photos');

    await openPreview(photo!);
    await screenshot(page, '42-report-photo-preview');
    await page.keyboard.press('Escape');
    await expect.poll(() => page.locator('.ant-image-preview').count()).toBe(0);
  });

  it('the project page counts and shows the report’s photos', async () => {
    await page.getByRole('button', { name: /取\s*消/ }).click();
    await expect.poll(() => page.getByTestId(`report-photo-count-${draftId}`).textContent()).toBe('1');
    await page.getByTestId(`project-report-${draftId}`).locator('.ant-table-row-expand-icon').click();
    const [photo] = await photosOf(draftId);
    await expect.poll(() => page.getByTestId(`report-photo-thumb-${photo!.id}`).count()).toBe(1);
    await screenshot(page, '43-project-report-photos');
  });

  it('on a phone, a new report is saved as a draft to take photos, and a photo opens full screen', async () => {
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto(`${server.url}/projects/${projectId}`);
    await page.getByTestId(`report-file-${projectId}`).click();
    // The dialog settles (its month proposed, the amount kept) before it is saved.
    const amount = page.getByTestId('report-form-amount');
    await amount.fill('950');
    await expect.poll(() => amount.inputValue()).toBe('950');
    await page.getByTestId('report-save-draft-photos').click();
    // On failure the message carries what the form said (a refused field), not only the count.
    const formText = async () =>
      (await page
        .getByTestId('report-form')
        .textContent()
        .catch(() => '')) ?? '';
    await expect
      .poll(async () => (await editor.get(`/api/v1/projects/${projectId}/reports`)).body.items.length, {
        message: `the new draft was not saved; the form reads: ${await formText()}`,
      })
      .toBe(2);
    const created = (await editor.get(`/api/v1/projects/${projectId}/reports`)).body.items.find(
      (r: { year: number; month: number }) => r.year === previous.year && r.month === previous.month,
    );
    expect(created).toMatchObject({ state: 'draft', amountYuan: 9_500_000 });
    await addPhoto(created.id, 'IMG_2041.jpg', '室外管网开挖');
    await expect.poll(() => page.getByTestId('report-form-photos').textContent()).toContain('1/9');
    await screenshot(page, '44-phone-report-form-photos');
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);

    await page.getByRole('button', { name: /取\s*消/ }).click();
    const [photo] = await photosOf(created.id);
    await expect.poll(() => page.getByTestId(`report-photo-thumb-${photo!.id}`).count()).toBe(1);
    await page.getByTestId(`report-photos-${created.id}`).scrollIntoViewIfNeeded();
    await screenshot(page, '45-phone-project-report-photos');
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await openPreview(photo!);
    await screenshot(page, '46-phone-photo-preview');
    await page.keyboard.press('Escape');
  });

  it('speaks English when asked', async () => {
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.getByTestId('lang-switch').getByText('EN').click();
    await page.getByTestId(`report-edit-${draftId}`).click();
    await expect.poll(() => page.getByTestId('report-form-photos').textContent()).toContain('Site photos1/9');
    expect(await page.getByTestId('report-form-photos').textContent()).toContain('Add photo');
    await screenshot(page, '47-report-photos-en');
  });
});
