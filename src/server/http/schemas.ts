import { z } from 'zod';
import { ROLES } from '../../domain/access/roles.ts';
import { UNIT_KINDS } from '../../domain/units/unit-tree.ts';

/** Request and response schemas shared by several features. Each feature keeps its own beside its routes. */
export const idParams = z.object({ id: z.coerce.number().int().positive() });

export const errorBody = z.object({
  error: z.object({ code: z.string(), message: z.string(), field: z.string().optional() }),
});

export const roleSchema = z.enum(ROLES);
export const unitKindSchema = z.enum(UNIT_KINDS);
export const usernameSchema = z
  .string()
  .trim()
  .min(3)
  .max(40)
  .regex(/^[A-Za-z0-9_.-]+$/, 'letters, digits, _ . -');
export const passwordSchema = z.string().min(10).max(200);
export const displayNameSchema = z.string().trim().min(1).max(60);

export const meSchema = z.object({
  id: z.number(),
  username: z.string(),
  displayName: z.string(),
  role: roleSchema,
  unitId: z.number(),
  unitName: z.string(),
  locale: z.string().nullable(),
});

/** The shape of the signed-in person returned by sign-in, setup and /me. */
export function presentMe(actor: {
  id: number;
  username: string;
  displayName: string;
  role: z.infer<typeof roleSchema>;
  unitId: number;
  unitName: string;
  locale: string | null;
}) {
  return {
    id: actor.id,
    username: actor.username,
    displayName: actor.displayName,
    role: actor.role,
    unitId: actor.unitId,
    unitName: actor.unitName,
    locale: actor.locale,
  };
}

/**
 * An amount in 万元 as a person writes it: decimal text ("1234.5678", "1,234.5") or a JSON number
 * (176.35, read as the decimal it was written as). Services convert it to integer 元 with parseWan
 * (src/domain/money/money.ts), which refuses — naming the field, storing nothing — an amount finer
 * than one 元 (more than 4 decimals, 0.00005 or 1234.56785), negative, or above 1 万亿元; it never rounds.
 */
export const wanAmount = z
  .union([z.number(), z.string().max(30)])
  .describe('万元, at most 4 decimals (one 元); as text or a number; finer amounts are refused, never rounded');

export const standardErrors = { 400: errorBody, 401: errorBody, 403: errorBody, 404: errorBody, 409: errorBody };
export const noContent = z.null().describe('No content');
