import { scopeFor, type Actor, type Scope } from '../../domain/access/scope.ts';

/** Auditors, admins and coordinators read the whole trail; an editor reads what happened in their subtree. */
export const auditPolicy = {
  readScope: (actor: Actor): Scope => scopeFor(actor, 'audit', 'read'),
};
