import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { parseConfig, type Database } from '../../src/server/config/config.ts';
import type { Clock } from '../../src/server/clock.ts';
import { openDb } from '../../src/server/db/client.ts';
import { migrateToLatest } from '../../src/server/db/migrate.ts';
import { createServices } from '../../src/server/services.ts';
import { freshDatabase, PG_ADMIN_URL, type DatabaseKind } from './databases.ts';
import { startTestServer, type TestServer } from './server.ts';

/**
 * The demo county, loaded once per database kind, moment and version of the code, and copied for
 * each test that needs it: replaying the county's year through the services takes seconds on SQLite
 * and most of a minute on PostgreSQL, and every copy is exactly what loading it at that moment gives.
 * (test/demo.test.ts loads it the user's way, through the first-run page's button.)
 */
const ROOT = path.resolve(import.meta.dirname, '../..');
const DIR = path.join(os.tmpdir(), 'lantern-demo-templates');

/** A digest of the server's code and migrations: a template of older code is never used. */
function codeVersion(): string {
  const hash = createHash('sha256');
  const walk = (dir: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (/\.(ts|json)$/.test(entry.name) && !entry.name.endsWith('.test.ts'))
        hash.update(entry.name).update(fs.readFileSync(full));
    }
  };
  walk(path.join(ROOT, 'src'));
  return hash.digest('hex').slice(0, 10);
}

const until = async (done: () => boolean) => {
  while (!done()) await new Promise((r) => setTimeout(r, 50));
};

function builderAlive(lock: string): boolean {
  let pid: number;
  try {
    pid = Number(fs.readFileSync(lock, 'utf8'));
  } catch {
    return false;
  }
  // Not written yet (a moment after the lock was taken) counts as alive.
  if (!pid) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Replays the demo year into a new database at `loadedAt`, the way POST /api/v1/setup/demo does. */
async function build(database: Database, loadedAt: Date) {
  const config = { ...parseConfig({ PORT: '0', LANTERN_WEB_DIR: '' }), database };
  const db = openDb(database);
  try {
    await migrateToLatest(db);
    await createServices(db, config, () => loadedAt).demo.load();
  } finally {
    await db.close();
  }
}

async function pgQuery(sql: string) {
  const c = new pg.Client({ connectionString: PG_ADMIN_URL });
  await c.connect();
  try {
    return await c.query(sql);
  } finally {
    await c.end();
  }
}

const STALE_MS = 6 * 3_600_000;

/**
 * Throws away templates nobody is likely to use again: those whose ready mark is missing or older
 * than six hours (another version of the code, or an hour of the real clock long gone).
 */
async function sweep(keep: string) {
  const fresh = (n: string) => {
    try {
      return Date.now() - fs.statSync(path.join(DIR, `${n}.ready`)).mtimeMs < STALE_MS;
    } catch {
      return false;
    }
  };
  for (const file of fs.readdirSync(DIR)) {
    const n = file.replace(/\.(db|ready)$/, '');
    if (
      n !== keep &&
      /^lantern_demo_.*_s_/.test(n) &&
      /\.(db|ready)$/.test(file) &&
      !fresh(n) &&
      !fs.existsSync(path.join(DIR, `${n}.lock`))
    )
      fs.rmSync(path.join(DIR, file), { force: true });
  }
  const dbs = (
    await pgQuery("SELECT datname FROM pg_database WHERE datname LIKE 'lantern_demo_%'").catch(() => ({ rows: [] }))
  ).rows as { datname: string }[];
  for (const { datname } of dbs) {
    if (datname === keep || fresh(datname) || fs.existsSync(path.join(DIR, `${datname}.lock`))) continue;
    fs.rmSync(path.join(DIR, `${datname}.ready`), { force: true });
    await pgQuery(`DROP DATABASE IF EXISTS ${datname} WITH (FORCE)`).catch(() => undefined);
  }
}

/** The template's name (a PostgreSQL database or a SQLite file), built by the first test to ask, awaited by the others. */
async function template(kind: DatabaseKind, loadedAt: Date): Promise<string> {
  const name = `lantern_demo_${codeVersion()}_${kind === 'sqlite' ? 's' : 'p'}_${loadedAt.toISOString().replace(/\D/g, '').slice(0, 12)}`;
  fs.mkdirSync(DIR, { recursive: true });
  const ready = path.join(DIR, `${name}.ready`);
  const lock = path.join(DIR, `${name}.lock`);
  const target = kind === 'sqlite' ? path.join(DIR, `${name}.db`) : name;
  for (;;) {
    if (fs.existsSync(ready)) return target;
    let fd: number;
    try {
      fd = fs.openSync(lock, 'wx');
      fs.writeSync(fd, String(process.pid));
    } catch {
      // Another test is building it: wait until it is ready, or its builder gave up or died.
      await until(() => fs.existsSync(ready) || !fs.existsSync(lock) || !builderAlive(lock));
      if (!fs.existsSync(ready) && fs.existsSync(lock) && !builderAlive(lock)) fs.rmSync(lock, { force: true });
      continue;
    }
    try {
      await sweep(name);
      if (kind === 'sqlite') {
        fs.rmSync(target, { force: true });
        await build({ kind: 'sqlite', file: target }, loadedAt);
        // The copy must be one self-contained file.
        const check = openDb({ kind: 'sqlite', file: target });
        check.sqlite?.pragma('wal_checkpoint(TRUNCATE)');
        check.sqlite?.pragma('journal_mode = DELETE');
        await check.close();
      } else {
        await pgQuery(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
        await pgQuery(`CREATE DATABASE ${name}`);
        const url = new URL(PG_ADMIN_URL);
        url.pathname = `/${name}`;
        await build({ kind: 'postgres', url: url.toString() }, loadedAt);
      }
      fs.writeFileSync(ready, new Date().toISOString());
      return target;
    } finally {
      fs.closeSync(fd);
      fs.rmSync(lock, { force: true });
    }
  }
}

/**
 * A test server over a copy of the demo county as loaded at the start of the clock's hour (the
 * clock then runs on from wherever the test puts it). A test may move its clock after this returns.
 */
export async function startDemoServer(
  kind: DatabaseKind,
  options: { clock?: Clock; web?: boolean; env?: Record<string, string> } = {},
): Promise<TestServer> {
  const now = (options.clock ?? (() => new Date()))();
  const loadedAt = new Date(Math.floor(now.getTime() / 3_600_000) * 3_600_000);
  return startTestServer(kind, { ...options, template: await template(kind, loadedAt) });
}

/**
 * A fresh copy of the demo county as loaded at the start of the current hour, with no server on it:
 * for the tests that run the real `lantern serve` in a child process over it.
 */
export async function demoDatabase(kind: DatabaseKind, now = new Date()) {
  const loadedAt = new Date(Math.floor(now.getTime() / 3_600_000) * 3_600_000);
  return freshDatabase(kind, { template: await template(kind, loadedAt) });
}
