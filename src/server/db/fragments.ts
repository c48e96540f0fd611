/**
 * The id-path range of a unit subtree. Every path below "/1/4/" starts with "/1/4/", and all such
 * strings sort between "/1/4/" and "/1/40" ("0" follows "/" in ASCII). A range, unlike LIKE 'x%',
 * uses a plain B-tree index on both SQLite and PostgreSQL whatever the collation.
 */
export function subtreeRange(path: string): [lo: string, hi: string] {
  return [path, `${path.slice(0, -1)}0`];
}

/** Search text with LIKE's wildcards removed, so that "%" typed by a person matches nothing special. */
export const likeSafe = (text: string) => text.replace(/[%_\\]/g, '');
