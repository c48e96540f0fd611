import { parseConfig, type Config } from '../../src/server/config/config.ts';
import type { Clock } from '../../src/server/clock.ts';
import { openDb, type Db } from '../../src/server/db/client.ts';
import { migrateToLatest } from '../../src/server/db/migrate.ts';
import { buildApp } from '../../src/server/http/app.ts';
import type { Services } from '../../src/server/services.ts';
import { freshDatabase, type DatabaseKind } from './databases.ts';

export interface TestServer {
  url: string;
  db: Db;
  config: Config;
  /** The server's own services, for the few tests that call one directly (e.g. a step not yet behind an endpoint). */
  services: Services;
  close(): Promise<void>;
}

/** A real Lantern server on a random port over a fresh database of the given kind. */
export async function startTestServer(
  kind: DatabaseKind,
  options: { env?: Record<string, string>; clock?: Clock; web?: boolean; template?: string } = {},
): Promise<TestServer> {
  const fresh = await freshDatabase(kind, { template: options.template });
  const config: Config = {
    ...parseConfig({ PORT: '0', HOST: '127.0.0.1', LANTERN_WEB_DIR: options.web ? 'web/dist' : '', ...options.env }),
    database: fresh.database,
  };
  const db = openDb(config.database);
  await migrateToLatest(db);
  const { app, services } = await buildApp({ config, db, clock: options.clock ?? (() => new Date()) });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    url: `http://127.0.0.1:${port}`,
    db,
    config,
    services,
    async close() {
      await app.close();
      await db.close();
      await fresh.drop();
    },
  };
}
