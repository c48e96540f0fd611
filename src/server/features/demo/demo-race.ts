import type { Kysely } from 'kysely';
import { mulberry32 } from '../../../domain/demo/random.ts';
import type { DB } from '../../db/schema.ts';
import type { BulletinService } from '../bulletins/bulletins.service.ts';
import type { RaceService } from '../race/races.service.ts';
import { RANKED_KINDS, type TargetService } from '../race/targets.service.ts';
import type { ActorContext } from '../session/actor.ts';

const WAN = 10_000;

/** The demo's monthly race: investment against target, starts, fiscal revenue, and a deduction per red project. */
export const DEMO_RACE = {
  name: '项目建设月度赛马',
  periodKind: 'month',
  indicators: [
    { key: 'fixedAssetInvestment', weight: 50, method: 'ratioToTarget', params: { cap: 1.2 } },
    { key: 'projectsStarted', weight: 30, method: 'efficacyCoefficient', params: {} },
    { key: 'fiscalRevenue', weight: 20, method: 'efficacyCoefficient', params: {} },
    { key: 'redProjects', weight: 0, method: 'deduction', params: { perEvent: 0.5, cap: 5 } },
  ],
  topN: 3,
  bottomN: 3,
};

/**
 * The coordinator's part of the demo year, each step through the services as a coordinator would
 * enter it: targets for every ranked unit (its year's plans, give or take, and a number of starts),
 * the race, each month's fiscal revenue from the finance bureau, and the month's bulletin.
 */
export function demoRaceSteps(
  {
    db,
    targets,
    races,
    bulletins,
  }: { db: Kysely<DB>; targets: TargetService; races: RaceService; bulletins: BulletinService },
  coordinator: ActorContext,
  seed: number,
) {
  const rand = mulberry32(seed + 5);
  let raceId: number | null = null;
  const ranked = () =>
    db
      .selectFrom('units')
      .select(['id', 'kind'])
      .where('kind', 'in', [...RANKED_KINDS])
      .orderBy('id')
      .execute();
  let revenueBase: Map<number, number> | null = null;

  return {
    async targets(year: number) {
      const units = await ranked();
      const plans = await db
        .selectFrom('project_annual_plans as a')
        .innerJoin('projects as p', 'p.id', 'a.project_id')
        .where('a.year', '=', year)
        .select((eb) => ['p.lead_unit_id', eb.fn.sum<number>('a.amount').as('plan')])
        .groupBy('p.lead_unit_id')
        .execute();
      const planOf = new Map(plans.map((p) => [p.lead_unit_id, Number(p.plan)]));
      const items = units.flatMap((u) => {
        const plan = planOf.get(u.id) ?? 0;
        // A unit without projects gets no investment target: its score reads 无目标, not zero.
        const investment = plan > 0 ? Math.round((plan * (0.9 + rand() * 0.4)) / (100 * WAN)) * 100 * WAN : null;
        return [
          ...(investment ? [{ unitId: u.id, indicator: 'fixedAssetInvestment', value: investment }] : []),
          { unitId: u.id, indicator: 'projectsStarted', value: 1 + Math.floor(rand() * 6) },
        ];
      });
      await targets.setTargets(coordinator, { year, items }, null);
      revenueBase = new Map(units.map((u) => [u.id, (2_000 + Math.floor(rand() * 18_000)) * WAN]));
    },

    async race() {
      raceId = (await races.create(coordinator, DEMO_RACE, null)).id;
    },

    /** The month's fiscal revenue to date, as the finance bureau reports it. */
    async revenue(year: number, month: number) {
      const base = revenueBase ?? new Map();
      const items = (await ranked()).map((u) => ({
        unitId: u.id,
        value: Math.round(((base.get(u.id) ?? 5_000 * WAN) * month) / 12 / WAN) * WAN,
        source: '县财政局',
      }));
      await targets.setValues(coordinator, { indicator: 'fiscalRevenue', year, month, items }, null);
    },

    async bulletin(year: number, month: number) {
      if (raceId === null) return;
      const draft = await bulletins.draft(coordinator, raceId, year, month);
      // The demo's coordinator has read the checks (a unit without projects has no investment target) and publishes.
      await bulletins.publish(
        coordinator,
        {
          raceId,
          year,
          period: month,
          title: draft.title,
          docNumber: draft.docNumber,
          commentary: draft.commentary,
          acknowledged: true,
        },
        null,
      );
    },
  };
}
