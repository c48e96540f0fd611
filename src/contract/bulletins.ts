import { MAX_ID } from './common.ts';
/**
 * 晾晒通报: the first draft, the check before publishing, publishing (the ranking frozen), corrections,
 * and the published bulletins with the digests of their Word, PDF and Excel files.
 */
import { z } from 'zod';
import { indicatorKey, periodTotals, rankingTables, redProjectLine } from './race.ts';

const period = { year: z.coerce.number().int().min(2000).max(2100), period: z.coerce.number().int().min(1).max(12) };
export const bulletinPeriodQuery = z.object(period);
export const bulletinListQuery = z.object({ raceId: z.coerce.number().int().positive().max(MAX_ID).optional() });

/** A first draft in the house style, for the coordinator to edit before publishing. */
export const bulletinDraft = z.object({
  title: z.string(),
  docNumber: z.string(),
  issuer: z.string(),
  commentary: z.string(),
});
export type BulletinDraft = z.infer<typeof bulletinDraft>;

/** The defaults of a correction: the corrected bulletin, its title and next 文号, and a fresh draft of the text. */
export const correctionDraft = bulletinDraft.extend({
  corrects: z.object({ id: z.number(), title: z.string(), docNumber: z.string() }),
  raceId: z.number(),
  year: z.number(),
  period: z.number(),
});
export type CorrectionDraft = z.infer<typeof correctionDraft>;

export const publishBody = z.strictObject({
  raceId: z.number().int().positive().max(MAX_ID),
  ...period,
  title: z.string().trim().min(2).max(200),
  docNumber: z.string().trim().min(1).max(100),
  commentary: z.string().trim().min(1).max(20000),
  acknowledged: z
    .boolean()
    .optional()
    .describe('true: publish although the check before publishing found problems (GET …/publish-check)'),
});
export type PublishBody = z.infer<typeof publishBody>;

export const correctionBody = z.strictObject({
  reason: z.string().trim().min(2).max(500),
  title: z.string().trim().min(2).max(200).optional(),
  docNumber: z.string().trim().min(1).max(100).optional(),
  commentary: z.string().trim().min(1).max(20000).optional(),
  acknowledged: z.boolean().optional(),
});
export type CorrectionBody = z.infer<typeof correctionBody>;

/** The check before publishing: whether it is possible at all, whether it needs acknowledging, each finding. */
export const publishCheck = z.object({
  raceId: z.number(),
  period: z.object({ kind: z.string(), year: z.number(), index: z.number(), label: z.string() }),
  /** False while a blocking finding stands (period not ended, weights not 100). */
  canPublish: z.boolean(),
  /** True when publishing needs `acknowledged: true`. */
  needsAcknowledgement: z.boolean(),
  items: z.array(
    z.object({
      code: z.enum(['PERIOD_NOT_ENDED', 'WEIGHTS_NOT_100', 'NO_TARGET', 'BAD_TARGET', 'NO_VALUE', 'GROUP_TOO_SMALL']),
      blocking: z.boolean(),
      message: z.string(),
      indicator: indicatorKey.nullable(),
      group: z.string().nullable(),
      units: z.array(z.object({ unitId: z.number(), name: z.string() })),
    }),
  ),
});
export type PublishCheck = z.infer<typeof publishCheck>;

export const bulletinSummary = z.object({
  id: z.number(),
  raceId: z.number(),
  raceName: z.string(),
  title: z.string(),
  docNumber: z.string(),
  periodLabel: z.string(),
  year: z.number(),
  periodKind: z.string(),
  periodIndex: z.number(),
  publishedBy: z.string(),
  publishedAt: z.string(),
  /** False once a correction (更正通报) superseded it. */
  isCurrent: z.boolean(),
  /** On a correction: what it corrects and why. */
  corrects: z.object({ id: z.number(), title: z.string(), docNumber: z.string(), reason: z.string() }).nullable(),
  /** On a superseded bulletin: the correction, its reason and when it was issued. */
  supersededBy: z
    .object({ id: z.number(), title: z.string(), docNumber: z.string(), reason: z.string(), at: z.string() })
    .nullable(),
});
export type BulletinSummary = z.infer<typeof bulletinSummary>;
export const bulletinsResponse = z.object({ items: z.array(bulletinSummary) });

/** A published file's SHA-256 (hex) and size: every download of the bulletin gives exactly these bytes. */
export const bulletinFileDigest = z.object({ sha256: z.string(), bytes: z.number() });
export type BulletinFileDigest = z.infer<typeof bulletinFileDigest>;

/** A bulletin as published; GET /bulletins/:id adds its files (a PDF is null while the server has no CJK font). */
export const bulletinView = bulletinSummary.extend({
  issuer: z.string(),
  commentary: z.string(),
  ranking: rankingTables,
  redProjects: z.array(redProjectLine),
  totals: periodTotals,
  files: z
    .object({
      docx: bulletinFileDigest.nullable(),
      pdf: bulletinFileDigest.nullable(),
      xlsx: bulletinFileDigest.nullable(),
    })
    .optional(),
});
export type BulletinView = z.infer<typeof bulletinView>;
