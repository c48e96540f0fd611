// Administration: the unit tree, people, the audit trail and API tokens. Their texts are the shell's
// (web/src/locales/<lang>/common.json), except the audit page's, which the feature owns (`audit`).
import { ApartmentOutlined, AuditOutlined, KeyOutlined, TeamOutlined } from '@ant-design/icons';
import { createRoute, lazyRouteComponent } from '@tanstack/react-router';
import type { NavItem } from '../../layout/nav';
import { bilingual, defineFeature, under } from '../feature';
import enAudit from '../../locales/en/audit.json';
import zhAudit from '../../locales/zh-CN/audit.json';

const unitsEntry: NavItem = { path: '/units', label: 'nav.units', icon: <ApartmentOutlined /> };
const usersEntry: NavItem = { path: '/users', label: 'nav.users', icon: <TeamOutlined />, permission: 'user.read' };
const auditEntry: NavItem = { path: '/audit', label: 'nav.audit', icon: <AuditOutlined />, permission: 'audit.read' };
const tokensEntry: NavItem = {
  path: '/tokens',
  label: 'nav.tokens',
  icon: <KeyOutlined />,
  permission: 'token.manage',
};

export const admin = defineFeature({
  name: 'admin',
  nav: [unitsEntry, usersEntry, auditEntry, tokensEntry],
  routes: (root) =>
    [
      createRoute({
        ...under(root, unitsEntry).page('/units'),
        component: lazyRouteComponent(() => import('../../pages/UnitsPage'), 'UnitsPage'),
      }),
      createRoute({
        ...under(root, usersEntry).page('/users'),
        component: lazyRouteComponent(() => import('../../pages/UsersPage'), 'UsersPage'),
      }),
      createRoute({
        ...under(root, auditEntry).page('/audit'),
        component: lazyRouteComponent(() => import('../../pages/AuditPage'), 'AuditPage'),
      }),
      createRoute({
        ...under(root, tokensEntry).page('/tokens'),
        component: lazyRouteComponent(() => import('../../pages/TokensPage'), 'TokensPage'),
      }),
    ] as const,
  messages: { audit: bilingual(zhAudit, enAudit) },
});
