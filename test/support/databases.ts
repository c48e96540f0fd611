import { randomBytes } from 'node:crypto';
import os from 'node:os';
import path from 'node:path';
import fs from 'node:fs';
import pg from 'pg';
import type { Database } from '../../src/server/config/config.ts';

/** The PostgreSQL server the integration suite uses; the machine's default is trust auth on 127.0.0.1. */
export const PG_ADMIN_URL = process.env.LANTERN_TEST_PG ?? 'postgres://postgres@127.0.0.1:5432/test';

export type DatabaseKind = 'sqlite' | 'postgres';

async function postgresReachable(): Promise<boolean> {
  const client = new pg.Client({ connectionString: PG_ADMIN_URL, connectionTimeoutMillis: 2000 });
  try {
    await client.connect();
    await client.end();
    return true;
  } catch {
    return false;
  }
}

/**
 * Both databases, always under CI (a missing PostgreSQL fails the run there instead of skipping).
 * Locally, without PostgreSQL, the suite runs on SQLite alone and says so.
 */
export async function databaseKinds(): Promise<DatabaseKind[]> {
  if (process.env.CI === 'true' || (await postgresReachable())) return ['sqlite', 'postgres'];
  console.warn(`PostgreSQL is not reachable at ${PG_ADMIN_URL}: running on SQLite only. See README to start it.`);
  return ['sqlite'];
}

/**
 * A fresh database of the given kind, and a function that throws it away: empty, or a copy of a
 * template (a SQLite file, or a PostgreSQL database no one is connected to).
 */
export async function freshDatabase(
  kind: DatabaseKind,
  options: { template?: string } = {},
): Promise<{ database: Database; drop: () => Promise<void> }> {
  const name = `lantern_t_${randomBytes(5).toString('hex')}`;
  if (kind === 'sqlite') {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lantern-test-'));
    const file = path.join(dir, `${name}.db`);
    if (options.template) fs.copyFileSync(options.template, file);
    return { database: { kind: 'sqlite', file }, drop: async () => fs.rmSync(dir, { recursive: true, force: true }) };
  }
  const admin = new pg.Client({ connectionString: PG_ADMIN_URL });
  await admin.connect();
  try {
    for (let attempt = 0; ; attempt++) {
      try {
        await admin.query(`CREATE DATABASE ${name}${options.template ? ` TEMPLATE ${options.template}` : ''}`);
        break;
      } catch (e) {
        // Two copies of one template at the same moment: PostgreSQL lets one through at a time.
        if (!options.template || attempt > 50 || !/being accessed by other users/.test(String(e))) throw e;
        await new Promise((r) => setTimeout(r, 50));
      }
    }
  } finally {
    await admin.end();
  }
  const url = new URL(PG_ADMIN_URL);
  url.pathname = `/${name}`;
  return {
    database: { kind: 'postgres', url: url.toString() },
    drop: async () => {
      const c = new pg.Client({ connectionString: PG_ADMIN_URL });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await c.end();
    },
  };
}
