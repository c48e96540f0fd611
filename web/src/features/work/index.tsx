// The coordinator's work list (工作台): reports to review, units not yet filed (with 催报), red projects new
// this month and imports in progress; and the notices (通知) every signed-in person sees on their pages.
// Its queries are in ./queries.ts; its messages in web/src/locales/<lang>/work.json.
import { ScheduleOutlined } from '@ant-design/icons';
import { createRoute, lazyRouteComponent } from '@tanstack/react-router';
import type { NavItem } from '../../layout/nav';
import enWork from '../../locales/en/work.json';
import zhWork from '../../locales/zh-CN/work.json';
import { bilingual, defineFeature, under } from '../feature';

const workEntry: NavItem = {
  path: '/work',
  label: 'nav.work',
  icon: <ScheduleOutlined />,
  permission: 'report.review',
};

export const work = defineFeature({
  name: 'work',
  nav: [workEntry],
  routes: (root) =>
    [
      createRoute({
        ...under(root, workEntry).page('/work'),
        component: lazyRouteComponent(() => import('../../pages/work/WorkPage'), 'WorkPage'),
      }),
    ] as const,
  messages: { work: bilingual(zhWork, enWork) },
});
