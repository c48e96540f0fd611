import * as m0005 from '../../db/migrations/0005_lights.ts';
import type { AuditLog } from '../audit/audit.repository.ts';
import { defineFeature } from '../feature.ts';
import { LIGHT_MESSAGES } from './lights.messages.ts';
import type { ReportSettings } from '../reports/report-settings.service.ts';
import type { UnitStats } from '../stats/unit-stats.ts';
import { createLightRepository } from './lights.repository.ts';
import { registerLightRoutes } from './lights.routes.ts';
import { createLightService, type LightService } from './lights.service.ts';
import { createRulePreview, type RulePreview } from './rule-preview.ts';

/** The projects' lights (亮灯), their rules and exemptions, and the preview of a rule change. */
export const lights = defineFeature({
  name: 'lights',
  migrations: { '0005_lights': m0005 },
  messages: LIGHT_MESSAGES,
  wire: (ctx, d: { audit: AuditLog; reportSettings: ReportSettings; stats: UnitStats }) => {
    const calendar = () => d.reportSettings.calendar();
    const lights = createLightService({
      db: ctx.kysely,
      lights: createLightRepository(ctx.kysely),
      audit: d.audit,
      clock: ctx.clock,
      today: ctx.today,
      calendar,
      stats: d.stats,
    });
    return { lights, rulePreview: createRulePreview({ db: ctx.kysely, lights, today: ctx.today, calendar }) };
  },
  routes: (app, s: { lights: LightService; rulePreview: RulePreview }) =>
    registerLightRoutes(app, { lights: s.lights, rulePreview: s.rulePreview }),
});
