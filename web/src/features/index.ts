// The web route list: every feature of the web app, in menu order. The menu (NAV_ITEMS), the route tree
// (routes/tree.tsx) and the bundled messages (locales/index.ts) are assembled from it, so adding a feature
// is its folder (features/<name>/index.tsx, see feature.ts) and one line here.
import type { AnyRoute } from '@tanstack/react-router';
import type { NavItem } from '../layout/nav';
import type { RootRoute } from '../routes/root';
import { admin } from './admin';
import { dashboard } from './dashboard';
import { deals } from './deals';
import { enterprises } from './enterprises';
import { imports } from './imports';
import { lights } from './lights';
import { projects } from './projects';
import { race } from './race';
import { reports } from './reports';
import { tickets } from './tickets';
import { work } from './work';

export const FEATURES = [
  work,
  dashboard,
  projects,
  imports,
  lights,
  reports,
  race,
  enterprises,
  tickets,
  deals,
  admin,
] as const;

/** The menu, every feature's entries in the list's order. */
export const NAV_ITEMS: readonly NavItem[] = FEATURES.flatMap((feature) => feature.nav);

/** The permission of the menu entry at `path` (undefined when every signed-in user sees it). */
export function navPermission(path: string): string | undefined {
  return NAV_ITEMS.find((item) => item.path === path)?.permission;
}

/** The features' routes, one tuple in the list's order: the router's typed paths and search params come from it. */
type RoutesOf<F extends readonly unknown[]> = F extends readonly [
  { routes: (root: RootRoute) => infer R extends readonly AnyRoute[] },
  ...infer Rest,
]
  ? readonly [...R, ...RoutesOf<Rest>]
  : readonly [];

/** The features' routes as children of `root`, in the list's order. */
export function featureRoutes(root: RootRoute): RoutesOf<typeof FEATURES> {
  // flatMap cannot tell the tuple's type; RoutesOf does, from the same list in the same order.
  return FEATURES.flatMap((feature): readonly AnyRoute[] => feature.routes(root)) as unknown as RoutesOf<
    typeof FEATURES
  >;
}
