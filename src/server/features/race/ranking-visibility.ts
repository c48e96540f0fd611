import { scopeAllows } from '../../../domain/access/scope.ts';
import { racePolicy } from '../../policies/race.policy.ts';
import type { ActorContext } from '../session/actor.ts';
import type { RankedUnit } from './race-values.ts';

/**
 * Who sees which rows of a live ranking. A published period is public (晾晒 is public by design), and
 * coordinators, leaders and auditors read every unit's figures at any time. Before publication a unit's
 * editor reads only the rows of their own unit (and those below it): their figures and rank, not the
 * other units' targets and statistics, which the targets API does not show them either.
 *
 * Resolves to null when the actor sees everything, else to the ids of the units whose rows they see.
 */
export async function visibleUnits(
  actor: ActorContext,
  published: boolean,
  /** The ranked units with their paths, read only when the actor is restricted. */
  units: () => Promise<RankedUnit[]>,
): Promise<Set<number> | null> {
  if (published || racePolicy.readsAllLiveFigures(actor)) return null;
  const scope = racePolicy.targetReadScope(actor);
  return new Set((await units()).filter((u) => scopeAllows(scope, { unitPath: u.path })).map((u) => u.unitId));
}

interface Rows<R extends { unitId: number }> {
  rows: R[];
  top: R[];
  bottom: R[];
}

/** The ranking's groups with only the visible units' rows (all of them when `visible` is null). */
export function onlyVisible<R extends { unitId: number }, G extends Rows<R>>(
  groups: G[],
  visible: Set<number> | null,
): G[] {
  if (!visible) return groups;
  const keep = (rows: R[]) => rows.filter((r) => visible.has(r.unitId));
  return groups.map((g) => ({ ...g, rows: keep(g.rows), top: keep(g.top), bottom: keep(g.bottom) }));
}
