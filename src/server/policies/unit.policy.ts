import { scopeAllows, scopeFor, type Actor } from '../../domain/access/scope.ts';

type UnitRef = { path: string };

/**
 * Who may do what to a unit. Everyone reads the organisation chart; an editor adds units under
 * their own and edits or deletes those below it, never their own unit or anything above.
 */
export const unitPolicy = {
  canRead: (actor: Actor, unit: UnitRef) => scopeAllows(scopeFor(actor, 'unit', 'read'), { unitPath: unit.path }),
  canCreateUnder: (actor: Actor, parent: UnitRef) =>
    scopeAllows(scopeFor(actor, 'unit', 'create'), { unitPath: parent.path }),
  canUpdate: (actor: Actor, unit: UnitRef) =>
    scopeAllows(scopeFor(actor, 'unit', 'update'), { unitPath: unit.path }, true),
  canMoveUnder: (actor: Actor, parent: UnitRef) =>
    scopeAllows(scopeFor(actor, 'unit', 'update'), { unitPath: parent.path }),
  canDelete: (actor: Actor, unit: UnitRef) =>
    scopeAllows(scopeFor(actor, 'unit', 'delete'), { unitPath: unit.path }, true),
};
