// Administration queries: users, the audit history, the reminder and notification settings and the delivery log,
// and what a change to users makes stale.
import { keepPreviousData, queryOptions } from '@tanstack/react-query';
import { api, type AuditParams, type Id } from '../../api';
import { settingsApi } from '../../api-settings';
import { queryClient } from '../../queries/client';
import type { AuditFilter } from '../../components/AuditFilters';

/** The users the caller may see, by search text and unit; the shown list stays until the next answer. */
export const usersQuery = (q: string, unitId: Id | undefined) =>
  queryOptions({
    queryKey: ['users', { q, unitId: unitId === undefined ? null : String(unitId) }],
    queryFn: () => api.listUsers({ q, unitId }),
    placeholderData: keepPreviousData,
  });

/** The filter as GET /audit and its export take it. */
export function auditParams(filter: AuditFilter): AuditParams {
  return {
    objectType: filter.objectType,
    objectId: filter.objectId,
    action: filter.action,
    // The contract's user id is a number; the filter's picker holds an opaque id.
    userId: filter.userId === undefined ? undefined : Number(filter.userId),
    from: filter.from,
    to: filter.to,
    includeSignIns: filter.includeSignIns ? 'true' : undefined,
  };
}

/** One page of the audit history, newest first, with the count; the shown page stays until the next answer. */
export const auditQuery = (filter: AuditFilter, page: number, pageSize: number) =>
  queryOptions({
    queryKey: ['audit', filter, page, pageSize],
    queryFn: () => api.listAudit({ ...auditParams(filter), page, pageSize }),
    placeholderData: keepPreviousData,
  });

/** After a user was created or edited: the user lists, and the audit history that records it. */
export async function invalidateUsers(): Promise<void> {
  await Promise.all([['users'], ['audit']].map((queryKey) => queryClient.invalidateQueries({ queryKey })));
}

/** The days before a licence ends at which reminders go out (GET /reminder-settings). */
export const reminderSettingsQuery = queryOptions({
  queryKey: ['reminder-settings'],
  queryFn: () => settingsApi.reminders(),
});

/** The county's SLA profiles and the default a new ticket gets (GET /ticket-settings). */
export const ticketSettingsQuery = queryOptions({
  queryKey: ['ticket-settings'],
  queryFn: () => settingsApi.ticketSettings(),
});

/** The signed-in person's e-mail and channels (GET /me/notifications). */
export const myNotificationsQuery = queryOptions({
  queryKey: ['my-notifications'],
  queryFn: () => settingsApi.mine(),
});

/** One page of the delivery log, newest first; the shown page stays until the next answer. */
export const deliveriesQuery = (page: number, pageSize: number) =>
  queryOptions({
    queryKey: ['notification-deliveries', page, pageSize],
    queryFn: () => settingsApi.deliveries({ page, pageSize }),
    placeholderData: keepPreviousData,
  });
