/** 登录: sign in and out, and the signed-in person with what they may do. */
import { z } from 'zod';
import { meSchema } from './common.ts';

export const signInBody = z.strictObject({
  username: z.string().trim().min(1).max(40),
  password: z.string().min(1).max(200),
});
export type SignInBody = z.input<typeof signInBody>;

/** What sign-in answers: the person and the CSRF token to send on writes. */
export const signedIn = z.object({ user: meSchema, csrfToken: z.string() });
export type SignedIn = z.output<typeof signedIn>;

/**
 * GET /me: the person, the CSRF token, their permissions, the roles they may give others, and the county's
 * date today (its time zone, the server's clock), from which the pages' default month and year are taken.
 */
export const meResponse = signedIn.extend({
  permissions: z.array(z.string()),
  grantableRoles: z.array(z.string()),
  today: z.iso.date().describe("the county's local date today, YYYY-MM-DD"),
});
export type MeResponse = z.output<typeof meResponse>;
