import { describe, expect, it } from 'vitest';
import { canGrantRole, isRole, permissionsOf, reachOf, ROLES } from './roles.ts';
import { scopeAllows, scopeFor, visibleSubtree, type Actor, type Scope } from './scope.ts';

describe('role reach', () => {
  it.each([
    // role, resource, action, reach
    ['admin', 'unit', 'create', 'all'],
    ['unit_editor', 'unit', 'create', 'subtree'],
    ['unit_editor', 'unit', 'read', 'all'],
    ['coordinator', 'unit', 'update', 'none'],
    ['leader', 'user', 'read', 'all'],
    ['leader', 'user', 'update', 'none'],
    ['auditor', 'audit', 'read', 'all'],
    ['auditor', 'unit', 'delete', 'none'],
    ['enterprise', 'user', 'read', 'self'],
    ['enterprise', 'audit', 'read', 'none'],
    ['unit_editor', 'audit', 'read', 'subtree'],
    ['leader', 'audit', 'read', 'none'],
  ] as const)('%s may %s… %s %s: %s', (role, resource, action, reach) => {
    expect(reachOf(role, resource, action)).toBe(reach);
  });

  it('auditors and leaders change nothing anywhere', () => {
    for (const role of ['auditor', 'leader'] as const) {
      for (const resource of ['unit', 'user', 'audit'] as const) {
        for (const action of ['create', 'update', 'delete'] as const) {
          expect(reachOf(role, resource, action)).toBe('none');
        }
      }
    }
  });

  it.each([
    ['admin', 'coordinator', true],
    ['unit_editor', 'unit_editor', true],
    ['unit_editor', 'enterprise', true],
    ['unit_editor', 'admin', false],
    ['unit_editor', 'coordinator', false],
    ['coordinator', 'unit_editor', false],
  ] as const)('%s granting %s: %s', (actor, granted, ok) => {
    expect(canGrantRole(actor, granted)).toBe(ok);
  });

  it('knows its roles', () => {
    expect(ROLES).toHaveLength(6);
    expect(isRole('leader')).toBe(true);
    expect(isRole('root')).toBe(false);
  });

  it('gives the web app coarse permissions', () => {
    expect(permissionsOf('admin')).toEqual(expect.arrayContaining(['unit.manage', 'user.manage', 'audit.read']));
    expect(permissionsOf('auditor')).toContain('audit.read');
    expect(permissionsOf('auditor')).not.toContain('user.manage');
    expect(permissionsOf('enterprise')).not.toContain('user.read');
  });
});

describe('scopes', () => {
  const editor: Actor = { id: 7, role: 'unit_editor', unitId: 4, unitPath: '/1/4/' };

  it.each([
    // target unit path, strict, allowed
    ['/1/4/', false, true],
    ['/1/4/', true, false],
    ['/1/4/30/', true, true],
    ['/1/5/', false, false],
    ['/1/', false, false],
  ])('a township editor reaches %s (strict %s): %s', (unitPath, strict, ok) => {
    expect(scopeAllows(scopeFor(editor, 'unit', 'update'), { unitPath }, strict)).toBe(ok);
  });

  it('self scope only reaches the actor', () => {
    const firm: Actor = { id: 9, role: 'enterprise', unitId: 4, unitPath: '/1/4/' };
    const scope = scopeFor(firm, 'user', 'read');
    expect(scope).toEqual({ kind: 'self', userId: 9 });
    expect(scopeAllows(scope, { unitPath: '/1/4/', ownerId: 9 })).toBe(true);
    expect(scopeAllows(scope, { unitPath: '/1/4/', ownerId: 10 })).toBe(false);
  });

  it('none reaches nothing', () => {
    const leader: Actor = { id: 3, role: 'leader', unitId: 1, unitPath: '/1/' };
    expect(scopeAllows(scopeFor(leader, 'unit', 'update'), { unitPath: '/1/4/' })).toBe(false);
  });
});

describe('the visible part of a subtree (aggregate figures)', () => {
  const township: Scope = { kind: 'subtree', path: '/1/4/' };
  it.each([
    ['a coordinator sees the county whole', { kind: 'all' } as Scope, '/1/', '/1/'],
    ['a township editor looking at the county sees only the township', township, '/1/', '/1/4/'],
    ['a township editor looking at a village of theirs sees the village', township, '/1/4/30/', '/1/4/30/'],
    ['a township editor looking at another township sees nothing', township, '/1/5/', null],
    ['"/1/40/" is not inside "/1/4/"', township, '/1/40/', null],
    ['self reaches no aggregate', { kind: 'self', userId: 9 } as Scope, '/1/', null],
    ['none reaches no aggregate', { kind: 'none' } as Scope, '/1/', null],
  ])('%s', (_what, scope, path, expected) => {
    expect(visibleSubtree(scope, path)).toBe(expected);
  });
});
