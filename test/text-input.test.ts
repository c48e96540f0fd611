// Issue 13, finding 9: control characters, malformed Unicode and bidirectional overrides, in every
// text a request carries (body, query, path), refused or removed before any route sees them.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiClient } from './support/client.ts';
import { databaseKinds } from './support/databases.ts';
import { ADMIN_PASSWORD, setUpCounty } from './support/factories.ts';
import { buildProject, projectBody } from './support/projects.ts';
import { startTestServer, type TestServer } from './support/server.ts';

describe.each(await databaseKinds())('text input on %s', (kind) => {
  let server: TestServer;
  let admin: ApiClient;
  let township: number;
  beforeAll(async () => {
    server = await startTestServer(kind);
    const county = await setUpCounty(server.url);
    admin = county.admin;
    township = county.unit('兰江街道').id;
    await buildProject(admin, township, { name: '城区道路改造工程' });
  });
  afterAll(() => server.close());

  const counts = async () => ({
    projects: Number(
      (
        await server.db.kysely
          .selectFrom('projects')
          .select((e) => e.fn.countAll().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    ),
    units: Number(
      (
        await server.db.kysely
          .selectFrom('units')
          .select((e) => e.fn.countAll().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    ),
  });

  it('refuses a NUL in the search text with 400 naming the field, not a 500 from the full-text search', async () => {
    for (const q of ['\u0000', '道路\u0000', 'a\u001bb']) {
      const res = await admin.get(`/api/v1/projects?q=${encodeURIComponent(q)}`);
      expect(res.status, JSON.stringify(q)).toBe(400);
      expect(res.body.error).toMatchObject({ code: 'VALIDATION', field: 'q' });
      expect(res.body.error.message).toContain('搜索词');
    }
    expect((await admin.get(`/api/v1/projects?q=${encodeURIComponent('道路')}`)).body.items).toHaveLength(1);
  });

  it.each([
    ['a NUL', '兰江\u0000工程', 'V_CONTROL', '名称含有不允许的控制字符'],
    ['an escape sequence', '\u001b[31m红色工程', 'V_CONTROL', '名称含有不允许的控制字符'],
    ['a lone surrogate', '兰江\ud800工程', 'V_BAD_UNICODE', '名称含有无效的字符编码'],
  ])('refuses a project name with %s, storing nothing', async (_what, name, _kind, message) => {
    const before = await counts();
    const res = await admin.post('/api/v1/projects', projectBody(township, { name }));
    expect(res.status).toBe(400);
    expect(res.body.error).toMatchObject({ code: 'VALIDATION', field: 'name' });
    expect(res.body.error.message).toContain(message);
    expect(await counts()).toEqual(before);
  });

  it('names the field in English on request, nested fields by their path', async () => {
    const en = new ApiClient(server.url, { language: 'en' });
    await en.signIn('admin', ADMIN_PASSWORD);
    const res = await en.post(
      '/api/v1/projects',
      projectBody(township, { annualPlans: [{ year: 2026, amountWan: 100 }], tags: ['ok', 'bad\u0007'] }),
    );
    expect(res.status).toBe(400);
    expect(res.body.error.field).toBe('tags.1');
    expect(res.body.error.message).toBe('Tags contains a control character (such as NUL or ESC) that is not allowed');
  });

  it('keeps line breaks and tabs, and removes bidirectional overrides from names', async () => {
    const unit = await admin.post('/api/v1/units', {
      parentId: township,
      name: '新\u202E村\u2066社区\u2069',
      kind: 'village',
    });
    expect(unit.status).toBe(201);
    expect(unit.body.name).toBe('新村社区');
    const project = await buildProject(admin, township, { name: '多行\u202e说明工程', contact: '张三\t13800000000' });
    expect(project.name).toBe('多行说明工程');
    expect(project.contact).toBe('张三\t13800000000');
  });

  it('refuses a control character in a key as in a value', async () => {
    const res = await admin.post('/api/v1/units', { parentId: township, name: '新村', kind: 'village', 'x\u0000': 1 });
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('VALIDATION');
  });
});
