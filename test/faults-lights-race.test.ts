import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUnitStats, type UnitStats } from '../src/server/features/stats/unit-stats.ts';
import { databaseKinds } from './support/databases.ts';
import { startDemoServer } from './support/demo.ts';
import type { TestServer } from './support/server.ts';

/**
 * Two recomputations of one project's light at once (an approval's recomputation beside the daily
 * cutoff's, or two servers): each adds to unit_stats the move from the colour it read before to the
 * one it stores. Under READ COMMITTED both can read the same "before" and count the move twice,
 * unless the project's row is locked first. The counts must still equal a rebuild.
 */
describe.each(await databaseKinds())('concurrent light recomputations on %s', (kind) => {
  let server: TestServer;
  let stats: UnitStats;
  const stored = async () => (await stats.all()).map((r) => `${r.unit_id}|${r.metric}|${r.month}|${Number(r.value)}`);

  beforeAll(async () => {
    server = await startDemoServer(kind);
    stats = createUnitStats(server.db.kysely, server.db.dialect);
  }, 300_000);
  afterAll(() => server?.close());

  it('count each colour change once', async () => {
    const k = server.db.kysely;
    const lit = await k.selectFrom('project_lights').select(['project_id', 'colour']).limit(40).execute();
    expect(lit.length).toBe(40);
    for (let round = 0; round < lit.length; round++) {
      const { project_id: id, colour } = lit[round]!;
      // The stored light is made wrong (the figures rebuilt to agree with it): recomputing moves it back.
      const wrong = colour === 'red' ? 'green' : 'red';
      await k.updateTable('project_lights').set({ colour: wrong }).where('project_id', '=', id).execute();
      await stats.rebuild();
      await Promise.all([
        server.services.lights.recomputeProject(id),
        server.services.lights.recomputeProject(id),
        server.services.lights.recomputeProject(id),
      ]);
      const incremental = await stored();
      await stats.rebuild();
      expect(incremental, `project ${id}, round ${round}`).toEqual(await stored());
    }
  }, 120_000);
});
