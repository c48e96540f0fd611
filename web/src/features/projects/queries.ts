// Project queries: the detail of one project, and what a change to projects makes stale.
import { queryOptions } from '@tanstack/react-query';
import type { Id } from '../../api';
import { projectsApi } from '../../api-projects';
import { queryClient } from '../../queries/client';

/** One project with every field (GET /projects/:id). */
export const projectQuery = (id: Id) =>
  queryOptions({ queryKey: ['projects', 'detail', String(id)], queryFn: () => projectsApi.get(id) });

/**
 * After projects were created, edited, moved between stages or imported: the lists, the details, the four
 * lists and the dashboard's figures all derive from them.
 */
export async function invalidateProjects(): Promise<void> {
  await Promise.all(
    [['projects'], ['project-lists'], ['dashboard']].map((queryKey) => queryClient.invalidateQueries({ queryKey })),
  );
}
