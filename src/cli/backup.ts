import path from 'node:path';
import { parseArgs } from 'node:util';
import type { Config } from '../server/config/config.ts';
import { openDb } from '../server/db/client.ts';

/**
 * A consistent copy of the SQLite file while the server keeps running (SQLite's online backup API,
 * which copies a snapshot page by page). PostgreSQL has its own tool; we print the line to use.
 */
export async function backup(args: string[], config: Config) {
  const { values } = parseArgs({ args, options: { out: { type: 'string' } } });
  const stamp = new Date().toISOString().replace(/[:.]/g, '-').slice(0, 19);
  if (config.database.kind === 'postgres') {
    const out = values.out ?? `lantern-${stamp}.dump`;
    console.log(`PostgreSQL: run\n  pg_dump --format=custom --file=${out} "${config.database.url}"`);
    return;
  }
  const out = values.out ?? path.join(path.dirname(config.database.file), `lantern-${stamp}.db`);
  const db = openDb(config.database);
  try {
    await db.sqlite!.backup(out);
    console.log(`Backed up ${config.database.file} to ${out}`);
  } finally {
    await db.close();
  }
}
