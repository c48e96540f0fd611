import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiClient } from './support/client.ts';
import { databaseKinds } from './support/databases.ts';
import { startTestServer, type TestServer } from './support/server.ts';

describe.each(await databaseKinds())('the demo county on %s', (kind) => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer(kind);
  });
  afterAll(() => server.close());

  it('loads 兰溪市 from the first-run page’s button and lists its accounts', async () => {
    const anon = new ApiClient(server.url);
    const res = await anon.post('/api/v1/setup/demo');
    expect(res.status).toBe(201);
    expect(res.body.projects).toBe(300);
    expect(res.body.reports).toBeGreaterThan(100);
    expect(res.body.bulletins).toBe(3);
    const status = (await anon.get('/api/v1/setup')).body;
    expect(status).toMatchObject({ done: true, regionName: '兰溪市', demo: { password: 'lantern-demo' } });
    const usernames = status.demo.accounts.map((a: { username: string }) => a.username);
    expect(usernames).toEqual(expect.arrayContaining(['admin', 'coordinator', 'leader', 'auditor', 'enterprise', 'lanjiang', 'shanghua', 'nvbu', 'shuiting']));
    expect((await anon.post('/api/v1/setup/demo')).status).toBe(409);
  });

  it('gives every role a working account and scopes the township editors', async () => {
    const leader = new ApiClient(server.url);
    await leader.signIn('leader', 'lantern-demo');
    const total = (await leader.get('/api/v1/projects?withTotal=true&limit=1')).body.total;
    expect(total).toBe(300);
    const editor = new ApiClient(server.url);
    await editor.signIn('lanjiang', 'lantern-demo');
    const mine = await editor.get('/api/v1/projects?withTotal=true&limit=200');
    expect(mine.body.total).toBeGreaterThan(0);
    expect(mine.body.total).toBeLessThan(300);
    expect(new Set(mine.body.items.map((p: { leadUnitName: string }) => p.leadUnitName))).toEqual(new Set(['兰江街道']));
  });

  it('spreads projects over every stage, a long tail of investments and the four lists', async () => {
    const admin = new ApiClient(server.url);
    await admin.signIn('admin', 'lantern-demo');
    const all = (await admin.get('/api/v1/projects?limit=200')).body.items.concat((await admin.get(`/api/v1/projects?limit=200&cursor=${(await admin.get('/api/v1/projects?limit=200')).body.nextCursor}`)).body.items);
    expect(all).toHaveLength(300);
    const stages = new Set(all.map((p: { stage: string }) => p.stage));
    for (const s of ['planning', 'reserve', 'preparing', 'construction', 'completed', 'production', 'capacity', 'suspended', 'dropped']) expect(stages).toContain(s);
    const wan = all.map((p: { totalInvestmentYuan: number }) => p.totalInvestmentYuan / 10_000);
    expect(wan.filter((w: number) => w < 5000).length / wan.length).toBeGreaterThan(0.4);
    expect(Math.max(...wan)).toBeGreaterThan(100_000);
    const lists = (await admin.get('/api/v1/project-lists')).body.lists;
    for (const name of ['planning', 'reserve', 'start', 'production']) expect(lists[name].count).toBeGreaterThan(0);
    expect(lists.start.done).toBeGreaterThan(0);
    expect(lists.start.pending).toBeGreaterThan(0);
  });

  it('has targets, a monthly race and its bulletins for the last three months', async () => {
    const coordinator = new ApiClient(server.url);
    await coordinator.signIn('coordinator', 'lantern-demo');
    const bulletins = (await coordinator.get('/api/v1/bulletins')).body.items;
    expect(bulletins.map((b: { docNumber: string }) => b.docNumber).sort()).toEqual(['兰项绩办〔2026〕1号', '兰项绩办〔2026〕2号', '兰项绩办〔2026〕3号']);
    const months = bulletins.map((b: { periodIndex: number }) => b.periodIndex).sort((a: number, b: number) => a - b);
    expect(months[2] - months[0]).toBe(2);
    const ranking = (await coordinator.get(`/api/v1/races/${bulletins[0].raceId}/ranking`)).body;
    expect(ranking.publishedBulletinId).toBe(bulletins[0].id);
    const townships = ranking.groups.find((g: { group: string }) => g.group === 'townships');
    expect(townships.top.length).toBeGreaterThanOrEqual(3);
    expect(townships.bottom.length).toBeGreaterThanOrEqual(3);
    // Ranks move between published months: the history holds all three.
    expect(ranking.history.periods).toHaveLength(3);
    const dashboard = (await coordinator.get('/api/v1/dashboard')).body;
    expect(dashboard.latestBulletin).toMatchObject({ id: bulletins[0].id, docNumber: bulletins[0].docNumber });
    expect(dashboard.race).toMatchObject({ raceId: bulletins[0].raceId, period: { label: ranking.period.label } });
    expect(dashboard.race.groups.find((g: { label: { 'zh-CN': string } }) => g.label['zh-CN'] === '乡镇街道').top.map((u: { unitId: number }) => u.unitId)).toEqual(townships.top.map((u: { unitId: number }) => u.unitId));
    const targets = (await coordinator.get('/api/v1/targets?year=2026')).body.items;
    expect(targets.filter((t: { indicator: string }) => t.indicator === 'fixedAssetInvestment').length).toBeGreaterThan(10);
  });
});
