/**
 * Each role's own workspace (DESIGN §1): the page it lands on after signing in and the menu entries it
 * works with. Permissions decide what a person may open; the workspace decides what their menu offers, so
 * that a leader is not shown API tokens or user management and a reporter starts on this month's filing.
 * A menu entry still needs its permission: the web shows an entry when both allow it.
 */
import type { Role } from './roles.ts';

/** The menu entries of the web app, by path (web/src/features/<name>/index.tsx declares each). */
export const MENU_PATHS = [
  '/work',
  '/dashboard',
  '/projects',
  '/project-lists',
  '/imports',
  '/light-rules',
  '/reports',
  '/targets',
  '/races',
  '/bulletins',
  '/enterprises',
  '/licences',
  '/tickets',
  '/tickets/overdue',
  '/deals',
  '/deals/figures',
  '/units',
  '/users',
  '/audit',
  '/tokens',
  '/settings/reminders',
  '/settings/deliveries',
] as const;
export type MenuPath = (typeof MENU_PATHS)[number];

export interface Workspace {
  /** Where signing in leads when no other page was asked for, and where 返回首页 leads. */
  home: string;
  /** The menu entries this role works with (the menu shows them in the app's order, MENU_PATHS). */
  menu: readonly MenuPath[];
}

const READER: readonly MenuPath[] = [
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
];

export const WORKSPACES: Record<Role, Workspace> = {
  // 市领导: the dashboard first, then what it links to; nothing to configure.
  leader: { home: '/dashboard', menu: READER },
  // 项目办 (also the investment office): the day's work list, then everything the office keeps, the deals included.
  coordinator: {
    home: '/work',
    menu: [
      '/work',
      '/dashboard',
      '/projects',
      '/project-lists',
      '/imports',
      '/reports',
      '/light-rules',
      '/targets',
      '/races',
      '/bulletins',
      '/enterprises',
      '/licences',
      '/tickets',
      '/tickets/overdue',
      '/deals',
      '/deals/figures',
      '/units',
      '/audit',
      '/tokens',
      '/settings/reminders',
    ],
  },
  // 填报员: this month's filing grid; their unit's projects, ledgers, targets and rankings, its deals (招商); their
  // villages and people.
  unit_editor: {
    home: '/reports/filing',
    menu: [
      '/reports',
      '/projects',
      '/project-lists',
      '/imports',
      '/targets',
      '/races',
      '/bulletins',
      '/enterprises',
      '/licences',
      '/tickets',
      '/deals',
      '/deals/figures',
      '/units',
      '/users',
    ],
  },
  // 纪委、审计: the audit log first, and everything to read beside it.
  auditor: { home: '/audit', menu: ['/audit', ...READER, '/light-rules', '/targets', '/units', '/users'] },
  // 系统管理员: people and units first; every entry.
  admin: { home: '/users', menu: MENU_PATHS },
  // 企业: its problems first (raise one, rate an answer), then its own registration and licences.
  enterprise: { home: '/tickets', menu: ['/enterprises', '/licences', '/tickets'] },
};

/** The page a role lands on. */
export function homeOf(role: Role): string {
  return WORKSPACES[role].home;
}

/** True when the role's menu offers the entry at `path`. */
export function menuOffers(role: Role, path: string): boolean {
  return (WORKSPACES[role].menu as readonly string[]).includes(path);
}
