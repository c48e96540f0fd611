// The route tree, written in code: one route per page, each page its own lazily loaded chunk. The pages are
// the features' (features/index.ts, the web route list); their guards repeat the menu entry's permission.
import { createRoute } from '@tanstack/react-router';
import { featureRoutes } from '../features';
import { rootRoute } from './root';

// '/', '/login' and '/setup' belong to App, which sends a signed-in user on; nothing renders here meanwhile.
const empty = () => null;
const publicRoutes = [
  createRoute({ getParentRoute: () => rootRoute, path: '/', component: empty }),
  createRoute({ getParentRoute: () => rootRoute, path: '/login', component: empty }),
  createRoute({ getParentRoute: () => rootRoute, path: '/setup', component: empty }),
] as const;

export const routeTree = rootRoute.addChildren([...publicRoutes, ...featureRoutes(rootRoute)]);
