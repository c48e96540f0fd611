import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiClient } from './support/client.ts';
import { databaseKinds } from './support/databases.ts';
import { setUpCounty } from './support/factories.ts';
import { startTestServer, type TestServer } from './support/server.ts';

describe.each(await databaseKinds())('bad input on %s', (kind) => {
  let server: TestServer;
  let admin: ApiClient;
  let lanjiang: number;
  beforeAll(async () => {
    server = await startTestServer(kind);
    const county = await setUpCounty(server.url);
    admin = county.admin;
    lanjiang = county.unit('兰江街道').id;
  });
  afterAll(() => server.close());

  const auditCount = async () => (await admin.get('/api/v1/audit?limit=200')).body.items.length;

  it('answers malformed JSON with 400 MALFORMED_JSON and no stack trace', async () => {
    const res = await admin.request('POST', '/api/v1/units', undefined, { rawBody: '{"name": "x",' });
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('MALFORMED_JSON');
    expect(JSON.stringify(res.body)).not.toMatch(/at .*\.ts|stack/i);
  });

  it.each([
    ['a wrong type', { parentId: 'abc', name: '新村', kind: 'village' }, 'parentId', '上级单位格式不对，应为数字'],
    ['a missing field', { parentId: 1, kind: 'village' }, 'name', '名称不能为空'],
    ['an over-long name', { parentId: 1, name: '长'.repeat(51), kind: 'village' }, 'name', '名称最多 50 个字符'],
    ['an unknown kind', { parentId: 1, name: '新村', kind: 'city' }, 'kind', '类型只能是以下之一'],
    [
      'an unknown field',
      { parentId: 1, name: '新村', kind: 'village', colour: 'red' },
      'colour',
      '不认识的字段：colour',
    ],
  ])('refuses a unit with %s, naming the field', async (_what, body, field, message) => {
    const before = await auditCount();
    const res = await admin.post('/api/v1/units', body);
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('VALIDATION');
    expect(res.body.error.field).toBe(field);
    expect(res.body.error.message).toContain(message);
    expect(await auditCount()).toBe(before);
  });

  it('speaks English when asked', async () => {
    const en = new ApiClient(server.url, { language: 'en' });
    await en.signIn('admin', 'river-sesame-2026');
    const res = await en.post('/api/v1/units', { parentId: 1, name: '', kind: 'village' });
    expect(res.body.error.message).toBe('Name is required');
  });

  it('answers an unknown id with 404 in the error shape', async () => {
    const res = await admin.get('/api/v1/units/99999');
    expect(res.status).toBe(404);
    expect(res.body.error).toMatchObject({ code: 'NOT_FOUND', message: '单位不存在或您无权查看' });
    const parent = await admin.post('/api/v1/units', { parentId: 99999, name: '新村', kind: 'village' });
    expect(parent.status).toBe(400);
    expect(parent.body.error.field).toBe('parentId');
    expect((await admin.get('/api/v1/nothing-here')).body.error.code).toBe('NOT_FOUND');
  });

  it('refuses a duplicate username with 409 and keeps the first user unchanged', async () => {
    const first = await admin.post('/api/v1/users', {
      username: 'lanjiang',
      displayName: '兰江填报员',
      password: 'password-1234',
      role: 'unit_editor',
      unitId: lanjiang,
    });
    expect(first.status).toBe(201);
    const before = await auditCount();
    const dup = await admin.post('/api/v1/users', {
      username: 'lanjiang',
      displayName: '冒名者',
      password: 'password-9999',
      role: 'admin',
      unitId: 1,
    });
    expect(dup.status).toBe(409);
    expect(dup.body.error).toMatchObject({ code: 'DUPLICATE', field: 'username', message: '用户名“lanjiang”已被使用' });
    expect((await admin.get(`/api/v1/users/${first.body.id}`)).body).toMatchObject({
      displayName: '兰江填报员',
      role: 'unit_editor',
    });
    expect(await auditCount()).toBe(before);
    const login = new ApiClient(server.url);
    expect((await login.post('/api/v1/session', { username: 'lanjiang', password: 'password-9999' })).status).toBe(401);
  });

  it('refuses a password shorter than 12 characters or equal to the username', async () => {
    const short = await admin.post('/api/v1/users', {
      username: 'shorty',
      displayName: '短',
      password: '123',
      role: 'leader',
      unitId: 1,
    });
    expect(short.body.error).toMatchObject({ field: 'password', message: '密码至少 12 个字符' });
    const same = await admin.post('/api/v1/users', {
      username: 'samesame1234',
      displayName: '同',
      password: 'samesame1234',
      role: 'leader',
      unitId: 1,
    });
    expect(same.body.error).toMatchObject({ field: 'password', message: '密码不能与用户名相同' });
  });

  it('refuses a duplicate unit name under one parent', async () => {
    expect((await admin.post('/api/v1/units', { parentId: lanjiang, name: '李渔社区', kind: 'village' })).status).toBe(
      201,
    );
    const dup = await admin.post('/api/v1/units', { parentId: lanjiang, name: '李渔社区', kind: 'village' });
    expect(dup.status).toBe(409);
    expect(dup.body.error.field).toBe('name');
  });

  it('refuses deleting a unit that still has sub-units, and moving a unit under its own child', async () => {
    const del = await admin.delete(`/api/v1/units/${lanjiang}`);
    expect(del.status).toBe(409);
    expect(del.body.error.message).toContain('兰江街道');
    const child = (await admin.get('/api/v1/units')).body.items.find((u: { name: string }) => u.name === '李渔社区');
    const cycle = await admin.patch(`/api/v1/units/${lanjiang}`, { parentId: child.id });
    expect(cycle.status).toBe(400);
    expect(cycle.body.error.message).toBe('不能把单位移到它自己或它的下级单位之下');
  });
});
