// The navigation menu as data: each later module (项目库, 月报, 亮灯, 赛马…) adds one entry here,
// with the permission that shows it and the page component that the route renders.
import type { ComponentType, ReactNode } from 'react';
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
import { AuditPage } from '../pages/AuditPage';
import { DashboardPage } from '../pages/dashboard/DashboardPage';
import { ImportsPage } from '../pages/imports/ImportsPage';
import { LightRulesPage } from '../pages/lights/LightRulesPage';
import { ProjectDetailPage } from '../pages/projects/ProjectDetailPage';
import { ProjectFormPage } from '../pages/projects/ProjectFormPage';
import { ProjectListPage } from '../pages/projects/ProjectListPage';
import { ProjectListsPage } from '../pages/projects/ProjectListsPage';
import { ReportsPage } from '../pages/reports/ReportsPage';
import { BulletinDetailPage } from '../pages/race/BulletinDetailPage';
import { BulletinsPage } from '../pages/race/BulletinsPage';
import { RaceEditorPage } from '../pages/race/RaceEditorPage';
import { RacesPage } from '../pages/race/RacesPage';
import { RankingPage } from '../pages/race/RankingPage';
import { RankingRecordsPage } from '../pages/race/RankingRecordsPage';
import { TargetsPage } from '../pages/targets/TargetsPage';
import { TokensPage } from '../pages/TokensPage';
import { UnitsPage } from '../pages/UnitsPage';
import { UsersPage } from '../pages/UsersPage';

export interface NavItem {
  /** The route, also the menu key. */
  path: string;
  label: MessageKey;
  icon: ReactNode;
  /** Shown only when the user holds this permission; absent means every signed-in user. */
  permission?: string;
  page: ComponentType;
  /** Pages below the entry (e.g. /projects/12): the menu keeps the entry selected. */
  routes?: SubRoute[];
}

/** A page at a path matching `pattern`; its capture groups are passed as `params`. */
export interface SubRoute {
  pattern: RegExp;
  page: ComponentType<{ params: string[] }>;
  /** Needed on top of the entry's own permission. */
  permission?: string;
}

export interface RouteMatch {
  item: NavItem;
  page: ComponentType<{ params: string[] }> | ComponentType;
  params: string[];
  permission?: string;
}

/** The entry and page a path belongs to, or null for an unknown path. */
export function matchRoute(items: NavItem[], path: string): RouteMatch | null {
  for (const item of items) {
    if (item.path === path) return { item, page: item.page, params: [] };
    for (const route of item.routes ?? []) {
      const m = route.pattern.exec(path);
      if (m) return { item, page: route.page, params: m.slice(1), permission: route.permission };
    }
  }
  return null;
}

export const NAV_ITEMS: NavItem[] = [
  { path: '/dashboard', label: 'nav.dashboard', icon: <DashboardOutlined />, page: DashboardPage },
  {
    path: '/projects',
    label: 'nav.projects',
    icon: <ProjectOutlined />,
    page: ProjectListPage,
    routes: [
      { pattern: /^\/projects\/new$/, page: ProjectFormPage, permission: 'project.manage' },
      { pattern: /^\/projects\/(\d+)$/, page: ProjectDetailPage },
      { pattern: /^\/projects\/(\d+)\/edit$/, page: ProjectFormPage, permission: 'project.manage' },
    ],
  },
  { path: '/project-lists', label: 'nav.projectLists', icon: <OrderedListOutlined />, page: ProjectListsPage },
  // Ledgers (台账) from Excel into the project library: for those who may create projects.
  { path: '/imports', label: 'nav.imports', icon: <ImportOutlined />, permission: 'project.manage', page: ImportsPage },
  { path: '/light-rules', label: 'nav.lightRules', icon: <BulbOutlined />, page: LightRulesPage },
  // Everyone signed in: filers see what to file, reviewers the queue and per-unit status, others the status.
  { path: '/reports', label: 'nav.reports', icon: <FileDoneOutlined />, page: ReportsPage },
  // The horse race (赛马): targets, races with their rankings, and the published bulletins (晾晒通报).
  { path: '/targets', label: 'nav.targets', icon: <AimOutlined />, permission: 'race.read', page: TargetsPage },
  {
    path: '/races',
    label: 'nav.races',
    icon: <TrophyOutlined />,
    permission: 'race.read',
    page: RacesPage,
    routes: [
      { pattern: /^\/races\/new$/, page: RaceEditorPage, permission: 'race.manage' },
      { pattern: /^\/races\/(\d+)$/, page: RankingPage },
      { pattern: /^\/races\/(\d+)\/records$/, page: RankingRecordsPage },
      { pattern: /^\/races\/(\d+)\/edit$/, page: RaceEditorPage, permission: 'race.manage' },
    ],
  },
  {
    path: '/bulletins',
    label: 'nav.bulletins',
    icon: <NotificationOutlined />,
    permission: 'race.read',
    page: BulletinsPage,
    routes: [{ pattern: /^\/bulletins\/(\d+)$/, page: BulletinDetailPage }],
  },
  { path: '/units', label: 'nav.units', icon: <ApartmentOutlined />, page: UnitsPage },
  { path: '/users', label: 'nav.users', icon: <TeamOutlined />, permission: 'user.read', page: UsersPage },
  { path: '/audit', label: 'nav.audit', icon: <AuditOutlined />, permission: 'audit.read', page: AuditPage },
  { path: '/tokens', label: 'nav.tokens', icon: <KeyOutlined />, permission: 'token.manage', page: TokensPage },
];

/** The entries the user may see, in menu order. */
export function visibleNavItems(items: NavItem[], can: (permission: string) => boolean): NavItem[] {
  return items.filter((item) => !item.permission || can(item.permission));
}
