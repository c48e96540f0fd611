// Import queries: the history of imports, and what starting, checking or committing one makes stale.
import { infiniteQueryOptions } from '@tanstack/react-query';
import { importsApi } from '../../api-imports';
import { queryClient } from '../../queries/client';

const HISTORY_PAGE = 20;

/** 导入记录: past imports the person may see, newest first, paged by cursor (更多). */
export const importHistoryQuery = infiniteQueryOptions({
  queryKey: ['imports', 'history'],
  queryFn: ({ pageParam }) => importsApi.list({ cursor: pageParam, limit: HISTORY_PAGE }),
  initialPageParam: null as string | null,
  getNextPageParam: (page) => page.nextCursor,
});

/** After an import was started, checked or committed: the history reads again. */
export function invalidateImports(): Promise<void> {
  return queryClient.invalidateQueries({ queryKey: ['imports'] });
}
