import type { Kysely } from 'kysely';
import type { DealSettingsBody, DealTeamBody, DealTeamView } from '../../../contract/deals.ts';
import { scopeFor } from '../../../domain/access/scope.ts';
import { checkDealSettings, DEFAULT_DEAL_SETTINGS, type DealSettings } from '../../../domain/deals/deal-fields.ts';
import type { Clock } from '../../clock.ts';
import type { DB } from '../../db/schema.ts';
import { isUniqueViolation } from '../../db/errors.ts';
import { forbidden, invalid, notFound } from '../../http/errors.ts';
import { dealPolicy } from '../../policies/deal.policy.ts';
import type { AuditLog } from '../audit/audit.repository.ts';
import type { ActorContext } from '../session/actor.ts';
import type { SettingsRepository } from '../settings/settings.repository.ts';
import type { UnitRepository } from '../units/units.repository.ts';
import type { DealRepository } from './deals.repository.ts';

const KEY = 'dealSettings';

/** A refusal of a rule of src/domain/deals, in its own words, naming the field. */
export const ruleRefusal = (field: string, message: { 'zh-CN': string; en: string }) =>
  invalid('DEAL_RULE', { zh: message['zh-CN'], en: message.en }, field);

/**
 * The county's 招商 lists (source regions, kinds, tiers, chains, lead clocks; shipped defaults until it sets
 * its own) and its teams (招商小分队) with their members.
 */
export function createDealSettings(deps: {
  db: Kysely<DB>;
  settings: SettingsRepository;
  deals: DealRepository;
  units: UnitRepository;
  audit: AuditLog;
  clock: Clock;
}) {
  const { db, settings, deals, units, audit, clock } = deps;

  async function current(ex: Kysely<DB> = db): Promise<DealSettings> {
    const stored = await settings.find(KEY, ex);
    return stored ? (JSON.parse(stored) as DealSettings) : DEFAULT_DEAL_SETTINGS;
  }

  async function teamViews(ex: Kysely<DB> = db): Promise<DealTeamView[]> {
    const [teams, members] = await Promise.all([deals.teams(ex), deals.members(ex)]);
    return teams.map((t) => ({
      id: t.id,
      name: t.name,
      unit: { id: t.unit_id, name: t.unit_name },
      leaderName: t.leader_name,
      members: members.filter((m) => m.team_id === t.id).map((m) => ({ id: m.id, name: m.display_name || m.username })),
    }));
  }

  function mayRead(actor: ActorContext) {
    if (scopeFor(actor, 'dealSettings', 'read').kind === 'none') throw forbidden();
  }

  /** A team's unit and members, checked; the first problem named. */
  async function checkTeam(input: DealTeamBody, ex: Kysely<DB>) {
    const unit = await units.findById(input.unitId, ex);
    if (!unit) throw invalid('DEAL_UNKNOWN_RECORD', { field: '@unitId' }, 'unitId');
    for (const id of input.memberIds ?? []) {
      if (!(await deals.userExists(id, ex))) throw invalid('DEAL_MEMBER_UNKNOWN', { id }, 'memberIds');
    }
    return unit;
  }

  return {
    current,

    async read(actor: ActorContext) {
      mayRead(actor);
      return current();
    },

    /** Replaces the county's lists after checking them as a whole (the first problem named). */
    async update(actor: ActorContext, input: DealSettingsBody, ip: string | null) {
      if (!dealPolicy.canSetUp(actor)) throw forbidden();
      const checked = checkDealSettings(input);
      if (!checked.ok) throw ruleRefusal(checked.field, checked.message);
      const before = await current();
      await db.transaction().execute(async (trx) => {
        await settings.put(trx, KEY, JSON.stringify(checked.value), clock().toISOString());
        await audit.record(
          {
            actor,
            action: 'dealSettings.update',
            objectType: 'settings',
            objectId: KEY,
            unitPath: null,
            summary: `招商设置：来源地区 ${checked.value.sourceRegions.length} 个、产业链 ${checked.value.chains.length} 条、档次 ${checked.value.tiers.length} 个`,
            before,
            after: checked.value,
            ip,
          },
          trx,
        );
      });
      return checked.value;
    },

    async teams(actor: ActorContext) {
      mayRead(actor);
      return { items: await teamViews() };
    },

    async createTeam(actor: ActorContext, input: DealTeamBody, ip: string | null) {
      if (!dealPolicy.canSetUp(actor)) throw forbidden();
      const id = await db.transaction().execute(async (trx) => {
        const unit = await checkTeam(input, trx);
        const at = clock().toISOString();
        let teamId: number;
        try {
          teamId = (
            await deals.insertTeam(trx, {
              name: input.name,
              unit_id: unit.id,
              unit_path: unit.path,
              leader_name: input.leaderName ?? null,
              created_at: at,
              updated_at: at,
            })
          ).id;
        } catch (e) {
          if (isUniqueViolation(e)) throw invalid('DEAL_TEAM_NAME_TAKEN', { name: input.name }, 'name');
          throw e;
        }
        await deals.replaceMembers(trx, teamId, input.memberIds ?? []);
        await audit.record(
          {
            actor,
            action: 'dealTeam.create',
            objectType: 'dealTeam',
            objectId: String(teamId),
            unitPath: unit.path,
            summary: `新增招商小分队“${input.name}”（${unit.name}）`,
            after: input,
            ip,
          },
          trx,
        );
        return teamId;
      });
      return (await teamViews()).find((t) => t.id === id)!;
    },

    async updateTeam(actor: ActorContext, id: number, input: DealTeamBody, ip: string | null) {
      if (!dealPolicy.canSetUp(actor)) throw forbidden();
      await db.transaction().execute(async (trx) => {
        const before = await deals.team(id, trx);
        if (!before) throw notFound('dealTeam');
        const unit = await checkTeam(input, trx);
        try {
          await deals.updateTeam(trx, id, {
            name: input.name,
            unit_id: unit.id,
            unit_path: unit.path,
            leader_name: input.leaderName ?? null,
            updated_at: clock().toISOString(),
          });
        } catch (e) {
          if (isUniqueViolation(e)) throw invalid('DEAL_TEAM_NAME_TAKEN', { name: input.name }, 'name');
          throw e;
        }
        await deals.replaceMembers(trx, id, input.memberIds ?? []);
        await audit.record(
          {
            actor,
            action: 'dealTeam.update',
            objectType: 'dealTeam',
            objectId: String(id),
            unitPath: unit.path,
            summary: `修改招商小分队“${input.name}”`,
            before: { name: before.name, unitId: before.unit_id, leaderName: before.leader_name },
            after: input,
            ip,
          },
          trx,
        );
      });
      return (await teamViews()).find((t) => t.id === id)!;
    },
  };
}

export type DealSettingsService = ReturnType<typeof createDealSettings>;
