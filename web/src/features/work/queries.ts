// The notices of the signed-in person, and what a reminder or a read mark makes stale.
import { queryOptions } from '@tanstack/react-query';
import { noticesApi } from '../../api-notices';
import { queryClient } from '../../queries/client';

/** The signed-in person's unread notices; read again when they come back to the tab. */
export const noticesQuery = queryOptions({
  queryKey: ['notices'],
  queryFn: () => noticesApi.unread(),
  refetchOnWindowFocus: true,
  staleTime: 60_000,
});

export const invalidateNotices = () => queryClient.invalidateQueries({ queryKey: ['notices'] });
