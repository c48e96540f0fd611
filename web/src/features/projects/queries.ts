// Project queries: the detail of one project, and what a change to projects makes stale.
import { keepPreviousData, queryOptions } from '@tanstack/react-query';
import type { Id } from '../../api';
import { projectsApi, type ProjectListParams } from '../../api-projects';
import { queryClient } from '../../queries/client';

/** One project with every field (GET /projects/:id). */
export const projectQuery = (id: Id) =>
  queryOptions({ queryKey: ['projects', 'detail', String(id)], queryFn: () => projectsApi.get(id) });

/** The page sizes a person may choose in the list's pager; the first is the default. */
export const LIST_PAGE_SIZES = [20, 50, 100] as const;

/**
 * 项目库: one numbered page of one filter and sort (the API's params of the URL), with the total of the
 * same filters and scope. The shown page stays until the next one's answer.
 */
export const projectListQuery = (params: ProjectListParams, page: number, size: number) =>
  queryOptions({
    queryKey: ['projects', 'list', params, page, size],
    queryFn: () => projectsApi.list({ ...params, page: String(page), limit: size, withTotal: 'true' }),
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
