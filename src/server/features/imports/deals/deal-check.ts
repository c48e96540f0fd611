import type { Kysely } from 'kysely';
import { checkEntry, SHELVED_ON_ENTRY_FROM } from '../../../../domain/deals/deal-entry.ts';
import type { DealSettings } from '../../../../domain/deals/deal-fields.ts';
import { DEAL_STAGE_LABELS, type DealStage } from '../../../../domain/deals/deal-stages.ts';
import { planColumns, type RowError } from '../../../../domain/exchange/row-validation.ts';
import { projectNameKey } from '../../../../domain/projects/project-name.ts';
import { isInSubtree } from '../../../../domain/units/unit-tree.ts';
import type { DB } from '../../../db/schema.ts';
import { dealScopeAllows, dealScopeFor } from '../../../policies/deal.policy.ts';
import { clockColumns } from '../../deals/deals.presenter.ts';
import type { DealTable } from '../../deals/deals.tables.ts';
import type { PreparedRow } from '../read/ledger-parse.ts';
import {
  eachBatch,
  type CheckCounts,
  type CheckOptions,
  type CheckResult,
  type PreviewRow,
  type RowAction,
  type UnitRef,
} from '../run/check-pass.ts';
import type { DealImportRepository, StoredDeal } from './deal-import.repository.ts';
import { problemAt, readDealRow, type DealField, type DealRowContext, type DealRowFacts } from './deal-row.ts';

/**
 * Checking a deal ledger (招商台账) with the deals' own rules: each row read against the county's lists, its
 * lead unit one the person may lead deals from within the unit imported into, its stage entered with what
 * the moves there need (src/domain/deals/deal-entry.ts). A row whose lead unit, project name and investor
 * are a stored deal's updates that deal's fields — never its stage, nor what its stage recorded (contract,
 * reason): those move on the deal's page by the stage rules. Nothing is written here; a commit receives
 * the planned changes batch by batch through `onOps`.
 */

/** A new deal's columns as the import writes them (the writer adds who and when; the rest take their defaults). */
export type NewDeal = Pick<
  DealTable,
  | 'name'
  | 'investor_name'
  | 'investor_credit_code'
  | 'investor_listing'
  | 'investor_hq_region'
  | 'source_region'
  | 'chain_key'
  | 'link_key'
  | 'kind'
  | 'intended_investment'
  | 'unit_id'
  | 'unit_path'
  | 'team_id'
  | 'patron_leader'
  | 'stage'
  | 'stage_entered_on'
  | 'shelved_from'
  | 'exit_reason'
  | 'signed_on'
  | 'signed_amount'
  | 'terminated_on'
  | 'light'
  | 'next_due_on'
  | 'created_on'
>;

/** The fields an import may change on a stored deal. */
export type DealFieldsPatch = Partial<
  Pick<
    DealTable,
    | 'name'
    | 'investor_name'
    | 'investor_credit_code'
    | 'investor_listing'
    | 'investor_hq_region'
    | 'source_region'
    | 'chain_key'
    | 'link_key'
    | 'kind'
    | 'intended_investment'
    | 'team_id'
    | 'patron_leader'
  >
>;

export type PlannedDealOp =
  | { op: 'create'; row: number; deal: NewDeal; eventText: string }
  /** `on`: today, the edit event's date. */
  | { op: 'update'; row: number; stored: StoredDeal; patch: DealFieldsPatch; on: string };

/** What a new deal needs besides its name (as the deal form does), named in English too. */
const REQUIRED_FIELDS = [
  { field: 'sourceRegion', fact: 'sourceRegion', header: '来源地区', en: 'source region (来源地区)' },
  { field: 'dealKind', fact: 'kind', header: '项目类别', en: 'kind (项目类别)' },
  {
    field: 'intendedInvestmentWan',
    fact: 'intendedYuan',
    header: '意向投资额',
    en: 'intended investment (意向投资额)',
  },
] as const satisfies readonly { field: DealField; fact: keyof DealRowFacts; header: string; en: string }[];

/** The ledger's column a field of the stage rules (deal-stages.ts checkMove) stands in. */
const RULE_FIELD: Record<string, DealField> = {
  investorName: 'investorName',
  signedOn: 'signedOn',
  signedAmountYuan: 'signedAmountWan',
  reason: 'dealNote',
  to: 'dealStage',
  projectId: 'dealStage',
};

const stageLabel = (s: string) => DEAL_STAGE_LABELS[s as DealStage] ?? { 'zh-CN': s, en: s };
const amountOf = (v: number | string | null) => (v === null ? null : Number(v));

export function createDealChecker({
  db,
  repo,
  settings,
}: {
  db: Kysely<DB>;
  repo: DealImportRepository;
  /** The county's lists as they stand in the executor given. */
  settings: (ex: Kysely<DB>) => Promise<DealSettings>;
}) {
  return {
    async check(o: CheckOptions<PlannedDealOp>): Promise<CheckResult> {
      const ex = o.ex ?? db;
      const plans = planColumns(o.header, o.mapping, o.year);
      const mapped = new Set(plans.map((p) => p.column.field));
      const s = await settings(ex);
      const unitsByName = new Map<string, UnitRef[]>();
      for (const u of o.units)
        if (isInSubtree(u.path, o.target.path)) unitsByName.set(u.name, [...(unitsByName.get(u.name) ?? []), u]);
      const ctx: DealRowContext = {
        settings: s,
        plans,
        target: o.target,
        actor: o.actor,
        unitsByName,
        teams: new Map((await repo.teams(ex)).map((t) => [t.name, t.id])),
      };
      const updateScope = dealScopeFor(o.actor, 'update', []);
      const counts: CheckCounts = { rows: 0, create: 0, update: 0, unchanged: 0, skipped: 0, errorRows: 0, errors: 0 };
      const errors: RowError[] = [];
      const preview: PreviewRow[] = [];
      /** Lead unit, project name and investor → the row that first named them. */
      const seen = new Map<string, number>();
      const keyOf = (unitId: number, name: string, investor: string | null) =>
        `${unitId}|${projectNameKey(name)}|${projectNameKey(investor ?? '')}`;
      const at = (field: DealField, row: number, zh: string, en: string): RowError =>
        problemAt(plans, field, row, zh, en);

      function create(r: PreparedRow, f: DealRowFacts): { op: PlannedDealOp | null; errs: RowError[] } {
        const errs: RowError[] = [];
        for (const x of REQUIRED_FIELDS) {
          if (f[x.fact] !== undefined) continue;
          errs.push(
            mapped.has(x.field)
              ? at(x.field, r.row, `新建招商项目须填写“${x.header}”`, `A new deal needs its ${x.en}`)
              : at(
                  x.field,
                  r.row,
                  `新建招商项目须有“${x.header}”：台账中没有这一列，请在列对应中指定`,
                  `A new deal needs its ${x.en}: the ledger has no such column; choose it in the mapping`,
                ),
          );
        }
        const stage = f.stage ?? 'lead';
        const refusal = checkEntry(
          { stage, reason: f.note ?? null, signedOn: f.signedOn ?? null, signedAmountYuan: f.signedYuan ?? null },
          { today: o.today, investorName: f.investorName ?? null },
        );
        if (refusal) {
          const zh = refusal.message['zh-CN'];
          const en = refusal.message.en;
          errs.push(
            refusal.field === 'projectId'
              ? at(
                  'dealStage',
                  r.row,
                  `${zh}：导入最多登记到「签约」，转入项目库后再在招商项目中登记落地`,
                  `${en}: an import enters a deal up to Signed; convert it, then record the landing on the deal`,
                )
              : at(RULE_FIELD[refusal.field] ?? 'dealStage', r.row, zh, en),
          );
        }
        if (errs.length) return { op: null, errs };
        const today = o.today;
        const exit = stage === 'shelved' || stage === 'terminated';
        const signed = stage === 'signed';
        const dates = { stage, created_on: today, stage_entered_on: today };
        const deal: NewDeal = {
          name: f.name!,
          investor_name: f.investorName ?? null,
          investor_credit_code: f.creditCode ?? null,
          investor_listing: f.listing ?? 'unlisted',
          investor_hq_region: f.hqRegion ?? null,
          source_region: f.sourceRegion!,
          chain_key: f.chainKey ?? null,
          link_key: f.linkKey ?? null,
          kind: f.kind!,
          intended_investment: f.intendedYuan!,
          unit_id: f.unit!.id,
          unit_path: f.unit!.path,
          team_id: f.teamId ?? null,
          patron_leader: f.patronLeader ?? null,
          ...dates,
          shelved_from: stage === 'shelved' ? SHELVED_ON_ENTRY_FROM : null,
          exit_reason: exit ? f.note!.trim() : null,
          signed_on: signed ? f.signedOn! : null,
          signed_amount: signed ? f.signedYuan! : null,
          terminated_on: stage === 'terminated' ? today : null,
          ...clockColumns({ ...dates, first_activity_on: null, last_activity_on: null }, s, today),
        };
        const eventText = (f.note ? `台账导入：${f.note}` : '台账导入').slice(0, 1000);
        return { op: { op: 'create', row: r.row, deal, eventText }, errs: [] };
      }

      function update(r: PreparedRow, f: DealRowFacts, st: StoredDeal): { op: PlannedDealOp | null; errs: RowError[] } {
        if (!dealScopeAllows(updateScope, st))
          return {
            op: null,
            errs: [
              at(
                'name',
                r.row,
                `“${st.name}”已登记，您不能修改`,
                `"${st.name}" is already entered: you may not change it`,
              ),
            ],
          };
        // The stage and what it recorded move by the stage rules, on the deal's page.
        const label = stageLabel(st.stage);
        const kept = (field: DealField) =>
          at(
            field,
            r.row,
            `“${st.name}”已登记，当前为「${label['zh-CN']}」；导入不修改阶段及其签约、搁置、终止记录，请在招商项目中办理`,
            `"${st.name}" is already entered, at ${label.en}: an import does not change a deal's stage or its contract, shelving or termination; do that on the deal's page`,
          );
        const errs: RowError[] = [];
        if (f.stage !== undefined && f.stage !== st.stage) errs.push(kept('dealStage'));
        if (f.signedOn !== undefined && f.signedOn !== st.signed_on) errs.push(kept('signedOn'));
        if (f.signedYuan !== undefined && f.signedYuan !== amountOf(st.signed_amount))
          errs.push(kept('signedAmountWan'));
        const exit = st.stage === 'shelved' || st.stage === 'terminated';
        if (exit && f.note !== undefined && f.note.trim() !== st.exit_reason) errs.push(kept('dealNote'));
        if (errs.length) return { op: null, errs };

        const patch: DealFieldsPatch = {};
        const put = <K extends keyof DealFieldsPatch>(k: K, v: DealFieldsPatch[K] | undefined) => {
          if (v !== undefined && v !== st[k]) patch[k] = v;
        };
        put('name', f.name);
        put('investor_name', f.investorName);
        put('investor_credit_code', f.creditCode);
        put('investor_listing', f.listing);
        put('investor_hq_region', f.hqRegion);
        put('source_region', f.sourceRegion);
        put('kind', f.kind);
        if (f.intendedYuan !== undefined && f.intendedYuan !== amountOf(st.intended_investment))
          patch.intended_investment = f.intendedYuan;
        if (f.chainKey !== undefined) {
          put('chain_key', f.chainKey);
          // A link given goes with its chain; without one, the stored link stays while its chain does.
          const link = f.linkKey ?? (f.chainKey === st.chain_key ? st.link_key : null);
          if (link !== st.link_key) patch.link_key = link;
        }
        put('team_id', f.teamId);
        put('patron_leader', f.patronLeader);
        const op: PlannedDealOp = { op: 'update', row: r.row, stored: st, patch, on: o.today };
        return { op: Object.keys(patch).length ? op : null, errs: [] };
      }

      async function planBatch(batch: PreparedRow[]) {
        const rows = batch.map((r) => ({ r, ...readDealRow(r, ctx) }));
        const unitIds = [...new Set(rows.flatMap(({ facts }) => (facts.unit && facts.name ? [facts.unit.id] : [])))];
        const byKey = new Map<string, StoredDeal[]>();
        for (const d of await repo.ledBy(ex, unitIds, o.lock)) {
          const key = keyOf(d.unit_id, d.name, d.investor_name);
          byKey.set(key, [...(byKey.get(key) ?? []), d]);
        }

        const ops: PlannedDealOp[] = [];
        for (const { r, facts, errors: own } of rows) {
          const list = [...r.errors, ...own];
          let op: PlannedDealOp | null = null;
          if (!list.length && facts.name && facts.unit) {
            const key = keyOf(facts.unit.id, facts.name, facts.investorName ?? null);
            const first = seen.get(key);
            const stored = byKey.get(key) ?? [];
            if (first !== undefined)
              list.push(
                at(
                  'name',
                  r.row,
                  `与第 ${first} 行是同一招商项目（牵头单位、项目名称和投资方相同），请合并为一行`,
                  `Row ${first} is the same deal (same lead unit, project name and investor): merge the two rows`,
                ),
              );
            else if (stored.length > 1)
              list.push(
                at(
                  'name',
                  r.row,
                  `“${facts.unit.name}”已有 ${stored.length} 个项目名称和投资方都相同的招商项目，无法确定更新哪一个`,
                  `${facts.unit.name} has ${stored.length} deals of this name and investor: which one to update cannot be told`,
                ),
              );
            else {
              const planned = stored[0] ? update(r, facts, stored[0]) : create(r, facts);
              list.push(...planned.errs);
              op = planned.op;
            }
            seen.set(key, first ?? r.row);
          }
          if (list.length) {
            counts.errorRows++;
            counts.errors += list.length;
            for (const e of list) if (errors.length < o.maxErrors) errors.push(e);
            if (preview.length < (o.previewRows ?? 0))
              preview.push({ row: r.row, action: 'invalid', values: r.values, errors: list });
            continue;
          }
          const action: RowAction = op ? op.op : 'unchanged';
          counts[action]++;
          if (preview.length < (o.previewRows ?? 0)) preview.push({ row: r.row, action, values: r.values, errors: [] });
          if (op) ops.push(op);
        }
        if (ops.length && o.onOps) await o.onOps(ops, counts.errorRows > 0);
      }

      return { counts, errors, preview, sheetRows: await eachBatch(o, counts, planBatch) };
    },
  };
}

export type DealChecker = ReturnType<typeof createDealChecker>;
