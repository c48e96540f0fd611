import type { AuditAction, AuditObjectType } from '../../../../domain/audit/audit-labels.ts';
import type { Kysely } from 'kysely';
import { contributionOf, type StatRow } from '../../../../domain/stats/contribution.ts';
import type { Stage } from '../../../../domain/projects/lifecycle.ts';
import type { DB } from '../../../db/schema.ts';
import type { UnitStats } from '../../stats/unit-stats.ts';
import type { PlannedOp } from '../run/check-pass.ts';
import { auditView, NEW_PROJECT_COLUMNS } from './import-rows.ts';
import type { ImportRepository } from '../imports.repository.ts';
import { COLUMNS } from './ledger-writes.repository.ts';
import { isUniqueViolation } from '../../../db/errors.ts';

/**
 * Writing a commit: the changes the check planned, batch by batch inside the commit's one
 * transaction — projects, tags, the year's plan, stage history, one audit event per project changed —
 * with the per-unit figures kept correct: a new project's contribution is computed from its row
 * (contributionOf, as unit-stats.ts would from the stored row) and the sums added once at the end;
 * updates run inside `stats.track` batch by batch. A project changed by someone else since it was
 * read stops the commit.
 */
export class ImportConflictError extends Error {
  constructor(
    readonly row: number,
    readonly reason: 'changed' | 'duplicate',
  ) {
    super(`import conflict at row ${row}: ${reason}`);
  }
}

export interface ApplyOptions {
  actor: { id: number | null; name: string };
  ip: string | null;
  importId: number | null;
  fileName: string;
  at: string;
  onWritten?: (written: number) => void;
}

/** Bookkeeping columns an audit event leaves out (as the project form's events do). */
const NOT_AUDITED = new Set([
  'name_initials',
  'updated_at',
  'created_at',
  'stage_changed_at',
  'unit_path',
  'planned_start_year',
  'planned_production_year',
]);
const AUDITED_NEW = NEW_PROJECT_COLUMNS.filter((k) => !NOT_AUDITED.has(k));
const STAMPS = new Set<string>(['stage_changed_at', 'created_at', 'updated_at']);

/** A new project's audit view as JSON, without its empty fields: a ledger leaves most of them empty. */
function newProjectAudit(p: Record<string, unknown>): string {
  const out: Record<string, unknown> = {};
  for (const k of AUDITED_NEW) {
    const v = p[k];
    if (v !== null && v !== '' && v !== undefined) out[k] = v;
  }
  return JSON.stringify(out);
}

type Create = Extract<PlannedOp, { op: 'create' }>;
type Update = Extract<PlannedOp, { op: 'update' }>;

/**
 * The two things every ledger writer stamps on its rows: where a row came from, for the summaries
 * ("（台账.xlsx 第 3 行，导入 #12）"), and an audit row in COLUMNS order for the bulk insert.
 */
export function importStamps(
  o: ApplyOptions,
  objectType: Extract<AuditObjectType, 'project' | 'report' | 'enterprise' | 'deal'>,
) {
  return {
    where: (row: number) => `（${o.fileName} 第 ${row} 行${o.importId ? `，导入 #${o.importId}` : ''}）`,
    audit: (
      id: number,
      action: AuditAction,
      unitPath: string,
      summary: string,
      before: string | null,
      after: string,
    ) => [
      o.at,
      o.actor.id,
      o.actor.name,
      action,
      objectType,
      String(id),
      unitPath,
      summary.slice(0, 400),
      before,
      after,
      o.ip,
    ],
  };
}

export function createImportWriter({ imports, stats }: { imports: ImportRepository; stats: Pick<UnitStats, 'track'> }) {
  return {
    /** A writer of planned changes inside `trx`; `finish` adds the new projects' figures and returns the ids changed. */
    begin(trx: Kysely<DB>, o: ApplyOptions) {
      const { where, audit } = importStamps(o, 'project');
      const figures = new Map<string, StatRow>();
      const created: number[] = [];
      const updated: number[] = [];
      let written = 0;

      async function create(creates: Create[]) {
        const rows = creates.map((c) => {
          const p = c.project as Record<string, string | number | null>;
          const row: (string | number | null)[] = new Array(NEW_PROJECT_COLUMNS.length);
          for (let j = 0; j < NEW_PROJECT_COLUMNS.length; j++) {
            const k = NEW_PROJECT_COLUMNS[j]!;
            row[j] = STAMPS.has(k) ? o.at : (p[k] ?? null);
          }
          return row;
        });
        let ids: number[];
        try {
          ids = await imports.insertRows(trx, 'projects', NEW_PROJECT_COLUMNS, rows, true);
        } catch (e) {
          if (isUniqueViolation(e)) throw new ImportConflictError(creates[0]!.row, 'duplicate');
          throw e;
        }
        if (ids.length !== creates.length) throw new Error('insert returned a different number of rows');
        await imports.insertRows(
          trx,
          'project_tags',
          COLUMNS.tags,
          creates.flatMap((c, i) => (c.tags ?? []).map((tag) => [tag, ids[i]!])),
        );
        await imports.insertRows(
          trx,
          'project_annual_plans',
          COLUMNS.plans,
          creates.flatMap((c, i) => (c.plan ? [[ids[i]!, c.plan.year, c.plan.amount]] : [])),
        );
        await imports.insertRows(
          trx,
          'project_stage_changes',
          COLUMNS.stageChanges,
          creates.map((c, i) => [ids[i]!, null, c.project.stage, '台账导入', o.actor.id, o.actor.name, o.at]),
        );
        await imports.insertRows(
          trx,
          'audit_events',
          COLUMNS.audit,
          creates.map((c, i) =>
            audit(
              ids[i]!,
              'project.create',
              c.project.unit_path,
              `导入新建项目“${c.project.name}”${where(c.row)}`,
              null,
              newProjectAudit(c.project),
            ),
          ),
        );
        creates.forEach((c, i) => {
          const p = c.project;
          const facts = {
            unitId: p.lead_unit_id,
            stage: p.stage as Stage,
            totalInvestment: p.total_investment,
            plannedStartDate: p.planned_start_date,
            actualStartDate: p.actual_start_date,
            plannedProductionDate: p.planned_production_date,
            actualProductionDate: p.actual_production_date,
            plans: c.plan ? [c.plan] : [],
            approvedReports: [],
            colour: null,
          };
          for (const r of contributionOf(facts)) {
            const key = `${r.unitId}|${r.year}|${r.month}|${r.metric}`;
            const sum = figures.get(key);
            if (sum) sum.value += r.value;
            else figures.set(key, { ...r });
          }
          created.push(ids[i]!);
        });
      }

      async function update(updates: Update[]) {
        const ids = updates.map((u) => u.id);
        const current = new Map((await imports.updatedAtOf(trx, ids)).map((r) => [r.id, r.updated_at]));
        const stale = updates.find((u) => current.get(u.id) !== u.updatedAt);
        if (stale) throw new ImportConflictError(stale.row, 'changed');
        try {
          await stats.track(trx, ids, async () => {
            for (const u of updates)
              await imports.updateProject(trx, u.id, {
                ...u.patch,
                updated_at: o.at,
                ...(u.stage ? { stage_changed_at: o.at } : {}),
              });
            const plans = updates.flatMap((u) =>
              u.plan ? [{ project_id: u.id, year: u.plan.year, amount: u.plan.amount }] : [],
            );
            if (plans.length) await imports.setPlans(trx, plans);
          });
        } catch (e) {
          if (isUniqueViolation(e)) throw new ImportConflictError(updates[0]!.row, 'duplicate');
          throw e;
        }
        const tags = new Map(updates.filter((u) => u.tags).map((u) => [u.id, u.tags!]));
        if (tags.size) await imports.replaceTags(trx, tags);
        const moves = updates.filter((u) => u.stage);
        await imports.insertRows(
          trx,
          'project_stage_changes',
          COLUMNS.stageChanges,
          moves.map((u) => [
            u.id,
            u.stage!.from,
            u.stage!.to,
            `台账导入：${o.fileName}`,
            o.actor.id,
            o.actor.name,
            o.at,
          ]),
        );
        await imports.insertRows(
          trx,
          'audit_events',
          COLUMNS.audit,
          updates.map((u) => {
            const after: Record<string, unknown> = auditView(u.patch);
            if (u.plan) after.annual_plan = u.plan;
            return audit(
              u.id,
              'project.update',
              u.unitPath,
              `导入修改项目“${u.name}”${where(u.row)}`,
              JSON.stringify(auditView(u.before)),
              JSON.stringify(after),
            );
          }),
        );
        updated.push(...ids);
      }

      return {
        async write(batch: PlannedOp[]) {
          const creates = batch.filter((x): x is Create => x.op === 'create');
          const updates = batch.filter((x): x is Update => x.op === 'update');
          if (creates.length) await create(creates);
          if (updates.length) await update(updates);
          written += batch.length;
          o.onWritten?.(written);
        },

        async finish(): Promise<{ created: number[]; updated: number[] }> {
          await imports.addUnitStats(trx, [...figures.values()]);
          return { created, updated };
        },
      };
    },
  };
}

export type ImportWriter = ReturnType<typeof createImportWriter>;
