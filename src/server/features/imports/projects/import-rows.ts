import { findIndustry } from '../../../../domain/industry/gbt4754.ts';
import type { Values } from '../../../../domain/exchange/row-validation.ts';
import type { ProjectField } from '../../../../domain/exchange/project-columns.ts';
import { MILESTONES } from '../../../../domain/projects/project-fields.ts';
import { isAboveYi } from '../../../../domain/projects/project-fields.ts';
import type { ProjectFacts } from '../../../../domain/projects/project-rules.ts';
import type { Stage } from '../../../../domain/projects/lifecycle.ts';
import { pinyin } from 'pinyin-pro';
import type { NewProjectRow } from './ledger-writes.repository.ts';
import { OPTIONAL_PROJECT_COLUMNS } from '../../projects/project-optional-columns.ts';

/**
 * Parsed ledger values as project columns, the same columns the project form writes
 * (projects.service.ts): derived columns (initials, industry section, 亿元以上, planned years) are
 * derived here the same way.
 */
type Columns = Partial<NewProjectRow>;

const PLAIN: Partial<Record<ProjectField, keyof NewProjectRow>> = {
  code: 'code',
  internalNo: 'internal_no',
  stage: 'stage',
  nature: 'nature',
  kind: 'kind',
  level: 'level',
  investmentType: 'investment_type',
  approvalMode: 'approval_mode',
  ownerName: 'owner_name',
  ownerCreditCode: 'owner_credit_code',
  patronLeader: 'patron_leader',
  contact: 'contact',
  address: 'address',
  longitude: 'longitude',
  latitude: 'latitude',
  fixedAssetInvestmentWan: 'fixed_asset_investment',
};

const dateColumn = (kind: 'planned' | 'actual', m: string) => `${kind}_${m}_date` as keyof NewProjectRow;
const dateField = (kind: 'planned' | 'actual', m: string) =>
  `${kind}${m[0]!.toUpperCase()}${m.slice(1)}Date` as ProjectField;
const PLAIN_ENTRIES = Object.entries(PLAIN) as [ProjectField, string][];
const DATES = MILESTONES.flatMap((m) =>
  (['planned', 'actual'] as const).map((kind) => [dateField(kind, m), dateColumn(kind, m)] as const),
);

/** The columns the present values set (an absent or empty value sets nothing). */
export const columnsOf = (values: Values): Columns => writeColumns(values, {});

/**
 * Writes the columns the present values set into `out`. Given a row of the NEW_PROJECT shape, only
 * existing properties change, so the row keeps V8's fast layout (spreading objects of forty-odd
 * properties built key by key is twenty times slower).
 */
export function writeColumns<T extends Columns>(values: Values, target: T): T {
  const out = target as Record<string, unknown>;
  for (const [field, column] of PLAIN_ENTRIES) {
    const v = values[field];
    if (v !== undefined && v !== null) out[column] = v;
  }
  if (typeof values.name === 'string') out.name = values.name;
  if (typeof values.industryCode === 'string') {
    out.industry_code = values.industryCode;
    out.industry_section = findIndustry(values.industryCode)!.section;
  }
  if (typeof values.totalInvestmentWan === 'number') {
    out.total_investment = values.totalInvestmentWan;
    out.is_above_yi = isAboveYi(values.totalInvestmentWan) ? 1 : 0;
  }
  if (typeof values.landAreaMu === 'number') out.land_area_centimu = Math.round(values.landAreaMu * 100);
  if (Array.isArray(values.tags)) out.tags = tagsText(values.tags);
  for (const [field, column] of DATES) {
    const v = values[field];
    if (typeof v === 'string') out[column] = v;
  }
  if (typeof values.plannedStartDate === 'string') out.planned_start_year = Number(values.plannedStartDate.slice(0, 4));
  if (typeof values.plannedProductionDate === 'string')
    out.planned_production_year = Number(values.plannedProductionDate.slice(0, 4));
  return target;
}

export const tagsText = (tags: readonly string[]) => (tags.length ? `,${tags.join(',')},` : '');

/** Every column of a new project but the timestamps, nulls where the ledger says nothing; copy it with newProject(). */
const NEW_PROJECT: Omit<NewProjectRow, 'stage_changed_at' | 'created_at' | 'updated_at'> = {
  name: '',
  name_initials: '',
  nature: '',
  kind: '',
  industry_code: '',
  industry_section: '',
  investment_type: '',
  approval_mode: '',
  lead_unit_id: 0,
  unit_path: '',
  enterprise_id: null,
  total_investment: 0,
  is_above_yi: 0,
  stage: 'planning',
  ...OPTIONAL_PROJECT_COLUMNS,
};

/** A fresh row of a new project, in the one shape every new row shares. */
export const newProject = () => ({ ...NEW_PROJECT });

/** The columns of a new project's row, in the order the bulk insert takes them; the timestamps last. */
export const NEW_PROJECT_COLUMNS = [
  ...(Object.keys(NEW_PROJECT) as (keyof typeof NEW_PROJECT)[]),
  'stage_changed_at',
  'created_at',
  'updated_at',
] as const;

/**
 * Pinyin initials of a name, the same as the project form's (initialsOf in projects.service.ts:
 * pinyin-pro, first letters, lowercase), computed per run of Chinese characters and remembered per
 * run: words never span a digit or a bracket, so the result is the same, and ledgers repeat their
 * words (街道, 提升改造工程, 一期). The worker thread computes them without loading the project service.
 */
const initialsCache = new Map<string, string>();
const CJK_RUN = /([\u3400-\u9fff\uf900-\ufaff]+)/;
export function initialsFor(name: string): string {
  let out = '';
  for (const part of name.split(CJK_RUN)) {
    if (!part) continue;
    if (!CJK_RUN.test(part)) {
      out += part.toLowerCase();
      continue;
    }
    let v = initialsCache.get(part);
    if (v === undefined) {
      v = pinyin(part, { pattern: 'first', toneType: 'none', type: 'array' }).join('').toLowerCase();
      if (initialsCache.size > 100_000) initialsCache.clear();
      initialsCache.set(part, v);
    }
    out += v;
  }
  return out;
}

/** The facts the cross-field rules read, from a row as it would be stored. */
export function factsOf(row: Columns, annualPlanSum: number): ProjectFacts {
  const planned: Record<string, string | null> = {};
  const actual: Record<string, string | null> = {};
  for (const m of MILESTONES) {
    planned[m] = (row[dateColumn('planned', m)] as string | null | undefined) ?? null;
    actual[m] = (row[dateColumn('actual', m)] as string | null | undefined) ?? null;
  }
  return {
    stage: row.stage as Stage,
    totalInvestment: Number(row.total_investment ?? 0),
    fixedAssetInvestment: row.fixed_asset_investment == null ? null : Number(row.fixed_asset_investment),
    planned,
    actual,
    annualPlanSum,
  };
}

/** Columns whose value differs, compared as stored (money may come back from PostgreSQL as a string). */
export function changedColumns(before: Columns, patch: Columns): Columns {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(patch)) {
    const old = (before as Record<string, unknown>)[k];
    const same = old === v || (old != null && v != null && typeof v === 'number' && Number(old) === v);
    if (!same) out[k] = v;
  }
  return out as Columns;
}

/** The row minus bookkeeping, as the project form's audit events show it. */
export function auditView(row: Columns): Record<string, unknown> {
  const {
    name_initials: _i,
    updated_at: _u,
    created_at: _c,
    stage_changed_at: _s,
    unit_path: _p,
    planned_start_year: _y,
    planned_production_year: _z,
    ...rest
  } = row;
  return rest;
}
