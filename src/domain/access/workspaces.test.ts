import { describe, expect, it } from 'vitest';
import { permissionsOf, reachOf, ROLES } from './roles.ts';
import { homeOf, menuOffers, MENU_PATHS, WORKSPACES } from './workspaces.ts';

describe("each role's workspace", () => {
  it.each([
    ['leader', '/dashboard'],
    ['coordinator', '/work'],
    ['unit_editor', '/reports/filing'],
    ['auditor', '/audit'],
  ] as const)('%s lands on %s', (role, home) => {
    expect(homeOf(role)).toBe(home);
  });

  it("puts every role's home under an entry of its own menu, each entry once and one of the app's", () => {
    for (const role of ROLES) {
      const { home, menu } = WORKSPACES[role];
      expect(
        menu.some((path) => home === path || home.startsWith(`${path}/`)),
        role,
      ).toBe(true);
      expect(new Set(menu).size, role).toBe(menu.length);
      for (const path of menu) expect(MENU_PATHS, role).toContain(path);
    }
  });

  it('offers a leader no API tokens, user or unit management, and no configuration', () => {
    for (const path of ['/tokens', '/users', '/units', '/light-rules', '/imports', '/targets'])
      expect(menuOffers('leader', path), path).toBe(false);
    expect(menuOffers('leader', '/dashboard')).toBe(true);
  });

  it('offers the review work list only to roles that review', () => {
    for (const role of ROLES)
      expect(menuOffers(role, '/work'), role).toBe(permissionsOf(role).includes('report.review'));
  });

  it('offers the deals (招商) and their figures to the roles that read deals, and to no other', () => {
    for (const role of ROLES)
      for (const path of ['/deals', '/deals/figures'])
        expect(menuOffers(role, path), `${role} ${path}`).toBe(reachOf(role, 'deal', 'read') !== 'none');
  });
});
