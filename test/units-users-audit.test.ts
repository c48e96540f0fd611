import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiClient } from './support/client.ts';
import { databaseKinds } from './support/databases.ts';
import { buildUser, PASSWORD, setUpCounty } from './support/factories.ts';
import { startTestServer, type TestServer } from './support/server.ts';

describe.each(await databaseKinds())('units, users, audit and tokens on %s', (kind) => {
  let server: TestServer;
  let admin: ApiClient;
  let unit: (name: string) => { id: number };
  beforeAll(async () => {
    server = await startTestServer(kind);
    ({ admin, unit } = await setUpCounty(server.url));
  });
  afterAll(() => server.close());

  const audit = async (query: string) => (await admin.get(`/api/v1/audit?${query}`)).body;

  it('adds departments and platforms, and writes an audit event with the new state', async () => {
    const res = await admin.post('/api/v1/units', { parentId: unit('兰溪市').id, name: '发改局', kind: 'department' });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ name: '发改局', kind: 'department', depth: 1, childCount: 0 });
    const events = await audit(`objectType=unit&objectId=${res.body.id}`);
    expect(events.items).toHaveLength(1);
    expect(events.items[0]).toMatchObject({
      action: 'unit.create',
      actorName: '管理员',
      after: { name: '发改局', kind: 'department' },
    });
  });

  it('moves a unit with its whole subtree and records before and after', async () => {
    const platform = (
      await admin.post('/api/v1/units', { parentId: unit('兰溪市').id, name: '兰溪经济开发区', kind: 'platform' })
    ).body;
    const park = (await admin.post('/api/v1/units', { parentId: platform.id, name: '光膜产业园', kind: 'other' })).body;
    const office = (await admin.post('/api/v1/units', { parentId: park.id, name: '园区办', kind: 'other' })).body;
    const moved = await admin.patch(`/api/v1/units/${park.id}`, { parentId: unit('上华街道').id });
    expect(moved.status).toBe(200);
    expect(moved.body).toMatchObject({ parentId: unit('上华街道').id, depth: 2 });
    expect((await admin.get(`/api/v1/units/${office.id}`)).body.depth).toBe(3);
    // The moved subtree now answers to 上华街道's editor, and no longer to the platform's.
    const shanghua = await buildUser(admin, server.url, {
      username: 'shanghua',
      role: 'unit_editor',
      unitId: unit('上华街道').id,
    });
    expect((await shanghua.client.patch(`/api/v1/units/${office.id}`, { name: '园区综合办' })).status).toBe(200);
    const kfq = await buildUser(admin, server.url, { username: 'kfq', role: 'unit_editor', unitId: platform.id });
    expect((await kfq.client.patch(`/api/v1/units/${office.id}`, { name: '园区办' })).status).toBe(403);
    const [event] = (await audit(`objectType=unit&objectId=${park.id}`)).items;
    expect(event).toMatchObject({
      action: 'unit.update',
      before: { parentId: platform.id },
      after: { parentId: unit('上华街道').id },
    });
  });

  it('refuses to delete a unit that still has users, and deletes an empty one', async () => {
    const village = (
      await admin.post('/api/v1/units', { parentId: unit('游埠镇').id, name: '溪西村', kind: 'village' })
    ).body;
    const person = await admin.post('/api/v1/users', {
      username: 'xixi',
      displayName: '溪西村专干',
      password: PASSWORD,
      role: 'unit_editor',
      unitId: village.id,
    });
    const refused = await admin.delete(`/api/v1/units/${village.id}`);
    expect(refused.status).toBe(409);
    expect(refused.body.error.message).toBe('“溪西村”还有 1 个用户，不能删除');
    await admin.patch(`/api/v1/users/${person.body.id}`, { unitId: unit('游埠镇').id });
    expect((await admin.delete(`/api/v1/units/${village.id}`)).status).toBe(204);
    expect((await admin.get(`/api/v1/units/${village.id}`)).status).toBe(404);
    expect((await audit(`objectType=unit&objectId=${village.id}`)).items[0]).toMatchObject({
      action: 'unit.delete',
      before: { name: '溪西村' },
      after: null,
    });
  });

  it('disabling a user ends their sessions and stops sign-in', async () => {
    const { client, id } = await buildUser(admin, server.url, {
      username: 'leaving',
      role: 'leader',
      unitId: unit('兰溪市').id,
    });
    expect((await client.get('/api/v1/me')).status).toBe(200);
    expect((await admin.patch(`/api/v1/users/${id}`, { isActive: false })).body.isActive).toBe(false);
    expect((await client.get('/api/v1/me')).status).toBe(401);
    const again = await new ApiClient(server.url).post('/api/v1/session', { username: 'leaving', password: PASSWORD });
    expect(again.status).toBe(403);
    expect(again.body.error.code).toBe('ACCOUNT_DISABLED');
    const [event] = (await audit(`objectType=user&objectId=${id}`)).items;
    expect(event).toMatchObject({ before: { isActive: true }, after: { isActive: false } });
  });

  it('an admin cannot lock themselves out', async () => {
    const me = (await admin.get('/api/v1/me')).body.user;
    const res = await admin.patch(`/api/v1/users/${me.id}`, { role: 'leader' });
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('VALIDATION');
  });

  it('filters the audit log by object, user and time, newest first, page by page', async () => {
    const me = (await admin.get('/api/v1/me')).body.user;
    const byMe = await audit(`userId=${me.id}&limit=3`);
    expect(byMe.items).toHaveLength(3);
    expect(byMe.items[0].id).toBeGreaterThan(byMe.items[1].id);
    const next = await audit(`userId=${me.id}&limit=3&cursor=${byMe.nextCursor}`);
    expect(next.items[0].id).toBeLessThan(byMe.items[2].id);
    expect((await audit('to=2000-01-01')).items).toHaveLength(0);
    const today = new Date().toISOString().slice(0, 10);
    expect(
      (await audit(`from=${today}&objectType=user`)).items.every(
        (e: { objectType: string }) => e.objectType === 'user',
      ),
    ).toBe(true);
    const bad = await admin.get('/api/v1/audit?from=yesterday');
    expect(bad.status).toBe(400);
    expect(bad.body.error.field).toBe('from');
  });

  it('API tokens act as their owner without CSRF, and stop working once revoked', async () => {
    const created = await admin.post('/api/v1/tokens', { name: '数据看板', writes: ['unit'] });
    expect(created.status).toBe(201);
    expect(created.body.token).toMatch(/^lnt_/);
    const bot = new ApiClient(server.url, { bearer: created.body.token });
    expect((await bot.get('/api/v1/me')).body.user.username).toBe('admin');
    const viaToken = await bot.post('/api/v1/units', {
      parentId: unit('兰溪市').id,
      name: '经信局',
      kind: 'department',
    });
    expect(viaToken.status).toBe(201);
    expect((await admin.get('/api/v1/tokens')).body.items.map((t: { name: string }) => t.name)).toContain('数据看板');
    expect((await admin.delete(`/api/v1/tokens/${created.body.id}`)).status).toBe(204);
    expect((await bot.get('/api/v1/me')).status).toBe(401);
    expect((await new ApiClient(server.url, { bearer: 'lnt_forged' }).get('/api/v1/units')).status).toBe(401);
  });

  it('serves the OpenAPI document listing the resources', async () => {
    const doc = (await admin.get('/api/v1/openapi.json')).body;
    expect(doc.openapi).toMatch(/^3\./);
    for (const path of [
      '/api/v1/session',
      '/api/v1/me',
      '/api/v1/units',
      '/api/v1/units/{id}',
      '/api/v1/users',
      '/api/v1/audit',
      '/api/v1/setup',
    ]) {
      expect(Object.keys(doc.paths)).toContain(path);
    }
    expect((await fetch(`${server.url}/api/docs`)).status).toBe(200);
  });
});
