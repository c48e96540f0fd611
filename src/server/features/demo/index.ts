import type { Clock } from '../../clock.ts';
import { defineFeature } from '../feature.ts';
import type { SettingsRepository } from '../settings/settings.repository.ts';
import { createDemoRepository } from './demo.repository.ts';
import { createDemoService, type DemoServices } from './demo.service.ts';

/**
 * The demo county: replays a year through services of its own on a clock that travels. It is wired
 * last, outside the list (features/index.ts), because it needs the whole list again at another clock.
 */
export const demo = defineFeature({
  name: 'demo',
  wire: (ctx, d: { settingsRepo: SettingsRepository; servicesAt: (clock: Clock) => DemoServices }) => ({
    demo: createDemoService({
      db: ctx.kysely,
      demo: createDemoRepository(ctx.kysely),
      settings: d.settingsRepo,
      clock: ctx.clock,
      timeZone: ctx.config.timeZone,
      servicesAt: d.servicesAt,
    }),
  }),
});
