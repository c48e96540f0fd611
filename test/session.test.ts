import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiClient } from './support/client.ts';
import { databaseKinds } from './support/databases.ts';
import { ADMIN_PASSWORD, setUpCounty } from './support/factories.ts';
import { startTestServer, type TestServer } from './support/server.ts';

describe.each(await databaseKinds())('setup and sessions on %s', (kind) => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer(kind, { env: { LANTERN_LOGIN_MAX_ATTEMPTS: '3' } });
  });
  afterAll(() => server.close());

  it('reports that setup is needed, and asks for a session before anything else', async () => {
    const anon = new ApiClient(server.url);
    expect((await anon.get('/api/v1/setup')).body).toEqual({ done: false });
    const me = await anon.get('/api/v1/me');
    expect(me.status).toBe(401);
    expect(me.body.error.code).toBe('UNAUTHENTICATED');
  });

  it('refuses a setup with an unknown region and writes nothing', async () => {
    const anon = new ApiClient(server.url);
    const res = await anon.post('/api/v1/setup', { regionCode: '999999', username: 'admin', password: ADMIN_PASSWORD });
    expect(res.status).toBe(400);
    expect(res.body.error).toMatchObject({ code: 'VALIDATION', field: 'regionCode' });
    expect(res.body.error.message).toContain('999999');
    expect((await anon.get('/api/v1/setup')).body.done).toBe(false);
  });

  it('sets up 兰溪市 with its real townships and streets, signing the admin in', async () => {
    const { admin, units } = await setUpCounty(server.url);
    expect(units.get('兰溪市')).toMatchObject({ parentId: null });
    for (const name of ['兰江街道', '上华街道', '游埠镇', '水亭畲族乡'])
      expect(units.get(name)?.parentId).toBe(units.get('兰溪市')!.id);
    expect(units.size).toBe(17);
    const me = await admin.get('/api/v1/me');
    expect(me.status).toBe(200);
    expect(me.body.user).toMatchObject({ username: 'admin', role: 'admin', unitName: '兰溪市' });
    expect(me.body.permissions).toContain('unit.manage');
  });

  it('answers 409 to a second setup and changes nothing', async () => {
    const anon = new ApiClient(server.url);
    const res = await anon.post('/api/v1/setup', { regionCode: '330782', username: 'other', password: ADMIN_PASSWORD });
    expect(res.status).toBe(409);
    expect(res.body.error.code).toBe('SETUP_DONE');
    const admin = new ApiClient(server.url);
    await admin.signIn('admin', ADMIN_PASSWORD);
    const units = await admin.get('/api/v1/units');
    expect(
      units.body.items
        .filter((u: { parentId: number | null }) => u.parentId === null)
        .map((u: { name: string }) => u.name),
    ).toEqual(['兰溪市']);
  });

  it('signs in with HttpOnly session cookie and signs out', async () => {
    const client = new ApiClient(server.url);
    const res = await client.post('/api/v1/session', { username: 'admin', password: ADMIN_PASSWORD });
    expect(res.status).toBe(200);
    const setCookies = res.headers.getSetCookie();
    expect(setCookies.find((c) => c.startsWith('lantern_session='))).toMatch(/HttpOnly/i);
    expect(setCookies.find((c) => c.startsWith('lantern_session='))).toMatch(/SameSite=Lax/i);
    expect(res.body.csrfToken).toBe(client.cookie('lantern_csrf'));
    expect((await client.get('/api/v1/me')).status).toBe(200);
    const session = client.cookie('lantern_session')!;
    expect((await client.delete('/api/v1/session')).status).toBe(204);
    expect((await client.get('/api/v1/me')).status).toBe(401);
    // The old token is dead on the server too, not only forgotten by the browser.
    const replay = await fetch(`${server.url}/api/v1/me`, { headers: { cookie: `lantern_session=${session}` } });
    expect(replay.status).toBe(401);
  });

  it('refuses a wrong password with a message in Chinese, or English on request', async () => {
    const zh = await new ApiClient(server.url).post('/api/v1/session', {
      username: 'admin',
      password: 'wrong-password',
    });
    expect(zh.status).toBe(401);
    expect(zh.body.error).toEqual({ code: 'INVALID_CREDENTIALS', message: '用户名或密码错误' });
    const en = await new ApiClient(server.url, { language: 'en-US,en;q=0.9' }).post('/api/v1/session', {
      username: 'nobody',
      password: 'wrong-password',
    });
    expect(en.body.error.message).toBe('Wrong username or password');
  });

  it('rate-limits sign-in per username: past the limit even the right password waits', async () => {
    const client = new ApiClient(server.url);
    // One failure was counted by the previous test; the limit here is 3.
    for (let i = 0; i < 2; i++)
      expect((await client.post('/api/v1/session', { username: 'admin', password: 'nope-nope' })).status).toBe(401);
    const limited = await client.post('/api/v1/session', { username: 'admin', password: ADMIN_PASSWORD });
    expect(limited.status).toBe(429);
    expect(limited.body.error.code).toBe('RATE_LIMITED');
    expect(limited.body.error.message).toMatch(/分钟后再试/);
  });

  it('rejects a state-changing request without the CSRF token', async () => {
    // admin is rate limited on this server by now; a fresh server gives a fresh admin session.
    const other = await startTestServer(kind);
    try {
      const { admin, unit } = await setUpCounty(other.url);
      const body = { parentId: unit('兰江街道').id, name: '城中社区', kind: 'village' };
      const noToken = await admin.post('/api/v1/units', body, { csrf: false });
      expect(noToken.status).toBe(403);
      expect(noToken.body.error.code).toBe('CSRF');
      const wrong = await admin.request('POST', '/api/v1/units', body, {
        csrf: false,
        headers: { 'x-csrf-token': 'forged' },
      });
      expect(wrong.status).toBe(403);
      const units = await admin.get('/api/v1/units');
      expect(units.body.items.some((u: { name: string }) => u.name === '城中社区')).toBe(false);
      expect((await admin.post('/api/v1/units', body)).status).toBe(201);
    } finally {
      await other.close();
    }
  });
});

describe.each(await databaseKinds())("the county's date in /me on %s", (kind) => {
  // 17:30 UTC on 30 November is already 1 December in the county (UTC+8): the pages take the month from here.
  const clock = () => new Date('2026-11-30T17:30:00Z');
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer(kind, { clock });
  });
  afterAll(() => server.close());

  it("answers the county's local date, not the server's UTC one", async () => {
    const { admin } = await setUpCounty(server.url);
    const me = await admin.get('/api/v1/me');
    expect(me.status).toBe(200);
    expect(me.body.today).toBe('2026-12-01');
  });
});
