// The search params of the ticket list, validated once by its route: unknown or malformed values are dropped, so a
// filtered list can be linked to and survives a reload or a trip to a ticket and back.
import { positiveInt, stringifySearch } from '../../routes/search';
import { TICKET_CATEGORIES, type TicketCategory } from '../../../../src/domain/tickets/categories';
import { TICKET_STATES, type TicketState } from '../../../../src/domain/tickets/ticket-flow';

type Raw = Record<string, unknown>;

/** The states the list filters by: each state, and 'open' for every one whose clocks run. */
export const TICKET_STATE_FILTERS = ['open', ...TICKET_STATES] as const;
export type TicketStateFilter = TicketState | 'open';
export const TICKET_COLOURS = ['red', 'yellow', 'green'] as const;
export type TicketColourFilter = (typeof TICKET_COLOURS)[number];

/** /tickets?state=open&category=land&overdue=true&colour=red&unitId=5&page=2 */
export interface TicketListState {
  state?: TicketStateFilter;
  category?: TicketCategory;
  overdue?: 'true';
  colour?: TicketColourFilter;
  unitId?: number;
  page?: number;
}

const oneOf = <T extends string>(values: readonly T[], value: unknown): T | undefined =>
  (values as readonly unknown[]).includes(value) ? (value as T) : undefined;

export const ticketListSearch = (raw: Raw): TicketListState => ({
  state: oneOf(TICKET_STATE_FILTERS, raw.state),
  category: oneOf(TICKET_CATEGORIES, raw.category),
  overdue: raw.overdue === 'true' || raw.overdue === true ? 'true' : undefined,
  colour: oneOf(TICKET_COLOURS, raw.colour),
  unitId: positiveInt(raw.unitId),
  page: positiveInt(raw.page),
});

/** The list's address for a filter and page. */
export const ticketListUrl = (state: TicketListState) => `/tickets${stringifySearch(state as Record<string, unknown>)}`;
