/**
 * 涉企问题: tickets raised by an enterprise (or for it), their steps and clocks, the county's SLA profiles,
 * and the figures of the overdue board and the dashboard card. Which steps a person may take is decided by
 * src/domain/tickets/ticket-flow.ts; the schemas here bound sizes and shapes.
 */
import { z } from 'zod';
import { MAX_ID } from './common.ts';
import { TICKET_CATEGORIES } from '../domain/tickets/categories.ts';
import { CLOCK_KINDS } from '../domain/tickets/ticket-clocks.ts';
import { RATINGS, TICKET_STATES, TICKET_STEPS } from '../domain/tickets/ticket-flow.ts';
import { COMPLEXITIES, LIMIT_UNITS } from '../domain/tickets/sla.ts';

const id = z.number().int().positive().max(MAX_ID);
const colour = z.enum(['green', 'yellow', 'red']);

export const ticketBody = z.strictObject({
  /** The enterprise concerned; an enterprise account may leave it out (its own). */
  enterpriseId: id.optional(),
  projectId: id.nullable().optional(),
  category: z.enum(TICKET_CATEGORIES),
  title: z.string().trim().max(100).optional(),
  description: z.string().max(4000),
  complexity: z.enum(COMPLEXITIES).default('general'),
  /** A profile of the county's (GET /ticket-settings); the county's default when left out. */
  slaProfile: z.string().max(40).optional(),
});
export type TicketBody = z.input<typeof ticketBody>;

export const ticketStepBody = z.strictObject({
  step: z.enum(TICKET_STEPS),
  text: z.string().max(4000).optional(),
  /** assign: the handling unit and the co-units. */
  handlingUnitId: id.optional(),
  coUnitIds: z.array(id).max(10).optional(),
  /** rate. */
  rating: z.enum(RATINGS).optional(),
  /** decideExtension. */
  approve: z.boolean().optional(),
  /** The version the person saw: a step taken meanwhile by someone else is a 409. */
  version: z.number().int().positive(),
});
export type TicketStepBody = z.input<typeof ticketStepBody>;

export const ticketClock = z.object({
  kind: z.enum(CLOCK_KINDS),
  dueAt: z.string(),
  overdue: z.boolean(),
  /** 还剩 1 个工作日 / 已超期 3 个工作日, in the caller's language. */
  text: z.string(),
});

export const ticketView = z.object({
  id: z.number(),
  title: z.string(),
  category: z.enum(TICKET_CATEGORIES),
  categoryLabel: z.string(),
  complexity: z.enum(COMPLEXITIES),
  state: z.enum(TICKET_STATES),
  stateLabel: z.string(),
  enterprise: z.object({ id: z.number(), name: z.string() }),
  project: z.object({ id: z.number(), name: z.string() }).nullable(),
  raisedBy: z.string(),
  raisedAt: z.string(),
  handlingUnit: z.object({ id: z.number(), name: z.string() }).nullable(),
  clocks: z.array(ticketClock),
  colour,
  escalated: z.boolean(),
  reopenCount: z.number(),
  rating: z.enum(RATINGS).nullable(),
  closedAt: z.string().nullable(),
  version: z.number(),
});
export type TicketView = z.infer<typeof ticketView>;

export const ticketEvent = z.object({
  id: z.number(),
  step: z.string(),
  stepLabel: z.string(),
  actor: z.string(),
  at: z.string(),
  text: z.string(),
  internal: z.boolean(),
});

export const ticketDetail = ticketView.extend({
  description: z.string(),
  slaProfile: z.object({ key: z.string(), name: z.string(), toConfirm: z.boolean() }),
  coUnits: z.array(z.object({ id: z.number(), name: z.string() })),
  /** Images and PDFs; each opens at GET /ticket-attachments/{id}. */
  attachments: z.array(
    z.object({
      id: z.number(),
      fileName: z.string(),
      contentType: z.string(),
      bytes: z.number(),
      createdAt: z.string(),
    }),
  ),
  escalatedTo: z.object({ id: z.number(), name: z.string() }).nullable(),
  extension: z.enum(['asked', 'granted', 'refused']).nullable(),
  /** Every step kept, oldest first; an enterprise account never receives an internal note. */
  events: z.array(ticketEvent),
  /** The steps the caller may take now: the buttons the page offers. */
  steps: z.array(z.enum(TICKET_STEPS)),
});
export type TicketDetail = z.infer<typeof ticketDetail>;

export const ticketsQuery = z.object({
  state: z.enum([...TICKET_STATES, 'open']).optional(),
  /** Tickets handled by this unit or a unit below it (or, before assignment, of its enterprises). */
  unitId: z.coerce.number().int().positive().max(MAX_ID).optional(),
  category: z.enum(TICKET_CATEGORIES).optional(),
  enterpriseId: z.coerce.number().int().positive().max(MAX_ID).optional(),
  /** Only those past a running deadline now. */
  overdue: z.enum(['true', 'false']).optional(),
  colour: colour.optional(),
  page: z.coerce.number().int().min(1).max(10000).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(20),
});
export const ticketsResponse = z.object({ items: z.array(ticketView), total: z.number(), page: z.number() });
export type TicketsResponse = z.infer<typeof ticketsResponse>;

/** The dashboard card and the board's head: open, overdue now, closed this month, satisfaction of the rated. */
export const ticketSummary = z.object({
  open: z.number(),
  overdue: z.number(),
  escalated: z.number(),
  closedThisMonth: z.number(),
  rated: z.number(),
  satisfied: z.number(),
  /** 满意 and 基本满意 over those rated, a percentage rounded once; null when none rated. */
  satisfactionPercent: z.number().nullable(),
});
export type TicketSummary = z.infer<typeof ticketSummary>;

const limit = z.object({ amount: z.number(), unit: z.enum(LIMIT_UNITS) });
export const slaProfileView = z.object({
  key: z.string(),
  name: z.object({ 'zh-CN': z.string(), en: z.string() }),
  toConfirm: z.boolean(),
  accept: limit,
  interim: limit.nullable(),
  close: z.object({ simple: limit, general: limit, complex: limit }),
  revisit: limit,
  extension: z.object({ allowed: z.boolean(), maxTimes: z.number(), approverRole: z.literal('coordinator') }),
});
export const ticketSettings = z.object({
  defaultProfile: z.string(),
  profiles: z.array(slaProfileView),
});
export type TicketSettings = z.infer<typeof ticketSettings>;
/** Profiles as the county sets them; each is checked by parseSlaProfile, which names the field refused. */
export const ticketSettingsBody = z.strictObject({
  defaultProfile: z.string().max(40),
  profiles: z.array(z.unknown()).min(1).max(20),
});

/** An attachment as uploaded: its id opens it at GET /ticket-attachments/{id}. */
export const ticketAttachment = z.object({
  id: z.number(),
  fileName: z.string(),
  contentType: z.string(),
  bytes: z.number(),
  createdAt: z.string(),
});
