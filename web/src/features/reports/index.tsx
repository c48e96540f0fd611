// Monthly reports (月报): what to file (and the month's filing grid), the review queue, each unit's status, and the reports' site photos.
// Its queries are in ./queries.ts.
import { FileDoneOutlined } from '@ant-design/icons';
import { createRoute, lazyRouteComponent } from '@tanstack/react-router';
import type { NavItem } from '../../layout/nav';
import enReportPhotos from '../../locales/en/reportPhotos.json';
import enReports from '../../locales/en/reports.json';
import zhReportPhotos from '../../locales/zh-CN/reportPhotos.json';
import zhReports from '../../locales/zh-CN/reports.json';
import { reportsSearch } from '../../routes/searchSchemas';
import { bilingual, defineFeature, under } from '../feature';

// Everyone signed in: filers see what to file, reviewers the queue and per-unit status, others the status.
const reportsEntry: NavItem = { path: '/reports', label: 'nav.reports', icon: <FileDoneOutlined /> };

export const reports = defineFeature({
  name: 'reports',
  nav: [reportsEntry],
  routes: (root) =>
    [
      createRoute({
        ...under(root, reportsEntry).page('/reports'),
        validateSearch: reportsSearch,
        // The month's answers are asked for while the page's code downloads (round trips fewer on a phone).
        // Imported here, not above: the queries import the API client, which the feature list must not.
        loaderDeps: ({ search }) => search,
        loader: ({ deps, context }) => {
          const can = context.session?.can;
          if (can) void import('./queries').then((q) => q.prefetchReportMonth(deps, can));
        },
        component: lazyRouteComponent(() => import('../../pages/reports/ReportsPage'), 'ReportsPage'),
      }),
      // 本月填报: the month's filing in one grid, for those who file.
      createRoute({
        ...under(root, reportsEntry).page('/reports/filing', 'report.file'),
        validateSearch: reportsSearch,
        component: lazyRouteComponent(() => import('../../pages/reports/filing/FilingPage'), 'FilingPage'),
      }),
    ] as const,
  messages: {
    reports: bilingual(zhReports, enReports),
    reportPhotos: bilingual(zhReportPhotos, enReportPhotos),
  },
});
