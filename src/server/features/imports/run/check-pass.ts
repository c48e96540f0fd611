import type { Kysely } from 'kysely';
import type { DetectedHeader } from '../../../../domain/exchange/header-detect.ts';
import type { ImportMapping } from '../../../../domain/exchange/mapping.ts';
import type { RowError, Values } from '../../../../domain/exchange/row-validation.ts';
import type { ImportOptions } from '../../../../domain/exchange/report-import-rules.ts';
import type { DB } from '../../../db/schema.ts';
import type { ActorContext } from '../../session/actor.ts';
import type { NewProjectRow } from '../projects/ledger-writes.repository.ts';
import type { ParsedBatch, PreparedRow } from '../read/ledger-parse.ts';

/*
 * What a check pass takes and gives, for either kind of ledger: its options, counts, preview rows and
 * the planned changes of a project ledger a commit writes; and the loop over the parsed batches.
 */

/** The unit imported into, and the units rows name. */
export interface UnitRef {
  id: number;
  name: string;
  kind: string;
  path: string;
}

export interface PlanChange {
  year: number;
  amount: number;
}

export type PlannedOp =
  | {
      op: 'create';
      row: number;
      project: Omit<NewProjectRow, 'stage_changed_at' | 'created_at' | 'updated_at'>;
      tags: string[] | null;
      plan: PlanChange | null;
    }
  | {
      op: 'update';
      row: number;
      id: number;
      /** As read during the check: the commit refuses to overwrite a project changed since. */
      updatedAt: string;
      name: string;
      unitPath: string;
      patch: Partial<NewProjectRow>;
      before: Record<string, unknown>;
      tags: string[] | null;
      plan: PlanChange | null;
      stage: { from: string; to: string } | null;
    };

export interface CheckCounts {
  /** Data rows read (blank rows and heading/subtotal lines excluded). */
  rows: number;
  create: number;
  update: number;
  unchanged: number;
  /** Heading, subtotal and note lines left out. */
  skipped: number;
  /** Rows with at least one error, and the errors in all. */
  errorRows: number;
  errors: number;
}

export type RowAction = 'create' | 'update' | 'unchanged' | 'invalid';

export interface PreviewRow {
  row: number;
  action: RowAction;
  values: Values;
  errors: RowError[];
}

export interface CheckOptions<Op = PlannedOp> {
  batches: AsyncIterable<ParsedBatch>;
  /** The executor lookups run on: the commit's transaction, or the database for a dry run. */
  ex?: Kysely<DB>;
  /** Lock the projects a commit updates (PostgreSQL), so that nobody changes them before it commits. */
  lock?: boolean;
  header: DetectedHeader;
  mapping: ImportMapping;
  target: UnitRef;
  actor: ActorContext;
  units: readonly UnitRef[];
  today: string;
  /** The year an annual-plan column means when its header names none. */
  year: number;
  fileName: string;
  /** Errors kept for listing and the error workbook; beyond this they are only counted. */
  maxErrors: number;
  /** Rows kept for the preview. */
  previewRows?: number;
  onRowsRead?: (rowsRead: number, readShare: number | null) => void;
  /** Receives each batch's changes in row order, with whether any error was found so far. */
  onOps?: (ops: Op[], hasErrors: boolean) => Promise<void>;
  /** The import's options (the state imported reports take). */
  options?: ImportOptions;
}

export interface CheckResult {
  counts: CheckCounts;
  errors: RowError[];
  preview: PreviewRow[];
  /** Sheet rows read, blank and header rows included: the total for the next run's progress. */
  sheetRows: number;
}

/**
 * Hands each parsed batch's rows to `plan` in order, counting the rows and the lines left out, and
 * reporting how far the sheet has been read; returns the sheet rows read (for the next run's progress).
 */
export async function eachBatch(
  o: Pick<CheckOptions<unknown>, 'batches' | 'onRowsRead'>,
  counts: CheckCounts,
  plan: (rows: PreparedRow[]) => Promise<void>,
): Promise<number> {
  let sheetRows = 0;
  for await (const batch of o.batches) {
    counts.rows += batch.rows.length;
    counts.skipped = batch.skipped;
    sheetRows = batch.rowsRead;
    if (batch.rows.length) await plan(batch.rows);
    o.onRowsRead?.(batch.rowsRead, batch.readShare);
  }
  return sheetRows;
}
