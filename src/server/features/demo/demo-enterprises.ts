import type { DemoProject } from '../../../domain/demo/demo-county.ts';
import type { DemoEnterprise } from '../../../domain/enterprises/demo-enterprises.ts';
import { licenceReminderWindow } from '../../../domain/enterprises/enterprise-fields.ts';
import type { EnterpriseService } from '../enterprises/enterprises.service.ts';
import type { ActorContext } from '../session/actor.ts';

export interface RegistryActors {
  /** Who registers an enterprise: its township's editor, else the project office. */
  registrarOf: (townshipName: string) => ActorContext;
  unitIdOf: (name: string) => number;
}

/**
 * Registers the county's enterprises through the registry's service, each by its township's editor:
 * checked, audited, and linked to the projects it owns (by credit code) as it is saved, so it runs once
 * the library is entered. Returns each enterprise's id by credit code. Their licences come later
 * (registerDemoLicences): a licence is entered once it is issued, and some are issued after the registry.
 */
export async function registerDemoEnterprises(
  enterprises: EnterpriseService,
  actors: RegistryActors,
  registry: readonly DemoEnterprise[],
) {
  const ids = new Map<string, number>();
  let linked = 0;
  for (const e of registry) {
    const saved = await enterprises.create(
      actors.registrarOf(e.townshipName),
      {
        name: e.name,
        creditCode: e.creditCode,
        industryCode: e.industryCode,
        scale: e.scale,
        townshipUnitId: actors.unitIdOf(e.townshipName),
        address: e.address,
        contacts: e.contacts,
        flags: e.flags,
      },
      null,
    );
    ids.set(e.creditCode, saved.id);
    linked += saved.linkedNow ?? 0;
  }
  return { ids, linked };
}

/** Enters the registered enterprises' licences, each by its township's editor; returns how many. */
export async function registerDemoLicences(
  enterprises: EnterpriseService,
  actors: Pick<RegistryActors, 'registrarOf'>,
  registry: readonly DemoEnterprise[],
  ids: ReadonlyMap<string, number>,
) {
  let licences = 0;
  for (const e of registry)
    for (const l of e.licences) {
      await enterprises.addLicence(actors.registrarOf(e.townshipName), ids.get(e.creditCode)!, l, null);
      licences++;
    }
  return licences;
}

/**
 * The enterprise the demo's `enterprise` account belongs to: one that owns a project, preferably with
 * a licence in a reminder window (so its own view shows one), else with any licence; the first
 * enterprise when none owns a project (a demo loaded with no projects).
 */
export function liaisonEnterprise(
  registry: readonly DemoEnterprise[],
  projects: readonly DemoProject[],
  today: string,
): DemoEnterprise {
  const owners = new Set(projects.map((p) => p.ownerCreditCode));
  const owning = registry.filter((e) => owners.has(e.creditCode));
  const remindsSoon = (e: DemoEnterprise) =>
    e.licences.some((l) => typeof licenceReminderWindow(l.validTo, today) === 'number');
  return owning.find(remindsSoon) ?? owning.find((e) => e.licences.length > 0) ?? owning[0] ?? registry[0]!;
}
