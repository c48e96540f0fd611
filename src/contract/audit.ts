import { MAX_ID } from './common.ts';
/** 审计日志: who changed what and when, newest first, with the object before and after. */
import { z } from 'zod';

export const auditEventSchema = z.object({
  id: z.number(),
  at: z.string(),
  actorId: z.number().nullable(),
  actorName: z.string(),
  action: z.string(),
  objectType: z.string(),
  objectId: z.string(),
  summary: z.string(),
  before: z.unknown(),
  after: z.unknown(),
});
export type AuditEvent = z.output<typeof auditEventSchema>;

export const auditQuery = z.object({
  objectType: z.string().max(40).optional(),
  objectId: z.string().max(40).optional(),
  userId: z.coerce.number().int().positive().max(MAX_ID).optional(),
  from: z.iso.datetime({ offset: true }).or(z.iso.date()).optional(),
  to: z.iso.datetime({ offset: true }).or(z.iso.date()).optional(),
  cursor: z.coerce.number().int().positive().max(MAX_ID).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});

export const auditResponse = z.object({ items: z.array(auditEventSchema), nextCursor: z.string().nullable() });
export type AuditResponse = z.output<typeof auditResponse>;
