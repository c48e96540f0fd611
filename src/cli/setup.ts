import { randomBytes } from 'node:crypto';
import { parseArgs } from 'node:util';
import type { Config } from '../server/config/config.ts';
import { systemClock } from '../server/clock.ts';
import { openDb } from '../server/db/client.ts';
import { migrateToLatest } from '../server/db/migrate.ts';
import { AppError } from '../server/http/errors.ts';
import { translate } from '../server/http/i18n.ts';
import { createServices } from '../server/services.ts';

export async function setup(args: string[], config: Config) {
  const { values } = parseArgs({
    args,
    options: {
      region: { type: 'string' },
      username: { type: 'string', default: 'admin' },
      password: { type: 'string' },
      'display-name': { type: 'string' },
    },
  });
  if (!values.region) throw new Error('--region is required, e.g. --region 330781 (兰溪市)');
  const password = values.password ?? randomBytes(9).toString('base64url');
  const db = openDb(config.database);
  try {
    await migrateToLatest(db);
    const { setup } = createServices(db, config, systemClock);
    const result = await setup.run({
      regionCode: values.region,
      username: values.username!,
      password,
      displayName: values['display-name'],
    });
    console.log(
      `Set up ${result.county.province}${result.county.city}${result.county.name}: ${result.unitCount} units.`,
    );
    console.log(
      `Admin: ${values.username}${values.password ? '' : `  password: ${password}  (shown once; change it after signing in)`}`,
    );
  } catch (err) {
    if (err instanceof AppError) throw new Error(translate(err.messageKey, config.locale, err.params), { cause: err });
    throw err;
  } finally {
    await db.close();
  }
}
