import type { Config } from '../server/config/config.ts';
import { systemClock } from '../server/clock.ts';
import { openDb } from '../server/db/client.ts';
import { migrateToLatest } from '../server/db/migrate.ts';
import { buildApp } from '../server/http/app.ts';
import { scheduleCutoff } from '../server/jobs/cutoff.ts';

export async function serve(config: Config) {
  const db = openDb(config.database);
  await migrateToLatest(db);
  const { app, services } = await buildApp({ config, db, clock: systemClock, logger: true });
  const stopCutoff = scheduleCutoff(services.lights, services.dailyReminders, app.log);
  await app.listen({ port: config.port, host: config.host });
  const where = config.database.kind === 'sqlite' ? `SQLite ${config.database.file}` : 'PostgreSQL';
  console.log(`Lantern 亮灯 is serving on http://localhost:${config.port} (${where})`);
  const stop = async () => {
    stopCutoff();
    await app.close();
    await db.close();
    process.exit(0);
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}
