import type { Kysely } from 'kysely';
import type {
  DealActivityBody,
  DealBody,
  DealConvertBody,
  DealDetail,
  DealFundBody,
  DealMoveBody,
  DealPatch,
} from '../../../contract/deals.ts';
import { findChainLink, type DealSettings } from '../../../domain/deals/deal-fields.ts';
import { creditCodeProblem, normaliseCreditCode } from '../../../domain/enterprises/credit-code.ts';
import {
  allowedMoves,
  checkMove,
  DEAL_STAGE_LABELS,
  FINAL_DEAL_STAGES,
  isCalendarDate,
  type DealStage,
} from '../../../domain/deals/deal-stages.ts';
import { plainDecimal } from '../../../domain/money/money.ts';
import type { Clock, Today } from '../../clock.ts';
import type { DB } from '../../db/schema.ts';
import { conflict, forbidden, invalid, notFound } from '../../http/errors.ts';
import type { Locale } from '../../http/i18n.ts';
import { dealPolicy, dealScopeAllows, dealScopeFor, type DealScope } from '../../policies/deal.policy.ts';
import type { AuditLog } from '../audit/audit.repository.ts';
import { optionalYuan, yuanFrom } from '../projects/projects.input.ts';
import type { ProjectService } from '../projects/projects.service.ts';
import type { ActorContext } from '../session/actor.ts';
import type { UnitRepository } from '../units/units.repository.ts';
import { ruleRefusal, type DealSettingsService } from './deal-settings.ts';
import { clockColumns, presentActivity, presentDeal } from './deals.presenter.ts';
import type { DealRepository, DealRow } from './deals.repository.ts';
import type { DealTable } from './deals.tables.ts';

type Action = 'read' | 'update' | 'create';
/** Columns a change writes (never the id or the version, which the repository bumps). */
type DealSet = Partial<Omit<DealTable, 'id' | 'version'>>;

export interface DealServiceDeps {
  db: Kysely<DB>;
  deals: DealRepository;
  settings: DealSettingsService;
  units: UnitRepository;
  projects: Pick<ProjectService, 'createIn' | 'updateIn' | 'lightsOf'>;
  audit: AuditLog;
  clock: Clock;
  today: Today;
}

/** The deal's fields as stored, from a create or an edit (only those given), checked against the county's lists. */
type DealColumns = Partial<
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
    | 'unit_id'
    | 'unit_path'
    | 'team_id'
    | 'patron_leader'
    | 'target_id'
    | 'township_unit_id'
    | 'longitude'
    | 'latitude'
  >
>;

/**
 * 招商 deals: entered as a lead, moved through the stages by the rules of src/domain/deals/deal-stages.ts,
 * logged by their teams, converted once signed into a project of the library (whose sign → start light then
 * runs), funds in place recorded. Every change is one transaction with its event and audit record; a deal's
 * clock colour is recomputed with it.
 */
export function createDealService(deps: DealServiceDeps) {
  const { db, deals, settings, units, projects, audit, clock, today } = deps;

  async function scope(actor: ActorContext, action: Action): Promise<DealScope> {
    return dealScopeFor(actor, action, await deals.teamIdsOf(actor.id));
  }

  async function loadVisible(actor: ActorContext, id: number, ex: Kysely<DB> = db) {
    const row = await deals.findById(id, ex);
    if (!row || !dealScopeAllows(await scope(actor, 'read'), row)) throw notFound('deal');
    return row;
  }

  async function loadEditable(actor: ActorContext, id: number, version: number | undefined, ex: Kysely<DB>) {
    const row = await loadVisible(actor, id, ex);
    if (!dealScopeAllows(await scope(actor, 'update'), row)) throw forbidden();
    if (version !== undefined && row.version !== version) throw conflict('DEAL_STALE');
    return row;
  }

  /** A deal as the person sees it: with the moves they may make now. */
  async function view(actor: ActorContext, row: DealRow, lang: Locale, s?: DealSettings) {
    const may = dealScopeAllows(await scope(actor, 'update'), row);
    const moves = may ? allowedMoves(row.stage as DealStage, row.shelved_from as DealStage | null) : [];
    return presentDeal(row, { settings: s ?? (await settings.current()), today: today(), lang, moves });
  }

  async function detail(actor: ActorContext, id: number, lang: Locale): Promise<DealDetail> {
    const row = (await deals.findById(id))!;
    const [events, activities, funds] = await Promise.all([
      deals.eventsOf(id),
      deals.activities({ dealId: id }),
      deals.fundsOf(id),
    ]);
    return {
      ...(await view(actor, row, lang)),
      events: events.map((e) => ({
        id: e.id,
        step: e.step,
        fromStage: e.from_stage,
        toStage: e.to_stage,
        onDate: e.on_date,
        actor: e.actor_name,
        at: e.at,
        text: e.text,
      })),
      activities: activities.map((a) => presentActivity(a, lang)),
      funds: funds.map((f) => ({ id: f.id, onDate: f.on_date, amountYuan: Number(f.amount), note: f.note })),
    };
  }

  /** The fields given, checked against the county's lists and the records they name; the first problem named. */
  async function columnsOf(
    actor: ActorContext,
    input: Partial<DealBody>,
    s: DealSettings,
    ex: Kysely<DB>,
    current?: DealRow,
  ): Promise<DealColumns> {
    const cols: DealColumns = {};
    const option = (field: 'sourceRegion' | 'kind', list: { key: string }[], key: string) => {
      if (!list.some((o) => o.key === key)) throw invalid('DEAL_UNKNOWN_OPTION', { field: `@${field}`, key }, field);
      return key;
    };
    if (input.name !== undefined) cols.name = input.name;
    if (input.investorName !== undefined) cols.investor_name = input.investorName;
    if (input.investorCreditCode !== undefined) {
      const code = input.investorCreditCode ? normaliseCreditCode(input.investorCreditCode) : null;
      const problem = code ? creditCodeProblem(code) : null;
      if (problem) throw invalid(`CREDIT_CODE_${problem}`, { code: code!, length: code!.length }, 'investorCreditCode');
      cols.investor_credit_code = code;
    }
    if (input.investorListing !== undefined) cols.investor_listing = input.investorListing;
    if (input.investorHqRegion !== undefined) cols.investor_hq_region = input.investorHqRegion;
    if (input.sourceRegion !== undefined)
      cols.source_region = option('sourceRegion', s.sourceRegions, input.sourceRegion);
    if (input.kind !== undefined) cols.kind = option('kind', s.kinds, input.kind);
    if (input.chainKey !== undefined || input.linkKey !== undefined) {
      const chain = input.chainKey !== undefined ? (input.chainKey ?? null) : (current?.chain_key ?? null);
      const link = input.linkKey !== undefined ? (input.linkKey ?? null) : (current?.link_key ?? null);
      if (chain === null && link !== null) throw invalid('DEAL_LINK_WITHOUT_CHAIN', {}, 'linkKey');
      if (chain !== null && !findChainLink(s.chains, chain, null))
        throw invalid('DEAL_UNKNOWN_OPTION', { field: '@chainKey', key: chain }, 'chainKey');
      if (chain !== null && link !== null && !findChainLink(s.chains, chain, link))
        throw invalid('DEAL_UNKNOWN_OPTION', { field: '@linkKey', key: link }, 'linkKey');
      cols.chain_key = chain;
      cols.link_key = link;
    }
    if (input.intendedInvestmentWan !== undefined)
      cols.intended_investment = yuanFrom(input.intendedInvestmentWan, 'intendedInvestmentWan');
    if (input.unitId !== undefined) {
      const unit = await units.findById(input.unitId, ex);
      if (!unit) throw invalid('DEAL_UNKNOWN_RECORD', { field: '@unitId' }, 'unitId');
      if (!dealPolicy.canCreateFor(actor, unit)) throw forbidden();
      cols.unit_id = unit.id;
      cols.unit_path = unit.path;
    }
    if (input.teamId !== undefined) {
      if (input.teamId !== null && !(await deals.team(input.teamId, ex)))
        throw invalid('DEAL_UNKNOWN_RECORD', { field: '@teamId' }, 'teamId');
      cols.team_id = input.teamId ?? null;
    }
    if (input.targetId !== undefined) {
      if (input.targetId !== null) {
        if (!(await deals.targetExists(input.targetId, ex)))
          throw invalid('DEAL_UNKNOWN_RECORD', { field: '@targetId' }, 'targetId');
      }
      cols.target_id = input.targetId ?? null;
    }
    if (input.townshipUnitId !== undefined) {
      if (input.townshipUnitId !== null && !(await units.findById(input.townshipUnitId, ex)))
        throw invalid('DEAL_UNKNOWN_RECORD', { field: '@townshipUnitId' }, 'townshipUnitId');
      cols.township_unit_id = input.townshipUnitId ?? null;
    }
    if (input.patronLeader !== undefined) cols.patron_leader = input.patronLeader;
    if (input.longitude !== undefined) cols.longitude = input.longitude ?? null;
    if (input.latitude !== undefined) cols.latitude = input.latitude ?? null;
    return cols;
  }

  /** A date of a request field: a real date, not after today. */
  function pastDate(value: string, field: string) {
    if (!isCalendarDate(value)) throw invalid('DEAL_DATE_INVALID', { field: `@${field}` }, field);
    if (value > today()) throw invalid('DEAL_DATE_FUTURE', { field: `@${field}` }, field);
    return value;
  }

  const event = (
    row: { id: number },
    actor: ActorContext,
    step: string,
    more: { from?: string | null; to?: string | null; text?: string; data?: unknown } = {},
  ) => ({
    deal_id: row.id,
    step,
    from_stage: more.from ?? null,
    to_stage: more.to ?? null,
    on_date: today(),
    actor_id: actor.id,
    actor_name: actor.displayName,
    at: clock().toISOString(),
    text: more.text ?? '',
    data_json: JSON.stringify(more.data ?? {}),
  });

  /** Writes `set` and the recomputed clock columns at the version read, or a 409. */
  async function write(trx: Kysely<DB>, row: DealRow, set: DealSet, s: DealSettings) {
    const merged = { ...row, ...set };
    const ok = await deals.update(trx, row.id, row.version, {
      ...set,
      ...clockColumns(merged, s, today()),
      updated_at: clock().toISOString(),
    });
    if (!ok) throw conflict('DEAL_STALE');
  }

  return {
    scope,
    view,

    get: async (actor: ActorContext, id: number, lang: Locale) => {
      await loadVisible(actor, id);
      return detail(actor, id, lang);
    },

    /** A new lead (线索), dated today. */
    async create(actor: ActorContext, input: DealBody, ip: string | null, lang: Locale) {
      const s = await settings.current();
      const id = await db.transaction().execute(async (trx) => {
        const cols = await columnsOf(actor, input, s, trx);
        const at = clock().toISOString();
        const on = today();
        const row = {
          name: input.name,
          investor_listing: 'unlisted',
          ...cols,
          source_region: cols.source_region!,
          kind: cols.kind!,
          intended_investment: cols.intended_investment!,
          unit_id: cols.unit_id!,
          unit_path: cols.unit_path!,
          stage: 'lead',
          stage_entered_on: on,
          funds_in_place: 0,
          created_on: on,
          created_by: actor.id,
          created_at: at,
          updated_at: at,
        };
        const { id } = await deals.insert(trx, {
          ...row,
          ...clockColumns(
            { stage: 'lead', created_on: on, stage_entered_on: on, first_activity_on: null, last_activity_on: null },
            s,
            on,
          ),
        });
        await deals.addEvent(trx, event({ id }, actor, 'create', { to: 'lead', text: '登记线索' }));
        await audit.record(
          {
            actor,
            action: 'deal.create',
            objectType: 'deal',
            objectId: String(id),
            unitPath: row.unit_path,
            summary: `新增招商线索“${row.name}”`,
            after: input,
            ip,
          },
          trx,
        );
        return id;
      });
      return detail(actor, id, lang);
    },

    async update(actor: ActorContext, id: number, input: DealPatch, ip: string | null, lang: Locale) {
      const s = await settings.current();
      await db.transaction().execute(async (trx) => {
        const row = await loadEditable(actor, id, input.version, trx);
        const { version: _v, ...fields } = input;
        const cols = await columnsOf(actor, fields, s, trx, row);
        await write(trx, row, cols, s);
        await deals.addEvent(trx, event(row, actor, 'edit', { data: fields }));
        await audit.record(
          {
            actor,
            action: 'deal.update',
            objectType: 'deal',
            objectId: String(id),
            unitPath: cols.unit_path ?? row.unit_path,
            summary: `修改招商项目“${cols.name ?? row.name}”`,
            before: Object.fromEntries(Object.keys(cols).map((k) => [k, row[k as keyof DealRow]])),
            after: cols,
            ip,
          },
          trx,
        );
      });
      return detail(actor, id, lang);
    },

    /** A move to another stage by the stage rules, with what it needs (a reason, the contract, the landing). */
    async move(actor: ActorContext, id: number, input: DealMoveBody, ip: string | null, lang: Locale) {
      const s = await settings.current();
      await db.transaction().execute(async (trx) => {
        const row = await loadEditable(actor, id, input.version, trx);
        const from = row.stage as DealStage;
        const signedAmountYuan =
          input.signedAmountWan === undefined ? null : optionalYuan(input.signedAmountWan, 'signedAmountWan');
        const refusal = checkMove(
          {
            to: input.to,
            reason: input.reason ?? null,
            signedOn: input.signedOn ?? null,
            signedAmountYuan,
            landedOn: input.landedOn ?? null,
          },
          {
            from,
            shelvedFrom: row.shelved_from as DealStage | null,
            today: today(),
            investorName: row.investor_name,
            converted: row.project_id !== null,
            signedOn: row.signed_on,
          },
        );
        // The rule names the amount in 元; the request sends it in 万元.
        if (refusal)
          throw ruleRefusal(refusal.field === 'signedAmountYuan' ? 'signedAmountWan' : refusal.field, refusal.message);
        const on = today();
        const reason = input.reason?.trim() || null;
        const set: DealSet = { stage: input.to, stage_entered_on: on };
        if (input.to === 'shelved') Object.assign(set, { shelved_from: from, exit_reason: reason });
        else if (input.to === 'terminated') Object.assign(set, { exit_reason: reason, terminated_on: on });
        else if (from === 'shelved') Object.assign(set, { shelved_from: null, exit_reason: null });
        if (input.to === 'signed') Object.assign(set, { signed_on: input.signedOn, signed_amount: signedAmountYuan });
        if (input.to === 'landed') set.landed_on = input.landedOn!;
        await write(trx, row, set, s);
        const fromLabel = DEAL_STAGE_LABELS[from]['zh-CN'];
        const toLabel = DEAL_STAGE_LABELS[input.to]['zh-CN'];
        await deals.addEvent(
          trx,
          event(row, actor, 'move', {
            from,
            to: input.to,
            text: reason ?? '',
            data: { signedOn: input.signedOn, signedAmountYuan, landedOn: input.landedOn },
          }),
        );
        await audit.record(
          {
            actor,
            action: 'deal.move',
            objectType: 'deal',
            objectId: String(id),
            unitPath: row.unit_path,
            summary: `招商项目“${row.name}”由“${fromLabel}”转为“${toLabel}”${reason ? `：${reason}` : ''}`,
            before: { stage: from },
            after: { stage: input.to, signedOn: input.signedOn, signedAmountYuan, landedOn: input.landedOn },
            ip,
          },
          trx,
        );
      });
      return detail(actor, id, lang);
    },

    /**
     * 转入项目库: a signed deal becomes a project of the library (or is linked to one already there), carrying
     * its investor, amount, chain, unit and sign date; the project's sign → start light then runs. Once only.
     */
    async convert(actor: ActorContext, id: number, input: DealConvertBody, ip: string | null, lang: Locale) {
      const s = await settings.current();
      const projectId = await db.transaction().execute(async (trx) => {
        const row = await loadEditable(actor, id, input.version, trx);
        if (row.project_id !== null)
          throw conflict(
            'DEAL_ALREADY_CONVERTED',
            { project: row.project_name ?? String(row.project_id) },
            'projectId',
          );
        if (row.stage !== 'signed') throw invalid('DEAL_NOT_SIGNED', { stage: `@dealStage.${row.stage}` }, 'version');
        const amountWan = plainDecimal(Number(row.signed_amount ?? row.intended_investment) / 10_000);
        const found = row.chain_key ? findChainLink(s.chains, row.chain_key, row.link_key) : null;
        const chainTags = found ? [found.chain.label['zh-CN'], found.link?.label['zh-CN']].filter(Boolean) : [];
        let pid: number;
        if (input.projectId !== undefined) {
          const taken = await deals.findByProject(input.projectId, trx);
          if (taken)
            throw invalid('DEAL_PROJECT_TAKEN', { project: String(input.projectId), deal: taken.name }, 'projectId');
          const project = await deals.projectForLink(input.projectId, trx);
          if (!project) throw invalid('DEAL_UNKNOWN_RECORD', { field: '@projectId' }, 'projectId');
          if (!project.actual_sign_date)
            await projects.updateIn(trx, actor, project.id, { actualSignDate: row.signed_on }, ip);
          pid = project.id;
        } else {
          if (!input.industryCode) throw invalid('DEAL_INDUSTRY_REQUIRED', {}, 'industryCode');
          pid = await projects.createIn(
            trx,
            actor,
            {
              name: input.name ?? row.name,
              code: null,
              internalNo: null,
              contact: null,
              address: null,
              nature: input.nature ?? 'new',
              kind: input.kind ?? 'industry',
              industryCode: input.industryCode,
              investmentType: 'enterprise',
              approvalMode: input.approvalMode ?? 'filing',
              leadUnitId: row.unit_id,
              townshipUnitId: row.township_unit_id,
              ownerName: row.investor_name,
              ownerCreditCode: row.investor_credit_code,
              patronLeader: row.patron_leader,
              longitude: row.longitude,
              latitude: row.latitude,
              totalInvestmentWan: amountWan,
              actualSignDate: row.signed_on,
              plannedStartDate: input.plannedStartDate ?? null,
              stage: 'preparing',
              tags: ['招商签约', ...chainTags].slice(0, 20) as string[],
            },
            ip,
          );
        }
        await write(trx, row, { project_id: pid }, s);
        await deals.addEvent(trx, event(row, actor, 'convert', { text: '转入项目库', data: { projectId: pid } }));
        await audit.record(
          {
            actor,
            action: 'deal.convert',
            objectType: 'deal',
            objectId: String(id),
            unitPath: row.unit_path,
            summary: `签约项目“${row.name}”转入项目库（项目编号 ${pid}）`,
            after: { projectId: pid, linked: input.projectId !== undefined },
            ip,
          },
          trx,
        );
        return pid;
      });
      await projects.lightsOf(projectId);
      return detail(actor, id, lang);
    },

    /** An entry of the team's log (周日志) on a deal: dated, not in the future; it restarts the lead clock. */
    async addActivity(actor: ActorContext, id: number, input: DealActivityBody, ip: string | null, lang: Locale) {
      const s = await settings.current();
      await db.transaction().execute(async (trx) => {
        const row = await loadEditable(actor, id, undefined, trx);
        if (FINAL_DEAL_STAGES.includes(row.stage as DealStage))
          throw invalid('DEAL_CLOSED', { stage: `@dealStage.${row.stage}` }, 'onDate');
        const on = pastDate(input.onDate, 'onDate');
        await deals.addActivity(trx, {
          deal_id: id,
          team_id: row.team_id,
          on_date: on,
          kind: input.kind,
          attendees: input.attendees,
          summary: input.summary,
          created_by: actor.id,
          actor_name: actor.displayName,
          created_at: clock().toISOString(),
        });
        const first = row.first_activity_on === null || on < row.first_activity_on ? on : row.first_activity_on;
        const last = row.last_activity_on === null || on > row.last_activity_on ? on : row.last_activity_on;
        await write(trx, row, { first_activity_on: first, last_activity_on: last }, s);
        await audit.record(
          {
            actor,
            action: 'deal.activity',
            objectType: 'deal',
            objectId: String(id),
            unitPath: row.unit_path,
            summary: `招商项目“${row.name}”${on} ${input.kind}：${input.summary.slice(0, 80)}`,
            after: input,
            ip,
          },
          trx,
        );
      });
      return detail(actor, id, lang);
    },

    /** 到位资金: money arrived for a signed (or landed) deal, dated, not in the future. */
    async addFund(actor: ActorContext, id: number, input: DealFundBody, ip: string | null, lang: Locale) {
      const s = await settings.current();
      await db.transaction().execute(async (trx) => {
        const row = await loadEditable(actor, id, undefined, trx);
        if (row.stage !== 'signed' && row.stage !== 'landed')
          throw invalid('DEAL_NOT_SIGNED', { stage: `@dealStage.${row.stage}` }, 'onDate');
        const on = pastDate(input.onDate, 'onDate');
        const amount = yuanFrom(input.amountWan, 'amountWan', { positive: true });
        await deals.addFund(trx, {
          deal_id: id,
          on_date: on,
          amount,
          note: input.note ?? null,
          created_by: actor.id,
          created_at: clock().toISOString(),
        });
        await write(trx, row, { funds_in_place: Number(row.funds_in_place) + amount }, s);
        await deals.addEvent(trx, event(row, actor, 'funds', { data: { onDate: on, amountYuan: amount } }));
        await audit.record(
          {
            actor,
            action: 'deal.funds',
            objectType: 'deal',
            objectId: String(id),
            unitPath: row.unit_path,
            summary: `招商项目“${row.name}”登记到位资金（${on}）`,
            after: { onDate: on, amountYuan: amount, note: input.note ?? null },
            ip,
          },
          trx,
        );
      });
      return detail(actor, id, lang);
    },
  };
}

export type DealService = ReturnType<typeof createDealService>;
