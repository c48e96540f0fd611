import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiClient } from './support/client.ts';
import { databaseKinds } from './support/databases.ts';
import { ADMIN_PASSWORD, buildUser, PASSWORD, setUpCounty } from './support/factories.ts';
import { startTestServer, type TestServer } from './support/server.ts';

// 招商 over HTTP: a lead through the stages by the rules, the lead clocks in working days across National Day
// 2026 (10-01 … 10-07 off, Saturday 10-10 worked), signing and converting into a project whose sign → start
// light runs, converting twice refused, the funnel and the race's figures from deals, who sees which deals,
// and bad input that changes nothing.
describe.each(await databaseKinds())('deals on %s', (kind) => {
  let server: TestServer;
  let admin: ApiClient;
  let office: ApiClient;
  let lanjiang: ApiClient;
  let yunshan: ApiClient;
  let leader: ApiClient;
  let scout: ApiClient;
  let unit: (name: string) => { id: number };
  let teamId: number;
  // Wednesday 2026-09-30, 10:00 in Lanxi.
  let now = new Date('2026-09-30T02:00:00Z');

  beforeAll(async () => {
    server = await startTestServer(kind, { clock: () => now });
    ({ admin, unit } = await setUpCounty(server.url));
    const county = unit('兰溪市').id;
    const person = async (username: string, role: string, unitId: number) =>
      (await buildUser(admin, server.url, { username, role, unitId } as never)).client;
    office = await person('office', 'coordinator', county);
    lanjiang = await person('lanjiang', 'unit_editor', unit('兰江街道').id);
    yunshan = await person('yunshan', 'unit_editor', unit('云山街道').id);
    leader = await person('leader', 'leader', county);
    // A member of 云山街道's team, editor in 梅江镇: the team's deals are theirs too.
    scout = await person('scout', 'unit_editor', unit('梅江镇').id);
    const users = (await admin.get('/api/v1/users?pageSize=100')).body.items as { id: number; username: string }[];
    teamId = (
      await must(
        office.post('/api/v1/deal-teams', {
          name: '沪苏招商小分队',
          unitId: unit('云山街道').id,
          leaderName: '王副镇长',
          memberIds: [users.find((u) => u.username === 'scout')!.id],
        }),
      )
    ).id;
  });
  afterAll(() => server.close());

  async function travel(iso: string) {
    now = new Date(iso);
    await admin.signIn('admin', ADMIN_PASSWORD);
    for (const [client, username] of [
      [office, 'office'],
      [lanjiang, 'lanjiang'],
      [yunshan, 'yunshan'],
      [leader, 'leader'],
      [scout, 'scout'],
    ] as const)
      await client.signIn(username, PASSWORD);
  }

  async function must(res: Promise<{ status: number; body: any }>) {
    const r = await res;
    expect(r.status, JSON.stringify(r.body)).toBeLessThan(300);
    return r.body;
  }

  const lead = (client: ApiClient, over: Record<string, unknown> = {}) =>
    client.post('/api/v1/deals', {
      name: '高端装备产业园',
      investorName: '苏州精工装备股份有限公司',
      investorListing: 'listed',
      sourceRegion: 'shanghaiJiangsu',
      chainKey: 'advancedEquipment',
      kind: 'industry',
      intendedInvestmentWan: '150000',
      unitId: unit('兰江街道').id,
      ...over,
    });
  const move = async (client: ApiClient, id: number, body: Record<string, unknown>) => {
    const version = (await admin.get(`/api/v1/deals/${id}`)).body.version as number;
    return client.post(`/api/v1/deals/${id}/moves`, { version, ...body });
  };

  it('runs a lead through the stages, the clocks in working days, and converts the signed deal into a project', async () => {
    const chains = (await must(office.get('/api/v1/deal-settings'))).chains as { key: string }[];
    expect(chains.map((c) => c.key)).toContain('advancedEquipment');
    const d = await must(lead(lanjiang));
    expect(d).toMatchObject({ stage: 'lead', stageLabel: '线索', colour: 'green', tiers: ['aboveYi', 'aboveTenYi'] });
    // Respond within 1 working day of Wednesday 09-30: National Day is off, so Thursday 10-08.
    expect(d.clock).toMatchObject({ clock: 'respond', due: '2026-10-08' });
    expect(d.events.map((e: { step: string }) => e.step)).toEqual(['create']);

    await travel('2026-10-09T02:00:00Z');
    expect((await must(lanjiang.get(`/api/v1/deals/${d.id}`))).colour).toBe('yellow');
    // Seven working days after 10-08 (10-09, Saturday 10-10, 10-12 … 10-16): more than five, red.
    await travel('2026-10-16T02:00:00Z');
    expect((await must(lanjiang.get(`/api/v1/deals/${d.id}`))).colour).toBe('red');
    const logged = await must(
      lanjiang.post(`/api/v1/deals/${d.id}/activities`, {
        onDate: '2026-10-16',
        kind: 'visit',
        attendees: '兰江街道招商办 张三、李四',
        summary: '赴苏州总部对接，企业有意扩产',
      }),
    );
    expect(logged).toMatchObject({ colour: 'green', clock: null, lastActivityOn: '2026-10-16' });

    await must(move(lanjiang, d.id, { to: 'assessing' }));
    const negotiating = await must(move(lanjiang, d.id, { to: 'negotiating' }));
    // Logged the day it entered 在谈: the follow-up clock runs, 10 working days from that entry (10-16 → 10-30).
    expect(negotiating.clock).toMatchObject({ clock: 'followUp', due: '2026-10-30' });
    expect(negotiating.moves).toEqual(['signed', 'assessing', 'shelved', 'terminated']);

    await travel('2026-11-02T02:00:00Z');
    const signed = await must(
      move(lanjiang, d.id, { to: 'signed', signedOn: '2026-11-02', signedAmountWan: '120000.5' }),
    );
    expect(signed).toMatchObject({ stage: 'signed', signedOn: '2026-11-02', signedAmountYuan: 1_200_005_000 });
    expect(signed.moves).toEqual(['landed', 'terminated']);
    // Landing needs the project first.
    const early = await move(lanjiang, d.id, { to: 'landed', landedOn: '2026-11-02' });
    expect(early.status).toBe(400);
    expect(early.body.error.field).toBe('projectId');

    const converted = await must(
      lanjiang.post(`/api/v1/deals/${d.id}/convert`, { version: signed.version, industryCode: '35' }),
    );
    expect(converted.project).not.toBeNull();
    const project = (await must(admin.get(`/api/v1/projects/${converted.project.id}`))) as Record<string, any>;
    expect(project).toMatchObject({
      name: '高端装备产业园',
      ownerName: '苏州精工装备股份有限公司',
      totalInvestmentYuan: 1_200_005_000,
      actualSignDate: '2026-11-02',
      investmentType: 'enterprise',
      stage: 'preparing',
    });
    expect(project.leadUnitId).toBe(unit('兰江街道').id);
    expect(project.tags).toContain('先进装备制造');
    // Converting twice is refused, and changes nothing.
    const again = await lanjiang.post(`/api/v1/deals/${d.id}/convert`, {
      version: converted.version,
      industryCode: '35',
    });
    expect(again.status).toBe(409);
    expect(again.body.error.message).toContain('不能重复转入');
    expect((await must(admin.get(`/api/v1/deals/${d.id}`))).version).toBe(converted.version);

    // 68 days after signing (75% of the 90 promised) the project lights yellow; past 90, red.
    const signLight = async () =>
      (
        (await must(admin.get(`/api/v1/projects/${converted.project.id}/light`))).findings as {
          dimension: string;
          colour: string;
        }[]
      ).find((f) => f.dimension === 'signToStart')?.colour ?? 'green';
    expect(await signLight()).toBe('green');
    await travel('2027-01-09T02:00:00Z');
    await must(admin.post('/api/v1/jobs/cutoff'));
    expect(await signLight()).toBe('yellow');
    const late = await must(lanjiang.get('/api/v1/deals/signed-not-started'));
    expect(late.items.find((i: { id: number }) => i.id === d.id)).toMatchObject({
      daysSinceSigned: 68,
      promiseDays: 90,
      late: false,
    });
    await travel('2027-02-01T02:00:00Z');
    await must(admin.post('/api/v1/jobs/cutoff'));
    expect(await signLight()).toBe('red');
    const later = await must(lanjiang.get('/api/v1/deals/signed-not-started'));
    expect(later.items.find((i: { id: number }) => i.id === d.id)).toMatchObject({ daysSinceSigned: 91, late: true });
    const landed = await must(move(lanjiang, d.id, { to: 'landed', landedOn: '2027-02-01' }));
    expect(landed).toMatchObject({ stage: 'landed', landedOn: '2027-02-01', moves: [] });
  });

  it('refuses bad input naming the field, and changes nothing', async () => {
    await travel('2027-02-02T02:00:00Z');
    const d = await must(lead(lanjiang, { name: '新材料项目', investorName: null }));
    const refused = async (res: Promise<{ status: number; body: any }>, field: string, status = 400) => {
      const r = await res;
      expect(r.status, JSON.stringify(r.body)).toBe(status);
      expect(r.body.error.field).toBe(field);
      return r.body.error.message as string;
    };
    // A deal without an investor cannot be signed; nor can one signed tomorrow, nor for a negative amount.
    await must(move(lanjiang, d.id, { to: 'assessing' }));
    await must(move(lanjiang, d.id, { to: 'negotiating' }));
    expect(
      await refused(
        move(lanjiang, d.id, { to: 'signed', signedOn: '2027-02-02', signedAmountWan: 100 }),
        'investorName',
      ),
    ).toContain('投资方');
    await must(
      lanjiang.patch(`/api/v1/deals/${d.id}`, {
        version: (await admin.get(`/api/v1/deals/${d.id}`)).body.version,
        investorName: '杭州新材科技有限公司',
      }),
    );
    expect(
      await refused(move(lanjiang, d.id, { to: 'signed', signedOn: '2027-02-03', signedAmountWan: 100 }), 'signedOn'),
    ).toContain('晚于今天');
    expect(
      await refused(
        move(lanjiang, d.id, { to: 'signed', signedOn: '2027-02-02', signedAmountWan: -5 }),
        'signedAmountWan',
      ),
    ).toContain('签约投资额');
    await refused(move(lanjiang, d.id, { to: 'signed', signedOn: '2027-02-02' }), 'signedAmountWan');
    // Dropping a deal needs a reason; converting an unsigned one is refused; an activity cannot be dated tomorrow.
    await refused(move(lanjiang, d.id, { to: 'terminated', reason: '  ' }), 'reason');
    const version = (await admin.get(`/api/v1/deals/${d.id}`)).body.version;
    expect(
      await refused(lanjiang.post(`/api/v1/deals/${d.id}/convert`, { version, industryCode: '35' }), 'version'),
    ).toContain('已签约');
    await refused(
      lanjiang.post(`/api/v1/deals/${d.id}/activities`, {
        onDate: '2027-02-03',
        kind: 'call',
        attendees: '张三',
        summary: '电话',
      }),
      'onDate',
    );
    await refused(lead(lanjiang, { intendedInvestmentWan: -1 }), 'intendedInvestmentWan');
    await refused(lead(lanjiang, { sourceRegion: 'mars' }), 'sourceRegion');
    // A credit code whose check character is wrong.
    expect(await refused(lead(lanjiang, { investorCreditCode: '91330781MA2EXXXX1A' }), 'investorCreditCode')).toContain(
      '校验位',
    );
    // In English on request.
    const en = await lanjiang.request(
      'POST',
      `/api/v1/deals/${d.id}/moves`,
      { version, to: 'terminated' },
      { headers: { 'accept-language': 'en' } },
    );
    expect(en.body.error).toMatchObject({ field: 'reason' });
    expect(en.body.error.message).toBe('Enter why the deal is terminated');
    const after = await must(admin.get(`/api/v1/deals/${d.id}`));
    expect(after).toMatchObject({ stage: 'negotiating', version, signedOn: null, project: null });
    expect(after.activities).toEqual([]);
  });

  it('shows a township its own deals, a team member the team’s, leaders all; others get nothing', async () => {
    const own = await must(lead(yunshan, { name: '云山智能制造项目', unitId: unit('云山街道').id, teamId }));
    const ids = async (client: ApiClient) =>
      (await must(client.get('/api/v1/deals?pageSize=100'))).items.map((i: { id: number }) => i.id) as number[];
    expect(await ids(yunshan)).toContain(own.id);
    expect(await ids(scout)).toEqual([own.id]);
    expect(await ids(lanjiang)).not.toContain(own.id);
    expect((await lanjiang.get(`/api/v1/deals/${own.id}`)).status).toBe(404);
    expect(await ids(leader)).toContain(own.id);
    // The team member logs on the team's deal; a leader reads but does not move it.
    await must(
      scout.post(`/api/v1/deals/${own.id}/activities`, {
        onDate: '2027-02-02',
        kind: 'reception',
        attendees: '沪苏招商小分队',
        summary: '接待客商考察',
      }),
    );
    expect((await move(leader, own.id, { to: 'assessing' })).status).toBe(403);
    const log = await must(scout.get(`/api/v1/deal-teams/${teamId}/log?from=2027-02-01&to=2027-02-07`));
    expect(log.entries.map((e: { summary: string }) => e.summary)).toEqual(['接待客商考察']);
    expect(log.counts.find((c: { kind: string }) => c.kind === 'reception').count).toBe(1);
    expect((await lanjiang.get(`/api/v1/deal-teams/${teamId}/log?from=2027-02-01&to=2027-02-07`)).status).toBe(404);
  });

  it('counts the funnel and the race figures from the deals, as of the period’s end', async () => {
    // 兰江街道's two deals: one signed and landed (in 线索 09-30 → 10-16, 16 days; 研判 0; 在谈 17), one in 在谈
    // since 2027-02-02 (线索 and 研判 0 days each).
    const funnel = await must(office.get(`/api/v1/deals/funnel?unitId=${unit('兰江街道').id}`));
    const row = (stage: string) => funnel.rows.find((r: { stage: string }) => r.stage === stage);
    expect(row('lead').reached).toBe(2);
    expect(row('negotiating')).toMatchObject({ reached: 2, current: 1, conversionPct: '50.0' });
    expect(row('signed')).toMatchObject({ reached: 1, conversionPct: '100.0' });
    expect(funnel.signedPct).toBe('50.0');
    expect(row('lead').medianDays).toBe(8);
    expect(row('negotiating').medianDays).toBe(17);

    const race = await must(
      office.post('/api/v1/races', {
        name: '2026年招商赛马',
        periodKind: 'month',
        indicators: [
          { key: 'signedDeals', weight: 50, method: 'efficacyCoefficient', params: {} },
          { key: 'signedDealsAboveYi', weight: 50, method: 'efficacyCoefficient', params: {} },
        ],
        topN: 1,
        bottomN: 1,
      }),
    );
    const valueAt = async (period: number, indicator: string) => {
      const ranking = await must(office.get(`/api/v1/races/${race.id}/ranking?year=2026&period=${period}`));
      const rows = ranking.groups.flatMap((g: { rows: unknown[] }) => g.rows) as {
        unitId: number;
        breakdown: { indicator: string; value: number | null }[];
      }[];
      return rows.find((r) => r.unitId === unit('兰江街道').id)!.breakdown.find((b) => b.indicator === indicator)!
        .value;
    };
    // Signed on 2026-11-02: not yet at October's end, counted at November's.
    expect(await valueAt(10, 'signedDeals')).toBe(0);
    expect(await valueAt(11, 'signedDeals')).toBe(1);
    expect(await valueAt(11, 'signedDealsAboveYi')).toBe(1);
    // The drill-through opens exactly the deal the figure counts, as its events stood then.
    const lj = unit('兰江街道').id;
    const records = await must(
      office.get(`/api/v1/races/${race.id}/records?year=2026&period=11&unitId=${lj}&indicator=signedDealsAboveYi`),
    );
    expect(records).toMatchObject({ count: 1, sumYuan: null });
    expect(records.deals).toEqual([
      expect.objectContaining({
        name: '高端装备产业园',
        signedOn: '2026-11-02',
        signedAmountYuan: 1_200_005_000,
        landedOn: null,
        counted: true,
      }),
    ]);
    const october = await must(
      office.get(`/api/v1/races/${race.id}/records?year=2026&period=10&unitId=${lj}&indicator=signedDeals`),
    );
    expect(october.deals).toEqual([]);
  });
  it('lists the head companies to approach per chain and link, with their status and the deals that came from them', async () => {
    const target = await must(
      office.post('/api/v1/deal-targets', {
        chainKey: 'electronics',
        linkKey: 'integratedCircuits',
        name: '深圳芯源半导体股份有限公司',
        category: 'unicorn',
        hqRegion: '深圳',
        unitId: unit('兰江街道').id,
      }),
    );
    expect(target).toMatchObject({ status: 'notContacted', chainLabel: '电子信息', deals: [] });
    const d = await must(lead(lanjiang, { name: '芯源封测基地', chainKey: 'electronics', targetId: target.id }));
    await must(lanjiang.patch(`/api/v1/deal-targets/${target.id}`, { status: 'visited', note: '已赴深圳总部拜访' }));
    const listed = await must(leader.get('/api/v1/deal-targets?chainKey=electronics'));
    expect(listed.items.find((t: { id: number }) => t.id === target.id)).toMatchObject({
      status: 'visited',
      deals: [{ id: d.id, name: '芯源封测基地', stage: 'lead', stageLabel: '线索' }],
    });
    // Another township's editor keeps none of 兰江街道's targets; a link of another chain is refused.
    expect((await yunshan.patch(`/api/v1/deal-targets/${target.id}`, { status: 'declined' })).status).toBe(403);
    const wrong = await office.post('/api/v1/deal-targets', {
      chainKey: 'electronics',
      linkKey: 'silk',
      name: '某企业',
      category: 'head',
      unitId: unit('兰江街道').id,
    });
    expect([wrong.status, wrong.body.error.field]).toEqual([400, 'linkKey']);
  });
});
