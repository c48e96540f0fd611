import { useCallback, useMemo } from 'react';
import { useQuery } from '@tanstack/react-query';
import type { Id, Unit } from './api';
import { errorMessage } from './forms';
import { queryClient } from './queries/client';
import { unitsQuery } from './queries/units';
import { buildUnitTree, type UnitNode } from './units';

export interface UnitsState {
  units: Unit[];
  roots: UnitNode[];
  byId: Map<Id, Unit>;
  loading: boolean;
  error: string | null;
  reload: () => Promise<Unit[]>;
}

const NO_UNITS: Unit[] = [];

/** The units the user may see and their tree, from the shared cached query (loaded once for all pages). */
export function useUnits(): UnitsState {
  const query = useQuery(unitsQuery);
  const units = query.data?.items ?? NO_UNITS;

  // After a change to the units: reloads the shared query, so every page showing units follows.
  const reload = useCallback(async () => {
    try {
      return (await queryClient.fetchQuery({ ...unitsQuery, staleTime: 0 })).items;
    } catch {
      return [];
    }
  }, []);

  const roots = useMemo(() => buildUnitTree(units), [units]);
  const byId = useMemo(() => new Map(units.map((unit) => [unit.id, unit])), [units]);
  const error = query.error ? errorMessage(query.error) : null;
  return { units, roots, byId, loading: query.isPending, error, reload };
}
