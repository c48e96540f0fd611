import type { Kysely } from 'kysely';
import { pinyin } from 'pinyin-pro';
import {
  DEMO_DEPARTMENTS,
  DEMO_PLATFORMS,
  generateDemoProjects,
  type DemoProject,
  type DemoUnitRef,
} from '../../../domain/demo/demo-county.ts';
import { demoCalendar, planDemoYear } from '../../../domain/demo/demo-year.ts';
import { addDays } from '../../../domain/demo/dates.ts';
import { demoEnterprises } from '../../../domain/enterprises/demo-enterprises.ts';
import { planDemoTickets } from '../../../domain/tickets/demo-tickets.ts';
import { instantAt, localDateTime } from '../../../domain/calendar/local-date.ts';
import type { Role } from '../../../domain/access/roles.ts';
import { travelClock, type Clock } from '../../clock.ts';
import type { DB } from '../../db/schema.ts';
import { AppError } from '../../http/errors.ts';
import type { EnterpriseService } from '../enterprises/enterprises.service.ts';
import type { ActorContext } from '../session/actor.ts';
import type { ProjectService } from '../projects/projects.service.ts';
import type { ReportService } from '../reports/reports.service.ts';
import type { LightService } from '../lights/lights.service.ts';
import type { SetupService } from '../setup/setup.service.ts';
import type { UnitService } from '../units/units.service.ts';
import type { UnitRepository } from '../units/units.repository.ts';
import type { UserService } from '../users/users.service.ts';
import type { UnitStats } from '../stats/unit-stats.ts';
import type { TargetService } from '../race/targets.service.ts';
import type { RaceService } from '../race/races.service.ts';
import type { BulletinService } from '../bulletins/bulletins.service.ts';
import type { SettingsRepository } from '../settings/settings.repository.ts';
import type { TicketService } from '../tickets/tickets.service.ts';
import type { TicketSettings } from '../tickets/ticket-settings.ts';
import { liaisonEnterprise, registerDemoEnterprises, registerDemoLicences } from './demo-enterprises.ts';
import { demoRaceSteps } from './demo-race.ts';
import type { DemoRepository } from './demo.repository.ts';
import { replayDemoYear, type TimedStep } from './demo-replay.ts';
import { demoTicketSteps } from './demo-tickets.ts';
import { DEMO_PASSWORD } from '../../../domain/demo/password.ts';

export { DEMO_PASSWORD };
const DEMO_KEY = 'demo';

/** 兰江街道 → lanjiang, 水亭畲族乡 → shuiting, 女埠街道 → nvbu: the editor's username. */
export function usernameForTownship(name: string): string {
  const core = name.replace(/(街道|镇|乡)$/, '').replace(/畲族$/, '');
  return pinyin(core, { toneType: 'none', type: 'array', v: true }).join('').toLowerCase();
}

export interface DemoAccount {
  username: string;
  role: Role;
  unitName: string;
  displayName: string;
}

/** The services the demo year goes through, built on the clock it travels with. */
export interface DemoServices {
  setup: SetupService;
  units: UnitService;
  unitRepo: UnitRepository;
  users: UserService;
  projects: ProjectService;
  enterprises: EnterpriseService;
  reports: ReportService;
  lights: LightService;
  stats: Pick<UnitStats, 'rebuild'>;
  targets: TargetService;
  races: RaceService;
  bulletins: BulletinService;
  tickets: TicketService;
  ticketSettings: TicketSettings;
}

export function createDemoService(deps: {
  db: Kysely<DB>;
  demo: DemoRepository;
  settings: SettingsRepository;
  /** The server's own clock: the demo's year ends at its "now". */
  clock: Clock;
  timeZone: string;
  /** The services wired on another clock, for the replay. */
  servicesAt: (clock: Clock) => DemoServices;
}) {
  const { db, demo, settings, clock, timeZone } = deps;

  const actorOf = async (username: string): Promise<ActorContext> => {
    const row = await demo.findUserWithUnit(username);
    return {
      id: row.id,
      role: row.role as Role,
      unitId: row.unit_id,
      unitPath: row.path,
      username,
      displayName: row.display_name,
      unitName: row.name,
      enterpriseId: row.enterprise_id,
      locale: null,
      via: 'session',
    };
  };

  return {
    /** The demo accounts, for the sign-in page of a demo instance; null on a real one. */
    async accounts(): Promise<DemoAccount[] | null> {
      const value = await settings.find(DEMO_KEY);
      return value !== undefined ? (JSON.parse(value) as { accounts: DemoAccount[] }).accounts : null;
    },

    /**
     * Fills an empty Lantern with a plausible 兰溪市 and its year so far: the real townships,
     * departments and platforms, people of every role (password lantern-demo), a project library
     * from a seeded generator, and its history — entered in January, milestones on their days,
     * monthly reports filed, late, returned and reviewed, cutoffs, targets, a race and its bulletins —
     * replayed in order through the services on a clock that travels from January to now. Three months
     * before now the townships enter their enterprise registry, linked to the projects its enterprises
     * own, with the account of one of them; from then on the enterprises' problems (涉企问题) are raised,
     * handled, answered, rated, now and then rejected, reopened or escalated, among the year's steps.
     * At now come the licences, and the cutoff that leaves the tickets' clocks and the lights current.
     */
    async load({ seed = 20260101, projectCount = 300 }: { seed?: number; projectCount?: number } = {}) {
      const s0 = deps.servicesAt(clock);
      if (await s0.setup.isDone()) throw new AppError(409, 'SETUP_DONE', 'SETUP_DONE');
      const end = clock();
      const now = localDateTime(end, timeZone);
      // The county sets Lantern up on 5 January; the clock travels from there to now.
      const travel = travelClock(instantAt(demoCalendar(now.slice(0, 10)).setupAt, timeZone));
      const s = deps.servicesAt(travel.clock);
      await s.setup.run(
        {
          regionCode: '330781',
          username: 'admin',
          password: DEMO_PASSWORD,
          displayName: '系统管理员',
        },
        { seeded: true },
      );
      const admin = await actorOf('admin');
      const root = (await s.unitRepo.findRoot())!;
      for (const [i, name] of DEMO_DEPARTMENTS.entries())
        await s.units.create(admin, { parentId: root.id, name, kind: 'department', sortOrder: 100 + i }, null);
      for (const [i, name] of DEMO_PLATFORMS.entries())
        await s.units.create(admin, { parentId: root.id, name, kind: 'platform', sortOrder: 200 + i }, null);
      const all = await s.unitRepo.listAll();
      const byName = new Map(all.map((u) => [u.name, u]));
      const townships = all.filter((u) => u.kind === 'street' || u.kind === 'township');
      const townshipNames = townships.map((u) => u.name);

      // The registry first, so the enterprise projects of its townships and trades are owned by its enterprises.
      const today = now.slice(0, 10);
      const registry = demoEnterprises(seed, today, townshipNames);
      const refs: DemoUnitRef[] = all.map((u) => ({ name: u.name, kind: u.kind as DemoUnitRef['kind'] }));
      const generated: DemoProject[] = generateDemoProjects({
        seed,
        today,
        count: projectCount,
        units: refs,
        enterprises: registry,
      });
      const liaison = liaisonEnterprise(registry, generated, today);

      const accounts: DemoAccount[] = [
        { username: 'admin', role: 'admin', unitName: root.name, displayName: '系统管理员' },
        {
          username: 'coordinator',
          role: 'coordinator',
          unitName: DEMO_DEPARTMENTS.find((d) => d.includes('发改')) ?? root.name,
          displayName: '项目办王主任',
        },
        { username: 'leader', role: 'leader', unitName: root.name, displayName: '李副市长' },
        { username: 'auditor', role: 'auditor', unitName: root.name, displayName: '纪委审计员' },
        {
          username: 'enterprise',
          role: 'enterprise',
          unitName: liaison.townshipName,
          displayName: `${liaison.shortName}联络员`,
        },
        ...townships.map((u) => ({
          username: usernameForTownship(u.name),
          role: 'unit_editor' as Role,
          unitName: u.name,
          displayName: `${u.name}填报员`,
        })),
      ];
      // Through the user service, so each account is checked and its creation audited.
      const createAccount = (a: DemoAccount, enterpriseId?: number) =>
        s.users.create(
          admin,
          {
            username: a.username,
            displayName: a.displayName,
            password: DEMO_PASSWORD,
            role: a.role,
            unitId: byName.get(a.unitName)!.id,
            ...(enterpriseId === undefined ? {} : { enterpriseId }),
          },
          null,
          { seeded: true },
        );
      // The enterprise's account comes with its enterprise, once the registry is entered (below).
      await Promise.all(
        accounts.filter((a) => a.username !== 'admin' && a.role !== 'enterprise').map((a) => createAccount(a)),
      );
      await settings.insert(db, DEMO_KEY, JSON.stringify({ seed, accounts }), travel.clock().toISOString());

      const year = planDemoYear({ projects: generated, now, seed });
      const coordinator = await actorOf('coordinator');
      const editors = new Map<string, ActorContext>();
      for (const a of accounts.filter((x) => x.role === 'unit_editor'))
        editors.set(a.unitName, await actorOf(a.username));
      const race = demoRaceSteps({ db, targets: s.targets, races: s.races, bulletins: s.bulletins }, coordinator, seed);
      const registrars = {
        registrarOf: (name: string) => editors.get(name) ?? coordinator,
        unitIdOf: (name: string) => byName.get(name)!.id,
      };

      // The registry goes in once the library is (its projects are linked as it is saved), three months
      // before now, so that every ticket's enterprise exists in it before the ticket is raised.
      const sla = await s.ticketSettings.current();
      const ticketPlan = planDemoTickets({
        seed,
        now,
        earliest: addDays(demoCalendar(today).setupOn, 10),
        enterprises: registry,
        projects: generated,
        liaisonCreditCode: liaison.creditCode,
        departments: DEMO_DEPARTMENTS,
        profile: sla.profiles.find((p) => p.key === sla.defaultProfile)!,
      });
      let registered: Awaited<ReturnType<typeof registerDemoEnterprises>> | null = null;
      let enterpriseAccount: ActorContext | null = null;
      const registryStep: TimedStep = {
        at: ticketPlan.registerAt,
        run: async () => {
          registered = await registerDemoEnterprises(s.enterprises, registrars, registry);
          for (const a of accounts.filter((x) => x.role === 'enterprise')) {
            await createAccount(a, registered.ids.get(liaison.creditCode)!);
            enterpriseAccount = await actorOf(a.username);
          }
        },
      };
      const ticketSteps = demoTicketSteps(
        { tickets: s.tickets, versionOf: demo.ticketVersion },
        {
          coordinator,
          enterpriseAccount: () => enterpriseAccount!,
          editorOf: (name) => editors.get(name),
          unitIdOf: registrars.unitIdOf,
          enterpriseIdOf: (code) => registered!.ids.get(code)!,
        },
        ticketPlan,
      );
      const counts = await replayDemoYear(
        {
          projects: s.projects,
          reports: s.reports,
          lights: s.lights,
          race,
          moveTo: (at) => travel.moveTo(at),
          timeZone,
        },
        {
          coordinator,
          filerOf: (p) => editors.get(p.leadUnitName) ?? coordinator,
          unitIdOf: registrars.unitIdOf,
        },
        year,
        generated,
        [registryStep, ...ticketSteps.steps],
      );
      travel.moveTo(end);
      const { ids } = registered!;
      // At now, the licences as they stand today (some were issued after the registry was entered).
      const licences = await registerDemoLicences(s.enterprises, registrars, registry, ids);
      // The cutoff's work, as the server's own would leave it tonight: the tickets' clocks (escalating those
      // run out), the current lights, which read them, and the units' figures.
      await s.tickets.cutoff();
      await s.lights.recomputeAll();
      await s.stats.rebuild();
      await demo.refreshStatistics();
      const bulletins = year.steps.filter((x) => x.kind === 'bulletin').length;
      return {
        units: all.length,
        users: accounts.length,
        projects: generated.length,
        enterprises: ids.size,
        licences,
        tickets: ticketPlan.tickets.length,
        ticketSteps: ticketSteps.played(),
        reports: counts.reports,
        approvals: counts.approvals,
        bulletins,
      };
    },
  };
}

export type DemoService = ReturnType<typeof createDemoService>;
