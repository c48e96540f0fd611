import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApiClient } from './support/client.ts';
import { databaseKinds } from './support/databases.ts';
import { buildUser, setUpCounty } from './support/factories.ts';
import { startTestServer, type TestServer } from './support/server.ts';
import { buildProject, projectBody } from './support/projects.ts';

type Role = 'admin' | 'coordinator' | 'unit_editor' | 'leader' | 'enterprise' | 'auditor';
type Where = 'own' | 'other';
const Y = 'allow';
const N = 'deny';
type Outcome = typeof Y | typeof N;

/**
 * The access contract, written out by hand (not derived from the code's own table):
 * the editor and the enterprise belong to 兰江街道; "own" targets lie in 兰江街道's subtree,
 * "other" targets in 上华街道's.
 */
const EXPECTED: Record<string, Record<Role, [own: Outcome, other: Outcome]>> = {
  'unit.read': {
    admin: [Y, Y],
    coordinator: [Y, Y],
    unit_editor: [Y, Y],
    leader: [Y, Y],
    enterprise: [Y, Y],
    auditor: [Y, Y],
  },
  'unit.create': {
    admin: [Y, Y],
    coordinator: [N, N],
    unit_editor: [Y, N],
    leader: [N, N],
    enterprise: [N, N],
    auditor: [N, N],
  },
  'unit.update': {
    admin: [Y, Y],
    coordinator: [N, N],
    unit_editor: [Y, N],
    leader: [N, N],
    enterprise: [N, N],
    auditor: [N, N],
  },
  'unit.delete': {
    admin: [Y, Y],
    coordinator: [N, N],
    unit_editor: [Y, N],
    leader: [N, N],
    enterprise: [N, N],
    auditor: [N, N],
  },
  'user.read': {
    admin: [Y, Y],
    coordinator: [Y, Y],
    unit_editor: [Y, N],
    leader: [Y, Y],
    enterprise: [N, N],
    auditor: [Y, Y],
  },
  'user.create': {
    admin: [Y, Y],
    coordinator: [N, N],
    unit_editor: [Y, N],
    leader: [N, N],
    enterprise: [N, N],
    auditor: [N, N],
  },
  'user.update': {
    admin: [Y, Y],
    coordinator: [N, N],
    unit_editor: [Y, N],
    leader: [N, N],
    enterprise: [N, N],
    auditor: [N, N],
  },
  'project.read': {
    admin: [Y, Y],
    coordinator: [Y, Y],
    unit_editor: [Y, N],
    leader: [Y, Y],
    enterprise: [N, N],
    auditor: [Y, Y],
  },
  'project.create': {
    admin: [Y, Y],
    coordinator: [Y, Y],
    unit_editor: [Y, N],
    leader: [N, N],
    enterprise: [N, N],
    auditor: [N, N],
  },
  'project.update': {
    admin: [Y, Y],
    coordinator: [Y, Y],
    unit_editor: [Y, N],
    leader: [N, N],
    enterprise: [N, N],
    auditor: [N, N],
  },
};

const ROLES: Role[] = ['admin', 'coordinator', 'unit_editor', 'leader', 'enterprise', 'auditor'];
const cases = Object.entries(EXPECTED).flatMap(([op, byRole]) =>
  ROLES.flatMap((role) =>
    (['own', 'other'] as Where[]).map((where, i) => ({ op, role, where, expected: byRole[role][i]! })),
  ),
);

describe.each(await databaseKinds())('access matrix on %s', (kind) => {
  let server: TestServer;
  let admin: ApiClient;
  const as = {} as Record<Role, ApiClient>;
  const target = {} as Record<Where, { township: number; village: number; user: number; project: number }>;
  let seq = 0;

  beforeAll(async () => {
    server = await startTestServer(kind);
    const county = await setUpCounty(server.url);
    admin = county.admin;
    as.admin = admin;
    const root = county.unit('兰溪市').id;
    for (const [where, township, village] of [
      ['own', '兰江街道', '李渔社区'],
      ['other', '上华街道', '新周村'],
    ] as const) {
      const t = county.unit(township).id;
      const v = (await admin.post('/api/v1/units', { parentId: t, name: village, kind: 'village' })).body.id;
      const u = await admin.post('/api/v1/users', {
        username: `staff-${where}`,
        displayName: `${village}专干`,
        password: 'password-1234',
        role: 'unit_editor',
        unitId: v,
      });
      const p = await buildProject(admin, v, { name: `${village}改造工程` });
      target[where] = { township: t, village: v, user: u.body.id, project: p.id };
    }
    const lanjiang = county.unit('兰江街道').id;
    for (const [role, unitId] of [
      ['coordinator', root],
      ['leader', root],
      ['auditor', root],
      ['unit_editor', lanjiang],
      ['enterprise', lanjiang],
    ] as const) {
      as[role] = (await buildUser(admin, server.url, { username: `${role}-1`, role, unitId })).client;
    }
  });
  afterAll(() => server.close());

  async function attempt(client: ApiClient, op: string, where: Where) {
    const t = target[where];
    const name = `测试${++seq}`;
    switch (op) {
      case 'unit.read':
        return client.get(`/api/v1/units/${t.village}`);
      case 'unit.create':
        return client.post('/api/v1/units', { parentId: t.township, name, kind: 'village' });
      case 'unit.update':
        return client.patch(`/api/v1/units/${t.village}`, { sortOrder: seq });
      case 'unit.delete': {
        const victim = await admin.post('/api/v1/units', { parentId: t.township, name, kind: 'village' });
        return client.delete(`/api/v1/units/${victim.body.id}`);
      }
      case 'user.read':
        return client.get(`/api/v1/users/${t.user}`);
      case 'user.create':
        return client.post('/api/v1/users', {
          username: `new-${seq}`,
          displayName: name,
          password: 'password-1234',
          role: 'unit_editor',
          unitId: t.village,
        });
      case 'user.update':
        return client.patch(`/api/v1/users/${t.user}`, { displayName: name });
      case 'project.read':
        return client.get(`/api/v1/projects/${t.project}`);
      case 'project.create':
        return client.post('/api/v1/projects', projectBody(t.village, { name: `${name}项目` }));
      case 'project.update':
        return client.patch(`/api/v1/projects/${t.project}`, { totalInvestmentWan: 3000 + seq });
    }
    throw new Error(op);
  }

  it.each(cases)('$role: $op on $where → $expected', async ({ op, role, where, expected }) => {
    const res = await attempt(as[role as Role], op, where);
    if (expected === Y) {
      expect(res.status, JSON.stringify(res.body)).toBeLessThan(300);
    } else {
      expect([403, 404], JSON.stringify(res.body)).toContain(res.status);
      expect(['FORBIDDEN', 'NOT_FOUND']).toContain(res.body.error.code);
    }
  });

  it('an editor can neither rename their own unit nor touch the county above it', async () => {
    const me = (await as.unit_editor.get('/api/v1/me')).body.user;
    expect((await as.unit_editor.patch(`/api/v1/units/${me.unitId}`, { name: '改名街道' })).status).toBe(403);
    expect((await as.unit_editor.patch('/api/v1/units/1', { name: '改名市' })).status).toBe(403);
  });

  it('lists only the users a role may see', async () => {
    const names = async (c: ApiClient) =>
      (await c.get('/api/v1/users')).body.items.map((u: { username: string }) => u.username).sort();
    expect(await names(as.unit_editor)).toEqual(expect.arrayContaining(['staff-own', 'unit_editor-1', 'enterprise-1']));
    expect(await names(as.unit_editor)).not.toContain('staff-other');
    expect(await names(as.unit_editor)).not.toContain('admin');
    expect(await names(as.enterprise)).toEqual(['enterprise-1']);
    expect(await names(as.leader)).toEqual(expect.arrayContaining(['admin', 'staff-own', 'staff-other']));
  });

  it('an editor cannot grant roles above their own', async () => {
    const res = await as.unit_editor.post('/api/v1/users', {
      username: 'sneaky',
      displayName: '越权',
      password: 'password-1234',
      role: 'admin',
      unitId: target.own.village,
    });
    expect(res.status).toBe(403);
    expect(res.body.error.field).toBe('role');
  });

  it('scopes the audit log: everything for auditors, the own subtree for editors, nothing for leaders', async () => {
    const objects = async (c: ApiClient) =>
      (await c.get('/api/v1/audit?limit=200')).body.items as {
        objectType: string;
        objectId: string;
        summary: string;
      }[];
    const all = await objects(as.auditor);
    expect(all.some((e) => e.summary.includes('新周村'))).toBe(true);
    const editorSees = await objects(as.unit_editor);
    expect(editorSees.length).toBeGreaterThan(0);
    expect(editorSees.some((e) => e.summary.includes('新周村'))).toBe(false);
    expect(editorSees.some((e) => e.summary.includes('李渔社区'))).toBe(true);
    expect((await as.leader.get('/api/v1/audit')).status).toBe(403);
    expect((await as.enterprise.get('/api/v1/audit')).status).toBe(403);
  });
});
