/**
 * One ledger row checked the way a person fixing it in Excel needs: each problem names the row, the
 * cell (D17), the column as its header reads, and what is wrong, in Chinese. Parsing a row needs only
 * the row; rules that need the stored project (an update merges into it) run on the merged facts and
 * are mapped back to cells here too.
 */
import type { TransitionError } from '../projects/lifecycle.ts';
import { STAGE_LABELS, type Stage } from '../projects/lifecycle.ts';
import type { RuleViolation } from '../projects/project-rules.ts';
import { cellRef, type DetectedHeader } from './header-detect.ts';
import { REQUIRED_FOR_CREATE, type ImportMapping } from './mapping.ts';
import {
  COLUMN_BY_FIELD,
  isBlank,
  cellText,
  namedMoneyUnit,
  parseCell,
  type CellValue,
  type FieldValue,
  type ParseContext,
  type ProjectColumn,
  type LedgerField,
  type ProjectField,
} from './project-columns.ts';

/** A problem in one cell. */
export interface RowError {
  row: number;
  /** As Excel names it: D17. */
  cell: string;
  /** The column's header as the ledger has it. */
  column: string;
  message: string;
  /** The message in English, where the check words one (a reader asking for English gets it, else `message`). */
  en?: string;
}

/** A formula whose result the file does not hold (saved by a program that does not calculate). */
export interface FormulaCell {
  formula: string;
}
/** An Excel error value (#N/A, #DIV/0!, #REF!). */
export interface ErrorCell {
  error: string;
}
export type RawCell = CellValue | FormulaCell | ErrorCell;

/** A data row as the reader hands it over: formulas replaced by their cached results where present. */
export interface RawRow {
  row: number;
  cells: readonly RawCell[];
}

/** A mapped column with what parsing it needs. */
export interface ColumnPlan {
  index: number;
  letter: string;
  header: string;
  column: ProjectColumn;
  ctx: ParseContext;
  /** For the annual plan: the year the header names (2026年计划投资), else the import's year. */
  planYear: number | null;
}

export type Values = Partial<Record<LedgerField, FieldValue>>;

export interface ParsedRow {
  row: number;
  /** blank: nothing in any mapped cell; skip: a heading, subtotal or note line. */
  kind: 'data' | 'blank' | 'skip';
  values: Values;
  errors: RowError[];
}

/** The mapped columns in sheet order, each with its money unit and plan year. */
export function planColumns(header: DetectedHeader, mapping: ImportMapping, defaultYear: number): ColumnPlan[] {
  const plans: ColumnPlan[] = [];
  for (const col of header.columns) {
    const field = mapping.columns[col.letter];
    if (!field) continue;
    const column = COLUMN_BY_FIELD.get(field)!;
    const unit =
      namedMoneyUnit(col.header) ?? (col.group ? namedMoneyUnit(col.group) : null) ?? header.unitNote ?? 'wan';
    const year = /(\d{4})\s*年/.exec(col.header)?.[1] ?? (col.group ? /(\d{4})\s*年/.exec(col.group)?.[1] : undefined);
    plans.push({
      index: col.index,
      letter: col.letter,
      header: col.header,
      column,
      ctx: { moneyUnit: unit },
      planYear: field === 'annualPlanWan' ? (year ? Number(year) : defaultYear) : null,
    });
  }
  return plans;
}

const isFormula = (c: RawCell): c is FormulaCell =>
  typeof c === 'object' && c !== null && !(c instanceof Date) && 'formula' in c;
const isError = (c: RawCell): c is ErrorCell =>
  typeof c === 'object' && c !== null && !(c instanceof Date) && 'error' in c;

/** Heading, subtotal and note lines people keep inside ledgers. */
const NOT_A_PROJECT =
  /^(合计|总计|小计|累计|共计|[一二三四五六七八九十]+、|[（(][一二三四五六七八九十]+[)）]|注[:：]|说明|备注[:：]|填报|制表|审核人|负责人)/;

/** An error at a mapped cell, its reference built only then: most cells of a large ledger have none. */
const errorAt = (p: ColumnPlan, row: number, message: string, en?: string): RowError => ({
  row,
  cell: cellRef(p.index, row),
  column: p.header,
  message,
  ...(en ? { en } : {}),
});

/** Parses every mapped cell of a row; an unparseable cell is an error naming it. */
export function parseRow(raw: RawRow, plans: readonly ColumnPlan[]): ParsedRow {
  const values: Values = {};
  const errors: RowError[] = [];
  let filled = 0;
  for (const p of plans) {
    const cell = raw.cells[p.index] ?? null;
    if (isFormula(cell)) {
      filled++;
      errors.push(
        errorAt(
          p,
          raw.row,
          `是公式（=${cell.formula.slice(0, 60)}），文件中没有保存计算结果；请在 Excel 中打开并保存，或复制后“选择性粘贴 → 数值”`,
          `Is a formula (=${cell.formula.slice(0, 60)}) whose result the file does not hold: open and save it in Excel, or paste it as values`,
        ),
      );
      continue;
    }
    if (isError(cell)) {
      filled++;
      errors.push(
        errorAt(
          p,
          raw.row,
          `是错误值 ${cell.error}，请改为实际数值`,
          `Is the error value ${cell.error}: enter the value`,
        ),
      );
      continue;
    }
    if (isBlank(cell)) continue;
    filled++;
    const parsed = parseCell(p.column, cell, p.ctx);
    if (parsed.ok) values[p.column.field] = parsed.value;
    else errors.push(errorAt(p, raw.row, parsed.message, parsed.en));
  }
  if (filled === 0) return { row: raw.row, kind: 'blank', values, errors: [] };
  // "合计" may stand in the name column or in the first column (序号), mapped or not.
  const nameOrFirst = typeof values.name === 'string' ? values.name : firstText(raw, plans);
  const lead = firstCell(raw);
  if (!values.code && ((nameOrFirst && NOT_A_PROJECT.test(nameOrFirst)) || (lead && NOT_A_PROJECT.test(lead))))
    return { row: raw.row, kind: 'skip', values: {}, errors: [] };
  return { row: raw.row, kind: 'data', values, errors };
}

/** The row's first non-blank cell as text, whatever its column. */
function firstCell(raw: RawRow): string {
  for (const c of raw.cells) if (c !== undefined && !isFormula(c) && !isError(c) && !isBlank(c)) return cellText(c);
  return '';
}

function firstText(raw: RawRow, plans: readonly ColumnPlan[]): string {
  for (const p of plans) {
    const c = raw.cells[p.index];
    if (c !== undefined && !isFormula(c) && !isError(c) && !isBlank(c)) return cellText(c);
  }
  return '';
}

/** Where to point at for a field: its own cell when mapped, else the name (or first mapped) cell. */
export function cellOf(
  field: LedgerField | null,
  row: number,
  plans: readonly ColumnPlan[],
): { row: number; cell: string; column: string } {
  const p =
    plans.find((x) => x.column.field === field) ??
    plans.find((x) => x.column.field === 'name') ??
    plans.find((x) => x.column.field === 'code') ??
    plans[0];
  if (!p) return { row, cell: `A${row}`, column: '' };
  return { row, cell: cellRef(p.index, row), column: p.header };
}

const headerOf = (field: string) => COLUMN_BY_FIELD.get(field as ProjectField)?.header ?? field;
const stageLabel = (s: string) => STAGE_LABELS[s as Stage]?.['zh-CN'] ?? s;

/** A new project's required fields, each missing one an error at its cell (or the name cell when unmapped). */
export function missingRequired(
  values: Values,
  row: number,
  plans: readonly ColumnPlan[],
  defaults: ImportMapping['defaults'],
): RowError[] {
  const errors: RowError[] = [];
  for (const field of REQUIRED_FOR_CREATE) {
    if (values[field] !== undefined && values[field] !== null) continue;
    if (field in defaults) continue;
    const mapped = plans.some((p) => p.column.field === field);
    errors.push({
      ...cellOf(field, row, plans),
      message: mapped
        ? `新建项目须填写“${headerOf(field)}”`
        : `新建项目须有“${headerOf(field)}”：台账中没有这一列，请在列对应中指定列或默认值`,
    });
  }
  return errors;
}

/** The cross-field rules' violations (project-rules.ts) as cell errors. */
export function ruleErrors(
  violations: readonly RuleViolation[],
  row: number,
  plans: readonly ColumnPlan[],
): RowError[] {
  return violations.map((v) => {
    const field = (v.field === 'annualPlans' ? 'annualPlanWan' : v.field) as ProjectField;
    const at = cellOf(field, row, plans);
    switch (v.key) {
      case 'DATE_ORDER':
        return { ...at, message: `${headerOf(v.params.later!)}不能早于${headerOf(v.params.earlier!)}` };
      case 'FUTURE_ACTUAL':
        return { ...at, message: `${headerOf(v.field)}（${v.params.date}）不能晚于今天` };
      case 'STAGE_NEEDS_DATE':
        return { ...at, message: `阶段为“${stageLabel(v.params.stage!)}”的项目须填写${headerOf(v.field)}` };
      case 'DATE_BEFORE_STAGE':
        return { ...at, message: `阶段为“${stageLabel(v.params.stage!)}”的项目尚未开工，不应填写${headerOf(v.field)}` };
      case 'FIXED_ABOVE_TOTAL':
        return { ...at, message: '其中固定资产投资不能超过总投资' };
      case 'PLANS_ABOVE_TOTAL':
        return { ...at, message: '年度计划投资合计不能超过总投资' };
    }
  });
}

/** A stage change an update would make that the lifecycle refuses, at the stage cell. */
export function transitionError(
  err: TransitionError,
  from: Stage,
  to: Stage,
  row: number,
  plans: readonly ColumnPlan[],
): RowError {
  const at = cellOf('stage', row, plans);
  switch (err.code) {
    case 'SAME_STAGE':
      return { ...at, message: `项目已是“${stageLabel(to)}”阶段` };
    case 'FORBIDDEN_TRANSITION':
      return {
        ...at,
        message: `项目当前为“${stageLabel(from)}”，不能直接改为“${stageLabel(to)}”${err.allowed.length ? `（可改为：${err.allowed.map(stageLabel).join('、')}）` : '（已退库的项目不能再变更阶段）'}`,
      };
    case 'MISSING':
      return {
        ...cellOf(err.field === 'reason' ? 'stage' : (err.field as ProjectField), row, plans),
        message: `改为“${stageLabel(to)}”须填写${headerOf(err.field)}`,
      };
    case 'FUTURE_DATE':
      return { ...cellOf(err.field as ProjectField, row, plans), message: `${headerOf(err.field)}不能晚于今天` };
  }
}

/** The line a person reads: "D17（总投资（万元））：“abc”不是金额". */
export const describeRowError = (e: RowError) => `${e.cell}（${e.column}）：${e.message}`;
