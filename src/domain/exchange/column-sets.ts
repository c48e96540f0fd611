/**
 * The kinds of ledger an import reads — the project ledger (台账), the monthly-report ledger (月报), the
 * enterprise ledger (企业名录) and the deal ledger (招商台账) — each as a set of columns with the header
 * index that recognises them, what a row needs, and which fields a person may fill with one value for
 * every row.
 */
import { PROJECT_COLUMNS, toHalfWidth, type LedgerField, type ProjectColumn } from './project-columns.ts';
import { DEAL_COLUMNS } from './deal-columns.ts';
import { ENTERPRISE_COLUMNS } from './enterprise-columns.ts';
import { REPORT_COLUMNS } from './report-columns.ts';

export const LEDGER_KINDS = ['projects', 'reports', 'enterprises', 'deals'] as const;
export type LedgerKind = (typeof LEDGER_KINDS)[number];

export interface ColumnSet {
  kind: LedgerKind;
  columns: readonly ProjectColumn[];
  /** Normalised header → field, canonical headers and variants. */
  index: ReadonlyMap<string, LedgerField>;
  /** What every new record needs, from a column or a default. */
  required: readonly LedgerField[];
  /** Fields whose one value may stand for every row when the ledger has no such column. */
  defaultable: readonly LedgerField[];
  /** The fields a row is matched by: a mapping needs at least one of them. */
  keys: readonly LedgerField[];
}

/**
 * A header reduced to what identifies it: half-width, no spaces or line breaks, no required-marks,
 * no bracketed units or notes, 日期/年月 read as 时间, a leading year dropped.
 *
 *   normaliseHeader('总投资\n（亿元）*') → '总投资'
 *   normaliseHeader('2026年计划投资') → '计划投资'
 */
export function normaliseHeader(text: string): string {
  return toHalfWidth(text)
    .replace(/\s+/g, '')
    .replace(/[*※]/g, '')
    .replace(/\([^)]*\)|\[[^\]]*\]|【[^】]*】/g, '')
    .replace(/[:：]/g, '')
    .replace(/^\d{4}年度?/, '')
    .replace(/(日期|年月|时间节点)$/, '时间')
    .toLowerCase();
}

function indexOf(columns: readonly ProjectColumn[]): Map<string, LedgerField> {
  const index = new Map<string, LedgerField>();
  for (const c of columns) {
    for (const h of [c.header, ...c.variants]) {
      const key = normaliseHeader(h);
      if (key && !index.has(key)) index.set(key, c.field);
    }
  }
  return index;
}

/** Fields of a project ledger that one value may fill for all rows. */
export const PROJECT_DEFAULTABLE = [
  'stage',
  'nature',
  'kind',
  'industryCode',
  'level',
  'investmentType',
  'approvalMode',
] as const;

export const PROJECT_SET: ColumnSet = {
  kind: 'projects',
  columns: PROJECT_COLUMNS,
  index: indexOf(PROJECT_COLUMNS),
  // Stage alone falls back to 谋划 as in the project form.
  required: PROJECT_COLUMNS.filter((c) => c.required && c.field !== 'stage').map((c) => c.field),
  defaultable: PROJECT_DEFAULTABLE,
  keys: ['name', 'code'],
};

export const REPORT_SET: ColumnSet = {
  kind: 'reports',
  columns: REPORT_COLUMNS,
  index: indexOf(REPORT_COLUMNS),
  // The period comes from a 报告期 column, a 月份 column (with 年度 or the default's year) or the default.
  required: ['monthAmountWan', 'reportPeriod'],
  defaultable: ['reportPeriod'],
  keys: ['name', 'code'],
};

export const ENTERPRISE_SET: ColumnSet = {
  kind: 'enterprises',
  columns: ENTERPRISE_COLUMNS,
  index: indexOf(ENTERPRISE_COLUMNS),
  // A row updating a registered enterprise (by its credit code) may leave the rest out.
  required: ['enterpriseName', 'scale', 'township'],
  defaultable: [],
  keys: ['enterpriseName', 'creditCode'],
};

export const DEAL_SET: ColumnSet = {
  kind: 'deals',
  columns: DEAL_COLUMNS,
  index: indexOf(DEAL_COLUMNS),
  // A new deal needs what the deal form needs (src/contract/deals.ts); its lead unit is the unit imported
  // into when the row names none, its stage 线索.
  required: DEAL_COLUMNS.filter((c) => c.required).map((c) => c.field),
  defaultable: [],
  // A row updates the deal of the same lead unit, project name and investor.
  keys: ['name'],
};

export const COLUMN_SETS: Record<LedgerKind, ColumnSet> = {
  projects: PROJECT_SET,
  reports: REPORT_SET,
  enterprises: ENTERPRISE_SET,
  deals: DEAL_SET,
};

export const isLedgerKind = (x: unknown): x is LedgerKind =>
  typeof x === 'string' && (LEDGER_KINDS as readonly string[]).includes(x);
