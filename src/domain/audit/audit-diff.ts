/**
 * A change as a person reads it: the stored before/after of an audit event turned into rows of
 * `field: before → after`, nested objects (a light rule set) flattened into dotted fields, money in
 * 万元 through src/domain/money, enumerations through their labels, and whether each field changed.
 */
import { formatWan } from '../money/money.ts';
import { auditFieldSpec, type AuditFieldSpec } from './audit-fields.ts';
import type { AuditLocale } from './audit-labels.ts';

/** One field of a change; `before`/`after` are display texts, null where the field had no value. */
export interface AuditDiffRow {
  field: string;
  label: string;
  before: string | null;
  after: string | null;
  changed: boolean;
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Leaves of a stored value by dotted path; a value that is not an object is the one field `value`. */
function flatten(value: unknown, prefix = '', out = new Map<string, unknown>()): Map<string, unknown> {
  if (value === null || value === undefined) return out;
  if (!isRecord(value)) {
    out.set(prefix || 'value', value);
    return out;
  }
  for (const [key, v] of Object.entries(value)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (isRecord(v)) flatten(v, path, out);
    else out.set(path, v);
  }
  return out;
}

const UNIT_WORDS: Record<string, Record<AuditLocale, [string, string]>> = {
  money: { 'zh-CN': ['', ' 万元'], en: ['', ' (10k yuan)'] },
  centimu: { 'zh-CN': ['', ' 亩'], en: ['', ' mu'] },
  percent: { 'zh-CN': ['', '%'], en: ['', '%'] },
  points: { 'zh-CN': ['', ' 个百分点'], en: ['', ' points'] },
  days: { 'zh-CN': ['', ' 天'], en: ['', ' days'] },
  months: { 'zh-CN': ['', ' 个月'], en: ['', ' months'] },
};

const YES_NO: Record<AuditLocale, [string, string]> = { 'zh-CN': ['是', '否'], en: ['Yes', 'No'] };

const MAX_TEXT = 300;
const clip = (text: string) => (text.length > MAX_TEXT ? `${text.slice(0, MAX_TEXT - 1)}…` : text);

function asNumber(v: unknown): number | null {
  if (typeof v === 'number' && Number.isFinite(v)) return v;
  if (typeof v === 'string' && /^-?\d+(\.\d+)?$/.test(v.trim())) return Number(v);
  return null;
}

/** A stored value as the reader sees it; null for no value. */
export function formatAuditValue(v: unknown, spec: AuditFieldSpec | undefined, locale: AuditLocale): string | null {
  if (v === null || v === undefined || v === '') return null;
  const format = spec?.format;
  if (format === 'boolean' || typeof v === 'boolean') {
    const yes = v === true || v === 1 || v === '1';
    const no = v === false || v === 0 || v === '0';
    if (yes || no) return YES_NO[locale][yes ? 0 : 1];
  }
  if (spec?.values && typeof v === 'string') return spec.values[v]?.[locale] ?? v;
  const n = asNumber(v);
  if (format && format !== 'boolean' && n !== null) {
    const [before, after] = UNIT_WORDS[format]![locale];
    const shown = format === 'money' ? formatWan(Math.round(n)) : format === 'centimu' ? String(n / 100) : String(n);
    return `${before}${shown}${after}`;
  }
  if (Array.isArray(v))
    return clip(v.every((x) => typeof x !== 'object' || x === null) ? v.join('、') : JSON.stringify(v));
  if (typeof v === 'object') return clip(JSON.stringify(v));
  return clip(String(v));
}

const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

/** The spec of a field, or money by name for a field that says it holds 元 (`…Yuan`). */
function specOf(objectType: string, field: string): AuditFieldSpec | undefined {
  const spec = auditFieldSpec(objectType, field);
  if (spec) return spec;
  const last = field.split('.').at(-1)!;
  if (/Yuan$|_yuan$/.test(last)) return { label: { 'zh-CN': field, en: field }, format: 'money' };
  return undefined;
}

/**
 * The rows of a change, in the order the fields were stored (the new state's first, then those only
 * the old state had). A created object has no before; a deleted one no after: every field changed.
 */
export function auditDiff(objectType: string, before: unknown, after: unknown, locale: AuditLocale): AuditDiffRow[] {
  const b = flatten(before);
  const a = flatten(after);
  const fields = [...new Set([...a.keys(), ...b.keys()])];
  return fields.map((field) => {
    const spec = specOf(objectType, field);
    return {
      field,
      label: spec?.label[locale] ?? field,
      before: formatAuditValue(b.get(field), spec, locale),
      after: formatAuditValue(a.get(field), spec, locale),
      changed: !same(b.get(field), a.get(field)),
    };
  });
}

/** The changed rows as one line each, `label: before → after`, for a cell or a notice. */
export function auditDiffLines(rows: AuditDiffRow[]): string[] {
  return rows.filter((r) => r.changed).map((r) => `${r.label}: ${r.before ?? '—'} → ${r.after ?? '—'}`);
}
