/**
 * 发布前检查: what a coordinator should know before a period's ranking is frozen into a bulletin that
 * leaders sign (DESIGN §3.5, §3.12a). A unit without a target shows 无目标 and counts 0 in the total,
 * so it may be named 蜗牛 for a missing number rather than for its work; the check names such units
 * before anyone reads the bulletin.
 *
 * Two kinds of finding:
 * - blocking — the bulletin cannot be published at all: the period has not ended, the weights do not
 *   add up to 100;
 * - to acknowledge — publishing is allowed once the coordinator has seen them and says so: units without
 *   a (usable) target for an indicator scored against one, units without an entered statistic for a
 *   manual indicator at the period's last month, groups too small to name 骏马 and 蜗牛.
 */
import type { LocalisedText } from '../lights/types.ts';
import { indicatorByKey, type IndicatorKey } from './indicators.ts';
import type { RacePeriod } from './period.ts';
import { weightWarnings, type RaceDefinition } from './race-definition.ts';
import type { RaceRanking } from './ranking.ts';
import type { UnitId } from './types.ts';

export type PublishCheckCode =
  'PERIOD_NOT_ENDED' | 'WEIGHTS_NOT_100' | 'NO_TARGET' | 'BAD_TARGET' | 'NO_VALUE' | 'GROUP_TOO_SMALL';

export interface CheckedUnit {
  unitId: UnitId;
  name: string;
}

export type PublishFinding =
  | { code: 'PERIOD_NOT_ENDED'; blocking: true; units: [] }
  | { code: 'WEIGHTS_NOT_100'; blocking: true; sum: number; units: [] }
  /** Units scored by ratio to a target that have none (NO_TARGET) or one ≤ 0 (BAD_TARGET). */
  | { code: 'NO_TARGET' | 'BAD_TARGET'; blocking: false; indicator: IndicatorKey; units: CheckedUnit[] }
  /** Units without an entered figure of a manual indicator for the period's last month (year to date). */
  | { code: 'NO_VALUE'; blocking: false; indicator: IndicatorKey; month: number; units: CheckedUnit[] }
  /** A group with fewer units than topN + bottomN: it names neither list (see ranking.ts). */
  | {
      code: 'GROUP_TOO_SMALL';
      blocking: false;
      group: string;
      label: LocalisedText;
      topN: number;
      bottomN: number;
      units: CheckedUnit[];
    };

export interface PublishCheckInput {
  definition: RaceDefinition;
  period: RacePeriod;
  /** The period's ranking as it would be frozen now. */
  ranking: RaceRanking;
  /** The county's date, YYYY-MM-DD. */
  today: string;
}

/** Whether the period's last month has ended by `today`: October 2026 has on 2026-11-01, not on 2026-10-31. */
export function hasPeriodEnded(period: RacePeriod, today: string): boolean {
  return `${period.year}-${String(period.endMonth).padStart(2, '0')}` < today.slice(0, 7);
}

/**
 * Every finding, blocking ones first, then per indicator in the race's order, then per group; units in
 * the ranking's order (group by group, best first). E.g. a monthly race of 固定资产投资 (ratioToTarget,
 * 50) and 财政收入 (efficacyCoefficient, 50) for October, checked on 2026-11-23, where 女埠街道 has no
 * investment target and 柏社乡 no October revenue, and the departments are three:
 * `[{ code: 'NO_TARGET', indicator: 'fixedAssetInvestment', units: [女埠街道] }, { code: 'NO_VALUE',
 * indicator: 'fiscalRevenue', month: 10, units: [柏社乡] }, { code: 'GROUP_TOO_SMALL', group:
 * 'departments', units: [the three] }]`. An empty list means nothing stands in the way.
 */
export function publishChecks({ definition, period, ranking, today }: PublishCheckInput): PublishFinding[] {
  const findings: PublishFinding[] = [];
  if (!hasPeriodEnded(period, today)) findings.push({ code: 'PERIOD_NOT_ENDED', blocking: true, units: [] });
  for (const w of weightWarnings(definition))
    findings.push({ code: 'WEIGHTS_NOT_100', blocking: true, sum: w.sum, units: [] });

  const rows = ranking.groups.flatMap((g) => g.rows);
  const unitsWhere = (
    indicator: IndicatorKey,
    test: (cell: { value: number | null; target: number | null }) => boolean,
  ): CheckedUnit[] =>
    rows
      .filter((r) => r.breakdown.some((b) => b.indicator === indicator && test(b)))
      .map((r) => ({ unitId: r.unitId, name: r.name }));

  for (const ri of definition.indicators) {
    // Only ratioToTarget divides by the target; the other methods show it but do not need it.
    if (ri.method === 'ratioToTarget') {
      const none = unitsWhere(ri.key, (c) => c.target === null);
      if (none.length) findings.push({ code: 'NO_TARGET', blocking: false, indicator: ri.key, units: none });
      const bad = unitsWhere(ri.key, (c) => c.target !== null && !(c.target > 0));
      if (bad.length) findings.push({ code: 'BAD_TARGET', blocking: false, indicator: ri.key, units: bad });
    }
    if (indicatorByKey(ri.key).source.kind === 'manual') {
      const missing = unitsWhere(ri.key, (c) => c.value === null);
      if (missing.length)
        findings.push({ code: 'NO_VALUE', blocking: false, indicator: ri.key, month: period.endMonth, units: missing });
    }
  }

  for (const g of ranking.groups) {
    if (g.tooSmall) {
      const units = g.rows.map((r) => ({ unitId: r.unitId, name: r.name }));
      findings.push({
        code: 'GROUP_TOO_SMALL',
        blocking: false,
        group: g.group,
        label: g.label,
        topN: definition.topN,
        bottomN: definition.bottomN,
        units,
      });
    }
  }
  return findings;
}
