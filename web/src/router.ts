// The app's router: TanStack Router over the browser history, with the code-based tree of routes/tree.tsx.
import { createRouter } from '@tanstack/react-router';
import { routeTree } from './routes/tree';
import { parseSearch, stringifySearch } from './routes/search';

export const router = createRouter({
  routeTree,
  context: { session: null },
  parseSearch,
  stringifySearch,
  // Moving between two projects (or races, bulletins) starts the page afresh, as a new page would.
  defaultRemountDeps: ({ params }) => params,
  defaultPreload: 'intent',
});

declare module '@tanstack/react-router' {
  interface Register {
    router: typeof router;
  }
}

/**
 * Goes to an in-app address given as text (path and query), e.g. a link a page composed;
 * replace keeps the back button from returning to a redirect or a filter change.
 */
export function navigate(href: string, options: { replace?: boolean } = {}): void {
  void router.navigate({ href, replace: options.replace, resetScroll: !options.replace });
}
