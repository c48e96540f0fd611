// Project queries: the detail of one project, and what a change to projects makes stale.
import { infiniteQueryOptions, keepPreviousData, queryOptions } from '@tanstack/react-query';
import type { Id } from '../../api';
import { projectsApi, type ProjectListParams } from '../../api-projects';
import { queryClient } from '../../queries/client';

/** One project with every field (GET /projects/:id). */
export const projectQuery = (id: Id) =>
  queryOptions({ queryKey: ['projects', 'detail', String(id)], queryFn: () => projectsApi.get(id) });

const LIST_PAGE_SIZE = 50;

/**
 * 项目库: one query per filter and sort (the API's params of the URL), paged by keyset cursor; the first
 * page also asks for the total. The shown list stays until the next filter's answer.
 */
export const projectListQuery = (params: ProjectListParams) =>
  infiniteQueryOptions({
    queryKey: ['projects', 'list', params],
    queryFn: ({ pageParam }) =>
      projectsApi.list({
        ...params,
        limit: LIST_PAGE_SIZE,
        ...(pageParam ? { cursor: pageParam } : { withTotal: 'true' }),
      }),
    initialPageParam: null as string | null,
    getNextPageParam: (page) => page.nextCursor,
    placeholderData: keepPreviousData,
  });

/**
 * After projects were created, edited, moved between stages or imported: the lists, the details, the four
 * lists and the dashboard's figures all derive from them.
 */
export async function invalidateProjects(): Promise<void> {
  await Promise.all(
    [['projects'], ['project-lists'], ['dashboard']].map((queryKey) => queryClient.invalidateQueries({ queryKey })),
  );
}
