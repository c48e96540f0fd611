// Two coordinators changing the light rules at the same moment: one new version is made from what each
// saw, the other is told someone changed them meanwhile (409), never a 500 from the version's key.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApiClient } from './support/client.ts';
import { databaseKinds } from './support/databases.ts';
import { setUpCounty } from './support/factories.ts';
import { startTestServer, type TestServer } from './support/server.ts';

describe.each(await databaseKinds())('light rules changed at once on %s', (kind) => {
  let server: TestServer;
  let admin: ApiClient;
  beforeAll(async () => {
    server = await startTestServer(kind);
    ({ admin } = await setUpCounty(server.url));
  });
  afterAll(() => server.close());

  it('makes consecutive versions and answers the others 409, in the one error shape', async () => {
    for (let round = 0; round < 3; round++) {
      const before = (await admin.get('/api/v1/light-rules')).body.version as number;
      const answers = await Promise.all(
        [1, 2, 3, 4].map((n) =>
          admin.request('PUT', '/api/v1/light-rules', { approvals: { yellowFromDays: n, redAboveDays: 30 + n } }),
        ),
      );
      const statuses = answers.map((a) => a.status);
      expect(
        statuses.every((s) => s === 200 || s === 409),
        JSON.stringify(answers.map((a) => a.body)),
      ).toBe(true);
      for (const a of answers.filter((x) => x.status === 409))
        expect(a.body.error).toMatchObject({ code: 'CONFLICT', message: expect.stringContaining('亮灯规则') });
      const after = (await admin.get('/api/v1/light-rules')).body.version as number;
      expect(after - before).toBe(statuses.filter((s) => s === 200).length);
    }
  });
});
