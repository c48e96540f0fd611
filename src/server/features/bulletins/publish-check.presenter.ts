import { indicatorByKey } from '../../../domain/race/indicators.ts';
import type { RacePeriod } from '../../../domain/race/period.ts';
import type { CheckedUnit, PublishFinding } from '../../../domain/race/publish-check.ts';
import { translate, type Locale, type MessageKey } from '../../http/i18n.ts';

/** How many unit names a message spells out; the rest are counted ("…等 14 个单位"). */
const NAMED_UNITS = 8;

function unitList(units: readonly CheckedUnit[], locale: Locale): string {
  const names = units
    .slice(0, NAMED_UNITS)
    .map((u) => u.name)
    .join(locale === 'en' ? ', ' : '、');
  return units.length <= NAMED_UNITS
    ? names
    : translate('CHECK_UNITS_MORE', locale, { units: names, n: units.length, more: units.length - NAMED_UNITS });
}

/** One finding's message in the reader's language, e.g. "2 个单位未设“固定资产投资”目标，该项不得分（按 0 分计入总分）：女埠街道、柏社乡". */
export function findingMessage(f: PublishFinding, period: RacePeriod, locale: Locale): string {
  const key = `CHECK_${f.code}` satisfies MessageKey;
  const base = { n: f.units.length, units: unitList(f.units, locale) };
  switch (f.code) {
    case 'PERIOD_NOT_ENDED':
      return translate(key, locale, { period: period.label[locale] });
    case 'WEIGHTS_NOT_100':
      return translate(key, locale, { sum: f.sum });
    case 'NO_TARGET':
    case 'BAD_TARGET':
      return translate(key, locale, { ...base, indicator: indicatorByKey(f.indicator).label[locale] });
    case 'NO_VALUE':
      return translate(key, locale, { ...base, indicator: indicatorByKey(f.indicator).label[locale], month: f.month });
    case 'GROUP_TOO_SMALL':
      return translate(key, locale, { ...base, group: f.label[locale], topN: f.topN, bottomN: f.bottomN });
  }
}

/**
 * The check as GET publish-check answers it: whether publishing is possible at all, whether it needs
 * acknowledging, and each finding with its message and the units it names.
 */
export function presentPublishCheck(
  { raceId, period, findings }: { raceId: number; period: RacePeriod; findings: readonly PublishFinding[] },
  locale: Locale,
) {
  return {
    raceId,
    period: { kind: period.kind, year: period.year, index: period.index, label: period.label[locale] },
    /** False while a blocking finding stands (period not ended, weights not 100). */
    canPublish: !findings.some((f) => f.blocking),
    /** True when publishing needs `acknowledged: true`. */
    needsAcknowledgement: findings.some((f) => !f.blocking),
    items: findings.map((f) => ({
      code: f.code,
      blocking: f.blocking,
      message: findingMessage(f, period, locale),
      indicator: 'indicator' in f ? f.indicator : null,
      group: 'group' in f ? f.group : null,
      units: f.units,
    })),
  };
}

/** Findings as the audit keeps what a coordinator acknowledged: code, what it is about, the units' names. */
export function auditedFindings(findings: readonly PublishFinding[]) {
  return findings.map((f) => ({
    code: f.code,
    ...('indicator' in f ? { indicator: f.indicator } : {}),
    ...('group' in f ? { group: f.group } : {}),
    units: f.units.map((u) => u.name),
  }));
}
