import type { Kysely } from 'kysely';
import { pinyin } from 'pinyin-pro';
import { DEMO_DEPARTMENTS, DEMO_PLATFORMS, generateDemoProjects, type DemoUnitRef } from '../../../domain/demo/demo-county.ts';
import type { Role } from '../../../domain/access/roles.ts';
import type { Clock } from '../../clock.ts';
import type { DB } from '../../db/schema.ts';
import { AppError } from '../../http/errors.ts';
import type { ActorContext } from '../session/actor.ts';
import { hashPassword } from '../session/password.ts';
import type { ProjectService } from '../projects/projects.service.ts';
import type { LightService } from '../lights/lights.service.ts';
import type { SetupService } from '../setup/setup.service.ts';
import type { UnitService } from '../units/units.service.ts';
import type { UnitRepository } from '../units/units.repository.ts';
import type { ProjectDetailDto } from '../projects/projects.presenter.ts';
import { demoReportPeriod, generateDemoReports } from '../../../domain/demo/demo-reports.ts';
import type { UnitStats } from '../stats/unit-stats.ts';
import { loadDemoRace } from './demo-race.ts';
import type { TargetService } from '../race/targets.service.ts';
import type { RaceService } from '../race/races.service.ts';
import type { BulletinService } from '../bulletins/bulletins.service.ts';

export const DEMO_PASSWORD = 'lantern-demo';
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

export function createDemoService(deps: {
  db: Kysely<DB>;
  setup: SetupService;
  units: UnitService;
  unitRepo: UnitRepository;
  projects: ProjectService;
  lights: LightService;
  /** Rebuilt after the reports are loaded in bulk. */
  stats: Pick<UnitStats, 'rebuild'>;
  targets: TargetService;
  races: RaceService;
  bulletins: BulletinService;
  clock: Clock;
}) {
  const { db, setup, units, unitRepo, projects, lights, stats, clock } = deps;

  return {
    /** The demo accounts, for the sign-in page of a demo instance; null on a real one. */
    async accounts(): Promise<DemoAccount[] | null> {
      const row = await db.selectFrom('settings').select('value').where('key', '=', DEMO_KEY).executeTakeFirst();
      return row ? (JSON.parse(row.value) as { accounts: DemoAccount[] }).accounts : null;
    },

    /**
     * Fills an empty Lantern with a plausible 兰溪市: the real townships, departments and platforms,
     * people of every role (password lantern-demo) and a project library from a seeded generator.
     * Projects go through the project service, so each one passes the same checks as a typed one.
     */
    async load({ seed = 20260101, projectCount = 300 }: { seed?: number; projectCount?: number } = {}) {
      if (await setup.isDone()) throw new AppError(409, 'SETUP_DONE', 'SETUP_DONE');
      const done = await setup.run({ regionCode: '330781', username: 'admin', password: DEMO_PASSWORD, displayName: '系统管理员' });
      const adminRow = await db.selectFrom('users').innerJoin('units', 'units.id', 'users.unit_id').select(['users.id', 'units.path', 'units.name', 'units.id as unit_id']).where('users.id', '=', done.userId).executeTakeFirstOrThrow();
      const admin: ActorContext = { id: adminRow.id, role: 'admin', unitId: adminRow.unit_id, unitPath: adminRow.path, username: 'admin', displayName: '系统管理员', unitName: adminRow.name, locale: null, via: 'session' };
      const root = (await unitRepo.findRoot())!;
      for (const [i, name] of DEMO_DEPARTMENTS.entries()) await units.create(admin, { parentId: root.id, name, kind: 'department', sortOrder: 100 + i }, null);
      for (const [i, name] of DEMO_PLATFORMS.entries()) await units.create(admin, { parentId: root.id, name, kind: 'platform', sortOrder: 200 + i }, null);
      const all = await unitRepo.listAll();
      const byName = new Map(all.map((u) => [u.name, u]));

      const accounts: DemoAccount[] = [
        { username: 'admin', role: 'admin', unitName: root.name, displayName: '系统管理员' },
        { username: 'coordinator', role: 'coordinator', unitName: DEMO_DEPARTMENTS.find((d) => d.includes('发改')) ?? root.name, displayName: '项目办王主任' },
        { username: 'leader', role: 'leader', unitName: root.name, displayName: '李副市长' },
        { username: 'auditor', role: 'auditor', unitName: root.name, displayName: '纪委审计员' },
        { username: 'enterprise', role: 'enterprise', unitName: DEMO_PLATFORMS[0] ?? root.name, displayName: '企业联络员' },
        ...all
          .filter((u) => u.kind === 'street' || u.kind === 'township')
          .map((u) => ({ username: usernameForTownship(u.name), role: 'unit_editor' as Role, unitName: u.name, displayName: `${u.name}填报员` })),
      ];
      const hash = await hashPassword(DEMO_PASSWORD);
      const at = clock().toISOString();
      await db.transaction().execute(async (trx) => {
        for (const a of accounts.filter((x) => x.username !== 'admin')) {
          await trx
            .insertInto('users')
            .values({ username: a.username, display_name: a.displayName, password_hash: hash, role: a.role, unit_id: byName.get(a.unitName)!.id, is_active: 1, locale: null, created_at: at, updated_at: at })
            .execute();
        }
        await trx.insertInto('settings').values({ key: DEMO_KEY, value: JSON.stringify({ seed, accounts }), updated_at: at }).execute();
      });

      const refs: DemoUnitRef[] = all.map((u) => ({ name: u.name, kind: u.kind as DemoUnitRef['kind'] }));
      const generated = generateDemoProjects({ seed, today: at.slice(0, 10), count: projectCount, units: refs });
      const created = [];
      for (const p of generated) {
        const { leadUnitName, townshipName, ...fields } = p;
        created.push(
          await projects.create(
            admin,
            { ...fields, internalNo: null, contact: null, leadUnitId: byName.get(leadUnitName)!.id, townshipUnitId: townshipName ? byName.get(townshipName)!.id : null },
            null,
          ),
        );
      }
      const reports = await loadDemoReports(db, created, at, seed);
      // The reports went straight to the table, past the services that keep the units' figures.
      await stats.rebuild();
      // Every light computed once, kept as the assessed month's light, as the nightly cutoff would.
      await lights.recomputeAll();
      // The coordinator's targets, race and the last three months' bulletins.
      const coordinatorRow = await db.selectFrom('users').innerJoin('units', 'units.id', 'users.unit_id').select(['users.id', 'units.path', 'units.name', 'units.id as unit_id']).where('users.username', '=', 'coordinator').executeTakeFirstOrThrow();
      const coordinator: ActorContext = { id: coordinatorRow.id, role: 'coordinator', unitId: coordinatorRow.unit_id, unitPath: coordinatorRow.path, username: 'coordinator', displayName: '项目办王主任', unitName: coordinatorRow.name, locale: null, via: 'session' };
      const race = await loadDemoRace({ db, targets: deps.targets, races: deps.races, bulletins: deps.bulletins }, coordinator, at.slice(0, 10), seed);
      return { units: all.length, users: accounts.length, projects: generated.length, reports, bulletins: race.bulletins };
    },
  };
}

export type DemoService = ReturnType<typeof createDemoService>;

/**
 * The demo's monthly reports for this year's past months, written straight to the table: their
 * submission dates lie in the past, which the report service (rightly) would not let anyone claim.
 */
async function loadDemoReports(db: Kysely<DB>, projects: ProjectDetailDto[], at: string, seed: number) {
  const today = at.slice(0, 10);
  const { year } = demoReportPeriod(today);
  const reports = generateDemoReports(
    projects.map((p, index) => ({ index, stage: p.stage, actualStartDate: p.actualStartDate, annualPlanYuan: p.annualPlans.find((a) => a.year === year)?.amountYuan ?? null })),
    today,
    seed,
  );
  await db.transaction().execute(async (trx) => {
    for (let i = 0; i < reports.length; i += 200) {
      await trx
        .insertInto('monthly_reports')
        .values(
          reports.slice(i, i + 200).map((r) => ({
            project_id: projects[r.index]!.id, year: r.year, month: r.month, revision: 1, is_current: 1, amount: r.amountYuan,
            progress_text: r.progressText, problems: r.problems, state: r.state, is_late: r.isLate ? 1 : 0, correction_reason: null, return_reason: null,
            submitted_at: r.submittedOn ? `${r.submittedOn}T09:00:00.000Z` : null, reviewed_at: r.state === 'approved' ? `${r.submittedOn}T16:00:00.000Z` : null,
            reviewed_by: r.state === 'approved' ? '项目办王主任' : null, created_by: '填报员', created_at: at, updated_at: at,
          })),
        )
        .execute();
    }
  });
  return reports.length;
}
