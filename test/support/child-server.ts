import { spawn, type ChildProcessByStdio } from 'node:child_process';
import { createHash } from 'node:crypto';
import path from 'node:path';
import type { Readable } from 'node:stream';
import SQLite from 'better-sqlite3';
import pg from 'pg';
import type { Database } from '../../src/server/config/config.ts';
import { openDb } from '../../src/server/db/client.ts';
import { createUnitStats } from '../../src/server/features/stats/unit-stats.ts';

const ROOT = path.resolve(import.meta.dirname, '../..');

/** Polls `done` every 20 ms until it holds (or `timeoutMs` passes): the tests wait for conditions, never for time. */
export async function until(done: () => boolean | Promise<boolean>, what: string, timeoutMs = 60_000) {
  const end = Date.now() + timeoutMs;
  while (!(await done())) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

export interface ChildServer {
  url: string;
  child: ChildProcessByStdio<null, Readable, Readable>;
  /** Everything the server wrote (its pino log and its banner). */
  output(): string;
  /** SIGKILL, and resolves once the process is gone. */
  kill(): Promise<void>;
  /** SIGTERM (a clean stop), resolved once the process is gone. */
  stop(): Promise<void>;
}

/**
 * The real `lantern serve` (bin/lantern.mjs, as an operator starts it) in a child process over
 * `database`, configured only by the environment, on a port of its choosing.
 */
export async function startChildServer(database: Database): Promise<ChildServer> {
  const { DATABASE_URL: _url, LANTERN_DATA: _data, ...rest } = process.env;
  const env = {
    ...rest,
    PORT: '0',
    HOST: '127.0.0.1',
    LANTERN_WEB_DIR: '',
    ...(database.kind === 'sqlite' ? { LANTERN_DATA: database.file } : { DATABASE_URL: database.url }),
  };
  const child = spawn(process.execPath, ['bin/lantern.mjs', 'serve'], {
    cwd: ROOT,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout.on('data', (c: Buffer) => (out += c.toString()));
  child.stderr.on('data', (c: Buffer) => (out += c.toString()));
  const gone = new Promise<void>((resolve) => child.once('close', () => resolve()));
  let exited = false;
  void gone.then(() => (exited = true));
  await until(() => exited || /Server listening at http:\/\/127\.0\.0\.1:\d+/.test(out), 'the server to listen');
  if (exited) throw new Error(`lantern serve ended at start: ${out.slice(-2000)}`);
  const port = /Server listening at http:\/\/127\.0\.0\.1:(\d+)/.exec(out)![1];
  return {
    url: `http://127.0.0.1:${port}`,
    child,
    output: () => out,
    async kill() {
      child.kill('SIGKILL');
      await gone;
    },
    async stop() {
      child.kill('SIGTERM');
      await gone;
    },
  };
}

/**
 * The database after the kill, as the next server would find it: opened anew (SQLite replays its
 * WAL on open). `query` runs plain SQL on either kind; `statsAgree` compares unit_stats, kept
 * change by change, with a rebuild from the projects and reports (it rebuilds the table).
 */
export async function inspect(database: Database) {
  const db = openDb(database);
  const stats = createUnitStats(db.kysely, db.dialect);
  const stored = async () =>
    (await stats.all()).map((r) => `${r.unit_id}|${r.year}|${r.month}|${r.metric}|${Number(r.value)}`);
  return {
    db,
    async statsAgree() {
      const before = await stored();
      await stats.rebuild();
      return { stored: before, rebuilt: await stored() };
    },
    close: () => db.close(),
  };
}

/** Every table's rows hashed, in a stable order, leaving out `except`: equal digests mean equal data. */
export async function tableDigests(database: Database, except: string[] = []): Promise<Record<string, string>> {
  const skip = (t: string) => except.includes(t) || t.startsWith('projects_fts') || t.startsWith('kysely_');
  if (database.kind === 'sqlite') {
    const db = new SQLite(database.file, { readonly: true });
    try {
      const tables = (
        db
          .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")
          .all() as { name: string }[]
      )
        .map((t) => t.name)
        .filter((t) => !skip(t));
      return Object.fromEntries(
        tables.map((t) => {
          const hash = createHash('sha256');
          for (const row of db.prepare(`SELECT * FROM "${t}" ORDER BY rowid`).iterate())
            hash.update(JSON.stringify(row, (_k, v) => (Buffer.isBuffer(v) ? v.toString('base64') : v)));
          return [t, hash.digest('hex')];
        }),
      );
    } finally {
      db.close();
    }
  }
  const client = new pg.Client({ connectionString: database.url });
  await client.connect();
  try {
    const tables = (
      await client.query<{ name: string }>(
        "SELECT tablename AS name FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename",
      )
    ).rows
      .map((t) => t.name)
      .filter((t) => !skip(t));
    const out: Record<string, string> = {};
    for (const t of tables) {
      const { rows } = await client.query<{ d: string | null; n: string }>(
        `SELECT md5(string_agg(x::text, '|' ORDER BY x::text)) AS d, count(*) AS n FROM "${t}" x`,
      );
      out[t] = `${rows[0]!.n}:${rows[0]!.d ?? ''}`;
    }
    return out;
  } finally {
    await client.end();
  }
}

/**
 * Marks today's light cutoff as run, so that `serve` (which runs it five seconds after start) leaves
 * the tables alone while a test watches them: the cutoff is not what these tests kill.
 */
export async function skipTodaysCutoff(database: Database) {
  const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date());
  const db = openDb(database);
  try {
    const at = new Date().toISOString();
    // The day's reminders run after the cutoff on the same tick: skipped too, so the database changes only by the test.
    for (const key of [`cutoff:${today}`, `reminders:${today}`])
      await db.kysely
        .insertInto('job_runs')
        .values({ run_key: key, started_at: at, finished_at: at, result: 'skipped by the test' })
        // The demo county may have run today's cutoff already (its year is replayed up to the hour it was loaded).
        .onConflict((oc) => oc.column('run_key').doNothing())
        .execute();
  } finally {
    await db.close();
  }
}
