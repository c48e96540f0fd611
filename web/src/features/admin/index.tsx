// Administration: the unit tree, people, the audit trail and API tokens; the county's reminder offsets and ticket
// time limits (the project office's), the notification delivery log (the administrator's) and each person's own
// notification channels, which the header's user menu opens. The shell's texts are in common.json; the audit
// page's are the feature's `audit` namespace, the reminder and notification pages' its `settings`.
import {
  ApartmentOutlined,
  AuditOutlined,
  ClockCircleOutlined,
  KeyOutlined,
  SendOutlined,
  SettingOutlined,
  TeamOutlined,
} from '@ant-design/icons';
import { createRoute, lazyRouteComponent } from '@tanstack/react-router';
import type { NavItem } from '../../layout/nav';
import { requireRole } from '../../routes/guards';
import { bilingual, defineFeature, under } from '../feature';
import enAudit from '../../locales/en/audit.json';
import zhAudit from '../../locales/zh-CN/audit.json';
import enSettings from '../../locales/en/settings.json';
import zhSettings from '../../locales/zh-CN/settings.json';

const unitsEntry: NavItem = { path: '/units', label: 'nav.units', icon: <ApartmentOutlined /> };
const usersEntry: NavItem = { path: '/users', label: 'nav.users', icon: <TeamOutlined />, permission: 'user.read' };
const auditEntry: NavItem = { path: '/audit', label: 'nav.audit', icon: <AuditOutlined />, permission: 'audit.read' };
const tokensEntry: NavItem = {
  path: '/tokens',
  label: 'nav.tokens',
  icon: <KeyOutlined />,
  permission: 'token.manage',
};
// The project office's, as the light rules are: lights.manage marks the office (coordinators and administrators).
const reminderSettingsEntry: NavItem = {
  path: '/settings/reminders',
  label: 'nav.reminderSettings',
  icon: <ClockCircleOutlined />,
  permission: 'lights.manage',
};
// No permission of /me names the log: the route admits the administrator's role, the workspace offers the entry.
const deliveriesEntry: NavItem = {
  path: '/settings/deliveries',
  label: 'nav.notificationDeliveries',
  icon: <SendOutlined />,
};
// Everyone's own; the header's user menu is its way in.
const myNotificationsEntry: NavItem = {
  path: '/settings/notifications',
  label: 'nav.myNotifications',
  icon: <SettingOutlined />,
};

export const admin = defineFeature({
  name: 'admin',
  nav: [unitsEntry, usersEntry, auditEntry, tokensEntry, reminderSettingsEntry, deliveriesEntry, myNotificationsEntry],
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
      createRoute({
        ...under(root, reminderSettingsEntry).page('/settings/reminders'),
        component: lazyRouteComponent(
          () => import('../../pages/settings/ReminderSettingsPage'),
          'ReminderSettingsPage',
        ),
      }),
      createRoute({
        ...under(root, deliveriesEntry).page('/settings/deliveries'),
        beforeLoad: requireRole('admin'),
        component: lazyRouteComponent(() => import('../../pages/settings/DeliveriesPage'), 'DeliveriesPage'),
      }),
      createRoute({
        ...under(root, myNotificationsEntry).page('/settings/notifications'),
        component: lazyRouteComponent(() => import('../../pages/settings/MyNotificationsPage'), 'MyNotificationsPage'),
      }),
    ] as const,
  messages: { audit: bilingual(zhAudit, enAudit), settings: bilingual(zhSettings, enSettings) },
});
