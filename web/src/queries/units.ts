// The units the user may see: one cached query shared by every page and picker that shows units.
import { queryOptions } from '@tanstack/react-query';
import { api } from '../api';
import { queryClient } from './client';

// The tree changes rarely and only through the units page, which reloads it: pages share one answer.
export const unitsQuery = queryOptions({ queryKey: ['units'], queryFn: () => api.listUnits(), staleTime: 5 * 60_000 });

/** After a unit was added, edited, moved or deleted: every list of units reloads. */
export function invalidateUnits(): Promise<void> {
  return queryClient.invalidateQueries({ queryKey: unitsQuery.queryKey });
}
