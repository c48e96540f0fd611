import fs from 'node:fs';
import { sql, type Kysely } from 'kysely';
import type { DetectedHeader } from '../../../../domain/exchange/header-detect.ts';
import { IMPORT_LIMITS } from '../../../../domain/exchange/import-limits.ts';
import type { ImportMapping } from '../../../../domain/exchange/mapping.ts';
import type { RowError } from '../../../../domain/exchange/row-validation.ts';
import type { Clock, Today } from '../../../clock.ts';
import type { MigrationDialect } from '../../../db/migrate.ts';
import type { DB } from '../../../db/schema.ts';
import type { ActorContext } from '../../session/actor.ts';
import type { LedgerKind } from '../../../../domain/exchange/column-sets.ts';
import type { ImportOptions } from '../../../../domain/exchange/report-import-rules.ts';
import type { CheckCounts, CheckOptions, CheckResult, PlannedOp, PreviewRow, UnitRef } from './check-pass.ts';
import type { ApplyOptions } from '../projects/import-apply.ts';
import type { PlannedDealOp } from '../deals/deal-check.ts';
import type { PlannedEnterpriseOp } from '../enterprises/enterprise-check.ts';
import type { PlannedReportOp } from '../reports/report-check.ts';
import type { ImportRepository } from '../imports.repository.ts';
import { parseLedger, type ParseJob } from '../read/ledger-parse.ts';
import type { FileKind } from '../read/ledger-reader.ts';
import { parseInWorker } from '../read/parse-in-worker.ts';

/**
 * One run of an import over a file on this server's disk, shared by the HTTP jobs and the command
 * line. A dry run checks every row. A commit checks and writes in one pass inside one transaction:
 * each batch is written as soon as it is checked, until the first error; after the last row the
 * transaction commits only if no row had an error (and there was a row), else it rolls back, so
 * nothing is ever stored from a ledger with an error. Large files are parsed in a worker thread
 * while the main thread checks and writes. Commits run one at a time per process.
 */
export interface ImportProgress {
  phase: 'checking' | 'writing' | 'lights' | 'done';
  /** Sheet rows read so far, and in all when a previous check counted them. */
  rowsRead: number;
  rowsTotal: number | null;
  /** Projects created or updated so far (a commit), and how many the last check planned. */
  written: number;
  toWrite: number | null;
  /** 0–100 when it can be told: by rows when counted before, else by the share of the sheet read. */
  percent: number | null;
}

/** A kind of ledger's checker and writer; `finish` names the records and the projects changed. */
export interface LedgerImporter<Op> {
  checker: { check(o: CheckOptions<Op>): Promise<CheckResult> };
  writer: {
    begin(
      trx: Kysely<DB>,
      o: ApplyOptions,
    ): {
      write(ops: Op[]): Promise<void>;
      finish(): Promise<{ created: number[]; updated: number[]; projects?: number[] }>;
    };
  };
}

export interface Importers {
  projects: LedgerImporter<PlannedOp>;
  reports: LedgerImporter<PlannedReportOp>;
  enterprises: LedgerImporter<PlannedEnterpriseOp>;
  deals: LedgerImporter<PlannedDealOp>;
}

/** The table a kind of ledger writes (for its statistics after a large load). */
const WRITTEN_TABLE = {
  projects: 'projects',
  reports: 'monthly_reports',
  enterprises: 'enterprises',
  deals: 'deals',
} as const satisfies Record<LedgerKind, string>;

export interface RunInput {
  /** Which kind of ledger: project ledgers, monthly reports, enterprises or deals. */
  ledger: LedgerKind;
  options: ImportOptions;
  file: string;
  kind: FileKind;
  fileName: string;
  sheet: string;
  header: DetectedHeader;
  mapping: ImportMapping;
  target: UnitRef;
  actor: ActorContext;
  /** Who the audit names: the person, or the command line. */
  auditActor: { id: number | null; name: string };
  ip: string | null;
  importId: number | null;
  mode: 'check' | 'commit';
  /** What an earlier check of this file counted: sheet rows, and changes planned. */
  before: { sheetRows: number; changes: number } | null;
  onProgress?: (p: ImportProgress) => void;
  /** Inside the commit's transaction, once the changes are written: records the import with them. */
  onCommit?: (trx: Kysely<DB>, outcome: { counts: CheckCounts; sheetRows: number; at: string }) => Promise<void>;
}

export interface RunResult {
  counts: CheckCounts;
  errors: RowError[];
  /** Rows of the sheet read, blank and header rows included: the total for the next run's progress. */
  sheetRows: number;
  committed: boolean;
  created: number[];
  updated: number[];
}

/** Files above this size are parsed in a worker thread; below, starting one costs more than it saves. */
const WORKER_FROM_BYTES = 512 * 1024;
/** Above this many projects changed, every light is recomputed in batches instead of one by one. */
const LIGHTS_ONE_BY_ONE = 200;
/** Commits of this many records refresh the table's statistics. */
const ANALYZE_FROM = 5_000;

class RollBack extends Error {
  constructor(readonly result: CheckResult) {
    super('import rolled back: the ledger has errors');
  }
}

let commitQueue: Promise<unknown> = Promise.resolve();
function oneAtATime<T>(fn: () => Promise<T>): Promise<T> {
  const run = commitQueue.then(fn, fn);
  commitQueue = run.catch(() => undefined);
  return run;
}

export function createImportRunner(deps: {
  db: Kysely<DB>;
  dialect: MigrationDialect;
  imports: ImportRepository;
  importers: Importers;
  clock: Clock;
  /** The county's date. */
  today: Today;
  lights: { recomputeAll: () => Promise<number>; recomputeProject: (id: number) => Promise<number> };
}) {
  const { db, clock, today, lights, importers } = deps;

  function job(input: Pick<RunInput, 'file' | 'kind' | 'sheet' | 'header' | 'mapping'>, limitRows?: number): ParseJob {
    // (the ledger kind does not change parsing: the mapping names the fields)
    return {
      file: input.file,
      kind: input.kind,
      sheet: input.sheet,
      header: input.header,
      mapping: input.mapping,
      year: Number(today().slice(0, 4)),
      limitRows,
    };
  }

  async function context(input: Pick<RunInput, 'header' | 'mapping' | 'target' | 'actor' | 'fileName' | 'options'>) {
    return {
      header: input.header,
      mapping: input.mapping,
      target: input.target,
      actor: input.actor,
      fileName: input.fileName,
      options: input.options,
      today: today(),
      year: Number(today().slice(0, 4)),
      units: await deps.imports.units(),
    };
  }

  /** The check alone (ledger kinds differ in their operations, not in how they are checked). */
  const checkWith = (input: Pick<RunInput, 'ledger'>, o: Omit<CheckOptions, 'onOps'>) => {
    switch (input.ledger) {
      case 'reports':
        return importers.reports.checker.check(o);
      case 'enterprises':
        return importers.enterprises.checker.check(o);
      case 'deals':
        return importers.deals.checker.check(o);
      case 'projects':
        return importers.projects.checker.check(o);
    }
  };

  return {
    /** The preview: the first rows as they would be stored, with their errors. */
    async preview(input: Omit<RunInput, 'mode' | 'auditActor' | 'ip' | 'importId' | 'before'>): Promise<PreviewRow[]> {
      const batches = parseLedger(job(input, IMPORT_LIMITS.previewRows));
      const result = await checkWith(input, {
        ...(await context(input)),
        batches,
        maxErrors: IMPORT_LIMITS.previewRows * 10,
        previewRows: IMPORT_LIMITS.previewRows,
      });
      return result.preview;
    },

    async run(input: RunInput): Promise<RunResult> {
      const commit = input.mode === 'commit';
      const progress: ImportProgress = {
        phase: commit ? 'writing' : 'checking',
        rowsRead: 0,
        rowsTotal: input.before?.sheetRows ?? null,
        written: 0,
        toWrite: input.before?.changes ?? null,
        percent: null,
      };
      let readShare: number | null = null;
      const report = () => {
        const read = progress.rowsTotal ? Math.min(1, progress.rowsRead / progress.rowsTotal) : readShare;
        progress.percent =
          progress.phase === 'done'
            ? 100
            : progress.phase === 'lights'
              ? 99
              : read === null
                ? null
                : Math.min(98, Math.floor(read * 98));
        input.onProgress?.({ ...progress });
      };
      report();
      const large = (await fs.promises.stat(input.file)).size >= WORKER_FROM_BYTES;
      const batches = (large ? parseInWorker : parseLedger)(job(input));
      const options = {
        ...(await context(input)),
        batches,
        maxErrors: IMPORT_LIMITS.maxStoredErrors,
        onRowsRead: (n: number, share: number | null) => {
          progress.rowsRead = n;
          readShare = share;
          report();
        },
      };
      const done = (
        result: CheckResult,
        committed: boolean,
        ids = { created: [] as number[], updated: [] as number[] },
      ): RunResult => {
        progress.phase = 'done';
        report();
        return { counts: result.counts, errors: result.errors, sheetRows: result.sheetRows, committed, ...ids };
      };
      if (!commit) return done(await checkWith(input, { ...options, ex: db }), false);

      /** Checks and writes in the commit's transaction, with the ledger kind's checker and writer. */
      async function commitWith<Op>(importer: LedgerImporter<Op>, trx: Kysely<DB>) {
        const at = clock().toISOString();
        const w = importer.writer.begin(trx, {
          actor: input.auditActor,
          ip: input.ip,
          importId: input.importId,
          fileName: input.fileName,
          at,
          onWritten: (n) => (progress.written = n),
        });
        const result = await importer.checker.check({
          ...options,
          ex: trx,
          lock: deps.dialect === 'postgres',
          onOps: (ops, hasErrors) => (hasErrors ? Promise.resolve() : w.write(ops)),
        });
        if (result.counts.errorRows > 0 || result.counts.rows === 0) throw new RollBack(result);
        const ids = await w.finish();
        await input.onCommit?.(trx, { counts: result.counts, sheetRows: result.sheetRows, at });
        return {
          result,
          created: ids.created,
          updated: ids.updated,
          projects: ids.projects ?? [...ids.created, ...ids.updated],
        };
      }

      let outcome: { result: CheckResult; created: number[]; updated: number[]; projects: number[] };
      try {
        outcome = await oneAtATime(() =>
          db.transaction().execute((trx) => {
            switch (input.ledger) {
              case 'reports':
                return commitWith(importers.reports, trx);
              case 'enterprises':
                return commitWith(importers.enterprises, trx);
              case 'deals':
                return commitWith(importers.deals, trx);
              case 'projects':
                return commitWith(importers.projects, trx);
            }
          }),
        );
      } catch (e) {
        if (e instanceof RollBack) return done(e.result, false);
        throw e;
      }
      // A large load changes the tables' shape: fresh statistics keep the next import's lookups on
      // their indexes (PostgreSQL's planner otherwise still sees the tables as they were).
      const rows = outcome.created.length + outcome.updated.length;
      if (rows >= ANALYZE_FROM) await sql`ANALYZE ${sql.table(WRITTEN_TABLE[input.ledger])}`.execute(db);
      progress.phase = 'lights';
      report();
      const changed = outcome.projects;
      if (changed.length > LIGHTS_ONE_BY_ONE) await lights.recomputeAll();
      else for (const id of changed) await lights.recomputeProject(id);
      return done(outcome.result, true, { created: outcome.created, updated: outcome.updated });
    },
  };
}

export type ImportRunner = ReturnType<typeof createImportRunner>;
