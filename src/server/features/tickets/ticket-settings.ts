import type { Kysely } from 'kysely';
import { scopeFor } from '../../../domain/access/scope.ts';
import {
  DEFAULT_SLA_PROFILE_KEY,
  parseSlaProfile,
  SHIPPED_SLA_PROFILES,
  SlaProfileError,
  type SlaProfile,
} from '../../../domain/tickets/sla.ts';
import type { Clock } from '../../clock.ts';
import type { DB } from '../../db/schema.ts';
import { forbidden, invalid } from '../../http/errors.ts';
import type { AuditLog } from '../audit/audit.repository.ts';
import type { ActorContext } from '../session/actor.ts';
import type { SettingsRepository } from '../settings/settings.repository.ts';

const KEY = 'ticketSla';

export interface TicketSettingsValue {
  defaultProfile: string;
  profiles: SlaProfile[];
}

const SHIPPED: TicketSettingsValue = {
  defaultProfile: DEFAULT_SLA_PROFILE_KEY,
  profiles: Object.values(SHIPPED_SLA_PROFILES),
};

/** The county's SLA profiles (the shipped three until it sets its own) and which one a new ticket gets. */
export function createTicketSettings(deps: {
  db: Kysely<DB>;
  settings: SettingsRepository;
  audit: AuditLog;
  clock: Clock;
}) {
  const { db, settings, audit, clock } = deps;

  async function current(ex: Kysely<DB> = db): Promise<TicketSettingsValue> {
    const stored = await settings.find(KEY, ex);
    return stored ? (JSON.parse(stored) as TicketSettingsValue) : SHIPPED;
  }

  return {
    current,

    /** The profile of a key, or undefined when the county has none of that name. */
    async profile(key: string, ex: Kysely<DB> = db) {
      return (await current(ex)).profiles.find((p) => p.key === key);
    },

    /** Replaces the profiles after checking each (the first problem named, as `profiles.2.close.complex.amount`). */
    async update(actor: ActorContext, input: { defaultProfile: string; profiles: unknown[] }, ip: string | null) {
      if (scopeFor(actor, 'ticketSettings', 'update').kind === 'none') throw forbidden();
      const profiles = input.profiles.map((p, i) => {
        try {
          return parseSlaProfile(p);
        } catch (e) {
          if (!(e instanceof SlaProfileError)) throw e;
          const field = `profiles.${i}${e.field ? `.${e.field}` : ''}`;
          throw invalid(`SLA_${e.code}`, { field }, field);
        }
      });
      const keys = profiles.map((p) => p.key);
      const twice = keys.find((k, i) => keys.indexOf(k) !== i);
      if (twice) throw invalid('SLA_DUPLICATE_KEY', { key: twice }, 'profiles');
      if (!keys.includes(input.defaultProfile))
        throw invalid('SLA_UNKNOWN_DEFAULT', { key: input.defaultProfile }, 'defaultProfile');
      const before = await current();
      const after: TicketSettingsValue = { defaultProfile: input.defaultProfile, profiles };
      await db.transaction().execute(async (trx) => {
        await settings.put(trx, KEY, JSON.stringify(after), clock().toISOString());
        await audit.record(
          {
            actor,
            action: 'ticketSettings.update',
            objectType: 'settings',
            objectId: KEY,
            unitPath: null,
            summary: `涉企问题办理时限：${profiles.map((p) => p.name['zh-CN']).join('、')}（默认 ${input.defaultProfile}）`,
            before,
            after,
            ip,
          },
          trx,
        );
      });
      return after;
    },
  };
}

export type TicketSettings = ReturnType<typeof createTicketSettings>;
