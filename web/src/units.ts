// Builds the unit tree from the flat GET /units list (each unit names its parentId).
import type { Id, Unit } from './api';

export interface UnitNode {
  unit: Unit;
  children: UnitNode[];
}

/** Roots are units whose parent is absent from the list (a unit editor sees only their subtree). */
export function buildUnitTree(units: Unit[]): UnitNode[] {
  const nodes = new Map<Id, UnitNode>();
  for (const unit of units) nodes.set(unit.id, { unit, children: [] });
  const roots: UnitNode[] = [];
  for (const unit of units) {
    const node = nodes.get(unit.id)!;
    const parent = unit.parentId === null ? undefined : nodes.get(unit.parentId);
    if (parent) parent.children.push(node);
    else roots.push(node);
  }
  return roots;
}

/** The ids of a unit and everything below it. */
export function subtreeIds(units: Unit[], rootId: Id): Set<Id> {
  const ids = new Set<Id>([rootId]);
  let grew = true;
  while (grew) {
    grew = false;
    for (const unit of units) {
      if (unit.parentId !== null && ids.has(unit.parentId) && !ids.has(unit.id)) {
        ids.add(unit.id);
        grew = true;
      }
    }
  }
  return ids;
}

export interface UnitSelectOption {
  value: Id;
  title: string;
  disabled?: boolean;
  children: UnitSelectOption[];
}

/** Options for a TreeSelect of units; units in `disabledIds` cannot be chosen. */
export function unitSelectOptions(roots: UnitNode[], disabledIds?: Set<Id>): UnitSelectOption[] {
  return roots.map((node) => ({
    value: node.unit.id,
    title: node.unit.name,
    disabled: disabledIds?.has(node.unit.id) || undefined,
    children: unitSelectOptions(node.children, disabledIds),
  }));
}
