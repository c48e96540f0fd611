import type { DetectedHeader } from '../../../../domain/exchange/header-detect.ts';
import type { ImportMapping } from '../../../../domain/exchange/mapping.ts';
import { parseRow, planColumns, type ParsedRow } from '../../../../domain/exchange/row-validation.ts';
import { initialsFor } from '../projects/import-rows.ts';
import { readLedgerRowRuns, type FileKind } from './ledger-reader.ts';

/**
 * Reading and parsing a ledger into batches of rows ready to check: the part of an import that
 * needs no database, so that it can run in a worker thread (parse-in-worker.ts) while the main
 * thread checks and writes the previous batches.
 */
export interface PreparedRow extends ParsedRow {
  /**
   * Pinyin initials of the name, computed here because they cost as much as parsing the row; null
   * when left to the checker (which computes them for the rows that need them).
   */
  initials: string | null;
}

export interface ParsedBatch {
  rows: PreparedRow[];
  /** Sheet rows read so far (header and blank rows included), and heading/subtotal lines left out. */
  rowsRead: number;
  skipped: number;
  /** Share of the sheet read, 0–1, when the reader can tell. */
  readShare: number | null;
}

export interface ParseJob {
  file: string;
  kind: FileKind;
  sheet: string;
  header: DetectedHeader;
  mapping: ImportMapping;
  year: number;
  /** Stop after this many data rows (the preview). */
  limitRows?: number;
}

export const PARSE_BATCH = 500;

/** `initials` tells, row by row, whether to compute the name's initials here. */
export async function* parseLedger(
  job: ParseJob,
  batchSize = PARSE_BATCH,
  initials: () => boolean = () => true,
): AsyncGenerator<ParsedBatch> {
  const plans = planColumns(job.header, job.mapping, job.year);
  let readShare: number | null = null;
  let rowsRead = 0;
  let skipped = 0;
  let dataRows = 0;
  let rows: PreparedRow[] = [];
  const source = readLedgerRowRuns(job.file, job.kind, {
    sheet: job.sheet,
    onBytes: (bytes, total) => (readShare = total ? Math.min(1, bytes / total) : null),
  });
  read: for await (const run of source) {
    for (const raw of run) {
      rowsRead++;
      if (raw.row < job.header.dataStartRow) continue;
      const parsed = parseRow(raw, plans);
      if (parsed.kind === 'blank') continue;
      if (parsed.kind === 'skip') {
        skipped++;
        continue;
      }
      const name = parsed.values.name;
      rows.push({ ...parsed, initials: typeof name === 'string' && initials() ? initialsFor(name) : null });
      dataRows++;
      if (rows.length >= batchSize) {
        yield { rows, rowsRead, skipped, readShare };
        rows = [];
      }
      if (job.limitRows !== undefined && dataRows >= job.limitRows) break read;
    }
  }
  yield { rows, rowsRead, skipped, readShare };
}
