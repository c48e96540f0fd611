import * as m0007 from '../../db/migrations/0007_unit_stats.ts';
import { defineFeature } from '../feature.ts';
import { createUnitStats } from './unit-stats.ts';

/** The per-unit running figures (unit_stats) the lists, the dashboard and the races read. */
export const stats = defineFeature({
  name: 'stats',
  migrations: { '0007_unit_stats': m0007 },
  wire: (ctx, _deps: object) => ({ stats: createUnitStats(ctx.kysely, ctx.db.dialect) }),
});
