/**
 * The lights engine (DESIGN §3.4): runs every enabled dimension that applies to a project, sets aside
 * the findings of exempted dimensions (正当理由, still shown), and takes the worst colour left.
 */
import { approvals } from './dimensions/approvals.ts';
import { progress } from './dimensions/progress.ts';
import { report } from './dimensions/report.ts';
import { signToStart } from './dimensions/sign-to-start.ts';
import { start } from './dimensions/start.ts';
import { tickets } from './dimensions/tickets.ts';
import type { RuleSet } from './rules.ts';
import {
  DIMENSION_KEYS,
  type Colour,
  type Dimension,
  type DimensionKey,
  type EvaluationContext,
  type Exemption,
  type Finding,
  type ProjectFacts,
} from './types.ts';

/** The one dispatch table: each dimension's strategy, keyed as in the rule set. */
export const DIMENSIONS: { [K in DimensionKey]: Dimension<K> } = {
  start,
  signToStart,
  progress,
  report,
  approvals,
  tickets,
};

export interface ProjectLight {
  colour: Colour;
  /** Findings that colour the light, red first, then in dimension order. */
  findings: Finding[];
  /** Findings set aside by a valid exemption: shown, but not colouring the light. */
  exempted: Finding[];
  /** The dimensions that applied; none means grey. */
  assessed: DimensionKey[];
  ruleSetVersion: string;
}

const SEVERITY: Record<Colour, number> = { grey: 0, green: 1, yellow: 2, red: 3 };

/** The worse of two colours: red > yellow > green > grey. */
export function worse(a: Colour, b: Colour): Colour {
  return SEVERITY[b] > SEVERITY[a] ? b : a;
}

/** An exemption holds through its `until` day and only with a reason and an approver. */
export function isExemptionValid(e: Exemption, today: string): boolean {
  return e.until >= today && e.reason.trim() !== '' && e.approver.trim() !== '';
}

function assessDimension<K extends DimensionKey>(
  key: K,
  facts: ProjectFacts,
  ruleSet: RuleSet,
  ctx: EvaluationContext,
): Finding[] | null {
  const dimension: Dimension<K> = DIMENSIONS[key];
  const rules = ruleSet[key];
  if (!rules.enabled || !dimension.applies(facts, ctx)) return null;
  return dimension.assess(facts, rules, ctx);
}

/**
 * A project's light for the context's day and month, e.g. a 前期 project 2 months past its planned
 * start and 25.5 points behind 序时进度 → yellow with both reasons.
 */
export function evaluateProject(facts: ProjectFacts, ruleSet: RuleSet, ctx: EvaluationContext): ProjectLight {
  const exemptDimensions = new Set(
    facts.exemptions.filter((e) => isExemptionValid(e, ctx.today)).map((e) => e.dimension),
  );
  const assessed: DimensionKey[] = [];
  const findings: Finding[] = [];
  const exempted: Finding[] = [];
  for (const key of DIMENSION_KEYS) {
    const found = assessDimension(key, facts, ruleSet, ctx);
    if (found === null) continue;
    assessed.push(key);
    (exemptDimensions.has(key) ? exempted : findings).push(...found);
  }
  let colour: Colour = assessed.length ? 'green' : 'grey';
  for (const f of findings) colour = worse(colour, f.colour);
  // Array.prototype.sort is stable: dimension order holds within a colour.
  findings.sort((a, b) => SEVERITY[b.colour] - SEVERITY[a.colour]);
  return { colour, findings, exempted, assessed, ruleSetVersion: ruleSet.version };
}

export interface UnitSummary {
  green: number;
  yellow: number;
  red: number;
  grey: number;
}

/** Counts a unit's project lights by colour. */
export function summariseUnit(lights: Iterable<Colour>): UnitSummary {
  const out: UnitSummary = { green: 0, yellow: 0, red: 0, grey: 0 };
  for (const c of lights) out[c]++;
  return out;
}
