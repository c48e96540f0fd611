import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApiClient } from './support/client.ts';
import { databaseKinds } from './support/databases.ts';
import { setUpCounty } from './support/factories.ts';
import { buildProject, buildReport } from './support/projects.ts';
import { startTestServer, type TestServer } from './support/server.ts';

// The per-unit status table counts in SQL (GROUP BY) what the to-do list lists: the two must agree.
const TODAY = new Date('2026-11-23T10:00:00Z');

describe.each(await databaseKinds())('the status table and the to-do list on %s', (kind) => {
  let server: TestServer;
  let admin: ApiClient;
  let unit: (name: string) => { id: number };

  beforeAll(async () => {
    server = await startTestServer(kind, { clock: () => TODAY });
    ({ admin, unit } = await setUpCounty(server.url));
  });
  afterAll(() => server.close());

  it('counts per unit exactly the obligations the to-do list shows, in every state', async () => {
    // Per township: projects left missing, filed as drafts, submitted, approved; one not due (planning).
    const plan: [string, ('missing' | 'draft' | 'submitted' | 'approved')[]][] = [
      ['兰江街道', ['missing', 'draft', 'submitted', 'approved', 'approved']],
      ['上华街道', ['submitted', 'submitted', 'missing']],
      ['女埠街道', ['approved']],
    ];
    for (const [name, states] of plan) {
      await buildProject(admin, unit(name).id, { name: `${name}谋划项目`, stage: 'planning' });
      for (const [i, state] of states.entries()) {
        const p = await buildProject(admin, unit(name).id, {
          name: `${name}在建项目${i + 1}`,
          stage: 'construction',
          plannedStartDate: '2026-01-10',
          actualStartDate: '2026-01-20',
        });
        if (state === 'missing') continue;
        const filed = await buildReport(admin, p.id, { year: 2026, month: 10, amountWan: 100 + i });
        if (state === 'draft') continue;
        expect((await admin.post(`/api/v1/reports/${filed.id}/submit`)).status).toBe(200);
        if (state === 'approved') expect((await admin.post(`/api/v1/reports/${filed.id}/approve`)).status).toBe(200);
      }
    }
    const todo = (await admin.get('/api/v1/reports/todo?year=2026&month=10')).body;
    const status = (await admin.get('/api/v1/reports/status?year=2026&month=10')).body;
    type Item = { unitName: string; state: string; isLate: boolean };
    const fromTodo = new Map<string, Record<string, number>>();
    for (const i of todo.items as Item[]) {
      const e = fromTodo.get(i.unitName) ?? { due: 0, filed: 0, missing: 0, late: 0, awaitingReview: 0 };
      e.due!++;
      if (i.state === 'submitted' || i.state === 'approved') e.filed!++;
      else e.missing!++;
      if (i.isLate) e.late!++;
      if (i.state === 'submitted') e.awaitingReview!++;
      fromTodo.set(i.unitName, e);
    }
    const fromStatus = new Map(
      (status.units as ({ unitName: string } & Record<string, number>)[]).map((u) => [
        u.unitName,
        { due: u.due, filed: u.filed, missing: u.missing, late: u.late, awaitingReview: u.awaitingReview },
      ]),
    );
    expect(fromStatus).toEqual(fromTodo);
    // And the worked example: 兰江街道 has 5 due, 3 filed (one waiting), 2 not filed (a draft counts as not filed).
    expect(fromStatus.get('兰江街道')).toMatchObject({ due: 5, filed: 3, missing: 2, awaitingReview: 1 });
    // Filed on 2026-11-23, long after 2026-11-03: every submitted report is late.
    expect(fromStatus.get('上华街道')).toMatchObject({ due: 3, filed: 2, late: 2 });
  });
});
