// The tickets' tables as Kysely sees them; src/server/db/schema.ts joins every feature's tables into DB.
import type { Generated } from 'kysely';

export interface TicketTable {
  id: Generated<number>;
  enterprise_id: number;
  project_id: number | null;
  /** One of TICKET_CATEGORIES (src/domain/tickets/categories.ts). */
  category: string;
  title: string;
  description: string;
  /** simple / general / complex: which close limit of the SLA profile runs. */
  complexity: string;
  /** One of TICKET_STATES (src/domain/tickets/ticket-flow.ts). */
  state: string;
  sla_profile: string;
  raised_by: number;
  raised_at: string;
  /** Where the ticket is scoped: the handling unit's path once assigned, the enterprise's township's before. */
  unit_path: string;
  handling_unit_id: number | null;
  accept_due_at: string | null;
  interim_due_at: string | null;
  close_due_at: string | null;
  revisit_due_at: string | null;
  /** The earliest running deadline, its county-local date, and the colour as last computed. */
  next_due_at: string | null;
  due_date: string | null;
  light: string;
  /** null, 'asked', 'granted' or 'refused': one extension per ticket. */
  extension_state: string | null;
  reopen_count: number;
  escalated_at: string | null;
  escalated_unit_id: number | null;
  rating: string | null;
  closed_at: string | null;
  updated_at: string;
  version: number;
}

export interface TicketEventTable {
  id: Generated<number>;
  ticket_id: number;
  /** raise, accept, … or escalate: TICKET_STEP_LABELS' keys. */
  step: string;
  actor_id: number | null;
  actor_name: string;
  at: string;
  text: string;
  /** 1: an internal note, never shown to an enterprise account. */
  internal: number;
  data_json: string;
}

export interface TicketCoUnitTable {
  ticket_id: number;
  unit_id: number;
}

export interface TicketAttachmentTable {
  id: Generated<number>;
  ticket_id: number;
  file_name: string;
  /** As found in the content: image/jpeg, image/png, image/webp or application/pdf. */
  content_type: string;
  bytes: number;
  data: Buffer;
  created_by_id: number | null;
  created_at: string;
}

/** The tables this feature adds to the database. */
export interface TicketTables {
  tickets: TicketTable;
  ticket_events: TicketEventTable;
  ticket_co_units: TicketCoUnitTable;
  ticket_attachments: TicketAttachmentTable;
}
