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
