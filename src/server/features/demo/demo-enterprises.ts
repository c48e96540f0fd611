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
 * Registers the county's enterprises and their licences through the registry's service, each by its
 * township's editor: checked, audited, and linked to the projects it owns (by credit code) as it is
 * saved, so it runs once the library is entered. Returns each enterprise's id by credit code.
 */
export async function registerDemoEnterprises(
  enterprises: EnterpriseService,
  actors: RegistryActors,
  registry: readonly DemoEnterprise[],
) {
  const ids = new Map<string, number>();
  let licences = 0;
  let linked = 0;
  for (const e of registry) {
    const registrar = actors.registrarOf(e.townshipName);
    const saved = await enterprises.create(
      registrar,
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
    for (const l of e.licences) {
      await enterprises.addLicence(registrar, saved.id, l, null);
      licences++;
    }
  }
  return { ids, licences, linked };
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
