import { ticketLight, type TicketDues } from '../../../domain/tickets/ticket-clocks.ts';

export const isoOf = (d: Date) => d.toISOString();

/** A ticket's running deadlines as its columns. */
export const duesColumns = (d: TicketDues) => ({
  accept_due_at: d.accept,
  interim_due_at: d.interim,
  close_due_at: d.close,
  revisit_due_at: d.revisit,
});

/** The columns lists filter and sort on: the earliest running deadline, its local date, the colour at `now`. */
export function lightColumns(dues: TicketDues, escalated: boolean, now: Date, timeZone: string) {
  const light = ticketLight(dues, escalated, now, timeZone);
  return { next_due_at: light.nextDueAt, due_date: light.dueDate, light: light.colour };
}

/**
 * What a ticket is after a step, kept in the step's event: the events alone then tell any past moment's
 * state, handler and clocks (the race's ticket figures as of a bulletin's date read them).
 */
export const afterOf = (state: string, handlingUnitId: number | null, dues: TicketDues, escalated: boolean) => ({
  state,
  handlingUnitId,
  dues,
  escalated,
});
