// The root of the route tree: the signed-in frame, and what shows instead of a page (403, 404, an error).
// The features' routes hang below it (features/index.ts); routes/tree.tsx assembles them.
import { createRootRouteWithContext } from '@tanstack/react-router';
import type { RouterContext } from './guards';
import { RootError, RootLayout, RootNotFound } from './RootLayout';

export const rootRoute = createRootRouteWithContext<RouterContext>()({
  component: RootLayout,
  errorComponent: RootError,
  notFoundComponent: RootNotFound,
});

/** The root route's type, which each feature's routes name as their parent. */
export type RootRoute = typeof rootRoute;
