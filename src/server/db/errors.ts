/**
 * Whether a database error is a unique or primary-key violation, on either dialect: two requests that
 * raced for one key, the second of which should be told so (409), not see a 500.
 */
export function isUniqueViolation(e: unknown): boolean {
  const code = (e as { code?: string } | null)?.code;
  return code === '23505' || code === 'SQLITE_CONSTRAINT_UNIQUE' || code === 'SQLITE_CONSTRAINT_PRIMARYKEY';
}
