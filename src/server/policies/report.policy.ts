import { scopeAllows, scopeFor, type Actor, type Scope } from '../../domain/access/scope.ts';
import { forbidden } from '../http/errors.ts';

/** Reports follow their project's lead unit; reviewing (approve, return) is the coordinator's. */
export const reportPolicy = {
  canRead: (actor: Actor, project: { unit_path: string }) =>
    scopeAllows(scopeFor(actor, 'report', 'read'), { unitPath: project.unit_path }),
  canFile: (actor: Actor, project: { unit_path: string }) =>
    scopeAllows(scopeFor(actor, 'report', 'update'), { unitPath: project.unit_path }),
  canReview: (actor: Actor, project: { unit_path: string }) =>
    scopeAllows(scopeFor(actor, 'reportReview', 'update'), { unitPath: project.unit_path }),
  /** The projects whose reports the actor files (the month's filing grid); 403 for one who files none. */
  fileScope: (actor: Actor): Scope => {
    const scope = scopeFor(actor, 'report', 'update');
    if (scope.kind === 'none') throw forbidden();
    return scope;
  },
  /** Whether the actor reviews any unit's reports at all (a batch is refused whole otherwise). */
  mayReviewSome: (actor: Actor) => scopeFor(actor, 'reportReview', 'update').kind !== 'none',
};
