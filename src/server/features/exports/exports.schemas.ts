import { z } from 'zod';
import { projectListQuery } from '../../../contract/projects.ts';
import { LIST_EXPORT_COLUMN_KEYS } from './project-list-columns.ts';

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
  unitId: z.coerce.number().int().positive().optional(),
});
