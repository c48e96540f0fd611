import fs from 'node:fs';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import type { DatabaseKind } from '../test/support/databases.ts';
import { tmpDir, writeLedger } from '../test/support/ledgers.ts';
import { withBenchCounty } from './county.ts';
import {
  LEDGER_HEADER as HEADER,
  ledgerRows,
  REPORT_LEDGER_HEADER,
  reportLedgerRows,
} from '../test/support/ledger-generator.ts';

/**
 * Ledger import at scale. A realistic 兰溪 ledger (merged title, unit note, 26 columns of Chinese
 * content: codes, enums by their labels, Excel dates and dates typed as text, money in 万元, a long
 * unmapped 建设内容 column) of N rows is written once; then rows/s of exceljs alone reading it, of
 * Lantern's reader, and per database of a dry run, of the committed import (timed until the
 * transaction committed; the lights follow), of importing the same file again (nothing changes); then
 * the same for last month's report ledger of all those projects (one row each, filed as submitted).
 * Each runs in a process of its own (import-phase.ts), as `lantern import` would, and reports its
 * peak RSS. Aims: 100,000 rows committed in < 20 s on SQLite, peak RSS < 500 MB, import throughput
 * ≥ half of exceljs reading alone.
 */
interface PhaseResult {
  seconds: number;
  committedSeconds: number | null;
  counts: Record<string, number>;
  peakMb: number;
}

/** Runs one phase in a child process (bench/import-phase.ts), so that its peak RSS is its own. */
function phase(name: string, file: string, database?: string, unitId?: number): PhaseResult {
  const args = [
    '--import',
    'tsx',
    path.join(import.meta.dirname, 'import-phase.ts'),
    name,
    file,
    ...(database ? [database, String(unitId)] : []),
  ];
  const out = execFileSync(process.execPath, args, {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit'],
    maxBuffer: 1 << 20,
  });
  return JSON.parse(out.trim().split('\n').at(-1)!) as PhaseResult;
}

const rate = (rows: number, seconds: number) => `${Math.round(rows / seconds).toLocaleString()} rows/s`;
const line = (kind: string, label: string, rows: number, seconds: number, peakMb: number, extra = '') =>
  console.log(
    `[${kind}] ${label.padEnd(30)} ${seconds.toFixed(1).padStart(6)} s  ${rate(rows, seconds).padStart(14)}  peak RSS ${Math.round(peakMb)} MB${extra}`,
  );

export async function benchImport(args: { projects: number; requests: number; databases: DatabaseKind[] }) {
  const n = args.projects;
  const dir = tmpDir();
  const file = path.join(dir, `兰溪市重点项目台账-${n}.xlsx`);
  const year = new Date().getUTCFullYear();
  // Last month's reports of every project the ledger created (the month from the title), as submitted.
  const last = new Date(Date.UTC(year, new Date().getUTCMonth() - 1, 1));
  const reportsFile = path.join(
    dir,
    `兰溪市${last.getUTCFullYear()}年${last.getUTCMonth() + 1}月重点项目进展情况表-${n}.xlsx`,
  );
  async function reportsPhases(kind: DatabaseKind, database: string, unitId: number) {
    const dry = phase('dry-reports', reportsFile, database, unitId);
    if (dry.counts.errorRows) throw new Error('the generated report ledger has errors');
    line(kind, 'reports: dry run', n, dry.seconds, dry.peakMb);
    const commit = phase('commit-reports', reportsFile, database, unitId);
    const toCommit = commit.committedSeconds ?? commit.seconds;
    line(
      kind,
      'reports: committed import',
      n,
      toCommit,
      commit.peakMb,
      `  (+ lights ${(commit.seconds - toCommit).toFixed(1)} s; filed ${commit.counts.create!.toLocaleString()})`,
    );
    const again = phase('commit-reports', reportsFile, database, unitId);
    line(
      kind,
      'reports: same file again',
      n,
      again.seconds,
      again.peakMb,
      `  (unchanged ${again.counts.unchanged!.toLocaleString()})`,
    );
  }
  let baseline: number | null = null;
  try {
    for (const kind of args.databases) {
      await withBenchCounty(kind, async ({ config, units, db }) => {
        if (baseline === null) {
          const t = performance.now();
          await writeLedger(file, {
            title: `兰溪市${year}年重点项目台账`,
            note: '单位：万元',
            header: HEADER,
            rows: ledgerRows(
              n,
              units.map((u) => u.name),
              year,
            ),
          });
          console.log(
            `ledger: ${n.toLocaleString()} rows × ${HEADER.length} columns, ${(fs.statSync(file).size / 1024 / 1024).toFixed(1)} MB, written in ${((performance.now() - t) / 1000).toFixed(1)} s`,
          );
          await writeLedger(reportsFile, {
            title: path.basename(reportsFile, '.xlsx').replace(/-\d+$/, ''),
            header: REPORT_LEDGER_HEADER,
            rows: reportLedgerRows(
              n,
              units.map((u) => u.name),
              year,
            ),
          });
          console.log(
            `report ledger: ${n.toLocaleString()} rows × ${REPORT_LEDGER_HEADER.length} columns, ${(fs.statSync(reportsFile).size / 1024 / 1024).toFixed(1)} MB`,
          );
          const plain = phase('exceljs', file);
          line('-', 'exceljs alone, reading', n, plain.seconds, plain.peakMb);
          const ours = phase('reader', file);
          line('-', 'Lantern reader alone', n, ours.seconds, ours.peakMb);
          baseline = plain.seconds;
        }
        const database = config.database.kind === 'sqlite' ? config.database.file : config.database.url;
        const root = await db.kysely
          .selectFrom('units')
          .select('id')
          .where('parent_id', 'is', null)
          .executeTakeFirstOrThrow();
        const dry = phase('dry', file, database, root.id);
        if (dry.counts.errorRows) throw new Error('the generated ledger has errors');
        line(kind, 'dry run (check every row)', n, dry.seconds, dry.peakMb);
        const commit = phase('commit', file, database, root.id);
        const toCommit = commit.committedSeconds ?? commit.seconds;
        line(
          kind,
          'committed import',
          n,
          toCommit,
          commit.peakMb,
          `  (+ lights ${(commit.seconds - toCommit).toFixed(1)} s; created ${commit.counts.create!.toLocaleString()})`,
        );
        const again = phase('commit', file, database, root.id);
        line(
          kind,
          'same file again (no change)',
          n,
          again.seconds,
          again.peakMb,
          `  (unchanged ${again.counts.unchanged!.toLocaleString()})`,
        );
        await reportsPhases(kind, database, root.id);
        const share = baseline / toCommit;
        const peak = Math.max(dry.peakMb, commit.peakMb, again.peakMb);
        console.log(
          `[${kind}] aims: committed < 20 s: ${toCommit < 20 ? 'yes' : 'NO'} (${toCommit.toFixed(1)} s); peak RSS < 500 MB: ${peak < 500 ? 'yes' : 'NO'} (${Math.round(peak)} MB); ` +
            `throughput ≥ ½ exceljs reading: ${share >= 0.5 ? 'yes' : 'NO'} (${(share * 100).toFixed(0)} %)`,
        );
      });
    }
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
