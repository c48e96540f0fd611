import type { Config } from '../server/config/config.ts';
import { openDb } from '../server/db/client.ts';
import { migrateToLatest } from '../server/db/migrate.ts';

export async function migrate(config: Config) {
  const db = openDb(config.database);
  try {
    const applied = await migrateToLatest(db);
    console.log(applied.length ? `Applied: ${applied.join(', ')}` : 'The schema is up to date.');
  } finally {
    await db.close();
  }
}
