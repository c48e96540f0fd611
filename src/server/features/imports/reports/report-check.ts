import type { Kysely } from 'kysely';
import { cellOf, type RowError } from '../../../../domain/exchange/row-validation.ts';
import { planColumns } from '../../../../domain/exchange/row-validation.ts';
import {
  decideReport,
  DEFAULT_REPORT_IMPORT_STATE,
  periodOf,
  type ReportImportState,
} from '../../../../domain/exchange/report-import-rules.ts';
import { formatMoney } from '../../../../domain/money/money.ts';
import {
  isFutureMonth,
  isLate,
  type ReportingCalendar,
  type ReportState,
} from '../../../../domain/reports/report-rules.ts';
import { isInSubtree } from '../../../../domain/units/unit-tree.ts';
import type { DB } from '../../../db/schema.ts';
import { reportPolicy } from '../../../policies/report.policy.ts';
import {
  eachBatch,
  type CheckCounts,
  type CheckOptions,
  type CheckResult,
  type PreviewRow,
  type RowAction,
} from '../run/check-pass.ts';
import type { PreparedRow } from '../read/ledger-parse.ts';
import type { ReportImportRepository, ReportProject, StoredReport } from './report-import.repository.ts';

/**
 * Checking a monthly-report ledger: each row matched to its project (by code, else by name under the
 * unit imported into) and its month, and decided against the stored report of that month
 * (report-import-rules.ts) with the same rules as the reports page: not a future month, not a locked
 * month, not above the project's total investment, the person allowed to file (or, for approved
 * history, to review) the project's reports. Nothing is written here; a commit receives the planned
 * changes batch by batch through `onOps`.
 */
export type PlannedReportOp =
  | {
      op: 'create';
      row: number;
      project: ReportProject;
      year: number;
      month: number;
      amount: number;
      progressText: string;
      problems: string;
      state: ReportImportState;
      isLate: boolean;
    }
  | {
      op: 'update';
      row: number;
      project: ReportProject;
      report: StoredReport;
      patch: {
        amount?: number;
        progress_text?: string;
        problems?: string;
        state?: ReportImportState;
        is_late?: number;
      };
    };

const STATE_LABEL: Record<string, string> = {
  draft: '草稿',
  submitted: '已报送',
  approved: '已审核',
  returned: '已退回',
};
/** '1,250.50 万元' */
const wan = (yuan: number) => formatMoney(yuan);

export function createReportChecker({
  db,
  repo,
  calendar,
}: {
  db: Kysely<DB>;
  repo: ReportImportRepository;
  calendar: (ex: Kysely<DB>) => Promise<ReportingCalendar>;
}) {
  return {
    async check(o: CheckOptions<PlannedReportOp>): Promise<CheckResult> {
      const ex = o.ex ?? db;
      const plans = planColumns(o.header, o.mapping, o.year);
      const target = o.options?.reportState ?? DEFAULT_REPORT_IMPORT_STATE;
      const defaultPeriod = o.mapping.defaults.reportPeriod ?? null;
      const locked = new Set((await repo.lockedMonths(ex)).map((l) => `${l.year}-${l.month}`));
      const cal = await calendar(ex);
      const counts: CheckCounts = { rows: 0, create: 0, update: 0, unchanged: 0, skipped: 0, errorRows: 0, errors: 0 };
      const errors: RowError[] = [];
      const preview: PreviewRow[] = [];
      /** Project and month → the row that first named them. */
      const seen = new Map<string, number>();
      const at = (field: Parameters<typeof cellOf>[0], row: number) => cellOf(field, row, plans);
      const keep = (row: PreparedRow, action: RowAction, list: RowError[]) => {
        if (preview.length < (o.previewRows ?? 0))
          preview.push({ row: row.row, action, values: row.values, errors: list });
      };

      async function planBatch(batch: PreparedRow[]) {
        const codes = [...new Set(batch.map((r) => r.values.code).filter((c): c is string => typeof c === 'string'))];
        const names = [
          ...new Set(
            batch
              .filter((r) => typeof r.values.code !== 'string')
              .map((r) => r.values.name)
              .filter((n): n is string => typeof n === 'string'),
          ),
        ];
        const [byCode, named] = await Promise.all([repo.projectsByCodes(ex, codes), repo.projectsByNames(ex, names)]);
        const byName = named.filter((p) => isInSubtree(p.unit_path, o.target.path));
        const codeIndex = new Map(byCode.map((p) => [p.code!, p]));
        const nameIndex = new Map<string, ReportProject[]>();
        for (const p of byName) nameIndex.set(p.name, [...(nameIndex.get(p.name) ?? []), p]);

        const rows = batch.map((r) => ({ r, ...resolve(r, codeIndex, nameIndex) }));
        const projectIds = [...new Set(rows.flatMap((x) => (x.project ? [x.project.id] : [])))];
        const years = [...new Set(rows.flatMap((x) => (x.period ? [x.period.year] : [])))];
        const stored = await repo.reportsOf(ex, projectIds, years, o.lock);
        const current = new Map<string, StoredReport>();
        for (const s of stored) if (s.is_current === 1) current.set(`${s.project_id}|${s.year}|${s.month}`, s);

        const ops: PlannedReportOp[] = [];
        for (const x of rows) {
          const list = [...x.r.errors, ...x.errors];
          let op: PlannedReportOp | null = null;
          if (!list.length && x.project && x.period) {
            const out = decide(
              x.r,
              x.project,
              x.period,
              current.get(`${x.project.id}|${x.period.year}|${x.period.month}`) ?? null,
            );
            list.push(...out.errors);
            op = out.op;
          }
          if (list.length) {
            counts.errorRows++;
            counts.errors += list.length;
            for (const e of list) if (errors.length < o.maxErrors) errors.push(e);
            keep(x.r, 'invalid', list);
            continue;
          }
          const action: RowAction = op ? op.op : 'unchanged';
          counts[action]++;
          keep(x.r, action, []);
          if (op) ops.push(op);
        }
        if (ops.length && o.onOps) await o.onOps(ops, counts.errorRows > 0);
      }

      function resolve(r: PreparedRow, codeIndex: Map<string, ReportProject>, nameIndex: Map<string, ReportProject[]>) {
        const errors: RowError[] = [];
        const code = r.values.code as string | undefined;
        const name = r.values.name as string | undefined;
        let project: ReportProject | undefined;
        if (code) {
          project = codeIndex.get(code);
          if (!project) errors.push({ ...at('code', r.row), message: `项目库中没有项目代码为 ${code} 的项目` });
          else if (!isInSubtree(project.unit_path, o.target.path))
            errors.push({
              ...at('code', r.row),
              message: `项目代码 ${code} 的项目不属于“${o.target.name}”或其下级单位`,
            });
        } else if (name) {
          const found = nameIndex.get(name) ?? [];
          if (found.length === 1) project = found[0];
          else
            errors.push({
              ...at('name', r.row),
              message: found.length
                ? `“${o.target.name}”下有 ${found.length} 个名为“${name}”的项目，请填写项目代码以区分`
                : `“${o.target.name}”及下级单位没有名为“${name}”的项目`,
            });
        } else errors.push({ ...at('name', r.row), message: '须填写项目代码或项目名称' });
        if (project && errors.length === 0) {
          const allowed =
            target === 'approved' ? reportPolicy.canReview(o.actor, project) : reportPolicy.canFile(o.actor, project);
          if (!allowed)
            errors.push({
              ...at(code ? 'code' : 'name', r.row),
              message:
                target === 'approved'
                  ? `您不能审核“${project.name}”的月报，不能以“已审核”导入`
                  : `您不能填报“${project.name}”的月报`,
            });
        }

        const p = periodOf(r.values, defaultPeriod, o.year);
        let period: { year: number; month: number } | null = null;
        if ('error' in p) {
          errors.push({
            ...at(p.error === 'NO_MONTH' ? 'reportYear' : 'reportMonth', r.row),
            message:
              p.error === 'NO_MONTH'
                ? '只有年度，缺少月份'
                : '缺少报告期：台账中没有报告期或月份，请在列对应中指定报告期',
          });
        } else {
          period = p;
          const field = plans.some((x) => x.column.field === 'reportPeriod') ? 'reportPeriod' : 'reportMonth';
          if (isFutureMonth(p.year, p.month, o.today))
            errors.push({ ...at(field, r.row), message: `${p.year}年${p.month}月尚未开始，不能填报月报` });
          else if (locked.has(`${p.year}-${p.month}`))
            errors.push({
              ...at(field, r.row),
              message: `${p.year}年${p.month}月的月报已锁定，不能再导入；如需修改请联系项目办解锁`,
            });
        }
        const amountCell = at('monthAmountWan', r.row).cell;
        if (typeof r.values.monthAmountWan !== 'number' && !r.errors.some((e) => e.cell === amountCell))
          errors.push({
            ...at('monthAmountWan', r.row),
            message: plans.some((x) => x.column.field === 'monthAmountWan')
              ? '须填写本月完成投资'
              : '台账中没有“本月完成投资”列，请在列对应中指定',
          });
        if (project && period) {
          const key = `${project.id}|${period.year}|${period.month}`;
          const first = seen.get(key);
          if (first !== undefined)
            errors.push({ ...at(code ? 'code' : 'name', r.row), message: `与第 ${first} 行是同一项目同一月份` });
          else seen.set(key, r.row);
        }
        return { project, period, errors };
      }

      function decide(
        r: PreparedRow,
        project: ReportProject,
        period: { year: number; month: number },
        stored: StoredReport | null,
      ): { op: PlannedReportOp | null; errors: RowError[] } {
        const amount = r.values.monthAmountWan as number;
        if (amount > Number(project.total_investment)) {
          return {
            op: null,
            errors: [
              {
                ...at('monthAmountWan', r.row),
                message: `本月完成投资 ${wan(amount)}超过项目总投资 ${wan(Number(project.total_investment))}`,
              },
            ],
          };
        }
        const incoming = {
          amount,
          progressText: (r.values.progressText as string | undefined) ?? null,
          problems: (r.values.problems as string | undefined) ?? null,
        };
        const facts = stored && {
          state: stored.state as ReportState,
          amount: Number(stored.amount),
          progressText: stored.progress_text,
          problems: stored.problems,
        };
        const d = decideReport(facts, incoming, target);
        const late = isLate(o.today, period.year, period.month, cal);
        switch (d.kind) {
          case 'unchanged':
            return { op: null, errors: [] };
          case 'refuse':
            return {
              op: null,
              errors: [
                {
                  ...at('monthAmountWan', r.row),
                  message:
                    d.reason === 'SUBMITTED'
                      ? `${period.year}年${period.month}月月报已报送、待审核，导入不能修改；如需修改请先由审核人退回`
                      : `${period.year}年${period.month}月月报已审核，导入不能修改；如需更正请在月报页面提交更正并说明原因`,
                },
              ],
            };
          case 'create':
            return {
              op: {
                op: 'create',
                row: r.row,
                project,
                ...period,
                amount,
                progressText: incoming.progressText ?? '',
                problems: incoming.problems ?? '',
                state: target,
                isLate: target === 'submitted' && late,
              },
              errors: [],
            };
          case 'update': {
            const s = stored!;
            const patch: Extract<PlannedReportOp, { op: 'update' }>['patch'] = {};
            if (Number(s.amount) !== amount) patch.amount = amount;
            if (incoming.progressText !== null && incoming.progressText !== s.progress_text)
              patch.progress_text = incoming.progressText;
            if (incoming.problems !== null && incoming.problems !== s.problems) patch.problems = incoming.problems;
            if (d.toState) {
              patch.state = d.toState;
              // Lateness belongs to a month's first filing, as on the reports page.
              if (s.state !== 'submitted')
                patch.is_late = d.toState === 'submitted' && s.revision === 1 && late ? 1 : 0;
            }
            return { op: { op: 'update', row: r.row, project, report: s, patch }, errors: [] };
          }
        }
      }

      return { counts, errors, preview, sheetRows: await eachBatch(o, counts, planBatch) };
    },
  };
}

export const reportStateLabel = (s: string) => STATE_LABEL[s] ?? s;
export type ReportChecker = ReturnType<typeof createReportChecker>;
