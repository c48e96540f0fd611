/** 审计日志: who changed what and when, newest first, with the object before and after. */
import { z } from 'zod';
import { AUDIT_ACTIONS, AUDIT_OBJECT_TYPES } from '../domain/audit/audit-labels.ts';
import { MAX_ID } from './common.ts';

export const auditEventSchema = z.object({
  id: z.number(),
  at: z.string(),
  actorId: z.number().nullable(),
  actorName: z.string(),
  action: z.string().describe('an action of src/domain/audit/audit-labels.ts (its label there)'),
  objectType: z.string().describe('an object type of src/domain/audit/audit-labels.ts'),
  objectId: z.string(),
  /** The unit the object belongs to, when it belongs to one that still exists. */
  unitName: z.string().nullable(),
  summary: z.string(),
  before: z.unknown(),
  after: z.unknown(),
});
export type AuditEvent = z.output<typeof auditEventSchema>;

const flag = z.enum(['true', 'false']).transform((v) => v === 'true');

/** What the list and the export are filtered by. */
export const auditFilterQuery = z.object({
  objectType: z.enum(AUDIT_OBJECT_TYPES).optional(),
  objectId: z.string().max(40).optional(),
  action: z.enum(AUDIT_ACTIONS).optional(),
  userId: z.coerce.number().int().positive().max(MAX_ID).optional(),
  from: z.iso.datetime({ offset: true }).or(z.iso.date()).optional(),
  to: z.iso.datetime({ offset: true }).or(z.iso.date()).optional(),
  includeSignIns: flag
    .optional()
    .describe('sign-ins and failed sign-ins are left out unless true (or asked for by action or objectType)'),
});
export type AuditFilterQuery = z.output<typeof auditFilterQuery>;

export const auditQuery = auditFilterQuery.extend({
  page: z.coerce
    .number()
    .int()
    .min(1)
    .max(100_000)
    .optional()
    .describe('offset paging: the page to show (from 1), `pageSize` events each; not with `cursor`'),
  pageSize: z.coerce.number().int().min(1).max(200).default(20),
  cursor: z.coerce
    .number()
    .int()
    .positive()
    .max(MAX_ID)
    .optional()
    .describe('keyset paging: the nextCursor of the previous page; `limit` events each'),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});
export type AuditQuery = z.output<typeof auditQuery>;

export const auditResponse = z.object({
  items: z.array(auditEventSchema),
  nextCursor: z.string().nullable(),
  /** Every event matching the filters, whatever the page. */
  total: z.number().int(),
  /** The page shown when paged by `page`, else null. */
  page: z.number().int().nullable(),
});
export type AuditResponse = z.output<typeof auditResponse>;

/** The export takes the list's filters; it holds at most AUDIT_EXPORT_MAX_ROWS events. */
export const auditExportQuery = auditFilterQuery;
