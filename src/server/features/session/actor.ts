import type { Actor } from '../../../domain/access/scope.ts';
import { isRole } from '../../../domain/access/roles.ts';
import type { SessionUserRow } from './session.repository.ts';

/** The acting person of a request, with what the audit and the UI need besides the scoping facts. */
export interface ActorContext extends Actor {
  username: string;
  displayName: string;
  unitName: string;
  locale: string | null;
  via: 'session' | 'token';
  /** Present when signed in by cookie: the hash of the session token and its CSRF token. */
  sessionHash?: string;
  csrfToken?: string;
}

export function toActor(row: SessionUserRow, via: ActorContext['via']): ActorContext | null {
  if (!isRole(row.role) || row.is_active !== 1) return null;
  return {
    id: row.id,
    role: row.role,
    unitId: row.unit_id,
    unitPath: row.unit_path,
    enterpriseId: row.enterprise_id,
    username: row.username,
    displayName: row.display_name,
    unitName: row.unit_name,
    locale: row.locale,
    via,
  };
}
