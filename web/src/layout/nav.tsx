// The navigation menu as data: each later module (项目库, 月报, 亮灯, 赛马…) adds one entry here,
// with the permission that shows it; the pages themselves are routes in routes/tree.tsx.
import type { ReactNode } from 'react';
import {
  AimOutlined,
  ApartmentOutlined,
  AuditOutlined,
  BulbOutlined,
  DashboardOutlined,
  FileDoneOutlined,
  ImportOutlined,
  KeyOutlined,
  NotificationOutlined,
  OrderedListOutlined,
  ProjectOutlined,
  TeamOutlined,
  TrophyOutlined,
} from '@ant-design/icons';
import type { MessageKey } from '../i18n';

export interface NavItem {
  /** The entry's route, also the menu key; the pages below it (e.g. /projects/12) keep it selected. */
  path: string;
  label: MessageKey;
  icon: ReactNode;
  /** Shown only when the user holds this permission; absent means every signed-in user. The routes below it
   * (routes/tree.tsx) require it too. */
  permission?: string;
}

export const NAV_ITEMS: NavItem[] = [
  { path: '/dashboard', label: 'nav.dashboard', icon: <DashboardOutlined /> },
  {
    path: '/projects',
    label: 'nav.projects',
    icon: <ProjectOutlined />,
  },
  { path: '/project-lists', label: 'nav.projectLists', icon: <OrderedListOutlined /> },
  // Ledgers (台账) from Excel into the project library: for those who may create projects.
  { path: '/imports', label: 'nav.imports', icon: <ImportOutlined />, permission: 'project.manage' },
  { path: '/light-rules', label: 'nav.lightRules', icon: <BulbOutlined /> },
  // Everyone signed in: filers see what to file, reviewers the queue and per-unit status, others the status.
  { path: '/reports', label: 'nav.reports', icon: <FileDoneOutlined /> },
  // The horse race (赛马): targets, races with their rankings, and the published bulletins (晾晒通报).
  { path: '/targets', label: 'nav.targets', icon: <AimOutlined />, permission: 'race.read' },
  {
    path: '/races',
    label: 'nav.races',
    icon: <TrophyOutlined />,
    permission: 'race.read',
  },
  {
    path: '/bulletins',
    label: 'nav.bulletins',
    icon: <NotificationOutlined />,
    permission: 'race.read',
  },
  { path: '/units', label: 'nav.units', icon: <ApartmentOutlined /> },
  { path: '/users', label: 'nav.users', icon: <TeamOutlined />, permission: 'user.read' },
  { path: '/audit', label: 'nav.audit', icon: <AuditOutlined />, permission: 'audit.read' },
  { path: '/tokens', label: 'nav.tokens', icon: <KeyOutlined />, permission: 'token.manage' },
];

/** The entries the user may see, in menu order. */
export function visibleNavItems(items: NavItem[], can: (permission: string) => boolean): NavItem[] {
  return items.filter((item) => !item.permission || can(item.permission));
}

/** The menu entry a path belongs to: the entry itself or a page below it (/projects/12 → /projects). */
export function navEntryFor(items: NavItem[], path: string): NavItem | undefined {
  return items.find((item) => path === item.path || path.startsWith(`${item.path}/`));
}

/** The permission of the menu entry at `path` (undefined when every signed-in user sees it). */
export function navPermission(path: string): string | undefined {
  return NAV_ITEMS.find((item) => item.path === path)?.permission;
}
