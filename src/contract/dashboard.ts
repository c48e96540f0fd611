import { MAX_ID } from './common.ts';
/**
 * 领导驾驶舱: the year at a glance for a unit's subtree — totals, colours per unit, the red list, the
 * monthly curve, the four lists, and the race's latest ranking and bulletin — now or as of an instant.
 */
import { z } from 'zod';
import { colourCounts } from './lights.ts';
import { localisedText } from './race.ts';

export const dashboardQuery = z.object({
  unitId: z.coerce.number().int().positive().max(MAX_ID).optional(),
  asOf: z.string().max(40).optional(),
});

const listFigures = z.object({
  count: z.number(),
  done: z.number(),
  pending: z.number(),
  totalInvestmentYuan: z.number(),
});
const raceUnit = z.object({ unitId: z.number(), name: z.string(), total: z.number(), rank: z.number() });

/** The race of the latest bulletin (or the newest race): its 骏马 and 蜗牛 per group. */
export const dashboardRace = z.object({
  raceId: z.number(),
  name: z.string(),
  period: z.object({ label: z.string() }),
  published: z.object({ bulletinId: z.number(), docNumber: z.string(), changed: z.boolean() }).nullable(),
  groups: z.array(
    z.object({ label: localisedText, top: z.array(raceUnit), bottom: z.array(raceUnit), tooSmall: z.boolean() }),
  ),
});
export type DashboardRace = z.infer<typeof dashboardRace>;

export const dashboardBulletin = z.object({
  id: z.number(),
  title: z.string(),
  docNumber: z.string(),
  publishedAt: z.string(),
});
export type DashboardBulletin = z.infer<typeof dashboardBulletin>;

export const dashboardUnit = colourCounts.extend({
  unitId: z.number(),
  unitName: z.string(),
  planYuan: z.number(),
  completedYuan: z.number(),
  completionPct: z.number().nullable(),
});
export type DashboardUnit = z.infer<typeof dashboardUnit>;

export const dashboardResponse = z.object({
  year: z.number(),
  month: z.number(),
  unitId: z.number(),
  asOf: z.string().nullable(),
  totals: z.object({
    planYuan: z.number(),
    completedYuan: z.number(),
    completionPct: z.number().nullable(),
    timePct: z.number().nullable(),
    gapPoints: z.number().nullable(),
  }),
  colours: colourCounts,
  units: z.array(dashboardUnit),
  redList: z.array(
    z.object({
      projectId: z.number(),
      name: z.string(),
      unitName: z.string(),
      reasons: z.array(localisedText),
      /** Not red in the month before: new to the red list this month. */
      newThisMonth: z.boolean(),
    }),
  ),
  monthly: z.array(
    z.object({
      month: z.number(),
      completedYuan: z.number(),
      cumulativeYuan: z.number().nullable(),
      planCumulativeYuan: z.number(),
    }),
  ),
  race: dashboardRace.nullable(),
  latestBulletin: dashboardBulletin.nullable(),
  /** Absent as of a past instant: history keeps the planned dates only for starts. */
  lists: z
    .object({ planning: listFigures, reserve: listFigures, start: listFigures, production: listFigures })
    .nullable(),
});
export type Dashboard = z.infer<typeof dashboardResponse>;
