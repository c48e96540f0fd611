import { scopeAllows, scopeFor, type Actor, type Scope } from '../../domain/access/scope.ts';

/** Projects belong to their lead unit: an editor keeps those of their subtree; coordinators all. */
export const projectPolicy = {
  readScope: (actor: Actor): Scope => scopeFor(actor, 'project', 'read'),
  /** The open-data export (OC4IDS) holds what the person may read; those who read no project get 403, not an empty file. */
  canExport: (actor: Actor) => ['all', 'subtree'].includes(scopeFor(actor, 'project', 'read').kind),
  canCreateFor: (actor: Actor, leadUnit: { path: string }) =>
    scopeAllows(scopeFor(actor, 'project', 'create'), { unitPath: leadUnit.path }),
  canUpdate: (actor: Actor, project: { unit_path: string }) =>
    scopeAllows(scopeFor(actor, 'project', 'update'), { unitPath: project.unit_path }),
};
