// Monthly-report queries and what a change to a report makes stale.
import { queryOptions } from '@tanstack/react-query';
import type { Id } from '../../api';
import { reportPhotosApi, reportsApi, type ReportPhoto } from '../../api-reports';
import { queryClient } from '../../queries/client';
import { countyNow } from '../../today';
import { assessedPeriod } from '../../../../src/domain/lights/period';

/**
 * What the reports page reads for whom: 本月待报 for those who file or review, 各单位报送情况 for those who
 * review or only read; the month's revisions go with the to-do list (their return reasons, corrections).
 */
export function reportMonthWants(can: (permission: string) => boolean) {
  const canFile = can('report.file');
  const canReview = can('report.review');
  return { wantTodo: canFile || canReview, wantStatus: canReview || !canFile };
}

/** The month just ended: the one the reports page opens on when the address names none. */
export function previousMonth(): { year: number; month: number } {
  return assessedPeriod(countyNow().format('YYYY-MM-DD'));
}

/**
 * The page's answers are fresh for a few seconds: the route asks for them as it is entered (index.tsx),
 * and the page, mounting a moment later, reads those instead of asking again. A change to a report
 * still reads them again at once (invalidateReports).
 */
const JUST_ASKED_MS = 5_000;

/** One month's 本月待报 and 各单位报送情况, fetched together as the reports page shows them. */
export const reportMonthQuery = (year: number, month: number, wantTodo: boolean, wantStatus: boolean) =>
  queryOptions({
    queryKey: ['reports', 'month', { year, month, wantTodo, wantStatus }] as const,
    queryFn: async () => {
      const [todo, status] = await Promise.all([
        wantTodo ? reportsApi.toFile({ year, month }) : Promise.resolve(null),
        wantStatus ? reportsApi.status({ year, month }) : Promise.resolve(null),
      ]);
      return { todo, status };
    },
    staleTime: JUST_ASKED_MS,
  });

/**
 * Entering the reports page: its month's lists, and (beside them, not after the to-do list arrives) the
 * month's revisions, asked for at once while the page's code is still downloading.
 */
export function prefetchReportMonth(period: { year?: number; month?: number }, can: (permission: string) => boolean) {
  const { year, month } =
    period.year !== undefined && period.month !== undefined
      ? { year: period.year, month: period.month }
      : previousMonth();
  const { wantTodo, wantStatus } = reportMonthWants(can);
  void queryClient.prefetchQuery(reportMonthQuery(year, month, wantTodo, wantStatus));
  if (wantTodo) void queryClient.prefetchQuery(monthRevisionsQuery(year, month));
}

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
    staleTime: JUST_ASKED_MS,
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
