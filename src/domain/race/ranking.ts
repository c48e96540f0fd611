/**
 * The race's ranking (DESIGN §3.5): every unit of every peer group scored on every indicator, its
 * total, rank and change of rank, and the 骏马 (top) and 蜗牛 (bottom) named per group.
 *
 * Rounding happens here and only here: each breakdown score is rounded with roundScore and the total is
 * the sum of the rounded scores, so the printed breakdown always adds up to the printed total. The
 * methods themselves stay exact.
 *
 * Naming the lists (骏马 / 蜗牛), with topN = bottomN = 3:
 * - a unit is never in both lists;
 * - a group of fewer than topN + bottomN units (1, 3 or 5 units here) is too small for both lists: it
 *   names nobody and says so (`tooSmall`), rather than shrinking N for that group alone — a county
 *   publishes "前三名、后三名", and a 骏马 that is merely one of three is not what the rule promised;
 *   the publish check reports such groups so the coordinator can change N before publishing;
 * - ties at an edge are all named (6th and 7th equal with bottomN = 3 → four 蜗牛);
 * - units tied across both edges are in neither list: one of two equal units cannot be 骏马 and the
 *   other 蜗牛 (six units 90, 80, 70, 70, 60, 50 → 骏马 the 90 and 80, 蜗牛 the 60 and 50; seven equal
 *   units → nobody).
 */
import type { LocalisedText } from '../lights/types.ts';
import { indicatorByKey, type IndicatorKey } from './indicators.ts';
import { SCORING_METHODS } from './methods/index.ts';
import type { RaceDefinition, RaceIndicator } from './race-definition.ts';
import { roundScore } from './score.ts';
import type { MethodInput, ScoreNote, ScoringMethod, UnitId, UnitScore } from './types.ts';

/** A unit taking part, with the key of its peer group (see groupForKind). */
export interface RaceUnit {
  unitId: UnitId;
  name: string;
  group: string;
}

/** One unit's data for one indicator; a unit missing from the map has neither value nor target. */
export interface IndicatorValue {
  value: number | null;
  target: number | null;
  counts?: readonly number[];
}

export interface RankUnitsInput {
  definition: RaceDefinition;
  units: readonly RaceUnit[];
  values: ReadonlyMap<IndicatorKey, ReadonlyMap<UnitId, IndicatorValue>>;
  /** Each unit's rank in the previous period of the same race, when there was one. */
  previousRanks?: ReadonlyMap<UnitId, number>;
}

export interface BreakdownEntry {
  indicator: IndicatorKey;
  value: number | null;
  target: number | null;
  /** Rounded to two decimals; null (not 0) when the unit could not be scored, with the note saying why. */
  score: number | null;
  note: ScoreNote | null;
}

export interface RankingRow {
  unitId: UnitId;
  name: string;
  /** Sum of the breakdown's scores, a null score counting as 0. */
  total: number;
  /** Standard competition rank within the group: equal totals share it (1, 2, 2, 4). */
  rank: number;
  /** Previous rank − current rank: positive = moved up; null without a previous rank. */
  rankChange: number | null;
  breakdown: BreakdownEntry[];
}

export interface GroupRanking {
  group: string;
  label: LocalisedText;
  /** Best first; equal totals in name order (zh-CN collation, i.e. by pinyin). */
  rows: RankingRow[];
  /** 骏马: the first topN rows, plus any unit tied with the Nth, unless that tie reaches the bottom list. */
  top: RankingRow[];
  /** 蜗牛: the last bottomN rows, plus any unit tied with the Nth from the end, unless that tie reaches the top list; in table order. */
  bottom: RankingRow[];
  /** True when the group has units but fewer than topN + bottomN: neither list is named (see isGroupTooSmall). */
  tooSmall: boolean;
}

export interface RaceRanking {
  groups: GroupRanking[];
}

const collator = new Intl.Collator('zh-CN');

function scoreIndicator(ri: RaceIndicator, inputs: MethodInput[]): UnitScore[] {
  // The union of definitions loses the pairing of method and params; parseRaceDefinition guarantees it.
  const method = SCORING_METHODS[ri.method] as ScoringMethod<unknown>;
  return method.score(inputs, ri.params, { weight: ri.weight, higherIsBetter: indicatorByKey(ri.key).higherIsBetter });
}

/**
 * Ranks the units of each peer group apart, e.g. three townships with totals 90, 85, 85 → ranks
 * 1, 2, 2; with previous ranks 3, 1, 2 their changes are +2, −1, 0. Throws RangeError for a unit in a
 * group the definition does not have, or a unit listed twice.
 */
export function rankUnits({ definition, units, values, previousRanks }: RankUnitsInput): RaceRanking {
  const byGroup = new Map(definition.groups.map((g) => [g.key, [] as RaceUnit[]]));
  const seen = new Set<UnitId>();
  for (const unit of units) {
    const members = byGroup.get(unit.group);
    if (!members) throw new RangeError(`unit ${unit.unitId} is in group ${unit.group}, which the race does not have`);
    if (seen.has(unit.unitId)) throw new RangeError(`unit ${unit.unitId} is listed twice`);
    seen.add(unit.unitId);
    members.push(unit);
  }
  return {
    groups: definition.groups.map((g) => {
      const rows = rankGroup(definition, byGroup.get(g.key)!, values, previousRanks);
      const tooSmall = isGroupTooSmall(rows.length, definition);
      const { top, bottom } = tooSmall
        ? { top: [], bottom: [] }
        : namedLists(rows, definition.topN, definition.bottomN);
      return { group: g.key, label: g.label, rows, top, bottom, tooSmall };
    }),
  };
}

function rankGroup(
  definition: RaceDefinition,
  members: RaceUnit[],
  values: RankUnitsInput['values'],
  previousRanks: RankUnitsInput['previousRanks'],
): RankingRow[] {
  const breakdowns = new Map<UnitId, BreakdownEntry[]>(members.map((u) => [u.unitId, []]));
  for (const ri of definition.indicators) {
    const data = values.get(ri.key);
    const inputs = members.map((u): MethodInput => ({
      value: null,
      target: null,
      ...data?.get(u.unitId),
      unitId: u.unitId,
    }));
    scoreIndicator(ri, inputs).forEach((s, i) => {
      const { value, target } = inputs[i]!;
      breakdowns.get(s.unitId)!.push({
        indicator: ri.key,
        value,
        target,
        score: s.score === null ? null : roundScore(s.score),
        note: s.note ?? null,
      });
    });
  }
  const rows = members.map((u): RankingRow => {
    const breakdown = breakdowns.get(u.unitId)!;
    const total = roundScore(breakdown.reduce((sum, b) => sum + (b.score ?? 0), 0));
    return { unitId: u.unitId, name: u.name, total, rank: 0, rankChange: null, breakdown };
  });
  rows.sort((a, b) => b.total - a.total || collator.compare(a.name, b.name) || a.unitId - b.unitId);
  rows.forEach((row, i) => {
    row.rank = i > 0 && row.total === rows[i - 1]!.total ? rows[i - 1]!.rank : i + 1;
    const previous = previousRanks?.get(row.unitId);
    row.rankChange = previous === undefined ? null : previous - row.rank;
  });
  return rows;
}

/**
 * Whether a group of `size` units is too small to name both lists without overlap: fewer than topN +
 * bottomN units, e.g. 5 units with 3 + 3. An empty group is not too small (it has nothing to name), nor
 * is any group when both N are 0.
 */
export function isGroupTooSmall(size: number, { topN, bottomN }: Pick<RaceDefinition, 'topN' | 'bottomN'>): boolean {
  return size > 0 && size < topN + bottomN;
}

// Ties at the edge are all named: a reader who sees two units on the same score would not accept that
// only one of them is called 骏马 (or 蜗牛) because of the order of their names. The rows come sorted,
// at least topN + bottomN of them, so the top edge lies above the bottom edge; they meet only in a tie
// that spans both, whose units then go in neither list.
function namedLists(rows: RankingRow[], topN: number, bottomN: number): { top: RankingRow[]; bottom: RankingRow[] } {
  if (rows.length === 0) return { top: [], bottom: [] };
  const topEdge = topN > 0 ? rows[topN - 1]!.rank : null;
  const bottomEdge = bottomN > 0 ? rows[rows.length - bottomN]!.rank : null;
  const straddle = topEdge !== null && topEdge === bottomEdge;
  return {
    top: topEdge === null ? [] : rows.filter((r) => (straddle ? r.rank < topEdge : r.rank <= topEdge)),
    bottom: bottomEdge === null ? [] : rows.filter((r) => (straddle ? r.rank > bottomEdge : r.rank >= bottomEdge)),
  };
}
