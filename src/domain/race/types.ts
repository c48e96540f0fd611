/**
 * The vocabulary of the horse race (赛马, DESIGN §3.5) shared by the scoring methods and the ranking.
 * Plain data only: the server gathers values and targets; the methods decide nothing about their origin.
 */
import type { Indicator } from './indicators.ts';

/** A unit's database id. */
export type UnitId = number;

/** What one unit brings to one indicator for the period. */
export interface MethodInput {
  unitId: UnitId;
  /** The actual value in the indicator's unit (元, count, percent); null when there is no data. */
  value: number | null;
  /** The unit's target for the indicator and period; null when none was set. */
  target: number | null;
  /** For tieredCount only: how many of the unit's projects fall in each of the method's tiers. */
  counts?: readonly number[];
}

/**
 * Why a unit has no score: no target set (shown as such, never as zero), a target that cannot divide
 * (≤ 0), or no value for the period.
 */
export type ScoreNote = 'noTarget' | 'badTarget' | 'noValue';

export interface UnitScore {
  unitId: UnitId;
  /** Points, exact; null when the unit cannot be scored (see note). */
  score: number | null;
  note?: ScoreNote;
}

export interface ScoringContext {
  /** The indicator's weight in points; the weights of a race normally sum to 100. */
  weight: number;
  higherIsBetter: boolean;
}

/**
 * One scoring strategy. It parses its params once (throwing RaceConfigError at `at`), then scores every
 * unit of one peer group for one indicator at once, since some methods need the whole group.
 */
export interface ScoringMethod<P> {
  parseParams(input: unknown, at: string): P;
  /** Whether the method makes sense for the indicator (deduction needs events, tieredCount counts). */
  suits(indicator: Indicator): boolean;
  /** False when the method ignores the weight (deduction): its weight is then 0 and outside the 100. */
  usesWeight: boolean;
  /** One result per input, in input order. */
  score(units: readonly MethodInput[], params: P, ctx: ScoringContext): UnitScore[];
}
