import { scopeAllows, scopeFor, type Actor, type Scope } from '../../domain/access/scope.ts';
import type { Action } from '../../domain/access/roles.ts';

/**
 * What a query of deals may touch: the unit scope of the role (a township's editor its own deals, the office
 * and leaders all), and the deals of the teams (招商小分队) the person is a member of, wherever those are led.
 * Team membership widens only a reach the role has at all: an enterprise account in a team reaches nothing.
 */
export interface DealScope {
  unit: Scope;
  teamIds: readonly number[];
}

export function dealScopeFor(actor: Actor, action: Action, teamIds: readonly number[]): DealScope {
  const scope = scopeFor(actor, 'deal', action);
  const unit: Scope = scope.kind === 'self' ? { kind: 'none' } : scope;
  return { unit, teamIds: unit.kind === 'subtree' ? teamIds : [] };
}

/** Whether a scope reaches a deal led by the unit at `unitPath`, of team `teamId`. */
export function dealScopeAllows(scope: DealScope, deal: { unit_path: string; team_id: number | null }): boolean {
  if (scopeAllows(scope.unit, { unitPath: deal.unit_path })) return true;
  return deal.team_id !== null && scope.teamIds.includes(deal.team_id);
}

export const dealPolicy = {
  /** A deal may be led by a unit the person may create deals for (their subtree; the office any). */
  canCreateFor: (actor: Actor, unit: { path: string }) =>
    scopeAllows(scopeFor(actor, 'deal', 'create'), { unitPath: unit.path }),
  canSetUp: (actor: Actor) => scopeFor(actor, 'dealSettings', 'update').kind === 'all',
};
