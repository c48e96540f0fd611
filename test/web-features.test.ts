// The web's features plug into one list (web/src/features/index.ts): the menu keeps today's order and icons,
// every menu entry has its page, every page lies under one of its feature's entries and is guarded by that
// entry's permission (plus its own), and every namespace a feature declares has its files in both languages.
import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  AimOutlined,
  ApartmentOutlined,
  AuditOutlined,
  BellOutlined,
  BulbOutlined,
  ClockCircleOutlined,
  CustomerServiceOutlined,
  DashboardOutlined,
  FieldTimeOutlined,
  FileDoneOutlined,
  FundProjectionScreenOutlined,
  FunnelPlotOutlined,
  ImportOutlined,
  KeyOutlined,
  NotificationOutlined,
  OrderedListOutlined,
  ProjectOutlined,
  SafetyCertificateOutlined,
  ScheduleOutlined,
  SendOutlined,
  SettingOutlined,
  ShopOutlined,
  TeamOutlined,
  TrophyOutlined,
  UsergroupAddOutlined,
} from '@ant-design/icons';
import { isNotFound, type AnyRoute } from '@tanstack/react-router';
import type { ReactElement } from 'react';
import { permissionsOf, reachOf, ROLES, type Role } from '../src/domain/access/roles.ts';
import { homeOf, MENU_PATHS, menuOffers } from '../src/domain/access/workspaces.ts';
import { FEATURES, NAV_ITEMS, navPermission } from '../web/src/features/index.ts';
import { navEntryFor, visibleNavItems } from '../web/src/layout/nav.tsx';
import { NAMESPACES } from '../web/src/locales/index.ts';
import { ForbiddenError, type RouterContext } from '../web/src/routes/guards.ts';
import { rootRoute } from '../web/src/routes/root.tsx';
import { routeTree } from '../web/src/routes/tree.tsx';

/** The menu as it was before the features: path, label, icon, permission. */
const MENU: [string, string, unknown, string | undefined][] = [
  ['/work', 'nav.work', ScheduleOutlined, 'report.review'],
  ['/dashboard', 'nav.dashboard', DashboardOutlined, undefined],
  ['/projects', 'nav.projects', ProjectOutlined, undefined],
  ['/project-lists', 'nav.projectLists', OrderedListOutlined, undefined],
  ['/imports', 'nav.imports', ImportOutlined, 'project.manage'],
  ['/light-rules', 'nav.lightRules', BulbOutlined, undefined],
  ['/reports', 'nav.reports', FileDoneOutlined, undefined],
  ['/targets', 'nav.targets', AimOutlined, 'race.read'],
  ['/races', 'nav.races', TrophyOutlined, 'race.read'],
  ['/bulletins', 'nav.bulletins', NotificationOutlined, 'race.read'],
  ['/enterprises', 'nav.enterprises', ShopOutlined, 'enterprise.read'],
  ['/licences', 'nav.licences', SafetyCertificateOutlined, 'enterprise.read'],
  ['/tickets', 'nav.tickets', CustomerServiceOutlined, 'ticket.read'],
  ['/tickets/overdue', 'nav.ticketsOverdue', FieldTimeOutlined, 'ticket.read'],
  ['/inbox', 'nav.inbox', BellOutlined, undefined],
  ['/deals', 'nav.deals', FundProjectionScreenOutlined, undefined],
  ['/deals/figures', 'nav.dealFigures', FunnelPlotOutlined, undefined],
  ['/deal-teams', 'nav.dealTeams', UsergroupAddOutlined, undefined],
  ['/units', 'nav.units', ApartmentOutlined, undefined],
  ['/users', 'nav.users', TeamOutlined, 'user.read'],
  ['/audit', 'nav.audit', AuditOutlined, 'audit.read'],
  ['/tokens', 'nav.tokens', KeyOutlined, 'token.manage'],
  ['/settings/reminders', 'nav.reminderSettings', ClockCircleOutlined, 'lights.manage'],
  ['/settings/deliveries', 'nav.notificationDeliveries', SendOutlined, undefined],
  ['/settings/notifications', 'nav.myNotifications', SettingOutlined, undefined],
];

const PUBLIC = ['/', '/login', '/setup'];
/** Every page below the menu, with the permission it requires beyond its entry's. */
const PAGES: Record<string, string | undefined> = {
  '/work': undefined,
  '/dashboard': undefined,
  '/projects': undefined,
  '/projects/new': 'project.manage',
  '/projects/$id': undefined,
  '/projects/$id/edit': 'project.manage',
  '/project-lists': undefined,
  '/imports': undefined,
  '/light-rules': undefined,
  '/reports': undefined,
  '/reports/filing': 'report.file',
  '/targets': undefined,
  '/races': undefined,
  '/races/new': 'race.manage',
  '/races/$id': undefined,
  '/races/$id/records': undefined,
  '/races/$id/edit': 'race.manage',
  '/bulletins': undefined,
  '/bulletins/$id': undefined,
  '/enterprises': undefined,
  '/enterprises/$id': undefined,
  '/licences': undefined,
  '/tickets': undefined,
  '/tickets/new': 'ticket.raise',
  '/tickets/overdue': undefined,
  '/tickets/$id': undefined,
  '/inbox': undefined,
  '/deals': undefined,
  '/deals/figures': undefined,
  '/deals/$id': undefined,
  '/deal-teams': undefined,
  '/deal-teams/targets': undefined,
  '/deal-teams/$id/log': undefined,
  '/units': undefined,
  '/users': undefined,
  '/audit': undefined,
  '/tokens': undefined,
  '/settings/reminders': undefined,
  '/settings/deliveries': undefined,
  '/settings/notifications': undefined,
};
/** The pages no permission of /me names, which admit roles instead (beyond their entry's permission). */
const DEAL_READERS = ROLES.filter((role) => reachOf(role, 'deal', 'read') !== 'none');
const ROLE_PAGES: Record<string, readonly Role[]> = {
  '/settings/deliveries': ['admin'],
  ...Object.fromEntries(
    ['/deals', '/deals/figures', '/deals/$id', '/deal-teams', '/deal-teams/targets', '/deal-teams/$id/log'].map((p) => [
      p,
      DEAL_READERS,
    ]),
  ),
};
const SEARCHED = [
  '/dashboard',
  '/projects',
  '/project-lists',
  '/imports',
  '/reports',
  '/reports/filing',
  '/targets',
  '/races/$id',
  '/races/$id/records',
  '/bulletins',
  '/enterprises',
  '/licences',
  '/tickets',
  '/deals',
  '/deals/figures',
  '/deal-teams/$id/log',
];

type BeforeLoad = (opts: { context: RouterContext; params: { id?: string } }) => void;
const children = routeTree.children as unknown as AnyRoute[];
const pathOf = (route: AnyRoute) => (route.options as { path: string }).path;

/**
 * The permissions a route's guard asks for of the role it admits, and whether a user holding none of them gets
 * through (as another role, when the page admits one).
 */
function guardOf(route: AnyRoute, params = { id: '12' }) {
  const beforeLoad = route.options.beforeLoad as BeforeLoad;
  const asked: string[] = [];
  const admits = ROLE_PAGES[pathOf(route)];
  const admitted: Role = admits?.[0] ?? 'leader';
  // A role the page does not admit: another reader, or the first role outside those it admits.
  const another: Role = admits ? ROLES.find((r) => !admits.includes(r))! : 'auditor';
  const session = (can: (p: string) => boolean, role: Role) =>
    ({ session: { can, me: { role } } }) as unknown as RouterContext;
  beforeLoad({ context: session((p) => (asked.push(p), true), admitted), params });
  let refused: unknown = null;
  try {
    beforeLoad({ context: session(() => false, another), params });
  } catch (error) {
    refused = error;
  }
  return { asked, refused };
}

describe('the web features', () => {
  it('give the menu of before, in its order, with its icons and permissions', () => {
    expect(NAV_ITEMS.map((item) => [item.path, item.label, (item.icon as ReactElement).type, item.permission])).toEqual(
      MENU,
    );
    expect(visibleNavItems(NAV_ITEMS, (p) => p === 'race.read').map((item) => item.path)).toEqual(
      MENU.filter(([, , , permission]) => !permission || permission === 'race.read').map(([path]) => path),
    );
    expect(navPermission('/users')).toBe('user.read');
    // Each role's menu is what its workspace offers (src/domain/access/workspaces.ts) among what it may open.
    const can = (role: Role) => (p: string) => permissionsOf(role).includes(p);
    expect(visibleNavItems(NAV_ITEMS, can('leader'), 'leader').map((item) => item.path)).toEqual([
      '/dashboard',
      '/projects',
      '/project-lists',
      '/reports',
      '/races',
      '/bulletins',
      '/enterprises',
      '/licences',
      '/tickets',
      '/tickets/overdue',
      '/deals',
      '/deals/figures',
    ]);
    for (const role of ROLES) {
      const paths = visibleNavItems(NAV_ITEMS, can(role), role).map((item) => item.path);
      expect(paths, role).toEqual(MENU_PATHS.filter((p) => menuOffers(role, p) && paths.includes(p)));
      expect(
        paths.some((p) => homeOf(role) === p || homeOf(role).startsWith(`${p}/`)),
        role,
      ).toBe(true);
    }
    expect(navEntryFor(NAV_ITEMS, '/races/3/records')?.path).toBe('/races');
    // Of two entries one below the other, the deeper holds its own pages.
    expect(navEntryFor(NAV_ITEMS, '/tickets/12')?.path).toBe('/tickets');
    expect(navEntryFor(NAV_ITEMS, '/tickets/overdue')?.path).toBe('/tickets/overdue');
  });

  it('give the route tree of before: every menu entry has its page, each page lazily loaded', () => {
    expect(children.map(pathOf)).toEqual([...PUBLIC, ...Object.keys(PAGES)]);
    for (const [path] of MENU) expect(children.map(pathOf)).toContain(path);
    for (const route of children.filter((r) => !PUBLIC.includes(pathOf(r)))) {
      expect(typeof (route.options.component as { preload?: unknown }).preload, pathOf(route)).toBe('function');
      expect(typeof route.options.validateSearch === 'function', pathOf(route)).toBe(SEARCHED.includes(pathOf(route)));
    }
  });

  it("guard each page by its menu entry's permission and its own, and an id that is not a number is a 404", () => {
    for (const route of children.filter((r) => !PUBLIC.includes(pathOf(r)))) {
      const path = pathOf(route);
      const entry = navEntryFor(NAV_ITEMS, path.replace('$id', '12'));
      expect(entry, path).toBeDefined();
      const expected = [navPermission(entry!.path), PAGES[path]].filter((p): p is string => p !== undefined);
      const { asked, refused } = guardOf(route);
      expect(asked, path).toEqual(expected);
      if (expected.length || ROLE_PAGES[path]) expect(refused, path).toBeInstanceOf(ForbiddenError);
      else expect(refused, path).toBeNull();
      if (path.includes('$id')) {
        const beforeLoad = route.options.beforeLoad as BeforeLoad;
        const everything = { session: { can: () => true } } as unknown as RouterContext;
        expect(() => beforeLoad({ context: everything, params: { id: 'abc' } }), path).toThrow();
        try {
          beforeLoad({ context: everything, params: { id: 'abc' } });
        } catch (error) {
          expect(isNotFound(error), path).toBe(true);
        }
      }
    }
  });

  it("keep each feature's routes under its own menu entries", () => {
    for (const feature of FEATURES) {
      for (const route of feature.routes(rootRoute) as readonly AnyRoute[]) {
        const path = pathOf(route).replace('$id', '12');
        expect(navEntryFor(feature.nav, path), `${feature.name} ${path}`).toBeDefined();
      }
    }
  });

  it('bundle the namespaces every feature declares, each once, with files in both languages', () => {
    const declared = FEATURES.flatMap((feature) => Object.keys(feature.messages));
    expect(new Set(declared).size).toBe(declared.length);
    expect(new Set(NAMESPACES).size).toBe(NAMESPACES.length);
    for (const ns of declared) {
      expect(NAMESPACES).toContain(ns);
      for (const lang of ['zh-CN', 'en']) {
        expect(existsSync(new URL(`../web/src/locales/${lang}/${ns}.json`, import.meta.url)), `${lang}/${ns}`).toBe(
          true,
        );
      }
    }
  });
});
