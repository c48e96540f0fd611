import * as m0021 from '../../db/migrations/0021_ticket_indexes.ts';
import type { AuditLog } from '../audit/audit.repository.ts';
import { defineFeature } from '../feature.ts';
import type { LightService } from '../lights/lights.service.ts';
import type { SettingsRepository } from '../settings/settings.repository.ts';
import type { UnitRepository } from '../units/units.repository.ts';
import { createTicketSettings, type TicketSettings } from './ticket-settings.ts';
import { TICKET_MESSAGES } from './tickets.messages.ts';
import { createTicketRepository } from './tickets.repository.ts';
import { createTicketAccess } from './ticket-access.ts';
import { registerTicketAttachmentRoutes } from './ticket-attachments.routes.ts';
import { createTicketAttachments, type TicketAttachments } from './ticket-attachments.service.ts';
import { registerTicketRoutes } from './tickets.routes.ts';
import { createTicketService, type TicketService } from './tickets.service.ts';

/**
 * 涉企问题: an enterprise's problems through the closed loop with working-day clocks (its tables come with
 * the enterprises' migration; its indexes for volume with its own). Its part of the daily cutoff runs before the projects' lights, which read it.
 */
export const tickets = defineFeature({
  name: 'tickets',
  messages: TICKET_MESSAGES,
  migrations: { '0021_ticket_indexes': m0021 },
  wire: (
    ctx,
    d: { audit: AuditLog; unitRepo: UnitRepository; settingsRepo: SettingsRepository; lights: LightService },
  ) => {
    const ticketSettings = createTicketSettings({
      db: ctx.kysely,
      settings: d.settingsRepo,
      audit: d.audit,
      clock: ctx.clock,
    });
    const repo = createTicketRepository(ctx.kysely);
    const tickets = createTicketService({
      db: ctx.kysely,
      tickets: repo,
      units: d.unitRepo,
      settings: ticketSettings,
      audit: d.audit,
      clock: ctx.clock,
      today: ctx.today,
      timeZone: ctx.config.timeZone,
      onProjectChanged: async (projectId) => void (await d.lights.recomputeProject(projectId)),
    });
    d.lights.beforeCutoff(() => tickets.cutoff());
    const ticketAttachments = createTicketAttachments({
      db: ctx.kysely,
      tickets: repo,
      access: createTicketAccess({ db: ctx.kysely, tickets: repo }),
      audit: d.audit,
      clock: ctx.clock,
    });
    return { tickets, ticketSettings, ticketAttachments };
  },
  routes: (
    app,
    s: { tickets: TicketService; ticketSettings: TicketSettings; ticketAttachments: TicketAttachments },
    config,
  ) => {
    registerTicketRoutes(app, { tickets: s.tickets, settings: s.ticketSettings, defaultLocale: config.locale });
    registerTicketAttachmentRoutes(app, { attachments: s.ticketAttachments });
  },
});
