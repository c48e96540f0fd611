// What a route needs before it renders: the permission that shows its menu entry (plus its own),
// and a numeric id in the path. Thrown here, shown by the root's 403 and 404 results.
import { notFound } from '@tanstack/react-router';
import type { Session } from '../session';

/** What every route's beforeLoad receives: the signed-in session (the router runs only when signed in). */
export interface RouterContext {
  session: Session | null;
}

/** Thrown by a guard when the user lacks a permission; the root's error component shows 403. */
export class ForbiddenError extends Error {
  constructor(readonly permission: string) {
    super(`forbidden: ${permission}`);
  }
}

/** A beforeLoad that requires every listed permission (undefined entries are skipped). */
export function requirePermissions(...permissions: (string | undefined)[]) {
  return ({ context }: { context: RouterContext }) => {
    for (const permission of permissions) {
      if (permission && !context.session?.can(permission)) throw new ForbiddenError(permission);
    }
  };
}

/** A path id that is not a positive integer is an unknown page (404), as the old patterns (\d+) made it. */
export function requireNumericId(params: { id: string }): void {
  if (!/^\d+$/.test(params.id)) throw notFound();
}
