/** 单位: the unit tree, flat, with the counts of children and users of each unit. */
import { z } from 'zod';
import { unitKindSchema, MAX_ID } from './common.ts';

export const unitSchema = z.object({
  id: z.number(),
  parentId: z.number().nullable(),
  name: z.string(),
  kind: z.string(),
  regionCode: z.string().nullable(),
  depth: z.number(),
  sortOrder: z.number(),
  childCount: z.number(),
  userCount: z.number(),
});
export type Unit = z.output<typeof unitSchema>;

export const unitListResponse = z.object({ items: z.array(unitSchema) });
export type UnitListResponse = z.output<typeof unitListResponse>;

const unitName = z.string().trim().min(1).max(50);
const sortOrder = z.number().int().min(0).max(100000);

export const unitCreateBody = z.strictObject({
  parentId: z.number().int().positive().max(MAX_ID),
  name: unitName,
  kind: unitKindSchema,
  regionCode: z
    .string()
    .regex(/^\d{6,12}$/)
    .nullish(),
  sortOrder: sortOrder.optional(),
});
export type UnitCreateBody = z.input<typeof unitCreateBody>;

export const unitUpdateBody = z.strictObject({
  name: unitName.optional(),
  kind: unitKindSchema.optional(),
  parentId: z.number().int().positive().max(MAX_ID).optional(),
  sortOrder: sortOrder.optional(),
});
export type UnitUpdateBody = z.input<typeof unitUpdateBody>;
