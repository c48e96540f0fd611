import { MAX_ID } from './common.ts';
/**
 * 导出: the project list and the four lists as .xlsx, and the import templates. The answers are files
 * (fileResponse in ./common.ts); what is written here is what the requests take.
 */
import { z } from 'zod';
import { projectListQuery } from './projects.ts';

/** The columns a list export can show, in the order the OpenAPI document lists them. */
export const LIST_EXPORT_COLUMN_KEYS = [
  'name',
  'code',
  'stage',
  'light',
  'lightReasons',
  'leadUnit',
  'township',
  'industry',
  'level',
  'aboveYi',
  'totalInvestment',
  'plannedStartDate',
  'actualStartDate',
  'plannedProductionDate',
  'actualProductionDate',
  'tags',
  'updatedAt',
] as const;
export type ListExportColumnKey = (typeof LIST_EXPORT_COLUMN_KEYS)[number];

/**
 * GET /projects/export.xlsx takes the list's own filters and sort (so a link to the list becomes a
 * link to its export) and `columns`: the visible columns, in order. Paging is the server's business.
 */
export const projectExportQuery = projectListQuery.omit({ cursor: true, limit: true, withTotal: true }).extend({
  columns: z
    .string()
    .max(500)
    .optional()
    .transform((v) =>
      v
        ? [
            ...new Set(
              v
                .split(',')
                .map((s) => s.trim())
                .filter(Boolean),
            ),
          ]
        : undefined,
    )
    .pipe(z.array(z.enum(LIST_EXPORT_COLUMN_KEYS)).min(1).optional()),
});
export type ProjectExportQuery = z.infer<typeof projectExportQuery>;

export const fourListsExportQuery = z.object({
  year: z.coerce.number().int().min(2000).max(2100).optional(),
  unitId: z.coerce.number().int().positive().max(MAX_ID).optional(),
});
