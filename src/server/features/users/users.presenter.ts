import type { User } from '../../../contract/users.ts';
import type { UserWithUnit } from './users.repository.ts';

/** A user as the API returns it; the password hash never leaves the server. */
export function presentUser(u: UserWithUnit): User {
  return {
    id: u.id,
    username: u.username,
    displayName: u.display_name,
    role: u.role,
    unitId: u.unit_id,
    unitName: u.unit_name,
    enterpriseId: u.enterprise_id,
    isActive: u.is_active === 1,
    createdAt: u.created_at,
  };
}

export type UserDto = User;
