import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiClient } from './support/client.ts';
import { databaseKinds } from './support/databases.ts';
import { ADMIN_PASSWORD, buildUser, PASSWORD, setUpCounty } from './support/factories.ts';
import { startTestServer, type TestServer } from './support/server.ts';

const LIMIT = 5;
const from = (ip: string) => ({ headers: { 'x-forwarded-for': ip } });
const signIn = (url: string, username: string, password: string, ip: string) =>
  new ApiClient(url).request('POST', '/api/v1/session', { username, password }, from(ip));

/** Issue 13, findings 1, 3 and 6 (OWASP ASVS L2 V2): the sign-in limit, API tokens, the password policy. */
describe.each(await databaseKinds())('credentials on %s', (kind) => {
  let server: TestServer;
  let admin: ApiClient;
  let unit: Awaited<ReturnType<typeof setUpCounty>>['unit'];
  let now = new Date();
  beforeAll(async () => {
    server = await startTestServer(kind, {
      // The addresses of the test's clients come from X-Forwarded-For, believed from a proxy on this machine.
      env: { LANTERN_LOGIN_MAX_ATTEMPTS: String(LIMIT), LANTERN_TRUST_PROXY: '127.0.0.1' },
      clock: () => now,
    });
    ({ admin, unit } = await setUpCounty(server.url));
  });
  afterAll(() => server.close());

  const auditOf = async (query: string) => (await admin.get(`/api/v1/audit?${query}&limit=200`)).body.items;

  describe('the sign-in limit under concurrency', () => {
    it('lets at most the limit of 100 simultaneous wrong attempts through, then answers 429', async () => {
      const { id } = await buildUser(admin, server.url, {
        username: 'target',
        role: 'leader',
        unitId: unit('兰溪市').id,
      });
      const burst = await Promise.all(
        Array.from({ length: 100 }, (_, i) => signIn(server.url, 'target', `wrong-password-${i}`, '10.0.0.1')),
      );
      const statuses = burst.map((r) => r.status);
      expect(statuses.filter((s) => s === 401).length).toBeLessThanOrEqual(LIMIT);
      expect(statuses.filter((s) => s !== 401 && s !== 429)).toEqual([]);
      expect(statuses.filter((s) => s === 429).length).toBeGreaterThanOrEqual(100 - LIMIT);
      // Past the limit even the right password waits, from that address.
      expect((await signIn(server.url, 'target', PASSWORD, '10.0.0.1')).status).toBe(429);
      // The owner from another address is not locked out by someone else's guessing.
      expect((await signIn(server.url, 'target', PASSWORD, '10.0.0.2')).status).toBe(200);
      // Every attempt is audited with its outcome and address.
      const failures = (await auditOf(`objectType=session&objectId=${id}`)).filter(
        (e: { action: string }) => e.action === 'session.fail',
      );
      expect(failures.length).toBe(101);
      const outcomes = failures.map((e: { after: { outcome: string } }) => e.after.outcome);
      expect(outcomes.filter((o: string) => o === 'wrong_password').length).toBeLessThanOrEqual(LIMIT);
      expect(outcomes.filter((o: string) => o === 'rate_limited').length).toBeGreaterThanOrEqual(101 - LIMIT);
      expect(failures[0].after).toMatchObject({ username: 'target', ip: '10.0.0.1' });
      const success = (await auditOf(`objectType=session&objectId=${id}`)).find(
        (e: { action: string }) => e.action === 'session.create',
      );
      expect(success.after).toEqual({ outcome: 'success', ip: '10.0.0.2' });
    });

    it('does not let a right password in a burst succeed beyond the limit', async () => {
      await buildUser(admin, server.url, { username: 'burst', role: 'leader', unitId: unit('兰溪市').id });
      const attempts = Array.from({ length: 30 }, (_, i) =>
        signIn(server.url, 'burst', i === 29 ? PASSWORD : `wrong-password-${i}`, '10.0.0.3'),
      );
      const statuses = (await Promise.all(attempts)).map((r) => r.status);
      // Whatever the order the server saw them in, no more than the limit were checked at all.
      expect(statuses.filter((s) => s !== 429).length).toBeLessThanOrEqual(LIMIT);
      expect(statuses.filter((s) => s === 429).length).toBeGreaterThanOrEqual(30 - LIMIT);
    });

    it('audits an unknown username without an actor', async () => {
      expect((await signIn(server.url, 'nobody-here', 'wrong-password-x', '10.0.0.4')).status).toBe(401);
      const [event] = await auditOf('objectType=session&objectId=nobody-here');
      expect(event).toMatchObject({ action: 'session.fail', actorId: null });
      expect(event.after).toEqual({ username: 'nobody-here', outcome: 'unknown_user', ip: '10.0.0.4' });
    });
  });

  describe('API tokens', () => {
    it('are read-only unless their scope says, and expire after 90 days by default', async () => {
      const created = await admin.post('/api/v1/tokens', { name: '只读看板' });
      expect(created.status).toBe(201);
      expect(created.body.writes).toEqual([]);
      expect(Date.parse(created.body.expiresAt) - now.getTime()).toBe(90 * 86_400_000);
      const bot = new ApiClient(server.url, { bearer: created.body.token });
      expect((await bot.get('/api/v1/units')).status).toBe(200);
      const write = await bot.post('/api/v1/units', {
        parentId: unit('兰溪市').id,
        name: '只读局',
        kind: 'department',
      });
      expect(write.status).toBe(403);
      expect(write.body.error.message).toBe('此 API 令牌为只读，不能修改数据');
      const listed = (await admin.get('/api/v1/tokens')).body.items.find(
        (t: { id: number }) => t.id === created.body.id,
      );
      expect(listed).toMatchObject({ writes: [], expiresAt: created.body.expiresAt });
      const saved = now;
      try {
        now = new Date(saved.getTime() + 90 * 86_400_000 + 1000);
        expect((await bot.get('/api/v1/units')).status).toBe(401);
      } finally {
        now = saved;
      }
    });

    it('write only the resources their scope names, and live at most 365 days', async () => {
      expect((await admin.post('/api/v1/tokens', { name: '太久', expiresInDays: 366 })).status).toBe(400);
      expect((await admin.post('/api/v1/tokens', { name: '令牌', writes: ['token'] })).status).toBe(400);
      const created = await admin.post('/api/v1/tokens', { name: '项目同步', writes: ['project'], expiresInDays: 365 });
      expect(Date.parse(created.body.expiresAt) - now.getTime()).toBe(365 * 86_400_000);
      const bot = new ApiClient(server.url, { bearer: created.body.token });
      const unitWrite = await bot.post('/api/v1/units', {
        parentId: unit('兰溪市').id,
        name: '越权局',
        kind: 'department',
      });
      expect(unitWrite.status).toBe(403);
      expect((await admin.get('/api/v1/units')).body.items.some((u: { name: string }) => u.name === '越权局')).toBe(
        false,
      );
    });

    it('cannot manage tokens or change passwords', async () => {
      const { token } = (await admin.post('/api/v1/tokens', { name: '万能', writes: ['unit', 'user'] })).body;
      const bot = new ApiClient(server.url, { bearer: token });
      for (const res of [
        await bot.get('/api/v1/tokens'),
        await bot.post('/api/v1/tokens', { name: '再生', writes: ['unit'] }),
        await bot.delete('/api/v1/tokens/1'),
      ]) {
        expect(res.status).toBe(403);
        expect(res.body.error.message).toBe('API 令牌不能查看、新建或吊销令牌，请登录后操作');
      }
      const me = (await admin.get('/api/v1/me')).body.user.id;
      const change = await bot.patch(`/api/v1/users/${me}`, { password: 'a-stolen-token-takeover' });
      expect(change.status).toBe(403);
      expect(change.body.error.message).toBe('API 令牌不能修改密码，请登录后修改');
      expect((await signIn(server.url, 'admin', 'a-stolen-token-takeover', '10.1.0.1')).status).toBe(401);
      // Within its scope it still writes: a unit.
      const ok = await bot.post('/api/v1/units', { parentId: unit('兰溪市').id, name: '数据局', kind: 'department' });
      expect(ok.status).toBe(201);
    });

    it('are revoked when their owner’s password is reset or their role or unit changes', async () => {
      const { client, id } = await buildUser(admin, server.url, {
        username: 'editor',
        role: 'unit_editor',
        unitId: unit('兰江街道').id,
      });
      const mint = async (name: string) =>
        new ApiClient(server.url, { bearer: (await client.post('/api/v1/tokens', { name })).body.token });
      const cases: [string, Record<string, unknown>][] = [
        ['password reset', { password: 'a-fresh-reset-phrase' }],
        ['role change', { role: 'enterprise' }],
        ['unit change', { unitId: unit('上华街道').id }],
      ];
      for (const [what, patch] of cases) {
        await client.signIn('editor', what === 'password reset' ? PASSWORD : 'a-fresh-reset-phrase');
        const bot = await mint(what);
        expect((await bot.get('/api/v1/me')).status, what).toBe(200);
        expect((await admin.patch(`/api/v1/users/${id}`, patch)).status, what).toBe(200);
        expect((await bot.get('/api/v1/me')).status, what).toBe(401);
      }
      // A change of display name leaves tokens alone.
      await client.signIn('editor', 'a-fresh-reset-phrase');
      const kept = await mint('kept');
      expect((await admin.patch(`/api/v1/users/${id}`, { displayName: '新名字' })).status).toBe(200);
      expect((await kept.get('/api/v1/me')).status).toBe(200);
    });
  });

  describe('the password policy', () => {
    const create = (username: string, password: string, language?: string) =>
      new ApiClient(server.url, language ? { language } : {}).post('/api/v1/setup', {
        regionCode: '330781',
        username,
        password,
      });

    it.each([
      ['ten spaces', ' '.repeat(12), '密码过于简单（重复或连续的字符），请换一个更长、更难猜的密码'],
      ['a run of digits', '123456789012', '密码过于简单（重复或连续的字符），请换一个更长、更难猜的密码'],
      ['one letter', 'a'.repeat(12), '密码过于简单（重复或连续的字符），请换一个更长、更难猜的密码'],
      ['a breached password', 'password1234', '密码在常见或已泄露的密码列表中，请换一个'],
      ['the demo password', 'lantern-demo', '密码不能使用演示县的公开密码'],
      ['the username and a digit', 'newcomer1234', '密码不能包含用户名'],
      ['the product name', 'my-亮灯-account-1', '密码不能包含产品名称（lantern、亮灯）'],
      ['too short', 'password12', '密码至少 12 个字符'],
    ])('refuses %s for a new user, naming the field', async (_what, password, message) => {
      const res = await admin.post('/api/v1/users', {
        username: 'newcomer',
        displayName: '新人',
        password,
        role: 'leader',
        unitId: unit('兰溪市').id,
      });
      expect(res.status).toBe(400);
      expect(res.body.error).toEqual({ code: 'VALIDATION', field: 'password', message });
    });

    it('applies at setup (answering in English on request), on reset and on one’s own change', async () => {
      // Setup is done on this server; a refused password is refused before that is even asked.
      const setup = await create('root', 'root-is-root-1234', 'en');
      expect(setup.body.error).toEqual({
        code: 'VALIDATION',
        field: 'password',
        message: 'Password must not contain the username',
      });
      const me = (await admin.get('/api/v1/me')).body.user.id;
      const own = await admin.patch(`/api/v1/users/${me}`, { password: 'password1234' });
      expect(own.body.error).toMatchObject({ field: 'password', code: 'VALIDATION' });
      const { id } = await buildUser(admin, server.url, { username: 'resetme', role: 'leader', unitId: 1 });
      const reset = await admin.patch(`/api/v1/users/${id}`, { password: 'qwertyuiopasdf' });
      expect(reset.body.error).toMatchObject({ field: 'password', code: 'VALIDATION' });
      expect((await admin.patch(`/api/v1/users/${id}`, { password: '兰江 春天的 一条长长的路' })).status).toBe(200);
      expect((await signIn(server.url, 'resetme', '兰江 春天的 一条长长的路', '10.2.0.1')).status).toBe(200);
      expect((await signIn(server.url, 'admin', ADMIN_PASSWORD, '10.2.0.2')).status).toBe(200);
    });
  });

  describe('usernames', () => {
    it('are unique whatever their case (finding 10)', async () => {
      const body = (username: string) => ({
        username,
        displayName: username,
        password: PASSWORD,
        role: 'leader',
        unitId: unit('兰溪市').id,
      });
      for (const username of ['ADMIN', 'Admin']) {
        const res = await admin.post('/api/v1/users', body(username));
        expect(res.status, username).toBe(409);
        expect(res.body.error).toMatchObject({ code: 'DUPLICATE', field: 'username' });
      }
      expect((await admin.post('/api/v1/users', body('Mixed.Case'))).status).toBe(201);
      expect((await admin.post('/api/v1/users', body('mixed.case'))).status).toBe(409);
    });

    it('cannot be made to clash by two creations at once: the index holds', async () => {
      const results = await Promise.all(
        ['twin', 'TWIN', 'Twin', 'tWin'].map((username) =>
          admin.post('/api/v1/users', {
            username,
            displayName: '双胞胎',
            password: PASSWORD,
            role: 'leader',
            unitId: 1,
          }),
        ),
      );
      expect(results.filter((r) => r.status === 201)).toHaveLength(1);
      expect(
        results.every((r) => r.status === 201 || r.status === 409),
        JSON.stringify(results.map((r) => r.body)),
      ).toBe(true);
    });
  });
});
