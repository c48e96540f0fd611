import { createContext, useContext } from 'react';
import type { Me } from './api';

/** The signed-in user and what they may do, as answered by GET /api/v1/me. */
export interface Session {
  me: Me;
  permissions: string[];
  grantableRoles: string[];
  /** True when the user holds the permission (e.g. 'unit.manage'). */
  can: (permission: string) => boolean;
  /** Reloads /me, e.g. after the user's own record changed. */
  refresh: () => Promise<void>;
  signOut: () => Promise<void>;
}

export const SessionContext = createContext<Session | null>(null);

/** The session; only used inside the signed-in layout, where it always exists. */
export function useSession(): Session {
  const session = useContext(SessionContext);
  if (!session) throw new Error('useSession outside the signed-in app');
  return session;
}

const PERMISSIONS_KEY = 'lantern.permissions';

/**
 * What the last person signed in on this browser could do, kept only to guess which figures a page will
 * want before /me answers (App's prefetch). It grants nothing: the server decides every request, and a
 * wrong guess only fetches what the page then does not read.
 */
export function rememberPermissions(permissions: string[] | null): void {
  try {
    if (permissions) localStorage.setItem(PERMISSIONS_KEY, JSON.stringify(permissions));
    else localStorage.removeItem(PERMISSIONS_KEY);
  } catch {
    // Private mode without storage: nothing is guessed next time.
  }
}

/** The remembered permissions as a check, or null when none are kept. */
export function rememberedCan(): ((permission: string) => boolean) | null {
  try {
    const kept: unknown = JSON.parse(localStorage.getItem(PERMISSIONS_KEY) ?? 'null');
    if (!Array.isArray(kept)) return null;
    return (permission) => kept.includes(permission);
  } catch {
    return null;
  }
}
