/** 用户: the accounts a unit administrator sees and manages; the password never comes back. */
import { z } from 'zod';
import { displayNameSchema, passwordSchema, roleSchema, usernameSchema, MAX_ID } from './common.ts';

export const userSchema = z.object({
  id: z.number(),
  username: z.string(),
  displayName: z.string(),
  role: z.string(),
  unitId: z.number(),
  unitName: z.string(),
  /** The enterprise an enterprise account belongs to; null for every other role. */
  enterpriseId: z.number().nullable(),
  isActive: z.boolean(),
  createdAt: z.string(),
});
export type User = z.output<typeof userSchema>;

export const userListQuery = z.object({
  unitId: z.coerce.number().int().positive().max(MAX_ID).optional(),
  q: z.string().trim().max(40).optional(),
});
export const userListResponse = z.object({ items: z.array(userSchema) });
export type UserListResponse = z.output<typeof userListResponse>;

export const userCreateBody = z.strictObject({
  username: usernameSchema,
  displayName: displayNameSchema,
  password: passwordSchema,
  role: roleSchema,
  unitId: z.number().int().positive().max(MAX_ID),
  /** The enterprise of an enterprise account (role `enterprise`; unlinked, it sees nothing); refused for other roles. */
  enterpriseId: z.number().int().positive().max(MAX_ID).nullable().optional(),
});
export type UserCreateBody = z.input<typeof userCreateBody>;

export const userUpdateBody = z.strictObject({
  displayName: displayNameSchema.optional(),
  role: roleSchema.optional(),
  unitId: z.number().int().positive().max(MAX_ID).optional(),
  enterpriseId: z.number().int().positive().max(MAX_ID).nullable().optional(),
  isActive: z.boolean().optional(),
  password: passwordSchema.optional(),
});
export type UserUpdateBody = z.input<typeof userUpdateBody>;
