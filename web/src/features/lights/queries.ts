// 亮灯 queries: the rule set and one project's light, and what a change to either makes stale.
import { queryOptions } from '@tanstack/react-query';
import type { Id } from '../../api';
import { lightsApi } from '../../api-lights';
import { queryClient } from '../../queries/client';

/** The current rule set (GET /light-rules). */
export const lightRulesQuery = queryOptions({ queryKey: ['light-rules'], queryFn: () => lightsApi.rules() });

/**
 * The light of one project (GET /projects/:id/light). Under ['projects', …]: whatever makes projects or
 * reports stale (invalidateProjects, invalidateReports) makes the light stale too.
 */
export const projectLightQuery = (id: Id) =>
  queryOptions({ queryKey: ['projects', 'light', String(id)], queryFn: () => lightsApi.projectLight(id) });

/**
 * After the rules changed or an exemption was added: every light (the project pages, the light columns of
 * the lists, the four lists and the dashboard) may have another colour.
 */
export async function invalidateLights(): Promise<void> {
  await Promise.all(
    [['light-rules'], ['projects'], ['project-lists'], ['dashboard']].map((queryKey) =>
      queryClient.invalidateQueries({ queryKey }),
    ),
  );
}
