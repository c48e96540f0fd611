import type { Kysely } from 'kysely';
import { indicatorByKey } from '../../../domain/race/indicators.ts';
import { latestFinishedPeriod, PeriodError, periodOf, previousPeriod, type RacePeriod } from '../../../domain/race/period.ts';
import { parseRaceDefinition, weightWarnings, type RaceDefinition } from '../../../domain/race/race-definition.ts';
import { RaceConfigError } from '../../../domain/race/config-error.ts';
import { rankUnits, type RaceRanking, type RankingRow } from '../../../domain/race/ranking.ts';
import type { Clock, Today } from '../../clock.ts';
import type { DB } from '../../db/schema.ts';
import { conflict, forbidden, invalid, notFound } from '../../http/errors.ts';
import type { MessageKey } from '../../http/i18n.ts';
import { racePolicy } from '../../policies/race.policy.ts';
import type { AuditLog } from '../audit/audit.repository.ts';
import type { ActorContext } from '../session/actor.ts';
import type { RaceValues } from './race-values.ts';

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

export function periodOrThrow(definition: RaceDefinition, year: number, index: number): RacePeriod {
  try {
    return periodOf(definition.periodKind, year, index);
  } catch (e) {
    if (e instanceof PeriodError) throw e.code === 'INDEX' ? invalid('PERIOD_INDEX', { max: e.max }, 'period') : invalid('PERIOD_WEEK', {}, 'period');
    throw e;
  }
}

const presentWarnings = (d: RaceDefinition) => weightWarnings(d).map((w) => ({ ...w, messageKey: 'RACE_WEIGHTS_NOT_100' as const }));

const presentRow = (r: RankingRow) => ({ unitId: r.unitId, name: r.name, total: r.total, rank: r.rank, rankChange: r.rankChange, breakdown: r.breakdown });

/** The ranking as the API and a bulletin's snapshot carry it. */
export function presentRanking(definition: RaceDefinition, period: RacePeriod, ranking: RaceRanking) {
  return {
    period: { kind: period.kind, year: period.year, index: period.index, endMonth: period.endMonth, label: period.label['zh-CN'], labels: period.label },
    indicators: definition.indicators.map((i) => ({ key: i.key, label: indicatorByKey(i.key).label, unit: indicatorByKey(i.key).unit, weight: i.weight, method: i.method })),
    groups: ranking.groups.map((g) => ({ group: g.group, label: g.label, rows: g.rows.map(presentRow), top: g.top.map(presentRow), bottom: g.bottom.map(presentRow) })),
  };
}
export type PresentedRanking = ReturnType<typeof presentRanking>;

/**
 * 赛马: race definitions (the coordinator's), and the ranking of a period computed live from the
 * data, with each unit's change against the previous period — the published bulletin's ranks when
 * there is one, so a change reads against what units were told.
 */
export function createRaceService({ db, values, audit, clock, today }: { db: Kysely<DB>; values: RaceValues; audit: AuditLog; clock: Clock; today: Today }) {
  async function load(id: number) {
    const row = await db.selectFrom('races').selectAll().where('id', '=', id).executeTakeFirst();
    if (!row) throw notFound('race');
    return { row, definition: parseRaceDefinition(JSON.parse(row.definition_json)) };
  }

  const present = (row: { id: number; created_by: string; updated_at: string }, definition: RaceDefinition) => ({
    id: row.id,
    definition,
    warnings: presentWarnings(definition),
    createdBy: row.created_by,
    updatedAt: row.updated_at,
  });

  function assertReader(actor: ActorContext) {
    if (!racePolicy.canReadRaces(actor)) throw forbidden();
  }
  function assertManager(actor: ActorContext) {
    if (!racePolicy.canManageRaces(actor)) throw forbidden();
  }

  async function computeRanking(definition: RaceDefinition, period: RacePeriod, previousRanks?: Map<number, number>) {
    const units = await values.rankedUnits(definition);
    const data = await values.values(definition, period, units);
    return rankUnits({ definition, units, values: data, previousRanks });
  }

  const ranksOf = (r: { groups: { rows: { unitId: number; rank: number }[] }[] }) => new Map(r.groups.flatMap((g) => g.rows.map((row) => [row.unitId, row.rank] as const)));

  /** The previous period's ranks: as published, or else as the data gives them now. */
  async function previousRanks(raceId: number, definition: RaceDefinition, period: RacePeriod) {
    const prev = previousPeriod(period);
    const published = await db.selectFrom('bulletins').select('snapshot_json').where('race_id', '=', raceId).where('year', '=', prev.year).where('period_kind', '=', prev.kind).where('period_index', '=', prev.index).executeTakeFirst();
    if (published) return ranksOf((JSON.parse(published.snapshot_json) as { ranking: PresentedRanking }).ranking);
    return ranksOf(await computeRanking(definition, prev));
  }

  return {
    load,

    async list(actor: ActorContext) {
      assertReader(actor);
      const rows = await db.selectFrom('races').selectAll().orderBy('id', 'desc').execute();
      return {
        items: rows.map((r) => {
          const d = parseRaceDefinition(JSON.parse(r.definition_json));
          return { id: r.id, name: d.name, periodKind: d.periodKind, indicatorCount: d.indicators.length, warnings: presentWarnings(d), updatedAt: r.updated_at };
        }),
      };
    },

    async get(actor: ActorContext, id: number) {
      assertReader(actor);
      const { row, definition } = await load(id);
      return present(row, definition);
    },

    async create(actor: ActorContext, input: unknown, ip: string | null) {
      assertManager(actor);
      const definition = parseDefinitionOrThrow(input);
      const at = clock().toISOString();
      const id = await db.transaction().execute(async (trx) => {
        const { id } = await trx.insertInto('races').values({ name: definition.name, definition_json: JSON.stringify(definition), created_by: actor.displayName, created_at: at, updated_at: at }).returning('id').executeTakeFirstOrThrow();
        await audit.record({ actor, action: 'race.create', objectType: 'race', objectId: String(id), unitPath: null, summary: `新建赛马“${definition.name}”`, after: definition, ip }, trx);
        return Number(id);
      });
      return this.get(actor, id);
    },

    async update(actor: ActorContext, id: number, input: unknown, ip: string | null) {
      assertManager(actor);
      const { definition: before } = await load(id);
      const definition = parseDefinitionOrThrow(input);
      await db.transaction().execute(async (trx) => {
        await trx.updateTable('races').set({ name: definition.name, definition_json: JSON.stringify(definition), updated_at: clock().toISOString() }).where('id', '=', id).execute();
        await audit.record({ actor, action: 'race.update', objectType: 'race', objectId: String(id), unitPath: null, summary: `修改赛马“${definition.name}”`, before, after: definition, ip }, trx);
      });
      return this.get(actor, id);
    },

    async remove(actor: ActorContext, id: number, ip: string | null) {
      assertManager(actor);
      const { definition } = await load(id);
      const n = Number((await db.selectFrom('bulletins').select((eb) => eb.fn.countAll<number>().as('n')).where('race_id', '=', id).executeTakeFirstOrThrow()).n);
      if (n > 0) throw conflict('RACE_HAS_BULLETINS', { n });
      await db.transaction().execute(async (trx) => {
        await trx.deleteFrom('races').where('id', '=', id).execute();
        await audit.record({ actor, action: 'race.delete', objectType: 'race', objectId: String(id), unitPath: null, summary: `删除赛马“${definition.name}”`, before: definition, ip }, trx);
      });
    },

    /** The ranking of a period (default: the latest finished one), its history in the year, and whether it is published. */
    async ranking(actor: ActorContext, id: number, year?: number, index?: number) {
      assertReader(actor);
      const { definition } = await load(id);
      const period = year && index ? periodOrThrow(definition, year, index) : latestFinishedPeriodOrThrow(definition, today());
      const ranking = await computeRanking(definition, period, await previousRanks(id, definition, period));
      const presented = presentRanking(definition, period, ranking);
      const published = await db.selectFrom('bulletins').select(['id', 'period_index', 'snapshot_json']).where('race_id', '=', id).where('year', '=', period.year).where('period_kind', '=', period.kind).orderBy('period_index').execute();
      // Each unit's rank in every published period of the year, then now.
      const periods = [...published.filter((b) => b.period_index < period.index).map((b) => ({ index: b.period_index, ranks: ranksOf((JSON.parse(b.snapshot_json) as { ranking: PresentedRanking }).ranking) })), { index: period.index, ranks: ranksOf(ranking) }];
      return {
        raceId: id,
        name: definition.name,
        ...presented,
        warnings: presentWarnings(definition),
        publishedBulletinId: published.find((b) => b.period_index === period.index)?.id ?? null,
        history: {
          periods: periods.map((p) => ({ index: p.index, label: periodOf(period.kind, period.year, p.index).label['zh-CN'] })),
          units: ranking.groups.flatMap((g) => g.rows.map((r) => ({ unitId: r.unitId, name: r.name, group: g.group, ranks: periods.map((p) => p.ranks.get(r.unitId) ?? null) }))),
        },
      };
    },

    computeRanking,
    previousRanks,
  };
}

function latestFinishedPeriodOrThrow(definition: RaceDefinition, today: string) {
  try {
    return latestFinishedPeriod(definition.periodKind, today);
  } catch (e) {
    if (e instanceof PeriodError) throw invalid('PERIOD_WEEK', {}, 'period');
    throw e;
  }
}

export type RaceService = ReturnType<typeof createRaceService>;
