// Sessions end after 12 idle hours, and after 24 hours however much they are used (ASVS V3.3.1/V3.3.2):
// a kept-open laptop in the township office does not stay signed in for ever.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiClient } from './support/client.ts';
import { databaseKinds } from './support/databases.ts';
import { ADMIN_PASSWORD, setUpCounty } from './support/factories.ts';
import { startTestServer, type TestServer } from './support/server.ts';

const HOUR = 3_600_000;

describe.each(await databaseKinds())('a session’s lifetime on %s', (kind) => {
  let server: TestServer;
  let now = new Date('2026-12-03T00:00:00Z');
  beforeAll(async () => {
    server = await startTestServer(kind, { clock: () => now });
    await setUpCounty(server.url);
  });
  afterAll(() => server.close());

  const signedIn = async () => {
    const client = new ApiClient(server.url);
    await client.signIn('admin', ADMIN_PASSWORD);
    return client;
  };

  it('ends after 12 hours without use', async () => {
    const client = await signedIn();
    now = new Date(now.getTime() + 11 * HOUR);
    expect((await client.get('/api/v1/me')).status).toBe(200);
    now = new Date(now.getTime() + 12 * HOUR + 60_000);
    expect((await client.get('/api/v1/me')).status).toBe(401);
  });

  it('ends 24 hours after sign-in however often it is used', async () => {
    const client = await signedIn();
    for (let h = 0; h < 23; h += 2) {
      now = new Date(now.getTime() + 2 * HOUR);
      expect((await client.get('/api/v1/me')).status, `${h + 2} h`).toBe(200);
    }
    now = new Date(now.getTime() + 2 * HOUR);
    const after = await client.get('/api/v1/me');
    expect(after.status).toBe(401);
    expect(after.body.error.code).toBe('UNAUTHENTICATED');
  });
});
