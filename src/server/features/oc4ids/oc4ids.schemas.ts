import { z } from 'zod';
import { projectListQuery } from '../projects/projects.schemas.ts';

/** The most projects one page may hold; without `limit` the whole selection streams in one package. */
export const OC4IDS_PAGE_MAX = 10_000;

export const oc4idsQuery = projectListQuery.pick({ unitId: true, stage: true }).extend({
  limit: z.coerce.number().int().min(1).max(OC4IDS_PAGE_MAX).optional(),
  cursor: z.string().max(100).optional(),
  download: z
    .enum(['1', '0', 'true', 'false'])
    .optional()
    .transform((v) => v === '1' || v === 'true'),
});
export type Oc4idsQuery = z.infer<typeof oc4idsQuery>;
