import type { Kysely } from 'kysely';
import type { DealTargetBody, DealTargetPatch, DealTargetView } from '../../../contract/deals.ts';
import { findChainLink, type DealSettings } from '../../../domain/deals/deal-fields.ts';
import { DEAL_STAGE_LABELS, type DealStage } from '../../../domain/deals/deal-stages.ts';
import { creditCodeProblem, normaliseCreditCode } from '../../../domain/enterprises/credit-code.ts';
import type { Clock } from '../../clock.ts';
import type { DB } from '../../db/schema.ts';
import { forbidden, invalid, notFound } from '../../http/errors.ts';
import type { Locale } from '../../http/i18n.ts';
import { dealPolicy } from '../../policies/deal.policy.ts';
import type { AuditLog } from '../audit/audit.repository.ts';
import type { ActorContext } from '../session/actor.ts';
import type { UnitRepository } from '../units/units.repository.ts';
import type { DealSettingsService } from './deal-settings.ts';
import type { DealRepository } from './deals.repository.ts';
import type { DealService } from './deals.service.ts';
import type { DealTargetTable } from './deals.tables.ts';

type TargetRow = Awaited<ReturnType<DealRepository['targets']>>[number];

/**
 * 目标企业: per chain and link, the head companies (头部企业、独角兽) the county means to approach, how far it
 * has got with each, and the deals that came from them. Read by everyone who reads deals; kept by the units
 * that approach them (the office any).
 */
export function createDealTargets(deps: {
  db: Kysely<DB>;
  deals: DealRepository;
  service: Pick<DealService, 'scope'>;
  settings: DealSettingsService;
  units: UnitRepository;
  audit: AuditLog;
  clock: Clock;
}) {
  const { db, deals, service, settings, units, audit, clock } = deps;

  async function mayRead(actor: ActorContext) {
    const scope = await service.scope(actor, 'read');
    if (scope.unit.kind === 'none' && !scope.teamIds.length) throw forbidden();
  }

  async function views(rows: TargetRow[], s: DealSettings, lang: Locale): Promise<DealTargetView[]> {
    const from = await deals.dealsOfTargets(rows.map((r) => r.id));
    return rows.map((r) => {
      const found = findChainLink(s.chains, r.chain_key, r.link_key);
      return {
        id: r.id,
        chainKey: r.chain_key,
        chainLabel: found?.chain.label[lang] ?? r.chain_key,
        linkKey: r.link_key,
        linkLabel: found?.link?.label[lang] ?? r.link_key,
        name: r.name,
        creditCode: r.credit_code,
        category: r.category as DealTargetView['category'],
        hqRegion: r.hq_region,
        status: r.status as DealTargetView['status'],
        note: r.note,
        unit: { id: r.unit_id, name: r.unit_name },
        deals: from
          .filter((d) => d.target_id === r.id)
          .map((d) => ({
            id: d.id,
            name: d.name,
            stage: d.stage as DealStage,
            stageLabel: DEAL_STAGE_LABELS[d.stage as DealStage][lang],
          })),
      };
    });
  }

  /** The columns of a create or an edit, the chain and link checked against the county's list. */
  async function columnsOf(actor: ActorContext, input: DealTargetPatch, s: DealSettings, current?: TargetRow) {
    const cols: Partial<Omit<DealTargetTable, 'id'>> = {};
    if (input.chainKey !== undefined || input.linkKey !== undefined) {
      const chain = input.chainKey ?? current?.chain_key;
      const link = input.linkKey !== undefined ? (input.linkKey ?? null) : (current?.link_key ?? null);
      if (!chain || !findChainLink(s.chains, chain, null))
        throw invalid('DEAL_UNKNOWN_OPTION', { field: '@chainKey', key: chain ?? '' }, 'chainKey');
      if (link !== null && !findChainLink(s.chains, chain, link))
        throw invalid('DEAL_UNKNOWN_OPTION', { field: '@linkKey', key: link }, 'linkKey');
      Object.assign(cols, { chain_key: chain, link_key: link });
    }
    if (input.unitId !== undefined) {
      const unit = await units.findById(input.unitId);
      if (!unit) throw invalid('DEAL_UNKNOWN_RECORD', { field: '@unitId' }, 'unitId');
      if (!dealPolicy.canCreateFor(actor, unit)) throw forbidden();
      Object.assign(cols, { unit_id: unit.id, unit_path: unit.path });
    }
    if (input.name !== undefined) cols.name = input.name;
    if (input.creditCode !== undefined) {
      const code = input.creditCode ? normaliseCreditCode(input.creditCode) : null;
      const problem = code ? creditCodeProblem(code) : null;
      if (problem) throw invalid(`CREDIT_CODE_${problem}`, { code: code!, length: code!.length }, 'creditCode');
      cols.credit_code = code;
    }
    if (input.category !== undefined) cols.category = input.category;
    if (input.hqRegion !== undefined) cols.hq_region = input.hqRegion;
    if (input.status !== undefined) cols.status = input.status;
    if (input.note !== undefined) cols.note = input.note;
    return cols;
  }

  return {
    async list(actor: ActorContext, q: { chainKey?: string; linkKey?: string }, lang: Locale) {
      await mayRead(actor);
      return { items: await views(await deals.targets(q), await settings.current(), lang) };
    },

    async create(actor: ActorContext, input: DealTargetBody, ip: string | null, lang: Locale) {
      const s = await settings.current();
      const cols = await columnsOf(actor, input, s);
      const at = clock().toISOString();
      const id = await db.transaction().execute(async (trx) => {
        const row = {
          ...cols,
          chain_key: cols.chain_key!,
          name: cols.name!,
          category: cols.category!,
          status: cols.status ?? 'notContacted',
          unit_id: cols.unit_id!,
          unit_path: cols.unit_path!,
          created_at: at,
          updated_at: at,
        };
        const { id } = await deals.insertTarget(trx, row);
        await audit.record(
          {
            actor,
            action: 'dealTarget.create',
            objectType: 'dealTarget',
            objectId: String(id),
            unitPath: row.unit_path,
            summary: `新增目标企业“${row.name}”`,
            after: input,
            ip,
          },
          trx,
        );
        return id;
      });
      return (await views(await deals.targets({ id }), s, lang))[0]!;
    },

    async update(actor: ActorContext, id: number, input: DealTargetPatch, ip: string | null, lang: Locale) {
      await mayRead(actor);
      const s = await settings.current();
      const [current] = await deals.targets({ id });
      if (!current) throw notFound('dealTarget');
      if (!dealPolicy.canCreateFor(actor, { path: current.unit_path })) throw forbidden();
      const cols = await columnsOf(actor, input, s, current);
      await db.transaction().execute(async (trx) => {
        await deals.updateTarget(trx, id, { ...cols, updated_at: clock().toISOString() });
        await audit.record(
          {
            actor,
            action: 'dealTarget.update',
            objectType: 'dealTarget',
            objectId: String(id),
            unitPath: cols.unit_path ?? current.unit_path,
            summary: `修改目标企业“${cols.name ?? current.name}”`,
            before: Object.fromEntries(Object.keys(cols).map((k) => [k, current[k as keyof TargetRow]])),
            after: cols,
            ip,
          },
          trx,
        );
      });
      return (await views(await deals.targets({ id }), s, lang))[0]!;
    },
  };
}

export type DealTargets = ReturnType<typeof createDealTargets>;
