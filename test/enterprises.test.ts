import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiClient } from './support/client.ts';
import { databaseKinds } from './support/databases.ts';
import { creditCodeFor, enterpriseBody, licenceBody } from './support/enterprises.ts';
import { ADMIN_PASSWORD, buildUser, setUpCounty } from './support/factories.ts';
import { buildProject } from './support/projects.ts';
import { startTestServer, type TestServer } from './support/server.ts';

// 企业库: registering an enterprise links the projects it owns (credit code first, then the exact name); an
// enterprise account sees its own enterprise and licences and nothing else; bad input is named and stores nothing.
describe.each(await databaseKinds())('the enterprise registry on %s', (kind) => {
  let server: TestServer;
  let admin: ApiClient;
  let lanjiang: ApiClient;
  let unit: (name: string) => { id: number };
  const now = new Date('2026-11-23T02:00:00Z');

  beforeAll(async () => {
    server = await startTestServer(kind, { clock: () => now });
    ({ admin, unit } = await setUpCounty(server.url));
    lanjiang = (
      await buildUser(admin, server.url, { username: 'lanjiang', role: 'unit_editor', unitId: unit('兰江街道').id })
    ).client;
  });
  afterAll(() => server.close());

  const count = async (client: ApiClient) => (await client.get('/api/v1/enterprises')).body.total as number;

  it('links the projects it owns by credit code, and by exact name where the project has no code', async () => {
    const township = unit('兰江街道').id;
    const byCode = await buildProject(admin, township, {
      name: '按代码关联的项目',
      ownerName: '写法不同的业主',
      ownerCreditCode: creditCodeFor(11),
    });
    const byName = await buildProject(admin, township, {
      name: '按名称关联的项目',
      ownerName: '兰溪市测试11号实业有限公司',
    });
    const otherCode = await buildProject(admin, township, {
      name: '另一家的项目',
      ownerName: '兰溪市测试11号实业有限公司',
      ownerCreditCode: creditCodeFor(12),
    });

    const res = await lanjiang.post('/api/v1/enterprises', enterpriseBody(township, 11));
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(res.body).toMatchObject({
      creditCode: creditCodeFor(11),
      townshipName: '兰江街道',
      linkedNow: 2,
      canEdit: true,
    });
    expect(res.body.projects.map((p: { id: number }) => p.id).sort()).toEqual([byCode.id, byName.id].sort());
    expect(res.body.projects.map((p: { id: number }) => p.id)).not.toContain(otherCode.id);

    const audit = await admin.get('/api/v1/audit?objectType=enterprise');
    expect(audit.body.items[0]).toMatchObject({ action: 'enterprise.create', objectId: String(res.body.id) });
  });

  it('links a project entered later to its registered owner, and follows its owner when that changes', async () => {
    const township = unit('兰江街道').id;
    const later = await buildProject(admin, township, { name: '后来入库的项目', ownerCreditCode: creditCodeFor(11) });
    const owner = (await admin.get('/api/v1/enterprises?q=测试11号')).body.items[0];
    const projects = async () =>
      ((await admin.get(`/api/v1/enterprises/${owner.id}`)).body.projects as { id: number }[]).map((p) => p.id);
    expect(await projects()).toContain(later.id);
    const moved = await admin.patch(`/api/v1/projects/${later.id}`, { ownerName: '另一家公司', ownerCreditCode: null });
    expect(moved.status, JSON.stringify(moved.body)).toBe(200);
    expect(await projects()).not.toContain(later.id);
  });

  it('refuses an invalid credit code naming the field, in Chinese and in English, and stores nothing', async () => {
    const before = await count(admin);
    const code = creditCodeFor(21);
    const wrong = code.slice(0, 17) + (code[17] === '0' ? '1' : '0');
    const zh = await admin.post('/api/v1/enterprises', enterpriseBody(unit('兰江街道').id, 21, { creditCode: wrong }));
    expect(zh.status).toBe(400);
    expect(zh.body.error).toMatchObject({ code: 'VALIDATION', field: 'creditCode' });
    expect(zh.body.error.message).toContain('校验位');

    const en = new ApiClient(server.url, { language: 'en' });
    await en.signIn('admin', ADMIN_PASSWORD);
    const short = await en.post('/api/v1/enterprises', enterpriseBody(unit('兰江街道').id, 22, { creditCode: '9133' }));
    expect(short.status).toBe(400);
    expect(short.body.error.field).toBe('creditCode');
    expect(short.body.error.message).toContain('18 characters');
    expect(await count(admin)).toBe(before);
  });

  it('refuses a credit code already registered, naming who holds it', async () => {
    const res = await admin.post(
      '/api/v1/enterprises',
      enterpriseBody(unit('上华街道').id, 11, { name: '冒用代码的公司' }),
    );
    expect(res.status).toBe(409);
    expect(res.body.error.field).toBe('creditCode');
    expect(res.body.error.message).toContain('兰溪市测试11号实业有限公司');
  });

  it("refuses a township's editor registering an enterprise in another township", async () => {
    const res = await lanjiang.post('/api/v1/enterprises', enterpriseBody(unit('上华街道').id, 31));
    expect(res.status).toBe(403);
  });

  it('refuses a licence that ends before it starts, naming the field; the enterprise keeps its licences', async () => {
    const id = (await admin.post('/api/v1/enterprises', enterpriseBody(unit('兰江街道').id, 41))).body.id as number;
    const good = await admin.post(`/api/v1/enterprises/${id}/licences`, licenceBody(1, '2029-06-30'));
    expect(good.status, JSON.stringify(good.body)).toBe(201);
    expect(good.body).toMatchObject({ status: 'valid', typeLabel: '排污许可证' });

    const bad = await admin.post(`/api/v1/enterprises/${id}/licences`, licenceBody(2, '2024-01-01', '2025-01-01'));
    expect(bad.status).toBe(400);
    expect(bad.body.error.field).toBe('validTo');
    const badPatch = await admin.patch(`/api/v1/licences/${good.body.id}`, { validFrom: '2030-01-01' });
    expect(badPatch.status).toBe(400);

    const detail = await admin.get(`/api/v1/enterprises/${id}`);
    expect(detail.body.licences).toHaveLength(1);
    expect(detail.body.licences[0]).toMatchObject({ validFrom: '2024-07-01', validTo: '2029-06-30' });
  });

  it('lists licences ending soon and expired ones, soonest first, with days left on the county today', async () => {
    const id = (await admin.post('/api/v1/enterprises', enterpriseBody(unit('云山街道').id, 51))).body.id as number;
    await admin.post(`/api/v1/enterprises/${id}/licences`, licenceBody(3, '2026-11-20'));
    await admin.post(`/api/v1/enterprises/${id}/licences`, licenceBody(4, '2026-11-30'));
    await admin.post(`/api/v1/enterprises/${id}/licences`, licenceBody(5, '2027-06-30'));
    const res = await admin.get('/api/v1/licences?withinDays=30');
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ total: 2, expired: 1 });
    expect(res.body.items.map((l: { daysLeft: number; status: string }) => [l.daysLeft, l.status])).toEqual([
      [-3, 'expired'],
      [7, 'expiring'],
    ]);
  });

  it('lets an enterprise account see and keep its own enterprise, and nothing of another', async () => {
    const owned = await buildProject(admin, unit('兰江街道').id, {
      name: '六十一号厂房',
      ownerCreditCode: creditCodeFor(61),
      totalInvestmentWan: 1234.56,
    });
    const own = (await admin.post('/api/v1/enterprises', enterpriseBody(unit('兰江街道').id, 61))).body.id as number;
    const other = (await admin.post('/api/v1/enterprises', enterpriseBody(unit('兰江街道').id, 62))).body.id as number;
    await admin.post(`/api/v1/enterprises/${own}/licences`, licenceBody(6, '2026-12-01'));
    const otherLicence = (await admin.post(`/api/v1/enterprises/${other}/licences`, licenceBody(7, '2026-12-02'))).body
      .id as number;
    const firm = (
      await buildUser(admin, server.url, {
        username: 'firm-61',
        role: 'enterprise',
        unitId: unit('兰江街道').id,
        enterpriseId: own,
      })
    ).client;

    const list = await firm.get('/api/v1/enterprises');
    expect(list.body.items.map((e: { id: number }) => e.id)).toEqual([own]);
    // Its projects as its page shows them: investment, light and open problems; the library itself stays closed.
    const seen = (await firm.get(`/api/v1/enterprises/${own}`)).body;
    expect(seen.projects).toEqual([
      expect.objectContaining({ id: owned.id, name: '六十一号厂房', totalInvestmentYuan: 12_345_600, openTickets: 0 }),
    ]);
    expect((await firm.get('/api/v1/projects')).status).toBe(403);
    expect((await firm.get(`/api/v1/enterprises/${other}`)).status).toBe(404);
    const licences = await firm.get('/api/v1/licences?withinDays=365');
    expect(licences.body.items.map((l: { enterpriseId: number }) => l.enterpriseId)).toEqual([own]);
    expect((await firm.patch(`/api/v1/licences/${otherLicence}`, { validTo: '2031-01-01' })).status).toBe(404);

    // Its contacts are its own to keep; its name and township are the registry's.
    const contacts = [{ name: '李会计', phone: '0579-88123456' }];
    const mine = await firm.patch(`/api/v1/enterprises/${own}`, { contacts });
    expect(mine.status, JSON.stringify(mine.body)).toBe(200);
    expect(mine.body.contacts).toEqual([{ name: '李会计', phone: '0579-88123456' }]);
    expect((await firm.patch(`/api/v1/enterprises/${own}`, { name: '改名公司' })).status).toBe(403);

    // Linking an account to an enterprise is for enterprise accounts only.
    const wrongRole = await admin.post('/api/v1/users', {
      username: 'not-a-firm',
      displayName: '专干',
      password: 'quiet-harbor-2026',
      role: 'unit_editor',
      unitId: unit('兰江街道').id,
      enterpriseId: own,
    });
    expect(wrongRole.status).toBe(400);
    expect(wrongRole.body.error.field).toBe('enterpriseId');
  });

  it('refuses a phone that is not a phone and a bad flag pair, naming the field', async () => {
    const phone = await admin.post(
      '/api/v1/enterprises',
      enterpriseBody(unit('兰江街道').id, 71, { contacts: [{ name: '张三', phone: '12345' }] }),
    );
    expect(phone.status).toBe(400);
    expect(phone.body.error.field).toBe('contacts.0.phone');
    const flags = await admin.post(
      '/api/v1/enterprises',
      enterpriseBody(unit('兰江街道').id, 72, { flags: ['listed', 'toBeListed'] }),
    );
    expect(flags.status).toBe(400);
    expect(flags.body.error.field).toBe('flags');
  });
});
