import type { Kysely } from 'kysely';
import type { DB } from '../../../db/schema.ts';
import type { UnitStats } from '../../stats/unit-stats.ts';
import { ImportConflictError, importStamps, type ApplyOptions } from '../projects/import-apply.ts';
import type { ImportRepository } from '../imports.repository.ts';
import { COLUMNS } from '../projects/ledger-writes.repository.ts';
import { reportStateLabel, type PlannedReportOp } from './report-check.ts';
import type { ReportImportRepository } from './report-import.repository.ts';

/**
 * Writing a monthly-report commit inside its one transaction: new reports (revision 1, current) in
 * bulk, changed drafts one by one, one audit event per report, as the reports page records them.
 * Approved reports count towards the units' monthly figures, so a batch that approves any runs
 * inside `stats.track` for its projects. A report changed by someone since the check stops the commit.
 */
const REPORT_COLUMNS = [
  'project_id',
  'year',
  'month',
  'revision',
  'is_current',
  'amount',
  'progress_text',
  'problems',
  'state',
  'is_late',
  'correction_reason',
  'return_reason',
  'submitted_at',
  'reviewed_at',
  'reviewed_by',
  'created_by',
  'created_at',
  'updated_at',
] as const;

type Create = Extract<PlannedReportOp, { op: 'create' }>;
type Update = Extract<PlannedReportOp, { op: 'update' }>;

const view = (r: { amount: number; state: string; progress_text?: string; problems?: string; is_late?: number }) => ({
  amount: Number(r.amount),
  state: r.state,
  ...(r.progress_text !== undefined ? { progressText: r.progress_text } : {}),
  ...(r.problems !== undefined ? { problems: r.problems } : {}),
});

export function createReportWriter({
  imports,
  repo,
  stats,
}: {
  imports: ImportRepository;
  repo: ReportImportRepository;
  stats: Pick<UnitStats, 'track'>;
}) {
  return {
    begin(trx: Kysely<DB>, o: ApplyOptions) {
      const { where, audit } = importStamps(o, 'report');
      const created: number[] = [];
      const updated: number[] = [];
      const projects = new Set<number>();
      let written = 0;

      async function create(creates: Create[]) {
        const rows = creates.map((c) => {
          const filed = c.state !== 'draft' ? o.at : null;
          const reviewed = c.state === 'approved';
          return [
            c.project.id,
            c.year,
            c.month,
            1,
            1,
            c.amount,
            c.progressText,
            c.problems,
            c.state,
            c.isLate ? 1 : 0,
            null,
            null,
            filed,
            reviewed ? o.at : null,
            reviewed ? o.actor.name : null,
            o.actor.name,
            o.at,
            o.at,
          ];
        });
        const ids = await imports.insertRows(trx, 'monthly_reports', REPORT_COLUMNS, rows, true);
        if (ids.length !== creates.length) throw new Error('insert returned a different number of rows');
        await imports.insertRows(
          trx,
          'audit_events',
          COLUMNS.audit,
          creates.map((c, i) =>
            audit(
              ids[i]!,
              'report.create',
              c.project.unit_path,
              `导入月报：${c.project.name} ${c.year}年${c.month}月（${reportStateLabel(c.state)}）${where(c.row)}`,
              null,
              JSON.stringify({
                year: c.year,
                month: c.month,
                ...view({ amount: c.amount, state: c.state, progress_text: c.progressText, problems: c.problems }),
              }),
            ),
          ),
        );
        created.push(...ids);
      }

      async function update(updates: Update[]) {
        const current = new Map(
          (
            await repo.updatedAtOf(
              trx,
              updates.map((u) => u.report.id),
            )
          ).map((r) => [r.id, r.updated_at]),
        );
        const stale = updates.find((u) => current.get(u.report.id) !== u.report.updated_at);
        if (stale) throw new ImportConflictError(stale.row, 'changed');
        for (const u of updates) {
          const s = u.patch.state;
          const stamps = {
            updated_at: o.at,
            ...(s && s !== 'draft' && u.report.state !== 'submitted'
              ? { submitted_at: o.at, return_reason: null }
              : {}),
            ...(s === 'approved' ? { reviewed_at: o.at, reviewed_by: o.actor.name } : {}),
          };
          await repo.updateReport(trx, u.report.id, { ...u.patch, ...stamps });
        }
        await imports.insertRows(
          trx,
          'audit_events',
          COLUMNS.audit,
          updates.map((u) => {
            const r = u.report;
            const summary = `导入修改月报：${u.project.name} ${r.year}年${r.month}月${u.patch.state ? `（${reportStateLabel(r.state)} → ${reportStateLabel(u.patch.state)}）` : ''}${where(u.row)}`;
            const before: Record<string, unknown> = {};
            for (const k of Object.keys(u.patch)) before[k] = (r as unknown as Record<string, unknown>)[k] ?? null;
            return audit(
              r.id,
              'report.update',
              u.project.unit_path,
              summary,
              JSON.stringify(before),
              JSON.stringify(u.patch),
            );
          }),
        );
        updated.push(...updates.map((u) => u.report.id));
      }

      return {
        async write(batch: PlannedReportOp[]) {
          const creates = batch.filter((x): x is Create => x.op === 'create');
          const updates = batch.filter((x): x is Update => x.op === 'update');
          const approving = [
            ...new Set(
              batch
                .filter((x) => (x.op === 'create' ? x.state : x.patch.state) === 'approved')
                .map((x) => x.project.id),
            ),
          ];
          const store = async () => {
            if (creates.length) await create(creates);
            if (updates.length) await update(updates);
          };
          // Only approved reports count towards the units' figures.
          await (approving.length ? stats.track(trx, approving, store) : store());
          for (const x of batch) projects.add(x.project.id);
          written += batch.length;
          o.onWritten?.(written);
        },

        async finish() {
          return { created, updated, projects: [...projects] };
        },
      };
    },
  };
}

export type ReportWriter = ReturnType<typeof createReportWriter>;
