import { scopeFor, type Actor, type Scope } from '../../domain/access/scope.ts';
import type { LedgerKind } from '../../domain/exchange/column-sets.ts';
import { dealPolicy } from './deal.policy.ts';
import { enterprisePolicy } from './enterprise.policy.ts';
import { projectPolicy } from './project.policy.ts';

/**
 * Ledger imports follow the records they write: importing a project or report ledger into a unit needs
 * the right to create projects for it, an enterprise ledger the right to register enterprises there
 * (each row's township is checked again against the same right), a deal ledger the right to lead deals
 * from it (each row's 牵头单位 likewise); an import is seen by those who see that unit's projects.
 */
const CAN_IMPORT: Record<LedgerKind, (actor: Actor, unit: { path: string }) => boolean> = {
  projects: (actor, unit) => projectPolicy.canCreateFor(actor, unit),
  reports: (actor, unit) => projectPolicy.canCreateFor(actor, unit),
  enterprises: (actor, unit) => enterprisePolicy.canCreateIn(actor, unit),
  deals: (actor, unit) => dealPolicy.canCreateFor(actor, unit),
};

export const importPolicy = {
  readScope: (actor: Actor): Scope => projectPolicy.readScope(actor),
  canImportInto: (actor: Actor, unit: { path: string }, ledger: LedgerKind = 'projects') =>
    CAN_IMPORT[ledger](actor, unit),
  /**
   * Whether an import without a chosen unit goes into the county: someone who may add projects
   * anywhere (a coordinator) imports the county's ledger, whose rows name townships and departments;
   * anyone else imports into their own unit.
   */
  importsIntoCountyByDefault: (actor: Actor) => scopeFor(actor, 'project', 'create').kind === 'all',
};
