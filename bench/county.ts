import { parseConfig, type Config } from '../src/server/config/config.ts';
import { openDb, type Db } from '../src/server/db/client.ts';
import { migrateToLatest } from '../src/server/db/migrate.ts';
import { createServices, type Services } from '../src/server/services.ts';
import { freshDatabase, type DatabaseKind } from '../test/support/databases.ts';

export interface BenchCounty {
  db: Db;
  config: Config;
  services: Services;
  /** The units directly below the county (townships, streets). */
  units: { id: number; path: string; name: string }[];
}

/** A fresh database of the given kind with 兰溪市 set up, handed to `fn`, dropped afterwards. */
export async function withBenchCounty(kind: DatabaseKind, fn: (county: BenchCounty) => Promise<void>): Promise<void> {
  const fresh = await freshDatabase(kind);
  const config = { ...parseConfig({ LANTERN_WEB_DIR: '' }), database: fresh.database };
  const db = openDb(config.database);
  try {
    await migrateToLatest(db);
    const services = createServices(db, config, () => new Date());
    await services.setup.run({ regionCode: '330781', username: 'admin', password: 'river-sesame-2026' });
    const units = await db.kysely.selectFrom('units').select(['id', 'path', 'name']).where('depth', '=', 1).execute();
    await fn({ db, config, services, units });
  } finally {
    await db.close();
    await fresh.drop();
  }
}
