// One report reviewed twice at the same moment (two coordinators, a double click): it is approved once,
// with one audit event and its amount counted once; the others are told it moved meanwhile (409).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApiClient } from './support/client.ts';
import { databaseKinds } from './support/databases.ts';
import { buildUser, setUpCounty } from './support/factories.ts';
import { buildProject } from './support/projects.ts';
import { startTestServer, type TestServer } from './support/server.ts';

const TODAY = new Date('2026-11-23T10:00:00Z');

describe.each(await databaseKinds())('a report reviewed twice at once on %s', (kind) => {
  let server: TestServer;
  let admin: ApiClient;
  let editor: ApiClient;
  let projectId: number;
  beforeAll(async () => {
    server = await startTestServer(kind, { clock: () => TODAY });
    const county = await setUpCounty(server.url);
    admin = county.admin;
    const township = county.unit('兰江街道').id;
    editor = (await buildUser(admin, server.url, { username: 'lanjiang', role: 'unit_editor', unitId: township }))
      .client;
    projectId = (
      await buildProject(admin, township, {
        stage: 'construction',
        plannedStartDate: '2026-01-10',
        actualStartDate: '2026-01-20',
        totalInvestmentWan: 20000,
        annualPlans: [{ year: 2026, amountWan: 12000 }],
      })
    ).id;
  });
  afterAll(() => server.close());

  it.each([
    ['approvals', ['approve', 'approve', 'approve', 'approve']],
    ['an approval and returns', ['approve', 'return', 'return', 'approve']],
  ])('%s: exactly one wins', async (_what, actions) => {
    const month = actions[1] === 'approve' ? 9 : 10;
    const filed = await editor.post(`/api/v1/projects/${projectId}/reports`, { year: 2026, month, amountWan: 800 });
    expect(filed.status, JSON.stringify(filed.body)).toBe(201);
    const id = filed.body.id as number;
    expect((await editor.post(`/api/v1/reports/${id}/submit`)).status).toBe(200);
    const answers = await Promise.all(
      actions.map((a) => admin.post(`/api/v1/reports/${id}/${a}`, a === 'return' ? { reason: '数据有误' } : {})),
    );
    const statuses = answers.map((a) => a.status);
    expect(
      statuses.filter((s) => s === 200),
      JSON.stringify(answers.map((a) => a.body)),
    ).toHaveLength(1);
    expect(statuses.every((s) => s === 200 || s === 409)).toBe(true);
    const reviews = await server.db.kysely
      .selectFrom('audit_events')
      .select('action')
      .where('object_type', '=', 'report')
      .where('object_id', '=', String(id))
      .where('action', 'in', ['report.approve', 'report.return'])
      .execute();
    expect(reviews).toHaveLength(1);
  });
});
