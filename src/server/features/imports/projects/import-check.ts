import type { Kysely } from 'kysely';
import type { ImportMapping } from '../../../../domain/exchange/mapping.ts';
import { COLUMN_BY_FIELD, parseCell, type ProjectField } from '../../../../domain/exchange/project-columns.ts';
import {
  cellOf,
  missingRequired,
  planColumns,
  ruleErrors,
  transitionError,
  type ColumnPlan,
  type RowError,
  type Values,
} from '../../../../domain/exchange/row-validation.ts';
import { checkTransition, type Stage } from '../../../../domain/projects/lifecycle.ts';
import { checkProjectRules } from '../../../../domain/projects/project-rules.ts';
import { isInSubtree } from '../../../../domain/units/unit-tree.ts';
import type { DB } from '../../../db/schema.ts';
import { projectPolicy } from '../../../policies/project.policy.ts';
import type { ProjectRow } from '../../projects/projects.repository.ts';
import { changedColumns, columnsOf, factsOf, initialsFor, newProject, tagsText, writeColumns } from './import-rows.ts';
import type { PreparedRow } from '../read/ledger-parse.ts';
import type { ImportRepository } from '../imports.repository.ts';
import {
  eachBatch,
  type CheckCounts,
  type CheckOptions,
  type CheckResult,
  type PlannedOp,
  type PreviewRow,
  type RowAction,
  type UnitRef,
} from '../run/check-pass.ts';

/** The lead unit a row names (or, with none named, the import's unit); `blank` when it names none. */
type Lead = { unit: UnitRef | null; error: RowError | null; blank?: boolean };

const plansSum = (plans: { year: number; amount: number }[], except: number | null) =>
  plans.filter((p) => p.year !== except).reduce((s, p) => s + Number(p.amount), 0);

/**
 * Checking an import: every parsed row matched to the project it updates (by project code, else by
 * lead unit and name) and checked against the same rules as the project form, a batch of rows at a
 * time so that lookups are a few queries per batch. Nothing is written here: a commit receives each
 * batch's planned changes through `onOps`, inside its transaction (`ex`).
 */
export function createLedgerChecker({ db, imports }: { db: Kysely<DB>; imports: ImportRepository }) {
  return {
    async check(o: CheckOptions): Promise<CheckResult> {
      const plans = planColumns(o.header, o.mapping, o.year);
      const defaults = parsedDefaults(o.mapping);
      const planYear = plans.find((x) => x.column.field === 'annualPlanWan')?.planYear ?? o.year;
      const mayCreate = new Map<number, boolean>();
      const canCreateFor = (u: UnitRef) =>
        mayCreate.get(u.id) ?? (mayCreate.set(u.id, projectPolicy.canCreateFor(o.actor, u)), mayCreate.get(u.id)!);
      const subtree = o.units.filter((u) => isInSubtree(u.path, o.target.path));
      const byName = groupBy(subtree, (u) => u.name);
      const townships = groupBy(
        o.units.filter((u) => u.kind === 'township' || u.kind === 'street'),
        (u) => u.name,
      );
      const unitById = new Map(o.units.map((u) => [u.id, u]));
      const hasUnitsBelow = subtree.length > 1;
      const leadMapped = plans.some((x) => x.column.field === 'leadUnit');
      const blankLead = (row: number): RowError => ({
        ...cellOf('leadUnit', row, plans),
        message: leadMapped
          ? `责任单位 必填：“${o.target.name}”下有多个单位，新建项目须写明责任单位`
          : `新建项目须有“责任单位”：台账中没有这一列，而“${o.target.name}”下有多个单位；请在列对应中指定该列，或导入到具体单位`,
      });
      const readScope = projectPolicy.readScope(o.actor);
      const canSee = (path: string) =>
        readScope.kind === 'all' || (readScope.kind === 'subtree' && isInSubtree(path, readScope.path));

      const counts: CheckCounts = { rows: 0, create: 0, update: 0, unchanged: 0, skipped: 0, errorRows: 0, errors: 0 };
      const errors: RowError[] = [];
      const preview: PreviewRow[] = [];
      const seenCode = new Map<string, number>();
      const seenProject = new Map<number, number>();
      /** Projects this file creates, by lead unit and name: a commit would find them again by name, a dry run not. */
      const createdInFile = new Map<string, { row: number; code: string | null }>();

      const fail = (row: number, values: Values, list: RowError[]) => {
        counts.errorRows++;
        counts.errors += list.length;
        for (const e of list) if (errors.length < o.maxErrors) errors.push(e);
        if (preview.length < (o.previewRows ?? 0)) preview.push({ row, action: 'invalid', values, errors: list });
      };

      const ex = o.ex ?? db;
      async function planBatch(batch: PreparedRow[]) {
        const leads = batch.map((r) => resolveLead(r));
        const codes = [...new Set(batch.map((r) => r.values.code).filter((c): c is string => typeof c === 'string'))];
        const pairs = batch.flatMap((r, i) =>
          leads[i]!.unit && typeof r.values.name === 'string'
            ? [{ leadId: leads[i]!.unit!.id, name: r.values.name }]
            : [],
        );
        const [withCode, withName] = await Promise.all([
          imports.projectsByCodes(ex, codes, o.lock),
          imports.projectsByLeadNames(ex, pairs, o.lock),
        ]);
        const codeIndex = new Map(withCode.map((p) => [p.code!, p]));
        const nameIndex = groupBy(withName, (p) => `${p.lead_unit_id}|${p.name}`);
        const matched = new Map<number, ProjectRow>();
        const existing = batch.map((r, i) => {
          const code = r.values.code as string | undefined;
          const lead = leads[i]!.unit;
          const sameName =
            lead && typeof r.values.name === 'string' ? (nameIndex.get(`${lead.id}|${r.values.name}`) ?? []) : [];
          const p = code
            ? (codeIndex.get(code) ?? sameName.find((x) => x.code === null))
            : sameName.length === 1
              ? sameName[0]
              : undefined;
          if (p) matched.set(p.id, p);
          return { project: p, ambiguous: !code && sameName.length > 1 ? sameName.length : 0 };
        });
        const planRows = await imports.plansOf(ex, [...matched.keys()]);
        const plansByProject = groupBy(planRows, (p) => p.project_id);

        const ops: PlannedOp[] = [];
        batch.forEach((r, i) => {
          const out = planRow(r, leads[i]!, existing[i]!, plansByProject);
          if (out.errors.length) return fail(r.row, r.values, out.errors);
          if (out.op) ops.push(out.op);
          const action: RowAction = out.op ? out.op.op : 'unchanged';
          counts[action]++;
          if (preview.length < (o.previewRows ?? 0)) preview.push({ row: r.row, action, values: r.values, errors: [] });
        });
        if (ops.length && o.onOps) await o.onOps(ops, counts.errorRows > 0);
      }

      function resolveLead(r: PreparedRow): Lead {
        const name = r.values.leadUnit;
        if (typeof name !== 'string') return { unit: o.target, error: null, blank: true };
        const found = byName.get(name) ?? [];
        if (found.length === 1) return { unit: found[0]!, error: null };
        const message = found.length
          ? `有 ${found.length} 个单位名为“${name}”，无法确定`
          : `“${name}”不是“${o.target.name}”或其下级单位`;
        return { unit: null, error: { ...cellOf('leadUnit', r.row, plans), message } };
      }

      function resolveTownship(r: PreparedRow): { id: number | null | undefined; error: RowError | null } {
        const name = r.values.township;
        if (typeof name !== 'string') return { id: undefined, error: null };
        const found =
          townships.get(name) ?? ['街道', '镇', '乡'].flatMap((suffix) => townships.get(name + suffix) ?? []);
        if (found.length === 1) return { id: found[0]!.id, error: null };
        return {
          id: null,
          error: {
            ...cellOf('township', r.row, plans),
            message: found.length ? `有 ${found.length} 个乡镇（街道）名为“${name}”` : `“${name}”不是本县的乡镇或街道`,
          },
        };
      }

      function planRow(
        r: PreparedRow,
        lead: Lead,
        match: { project: ProjectRow | undefined; ambiguous: number },
        plansByProject: Map<number, { project_id: number; year: number; amount: number }[]>,
      ): { op: PlannedOp | null; errors: RowError[] } {
        const rowErrors = [...r.errors];
        if (lead.error) rowErrors.push(lead.error);
        const township = resolveTownship(r);
        if (township.error) rowErrors.push(township.error);
        const code = r.values.code as string | undefined;
        const name = r.values.name as string | undefined;
        const at = (field: ProjectField | null) => cellOf(field, r.row, plans);

        if (code) {
          const first = seenCode.get(code);
          if (first !== undefined) rowErrors.push({ ...at('code'), message: `与第 ${first} 行的项目代码相同` });
          else seenCode.set(code, r.row);
        }
        if (match.ambiguous)
          rowErrors.push({ ...at('name'), message: `已有 ${match.ambiguous} 个同名项目，请填写项目代码以区分` });
        const p = match.project;
        if (p) {
          const first = seenProject.get(p.id);
          if (first !== undefined)
            rowErrors.push({ ...at(code ? 'code' : 'name'), message: `与第 ${first} 行是同一个项目` });
          else seenProject.set(p.id, r.row);
          if (!isInSubtree(p.unit_path, o.target.path) || !projectPolicy.canUpdate(o.actor, p)) {
            const owner = unitById.get(p.lead_unit_id)?.name ?? '其他单位';
            rowErrors.push({
              ...at('code'),
              message: canSee(p.unit_path)
                ? `项目代码 ${p.code} 已被“${owner}”的项目“${p.name}”使用，不在本次导入的单位范围内`
                : `项目代码 ${p.code} 已被其他单位的项目使用`,
            });
          }
        }
        // A project the file creates appears once: a later row of the same unit and name is the same project,
        // unless both carry different codes.
        const key = lead.unit && name ? `${lead.unit.id}|${name}` : null;
        const earlier = key ? createdInFile.get(key) : undefined;
        if (earlier && (!code || !earlier.code || earlier.code === code)) {
          rowErrors.push({
            ...at('name'),
            message: `与第 ${earlier.row} 行的项目名称相同；同一单位的同名项目请填写项目代码以区分`,
          });
        }
        if (lead.unit && !canCreateFor(lead.unit))
          rowErrors.push({ ...at('leadUnit'), message: `您不能为“${lead.unit.name}”导入项目` });
        if (rowErrors.length || !lead.unit) return { op: null, errors: rowErrors };

        const plan =
          typeof r.values.annualPlanWan === 'number' ? { year: planYear, amount: r.values.annualPlanWan } : null;
        const tags = Array.isArray(r.values.tags) ? (r.values.tags as string[]) : null;

        if (!p) {
          // A unit with units below it cannot stand for a row that names none: the row says whose project it is.
          if (lead.blank && hasUnitsBelow) return { op: null, errors: [blankLead(r.row)] };
          const missing = missingRequired(r.values, r.row, plans, o.mapping.defaults);
          if (missing.length) return { op: null, errors: missing };
          const row = writeColumns(r.values, writeColumns(defaults, newProject()));
          row.lead_unit_id = lead.unit.id;
          row.unit_path = lead.unit.path;
          if (township.id !== undefined) row.township_unit_id = township.id;
          row.name_initials = r.initials ?? initialsFor(row.name);
          const violations = checkProjectRules(factsOf(row, plan?.amount ?? 0), o.today);
          if (violations.length) return { op: null, errors: ruleErrors(violations, r.row, plans) };
          createdInFile.set(key!, { row: r.row, code: code ?? null });
          return { op: { op: 'create', row: r.row, project: row, tags, plan }, errors: [] };
        }

        const cols = columnsOf(r.values);
        if (township.id !== undefined) cols.township_unit_id = township.id;
        // Without a lead-unit column a project stays where it is; with one, it may move within the unit's subtree.
        if (typeof r.values.leadUnit === 'string')
          Object.assign(cols, { lead_unit_id: lead.unit.id, unit_path: lead.unit.path });
        const patch = changedColumns(p, cols);
        if (patch.name) patch.name_initials = r.initials ?? initialsFor(patch.name);
        const merged = { ...p, ...patch };
        const existingPlans = plansByProject.get(p.id) ?? [];
        const errorsOut: RowError[] = [];
        let stage: { from: string; to: string } | null = null;
        if (patch.stage) {
          const from = p.stage as Stage;
          const to = patch.stage as Stage;
          const err = checkTransition({
            from,
            to,
            reason: `台账导入：${o.fileName}`,
            actualStartDate: merged.actual_start_date,
            actualCompletionDate: merged.actual_completion_date,
            actualProductionDate: merged.actual_production_date,
            actualCapacityDate: merged.actual_capacity_date,
            today: o.today,
          });
          if (err) errorsOut.push(transitionError(err, from, to, r.row, plans));
          stage = { from, to };
        }
        const planSum = plansSum(existingPlans, plan?.year ?? null) + (plan ? plan.amount : 0);
        if (!errorsOut.length)
          errorsOut.push(...ruleErrors(checkProjectRules(factsOf(merged, planSum), o.today), r.row, plans));
        if (errorsOut.length) return { op: null, errors: errorsOut };
        const planChanged =
          plan && Number(existingPlans.find((x) => x.year === plan.year)?.amount ?? NaN) !== plan.amount ? plan : null;
        const tagsChanged = tags && tagsText(tags) !== p.tags ? tags : null;
        if (!Object.keys(patch).length && !planChanged && !tagsChanged) return { op: null, errors: [] };
        if (tagsChanged) patch.tags = tagsText(tagsChanged);
        const before: Record<string, unknown> = {};
        for (const k of Object.keys(patch)) before[k] = (p as Record<string, unknown>)[k] ?? null;
        return {
          op: {
            op: 'update',
            row: r.row,
            id: p.id,
            updatedAt: p.updated_at,
            name: merged.name,
            unitPath: merged.unit_path,
            patch,
            before,
            tags: tagsChanged,
            plan: planChanged,
            stage,
          },
          errors: [],
        };
      }

      return { counts, errors, preview, sheetRows: await eachBatch(o, counts, planBatch) };
    },
  };
}

/** The mapping's defaults as parsed values (labels or identifiers accepted, as in a cell). */
function parsedDefaults(mapping: ImportMapping): Values {
  const out: Values = {};
  for (const [field, text] of Object.entries(mapping.defaults)) {
    const parsed = parseCell(COLUMN_BY_FIELD.get(field as ProjectField)!, text ?? null);
    if (parsed.ok && parsed.value !== null) out[field as ProjectField] = parsed.value;
  }
  return out;
}

function groupBy<T, K>(items: readonly T[], key: (t: T) => K): Map<K, T[]> {
  const out = new Map<K, T[]>();
  for (const item of items) {
    const k = key(item);
    const list = out.get(k);
    if (list) list.push(item);
    else out.set(k, [item]);
  }
  return out;
}

export type LedgerChecker = ReturnType<typeof createLedgerChecker>;
export type { ColumnPlan };
