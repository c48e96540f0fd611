import { ApiClient } from '../test/support/client.ts';
import type { DatabaseKind } from '../test/support/databases.ts';
import { setUpCounty } from '../test/support/factories.ts';
import { startTestServer } from '../test/support/server.ts';
import { ms, timeMany } from './stats.ts';

/**
 * The platform's own costs, over HTTP against a running server: a sign-in (scrypt, 32 MiB),
 * an authenticated read of the unit tree, and a write with its audit event.
 */
export async function benchFoundation(args: { requests: number; databases: DatabaseKind[] }) {
  for (const kind of args.databases) {
    const server = await startTestServer(kind);
    try {
      const { admin, unit } = await setUpCounty(server.url);
      const signIn = await timeMany(20, () => new ApiClient(server.url).signIn('admin', 'river-sesame-2026'));
      const units = await timeMany(args.requests, () => admin.get('/api/v1/units'));
      let i = 0;
      const writes = await timeMany(Math.min(args.requests, 500), () =>
        admin.post('/api/v1/units', { parentId: unit('兰江街道').id, name: `社区${i++}`, kind: 'village' }),
      );
      console.log(`[${kind}] sign-in (scrypt N=2^15):  p50 ${ms(signIn.p50)}  p95 ${ms(signIn.p95)}`);
      console.log(
        `[${kind}] GET /api/v1/units:      p50 ${ms(units.p50)}  p95 ${ms(units.p95)}  (${args.requests} requests)`,
      );
      console.log(`[${kind}] POST /api/v1/units+audit: p50 ${ms(writes.p50)}  p95 ${ms(writes.p95)}`);
    } finally {
      await server.close();
    }
  }
}
