// The navigation menu as data: each feature declares its entries (features/<name>/index.tsx) with the
// permission that shows them, and the web route list (features/index.ts) puts them in menu order (NAV_ITEMS).
import type { ReactNode } from 'react';
import type { MessageKey } from '../i18n';
import { menuOffers } from '../../../src/domain/access/workspaces';
import type { Role } from '../../../src/domain/access/roles';

export interface NavItem {
  /** The entry's route, also the menu key; the pages below it (e.g. /projects/12) keep it selected. */
  path: string;
  label: MessageKey;
  icon: ReactNode;
  /** Shown only when the user holds this permission; absent means every signed-in user. The routes below it
   * (the feature's, features/feature.ts `under`) require it too. */
  permission?: string;
}

/** The entries the user may open (`can`), in menu order; with a role, only those its workspace offers. */
export function visibleNavItems(
  items: readonly NavItem[],
  can: (permission: string) => boolean,
  role?: Role,
): NavItem[] {
  return items.filter((item) => (!item.permission || can(item.permission)) && (!role || menuOffers(role, item.path)));
}

/**
 * The menu entry a path belongs to: the entry itself or a page below it (/projects/12 → /projects); of entries
 * below one another (/tickets and /tickets/overdue) the deepest that holds the path.
 */
export function navEntryFor(items: readonly NavItem[], path: string): NavItem | undefined {
  let found: NavItem | undefined;
  for (const item of items) {
    const holds = path === item.path || path.startsWith(`${item.path}/`);
    if (holds && (!found || item.path.length > found.path.length)) found = item;
  }
  return found;
}
