// Issue 13, finding 5: before a period is published, a township's editor reads their own unit's row
// and rank in the live ranking, not every other unit's targets and statistics; coordinators, leaders
// and auditors read everything; once published (晾晒), the ranking is everyone's.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApiClient } from './support/client.ts';
import { databaseKinds } from './support/databases.ts';
import { buildUser } from './support/factories.ts';
import { buildRaceCounty, publishFromDraft, type RankedUnit } from './support/race-county.ts';
import { startTestServer, type TestServer } from './support/server.ts';

const TODAY = new Date('2026-11-23T10:00:00Z');

interface Row {
  unitId: number;
  rank: number;
}
const rowsOf = (r: { groups: { rows: Row[]; top: Row[]; bottom: Row[] }[] }) =>
  r.groups.flatMap((g) => [...g.rows, ...g.top, ...g.bottom]);

describe.each(await databaseKinds())('who reads a live ranking on %s', (kind) => {
  let server: TestServer;
  let county: Awaited<ReturnType<typeof buildRaceCounty>>;
  let leader: ApiClient;
  let auditor: ApiClient;
  let lanjiang: RankedUnit;
  const ranking = (client: ApiClient) => client.get(`/api/v1/races/${county.raceId}/ranking?year=2026&period=10`);

  beforeAll(async () => {
    server = await startTestServer(kind, { clock: () => TODAY });
    county = await buildRaceCounty(server.url);
    await county.fill();
    const rootId = (await county.admin.get('/api/v1/units')).body.items.find(
      (u: { parentId: number | null }) => u.parentId === null,
    ).id;
    leader = (await buildUser(county.admin, server.url, { username: 'leader', role: 'leader', unitId: rootId })).client;
    auditor = (await buildUser(county.admin, server.url, { username: 'auditor', role: 'auditor', unitId: rootId }))
      .client;
    lanjiang = county.units.find((u) => u.unitName === '兰江街道')!;
  });
  afterAll(() => server.close());

  it('shows every unit to the coordinator, leaders and auditors before publication', async () => {
    for (const client of [county.coordinator, leader, auditor, county.admin]) {
      const r = (await ranking(client)).body;
      expect(r.visibility).toBe('full');
      expect(new Set(rowsOf(r).map((x) => x.unitId)).size).toBe(county.units.length);
    }
  });

  it('shows a township’s editor only their own row, with its rank among all, before publication', async () => {
    const full = (await ranking(county.coordinator)).body;
    const mine = (await ranking(county.editor)).body;
    expect(mine.visibility).toBe('own');
    const ids = new Set(rowsOf(mine).map((x) => x.unitId));
    expect([...ids]).toEqual([lanjiang.unitId]);
    const row = (r: typeof full) =>
      r.groups.flatMap((g: { rows: Row[] }) => g.rows).find((x: Row) => x.unitId === lanjiang.unitId);
    expect(row(mine)).toEqual(row(full));
    expect(mine.history.units.map((u: { unitId: number }) => u.unitId)).toEqual([lanjiang.unitId]);
    // Nor can they open the records behind another unit's figure.
    const other = county.units.find((u) => u.unitId !== lanjiang.unitId && u.kind === 'township')!;
    const records = (unitId: number) =>
      county.editor.get(
        `/api/v1/races/${county.raceId}/records?year=2026&period=10&unitId=${unitId}&indicator=fiscalRevenue`,
      );
    expect((await records(other.unitId)).status).toBe(403);
    expect((await records(lanjiang.unitId)).status).not.toBe(403);
  });

  it('shows everyone the whole ranking once the period is published', async () => {
    expect((await publishFromDraft(county.coordinator, county.raceId, 2026, 10)).status).toBe(201);
    const r = (await ranking(county.editor)).body;
    expect(r.visibility).toBe('full');
    expect(new Set(rowsOf(r).map((x) => x.unitId)).size).toBe(county.units.length);
  });
});
