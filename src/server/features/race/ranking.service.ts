import {
  latestFinishedPeriod,
  PeriodError,
  periodOf,
  previousPeriod,
  type RacePeriod,
} from '../../../domain/race/period.ts';
import { parseRaceDefinition, type RaceDefinition } from '../../../domain/race/race-definition.ts';
import { rankUnits } from '../../../domain/race/ranking.ts';
import { AsOfInputError, parseAsOf } from '../../../domain/calendar/as-of.ts';
import { localDate } from '../../../domain/calendar/local-date.ts';
import { indicatorByKey as indicatorOf, type ComputedMetric } from '../../../domain/race/indicators.ts';
import { periodDays } from '../../../domain/race/metrics.ts';
import type { Clock, Today } from '../../clock.ts';
import { forbidden, invalid, notFound } from '../../http/errors.ts';
import type { MessageKey } from '../../http/i18n.ts';
import { racePolicy } from '../../policies/race.policy.ts';
import type { HistoryRepository } from '../history/history.repository.ts';
import type { PeriodFigures, PeriodTotals, RedProjectLine } from '../history/period-figures.ts';
import type { ActorContext } from '../session/actor.ts';
import type { RaceValues } from './race-values.ts';
import type { RaceRepository } from './races.repository.ts';
import { presentWarnings } from './races.presenter.ts';
import { asFrozenBefore, presentPublished, presentRanking, type PresentedRanking } from './ranking.presenter.ts';
import { onlyVisible, visibleUnits } from './ranking-visibility.ts';

/** A period of the race's kind, or a 400 naming `period` (an index past the year's end, a week not ranked). */
export function periodOrThrow(definition: RaceDefinition, year: number, index: number): RacePeriod {
  try {
    return periodOf(definition.periodKind, year, index);
  } catch (e) {
    if (e instanceof PeriodError)
      throw e.code === 'INDEX'
        ? invalid('PERIOD_INDEX', { max: e.max }, 'period')
        : invalid('PERIOD_WEEK', {}, 'period');
    throw e;
  }
}

function latestFinishedPeriodOrThrow(definition: RaceDefinition, today: string) {
  try {
    return latestFinishedPeriod(definition.periodKind, today);
  } catch (e) {
    if (e instanceof PeriodError) throw invalid('PERIOD_WEEK', {}, 'period');
    throw e;
  }
}

/**
 * The ranking of a race's period computed live from the data (or as of an instant, from history), with
 * each unit's change against the previous period — the published bulletin's ranks when there is one,
 * so a change reads against what units were told — and the records behind each figure.
 */
export function createRankingService({
  races,
  load,
  values,
  history,
  figures,
  clock,
  today,
  timeZone,
}: {
  races: RaceRepository;
  /** The race's current definition (404 when there is none). */
  load: (id: number) => Promise<{ definition: RaceDefinition }>;
  values: RaceValues;
  history: HistoryRepository;
  figures: PeriodFigures;
  clock: Clock;
  today: Today;
  timeZone: string;
}) {
  /** The instant of an as-of input, or a 400 naming `asOf`: a future date, one before the county was set up, a malformed one. */
  async function resolveAsOf(input: string | undefined): Promise<string | null> {
    if (input === undefined || input === '') return null;
    const setupAt = await races.setupAt();
    try {
      return parseAsOf(input, { now: clock(), setupAt, timeZone });
    } catch (e) {
      if (e instanceof AsOfInputError) throw invalid(`AS_OF_${e.code}` satisfies MessageKey, { value: input }, 'asOf');
      throw e;
    }
  }

  /** The race's definition at an instant (or now); a race created later is not found. */
  async function definitionAt(id: number, asOf: string | null) {
    if (asOf === null) return (await load(id)).definition;
    const json = await history.raceDefinition(id, asOf);
    if (!json) throw notFound('race');
    return parseRaceDefinition(JSON.parse(json));
  }

  function assertReader(actor: ActorContext) {
    if (!racePolicy.canReadRaces(actor)) throw forbidden();
  }

  async function computeRanking(
    definition: RaceDefinition,
    period: RacePeriod,
    previousRanks?: Map<number, number>,
    asOf: string | null = null,
  ) {
    const units = await values.rankedUnits(definition);
    const data = await values.values(definition, period, units, asOf);
    return rankUnits({ definition, units, values: data, previousRanks });
  }

  const ranksOf = (r: { groups: { rows: { unitId: number; rank: number }[] }[] }) =>
    new Map(r.groups.flatMap((g) => g.rows.map((row) => [row.unitId, row.rank] as const)));

  /** The previous period's ranks: as published (by `asOf`), or else as the data gives them (then). */
  async function previousRanks(
    raceId: number,
    definition: RaceDefinition,
    period: RacePeriod,
    asOf: string | null = null,
  ) {
    const prev = previousPeriod(period);
    const published = await races.bulletinInForce(raceId, prev, asOf);
    if (published) return ranksOf((JSON.parse(published.snapshot_json) as { ranking: PresentedRanking }).ranking);
    return ranksOf(await computeRanking(definition, prev, undefined, asOf));
  }

  /**
   * The records behind every computed figure of every ranked unit of a period, as of an instant (or
   * live): a bulletin's Excel appendix, by the drill-through's own selection. Keyed by metric, then unit.
   */
  async function periodRecords(definition: RaceDefinition, period: RacePeriod, asOf: string | null) {
    const metrics = definition.indicators.flatMap((i) => {
      const source = indicatorOf(i.key).source;
      return source.kind === 'computed' ? [source.metric] : [];
    });
    return values.recordsByUnit(period, await values.rankedUnits(definition), metrics, asOf);
  }

  /**
   * The same for a published bulletin as of its publication, so that its appendix counts exactly what
   * its frozen figures count, whatever was approved since. The race as defined then (or, for a race
   * older than its history, as defined now: only its groups matter here).
   */
  async function bulletinRecords(b: { race_id: number; year: number; period_index: number; published_at: string }) {
    const json = await history.raceDefinition(b.race_id, b.published_at);
    const definition = json ? parseRaceDefinition(JSON.parse(json)) : (await load(b.race_id)).definition;
    return periodRecords(definition, periodOrThrow(definition, b.year, b.period_index), b.published_at);
  }

  /** A period must have ended (by the as-of day) before it is ranked. */
  function assertEnded(period: RacePeriod, day: string) {
    if (periodDays(period).to >= day) throw invalid('PERIOD_NOT_ENDED', { period: period.label['zh-CN'] }, 'period');
  }

  return {
    /**
     * The ranking of a period (default: the latest finished one) — live, or as it stood at `asOfInput`
     * — its history in the year, and, for a published period, the bulletin's frozen ranking with the
     * approved corrections that came after it (the web shows the frozen one first).
     */
    async ranking(actor: ActorContext, id: number, year?: number, index?: number, asOfInput?: string) {
      assertReader(actor);
      const asOf = await resolveAsOf(asOfInput);
      const definition = await definitionAt(id, asOf);
      const day = asOf ? localDate(new Date(asOf), timeZone) : today();
      const period =
        year && index ? periodOrThrow(definition, year, index) : latestFinishedPeriodOrThrow(definition, day);
      assertEnded(period, day);
      const ranking = await computeRanking(definition, period, await previousRanks(id, definition, period, asOf), asOf);
      const presented = presentRanking(definition, period, ranking);
      const inForce = await races.bulletinInForce(id, period, asOf);
      const visible = await visibleUnits(actor, !!inForce, () => values.rankedUnits(definition));
      // The newest bulletin of each period counts (a correction replaces the one it corrects).
      const published = [
        ...new Map((await races.publishedInYear(id, period, asOf)).map((b) => [b.period_index, b])).values(),
      ];
      // Each unit's rank in every published period of the year, then now.
      const periods = [
        ...published
          .filter((b) => b.period_index < period.index)
          .map((b) => ({
            index: b.period_index,
            ranks: ranksOf((JSON.parse(b.snapshot_json) as { ranking: PresentedRanking }).ranking),
          })),
        { index: period.index, ranks: ranksOf(ranking) },
      ];
      return {
        raceId: id,
        name: definition.name,
        ...presented,
        groups: onlyVisible(presented.groups, visible),
        visibility: visible ? ('own' as const) : ('full' as const),
        warnings: presentWarnings(definition),
        asOf,
        publishedBulletinId: inForce?.id ?? null,
        published: inForce
          ? presentPublished(
              inForce,
              presented,
              await history.approvedSince(inForce.published_at, period.year, period.endMonth),
            )
          : null,
        history: {
          periods: periods.map((p) => ({
            index: p.index,
            label: periodOf(period.kind, period.year, p.index).label['zh-CN'],
          })),
          units: onlyVisible(ranking.groups, visible).flatMap((g) =>
            g.rows.map((r) => ({
              unitId: r.unitId,
              name: r.name,
              group: g.group,
              ranks: periods.map((p) => p.ranks.get(r.unitId) ?? null),
            })),
          ),
        },
      };
    },

    /**
     * The records behind one computed figure of one unit (drill-through), chosen exactly as the figure
     * is counted, live or as of an instant.
     */
    async records(
      actor: ActorContext,
      id: number,
      input: { year: number; period: number; unitId: number; indicator: string; asOf?: string },
    ) {
      assertReader(actor);
      const asOf = await resolveAsOf(input.asOf);
      const definition = await definitionAt(id, asOf);
      const period = periodOrThrow(definition, input.year, input.period);
      assertEnded(period, asOf ? localDate(new Date(asOf), timeZone) : today());
      const ri = definition.indicators.find((i) => i.key === input.indicator);
      if (!ri) throw invalid('V_INVALID', { field: '@indicator' }, 'indicator');
      const source = indicatorOf(ri.key).source;
      const units = await values.rankedUnits(definition);
      const unit = units.find((u) => u.unitId === input.unitId);
      if (!unit) throw invalid('V_INVALID', { field: '@unitId' }, 'unitId');
      const visible = await visibleUnits(actor, !!(await races.bulletinInForce(id, period, asOf)), async () => units);
      if (visible && !visible.has(unit.unitId)) throw forbidden();
      const found =
        source.kind === 'computed'
          ? await values.records(period, units, source.metric as ComputedMetric, unit.unitId, asOf)
          : null;
      if (!found) throw invalid('RECORDS_NONE', {}, 'indicator');
      return {
        raceId: id,
        period: { year: period.year, index: period.index, label: period.label['zh-CN'], labels: period.label },
        asOf,
        unitId: unit.unitId,
        unitName: unit.name,
        indicator: ri.key,
        metric: source.kind === 'computed' ? source.metric : null,
        ...found,
      };
    },

    /**
     * A published bulletin's ranking computed again from history as of its publication: the frozen
     * numbers must come out exactly (DESIGN §3.12a). Returns both and whether they agree.
     */
    async regenerate(actor: ActorContext, bulletinId: number) {
      assertReader(actor);
      const b = await races.findBulletin(bulletinId);
      if (!b) throw notFound('bulletin');
      const definition = await definitionAt(b.race_id, b.published_at);
      const period = periodOrThrow(definition, b.year, b.period_index);
      const ranking = await computeRanking(
        definition,
        period,
        await previousRanks(b.race_id, definition, period, b.published_at),
        b.published_at,
      );
      const snapshot = JSON.parse(b.snapshot_json) as {
        ranking: PresentedRanking;
        redProjects: RedProjectLine[];
        totals: PeriodTotals;
      };
      const regenerated = {
        ranking: asFrozenBefore(presentRanking(definition, period, ranking), snapshot.ranking),
        redProjects: await figures.redProjects(period, b.published_at),
        totals: await figures.totals(period, b.published_at),
      };
      const frozen = { ranking: snapshot.ranking, redProjects: snapshot.redProjects, totals: snapshot.totals };
      const parts = (['ranking', 'redProjects', 'totals'] as const).filter(
        (k) => JSON.stringify(regenerated[k]) !== JSON.stringify(frozen[k]),
      );
      return {
        bulletinId,
        asOf: b.published_at,
        matches: parts.length === 0,
        differingParts: parts,
        frozen,
        regenerated,
      };
    },

    periodRecords,
    bulletinRecords,
    computeRanking,
    previousRanks,
    resolveAsOf,
  };
}

export type RankingService = ReturnType<typeof createRankingService>;
