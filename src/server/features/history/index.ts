import * as m0012 from '../../db/migrations/0012_history.ts';
import { defineFeature } from '../feature.ts';
import type { UnitStats } from '../stats/unit-stats.ts';
import { createHistoryRepository } from './history.repository.ts';
import { NUMBER_MESSAGES } from './numbers.messages.ts';
import { createPeriodFigures } from './period-figures.ts';

/** Figures as of a moment: the versions of projects, plans, races and targets, and the records behind a figure. */
export const history = defineFeature({
  name: 'history',
  migrations: { '0012_history': m0012 },
  messages: NUMBER_MESSAGES,
  wire: (ctx, d: { stats: UnitStats }) => {
    const history = createHistoryRepository(ctx.kysely);
    return { history, periodFigures: createPeriodFigures({ db: ctx.kysely, history, stats: d.stats }) };
  },
});
