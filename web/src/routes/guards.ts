// What a route needs before it renders: the permission that shows its menu entry (plus its own), or a role,
// and a numeric id in the path. Thrown here, shown by the root's 403 and 404 results.
import { notFound } from '@tanstack/react-router';
import type { Session } from '../session';
import type { Role } from '../../../src/domain/access/roles';

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

/**
 * A beforeLoad that admits only these roles: for the few pages whose endpoints serve one role and that no
 * permission of /me names (the administrator's delivery log).
 */
export function requireRole(...roles: Role[]) {
  return ({ context }: { context: RouterContext }) => {
    const role = context.session?.me.role;
    if (!role || !roles.includes(role)) throw new ForbiddenError(`role:${roles.join('|')}`);
  };
}

/** A path id that is not a positive integer is an unknown page (404), as the old patterns (\d+) made it. */
export function requireNumericId(params: { id: string }): void {
  if (!/^\d+$/.test(params.id)) throw notFound();
}
