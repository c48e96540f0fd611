import ExcelJS from 'exceljs';
import { parseConfig } from '../src/server/config/config.ts';
import { openDb } from '../src/server/db/client.ts';
import { readLedgerRows } from '../src/server/features/imports/read/ledger-reader.ts';
import { createStandaloneImports } from '../src/server/features/imports/imports.wiring.ts';

/**
 * One phase of the import benchmark in a process of its own, so that its peak memory (maxRSS) is its
 * own and not what the benchmark itself holds: `tsx bench/import-phase.ts PHASE FILE [DATABASE UNIT]`.
 * Dry runs and commits go through the same wiring as `lantern import projects` (or `reports`).
 * Prints one JSON line: seconds, seconds until the commit (before the lights), counts, peak RSS in MB.
 */
const [phase, file, database, unitId] = process.argv.slice(2) as [string, string, string?, string?];
const started = performance.now();
let committedAt: number | null = null;
let counts: unknown;

if (phase === 'exceljs') {
  let rows = 0;
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(file, {
    sharedStrings: 'cache',
    styles: 'cache',
    hyperlinks: 'ignore',
    worksheets: 'emit',
    entries: 'ignore',
  });
  for await (const ws of reader) for await (const _ of ws) rows++;
  counts = { rows };
} else if (phase === 'reader') {
  let rows = 0;
  for await (const _ of readLedgerRows(file, 'xlsx', { sheet: null })) rows++;
  counts = { rows };
} else {
  const config = {
    ...parseConfig({ LANTERN_WEB_DIR: '' }),
    database: database!.startsWith('postgres')
      ? { kind: 'postgres' as const, url: database! }
      : { kind: 'sqlite' as const, file: database! },
  };
  const db = openDb(config.database);
  // As `lantern import` does: the import feature alone.
  const out = await createStandaloneImports(db, () => new Date(), config.timeZone).importLocalFile({
    file,
    unitId: Number(unitId),
    actor: null,
    dryRun: phase.startsWith('dry'),
    // 'dry-reports' and 'commit-reports': a month's report ledger, filed as submitted.
    ...(phase.endsWith('-reports')
      ? { ledger: 'reports' as const, options: { reportState: 'submitted' as const } }
      : {}),
    onProgress: (p) => void (p.phase === 'lights' && committedAt === null && (committedAt = performance.now())),
  });
  counts = out.result.counts;
  if (out.result.counts.errorRows) console.error(JSON.stringify(out.result.errors.slice(0, 3)));
  await db.close();
}
const seconds = (performance.now() - started) / 1000;
const cpu = process.cpuUsage();
console.log(
  JSON.stringify({
    cpuSeconds: (cpu.user + cpu.system) / 1e6,
    seconds,
    committedSeconds: committedAt === null ? null : (committedAt - started) / 1000,
    counts,
    peakMb: process.resourceUsage().maxRSS / 1024,
  }),
);
