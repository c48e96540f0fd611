// The platform's edges (issue 13, findings 2, 8 and 11): who the client is, which address public
// links carry, the security headers, and the one error shape for what Fastify and Node refuse first.
import http from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConfigError, parseConfig } from '../src/server/config/config.ts';
import { ApiClient } from './support/client.ts';
import { databaseKinds } from './support/databases.ts';
import { ADMIN_PASSWORD, setUpCounty } from './support/factories.ts';
import { buildProject } from './support/projects.ts';
import { startTestServer, type TestServer } from './support/server.ts';

/** The address recorded with the audit event of the last unit created. */
async function lastAuditIp(server: TestServer) {
  const row = await server.db.kysely
    .selectFrom('audit_events')
    .select('ip')
    .where('action', '=', 'unit.create')
    .orderBy('id', 'desc')
    .executeTakeFirstOrThrow();
  return row.ip;
}

/** A raw request, for what fetch refuses to send (a malformed path, oversized headers). */
function raw(url: string, path: string, headers: Record<string, string> = {}) {
  const { hostname, port } = new URL(url);
  return new Promise<{ status: number; body: any }>((resolve, reject) => {
    const req = http.request({ hostname, port, path, headers, method: 'GET' }, (res) => {
      let text = '';
      res.on('data', (c) => (text += c));
      res.on('end', () => resolve({ status: res.statusCode!, body: JSON.parse(text) }));
    });
    req.on('error', reject);
    req.end();
  });
}

describe.each(await databaseKinds())('the HTTP edges on %s', (kind) => {
  describe('with no proxy configured', () => {
    let server: TestServer;
    let admin: ApiClient;
    let township: number;
    beforeAll(async () => {
      server = await startTestServer(kind, { web: true });
      const county = await setUpCounty(server.url);
      admin = county.admin;
      township = county.unit('兰江街道').id;
      await buildProject(admin, township, { name: '城区道路改造工程' });
    });
    afterAll(() => server.close());

    it('records the connection’s address, not a forged X-Forwarded-For', async () => {
      const res = await admin.request(
        'POST',
        '/api/v1/units',
        { parentId: township, name: '伪造村', kind: 'village' },
        { headers: { 'x-forwarded-for': '203.0.113.9' } },
      );
      expect(res.status).toBe(201);
      expect(await lastAuditIp(server)).toBe('127.0.0.1');
    });

    it('builds the OC4IDS package’s uri and Link from the server’s own address, not X-Forwarded-Host', async () => {
      const res = await admin.request('GET', '/api/v1/oc4ids?limit=1', undefined, {
        headers: { 'x-forwarded-host': 'evil.example', 'x-forwarded-proto': 'https', host: 'evil.example' },
      });
      expect(res.status).toBe(200);
      expect(res.body.uri).toBe(`${server.url}/api/v1/oc4ids?limit=1`);
      expect(JSON.stringify(res.body)).not.toContain('evil.example');
    });

    it('sends the security headers on the API and on the web app, with no inline script allowed', async () => {
      for (const path of ['/api/v1/setup', '/', '/projects/1']) {
        const res = await fetch(server.url + path);
        const csp = res.headers.get('content-security-policy') ?? '';
        expect(csp, path).toContain("default-src 'self'");
        expect(csp, path).toContain("frame-ancestors 'none'");
        expect(/script-src [^;]*unsafe-inline/.test(csp), path).toBe(false);
        expect(res.headers.get('x-content-type-options'), path).toBe('nosniff');
        expect(res.headers.get('x-frame-options'), path).toBe('DENY');
        expect(res.headers.get('referrer-policy'), path).toBe('same-origin');
        expect(res.headers.get('strict-transport-security'), path).toMatch(/max-age=\d+/);
      }
    });

    it('answers a malformed URL and oversized headers in the one error shape', async () => {
      const bad = await raw(server.url, '/api/v1/projects/%E0%A4%A');
      expect(bad.status).toBe(400);
      expect(bad.body).toEqual({ error: { code: 'BAD_URL', message: '请求地址格式不正确' } });
      const long = await raw(server.url, `/api/v1/imports/${encodeURIComponent('长'.repeat(101))}/mapping`);
      expect(long.status).toBe(414);
      expect(long.body).toEqual({ error: { code: 'URL_TOO_LONG', message: '请求地址过长' } });
      const big = await raw(server.url, '/api/v1/setup', { 'x-filler': 'x'.repeat(20_000) });
      expect(big.status).toBe(431);
      expect(big.body).toEqual({ error: { code: 'HEADERS_TOO_LARGE', message: '请求头过大' } });
    });

    it('tells an anonymous caller to sign in before it looks at the input', async () => {
      const anonymous = new ApiClient(server.url, { language: 'en' });
      for (const [method, path, body] of [
        ['POST', '/api/v1/projects', { name: 12 }],
        ['GET', '/api/v1/projects?limit=-5', undefined],
        ['PATCH', '/api/v1/units/abc', { sortOrder: 'x' }],
        ['POST', '/api/v1/races', 'not json'],
      ] as const) {
        const res = await anonymous.request(method, path, undefined, {
          rawBody: body === undefined ? undefined : JSON.stringify(body),
        });
        expect(res.status, `${method} ${path}`).toBe(401);
        expect(res.body.error.code).toBe('UNAUTHENTICATED');
      }
      // The public routes still answer without a session.
      expect((await anonymous.get('/api/v1/setup')).status).toBe(200);
      expect((await anonymous.get('/api/v1/regions?q=兰溪')).status).toBe(200);
      expect((await anonymous.get('/api/v1/health')).status).toBe(200);
    });
  });

  describe('behind a configured proxy and base URL', () => {
    let server: TestServer;
    let admin: ApiClient;
    let township: number;
    beforeAll(async () => {
      server = await startTestServer(kind, {
        env: { LANTERN_TRUST_PROXY: '127.0.0.1', LANTERN_BASE_URL: 'https://xm.lanxi.example/' },
      });
      const county = await setUpCounty(server.url);
      admin = county.admin;
      township = county.unit('兰江街道').id;
      await buildProject(admin, township, { name: '城区道路改造工程' });
    });
    afterAll(() => server.close());

    it('believes the proxy’s X-Forwarded-For', async () => {
      const res = await admin.request(
        'POST',
        '/api/v1/units',
        { parentId: township, name: '代理村', kind: 'village' },
        { headers: { 'x-forwarded-for': '198.51.100.7' } },
      );
      expect(res.status).toBe(201);
      expect(await lastAuditIp(server)).toBe('198.51.100.7');
    });

    it('links from the configured base URL, and makes the cookies Secure', async () => {
      const res = await admin.request('GET', '/api/v1/oc4ids?limit=1', undefined, {
        headers: { 'x-forwarded-host': 'evil.example' },
      });
      expect(res.body.uri).toBe('https://xm.lanxi.example/api/v1/oc4ids?limit=1');
      const signIn = await fetch(`${server.url}/api/v1/session`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ username: 'admin', password: ADMIN_PASSWORD }),
      });
      const cookies = signIn.headers.getSetCookie();
      expect(cookies.length).toBeGreaterThan(0);
      for (const c of cookies) expect(c).toMatch(/;\s*Secure/i);
    });
  });
});

describe('the proxy and base URL settings', () => {
  it.each([
    ['LANTERN_TRUST_PROXY', 'everyone', /LANTERN_TRUST_PROXY must list IP addresses/],
    ['LANTERN_TRUST_PROXY', '10.0.0.0/33', /LANTERN_TRUST_PROXY must list IP addresses/],
    ['LANTERN_BASE_URL', 'xm.lanxi.example', /LANTERN_BASE_URL must be an http\(s\) URL/],
    ['LANTERN_BASE_URL', 'https://xm.lanxi.example/?a=1', /may not carry a query/],
  ])('refuses %s=%s at start', (name, value, message) => {
    expect(() => parseConfig({ [name]: value })).toThrow(ConfigError);
    expect(() => parseConfig({ [name]: value })).toThrow(message);
  });

  it('reads a list of proxies and ranges, and a base URL without its trailing slash', () => {
    const c = parseConfig({ LANTERN_TRUST_PROXY: '10.0.0.5, 10.1.0.0/16,::1', LANTERN_BASE_URL: 'https://a.example/' });
    expect(c.trustProxy).toEqual(['10.0.0.5', '10.1.0.0/16', '::1']);
    expect(c.baseUrl).toBe('https://a.example');
    expect(c.secureCookies).toBe(true);
    expect(parseConfig({}).trustProxy).toEqual([]);
    expect(parseConfig({}).secureCookies).toBe(false);
  });
});
