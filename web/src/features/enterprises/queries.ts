// 企业库 queries: a page of the registry, one enterprise, the licences ending soon, and what a change makes stale.
import { keepPreviousData, queryOptions } from '@tanstack/react-query';
import type { Id } from '../../api';
import { enterprisesApi, type EnterpriseListParams } from '../../api-enterprises';
import { queryClient } from '../../queries/client';

/** The registry's page size. */
export const ENTERPRISE_PAGE_SIZE = 20;
/** 证照临期's page size. */
export const LICENCE_PAGE_SIZE = 50;

/** One page of the registry under a filter; the shown page stays until the next one's answer. */
export const enterpriseListQuery = (params: EnterpriseListParams) =>
  queryOptions({
    queryKey: ['enterprises', 'list', params],
    queryFn: () => enterprisesApi.list({ ...params, pageSize: ENTERPRISE_PAGE_SIZE }),
    placeholderData: keepPreviousData,
  });

/** One enterprise with its licences and projects (GET /enterprises/:id). */
export const enterpriseQuery = (id: Id) =>
  queryOptions({ queryKey: ['enterprises', 'detail', String(id)], queryFn: () => enterprisesApi.get(id) });

/** The licences ending within `withinDays` (expired ones included), one page. */
export const licencesQuery = (withinDays: number, page: number) =>
  queryOptions({
    queryKey: ['licences', withinDays, page],
    queryFn: () => enterprisesApi.licences({ withinDays, page, pageSize: LICENCE_PAGE_SIZE }),
    placeholderData: keepPreviousData,
  });

/**
 * After an enterprise or a licence was registered, edited or deleted: the registry's pages and the list of
 * licences ending soon; saving an enterprise may also link projects to it (their owner).
 */
export async function invalidateEnterprises(): Promise<void> {
  await Promise.all(
    [['enterprises'], ['licences'], ['projects']].map((queryKey) => queryClient.invalidateQueries({ queryKey })),
  );
}
