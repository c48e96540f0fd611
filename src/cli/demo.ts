import { parseArgs } from 'node:util';
import type { Config } from '../server/config/config.ts';
import { systemClock } from '../server/clock.ts';
import { openDb } from '../server/db/client.ts';
import { migrateToLatest } from '../server/db/migrate.ts';
import { DEMO_PASSWORD } from '../server/features/demo/demo.service.ts';
import { AppError } from '../server/http/errors.ts';
import { translate } from '../server/http/i18n.ts';
import { createServices } from '../server/services.ts';

/** `lantern demo [--seed N] [--projects N]`: an empty database becomes the demo county. */
export async function demo(args: string[], config: Config) {
  const { values } = parseArgs({
    args,
    options: { seed: { type: 'string', default: '20260101' }, projects: { type: 'string', default: '300' } },
  });
  const db = openDb(config.database);
  try {
    await migrateToLatest(db);
    const services = createServices(db, config, systemClock);
    const result = await services.demo.load({ seed: Number(values.seed), projectCount: Number(values.projects) });
    console.log(
      `Demo county 兰溪市: ${result.units} units, ${result.users} people, ${result.projects} projects, ${result.enterprises} enterprises, ${result.reports} monthly reports, ${result.tickets} enterprise problems.`,
    );
    console.log(
      `Sign in as admin, coordinator, leader, auditor, enterprise, or a township editor (lanjiang, shanghua, …); password: ${DEMO_PASSWORD}`,
    );
  } catch (err) {
    if (err instanceof AppError) throw new Error(translate(err.messageKey, config.locale, err.params), { cause: err });
    throw err;
  } finally {
    await db.close();
  }
}
