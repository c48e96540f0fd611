/** API 令牌: a person's tokens for scripts; the secret is shown once, when it is created. */
import { z } from 'zod';

export const tokenSchema = z.object({
  id: z.number(),
  name: z.string(),
  createdAt: z.string(),
  lastUsedAt: z.string().nullable(),
});
export type ApiToken = z.output<typeof tokenSchema>;

export const tokenListResponse = z.object({ items: z.array(tokenSchema) });
export type TokenListResponse = z.output<typeof tokenListResponse>;

export const tokenCreateBody = z.strictObject({ name: z.string().trim().min(1).max(60) });

/** The new token with its secret, which is never shown again. */
export const createdToken = z.object({ id: z.number(), name: z.string(), token: z.string(), createdAt: z.string() });
export type CreatedToken = z.output<typeof createdToken>;
