import { COLUMN_SETS, PROJECT_SET, type ColumnSet, type LedgerKind } from '../../../../domain/exchange/column-sets.ts';
import {
  applySavedMapping,
  checkMapping,
  describeMappingProblem,
  missingForCreate,
  type ImportMapping,
  type SavedMapping,
} from '../../../../domain/exchange/mapping.ts';
import type { LedgerField } from '../../../../domain/exchange/project-columns.ts';
import { periodInTitle } from '../../../../domain/exchange/report-columns.ts';
import type { ImportOptions } from '../../../../domain/exchange/report-import-rules.ts';
import { invalid } from '../../../http/errors.ts';
import type { StoredHeader } from '../imports.presenter.ts';
import type { Analysis } from '../read/ledger-analysis.ts';

/** A mapping as a person sends it: the sheet and header row, each column's field, defaults, whether to save it. */
export interface MappingInput {
  sheet?: string;
  headerRow?: number;
  columns: Record<string, LedgerField | null>;
  defaults?: Partial<Record<string, string | null>>;
  save?: boolean;
  options?: ImportOptions;
}

/** A mapping from the request, checked against the sheet's columns. */
export function mappingFrom(
  input: Pick<MappingInput, 'columns' | 'defaults'>,
  stored: StoredHeader,
  set: ColumnSet = PROJECT_SET,
): ImportMapping {
  const mapping: ImportMapping = { columns: {}, defaults: {} };
  for (const [letter, field] of Object.entries(input.columns)) if (field) mapping.columns[letter] = field;
  for (const [field, value] of Object.entries(input.defaults ?? {}))
    if (value) (mapping.defaults as Record<string, string>)[field] = value;
  const problems = checkMapping(mapping, stored.header.columns, set);
  if (problems.length)
    throw invalid('IMPORT_MAPPING', { problems: problems.map(describeMappingProblem).join('；') }, 'columns');
  return mapping;
}

/**
 * The mapping an analysed ledger starts with: the unit's saved one for the kind, else the proposal;
 * a report ledger with no month column takes its period from the sheet's title ("2026年10月…").
 */
export function initialMapping(ledger: LedgerKind, analysis: Analysis, saved: SavedMapping | null): ImportMapping {
  const { mapping } = applySavedMapping(analysis.header.columns, saved, COLUMN_SETS[ledger]);
  if (ledger === 'reports' && missingForCreate(mapping, COLUMN_SETS.reports).includes('reportPeriod')) {
    const period = periodInTitle(analysis.header.title);
    if (period) mapping.defaults.reportPeriod = period;
  }
  return mapping;
}
