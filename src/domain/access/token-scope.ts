import { RESOURCES, type Resource } from './roles.ts';

/**
 * What an API token may do (ASVS V2/V3): it acts as its owner, but only until it expires, only over the
 * resources its scope names for writing (none: read-only), and never over tokens or passwords, which
 * take a signed-in person.
 */
export const TOKEN_DEFAULT_DAYS = 90;
export const TOKEN_MAX_DAYS = 365;

/** The resources a token's scope may name for writing: all but the audit trail (nobody writes it) and tokens. */
export const TOKEN_WRITABLE = RESOURCES.filter((r) => r !== 'audit' && r !== 'token');
export type TokenWritable = (typeof TOKEN_WRITABLE)[number];

export function isTokenWritable(value: unknown): value is TokenWritable {
  return typeof value === 'string' && (TOKEN_WRITABLE as readonly string[]).includes(value);
}

/** Whether a token whose scope is `writes` may create, update or delete `resource` (its owner's role permitting). */
export const tokenMayWrite = (writes: readonly Resource[], resource: Resource) =>
  resource !== 'token' && writes.includes(resource);

/** The scope as stored (a JSON list); anything unreadable is read-only. */
export function parseTokenWrites(stored: string | null): TokenWritable[] {
  try {
    const list: unknown = JSON.parse(stored ?? '[]');
    return Array.isArray(list) ? list.filter(isTokenWritable) : [];
  } catch {
    return [];
  }
}
