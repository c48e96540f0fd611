import { canGrantRole, type Role } from '../../domain/access/roles.ts';
import { scopeAllows, scopeFor, type Actor, type Scope } from '../../domain/access/scope.ts';

type UnitRef = { path: string };

/** Who may see and manage people: by the unit they belong to, and never granting more than one holds. */
export const userPolicy = {
  readScope: (actor: Actor): Scope => scopeFor(actor, 'user', 'read'),
  mayCreateAny: (actor: Actor) => scopeFor(actor, 'user', 'create').kind !== 'none',
  canPlaceIn: (actor: Actor, unit: UnitRef, action: 'create' | 'update') =>
    scopeAllows(scopeFor(actor, 'user', action), { unitPath: unit.path }),
  canUpdate: (actor: Actor, user: { unitPath: string }) =>
    scopeAllows(scopeFor(actor, 'user', 'update'), { unitPath: user.unitPath }),
  canGrant: (actor: Actor, role: Role) => canGrantRole(actor.role, role),
};
