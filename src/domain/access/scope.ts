import { reachOf, type Action, type Resource, type Role } from './roles.ts';
import { isInSubtree, isStrictlyBelow } from '../units/unit-tree.ts';
import { tokenMayWrite } from './token-scope.ts';

/** The person acting: what every scoping decision starts from. */
export interface Actor {
  id: number;
  role: Role;
  unitId: number;
  unitPath: string;
  /** The enterprise an enterprise account belongs to (null for everyone else). */
  enterpriseId?: number | null;
  /** Set when the actor is an API token: the resources it may write ([] read-only); see token-scope.ts. */
  tokenWrites?: readonly Resource[];
}

/**
 * What a query may touch, derived from the actor. Repositories turn it into a WHERE clause,
 * so scoping lives in the queries themselves, not only in the UI.
 */
export type Scope =
  { kind: 'all' } | { kind: 'subtree'; path: string } | { kind: 'self'; userId: number } | { kind: 'none' };

export function scopeFor(actor: Actor, resource: Resource, action: Action): Scope {
  if (actor.tokenWrites && action !== 'read' && !tokenMayWrite(actor.tokenWrites, resource)) return { kind: 'none' };
  const reach = reachOf(actor.role, resource, action);
  switch (reach) {
    case 'all':
      return { kind: 'all' };
    case 'subtree':
      return { kind: 'subtree', path: actor.unitPath };
    case 'self':
      return { kind: 'self', userId: actor.id };
    // A unit-scoped query never reaches an enterprise's records: enterprise.policy.ts scopes those.
    case 'enterprise':
    case 'none':
      return { kind: 'none' };
  }
}

/**
 * Whether a scope reaches a record that belongs to the unit at `unitPath` (and, for `self`, to user `ownerId`).
 * With `strict`, a subtree scope excludes its own root: an editor manages the units below theirs, not their own.
 */
export function scopeAllows(scope: Scope, target: { unitPath: string; ownerId?: number }, strict = false): boolean {
  switch (scope.kind) {
    case 'all':
      return true;
    case 'subtree':
      return strict ? isStrictlyBelow(target.unitPath, scope.path) : isInSubtree(target.unitPath, scope.path);
    case 'self':
      return target.ownerId === scope.userId;
    case 'none':
      return false;
  }
}

/**
 * The part of the subtree at `path` a scope can see, as one subtree path: the whole of it, the
 * scope's own subtree when that lies inside it, or null when they do not overlap (or for `self`/`none`,
 * which reach no unit's aggregate figures).
 */
export function visibleSubtree(scope: Scope, path: string): string | null {
  if (scope.kind === 'all') return path;
  if (scope.kind !== 'subtree') return null;
  if (isInSubtree(path, scope.path)) return path;
  if (isInSubtree(scope.path, path)) return scope.path;
  return null;
}
