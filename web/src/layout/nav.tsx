// The navigation menu as data: each later module (项目库, 月报, 亮灯, 赛马…) adds one entry here,
// with the permission that shows it and the page component that the route renders.
import type { ComponentType, ReactNode } from 'react';
import { ApartmentOutlined, AuditOutlined, KeyOutlined, TeamOutlined } from '@ant-design/icons';
import type { MessageKey } from '../i18n';
import { AuditPage } from '../pages/AuditPage';
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
}

export const NAV_ITEMS: NavItem[] = [
  { path: '/units', label: 'nav.units', icon: <ApartmentOutlined />, page: UnitsPage },
  { path: '/users', label: 'nav.users', icon: <TeamOutlined />, permission: 'user.read', page: UsersPage },
  { path: '/audit', label: 'nav.audit', icon: <AuditOutlined />, permission: 'audit.read', page: AuditPage },
  { path: '/tokens', label: 'nav.tokens', icon: <KeyOutlined />, permission: 'token.manage', page: TokensPage },
];

/** The entries the user may see, in menu order. */
export function visibleNavItems(items: NavItem[], can: (permission: string) => boolean): NavItem[] {
  return items.filter((item) => !item.permission || can(item.permission));
}
