// The 涉企问题 endpoints and the inbox (the operations in /api/docs; types from src/contract/tickets.ts and
// inbox.ts): one function each.
import type { z } from 'zod';
import { query, request, type Id } from './api';
import type { InboxResponse } from '../../src/contract/inbox';
import type {
  TicketBody,
  TicketDetail,
  TicketSettings,
  TicketStepBody,
  TicketsResponse,
  TicketSummary,
  TicketView,
  ticketsQuery,
} from '../../src/contract/tickets';

export type { InboxResponse, TicketBody, TicketDetail, TicketSettings, TicketStepBody, TicketSummary, TicketView };
export type TicketPage = TicketsResponse;
export type TicketClock = TicketView['clocks'][number];
export type TicketEvent = TicketDetail['events'][number];
export type TicketAttachment = TicketDetail['attachments'][number];
export type TicketColour = TicketView['colour'];
/** The query of GET /tickets: a filter and a numbered page. */
export type TicketListParams = Partial<z.output<typeof ticketsQuery>>;

const ticketPath = (id: Id) => `/tickets/${encodeURIComponent(String(id))}`;

/** Where an attachment opens (an image's thumbnail and full size alike; the session cookie admits it). */
export const attachmentUrl = (id: Id) => `/api/v1/ticket-attachments/${encodeURIComponent(String(id))}`;

export const ticketsApi = {
  list: (params: TicketListParams) => request<TicketPage>('GET', `/tickets${query(params)}`),
  summary: () => request<TicketSummary>('GET', '/tickets/summary'),
  get: (id: Id) => request<TicketDetail>('GET', ticketPath(id)),
  raise: (body: TicketBody) => request<TicketDetail>('POST', '/tickets', body),
  /** One step, at the version the person saw: a 409 when someone else moved the ticket meanwhile. */
  step: (id: Id, body: TicketStepBody) => request<TicketDetail>('POST', `${ticketPath(id)}/steps`, body),
  /** Uploads one image or PDF (multipart: file). */
  attach: (id: Id, file: Blob, fileName: string) => {
    const form = new FormData();
    form.append('file', file, fileName);
    return request<TicketAttachment>('POST', `${ticketPath(id)}/attachments`, form);
  },
  settings: () => request<TicketSettings>('GET', '/ticket-settings'),
};

export const inboxApi = {
  /** What waits for the signed-in person: tickets, last month's reports to file, licences ending soon. */
  get: () => request<InboxResponse>('GET', '/inbox'),
};
