/**
 * Which ledger column fills which project field. Lantern proposes a mapping from the Chinese headers
 * (and their common variants), the person corrects it, and may save it for their unit; a saved mapping
 * is keyed by header text so it still applies when a later ledger moves its columns around.
 */
import {
  COLUMN_SETS,
  normaliseHeader,
  PROJECT_DEFAULTABLE,
  PROJECT_SET,
  type ColumnSet,
  type LedgerKind,
} from './column-sets.ts';
import type { HeaderColumn } from './header-detect.ts';
import { COLUMN_BY_FIELD, parseCell, type LedgerField, type ProjectField } from './project-columns.ts';

export { normaliseHeader };

/** The columns (by letter) and the values used where the ledger has no column for a field. */
export interface ImportMapping {
  columns: Record<string, LedgerField>;
  defaults: Partial<Record<DefaultableField, string>>;
}

/** Fields whose one value may stand for every row when the ledger has no such column. */
export const DEFAULTABLE_FIELDS = PROJECT_DEFAULTABLE;
export type DefaultableField = (typeof PROJECT_DEFAULTABLE)[number] | 'reportPeriod';

/** What a new project needs, from a column or a default; stage alone falls back to 谋划 as in the form. */
export const REQUIRED_FOR_CREATE: readonly ProjectField[] = PROJECT_SET.required as ProjectField[];

/** The field a header names in a kind of ledger, or null. */
export function matchHeader(text: string, set: ColumnSet = PROJECT_SET): LedgerField | null {
  const key = normaliseHeader(text);
  return key ? (set.index.get(key) ?? null) : null;
}

/** The proposed field of each column; a field already taken by a column to the left is not proposed again. */
export function proposeMapping(
  columns: readonly HeaderColumn[],
  set: ColumnSet = PROJECT_SET,
): Record<string, LedgerField | null> {
  const taken = new Set<LedgerField>();
  const out: Record<string, LedgerField | null> = {};
  for (const col of columns) {
    const field = matchHeader(col.header, set);
    out[col.letter] = field && !taken.has(field) ? field : null;
    if (field) taken.add(field);
  }
  return out;
}

/** A mapping as saved for a unit: field by normalised header text, plus the defaults. */
export interface SavedMapping {
  headers: Record<string, LedgerField>;
  defaults: ImportMapping['defaults'];
}

/** Saves a mapping by header text, so that it survives columns moving. */
export function toSavedMapping(mapping: ImportMapping, columns: readonly HeaderColumn[]): SavedMapping {
  const headers: Record<string, LedgerField> = {};
  for (const col of columns) {
    const field = mapping.columns[col.letter];
    if (field) headers[normaliseHeader(col.header)] = field;
  }
  return { headers, defaults: lasting(mapping.defaults) };
}

/** Defaults that belong to one file, never saved for the next: a report ledger's month. */
const PER_FILE: readonly string[] = ['reportPeriod'];
const lasting = (defaults: ImportMapping['defaults']): ImportMapping['defaults'] =>
  Object.fromEntries(Object.entries(defaults).filter(([k]) => !PER_FILE.includes(k)));

/**
 * The mapping for these columns: the saved one where it knows a header, the proposal elsewhere. Returns
 * whether the saved mapping contributed anything.
 */
export function applySavedMapping(
  columns: readonly HeaderColumn[],
  saved: SavedMapping | null,
  set: ColumnSet = PROJECT_SET,
): { mapping: ImportMapping; usedSaved: boolean } {
  const proposed = proposeMapping(columns, set);
  const mapping: ImportMapping = { columns: {}, defaults: lasting(saved?.defaults ?? {}) };
  let usedSaved = Object.keys(mapping.defaults).length > 0;
  const taken = new Set<LedgerField>();
  // Saved choices first, so a proposal cannot take a field the person assigned elsewhere.
  for (const col of columns) {
    const field = saved?.headers[normaliseHeader(col.header)];
    if (field && !taken.has(field) && set.columns.some((c) => c.field === field)) {
      mapping.columns[col.letter] = field;
      taken.add(field);
      usedSaved = true;
    }
  }
  for (const col of columns) {
    const field = proposed[col.letter];
    if (
      !mapping.columns[col.letter] &&
      field &&
      !taken.has(field) &&
      !(saved && normaliseHeader(col.header) in saved.headers)
    ) {
      mapping.columns[col.letter] = field;
      taken.add(field);
    }
  }
  return { mapping, usedSaved };
}

export type MappingProblem =
  | { code: 'UNKNOWN_COLUMN'; letter: string }
  | { code: 'UNKNOWN_FIELD'; letter: string; field: string }
  | { code: 'DUPLICATE_FIELD'; field: LedgerField; letters: string[] }
  | { code: 'NO_NAME_OR_CODE'; keys?: readonly LedgerField[] }
  | { code: 'BAD_DEFAULT'; field: DefaultableField; message: string };

/**
 * Problems that make a mapping unusable: a column that is not in the sheet, two columns on one field,
 * neither the name nor the code mapped (rows could match nothing), a default that is not a valid value.
 */
export function checkMapping(
  mapping: ImportMapping,
  columns: readonly HeaderColumn[],
  set: ColumnSet = PROJECT_SET,
): MappingProblem[] {
  const problems: MappingProblem[] = [];
  const letters = new Set(columns.map((c) => c.letter));
  const byField = new Map<LedgerField, string[]>();
  for (const [letter, field] of Object.entries(mapping.columns)) {
    if (!letters.has(letter)) problems.push({ code: 'UNKNOWN_COLUMN', letter });
    if (!set.columns.some((c) => c.field === field)) problems.push({ code: 'UNKNOWN_FIELD', letter, field });
    byField.set(field, [...(byField.get(field) ?? []), letter]);
  }
  for (const [field, ls] of byField) if (ls.length > 1) problems.push({ code: 'DUPLICATE_FIELD', field, letters: ls });
  if (!set.keys.some((k) => byField.has(k)))
    problems.push(
      set.kind === 'enterprises' || set.kind === 'deals'
        ? { code: 'NO_NAME_OR_CODE', keys: set.keys }
        : { code: 'NO_NAME_OR_CODE' },
    );
  for (const [field, value] of Object.entries(mapping.defaults) as [DefaultableField, string][]) {
    if (!set.defaultable.includes(field)) {
      problems.push({ code: 'BAD_DEFAULT', field, message: '此项不能设默认值' });
      continue;
    }
    const parsed = parseCell(COLUMN_BY_FIELD.get(field)!, value);
    if (!parsed.ok) problems.push({ code: 'BAD_DEFAULT', field, message: parsed.message });
  }
  return problems;
}

/**
 * Required fields that neither a column nor a default provides. A report's period may also come from
 * a 月份 column (its year from a 年度 column, the default period or the import's year).
 */
export function missingForCreate(mapping: ImportMapping, set: ColumnSet = PROJECT_SET): LedgerField[] {
  const mapped = new Set(Object.values(mapping.columns));
  if (mapped.has('reportMonth')) mapped.add('reportPeriod');
  return set.required.filter((f) => !mapped.has(f) && !(f in mapping.defaults));
}

/** A mapping problem in Chinese, for the page and the command line. */
export function describeMappingProblem(p: MappingProblem): string {
  const header = (f: LedgerField) => COLUMN_BY_FIELD.get(f)?.header ?? f;
  switch (p.code) {
    case 'UNKNOWN_COLUMN':
      return `第 ${p.letter} 列不在表头中`;
    case 'UNKNOWN_FIELD':
      return `第 ${p.letter} 列对应的“${p.field}”不是这类台账的栏目`;
    case 'DUPLICATE_FIELD':
      return `${p.letters.join('、')} 列都对应“${header(p.field)}”，只能保留一列`;
    case 'NO_NAME_OR_CODE':
      return p.keys
        ? `至少要有${p.keys.map((k) => `“${header(k)}”`).join('或')}列`
        : '至少要有“项目名称”或“项目代码”列';
    case 'BAD_DEFAULT':
      return `“${header(p.field)}”的默认值不正确：${p.message}`;
  }
}

/** The fields only a deal ledger has. */
const DEAL_MARKS: readonly LedgerField[] = [
  'investorName',
  'investorListing',
  'sourceRegion',
  'chain',
  'chainLink',
  'dealTeam',
  'signedAmountWan',
];

/**
 * The other kind of ledger when a sheet's header reads as that kind rather than the one chosen: a
 * sheet chosen as monthly reports without a month's amount column but with project columns (总投资,
 * 项目阶段…), or one chosen as a project ledger with a month's amount but no total investment. Report
 * ledgers often carry 总投资 or 项目阶段 for context, and project ledgers 形象进度, so neither alone
 * decides. An enterprise ledger has 企业名称 and no project name; a deal ledger a project name and
 * columns only deals have (DEAL_MARKS). Else null.
 */
export function otherKindSuggested(columns: readonly HeaderColumn[], chosen: LedgerKind): LedgerKind | null {
  const own = (kind: LedgerKind) =>
    Object.values(proposeMapping(columns, COLUMN_SETS[kind])).filter(
      (f): f is LedgerField => !!f && f !== 'code' && f !== 'name',
    );
  // An enterprise ledger names its enterprises (企业名称) and has no project name; a ledger of another
  // kind chosen as enterprises has no 企业名称.
  const projectNamed = Object.values(proposeMapping(columns, PROJECT_SET)).includes('name');
  // A deal ledger names its projects and things only deals have (投资方, 来源地区, 产业链…): one is enough
  // to keep a ledger chosen as deals, two to suggest it for another kind. 阶段, 项目类别 and 总投资 are a
  // project ledger's too.
  const dealMarks = own('deals').filter((f) => DEAL_MARKS.includes(f)).length;
  const isDealLedger = projectNamed && dealMarks >= 2;
  const enterprises = own('enterprises');
  const isEnterpriseLedger =
    enterprises.includes('enterpriseName') &&
    !projectNamed &&
    enterprises.some((f) => f === 'creditCode' || f === 'scale' || f === 'flags' || f === 'contactPhone');
  if (chosen === 'deals') {
    if (dealMarks > 0) return null;
    if (isEnterpriseLedger) return 'enterprises';
    return own('reports').includes('monthAmountWan') ? 'reports' : own('projects').length >= 2 ? 'projects' : null;
  }
  if (chosen === 'enterprises') {
    if (enterprises.includes('enterpriseName')) return null;
    if (isDealLedger) return 'deals';
    return own('reports').includes('monthAmountWan') ? 'reports' : own('projects').length >= 2 ? 'projects' : null;
  }
  if (isDealLedger) return 'deals';
  if (isEnterpriseLedger) return 'enterprises';
  if (chosen === 'reports')
    return !own('reports').includes('monthAmountWan') && own('projects').length >= 2 ? 'projects' : null;
  return own('reports').includes('monthAmountWan') && !own('projects').includes('totalInvestmentWan')
    ? 'reports'
    : null;
}
