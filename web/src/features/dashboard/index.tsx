// The leaders' dashboard (驾驶舱): the county's figures, lights and the current ranking at a glance.
// Its texts come from the namespaces of the features it shows (projects, lights, race, numbers).
import { DashboardOutlined } from '@ant-design/icons';
import { createRoute, lazyRouteComponent } from '@tanstack/react-router';
import type { NavItem } from '../../layout/nav';
import { dashboardSearch } from '../../routes/searchSchemas';
import { defineFeature, under } from '../feature';

const dashboardEntry: NavItem = { path: '/dashboard', label: 'nav.dashboard', icon: <DashboardOutlined /> };

export const dashboard = defineFeature({
  name: 'dashboard',
  nav: [dashboardEntry],
  routes: (root) => {
    const { page } = under(root, dashboardEntry);
    return [
      createRoute({
        ...page('/dashboard'),
        validateSearch: dashboardSearch,
        // The figures are asked for while the page's code downloads, not after (round trips fewer on a phone).
        // Imported here, not above: the queries import the API client, which the feature list must not.
        loaderDeps: ({ search }) => ({ unitId: search.unitId, asOf: search.asOf ?? null }),
        loader: ({ deps }) => void import('./queries').then((q) => q.prefetchDashboard(deps.unitId, deps.asOf)),
        component: lazyRouteComponent(() => import('../../pages/dashboard/DashboardPage'), 'DashboardPage'),
      }),
    ] as const;
  },
  messages: {},
});
