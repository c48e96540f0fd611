import type { RacePeriod } from '../../../domain/race/period.ts';
import { publishChecks, type PublishFinding } from '../../../domain/race/publish-check.ts';
import type { RaceDefinition } from '../../../domain/race/race-definition.ts';
import type { RaceRanking } from '../../../domain/race/ranking.ts';
import type { Today } from '../../clock.ts';
import { conflict, forbidden, invalid, notFound } from '../../http/errors.ts';
import { racePolicy } from '../../policies/race.policy.ts';
import type { PeriodFigures } from '../history/period-figures.ts';
import type { RaceService } from '../race/races.service.ts';
import { presentRanking } from '../race/ranking.presenter.ts';
import { periodOrThrow } from '../race/ranking.service.ts';
import type { ActorContext } from '../session/actor.ts';
import { appendixProjectNames } from './bulletin-appendix.ts';
import { presentBulletinSummary } from './bulletin-queries.ts';
import type { BulletinRepository } from './bulletins.repository.ts';
import type { BulletinSnapshot } from './bulletins.service.ts';
import { auditedFindings } from './publish-check.presenter.ts';

/**
 * The steps that publishing and correcting a bulletin share: the next 文号, the check before
 * publishing and what it blocks, what a bulletin freezes, and which bulletin may be corrected.
 */
export function createPublishSteps({
  bulletins,
  races,
  figures,
  today: countyToday,
}: {
  bulletins: BulletinRepository;
  races: Pick<RaceService, 'load' | 'computeRanking' | 'previousRanks' | 'periodRecords'>;
  figures: PeriodFigures;
  today: Today;
}) {
  const region = () => bulletins.region();

  /** Every red project of the period's last month, and the year's totals through it, as they stand now. */
  const redProjects = (period: RacePeriod) => figures.redProjects(period);
  const totals = (period: RacePeriod) => figures.totals(period);

  async function nextDocNumber(year: number) {
    const root = await region();
    const n = await bulletins.countInYear(year);
    return `${root.name.slice(0, 1)}项绩办〔${year}〕${n + 1}号`;
  }

  async function loadBulletin(actor: ActorContext, id: number) {
    if (!racePolicy.canReadBulletins(actor)) throw forbidden();
    const row = await bulletins.findRow(id);
    if (!row) throw notFound('bulletin');
    return row;
  }

  /**
   * The period's ranking as it would be frozen now and what the check before publishing finds in it;
   * `withPrevious` adds each unit's change of rank, which publishing freezes and the check does not need.
   */
  async function checked(
    definition: RaceDefinition,
    raceId: number,
    year: number,
    index: number,
    withPrevious: boolean,
  ) {
    const period = periodOrThrow(definition, year, index);
    const ranking: RaceRanking = await races.computeRanking(
      definition,
      period,
      withPrevious ? await races.previousRanks(raceId, definition, period) : undefined,
    );
    return { period, ranking, findings: publishChecks({ definition, period, ranking, today: countyToday() }) };
  }

  /** What no acknowledgement overrides: a period not yet over, weights not adding up to 100. */
  function refuseBlocking(findings: readonly PublishFinding[], period: RacePeriod) {
    const weights = findings.find((f) => f.code === 'WEIGHTS_NOT_100');
    if (weights) throw invalid('BULLETIN_WEIGHTS', { sum: weights.sum }, 'raceId');
    if (findings.some((f) => f.code === 'PERIOD_NOT_ENDED'))
      throw invalid('BULLETIN_FUTURE', { period: period.label['zh-CN'] }, 'period');
  }

  /** The rest needs the coordinator's word that they have seen it: 400 naming `acknowledged` without. */
  function requireAcknowledged(findings: readonly PublishFinding[], acknowledged: boolean | undefined) {
    if (findings.length && !acknowledged)
      throw invalid('BULLETIN_CHECK_UNACKNOWLEDGED', { n: findings.length }, 'acknowledged');
    return findings.length ? { acknowledged: auditedFindings(findings) } : {};
  }

  /** What a bulletin freezes: the ranking as presented, the red projects, the year's totals and the appendix's project names now. */
  async function freeze(
    definition: RaceDefinition,
    period: RacePeriod,
    ranking: RaceRanking,
  ): Promise<BulletinSnapshot> {
    const [red, sums, records] = await Promise.all([
      redProjects(period),
      totals(period),
      races.periodRecords(definition, period, null),
    ]);
    return {
      ranking: presentRanking(definition, period, ranking),
      redProjects: red,
      totals: sums,
      appendixProjects: appendixProjectNames(records),
    };
  }

  const isUniqueViolation = (e: unknown) => /unique|duplicate/i.test(String((e as Error).message));

  /** The bulletin to correct: the current one of its period, of a race still ranking that kind of period. */
  async function correctable(actor: ActorContext, id: number) {
    if (!racePolicy.canPublish(actor)) throw forbidden();
    const b = await loadBulletin(actor, id);
    if (b.superseded_at !== null) {
      throw conflict(
        'BULLETIN_SUPERSEDED',
        {
          title: b.title,
          docNumber: b.doc_number,
          byTitle: b.correction_title ?? '',
          byDocNumber: b.correction_doc_number ?? '',
        },
        'id',
      );
    }
    const { definition } = await races.load(b.race_id);
    if (definition.periodKind !== b.period_kind)
      throw conflict('BULLETIN_RACE_CHANGED', { period: presentBulletinSummary(b).periodLabel }, 'id');
    return { b, definition };
  }

  return {
    region,
    redProjects,
    totals,
    nextDocNumber,
    loadBulletin,
    checked,
    refuseBlocking,
    requireAcknowledged,
    freeze,
    isUniqueViolation,
    correctable,
  };
}
