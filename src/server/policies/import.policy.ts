import { scopeFor, type Actor, type Scope } from '../../domain/access/scope.ts';
import { projectPolicy } from './project.policy.ts';

/**
 * Ledger imports follow the projects they write: importing into a unit needs the right to create
 * projects for it; an import is seen by those who see that unit's projects.
 */
export const importPolicy = {
  readScope: (actor: Actor): Scope => projectPolicy.readScope(actor),
  canImportInto: (actor: Actor, unit: { path: string }) => projectPolicy.canCreateFor(actor, unit),
  /**
   * Whether an import without a chosen unit goes into the county: someone who may add projects
   * anywhere (a coordinator) imports the county's ledger, whose rows name townships and departments;
   * anyone else imports into their own unit.
   */
  importsIntoCountyByDefault: (actor: Actor) => scopeFor(actor, 'project', 'create').kind === 'all',
};
