// Monthly-report queries and what a change to a report makes stale.
import { reportsApi } from '../../api-reports';
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
