import { useCallback, useEffect, useMemo, useState } from 'react';
import { api, type Id, type Unit } from './api';
import { errorMessage } from './forms';
import { buildUnitTree, type UnitNode } from './units';

export interface UnitsState {
  units: Unit[];
  roots: UnitNode[];
  byId: Map<Id, Unit>;
  loading: boolean;
  error: string | null;
  reload: () => Promise<Unit[]>;
}

/** Loads the units the user may see and builds their tree. */
export function useUnits(): UnitsState {
  const [units, setUnits] = useState<Unit[]>([]);
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<string | null>(null);

  const reload = useCallback(async () => {
    setLoading(true);
    try {
      const result = await api.listUnits();
      setUnits(result.items);
      setError(null);
      return result.items;
    } catch (e) {
      setError(errorMessage(e));
      return [];
    } finally {
      setLoading(false);
    }
  }, []);

  useEffect(() => {
    void reload();
  }, [reload]);

  const roots = useMemo(() => buildUnitTree(units), [units]);
  const byId = useMemo(() => new Map(units.map((unit) => [unit.id, unit])), [units]);
  return { units, roots, byId, loading, error, reload };
}
