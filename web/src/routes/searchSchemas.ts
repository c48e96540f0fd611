// Each page's search params, validated once by its route: unknown or malformed values are dropped,
// so pages read typed values (`useSearch({ from })`) instead of parsing the query string themselves.
import { normaliseListState, type ListState } from '../pages/projects/listQuery';
import { positiveInt, text } from './search';

type Raw = Record<string, unknown>;

const year = (value: unknown) => {
  const n = positiveInt(value);
  return n !== undefined && n >= 2000 && n <= 2100 ? n : undefined;
};

/** /dashboard?unitId=5&asOf=2026-10-31 */
export const dashboardSearch = (raw: Raw): { unitId?: number; asOf?: string } => ({
  unitId: positiveInt(raw.unitId),
  asOf: text(raw.asOf),
});

/** /projects?… : the list's filters, sort and columns (listQuery.ts). */
export const projectListSearch = (raw: Raw): ListState => normaliseListState(raw);

/** /project-lists?year=2026&unitId=5 */
export const projectListsSearch = (raw: Raw): { year?: number; unitId?: number } => ({
  year: positiveInt(raw.year),
  unitId: positiveInt(raw.unitId),
});

/** /imports?ledger=reports, ?ledger=enterprises or ?ledger=deals */
export const importsSearch = (raw: Raw): { ledger?: 'reports' | 'enterprises' | 'deals' } => ({
  ledger: raw.ledger === 'reports' || raw.ledger === 'enterprises' || raw.ledger === 'deals' ? raw.ledger : undefined,
});

/** /reports?year=2026&month=10 (both, or the page names the month just ended). */
export const reportsSearch = (raw: Raw): { year?: number; month?: number } => {
  const y = year(raw.year);
  const m = positiveInt(raw.month);
  return y !== undefined && m !== undefined && m <= 12 ? { year: y, month: m } : {};
};

/** /targets?year=2026&tab=values */
export const targetsSearch = (raw: Raw): { year?: number; tab?: 'targets' | 'values' } => ({
  year: year(raw.year),
  tab: raw.tab === 'values' ? 'values' : raw.tab === 'targets' ? 'targets' : undefined,
});

/** /races/12?year=2026&period=10&asOf=… (the period is checked against the race's kind by the page). */
export const periodSearch = (raw: Raw): { year?: number; period?: number; asOf?: string } => ({
  year: year(raw.year),
  period: positiveInt(raw.period),
  asOf: text(raw.asOf),
});

/** /races/12/records?year=&period=&unitId=&indicator=&asOf= */
export const recordsSearch = (
  raw: Raw,
): { year?: number; period?: number; unitId?: number; indicator?: string; asOf?: string } => ({
  year: positiveInt(raw.year),
  period: positiveInt(raw.period),
  unitId: positiveInt(raw.unitId),
  indicator: text(raw.indicator),
  asOf: text(raw.asOf),
});

/** /bulletins?raceId=3 */
export const bulletinsSearch = (raw: Raw): { raceId?: number } => ({ raceId: positiveInt(raw.raceId) });
