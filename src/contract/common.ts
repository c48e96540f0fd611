import { z } from 'zod';
import { ROLES } from '../domain/access/roles.ts';
import { UNIT_KINDS } from '../domain/units/unit-tree.ts';

/**
 * Pieces of the HTTP contract shared by several features: ids in the path, the one error shape,
 * amounts in 万元, the signed-in person. Each feature's operations live in their own file beside this one.
 */
/** The largest id a table holds (PostgreSQL's integer): a larger one is a 400, never the database's error. */
export const MAX_ID = 2_147_483_647;
export const idParams = z.object({ id: z.coerce.number().int().positive().max(MAX_ID) });

/** Every failure: `{ error: { code, message, field? } }`, the message in the caller's language. */
export const errorBody = z.object({
  error: z.object({ code: z.string(), message: z.string(), field: z.string().optional() }),
});
export type ErrorBody = z.infer<typeof errorBody>;

export const roleSchema = z.enum(ROLES);
export const unitKindSchema = z.enum(UNIT_KINDS);
export const usernameSchema = z
  .string()
  .trim()
  .min(3)
  .max(40)
  .regex(/^[A-Za-z0-9_.-]+$/, 'letters, digits, _ . -');
/** Length in UTF-16 units here; the server's password policy (src/domain/access/password-policy.ts) counts characters. */
export const passwordSchema = z.string().min(12).max(512);
export const displayNameSchema = z.string().trim().min(1).max(60);

/** The signed-in person returned by sign-in, setup and /me. */
export const meSchema = z.object({
  id: z.number(),
  username: z.string(),
  displayName: z.string(),
  role: roleSchema,
  unitId: z.number(),
  unitName: z.string(),
  locale: z.string().nullable(),
});
export type Me = z.infer<typeof meSchema>;

/**
 * An amount in 万元 as a person writes it: decimal text ("1234.5678", "1,234.5") or a JSON number
 * (176.35, read as the decimal it was written as). Services convert it to integer 元 with parseWan
 * (src/domain/money/money.ts), which refuses — naming the field, storing nothing — an amount finer
 * than one 元 (more than 4 decimals, 0.00005 or 1234.56785), negative, or above 1 万亿元; it never rounds.
 */
export const wanAmount = z
  .union([z.number(), z.string().max(30)])
  .describe('万元, at most 4 decimals (one 元); as text or a number; finer amounts are refused, never rounded');

/** A year and a month as query parameters. */
export const yearParam = z.coerce.number().int().min(2000).max(2100);
export const monthParam = z.coerce.number().int().min(1).max(12);
/** 截至: a local date (end of that day in the county) or an ISO timestamp; checked by the service. */
export const asOfParam = z.string().max(40).optional();
/** The language of a downloaded file: a link cannot set Accept-Language, so the page names the one it shows. */
export const fileLangParam = z.enum(['zh-CN', 'en']).optional();

export const standardErrors = { 400: errorBody, 401: errorBody, 403: errorBody, 404: errorBody, 409: errorBody };
export const noContent = z.null().describe('No content');

/** A plain acknowledgement: `{ ok: true }`. */
export const okBody = z.object({ ok: z.literal(true) });

/** The content types of the files the API sends, declared in the OpenAPI document instead of a JSON schema. */
export const FILE_TYPES = {
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  pdf: 'application/pdf',
  zip: 'application/zip',
  jpeg: 'image/jpeg',
  png: 'image/png',
  webp: 'image/webp',
} as const;

/** A file's bytes: `{ type: string, format: binary }` in OpenAPI; typed as what a handler sends (a buffer or a stream). */
const binary = z.file() as unknown as z.ZodType<Uint8Array | { pipe(...args: never[]): unknown }>;

/**
 * A JSON body the handler streams as it is read (Fastify sends a stream unserialized): documented by
 * `schema`, typed as the stream the handler sends.
 */
export const streamedJson = <T extends z.ZodType>(schema: T) =>
  schema as unknown as z.ZodType<z.output<T> | { pipe(...args: never[]): unknown }>;

/**
 * A file download as an OpenAPI response: its content type and a binary body, no JSON schema.
 * Fastify sends the handler's buffer or stream as it is, without serializing it.
 */
export function fileResponse(description: string, ...types: (keyof typeof FILE_TYPES)[]) {
  return { description, content: Object.fromEntries(types.map((t) => [FILE_TYPES[t], { schema: binary }])) };
}
