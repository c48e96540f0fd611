import type { Selectable } from 'kysely';
import type { TicketDetail, TicketView } from '../../../contract/tickets.ts';
import { TICKET_CATEGORY_LABELS, type TicketCategory } from '../../../domain/tickets/categories.ts';
import { clockState } from '../../../domain/tickets/clock.ts';
import type { Complexity, SlaProfile } from '../../../domain/tickets/sla.ts';
import { CLOCK_KINDS, ticketLight, type TicketDues } from '../../../domain/tickets/ticket-clocks.ts';
import {
  availableSteps,
  TICKET_STATE_LABELS,
  TICKET_STEP_LABELS,
  type Rating,
  type TicketParty,
  type TicketState,
} from '../../../domain/tickets/ticket-flow.ts';
import type { TicketEventTable } from './tickets.tables.ts';
import type { TicketRow } from './tickets.repository.ts';

export type Locale = 'zh-CN' | 'en';

export const duesOf = (t: {
  accept_due_at: string | null;
  interim_due_at: string | null;
  close_due_at: string | null;
  revisit_due_at: string | null;
}): TicketDues => ({
  accept: t.accept_due_at,
  interim: t.interim_due_at,
  close: t.close_due_at,
  revisit: t.revisit_due_at,
});

/** A ticket as a list shows it: its clocks read at `now` in the caller's language, its colour live. */
export function presentTicket(t: TicketRow, at: { now: Date; timeZone: string; locale: Locale }): TicketView {
  const dues = duesOf(t);
  const escalated = t.escalated_at !== null;
  return {
    id: t.id,
    title: t.title,
    category: t.category as TicketCategory,
    categoryLabel: TICKET_CATEGORY_LABELS[t.category as TicketCategory]?.[at.locale] ?? t.category,
    complexity: t.complexity as Complexity,
    state: t.state as TicketState,
    stateLabel: TICKET_STATE_LABELS[t.state as TicketState][at.locale],
    enterprise: { id: t.enterprise_id, name: t.enterprise_name },
    project: t.project_id && t.project_name ? { id: t.project_id, name: t.project_name } : null,
    raisedBy: t.raiser_name,
    raisedAt: t.raised_at,
    handlingUnit:
      t.handling_unit_id && t.handling_unit_name ? { id: t.handling_unit_id, name: t.handling_unit_name } : null,
    clocks: CLOCK_KINDS.flatMap((kind) => {
      const due = dues[kind];
      if (!due) return [];
      const state = clockState(new Date(due), at.now, at.timeZone);
      return [{ kind, dueAt: due, overdue: state.overdue, text: state.text[at.locale] }];
    }),
    colour: ticketLight(dues, escalated, at.now, at.timeZone).colour,
    escalated,
    reopenCount: t.reopen_count,
    rating: t.rating as Rating | null,
    closedAt: t.closed_at,
    version: t.version,
  };
}

export function presentTicketDetail(
  t: TicketRow,
  extra: {
    events: Selectable<TicketEventTable>[];
    coUnits: { id: number; name: string }[];
    attachments: { id: number; file_name: string; content_type: string; bytes: number; created_at: string }[];
    parties: ReadonlySet<TicketParty>;
    profile: SlaProfile | undefined;
    now: Date;
    timeZone: string;
    locale: Locale;
  },
): TicketDetail {
  const { locale } = extra;
  return {
    ...presentTicket(t, extra),
    description: t.description,
    slaProfile: {
      key: t.sla_profile,
      name: extra.profile?.name[locale] ?? t.sla_profile,
      toConfirm: extra.profile?.toConfirm ?? false,
    },
    coUnits: extra.coUnits.map((u) => ({ id: u.id, name: u.name })),
    attachments: extra.attachments.map((a) => ({
      id: a.id,
      fileName: a.file_name,
      contentType: a.content_type,
      bytes: a.bytes,
      createdAt: a.created_at,
    })),
    escalatedTo:
      t.escalated_unit_id && t.escalated_unit_name ? { id: t.escalated_unit_id, name: t.escalated_unit_name } : null,
    extension: t.extension_state as TicketDetail['extension'],
    events: extra.events.map((e) => ({
      id: e.id,
      step: e.step,
      stepLabel: TICKET_STEP_LABELS[e.step as keyof typeof TICKET_STEP_LABELS]?.[locale] ?? e.step,
      actor: e.actor_name,
      at: e.at,
      text: e.text,
      internal: e.internal === 1,
    })),
    steps: availableSteps(t.state as TicketState, extra.parties),
  };
}
