/** The shape of a demo project template: what kind of project it is and how to name it. */
import type { InvestmentType, Nature, ProjectKind } from '../projects/project-fields.ts';
import type { Rng } from './random.ts';

/**
 * Investment tiers in 万元: 0 under 1,000 · 1 1,000–5,000 · 2 5,000–10,000 · 3 1–5 亿 · 4 5–10 亿 ·
 * 5 10–50 亿. A template lists the tiers a project of its type plausibly falls in.
 */
export type Tier = 0 | 1 | 2 | 3 | 4 | 5;
export const TIER_BOUNDS_WAN: Record<Tier, readonly [number, number]> = {
  0: [300, 1_000],
  1: [1_000, 5_000],
  2: [5_000, 10_000],
  3: [10_000, 50_000],
  4: [50_000, 100_000],
  5: [100_000, 500_000],
};

/** Who leads the project: an industrial platform (or the township), the township, or a department found by keyword. */
export type LeadRule =
  | { by: 'platformOrTownship' }
  | { by: 'platform' }
  | { by: 'township' }
  | { by: 'department'; keyword: string; orTownship?: boolean };

export interface NameContext {
  rng: Rng;
  /** The street or township where the project lies. */
  place: string;
  /** Another street or township, for names that join two places (roads). */
  otherPlace: string;
  /** The leading platform, or the place when the project is not on a platform. */
  platform: string;
  /** A village name, for rural projects. */
  village: string;
  /** The demo year the name may mention (e.g. "老旧小区改造工程（2025年）"). */
  year: number;
}

export interface ProjectTemplate {
  /** The local industry chain; becomes the project's first tag and picks the owner's trade word. */
  chain: string | null;
  kind: ProjectKind;
  investmentType: InvestmentType;
  /** GB/T 4754-2017 division code. */
  industryCode: string;
  lead: LeadRule;
  tiers: readonly [min: Tier, max: Tier];
  natures: readonly Nature[];
  /** Industrial projects go on to production and capacity. */
  isProducing: boolean;
  /** Land in 亩 when the project takes new land, else null. */
  landMu: readonly [number, number] | null;
  /** Relative frequency among templates that fit. */
  weight: number;
  /** Built and owned by a county state-owned company although invested as an enterprise (parks, standard plants). */
  isStateOwned?: boolean;
  /** Trade words for the owner's company name, overriding the chain's. */
  ownerWords?: readonly string[];
  /**
   * Industrial templates give the product part ("年产5万吨差别化纤维") and the generator adds who or
   * where and a suffix by nature; public templates (isFullName) give the whole name.
   */
  isFullName?: boolean;
  name(ctx: NameContext): string;
}

/** A round number in [min, max] on a step, for capacities in names. */
export function num(rng: Rng, min: number, max: number, step = 1): number {
  return min + step * rng.int(0, Math.floor((max - min) / step));
}

const CN_DIGITS = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];

/** 1 → 一, 12 → 十二, 25 → 二十五 (enough for phases and ordinals). */
export function chineseNumber(n: number): string {
  if (n <= 10) return CN_DIGITS[n]!;
  if (n < 20) return `十${CN_DIGITS[n - 10]}`;
  if (n < 100) return `${CN_DIGITS[Math.floor(n / 10)]}十${n % 10 ? CN_DIGITS[n % 10] : ''}`;
  return String(n);
}
