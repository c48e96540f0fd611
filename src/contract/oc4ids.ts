/**
 * 开放数据: the OC4IDS 0.9 project package of the projects the caller may read, streamed, or paged by
 * `limit` and `cursor` (the next page's address in the Link header).
 */
import { z } from 'zod';
import { projectListQuery } from './projects.ts';

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

/**
 * The package as OC4IDS 0.9.5's project-package-schema.json describes it: its own fields, then the
 * projects (each also with the schema's optional fields: period, locations, milestones, metrics…).
 * It is streamed as it is read, so the server does not check it here; the tests check it against the schema.
 */
export const oc4idsPackage = z.object({
  version: z.string(),
  uri: z.string(),
  publishedDate: z.string(),
  publisher: z.object({ name: z.string() }),
  license: z.string().optional(),
  projects: z.array(
    z.looseObject({
      id: z.string(),
      updated: z.string(),
      language: z.string(),
      identifiers: z.array(z.object({ id: z.string(), scheme: z.string() })),
      title: z.string(),
      description: z.string().optional(),
      status: z.string(),
      type: z.string(),
      sector: z.array(z.string()),
      publicAuthority: z.object({ id: z.string(), name: z.string() }),
      budget: z.object({ amount: z.object({ amount: z.number(), currency: z.string() }) }),
    }),
  ),
});
