import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiClient } from './support/client.ts';
import { databaseKinds } from './support/databases.ts';
import { buildRaceCounty, publishFromDraft, type RankedUnit } from './support/race-county.ts';
import { startTestServer, type TestServer } from './support/server.ts';

/** October 2026 has ended; November has not. */
const TODAY = new Date('2026-11-23T10:00:00Z');

interface CheckItem {
  code: string;
  blocking: boolean;
  message: string;
  indicator: string | null;
  group: string | null;
  units: { unitId: number; name: string }[];
}

describe.each(await databaseKinds())('the check before publishing a bulletin on %s', (kind) => {
  let server: TestServer;
  let county: Awaited<ReturnType<typeof buildRaceCounty>>;
  let noTarget: RankedUnit;
  let noTax: RankedUnit;
  const check = async (period: number, client: ApiClient = county.coordinator) =>
    client.get(`/api/v1/races/${county.raceId}/publish-check?year=2026&period=${period}`);

  beforeAll(async () => {
    server = await startTestServer(kind, { clock: () => TODAY });
    county = await buildRaceCounty(server.url);
    [noTarget, noTax] = county.townships as [RankedUnit, RankedUnit];
    await county.fill({ target: [noTarget.unitId], tax: [noTax.unitId] });
  });
  afterAll(() => server?.close());

  it('names the units without a target, those without an entered figure, and a group too small for both lists', async () => {
    const res = await check(10);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      raceId: county.raceId,
      period: { kind: 'month', year: 2026, index: 10, label: '2026年10月' },
      canPublish: true,
      needsAcknowledgement: true,
    });
    const items = res.body.items as CheckItem[];
    expect(items.map((i) => [i.code, i.blocking, i.indicator ?? i.group, i.units.map((u) => u.name)])).toEqual([
      ['NO_TARGET', false, 'fiscalRevenue', [noTarget.unitName]],
      ['NO_VALUE', false, 'taxRevenue', [noTax.unitName]],
      ['GROUP_TOO_SMALL', false, 'departments', expect.arrayContaining(['发改局', '住建局'])],
    ]);
    expect(items[0]!.message).toBe(`1 个单位未设“财政收入”目标，该项不得分（按 0 分计入总分）：${noTarget.unitName}`);
    expect(items[1]!.message).toBe(`1 个单位未录入截至10月的“税收”数据，该项不得分：${noTax.unitName}`);
    expect(items[2]!.message).toMatch(
      /^“县级部门”仅 2 个单位参评，少于“骏马”“蜗牛”名额之和（3\+3），本组不通报“骏马”“蜗牛”：/,
    );
  });

  it('speaks English when asked', async () => {
    const en = new ApiClient(server.url, { language: 'en' });
    await en.signIn('coordinator', 'password-1234');
    const items = (await check(10, en)).body.items as CheckItem[];
    expect(items[0]!.message).toBe(
      `1 unit(s) have no target for "Fiscal revenue" and score nothing on it (0 in the total): ${noTarget.unitName}`,
    );
  });

  it('blocks a period that has not ended', async () => {
    const res = await check(11);
    expect(res.body.canPublish).toBe(false);
    expect(res.body.items[0]).toMatchObject({
      code: 'PERIOD_NOT_ENDED',
      blocking: true,
      message: '2026年11月尚未结束，不能发布通报',
      units: [],
    });
  });

  it('is the coordinator’s: an editor gets 403', async () => {
    expect((await check(10, county.editor)).status).toBe(403);
  });

  it('refuses to publish past the findings unless acknowledged, naming the field, and publishes nothing', async () => {
    const refused = await publishFromDraft(county.coordinator, county.raceId, 2026, 10, {});
    expect(refused.status).toBe(400);
    expect(refused.body.error).toEqual({
      code: 'VALIDATION',
      field: 'acknowledged',
      message: '发布前检查发现 3 个问题，请核实后确认“仍要发布”',
    });
    expect((await county.coordinator.get(`/api/v1/bulletins?raceId=${county.raceId}`)).body.items).toEqual([]);
  });

  it('publishes once acknowledged, the audit event listing what was acknowledged, the small group naming nobody', async () => {
    const res = await publishFromDraft(county.coordinator, county.raceId, 2026, 10);
    expect(res.status).toBe(201);
    const departments = res.body.ranking.groups.find((g: { group: string }) => g.group === 'departments');
    expect(departments).toMatchObject({ top: [], bottom: [], tooSmall: true });
    expect(departments.rows).toHaveLength(2);
    expect(res.body.commentary).toContain('县级部门（共 2 个单位参评）：本组参评单位较少，不通报“骏马”“蜗牛”。');
    const townships = res.body.ranking.groups.find((g: { group: string }) => g.group === 'townships');
    expect(townships.top.length).toBeGreaterThanOrEqual(3);
    expect(townships.tooSmall).toBe(false);
    const inTop = new Set(townships.top.map((r: { unitId: number }) => r.unitId));
    expect(townships.bottom.filter((r: { unitId: number }) => inTop.has(r.unitId))).toEqual([]);

    const events = (await county.admin.get(`/api/v1/audit?objectType=bulletin&objectId=${res.body.id}`)).body.items;
    expect(events).toHaveLength(1);
    expect(events[0].summary).toContain('已确认发布前检查的 3 个问题');
    expect(events[0].after.acknowledged).toEqual([
      { code: 'NO_TARGET', indicator: 'fiscalRevenue', units: [noTarget.unitName] },
      { code: 'NO_VALUE', indicator: 'taxRevenue', units: [noTax.unitName] },
      { code: 'GROUP_TOO_SMALL', group: 'departments', units: expect.arrayContaining(['发改局', '住建局']) },
    ]);
  });

  it('says on the ranking which group is too small to name 骏马 and 蜗牛', async () => {
    const ranking = (await county.editor.get(`/api/v1/races/${county.raceId}/ranking?year=2026&period=10`)).body;
    const byGroup = Object.fromEntries(
      ranking.groups.map((g: { group: string; rows: unknown[]; tooSmall: boolean }) => [
        g.group,
        [g.rows.length, g.tooSmall],
      ]),
    );
    expect(byGroup.departments).toEqual([2, true]);
    expect(byGroup.townships[1]).toBe(false);
    // The published period's frozen ranking says the same.
    expect(ranking.published.groups.find((g: { group: string }) => g.group === 'departments').tooSmall).toBe(true);
  });

  it('finds nothing once the figures are in and the lists fit, and then publishes without acknowledging', async () => {
    await county.fill();
    const race = (await county.coordinator.get(`/api/v1/races/${county.raceId}`)).body.definition;
    expect(
      (await county.coordinator.request('PUT', `/api/v1/races/${county.raceId}`, { ...race, topN: 1, bottomN: 1 }))
        .status,
    ).toBe(200);
    const res = await check(9);
    expect(res.body).toMatchObject({ canPublish: true, needsAcknowledgement: false, items: [] });
    expect((await publishFromDraft(county.coordinator, county.raceId, 2026, 9, {})).status).toBe(201);
  });

  it('lets only one of two coordinators publishing the same period at once through', async () => {
    const second = new ApiClient(server.url);
    await second.signIn('coordinator', 'password-1234');
    const [a, b] = await Promise.all([
      publishFromDraft(county.coordinator, county.raceId, 2026, 8, { acknowledged: true }),
      publishFromDraft(second, county.raceId, 2026, 8, { acknowledged: true }),
    ]);
    expect([a.status, b.status].sort()).toEqual([201, 409]);
    expect(
      (await county.coordinator.get(`/api/v1/bulletins?raceId=${county.raceId}`)).body.items.filter(
        (i: { periodIndex: number }) => i.periodIndex === 8,
      ),
    ).toHaveLength(1);
  });
});
