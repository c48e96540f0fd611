import fs from 'node:fs';
import path from 'node:path';
import type { Browser, BrowserContext, CDPSession, Page } from 'playwright-core';
import { launchBrowser } from '../e2e/support/browser.ts';
import { ApiClient } from '../test/support/client.ts';
import type { DatabaseKind } from '../test/support/databases.ts';
import { demoDatabase } from '../test/support/demo.ts';
import { spawnLoadServer } from './load-server.ts';

/**
 * Speed on a phone (issue 14): the demo county served with the built web app (web/dist: `npm run build`
 * first) by a server in a process of its own, and Chromium on a phone's screen (390 × 844) over a
 * simulated mobile connection: 150 ms latency, 1.6 Mbps down and up (200,000 bytes/s, CDP
 * `Network.emulateNetworkConditions`). That is the issue's condition, and the aims are judged on it. Each
 * page is measured a second time with the CPU also slowed 4× (`Emulation.setCPUThrottlingRate`), as on
 * an older phone: printed beside, not judged (PHONE_PROFILES=network or =cpu4 measures only one).
 *
 * Signed in beforehand (the session cookie is set in the browser; signing in is not counted), each page is
 * opened **cold** (a new browser context: empty cache, nothing loaded) and then **warm** (the same
 * context, reloaded: the files cached, the data read again). A visit lasts from the navigation's start
 * until the page's own figures are on the screen (a concrete element per page) and every chart on the
 * first screen is drawn. The leader's dashboard is judged against the aims; every main page is printed
 * in a table beside it (the 月报 page as the leader and as the coordinator, who also sees the review queue).
 */
const AIMS = { coldMs: 4000, warmMs: 1500 };
const NETWORK = { latency: 150, downloadThroughput: 200_000, uploadThroughput: 200_000 };
/** The issue's condition (the network alone) and an older phone's (the network and a CPU 4× slower). */
const PROFILES = [
  { name: 'network', label: 'network only (the aims)', cpuSlowdown: 1, judged: true },
  { name: 'cpu4', label: 'network + CPU 4× slower (older phone, not judged)', cpuSlowdown: 4, judged: false },
].filter((p) => !process.env.PHONE_PROFILES || process.env.PHONE_PROFILES.split(',').includes(p.name));
type Profile = (typeof PROFILES)[number];
const PHONE = { width: 390, height: 844 };
const DEMO_PASSWORD = 'lantern-demo';
const TIMEOUT_MS = 60_000;
/** Visits per page and kind (PHONE_ROUNDS, default 3); the median is printed (the machine is shared). */
const ROUNDS = Number(process.env.PHONE_ROUNDS ?? 3);
/** PHONE_PAGES=/dashboard,/reports: only these pages (by label). */
const ONLY = process.env.PHONE_PAGES?.split(',');

interface PageSpec {
  label: string;
  user: 'leader' | 'coordinator';
  path: string;
  /** A CSS selector present once the page shows its figures. */
  ready: string;
}

interface Visit {
  ms: number;
  bytes: number;
  requests: number;
}

export async function benchPhone(args: { databases: DatabaseKind[] }) {
  const dist = path.resolve('web/dist');
  if (!fs.existsSync(path.join(dist, 'index.html'))) throw new Error('web/dist is missing: run `npm run build` first');
  for (const kind of args.databases) {
    const demo = await demoDatabase(kind);
    const server = await spawnLoadServer({
      database: demo.database,
      clockStart: new Date().toISOString(),
      webDir: dist,
    });
    const browser = await launchBrowser();
    try {
      const pages = (await pageSpecs(server.url)).filter((p) => !ONLY || ONLY.includes(p.label));
      const cookies = {
        leader: await sessionCookies(server.url, 'leader'),
        coordinator: await sessionCookies(server.url, 'coordinator'),
      };
      for (const profile of PROFILES) {
        console.log(
          `[${kind}] phone ${PHONE.width}×${PHONE.height}, ${NETWORK.latency} ms latency, ${(NETWORK.downloadThroughput * 8) / 1e6} Mbps down/up, CPU ${profile.cpuSlowdown}×: ${profile.label}; median of ${ROUNDS}`,
        );
        const results: { spec: PageSpec; cold: Visit; warm: Visit }[] = [];
        for (const spec of pages) {
          const colds: Visit[] = [];
          const warms: Visit[] = [];
          for (let round = 0; round < ROUNDS; round++) {
            const { cold, warm } = await coldAndWarm(browser, server.url, cookies[spec.user], spec, profile);
            colds.push(cold);
            warms.push(warm);
          }
          results.push({ spec, cold: median(colds), warm: median(warms) });
        }
        printResults(kind, profile, results);
      }
    } finally {
      await browser.close();
      await server.stop();
      await demo.drop();
    }
  }
}

function printResults(kind: DatabaseKind, profile: Profile, results: { spec: PageSpec; cold: Visit; warm: Visit }[]) {
  const dashboard = results.find((r) => r.spec.label === '/dashboard') ?? results[0]!;
  const mark = (ok: boolean) => (!profile.judged ? 'not judged' : ok ? 'ok' : 'MISSED');
  console.log(
    `[${kind}] leader's dashboard, ${profile.name}: cold ${ms(dashboard.cold)} (${kB(dashboard.cold)}, aim < ${AIMS.coldMs} ms: ${mark(dashboard.cold.ms < AIMS.coldMs)}), warm ${ms(dashboard.warm)} (${kB(dashboard.warm)}, aim < ${AIMS.warmMs} ms: ${mark(dashboard.warm.ms < AIMS.warmMs)})`,
  );
  console.log(
    `[${kind}]   ${'page'.padEnd(28)} ${'cold'.padStart(8)} ${'bytes'.padStart(10)} req ${'warm'.padStart(8)} ${'bytes'.padStart(10)} req`,
  );
  for (const { spec, cold, warm } of results)
    console.log(
      `[${kind}]   ${`${spec.label} (${spec.user})`.padEnd(28)} ${ms(cold).padStart(8)} ${kB(cold).padStart(10)} ${String(cold.requests).padStart(3)} ${ms(warm).padStart(8)} ${kB(warm).padStart(10)} ${String(warm.requests).padStart(3)}`,
    );
}

const ms = (v: Visit) => `${Math.round(v.ms)} ms`;
const kB = (v: Visit) => `${(v.bytes / 1000).toFixed(1)} kB`;

function median(visits: Visit[]): Visit {
  const sorted = [...visits].sort((a, b) => a.ms - b.ms);
  return sorted[Math.floor(sorted.length / 2)]!;
}

/** The main pages, each with what shows that it has loaded; a race's ranking and the bulletins of the demo's first race. */
async function pageSpecs(url: string): Promise<PageSpec[]> {
  const coordinator = new ApiClient(url);
  await coordinator.signIn('coordinator', DEMO_PASSWORD);
  const race = (await coordinator.get('/api/v1/races')).body.items[0];
  return [
    { label: '/dashboard', user: 'leader', path: '/dashboard', ready: '[data-testid="dashboard-plan"]' },
    { label: '/projects', user: 'leader', path: '/projects', ready: '[data-testid^="project-link-"]' },
    {
      label: '/project-lists',
      user: 'leader',
      path: '/project-lists',
      ready: '[data-testid^="lists-units-"] .ant-table-row',
    },
    { label: '/reports', user: 'leader', path: '/reports', ready: '[data-testid="reports-status"] .ant-table-row' },
    {
      label: '/reports',
      user: 'coordinator',
      path: '/reports',
      ready: '[data-testid="reports-status"] .ant-table-row',
    },
    { label: '/races', user: 'leader', path: '/races', ready: '[data-testid^="race-link-"]' },
    { label: '/races/:id', user: 'leader', path: `/races/${race.id}`, ready: '[data-testid="rank"]' },
    { label: '/bulletins', user: 'leader', path: '/bulletins', ready: '[data-testid^="bulletin-link-"]' },
    { label: '/light-rules', user: 'leader', path: '/light-rules', ready: '[data-testid^="rule-card-"]' },
  ];
}

/** The session's cookies, from signing in through the API (not part of any visit). */
async function sessionCookies(url: string, username: string) {
  const client = new ApiClient(url);
  await client.signIn(username, DEMO_PASSWORD);
  return ['lantern_session', 'lantern_csrf'].flatMap((name) => {
    const value = client.cookie(name);
    return value ? [{ name, value, url }] : [];
  });
}

async function coldAndWarm(
  browser: Browser,
  url: string,
  cookies: { name: string; value: string; url: string }[],
  spec: PageSpec,
  profile: Profile,
): Promise<{ cold: Visit; warm: Visit }> {
  const context = await browser.newContext({ viewport: PHONE, locale: 'zh-CN', isMobile: true, hasTouch: true });
  try {
    await context.addCookies(cookies);
    const page = await context.newPage();
    const meter = await throttle(context, page, profile.cpuSlowdown);
    const cold = await visit(page, meter, () => page.goto(url + spec.path, { waitUntil: 'commit' }), spec);
    printTrace(spec.label, 'cold', meter);
    const warm = await visit(page, meter, () => page.reload({ waitUntil: 'commit' }), spec);
    printTrace(spec.label, 'warm', meter);
    return { cold, warm };
  } finally {
    await context.close();
  }
}

interface Meter {
  bytes: number;
  requests: number;
  /** Each request's address and its start and end (s, the browser's clock), for PHONE_TRACE. */
  trace: Map<string, { url: string; start: number; end?: number }>;
}

/**
 * PHONE_TRACE=/reports (a page's label): prints that page's requests as a waterfall, to see what waits on what.
 */
function printTrace(label: string, kind: string, meter: Meter) {
  if (process.env.PHONE_TRACE !== label) return;
  const rows = [...meter.trace.values()].sort((a, b) => a.start - b.start);
  const t0 = rows[0]?.start ?? 0;
  for (const r of rows) {
    const from = Math.round((r.start - t0) * 1000);
    const to = r.end === undefined ? '…' : String(Math.round((r.end - t0) * 1000));
    console.log(
      `      ${kind.padEnd(5)} ${String(from).padStart(6)}–${to.padEnd(6)} ms  ${r.url.replace(/^https?:\/\/[^/]+/, '')}`,
    );
  }
}

/** Slows the page's network and CPU, and counts the bytes and requests that cross the network. */
async function throttle(context: BrowserContext, page: Page, cpuSlowdown: number): Promise<Meter> {
  const cdp: CDPSession = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.emulateNetworkConditions', { offline: false, ...NETWORK });
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: cpuSlowdown });
  const meter: Meter = { bytes: 0, requests: 0, trace: new Map() };
  cdp.on('Network.requestWillBeSent', (e) => meter.trace.set(e.requestId, { url: e.request.url, start: e.timestamp }));
  cdp.on('Network.responseReceived', (e) => {
    if (!e.response.fromDiskCache && !e.response.fromPrefetchCache && !e.response.fromServiceWorker) meter.requests++;
  });
  cdp.on('Network.loadingFinished', (e) => {
    meter.bytes += e.encodedDataLength;
    const entry = meter.trace.get(e.requestId);
    if (entry) entry.end = e.timestamp;
  });
  return meter;
}

/** One visit: from the navigation's start until the page's figures and the charts on its first screen are shown. */
async function visit(page: Page, meter: Meter, navigate: () => Promise<unknown>, spec: PageSpec): Promise<Visit> {
  meter.bytes = 0;
  meter.requests = 0;
  meter.trace.clear();
  await navigate();
  const handle = await page.waitForFunction(
    (selector) => {
      const w = window as unknown as { readyAt?: number };
      if (w.readyAt) return w.readyAt;
      if (!document.querySelector(selector)) return false;
      // A chart still loading that the reader can see (below the first screen does not count).
      const pending = [...document.querySelectorAll('[data-chart-pending]')].some(
        (el) => el.getBoundingClientRect().top < window.innerHeight,
      );
      if (pending) return false;
      w.readyAt = performance.now();
      return w.readyAt;
    },
    spec.ready,
    { polling: 'raf', timeout: TIMEOUT_MS },
  );
  const readyAt = (await handle.jsonValue()) as number;
  return { ms: readyAt, bytes: meter.bytes, requests: meter.requests };
}
