import type { Unit } from '../../../contract/units.ts';
import type { UnitWithCounts } from './units.repository.ts';

/** The unit as the API returns it; every field listed, none passed through by accident. */
export function presentUnit(u: UnitWithCounts): Unit {
  return {
    id: u.id,
    parentId: u.parent_id,
    name: u.name,
    kind: u.kind,
    regionCode: u.region_code,
    depth: u.depth,
    sortOrder: u.sort_order,
    childCount: Number(u.child_count ?? 0),
    userCount: Number(u.user_count ?? 0),
  };
}

export type UnitDto = Unit;
