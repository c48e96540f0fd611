import fs from 'node:fs';
import { Migrator, type Kysely, type Migration } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDb } from '../src/server/db/client.ts';
import { ApiClient } from './support/client.ts';
import { databaseKinds, freshDatabase } from './support/databases.ts';
import { buildRaceCounty, publishFromDraft, STATISTICS_RACE, type RankedUnit } from './support/race-county.ts';
import { startTestServer, type TestServer } from './support/server.ts';

/** October 2026 is the latest finished month. */
const TODAY = new Date('2026-11-23T10:00:00Z');
const YI = 100_000_000;

type Row = { unitId: number; breakdown: { indicator: string; value: number | null }[] };
const rowsOf = (b: { ranking: { groups: { rows: Row[] }[] } }) => b.ranking.groups.flatMap((g) => g.rows);
const taxOf = (b: { ranking: { groups: { rows: Row[] }[] } }, unitId: number) =>
  rowsOf(b)
    .find((r) => r.unitId === unitId)!
    .breakdown.find((c) => c.indicator === 'taxRevenue')!.value;

describe.each(await databaseKinds())('correcting a published bulletin (更正通报) on %s', (kind) => {
  let server: TestServer;
  let county: Awaited<ReturnType<typeof buildRaceCounty>>;
  let missing: RankedUnit;
  let october: { id: number; title: string; docNumber: string; commentary: string };
  let correction: { id: number; title: string; docNumber: string };
  const REASON = '补录兰江街道10月税收数据后重新计分';

  beforeAll(async () => {
    server = await startTestServer(kind, { clock: () => TODAY });
    county = await buildRaceCounty(server.url);
    missing = county.townships[0]!;
    // October is published while one township's tax figure is still missing.
    await county.fill({ tax: [missing.unitId] });
    const published = await publishFromDraft(county.coordinator, county.raceId, 2026, 10);
    expect(published.status).toBe(201);
    october = published.body;
  });
  afterAll(() => server?.close());

  it('offers the defaults of a correction: its own title, the next 文号, a fresh draft', async () => {
    const res = await county.coordinator.get(`/api/v1/bulletins/${october.id}/correction-draft`);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      title: `关于${october.title}的更正通报`,
      docNumber: '兰项绩办〔2026〕2号',
      corrects: { id: october.id, title: october.title, docNumber: october.docNumber },
    });
    expect(res.body.commentary).toContain('一、总体情况');
  });

  it.each([
    ['without a reason', {}],
    ['with a reason of one character', { reason: '错' }],
  ])('refuses a correction %s, naming reason', async (_what, body) => {
    const res = await county.coordinator.post(`/api/v1/bulletins/${october.id}/corrections`, {
      ...body,
      acknowledged: true,
    });
    expect(res.status).toBe(400);
    expect(res.body.error.field).toBe('reason');
  });

  it('is the coordinator’s: an editor gets 403', async () => {
    expect(
      (await county.editor.post(`/api/v1/bulletins/${october.id}/corrections`, { reason: REASON, acknowledged: true }))
        .status,
    ).toBe(403);
    expect((await county.editor.get(`/api/v1/bulletins/${october.id}/correction-draft`)).status).toBe(403);
  });

  it('issues a correction ranked from today’s data that supersedes the bulletin, which stays readable and marked', async () => {
    await county.put('/api/v1/indicator-values', {
      indicator: 'taxRevenue',
      year: 2026,
      month: 10,
      items: [{ unitId: missing.unitId, value: 3 * YI, source: '县税务局' }],
    });
    const res = await county.coordinator.post(`/api/v1/bulletins/${october.id}/corrections`, {
      reason: REASON,
      acknowledged: true,
    });
    expect(res.status).toBe(201);
    correction = res.body;
    expect(res.body).toMatchObject({
      title: `关于${october.title}的更正通报`,
      docNumber: '兰项绩办〔2026〕2号',
      year: 2026,
      periodIndex: 10,
      isCurrent: true,
      corrects: { id: october.id, title: october.title, docNumber: october.docNumber, reason: REASON },
      supersededBy: null,
    });
    expect(
      res.body.commentary.startsWith(
        `现对《${october.title}》（${october.docNumber}）予以更正，以本通报为准，原通报同时废止。更正原因：${REASON}。\n\n一、总体情况`,
      ),
    ).toBe(true);
    expect(taxOf(res.body, missing.unitId)).toBe(3 * YI);

    const old = (await county.editor.get(`/api/v1/bulletins/${october.id}`)).body;
    expect(old).toMatchObject({
      title: october.title,
      commentary: october.commentary,
      isCurrent: false,
      corrects: null,
      supersededBy: {
        id: correction.id,
        title: correction.title,
        docNumber: correction.docNumber,
        reason: REASON,
        at: TODAY.toISOString(),
      },
    });
    expect(taxOf(old, missing.unitId)).toBeNull();

    const events = (await county.admin.get(`/api/v1/audit?objectType=bulletin&objectId=${correction.id}`)).body.items;
    expect(events.map((e: { action: string }) => e.action)).toEqual(['bulletin.correct']);
    expect(events[0].summary).toContain(`原因：${REASON}`);
    expect(events[0].after).toMatchObject({ reason: REASON, supersedes: october.id });
  });

  it('makes the correction the latest: first in the list above what it corrects, on the dashboard', async () => {
    const items = (await county.editor.get('/api/v1/bulletins')).body.items;
    expect(items.map((i: { id: number; isCurrent: boolean }) => [i.id, i.isCurrent])).toEqual([
      [correction.id, true],
      [october.id, false],
    ]);
    expect(items[1].supersededBy).toMatchObject({ id: correction.id, reason: REASON });
    expect((await county.coordinator.get('/api/v1/dashboard')).body.latestBulletin).toMatchObject({
      id: correction.id,
      docNumber: correction.docNumber,
    });
    // Publishing the period again is refused, naming the correction now in force.
    const again = await publishFromDraft(county.coordinator, county.raceId, 2026, 10);
    expect(again.status).toBe(409);
    expect(again.body.error.message).toContain(correction.docNumber);
  });

  it('refuses with 409 to correct a superseded bulletin, naming the correction', async () => {
    const res = await county.coordinator.post(`/api/v1/bulletins/${october.id}/corrections`, {
      reason: '再次更正',
      acknowledged: true,
    });
    expect(res.status).toBe(409);
    expect(res.body.error.message).toBe(
      `《${october.title}》（${october.docNumber}）已被《${correction.title}》（${correction.docNumber}）更正，只能更正本期最新的通报`,
    );
    expect((await county.coordinator.get(`/api/v1/bulletins/${october.id}/correction-draft`)).status).toBe(409);
  });

  it('corrects the correction in turn, and lets only one of two simultaneous corrections through', async () => {
    const second = new ApiClient(server.url);
    await second.signIn('coordinator', 'password-1234');
    const body = {
      reason: '更正文字错误',
      title: '关于更正的更正通报',
      docNumber: '兰项绩办〔2026〕9号',
      commentary: '一、总体情况\n正文',
      acknowledged: true,
    };
    const [a, b] = await Promise.all([
      county.coordinator.post(`/api/v1/bulletins/${correction.id}/corrections`, body),
      second.post(`/api/v1/bulletins/${correction.id}/corrections`, body),
    ]);
    expect([a.status, b.status].sort()).toEqual([201, 409]);
    const winner = a.status === 201 ? a.body : b.body;
    expect(winner).toMatchObject({
      title: '关于更正的更正通报',
      docNumber: '兰项绩办〔2026〕9号',
      corrects: { id: correction.id },
    });
    expect(winner.commentary).toBe(
      `现对《${correction.title}》（${correction.docNumber}）予以更正，以本通报为准，原通报同时废止。更正原因：更正文字错误。\n\n一、总体情况\n正文`,
    );
    const chain = (await county.coordinator.get(`/api/v1/bulletins?raceId=${county.raceId}`)).body.items;
    expect(chain.map((i: { id: number }) => i.id)).toEqual([winner.id, correction.id, october.id]);
    expect(chain.filter((i: { isCurrent: boolean }) => i.isCurrent)).toHaveLength(1);
    correction = winner;
  });

  it('keeps October as the dashboard’s latest when September is back-filled afterwards, in another race too', async () => {
    const other = await county.coordinator.post('/api/v1/races', { ...STATISTICS_RACE, name: '2026年财税赛马（补）' });
    expect((await publishFromDraft(county.coordinator, county.raceId, 2026, 9)).status).toBe(201);
    expect((await publishFromDraft(county.coordinator, other.body.id, 2026, 8)).status).toBe(201);
    const dashboard = (await county.coordinator.get('/api/v1/dashboard')).body;
    expect(dashboard.latestBulletin).toMatchObject({ id: correction.id });
    expect(dashboard.race.raceId).toBe(county.raceId);
    const periods = (await county.coordinator.get('/api/v1/bulletins')).body.items.map(
      (i: { periodIndex: number; isCurrent: boolean }) => [i.periodIndex, i.isCurrent],
    );
    expect(periods).toEqual([
      [10, true],
      [10, false],
      [10, false],
      [9, true],
      [8, true],
    ]);
  });

  it('warns, when a target or figure of a published period changes, that the bulletins will not change', async () => {
    const target = await county.coordinator.request('PUT', '/api/v1/targets', {
      year: 2026,
      items: [{ unitId: missing.unitId, indicator: 'fiscalRevenue', value: 40 * YI }],
    });
    expect(target.status).toBe(200);
    expect(
      target.body.items.find(
        (i: { unitId: number; indicator: string }) => i.unitId === missing.unitId && i.indicator === 'fiscalRevenue',
      ).value,
    ).toBe(40 * YI);
    expect(target.body.warnings).toHaveLength(1);
    const warned = target.body.warnings[0];
    expect(warned.code).toBe('BULLETINS_UNCHANGED');
    // The bulletins in force of 2026 that use 财政收入, never a superseded one.
    expect(warned.bulletins).toHaveLength(3);
    expect(warned.bulletins.map((b: { id: number }) => b.id)).not.toContain(october.id);
    expect(warned.message.startsWith('已发布的《')).toBe(true);
    expect(warned.message).toContain(`《${correction.title}》（${correction.docNumber}）`);
    expect(warned.message).toMatch(/不会随之改变，如需更正请发布更正通报$/);

    // A figure of October reaches only the bulletins of periods ending in October.
    const value = await county.coordinator.request('PUT', '/api/v1/indicator-values', {
      indicator: 'taxRevenue',
      year: 2026,
      month: 10,
      items: [{ unitId: missing.unitId, value: 4 * YI, source: '县税务局' }],
    });
    expect(value.body.warnings[0].bulletins.map((b: { id: number }) => b.id)).toEqual([correction.id]);
    // Nothing published uses it, or nothing changed: no warning.
    expect(
      (
        await county.coordinator.request('PUT', '/api/v1/targets', {
          year: 2026,
          items: [{ unitId: missing.unitId, indicator: 'projectsStarted', value: 3 }],
        })
      ).body.warnings,
    ).toEqual([]);
    expect(
      (
        await county.coordinator.request('PUT', '/api/v1/targets', {
          year: 2026,
          items: [{ unitId: missing.unitId, indicator: 'fiscalRevenue', value: 40 * YI }],
        })
      ).body.warnings,
    ).toEqual([]);
    expect(
      (
        await county.coordinator.request('PUT', '/api/v1/indicator-values', {
          indicator: 'taxRevenue',
          year: 2026,
          month: 7,
          items: [{ unitId: missing.unitId, value: YI, source: '县税务局' }],
        })
      ).body.warnings,
    ).toEqual([]);
  });
});

describe.each(await databaseKinds())('migration 0013 over published bulletins on %s', (kind) => {
  it('keeps every bulletin and its id, then allows a chain per period with one current bulletin', async () => {
    const fresh = await freshDatabase(kind);
    const db = openDb(fresh.database);
    try {
      const all: Record<string, Migration> = {};
      for (const file of fs.readdirSync('src/server/db/migrations').filter((f) => /^\d{4}_\w+\.ts$/.test(f))) {
        const m = (await import(`../src/server/db/migrations/${file}`)) as {
          up: (db: Kysely<any>, dialect: typeof kind) => Promise<void>;
        };
        all[file.replace(/\.ts$/, '')] = { up: (d) => m.up(d, kind) };
      }
      const upTo = (last: string) =>
        new Migrator({
          db: db.kysely,
          provider: {
            getMigrations: async () => Object.fromEntries(Object.entries(all).filter(([name]) => name <= last)),
          },
        });
      expect((await upTo('0012_history').migrateToLatest()).error).toBeUndefined();
      const k = db.kysely as Kysely<any>;
      const race = await k
        .insertInto('races')
        .values({ name: '赛马', definition_json: '{}', created_by: 'x', created_at: 'x', updated_at: 'x' })
        .returning('id')
        .executeTakeFirstOrThrow();
      const row = {
        race_id: race.id,
        year: 2026,
        period_kind: 'month',
        title: '通报',
        doc_number: '1号',
        issuer: '办公室',
        commentary: '正文',
        snapshot_json: '{}',
        published_by: '王',
        published_at: '2026-11-01T00:00:00.000Z',
      };
      for (const period_index of [8, 9, 10])
        await k
          .insertInto('bulletins')
          .values({ ...row, period_index })
          .execute();

      expect((await upTo('0013_bulletin_corrections').migrateToLatest()).error).toBeUndefined();
      const kept = await k
        .selectFrom('bulletins')
        .select(['id', 'period_index', 'title', 'superseded_at', 'supersedes_id'])
        .orderBy('id')
        .execute();
      expect(kept.map((r) => [Number(r.id), r.period_index, r.title, r.superseded_at, r.supersedes_id])).toEqual([
        [1, 8, '通报', null, null],
        [2, 9, '通报', null, null],
        [3, 10, '通报', null, null],
      ]);
      // Two current bulletins of a period: refused by the index, as the unique key did before.
      await expect(
        k
          .insertInto('bulletins')
          .values({ ...row, period_index: 10 })
          .execute(),
      ).rejects.toThrow(/unique|duplicate/i);
      // Superseded first, the correction takes its place, then names it.
      await k.updateTable('bulletins').set({ superseded_at: '2026-11-23T10:00:00.000Z' }).where('id', '=', 3).execute();
      const next = await k
        .insertInto('bulletins')
        .values({ ...row, period_index: 10, supersedes_id: 3, correction_reason: '补录' })
        .returning('id')
        .executeTakeFirstOrThrow();
      await k.updateTable('bulletins').set({ superseded_by_id: next.id }).where('id', '=', 3).execute();
      expect(Number(next.id)).toBeGreaterThan(3);
    } finally {
      await db.close();
      await fresh.drop();
    }
  });
});
