import type { Kysely } from 'kysely';
import { parseRaceDefinition, type RaceDefinition } from '../../../domain/race/race-definition.ts';
import { RaceConfigError } from '../../../domain/race/config-error.ts';
import type { Clock, Today } from '../../clock.ts';
import type { DB } from '../../db/schema.ts';
import { conflict, forbidden, invalid, notFound } from '../../http/errors.ts';
import type { MessageKey } from '../../http/i18n.ts';
import { racePolicy } from '../../policies/race.policy.ts';
import type { AuditLog } from '../audit/audit.repository.ts';
import type { ActorContext } from '../session/actor.ts';
import type { RaceValues } from './race-values.ts';
import type { HistoryRepository } from '../history/history.repository.ts';
import type { PeriodFigures } from '../history/period-figures.ts';
import type { RaceRepository } from './races.repository.ts';
import { presentRace, presentRaceItem } from './races.presenter.ts';
import { createRankingService } from './ranking.service.ts';

/** A domain config error as the API reports it: the field path with dots (indicators.1.weight). */
export function raceConfigInvalid(e: RaceConfigError) {
  const field = e.field ? e.field.replace(/\[(\d+)\]/g, '.$1') : undefined;
  return invalid(`RACE_${e.code}` satisfies MessageKey, { field: field ?? '' }, field);
}

export function parseDefinitionOrThrow(input: unknown): RaceDefinition {
  try {
    return parseRaceDefinition(input);
  } catch (e) {
    if (e instanceof RaceConfigError) throw raceConfigInvalid(e);
    throw e;
  }
}

/**
 * 赛马: race definitions (the coordinator's), each change audited, and — from `ranking.service.ts` —
 * the ranking of a period, its records and a bulletin regenerated from history.
 */
export function createRaceService({
  db,
  races,
  values,
  history,
  figures,
  audit,
  clock,
  today,
  timeZone,
}: {
  db: Kysely<DB>;
  races: RaceRepository;
  values: RaceValues;
  history: HistoryRepository;
  figures: PeriodFigures;
  audit: AuditLog;
  clock: Clock;
  today: Today;
  timeZone: string;
}) {
  async function load(id: number) {
    const row = await races.find(id);
    if (!row) throw notFound('race');
    return { row, definition: parseRaceDefinition(JSON.parse(row.definition_json)) };
  }

  function assertReader(actor: ActorContext) {
    if (!racePolicy.canReadRaces(actor)) throw forbidden();
  }
  function assertManager(actor: ActorContext) {
    if (!racePolicy.canManageRaces(actor)) throw forbidden();
  }
  const ranking = createRankingService({ races, load, values, history, figures, clock, today, timeZone });

  return {
    load,

    async list(actor: ActorContext) {
      assertReader(actor);
      const rows = await races.list();
      return { items: rows.map((r) => presentRaceItem(r, parseRaceDefinition(JSON.parse(r.definition_json)))) };
    },

    async get(actor: ActorContext, id: number) {
      assertReader(actor);
      const { row, definition } = await load(id);
      return presentRace(row, definition);
    },

    async create(actor: ActorContext, input: unknown, ip: string | null) {
      assertManager(actor);
      const definition = parseDefinitionOrThrow(input);
      const at = clock().toISOString();
      const id = await db.transaction().execute(async (trx) => {
        const id = await races.insert(trx, {
          name: definition.name,
          definition_json: JSON.stringify(definition),
          created_by: actor.displayName,
          at,
        });
        await audit.record(
          {
            actor,
            action: 'race.create',
            objectType: 'race',
            objectId: String(id),
            unitPath: null,
            summary: `新建赛马“${definition.name}”`,
            after: definition,
            ip,
          },
          trx,
        );
        return id;
      });
      return this.get(actor, id);
    },

    async update(actor: ActorContext, id: number, input: unknown, ip: string | null) {
      assertManager(actor);
      const { definition: before } = await load(id);
      const definition = parseDefinitionOrThrow(input);
      await db.transaction().execute(async (trx) => {
        await races.update(trx, id, {
          name: definition.name,
          definition_json: JSON.stringify(definition),
          updated_at: clock().toISOString(),
        });
        await audit.record(
          {
            actor,
            action: 'race.update',
            objectType: 'race',
            objectId: String(id),
            unitPath: null,
            summary: `修改赛马“${definition.name}”`,
            before,
            after: definition,
            ip,
          },
          trx,
        );
      });
      return this.get(actor, id);
    },

    async remove(actor: ActorContext, id: number, ip: string | null) {
      assertManager(actor);
      const { definition } = await load(id);
      const n = await races.countBulletins(id);
      if (n > 0) throw conflict('RACE_HAS_BULLETINS', { n });
      await db.transaction().execute(async (trx) => {
        await races.remove(trx, id);
        await audit.record(
          {
            actor,
            action: 'race.delete',
            objectType: 'race',
            objectId: String(id),
            unitPath: null,
            summary: `删除赛马“${definition.name}”`,
            before: definition,
            ip,
          },
          trx,
        );
      });
    },

    ...ranking,
  };
}

export type RaceService = ReturnType<typeof createRaceService>;
