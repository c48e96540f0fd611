// Monthly-report queries and what a change to a report makes stale.
import { queryOptions } from '@tanstack/react-query';
import type { Id } from '../../api';
import { reportPhotosApi, reportsApi, type ReportPhoto } from '../../api-reports';
import { queryClient } from '../../queries/client';

/** One month's 本月待报 and 各单位报送情况, fetched together as the reports page shows them. */
export const reportMonthQuery = (year: number, month: number, wantTodo: boolean, wantStatus: boolean) => ({
  queryKey: ['reports', 'month', { year, month, wantTodo, wantStatus }] as const,
  queryFn: async () => {
    const [todo, status] = await Promise.all([
      wantTodo ? reportsApi.toFile({ year, month }) : Promise.resolve(null),
      wantStatus ? reportsApi.status({ year, month }) : Promise.resolve(null),
    ]);
    return { todo, status };
  },
});

/** 本月填报: the month's filing grid (GET /reports/filing). */
export const filingQuery = (year: number, month: number) =>
  queryOptions({
    queryKey: ['reports', 'filing', { year, month }],
    queryFn: () => reportsApi.filing({ year, month }),
  });

/** Every month and revision of one project, newest first (GET /projects/:id/reports). */
export const projectReportsQuery = (projectId: Id) =>
  queryOptions({
    queryKey: ['reports', 'project', String(projectId)],
    queryFn: async () => {
      const result = await reportsApi.forProject(projectId);
      return [...result.items].sort((a, b) => b.year - a.year || b.month - a.month || b.revision - a.revision);
    },
  });

/** Every revision of every report of one month, the projects' return reasons and pending corrections. */
export const monthRevisionsQuery = (year: number, month: number) =>
  queryOptions({
    queryKey: ['reports', 'revisions', { year, month }],
    queryFn: () => reportsApi.ofMonth({ year, month }),
  });

/** One report revision (GET /reports/:id). */
export const reportQuery = (id: Id) =>
  queryOptions({ queryKey: ['reports', 'detail', String(id)], queryFn: () => reportsApi.get(id) });

/** The 现场照片 of one report revision; every strip of the same report shares them. */
export const reportPhotosQuery = (reportId: Id) =>
  queryOptions({
    queryKey: ['reports', 'photos', String(reportId)],
    queryFn: async (): Promise<ReportPhoto[]> => (await reportPhotosApi.list(reportId)).items,
  });

/**
 * After a report was filed, submitted, approved, returned, corrected or imported: the to-do lists and
 * statuses, and what approved reports feed (project progress and lights, the four lists, the dashboard).
 */
export async function invalidateReports(): Promise<void> {
  await Promise.all(
    [['reports'], ['projects'], ['project-lists'], ['dashboard']].map((queryKey) =>
      queryClient.invalidateQueries({ queryKey }),
    ),
  );
}

/**
 * After photos of a report were uploaded or deleted (its strips already hold the new list): every other
 * view of reports, which count the photos, reads again.
 */
export function invalidateReportPhotos(reportId: Id): Promise<void> {
  const photosKey = reportPhotosQuery(reportId).queryKey;
  return queryClient.invalidateQueries({
    queryKey: ['reports'],
    predicate: (query) => query.queryKey[1] !== photosKey[1],
  });
}
