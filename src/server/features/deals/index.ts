import * as m0022 from '../../db/migrations/0022_deals.ts';
import type { AuditLog } from '../audit/audit.repository.ts';
import { defineFeature } from '../feature.ts';
import type { LightService } from '../lights/lights.service.ts';
import type { ProjectService } from '../projects/projects.service.ts';
import type { SettingsRepository } from '../settings/settings.repository.ts';
import type { UnitRepository } from '../units/units.repository.ts';
import { createDealReads, type DealReads } from './deal-reads.ts';
import { createDealSettings, type DealSettingsService } from './deal-settings.ts';
import { createDealTargets, type DealTargets } from './deal-targets.ts';
import { DEAL_MESSAGES } from './deals.messages.ts';
import { createDealRepository } from './deals.repository.ts';
import { registerDealRoutes } from './deals.routes.ts';
import { createDealService, type DealService } from './deals.service.ts';

/**
 * 招商: deals from a lead to a landed project, the teams and their log, funds in place, the county's lists, and
 * the figures (funnel, breakdowns, signed-not-started). Its part of the daily cutoff recolours the lead clocks.
 */
export const deals = defineFeature({
  name: 'deals',
  messages: DEAL_MESSAGES,
  migrations: { '0022_deals': m0022 },
  wire: (
    ctx,
    d: {
      audit: AuditLog;
      unitRepo: UnitRepository;
      settingsRepo: SettingsRepository;
      lights: LightService;
      projects: ProjectService;
    },
  ) => {
    const repo = createDealRepository(ctx.kysely);
    const dealSettings = createDealSettings({
      db: ctx.kysely,
      settings: d.settingsRepo,
      deals: repo,
      units: d.unitRepo,
      audit: d.audit,
      clock: ctx.clock,
    });
    const dealService = createDealService({
      db: ctx.kysely,
      deals: repo,
      settings: dealSettings,
      units: d.unitRepo,
      projects: d.projects,
      audit: d.audit,
      clock: ctx.clock,
      today: ctx.today,
    });
    const dealReads = createDealReads({
      deals: repo,
      service: dealService,
      settings: dealSettings,
      units: d.unitRepo,
      lights: d.lights,
      today: ctx.today,
    });
    const dealTargets = createDealTargets({
      db: ctx.kysely,
      deals: repo,
      service: dealService,
      settings: dealSettings,
      units: d.unitRepo,
      audit: d.audit,
      clock: ctx.clock,
    });
    d.lights.beforeCutoff(() => dealReads.cutoff());
    return { deals: dealService, dealReads, dealSettings, dealTargets };
  },
  routes: (
    app,
    s: { deals: DealService; dealReads: DealReads; dealSettings: DealSettingsService; dealTargets: DealTargets },
    config,
  ) => registerDealRoutes(app, { ...s, defaultLocale: config.locale }),
});
