import { IMPORT_LIMITS } from '../../../../domain/exchange/import-limits.ts';
import { HEADER_SCAN_ROWS } from '../../../../domain/exchange/header-detect.ts';
import { COLUMN_SETS, LEDGER_KINDS, type ColumnSet, type LedgerKind } from '../../../../domain/exchange/column-sets.ts';
import { otherKindSuggested } from '../../../../domain/exchange/mapping.ts';
import { invalid } from '../../../http/errors.ts';
import type { StoredMessage } from '../imports.presenter.ts';
import { analyseLedger, isAnalysisProblem, type Analysis, type AnalysisProblem } from './ledger-analysis.ts';
import { sniffFile, type FileKind } from './ledger-reader.ts';

/** The message key of a file that cannot be read as a ledger. */
export function problemMessage(
  p: AnalysisProblem | { code: 'EMPTY_FILE' | 'ENCRYPTED' | 'XLS' | 'NOT_EXCEL' | 'TOO_LARGE' },
  fileName: string,
): StoredMessage {
  switch (p.code) {
    case 'EMPTY_FILE':
      return { key: 'IMPORT_EMPTY', params: { name: fileName } };
    case 'ENCRYPTED':
      return { key: 'IMPORT_ENCRYPTED', params: { name: fileName } };
    case 'XLS':
      return { key: 'IMPORT_XLS', params: { name: fileName } };
    case 'NOT_EXCEL':
      return { key: 'IMPORT_NOT_EXCEL', params: { name: fileName } };
    case 'TOO_LARGE':
      return { key: 'IMPORT_TOO_LARGE', params: { name: fileName, mb: IMPORT_LIMITS.maxFileBytes / 1024 / 1024 } };
    case 'DAMAGED':
      return { key: 'IMPORT_DAMAGED', params: { name: fileName } };
    case 'NO_SHEET':
      return { key: 'IMPORT_NO_SHEET', params: { sheet: p.sheet } };
    case 'EMPTY':
      return { key: 'IMPORT_SHEET_EMPTY', params: { sheet: p.sheet } };
    case 'TITLE_ONLY':
      return { key: 'IMPORT_TITLE_ONLY', params: { sheet: p.sheet, title: p.title.slice(0, 60) } };
    case 'NO_HEADER':
      return { key: 'IMPORT_NO_HEADER', params: { sheet: p.sheet, rows: HEADER_SCAN_ROWS } };
    case 'TOO_MANY_COLUMNS':
      return { key: 'IMPORT_TOO_MANY_COLUMNS', params: { sheet: p.sheet, count: p.count, max: p.max } };
  }
}

const LOOKS_LIKE = {
  projects: 'IMPORT_LOOKS_LIKE_PROJECTS',
  reports: 'IMPORT_LOOKS_LIKE_REPORTS',
  enterprises: 'IMPORT_LOOKS_LIKE_ENTERPRISES',
  deals: 'IMPORT_LOOKS_LIKE_DEALS',
} as const satisfies Record<LedgerKind, string>;

/** Reads a file's kind and head; throws the 400 a person should see when it is not a usable ledger. */
export async function openLedger(
  file: string,
  fileName: string,
  options: { sheet: string | null; headerRow?: number | null; set?: ColumnSet },
): Promise<{ kind: FileKind; analysis: Analysis }> {
  const sniffed = await sniffFile(file, fileName);
  const fail = (m: StoredMessage) => invalid(m.key, m.params, 'file');
  if ('problem' in sniffed)
    throw fail(problemMessage({ code: sniffed.problem === 'EMPTY' ? 'EMPTY_FILE' : sniffed.problem }, fileName));
  const analysis = await analyseLedger(file, sniffed.kind, options);
  if (isAnalysisProblem(analysis)) {
    // A ledger of one kind uploaded as another (monthly reports as projects…) has no header of the kind chosen.
    if (analysis.code === 'NO_HEADER' && options.set && !options.headerRow) {
      const chosen = options.set.kind;
      for (const kind of LEDGER_KINDS.filter((k) => k !== chosen)) {
        const other = await analyseLedger(file, sniffed.kind, { ...options, set: COLUMN_SETS[kind] });
        if (isAnalysisProblem(other)) continue;
        const suggested = otherKindSuggested(other.header.columns, chosen);
        if (suggested) throw invalid(LOOKS_LIKE[suggested], { name: fileName }, 'ledger');
      }
    }
    throw fail(problemMessage(analysis, fileName));
  }
  return { kind: sniffed.kind, analysis };
}
