import { reachOf, type Action } from '../../domain/access/roles.ts';
import { scopeAllows, scopeFor, type Actor } from '../../domain/access/scope.ts';
import { tokenMayWrite } from '../../domain/access/token-scope.ts';

/**
 * What a query of enterprises or tickets may touch: the unit scopes of every resource, and the one of an
 * enterprise account, which reaches the records of its own enterprise and nothing else (an account not
 * linked to an enterprise reaches nothing).
 */
export type EnterpriseScope =
  { kind: 'all' } | { kind: 'subtree'; path: string } | { kind: 'enterprise'; enterpriseId: number } | { kind: 'none' };

export function enterpriseScopeFor(actor: Actor, resource: 'enterprise' | 'ticket', action: Action): EnterpriseScope {
  if (reachOf(actor.role, resource, action) === 'enterprise') {
    // An API token keeps its write limits whoever holds it.
    if (actor.tokenWrites && action !== 'read' && !tokenMayWrite(actor.tokenWrites, resource)) return { kind: 'none' };
    return actor.enterpriseId ? { kind: 'enterprise', enterpriseId: actor.enterpriseId } : { kind: 'none' };
  }
  const scope = scopeFor(actor, resource, action);
  return scope.kind === 'self' ? { kind: 'none' } : scope;
}

/** Whether a scope reaches a record of an enterprise (`enterpriseId`) that lives at `unitPath`. */
export function enterpriseScopeAllows(scope: EnterpriseScope, target: { unitPath: string; enterpriseId: number }) {
  if (scope.kind === 'enterprise') return scope.enterpriseId === target.enterpriseId;
  return scopeAllows(scope, { unitPath: target.unitPath });
}

/** Enterprises belong to their township: its editors keep them; coordinators all; an account its own. */
export const enterprisePolicy = {
  readScope: (actor: Actor) => enterpriseScopeFor(actor, 'enterprise', 'read'),
  canCreateIn: (actor: Actor, township: { path: string }) =>
    enterpriseScopeAllows(enterpriseScopeFor(actor, 'enterprise', 'create'), {
      unitPath: township.path,
      enterpriseId: -1,
    }),
  canUpdate: (actor: Actor, e: { id: number; unit_path: string }) =>
    enterpriseScopeAllows(enterpriseScopeFor(actor, 'enterprise', 'update'), {
      unitPath: e.unit_path,
      enterpriseId: e.id,
    }),
};
