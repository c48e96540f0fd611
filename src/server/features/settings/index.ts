import { defineFeature } from '../feature.ts';
import { createSettingsRepository } from './settings.repository.ts';

/** The county's settings (key and value), read and written by setup, reports and the demo. */
export const settings = defineFeature({
  name: 'settings',
  wire: (ctx, _deps: object) => ({ settingsRepo: createSettingsRepository(ctx.kysely) }),
});
