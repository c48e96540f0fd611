/** API 令牌: a person's tokens for scripts; the secret is shown once, when it is created. */
import { z } from 'zod';
import { TOKEN_DEFAULT_DAYS, TOKEN_MAX_DAYS, TOKEN_WRITABLE } from '../domain/access/token-scope.ts';

export const tokenWritableSchema = z.enum(TOKEN_WRITABLE);

export const tokenSchema = z.object({
  id: z.number(),
  name: z.string(),
  createdAt: z.string(),
  lastUsedAt: z.string().nullable(),
  /** After this instant the token is refused. */
  expiresAt: z.string(),
  /** The resources the token may change (within its owner's role); empty: read-only. */
  writes: z.array(tokenWritableSchema),
});
export type ApiToken = z.output<typeof tokenSchema>;

export const tokenListResponse = z.object({ items: z.array(tokenSchema) });
export type TokenListResponse = z.output<typeof tokenListResponse>;

export const tokenCreateBody = z.strictObject({
  name: z.string().trim().min(1).max(60),
  /** Days until it expires: 90 unless said, at most 365. */
  expiresInDays: z.number().int().min(1).max(TOKEN_MAX_DAYS).default(TOKEN_DEFAULT_DAYS),
  /** What it may write; read-only unless said. */
  writes: z.array(tokenWritableSchema).max(TOKEN_WRITABLE.length).default([]),
});
export type TokenCreateBody = z.output<typeof tokenCreateBody>;

/** The new token with its secret, which is never shown again. */
export const createdToken = tokenSchema.omit({ lastUsedAt: true }).extend({ token: z.string() });
export type CreatedToken = z.output<typeof createdToken>;
