// 涉企问题 queries: a page of tickets, one ticket, the figures of the board and the dashboard card, the inbox, and
// what a step or a new ticket makes stale.
import { keepPreviousData, queryOptions } from '@tanstack/react-query';
import type { Id } from '../../api';
import { inboxApi, ticketsApi, type TicketListParams } from '../../api-tickets';
import { queryClient } from '../../queries/client';

/** The list's page size. */
export const TICKET_PAGE_SIZE = 20;
/** The overdue board reads this many at once: more overdue tickets than this is a county in trouble. */
export const BOARD_SIZE = 200;

/** One page of tickets under a filter; the shown page stays until the next one's answer. */
export const ticketListQuery = (params: TicketListParams) =>
  queryOptions({
    queryKey: ['tickets', 'list', params],
    queryFn: () => ticketsApi.list({ pageSize: TICKET_PAGE_SIZE, ...params }),
    placeholderData: keepPreviousData,
  });

/** Every ticket past a running deadline now, for the board. */
export const overdueTicketsQuery = queryOptions({
  queryKey: ['tickets', 'overdue'],
  queryFn: () => ticketsApi.list({ overdue: 'true', pageSize: BOARD_SIZE }),
});

/** Open, overdue, escalated, closed this month and satisfaction, in the user's scope. */
export const ticketSummaryQuery = queryOptions({
  queryKey: ['tickets', 'summary'],
  queryFn: () => ticketsApi.summary(),
});

/** One ticket with its timeline, clocks and the steps the person may take (GET /tickets/:id). */
export const ticketQuery = (id: Id) =>
  queryOptions({ queryKey: ['tickets', 'detail', String(id)], queryFn: () => ticketsApi.get(id), staleTime: 5_000 });

/** Entering a ticket's page: the ticket, asked for at once. */
export function prefetchTicket(id: Id): void {
  void queryClient.prefetchQuery(ticketQuery(id));
}

/** What waits for the person; the header's badge reads it, so it is asked again when they come back to the tab. */
export const inboxQuery = queryOptions({
  queryKey: ['inbox'],
  queryFn: () => inboxApi.get(),
  refetchOnWindowFocus: true,
  staleTime: 60_000,
});

/**
 * After a ticket was raised or moved a step, or a file attached: every list, the figures and the inbox; a ticket
 * lights its project, so the projects' lights and the dashboard read again too.
 */
export async function invalidateTickets(): Promise<void> {
  await Promise.all(
    [['tickets'], ['inbox'], ['projects'], ['dashboard']].map((queryKey) =>
      queryClient.invalidateQueries({ queryKey }),
    ),
  );
}
