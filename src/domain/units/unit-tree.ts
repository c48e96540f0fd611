/** Unit kinds (DESIGN §3.1): the county, its townships and streets, departments, platforms, villages. */
export const UNIT_KINDS = ['county', 'street', 'township', 'department', 'platform', 'village', 'other'] as const;
export type UnitKind = (typeof UNIT_KINDS)[number];

/**
 * Units form a tree kept as materialised paths of ids: the root is "/1/", its child 4 is "/1/4/".
 * A subtree is then one prefix, which both SQLite and PostgreSQL answer from an index.
 */
export function childPath(parentPath: string | null, id: number): string {
  return `${parentPath ?? '/'}${id}/`;
}

export function depthOf(path: string): number {
  return path.split('/').filter(Boolean).length - 1;
}

/** True when `path` is `rootPath` itself or lies below it. */
export function isInSubtree(path: string, rootPath: string): boolean {
  return path.startsWith(rootPath);
}

/** True when `path` lies strictly below `rootPath`. */
export function isStrictlyBelow(path: string, rootPath: string): boolean {
  return path !== rootPath && path.startsWith(rootPath);
}

/** A unit may not move under itself or under one of its own descendants. */
export function canMoveUnder(unitPath: string, newParentPath: string): boolean {
  return !isInSubtree(newParentPath, unitPath);
}

/** The new path of each unit in a moved subtree: the old prefix is swapped for the new one. */
export function rebasePath(path: string, oldPrefix: string, newPrefix: string): string {
  if (!path.startsWith(oldPrefix)) throw new Error(`${path} is not below ${oldPrefix}`);
  return newPrefix + path.slice(oldPrefix.length);
}

/**
 * The kind of a township-level division from its official name and code (GB/T 2260 +
 * township codes: 001–099 streets, 100–199 towns, 200–299 townships).
 */
export function kindOfDivision(code: string, name: string): UnitKind {
  if (name.endsWith('街道')) return 'street';
  if (/[镇乡]$/.test(name)) return 'township';
  const serial = Number(code.slice(6, 9));
  if (serial < 100) return 'street';
  if (serial < 300) return 'township';
  return 'other';
}

/**
 * The path a figure at `path` rolls up to when looking at the units directly below `topPath`:
 * `topPath` itself for the top unit's own projects, the child on the way for anything deeper,
 * null for paths outside the subtree. ("/1/" looking at "/1/4/30/" → "/1/4/".)
 */
export function rollUpPath(topPath: string, path: string): string | null {
  if (!isInSubtree(path, topPath)) return null;
  if (path === topPath) return topPath;
  return `${topPath}${path.slice(topPath.length).split('/')[0]}/`;
}
