// Administration queries: users and the audit history, and what a change to users makes stale.
import { infiniteQueryOptions, keepPreviousData, queryOptions } from '@tanstack/react-query';
import { api, type Id } from '../../api';
import { queryClient } from '../../queries/client';
import type { AuditFilter } from '../../components/AuditFilters';

/** The users the caller may see, by search text and unit; the shown list stays until the next answer. */
export const usersQuery = (q: string, unitId: Id | undefined) =>
  queryOptions({
    queryKey: ['users', { q, unitId: unitId === undefined ? null : String(unitId) }],
    queryFn: () => api.listUsers({ q, unitId }),
    placeholderData: keepPreviousData,
  });

const AUDIT_PAGE_SIZE = 50;

/** The audit history, newest first, one filter per query, paged by cursor (加载更多). */
export const auditQuery = (filter: AuditFilter) =>
  infiniteQueryOptions({
    queryKey: ['audit', filter],
    queryFn: ({ pageParam }) =>
      api.listAudit({
        ...filter,
        // The contract's user id is a number; the filter's picker holds an opaque id.
        userId: filter.userId === undefined ? undefined : Number(filter.userId),
        cursor: pageParam ?? undefined,
        limit: AUDIT_PAGE_SIZE,
      }),
    initialPageParam: null as string | null,
    getNextPageParam: (page) => page.nextCursor,
    placeholderData: keepPreviousData,
  });

/** After a user was created or edited: the user lists, and the audit history that records it. */
export async function invalidateUsers(): Promise<void> {
  await Promise.all([['users'], ['audit']].map((queryKey) => queryClient.invalidateQueries({ queryKey })));
}
