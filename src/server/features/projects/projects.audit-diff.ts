// What an edit of a project changed, as the audit trail shows it: the columns that differ, bookkeeping left out.
import type { ProjectRow } from './projects.repository.ts';

type Row = Omit<ProjectRow, 'id'>;

/** The fields worth showing in an audit diff: the row minus bookkeeping. */
export function auditView(row: Partial<Row>) {
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

/** The changed columns, before and after (null for empty), of an edit from `before` to `after`. */
export function changedFields(before: Partial<Row>, after: Partial<Row>) {
  const b: Record<string, unknown> = {};
  const a: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(auditView(after))) {
    const old = (before as Record<string, unknown>)[k];
    if (old !== v && !(old == null && v == null)) {
      b[k] = old ?? null;
      a[k] = v ?? null;
    }
  }
  return { before: b, after: a };
}
