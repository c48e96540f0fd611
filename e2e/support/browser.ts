import fs from 'node:fs';
import path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';

/** Debian's Chromium, never a downloaded browser; the flags keep it off the network. */
export const CHROMIUM = '/usr/bin/chromium';
const FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export const ARTIFACTS = path.resolve('artifacts/screenshots');

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM, args: FLAGS });
}

/** Saves a full-page screenshot as a test artefact and returns its path. */
export async function screenshot(page: Page, name: string): Promise<string> {
  fs.mkdirSync(ARTIFACTS, { recursive: true });
  const file = path.join(ARTIFACTS, `${name}.png`);
  // Let expand and fade transitions finish, so the picture shows what a person sees once it settles.
  await page
    .waitForFunction(() => document.getAnimations().every((a) => a.playState !== 'running'), undefined, {
      timeout: 5000,
    })
    .catch(() => undefined);
  await drawCharts(page);
  await page.screenshot({ path: file, fullPage: true });
  return file;
}

/**
 * Charts load as they come near the screen (web/src/components/EChart.tsx): scroll through the page once, as a
 * reader would, so that a full-page picture shows them drawn; then back to where the page was.
 */
async function drawCharts(page: Page): Promise<void> {
  if ((await page.locator('[data-chart-pending]').count()) === 0) return;
  await page.evaluate(async () => {
    const start = window.scrollY;
    const frame = () => new Promise<void>((resolve) => requestAnimationFrame(() => resolve()));
    for (let y = 0; y < document.documentElement.scrollHeight; y += window.innerHeight / 2) {
      window.scrollTo(0, y);
      await frame();
      await frame();
    }
    window.scrollTo(0, start);
  });
  await page
    .waitForFunction(() => !document.querySelector('[data-chart-pending]'), undefined, { timeout: 10_000 })
    .catch(() => undefined);
}

/** Signs in through the sign-in page as a person would, starting from no session. */
export async function signIn(page: Page, baseUrl: string, username: string, password: string): Promise<void> {
  await page.context().clearCookies();
  await page.goto(`${baseUrl}/login`);
  await page.getByTestId('login-username').fill(username);
  await page.getByTestId('login-password').fill(password);
  await page.getByTestId('login-submit').click();
  await page.waitForURL((url) => !url.pathname.startsWith('/login'));
}
