// Speed on a phone (issue 14): the web app's files and the API's answers compressed as the browser
// accepts, hashed files cached for a year, everything else revalidated (ETag and 304), and the downloads
// and the OC4IDS stream as they were.
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { precompressDir } from '../src/server/http/precompress.ts';
import type { ApiClient } from './support/client.ts';
import { databaseKinds } from './support/databases.ts';
import { setUpCounty } from './support/factories.ts';
import { buildProject } from './support/projects.ts';
import { startTestServer, type TestServer } from './support/server.ts';

interface RawAnswer {
  status: number;
  headers: http.IncomingHttpHeaders;
  /** The body as sent on the wire (still compressed). */
  wire: Buffer;
}

/** A GET with exactly the given headers (fetch would add Accept-Encoding and decompress). */
function get(url: string, headers: Record<string, string> = {}): Promise<RawAnswer> {
  return new Promise((resolve, reject) => {
    http
      .get(url, { headers }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve({ status: res.statusCode!, headers: res.headers, wire: Buffer.concat(chunks) }));
      })
      .on('error', reject);
  });
}

const decoded = ({ headers, wire }: RawAnswer) =>
  headers['content-encoding'] === 'br'
    ? zlib.brotliDecompressSync(wire)
    : headers['content-encoding'] === 'gzip'
      ? zlib.gunzipSync(wire)
      : wire;

const IMMUTABLE = 'public, max-age=31536000, immutable';
const BROWSER = 'gzip, deflate, br';

/** A built web app in miniature: index.html, a hashed script and style (one too small to compress), an unhashed icon. */
function webDir() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lantern-web-'));
  fs.mkdirSync(path.join(dir, 'assets'));
  const script = `export const rows = [${Array.from({ length: 400 }, (_, i) => `{ id: ${i}, name: "第${i}行" }`).join(', ')}];\n`;
  const files: Record<string, string> = {
    'index.html': `<!doctype html><html lang="zh-CN"><head><script type="module" src="/assets/index-Ab12Cd34.js"></script></head><body>${'<div id="root"></div>'.repeat(80)}</body></html>`,
    'assets/index-Ab12Cd34.js': script,
    'assets/tiny-Zz99Yy88.css': 'body{margin:0}',
    'favicon.svg': `<svg xmlns="http://www.w3.org/2000/svg">${'<circle r="1"/>'.repeat(100)}</svg>`,
  };
  for (const [name, text] of Object.entries(files)) fs.writeFileSync(path.join(dir, name), text);
  precompressDir(dir);
  return { dir, files };
}

describe.each(await databaseKinds())('static assets and compression on %s', (kind) => {
  let server: TestServer;
  let admin: ApiClient;
  let cookie: string;
  const web = webDir();
  const url = (p: string) => server.url + p;

  beforeAll(async () => {
    server = await startTestServer(kind, { env: { LANTERN_WEB_DIR: web.dir } });
    const county = await setUpCounty(server.url);
    admin = county.admin;
    const township = county.unit('兰江街道').id;
    for (let i = 0; i < 3; i++) await buildProject(admin, township, { name: `城区道路改造工程${i}` });
    cookie = `lantern_session=${admin.cookie('lantern_session')}`;
  });
  afterAll(async () => {
    await server?.close();
    fs.rmSync(web.dir, { recursive: true, force: true });
  });

  it('the build writes .br and .gz beside the files worth compressing, not beside the tiny ones', () => {
    expect(fs.existsSync(path.join(web.dir, 'assets/index-Ab12Cd34.js.br'))).toBe(true);
    expect(fs.existsSync(path.join(web.dir, 'assets/index-Ab12Cd34.js.gz'))).toBe(true);
    expect(fs.existsSync(path.join(web.dir, 'index.html.br'))).toBe(true);
    expect(fs.existsSync(path.join(web.dir, 'assets/tiny-Zz99Yy88.css.br'))).toBe(false);
  });

  it('sends a hashed script precompressed as the browser accepts, cached for a year', async () => {
    const original = web.files['assets/index-Ab12Cd34.js']!;
    const br = await get(url('/assets/index-Ab12Cd34.js'), { 'accept-encoding': BROWSER });
    expect(br.status).toBe(200);
    expect(br.headers['content-encoding']).toBe('br');
    expect(br.headers['content-type']).toMatch(/javascript/);
    expect(br.headers['cache-control']).toBe(IMMUTABLE);
    expect(br.headers.vary).toMatch(/accept-encoding/i);
    expect(br.headers.etag).toBeTruthy();
    expect(br.wire.length).toBeLessThan(original.length / 3);
    expect(decoded(br).toString()).toBe(original);

    const gzip = await get(url('/assets/index-Ab12Cd34.js'), { 'accept-encoding': 'gzip' });
    expect(gzip.headers['content-encoding']).toBe('gzip');
    expect(decoded(gzip).toString()).toBe(original);

    const plain = await get(url('/assets/index-Ab12Cd34.js'));
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.wire.toString()).toBe(original);
    expect(plain.headers['cache-control']).toBe(IMMUTABLE);
  });

  it('revalidates a file with its ETag: 304 and no body when unchanged', async () => {
    for (const [p, cache] of [
      ['/assets/index-Ab12Cd34.js', IMMUTABLE],
      ['/index.html', 'no-cache'],
    ] as const) {
      const first = await get(url(p), { 'accept-encoding': BROWSER });
      const again = await get(url(p), { 'accept-encoding': BROWSER, 'if-none-match': first.headers.etag! });
      expect(again.status, p).toBe(304);
      expect(again.wire.length, p).toBe(0);
      // It names the representation revalidated (the same ETag and encoding as the 200's).
      expect(again.headers.etag, p).toBe(first.headers.etag);
      expect(again.headers['content-encoding'], p).toBe(first.headers['content-encoding']);
      expect(again.headers['cache-control'], p).toBe(cache);
      const changed = await get(url(p), { 'accept-encoding': BROWSER, 'if-none-match': '"another"' });
      expect(changed.status, p).toBe(200);
    }
  });

  it('revalidates index.html and unhashed files on every use, the app’s own paths included', async () => {
    for (const p of ['/', '/index.html', '/dashboard', '/projects/12?tab=reports']) {
      const res = await get(url(p), { 'accept-encoding': BROWSER });
      expect(res.status, p).toBe(200);
      expect(res.headers['content-type'], p).toMatch(/^text\/html/);
      expect(res.headers['cache-control'], p).toBe('no-cache');
      expect(res.headers['content-encoding'], p).toBe('br');
      expect(decoded(res).toString(), p).toBe(web.files['index.html']);
      // The security headers stay on the compressed page.
      expect(res.headers['content-security-policy'], p).toContain("default-src 'self'");
    }
    const icon = await get(url('/favicon.svg'), { 'accept-encoding': 'gzip' });
    expect(icon.headers['cache-control']).toBe('no-cache');
    expect(icon.headers['content-encoding']).toBe('gzip');
  });

  it('never compresses a tiny file or a tiny answer', async () => {
    const css = await get(url('/assets/tiny-Zz99Yy88.css'), { 'accept-encoding': BROWSER });
    expect(css.headers['content-encoding']).toBeUndefined();
    expect(css.wire.toString()).toBe('body{margin:0}');
    expect(css.headers['cache-control']).toBe(IMMUTABLE);
    const health = await get(url('/api/v1/health'), { 'accept-encoding': BROWSER });
    expect(health.headers['content-encoding']).toBeUndefined();
    expect(JSON.parse(health.wire.toString())).toMatchObject({ ok: true });
  });

  it('compresses the API’s JSON as Accept-Encoding allows, and no cache keeps a person’s data', async () => {
    const expected = (await admin.get('/api/v1/projects?limit=50')).body;
    for (const [accept, encoding] of [
      ['br;q=1, gzip;q=0.5', 'br'],
      ['gzip', 'gzip'],
      ['identity', undefined],
      ['', undefined],
    ] as const) {
      const res = await get(url('/api/v1/projects?limit=50'), { cookie, 'accept-encoding': accept });
      expect(res.status, accept).toBe(200);
      expect(res.headers['content-encoding'], accept).toBe(encoding);
      expect(res.headers['cache-control'], accept).toBe('no-store');
      expect(JSON.parse(decoded(res).toString()), accept).toEqual(expected);
    }
    // A big public document too.
    const openapi = await get(url('/api/v1/openapi.json'), { 'accept-encoding': BROWSER });
    expect(openapi.headers['content-encoding']).toBe('br');
    expect(JSON.parse(decoded(openapi).toString()).openapi).toMatch(/^3\./);
  });

  it('leaves the downloads as they were, and streams the OC4IDS package compressed', async () => {
    const xlsx = await get(url('/api/v1/projects/export.xlsx'), { cookie, 'accept-encoding': BROWSER });
    expect(xlsx.status).toBe(200);
    expect(xlsx.headers['content-type']).toMatch(/spreadsheetml/);
    expect(xlsx.headers['content-encoding']).toBeUndefined();
    expect(xlsx.headers['cache-control']).toBe('no-store');
    expect(xlsx.wire.subarray(0, 2).toString()).toBe('PK');

    const plain = await get(url('/api/v1/oc4ids'), { cookie });
    const streamed = await get(url('/api/v1/oc4ids'), { cookie, 'accept-encoding': 'gzip' });
    expect(streamed.status).toBe(200);
    expect(streamed.headers['content-encoding']).toBe('gzip');
    expect(streamed.wire.length).toBeLessThan(plain.wire.length);
    const pkg = JSON.parse(decoded(streamed).toString());
    expect(pkg.projects).toHaveLength(3);
    expect(pkg).toEqual(JSON.parse(plain.wire.toString()));
  });
});
