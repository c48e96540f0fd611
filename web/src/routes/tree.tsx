// The route tree, written in code: one route per page, each page its own lazily loaded chunk.
// Guards repeat the menu entry's permission (nav.tsx) for the pages below it, plus their own.
import { createRootRouteWithContext, createRoute, lazyRouteComponent } from '@tanstack/react-router';
import { navPermission } from '../layout/nav';
import { requireNumericId, requirePermissions, type RouterContext } from './guards';
import { RootError, RootLayout, RootNotFound } from './RootLayout';
import {
  bulletinsSearch,
  dashboardSearch,
  importsSearch,
  periodSearch,
  projectListSearch,
  projectListsSearch,
  recordsSearch,
  reportsSearch,
  targetsSearch,
} from './searchSchemas';

const rootRoute = createRootRouteWithContext<RouterContext>()({
  component: RootLayout,
  errorComponent: RootError,
  notFoundComponent: RootNotFound,
});

// '/', '/login' and '/setup' belong to App, which sends a signed-in user on; nothing renders here meanwhile.
const empty = () => null;
const publicRoutes = [
  createRoute({ getParentRoute: () => rootRoute, path: '/', component: empty }),
  createRoute({ getParentRoute: () => rootRoute, path: '/login', component: empty }),
  createRoute({ getParentRoute: () => rootRoute, path: '/setup', component: empty }),
];

/** A route under a menu entry: guarded by the entry's permission and `permission`. */
function page<TPath extends string>(path: TPath, entry: string, permission?: string) {
  return {
    getParentRoute: () => rootRoute,
    path,
    beforeLoad: requirePermissions(navPermission(entry), permission),
  } as const;
}

const idGuard = (entry: string, permission?: string) => {
  const guard = requirePermissions(navPermission(entry), permission);
  return (opts: { context: RouterContext; params: { id: string } }) => {
    requireNumericId(opts.params);
    guard(opts);
  };
};

const dashboardRoute = createRoute({
  ...page('/dashboard', '/dashboard'),
  validateSearch: dashboardSearch,
  component: lazyRouteComponent(() => import('../pages/dashboard/DashboardPage'), 'DashboardPage'),
});

const projectsRoute = createRoute({
  ...page('/projects', '/projects'),
  validateSearch: projectListSearch,
  component: lazyRouteComponent(() => import('../pages/projects/ProjectListPage'), 'ProjectListPage'),
});
const projectFormPage = lazyRouteComponent(() => import('../pages/projects/ProjectFormPage'), 'ProjectFormPage');
const projectNewRoute = createRoute({
  ...page('/projects/new', '/projects', 'project.manage'),
  component: projectFormPage,
});
const projectRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/projects/$id',
  beforeLoad: idGuard('/projects'),
  component: lazyRouteComponent(() => import('../pages/projects/ProjectDetailPage'), 'ProjectDetailPage'),
});
const projectEditRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/projects/$id/edit',
  beforeLoad: idGuard('/projects', 'project.manage'),
  component: projectFormPage,
});

const projectListsRoute = createRoute({
  ...page('/project-lists', '/project-lists'),
  validateSearch: projectListsSearch,
  component: lazyRouteComponent(() => import('../pages/projects/ProjectListsPage'), 'ProjectListsPage'),
});
const importsRoute = createRoute({
  ...page('/imports', '/imports'),
  validateSearch: importsSearch,
  component: lazyRouteComponent(() => import('../pages/imports/ImportsPage'), 'ImportsPage'),
});
const lightRulesRoute = createRoute({
  ...page('/light-rules', '/light-rules'),
  component: lazyRouteComponent(() => import('../pages/lights/LightRulesPage'), 'LightRulesPage'),
});
const reportsRoute = createRoute({
  ...page('/reports', '/reports'),
  validateSearch: reportsSearch,
  component: lazyRouteComponent(() => import('../pages/reports/ReportsPage'), 'ReportsPage'),
});
const targetsRoute = createRoute({
  ...page('/targets', '/targets'),
  validateSearch: targetsSearch,
  component: lazyRouteComponent(() => import('../pages/targets/TargetsPage'), 'TargetsPage'),
});

const racesRoute = createRoute({
  ...page('/races', '/races'),
  component: lazyRouteComponent(() => import('../pages/race/RacesPage'), 'RacesPage'),
});
const raceEditorPage = lazyRouteComponent(() => import('../pages/race/RaceEditorPage'), 'RaceEditorPage');
const raceNewRoute = createRoute({ ...page('/races/new', '/races', 'race.manage'), component: raceEditorPage });
const rankingRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/races/$id',
  beforeLoad: idGuard('/races'),
  validateSearch: periodSearch,
  component: lazyRouteComponent(() => import('../pages/race/RankingPage'), 'RankingPage'),
});
const recordsRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/races/$id/records',
  beforeLoad: idGuard('/races'),
  validateSearch: recordsSearch,
  component: lazyRouteComponent(() => import('../pages/race/RankingRecordsPage'), 'RankingRecordsPage'),
});
const raceEditRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/races/$id/edit',
  beforeLoad: idGuard('/races', 'race.manage'),
  component: raceEditorPage,
});

const bulletinsRoute = createRoute({
  ...page('/bulletins', '/bulletins'),
  validateSearch: bulletinsSearch,
  component: lazyRouteComponent(() => import('../pages/race/BulletinsPage'), 'BulletinsPage'),
});
const bulletinRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/bulletins/$id',
  beforeLoad: idGuard('/bulletins'),
  component: lazyRouteComponent(() => import('../pages/race/BulletinDetailPage'), 'BulletinDetailPage'),
});

const unitsRoute = createRoute({
  ...page('/units', '/units'),
  component: lazyRouteComponent(() => import('../pages/UnitsPage'), 'UnitsPage'),
});
const usersRoute = createRoute({
  ...page('/users', '/users'),
  component: lazyRouteComponent(() => import('../pages/UsersPage'), 'UsersPage'),
});
const auditRoute = createRoute({
  ...page('/audit', '/audit'),
  component: lazyRouteComponent(() => import('../pages/AuditPage'), 'AuditPage'),
});
const tokensRoute = createRoute({
  ...page('/tokens', '/tokens'),
  component: lazyRouteComponent(() => import('../pages/TokensPage'), 'TokensPage'),
});

export const routeTree = rootRoute.addChildren([
  ...publicRoutes,
  dashboardRoute,
  projectsRoute,
  projectNewRoute,
  projectRoute,
  projectEditRoute,
  projectListsRoute,
  importsRoute,
  lightRulesRoute,
  reportsRoute,
  targetsRoute,
  racesRoute,
  raceNewRoute,
  rankingRoute,
  recordsRoute,
  raceEditRoute,
  bulletinsRoute,
  bulletinRoute,
  unitsRoute,
  usersRoute,
  auditRoute,
  tokensRoute,
]);
