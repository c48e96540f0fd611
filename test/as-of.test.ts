import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiClient } from './support/client.ts';
import { databaseKinds } from './support/databases.ts';
import type { TestServer } from './support/server.ts';
import { startDemoServer } from './support/demo.ts';

/** 2026-11-23 10:00 in 兰溪 (UTC+8): the demo's bulletins cover August–October. */
let now = new Date('2026-11-23T02:00:00Z');
const later = (hours: number) => (now = new Date(now.getTime() + hours * 3600_000));

type Row = {
  unitId: number;
  name: string;
  total: number;
  rank: number;
  breakdown: { indicator: string; value: number | null }[];
};
type Ranking = {
  groups: { rows: Row[] }[];
  indicators: { key: string }[];
  published: null | {
    bulletinId: number;
    groups: { rows: Row[] }[];
    changes: { unitId: number }[];
    approvedAfterCount: number;
    approvedAfter: { reportId: number; correctionReason: string | null }[];
  };
  asOf: string | null;
};
const rowsOf = (r: { groups: { rows: Row[] }[] }) => r.groups.flatMap((g) => g.rows);

describe.each(await databaseKinds())('figures as of a moment, on %s', (kind) => {
  let server: TestServer;
  let coordinator: ApiClient;
  let raceId: number;
  let bulletins: { id: number; periodIndex: number; publishedAt: string }[];

  beforeAll(async () => {
    now = new Date('2026-11-23T02:00:00Z');
    server = await startDemoServer(kind, { clock: () => now });
    coordinator = new ApiClient(server.url);
    await coordinator.signIn('coordinator', 'lantern-demo');
    raceId = (await coordinator.get('/api/v1/races')).body.items[0].id;
    bulletins = (await coordinator.get(`/api/v1/bulletins?raceId=${raceId}`)).body.items;
    expect(bulletins.length).toBeGreaterThanOrEqual(3);
  });
  afterAll(() => server.close());

  const regenerateAll = async () => {
    for (const b of bulletins) {
      const res = await coordinator.get(`/api/v1/bulletins/${b.id}/regenerated`);
      expect(res.status).toBe(200);
      expect(res.body.differingParts, `bulletin ${b.id}`).toEqual([]);
      expect(res.body.regenerated).toEqual(res.body.frozen);
    }
  };

  it('regenerates every demo bulletin from history with exactly its frozen numbers', regenerateAll);

  it('lists every red project of its own month in a bulletin, never a capped list, and counts them from that list', async () => {
    for (const b of bulletins) {
      const full = (await coordinator.get(`/api/v1/bulletins/${b.id}`)).body;
      const red = full.redProjects.length;
      // The ranking's red deduction counts the same month's lights, unit by unit.
      const records = await Promise.all(
        rowsOf(full.ranking).map(
          async (r: Row) =>
            (
              await coordinator.get(
                `/api/v1/races/${raceId}/records?year=${full.year}&period=${full.periodIndex}&unitId=${r.unitId}&indicator=redProjects&asOf=${encodeURIComponent(full.publishedAt)}`,
              )
            ).body.count as number,
        ),
      );
      const counted = rowsOf(full.ranking).map(
        (r: Row) => r.breakdown.find((c) => c.indicator === 'redProjects')!.value,
      );
      expect(counted).toEqual(records);
      expect(records.reduce((s, n) => s + n, 0)).toBeLessThanOrEqual(red);
    }
  });

  it('keeps a published period’s frozen ranking beside the live one after a correction, and explains the difference', async () => {
    const october = bulletins.find((b) => b.periodIndex === 10)!;
    const frozen = (await coordinator.get(`/api/v1/bulletins/${october.id}`)).body;
    // Three hours later 兰江街道's township editor corrects an approved October report and the coordinator approves it.
    later(3);
    const editor = new ApiClient(server.url);
    await editor.signIn('lanjiang', 'lantern-demo');
    const lanjiang = rowsOf(frozen.ranking).find((r: Row) => r.name === '兰江街道')!;
    const projects = (await coordinator.get(`/api/v1/projects?unitId=${lanjiang.unitId}&limit=100`)).body.items as {
      id: number;
    }[];
    // Its largest approved October report is corrected to nothing (the money was booked in the wrong month).
    let largest: { id: number; amountYuan: number } | null = null;
    for (const p of projects) {
      const approved = (
        (await coordinator.get(`/api/v1/projects/${p.id}/reports`)).body.items as {
          id: number;
          year: number;
          month: number;
          state: string;
          isCurrent: boolean;
          amountYuan: number;
        }[]
      ).find((r) => r.year === 2026 && r.month === 10 && r.state === 'approved' && r.isCurrent);
      if (approved && approved.amountYuan > (largest?.amountYuan ?? 0)) largest = approved;
    }
    expect(largest).not.toBeNull();
    const c = await editor.post(`/api/v1/reports/${largest!.id}/corrections`, {
      amountWan: 0,
      reason: '补报设备购置款',
    });
    expect(c.status, JSON.stringify(c.body)).toBe(201);
    later(1);
    expect((await coordinator.post(`/api/v1/reports/${c.body.id}/approve`)).status).toBe(200);
    const corrected: number = c.body.id;
    later(1);

    const live: Ranking = (await coordinator.get(`/api/v1/races/${raceId}/ranking?year=2026&period=10`)).body;
    expect(live.published!.bulletinId).toBe(october.id);
    expect(live.published!.groups).toEqual(frozen.ranking.groups);
    expect(rowsOf(live).find((r) => r.unitId === lanjiang.unitId)!.total).not.toBe(lanjiang.total);
    expect(live.published!.changes.map((c) => c.unitId)).toContain(lanjiang.unitId);
    expect(live.published!.approvedAfter.map((a) => a.reportId)).toContain(corrected);
    expect(live.published!.approvedAfter.find((a) => a.reportId === corrected)!.correctionReason).toBe(
      '补报设备购置款',
    );

    // As of the moment of publication the figures are the frozen ones, and the regeneration still holds.
    const asOf: Ranking = (
      await coordinator.get(
        `/api/v1/races/${raceId}/ranking?year=2026&period=10&asOf=${encodeURIComponent(october.publishedAt)}`,
      )
    ).body;
    expect(asOf.asOf).toBe(october.publishedAt);
    expect(asOf.groups).toEqual(frozen.ranking.groups);
    await regenerateAll();
  });

  it('opens exactly the records each computed figure counts, live and as of publication', async () => {
    // As of October's bulletin both September and October had ended.
    for (const asOf of [null, bulletins.find((b) => b.periodIndex === 10)!.publishedAt]) {
      for (const period of [9, 10]) {
        const ranking: Ranking = (
          await coordinator.get(
            `/api/v1/races/${raceId}/ranking?year=2026&period=${period}${asOf ? `&asOf=${encodeURIComponent(asOf)}` : ''}`,
          )
        ).body;
        if (asOf) expect(ranking.asOf).toBe(asOf);
        for (const row of rowsOf(ranking)) {
          for (const cell of row.breakdown) {
            if (cell.indicator === 'fiscalRevenue') continue;
            const res = await coordinator.get(
              `/api/v1/races/${raceId}/records?year=2026&period=${period}&unitId=${row.unitId}&indicator=${cell.indicator}${asOf ? `&asOf=${encodeURIComponent(asOf)}` : ''}`,
            );
            expect(res.status).toBe(200);
            const counted = cell.indicator === 'fixedAssetInvestment' ? res.body.sumYuan : res.body.count;
            expect(counted, `${row.name} ${cell.indicator} ${period} ${asOf}`).toBe(cell.value);
          }
        }
      }
    }
  }, 300_000);

  it('gives the entered statistics as they stood at a moment, read-only, after the finance bureau revised one', async () => {
    const october = bulletins.find((b) => b.periodIndex === 10)!;
    const before = (await coordinator.get('/api/v1/indicator-values?indicator=fiscalRevenue&year=2026&month=10')).body;
    const first = before.items[0] as { unitId: number; value: number; source: string };
    later(1);
    const revised = await coordinator.put('/api/v1/indicator-values', {
      indicator: 'fiscalRevenue',
      year: 2026,
      month: 10,
      items: [{ unitId: first.unitId, value: first.value + 1_000_000, source: '县财政局（修订）' }],
    });
    expect(revised.status).toBe(200);
    const live = (await coordinator.get('/api/v1/indicator-values?indicator=fiscalRevenue&year=2026&month=10')).body;
    expect(live.items.find((i: { unitId: number }) => i.unitId === first.unitId).value).toBe(first.value + 1_000_000);
    const then = (
      await coordinator.get(
        `/api/v1/indicator-values?indicator=fiscalRevenue&year=2026&month=10&asOf=${encodeURIComponent(october.publishedAt)}`,
      )
    ).body;
    expect(then.asOf).toBe(october.publishedAt);
    expect(then.canEdit).toBe(false);
    expect(then.items.map((i: { unitId: number; value: number }) => [i.unitId, i.value]).sort()).toEqual(
      before.items.map((i: { unitId: number; value: number }) => [i.unitId, i.value]).sort(),
    );
    const bad = await coordinator.get(
      '/api/v1/indicator-values?indicator=fiscalRevenue&year=2026&month=10&asOf=2027-01-01',
    );
    expect(bad.status).toBe(400);
    expect(bad.body.error.field).toBe('asOf');
  });

  it.each([
    ['a future date', 'asOf=2027-01-01', 'asOf', '还未到来'],
    ['a date before the county was set up', 'asOf=2020-05-01', 'asOf', '早于本系统启用'],
    ['something that is not a date', 'asOf=上个月', 'asOf', '无法识别'],
    ['a period not yet ended', 'year=2026&period=12', 'period', '尚未结束'],
  ])('refuses %s, naming the field', async (_what, query, field, message) => {
    const res = await coordinator.get(`/api/v1/races/${raceId}/ranking?${query}`);
    expect(res.status).toBe(400);
    expect(res.body.error.field).toBe(field);
    expect(res.body.error.message).toContain(message);
  });

  it('says an entered statistic has no records behind it', async () => {
    const unitId = rowsOf((await coordinator.get(`/api/v1/races/${raceId}/ranking?year=2026&period=10`)).body)[0]!
      .unitId;
    const res = await coordinator.get(
      `/api/v1/races/${raceId}/records?year=2026&period=10&unitId=${unitId}&indicator=fiscalRevenue`,
    );
    expect(res.status).toBe(400);
    expect(res.body.error.field).toBe('indicator');
  });
});
