import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApiClient } from './support/client.ts';
import { databaseKinds } from './support/databases.ts';
import { ADMIN_PASSWORD, buildUser, setUpCounty } from './support/factories.ts';
import { buildProject } from './support/projects.ts';
import { startTestServer, type TestServer } from './support/server.ts';

// October's report is due on 3 November. 23:59 on 3 November in 兰溪 is 15:59 UTC; one minute past
// midnight on 4 November there is 16:01 UTC — still 3 November by the UTC calendar.
const BEFORE_MIDNIGHT = new Date('2026-11-03T15:59:00Z');
const AFTER_MIDNIGHT = new Date('2026-11-03T16:01:00Z');

describe.each(await databaseKinds())('the county’s own dates, on %s', (kind) => {
  let server: TestServer;
  let admin: ApiClient;
  let editor: ApiClient;
  let now = new Date('2026-11-03T10:00:00Z');
  const projects: number[] = [];

  beforeAll(async () => {
    server = await startTestServer(kind, { clock: () => now });
    const county = await setUpCounty(server.url);
    admin = county.admin;
    const unitId = county.unit('兰江街道').id;
    editor = (await buildUser(admin, server.url, { username: 'lanjiang', role: 'unit_editor', unitId })).client;
    for (const name of ['兰江街道安置房工程', '兰江街道道路提升工程']) {
      projects.push(
        (
          await buildProject(admin, unitId, {
            name,
            stage: 'construction',
            plannedStartDate: '2026-01-10',
            actualStartDate: '2026-01-20',
            actualSignDate: '2026-01-05',
            totalInvestmentWan: 20000,
            annualPlans: [{ year: 2026, amountWan: 12000 }],
          })
        ).id,
      );
    }
  });
  afterAll(() => server.close());

  const fileOctober = async (projectId: number) => {
    const r = await editor.post(`/api/v1/projects/${projectId}/reports`, { year: 2026, month: 10, amountWan: 800 });
    expect(r.status).toBe(201);
    return editor.post(`/api/v1/reports/${r.body.id}/submit`);
  };

  it('at 23:59 on the deadline day the report is on time, and today is the deadline day', async () => {
    now = BEFORE_MIDNIGHT;
    const todo = (await editor.get('/api/v1/reports/todo?year=2026&month=10')).body;
    expect(todo).toMatchObject({ deadline: '2026-11-03', today: '2026-11-03' });
    const submitted = await fileOctober(projects[0]!);
    expect(submitted.body).toMatchObject({ state: 'submitted', isLate: false });
  });

  it('at 00:01 the next day it is late, today has moved on, and a file name carries the new date', async () => {
    now = AFTER_MIDNIGHT;
    const todo = (await editor.get('/api/v1/reports/todo?year=2026&month=10')).body;
    expect(todo).toMatchObject({ deadline: '2026-11-03', today: '2026-11-04' });
    const submitted = await fileOctober(projects[1]!);
    expect(submitted.body).toMatchObject({ state: 'submitted', isLate: true });
    const res = await admin.getBytes('/api/v1/projects/export.xlsx?sort=name&order=asc&columns=name');
    expect(
      decodeURIComponent(/filename\*=UTF-8''([^;]+)/.exec(res.headers.get('content-disposition') ?? '')?.[1] ?? ''),
    ).toBe('项目库-2026-11-04.xlsx');
  });

  it('judges the assessed month on the local calendar', async () => {
    now = new Date('2026-11-30T16:30:00Z'); // 00:30 on 1 December in 兰溪
    await admin.signIn('admin', ADMIN_PASSWORD); // weeks later: the old session has expired
    const dashboard = (await admin.get('/api/v1/dashboard')).body;
    // On 1 December the lights assess November (by UTC it would still be October).
    expect(dashboard).toMatchObject({ year: 2026, month: 11 });
    expect((await admin.get('/api/v1/reports/todo?year=2026&month=11')).body.today).toBe('2026-12-01');
  });
});
