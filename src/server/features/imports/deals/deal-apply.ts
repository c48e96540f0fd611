import type { Kysely } from 'kysely';
import { DEAL_STAGE_LABELS, type DealStage } from '../../../../domain/deals/deal-stages.ts';
import type { Value } from '../../../db/bulk-insert.ts';
import type { DB } from '../../../db/schema.ts';
import type { DealRepository } from '../../deals/deals.repository.ts';
import type { ImportRepository } from '../imports.repository.ts';
import { ImportConflictError, importStamps, type ApplyOptions } from '../projects/import-apply.ts';
import { COLUMNS } from '../projects/ledger-writes.repository.ts';
import type { NewDeal, PlannedDealOp } from './deal-check.ts';

/** A new deal's columns in the order of the bulk insert. */
const DEAL_INSERT = [
  'name',
  'investor_name',
  'investor_credit_code',
  'investor_listing',
  'investor_hq_region',
  'source_region',
  'chain_key',
  'link_key',
  'kind',
  'intended_investment',
  'unit_id',
  'unit_path',
  'team_id',
  'patron_leader',
  'stage',
  'stage_entered_on',
  'shelved_from',
  'exit_reason',
  'signed_on',
  'signed_amount',
  'terminated_on',
  'light',
  'next_due_on',
  'funds_in_place',
  'created_on',
  'created_by',
  'created_at',
  'updated_at',
] as const;

const EVENT_INSERT = [
  'deal_id',
  'step',
  'from_stage',
  'to_stage',
  'on_date',
  'actor_id',
  'actor_name',
  'at',
  'text',
  'data_json',
] as const;

/** A new deal as the audit trail shows it: its fields as the deal form names them (src/contract/deals.ts). */
const auditView = (d: NewDeal) => ({
  name: d.name,
  investorName: d.investor_name,
  investorCreditCode: d.investor_credit_code,
  investorListing: d.investor_listing,
  investorHqRegion: d.investor_hq_region,
  sourceRegion: d.source_region,
  chainKey: d.chain_key,
  linkKey: d.link_key,
  kind: d.kind,
  intendedInvestmentYuan: d.intended_investment,
  unitId: d.unit_id,
  teamId: d.team_id,
  patronLeader: d.patron_leader,
  stage: d.stage,
  signedOn: d.signed_on,
  signedAmountYuan: d.signed_amount,
  reason: d.exit_reason,
});

/**
 * Writing a deal commit inside its one transaction, as the deals service writes a deal (deals.service.ts):
 * new deals in multi-row inserts, each with its 'create' event — to the stage the ledger gives, so the
 * funnel counts it, the import named in its data — and an audit event naming the ledger's row; a changed
 * deal at the version read, with an 'edit' event and its before and after. Deals have no lights: no
 * project's light is recomputed for them.
 */
export function createDealWriter({
  imports,
  deals,
}: {
  imports: Pick<ImportRepository, 'insertRows'>;
  deals: Pick<DealRepository, 'update'>;
}) {
  return {
    begin(trx: Kysely<DB>, o: ApplyOptions) {
      const { where, audit } = importStamps(o, 'deal');
      const created: number[] = [];
      const updated: number[] = [];
      let written = 0;
      const source = (row: number) => ({ import: { id: o.importId, fileName: o.fileName, row } });
      const event = (
        id: number,
        step: 'create' | 'edit',
        to: string | null,
        on: string,
        text: string,
        data: object,
      ): Value[] => [id, step, null, to, on, o.actor.id, o.actor.name, o.at, text, JSON.stringify(data)];

      return {
        async write(batch: PlannedDealOp[]) {
          const events: Value[][] = [];
          const audits: ReturnType<typeof audit>[] = [];
          const creates = batch.filter((x) => x.op === 'create');
          const rows = creates.map((c) => {
            const d = { ...c.deal, funds_in_place: 0, created_by: o.actor.id, created_at: o.at, updated_at: o.at };
            return DEAL_INSERT.map((k) => d[k]);
          });
          const ids = await imports.insertRows(trx, 'deals', DEAL_INSERT, rows, true);
          if (ids.length !== creates.length) throw new Error('insert returned a different number of rows');
          creates.forEach((c, i) => {
            const id = ids[i]!;
            const d = c.deal;
            events.push(
              event(id, 'create', d.stage, d.created_on, c.eventText, {
                ...source(c.row),
                signedOn: d.signed_on,
                signedAmountYuan: d.signed_amount,
              }),
            );
            const stage = DEAL_STAGE_LABELS[d.stage as DealStage]['zh-CN'];
            audits.push(
              audit(
                id,
                'deal.create',
                d.unit_path,
                `导入招商项目“${d.name}”（${stage}）${where(c.row)}`,
                null,
                JSON.stringify(auditView(d)),
              ),
            );
            created.push(id);
          });
          for (const u of batch) {
            if (u.op !== 'update') continue;
            const { stored, patch } = u;
            if (!(await deals.update(trx, stored.id, stored.version, { ...patch, updated_at: o.at })))
              throw new ImportConflictError(u.row, 'changed');
            events.push(event(stored.id, 'edit', null, u.on, '台账导入', { ...source(u.row), ...patch }));
            // (PostgreSQL hands a bigint amount over as text: the audit shows 元 as a number, as the patch does.)
            const before = Object.fromEntries(
              Object.keys(patch).map((k) => [
                k,
                k === 'intended_investment' ? Number(stored.intended_investment) : stored[k as keyof typeof patch],
              ]),
            );
            audits.push(
              audit(
                stored.id,
                'deal.update',
                stored.unit_path,
                `导入修改招商项目“${patch.name ?? stored.name}”${where(u.row)}`,
                JSON.stringify(before),
                JSON.stringify(patch),
              ),
            );
            updated.push(stored.id);
          }
          await imports.insertRows(trx, 'deal_events', EVENT_INSERT, events);
          await imports.insertRows(trx, 'audit_events', COLUMNS.audit, audits);
          written += batch.length;
          o.onWritten?.(written);
        },

        async finish() {
          return { created, updated, projects: [] };
        },
      };
    },
  };
}

export type DealWriter = ReturnType<typeof createDealWriter>;
