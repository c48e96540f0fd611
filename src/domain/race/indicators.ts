/**
 * The indicator library of the horse race (赛马, DESIGN §3.5) as data. A race picks indicators from
 * here by key. Each says how it is measured: `computed` ones Lantern derives from its own records
 * (the server maps each metric to a query); `manual` ones are statistics Lantern cannot compute
 * (财政收入, 税收, …), which a coordinator enters per unit and period.
 */
import type { LocalisedText } from '../lights/types.ts';
import { formatMoney } from '../money/money.ts';
import { formatPoints } from '../progress/time-progress.ts';

/**
 * What the server computes for a unit and period:
 * - `done`: sum of the approved monthly report amounts of the unit's projects in the period, in 元;
 * - `starts`: projects whose actual start date falls in the period;
 * - `startsAboveYi`: the same, limited to a total investment ≥ 1 亿元 (BIG_PROJECT_YUAN);
 * - `red`: the unit's projects with a red light at the period's end;
 * - `overdueStarts`: projects past their planned start month and not started at the period's end;
 * - `signedDeals`, `signedDealsAboveYi`, `dealFundsInPlace`, `dealLandingRate`: the 招商 deals, as
 *   src/domain/race/deal-metrics.ts counts them — deals signed in the period and still standing at its end,
 *   those of them signed for ≥ 1 亿元, the funds arrived in the period (元), and the share of the signed
 *   deals landed by the period's end (the manual `fundsInPlace` stays for counties that report it by hand);
 * - `ticketClosureRate`, `ticketsOverdue`, `ticketSatisfaction`: the enterprises' tickets, as
 *   src/domain/race/ticket-metrics.ts folds them from their steps.
 */
export type ComputedMetric =
  | 'done'
  | 'starts'
  | 'startsAboveYi'
  | 'red'
  | 'overdueStarts'
  | 'signedDeals'
  | 'signedDealsAboveYi'
  | 'dealFundsInPlace'
  | 'dealLandingRate'
  | 'ticketClosureRate'
  | 'ticketsOverdue'
  | 'ticketSatisfaction';

export type IndicatorSource = { kind: 'computed'; metric: ComputedMetric } | { kind: 'manual' };

/** '元': money, stored as integer 元 and shown in 亿元/万元; '个': a count; '%': a percent (25 means 25%). */
export type IndicatorUnit = '元' | '个' | '%';

/** 1 亿元: the threshold of 亿元以上项目. */
export const BIG_PROJECT_YUAN = 100_000_000;

interface IndicatorSpec {
  key: string;
  label: LocalisedText;
  unit: IndicatorUnit;
  higherIsBetter: boolean;
  source: IndicatorSource;
}

const computed = (metric: ComputedMetric): IndicatorSource => ({ kind: 'computed', metric });
const manual: IndicatorSource = { kind: 'manual' };

/** Every indicator a race may use, in the order pickers list them. */
export const INDICATORS = [
  {
    key: 'fixedAssetInvestment',
    label: { 'zh-CN': '固定资产投资', en: 'Fixed-asset investment' },
    unit: '元',
    higherIsBetter: true,
    source: computed('done'),
  },
  {
    key: 'newStartsAboveYi',
    label: { 'zh-CN': '新开工亿元以上项目', en: 'New starts of 100 million yuan or more' },
    unit: '个',
    higherIsBetter: true,
    source: computed('startsAboveYi'),
  },
  {
    key: 'projectsStarted',
    label: { 'zh-CN': '新开工项目数', en: 'Projects started' },
    unit: '个',
    higherIsBetter: true,
    source: computed('starts'),
  },
  {
    key: 'redProjects',
    label: { 'zh-CN': '红灯项目数', en: 'Red-light projects' },
    unit: '个',
    higherIsBetter: false,
    source: computed('red'),
  },
  {
    key: 'overdueStarts',
    label: { 'zh-CN': '逾期未开工项目数', en: 'Projects past their start deadline' },
    unit: '个',
    higherIsBetter: false,
    source: computed('overdueStarts'),
  },
  {
    key: 'signedDeals',
    label: { 'zh-CN': '签约项目', en: 'Signed deals' },
    unit: '个',
    higherIsBetter: true,
    source: computed('signedDeals'),
  },
  {
    key: 'signedDealsAboveYi',
    label: { 'zh-CN': '签约亿元以上项目', en: 'Signed deals of 100 million yuan or more' },
    unit: '个',
    higherIsBetter: true,
    source: computed('signedDealsAboveYi'),
  },
  {
    key: 'dealFundsInPlace',
    label: { 'zh-CN': '招商到位资金', en: 'Investment funds in place' },
    unit: '元',
    higherIsBetter: true,
    source: computed('dealFundsInPlace'),
  },
  {
    key: 'dealLandingRate',
    label: { 'zh-CN': '签约项目落地率', en: 'Landing rate of signed deals' },
    unit: '%',
    higherIsBetter: true,
    source: computed('dealLandingRate'),
  },
  {
    key: 'ticketClosureRate',
    label: { 'zh-CN': '问题办结率', en: 'Ticket closure rate' },
    unit: '%',
    higherIsBetter: true,
    source: computed('ticketClosureRate'),
  },
  {
    key: 'ticketsOverdue',
    label: { 'zh-CN': '超期未办结问题数', en: 'Tickets past their deadline' },
    unit: '个',
    higherIsBetter: false,
    source: computed('ticketsOverdue'),
  },
  {
    key: 'ticketSatisfaction',
    label: { 'zh-CN': '问题办理满意率', en: 'Ticket satisfaction rate' },
    unit: '%',
    higherIsBetter: true,
    source: computed('ticketSatisfaction'),
  },
  {
    key: 'fiscalRevenue',
    label: { 'zh-CN': '财政收入', en: 'Fiscal revenue' },
    unit: '元',
    higherIsBetter: true,
    source: manual,
  },
  {
    key: 'industrialValueAdded',
    label: { 'zh-CN': '规上工业增加值', en: 'Value added of industry above designated size' },
    unit: '元',
    higherIsBetter: true,
    source: manual,
  },
  {
    key: 'fundsInPlace',
    label: { 'zh-CN': '到位资金', en: 'Funds in place' },
    unit: '元',
    higherIsBetter: true,
    source: manual,
  },
  {
    key: 'taxRevenue',
    label: { 'zh-CN': '税收', en: 'Tax revenue' },
    unit: '元',
    higherIsBetter: true,
    source: manual,
  },
  {
    key: 'investmentGrowth',
    label: { 'zh-CN': '固定资产投资增速', en: 'Fixed-asset investment growth' },
    unit: '%',
    higherIsBetter: true,
    source: manual,
  },
] as const satisfies readonly IndicatorSpec[];

export type IndicatorKey = (typeof INDICATORS)[number]['key'];

export interface Indicator extends IndicatorSpec {
  key: IndicatorKey;
}

const BY_KEY = new Map<string, Indicator>(INDICATORS.map((i) => [i.key, i]));

export function isIndicatorKey(key: unknown): key is IndicatorKey {
  return typeof key === 'string' && BY_KEY.has(key);
}

/** The library entry for a key; throws on a key that is not one (parse keys with isIndicatorKey first). */
export function indicatorByKey(key: IndicatorKey): Indicator {
  const found = BY_KEY.get(key);
  if (!found) throw new RangeError(`unknown indicator ${String(key)}`);
  return found;
}

/** A value as a person reads it: money via formatMoney (12.35 亿元, 860.00 万元), 3 个, 87.5%. */
export function formatIndicatorValue(indicator: Indicator, value: number): string {
  if (indicator.unit === '元') return formatMoney(value);
  if (indicator.unit === '%') return `${formatPoints(value)}%`;
  return `${value} 个`;
}
