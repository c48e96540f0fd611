// The one query cache of the app. A page shows what it had at once (going back is instant) and asks
// again in the background when opened, as it did before the cache; a mutation invalidates what it changed.
import { QueryClient } from '@tanstack/react-query';

export const queryClient = new QueryClient({
  defaultOptions: {
    queries: {
      staleTime: 0,
      // A 4xx is an answer, not a hiccup: show it at once (the pages show errors as the server words them).
      retry: false,
      refetchOnWindowFocus: false,
    },
  },
});
