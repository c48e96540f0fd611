import { sql } from 'kysely';
import JSZip from 'jszip';
import { buildApp } from '../src/server/http/app.ts';
import { ApiClient } from '../test/support/client.ts';
import type { DatabaseKind } from '../test/support/databases.ts';
import { withBenchCounty } from './county.ts';
import { generate } from './projects.bench.ts';

/**
 * Excel export at scale: N projects generated into a fresh database, then the whole library
 * exported over HTTP as .xlsx (every column the list offers), streamed and paged by the keyset
 * cursor in batches of 1,000. Prints rows per second and the process's peak resident memory while
 * exporting, which should stay flat however many rows there are. `requests` exports are timed
 * (at most 3: each one is a whole library); then one four-lists ledger of the year.
 */
const ALL_COLUMNS =
  'name,code,stage,light,leadUnit,township,industry,level,aboveYi,totalInvestment,plannedStartDate,actualStartDate,plannedProductionDate,actualProductionDate,tags,updatedAt';

const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;

/** Samples the resident set size every 20 ms until stopped; returns the peak seen. */
function watchRss(): () => number {
  let peak = process.memoryUsage.rss();
  const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage.rss())), 20);
  return () => {
    clearInterval(timer);
    return Math.max(peak, process.memoryUsage.rss());
  };
}

/** Downloads a path and counts its bytes without keeping them (so the client adds no memory). */
async function download(
  client: ApiClient,
  path: string,
  keep = false,
): Promise<{ bytes: number; ms: number; body?: Buffer }> {
  const started = performance.now();
  const res = await fetch(client.baseUrl + path, {
    headers: { cookie: `lantern_session=${client.cookie('lantern_session')}` },
  });
  if (res.status !== 200 || !res.body) throw new Error(`${path}: ${res.status} ${await res.text()}`);
  let bytes = 0;
  const chunks: Uint8Array[] = [];
  const reader = res.body.getReader();
  for (let part = await reader.read(); !part.done; part = await reader.read()) {
    bytes += part.value.byteLength;
    if (keep) chunks.push(part.value);
  }
  return { bytes, ms: performance.now() - started, body: keep ? Buffer.concat(chunks) : undefined };
}

/** Counts the rows of a sheet in an .xlsx without a spreadsheet library (a check, not part of the timing). */
async function rowsIn(xlsx: Buffer, sheet = 1): Promise<number> {
  const zip = await JSZip.loadAsync(xlsx);
  const xml = await zip.file(`xl/worksheets/sheet${sheet}.xml`)!.async('string');
  return xml.split('<row ').length - 1;
}

export async function benchExport(args: { projects: number; requests: number; databases: DatabaseKind[] }) {
  for (const kind of args.databases) {
    await withBenchCounty(kind, async ({ db, config, units }) => {
      const thisYear = new Date().getUTCFullYear();
      const insertMs = await generate(db, args.projects, units, thisYear);
      await sql`ANALYZE`.execute(db.kysely);
      console.log(`[${kind}] inserted ${args.projects.toLocaleString()} projects in ${(insertMs / 1000).toFixed(1)} s`);

      const { app } = await buildApp({ config, db, clock: () => new Date() });
      await app.listen({ port: 0, host: '127.0.0.1' });
      const client = new ApiClient(`http://127.0.0.1:${(app.server.address() as { port: number }).port}`);
      await client.signIn('admin', 'river-sesame-2026');

      const path = `/api/v1/projects/export.xlsx?sort=id&order=asc&columns=${ALL_COLUMNS}`;
      const repeats = Math.max(1, Math.min(args.requests, 3));
      for (let i = 0; i < repeats; i++) {
        const before = process.memoryUsage.rss();
        const stop = watchRss();
        const run = await download(client, path);
        const peak = stop();
        console.log(
          `[${kind}] project list export: ${args.projects.toLocaleString()} rows × 16 columns in ${(run.ms / 1000).toFixed(2)} s — ` +
            `${Math.round(args.projects / (run.ms / 1000)).toLocaleString()} rows/s, ${mb(run.bytes)} .xlsx, peak RSS ${mb(peak)} (+${mb(peak - before)})`,
        );
      }
      // The check reads the whole file into memory, so it comes after the measured runs.
      const rows = (await rowsIn((await download(client, path, true)).body!)) - 1;
      if (rows !== args.projects) throw new Error(`exported ${rows} rows, expected ${args.projects}`);

      const before = process.memoryUsage.rss();
      const stop = watchRss();
      const ledgerPath = `/api/v1/project-lists/export.xlsx?year=${thisYear}`;
      const ledger = await download(client, ledgerPath);
      const peak = stop();
      const ledgerFile = (await download(client, ledgerPath, true)).body!;
      const ledgerRows = (await Promise.all([1, 2, 3, 4].map((s) => rowsIn(ledgerFile, s)))).reduce((a, b) => a + b, 0);
      console.log(
        `[${kind}] four-lists ledger: ${ledgerRows.toLocaleString()} rows on 4 sheets in ${(ledger.ms / 1000).toFixed(2)} s — ` +
          `${Math.round(ledgerRows / (ledger.ms / 1000)).toLocaleString()} rows/s, ${mb(ledger.bytes)} .xlsx, peak RSS ${mb(peak)} (+${mb(peak - before)})`,
      );
      await app.close();
    });
  }
}
