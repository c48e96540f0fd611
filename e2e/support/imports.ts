import fs from 'node:fs';
import type ExcelJS from 'exceljs';
import type { Download, Locator, Page } from 'playwright-core';
import { expect } from 'vitest';
import { screenshot } from './browser.ts';

/** The import page's helpers, shared by the project-ledger and the report-ledger journeys. */
export const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export const fileInput = (p: Page) => p.getByTestId('import-upload-card').locator('input[type=file]');
export const uploadBytes = (p: Page, name: string, buffer: Buffer, mimeType = XLSX) =>
  fileInput(p).setInputFiles({ name, mimeType, buffer });

/** Opens a searchable Select, types to narrow its (virtual) list and picks the option. */
export async function pick(p: Page, testId: string, text: string): Promise<void> {
  await p.getByTestId(testId).click();
  await p.keyboard.type(text);
  await p
    .locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option')
    .filter({ hasText: text })
    .first()
    .click();
}

/** Clicks what starts a download on `p` and returns the file with its bytes. */
export async function download(p: Page, target: Locator): Promise<{ file: Download; bytes: Buffer }> {
  const [file] = await Promise.all([p.waitForEvent('download'), target.click()]);
  return { file, bytes: fs.readFileSync(await file.path()) };
}

/**
 * A full-page picture from the top, with no tooltip (nor, with `quiet`, message) open: the page
 * scrolls smoothly to a finished check, so wait until it rests at the top.
 */
export async function shot(p: Page, name: string, { quiet = false } = {}): Promise<void> {
  if (quiet) await p.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
  await p.mouse.move(1, 300);
  await expect
    .poll(async () => {
      await p.evaluate(() => window.scrollTo({ top: 0, behavior: 'instant' }));
      await p.waitForTimeout(150);
      return p.evaluate(() => window.scrollY);
    })
    .toBe(0);
  await expect.poll(() => p.locator('.ant-tooltip:not(.ant-tooltip-hidden)').count()).toBe(0);
  if (quiet) await expect.poll(() => p.locator('.ant-message-notice').count(), { timeout: 8000 }).toBe(0);
  await screenshot(p, name);
}

/** A cell's comment as text (exceljs gives a string or rich text). */
export const noteText = (cell: ExcelJS.Cell) =>
  typeof cell.note === 'string' ? cell.note : (cell.note?.texts ?? []).map((t) => t.text).join('');
