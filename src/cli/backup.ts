import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import SQLite from 'better-sqlite3';
import type { Config, Database } from '../server/config/config.ts';
import { translate, type Locale, type MessageKey } from '../server/http/i18n.ts';

/**
 * `lantern backup [--out FILE]`, safe while servers keep writing: each database's own snapshot.
 * SQLite: the online backup API, all pages in one step, so the copy is one read transaction (WAL lets
 * the server write meanwhile). PostgreSQL: `pg_dump --format=custom`, which reads in one snapshot.
 * Either way the copy is written beside its destination and renamed into place once checked, so a
 * backup that fails or is interrupted leaves no half-written file under the name.
 */

/** The table Kysely's migrator records the applied migrations in: what makes a file a Lantern database. */
export const MIGRATIONS_TABLE = 'kysely_migration';

/** A translated error for the user (main.ts prints its message). */
export const cliError = (locale: Locale, key: MessageKey, params: Record<string, string | number> = {}) =>
  new Error(translate(key, locale, params));

/** The database as the messages name it: the file, or the URL without its password. */
export function describeDatabase(database: Database): string {
  if (database.kind === 'sqlite') return database.file;
  const url = new URL(database.url);
  url.password = '';
  return url.toString();
}

/**
 * How pg_dump and pg_restore reach the database: the URL without its password on the command line
 * (which `ps` shows everyone), the password in the child's PGPASSWORD.
 */
export function pgConnection(databaseUrl: string): { dbname: string; env: NodeJS.ProcessEnv } {
  const url = new URL(databaseUrl);
  const password = decodeURIComponent(url.password);
  url.password = '';
  // The child gets this process's environment (PATH, PG* variables, locale), plus the password.
  const env: NodeJS.ProcessEnv = { ...process.env };
  if (password) env.PGPASSWORD = password;
  return { dbname: url.toString(), env };
}

/** A client tool that is not installed (`missing`) or that failed. */
export class ToolError extends Error {
  constructor(
    message: string,
    readonly missing: boolean,
  ) {
    super(message);
  }
}

/** Runs a PostgreSQL client tool; its stdout, or a clear error when it is missing or fails. */
export function runTool(
  tool: 'pg_dump' | 'pg_restore',
  args: string[],
  env: NodeJS.ProcessEnv,
  locale: Locale,
): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(tool, args, { env, stdio: ['ignore', 'pipe', 'pipe'] });
    const out: Buffer[] = [];
    let err = '';
    child.stdout.on('data', (c: Buffer) => out.push(c));
    child.stderr.on('data', (c: Buffer) => (err = (err + c.toString()).slice(-4000)));
    child.on('error', (e: NodeJS.ErrnoException) =>
      reject(
        e.code === 'ENOENT'
          ? new ToolError(translate('BACKUP_TOOL_MISSING', locale, { tool }), true)
          : new ToolError(translate('BACKUP_TOOL_FAILED', locale, { tool, detail: e.message }), false),
      ),
    );
    child.on('close', (code, signal) => {
      if (code === 0) resolve(Buffer.concat(out).toString());
      else {
        const detail = err.trim().split('\n').slice(-5).join('\n') || `exit ${code ?? signal}`;
        reject(new ToolError(translate('BACKUP_TOOL_FAILED', locale, { tool, detail }), false));
      }
    });
  });
}

/** A name beside `file` for the copy being written (same folder, so the final rename is atomic). */
export function partialBeside(file: string): string {
  return path.join(path.dirname(file), `.${path.basename(file)}.partial-${randomBytes(4).toString('hex')}`);
}

/** Renames `from` to `to` and makes the rename durable (the folder's entry synced). */
export function renameDurably(from: string, to: string) {
  fs.renameSync(from, to);
  let fd: number | null = null;
  try {
    fd = fs.openSync(path.dirname(to), 'r');
    fs.fsyncSync(fd);
  } catch {
    // Some file systems cannot sync a folder; the rename itself is still atomic.
  } finally {
    if (fd !== null) fs.closeSync(fd);
  }
}

/** What a file is by its first bytes: an SQLite database, a pg_dump custom-format archive, or neither. */
export function backupKind(file: string): 'sqlite' | 'postgres' | null {
  const head = Buffer.alloc(16);
  const fd = fs.openSync(file, 'r');
  try {
    fs.readSync(fd, head, 0, 16, 0);
  } finally {
    fs.closeSync(fd);
  }
  if (head.toString('latin1') === 'SQLite format 3\0') return 'sqlite';
  if (head.subarray(0, 5).toString('latin1') === 'PGDMP') return 'postgres';
  return null;
}

/**
 * Makes a copy being written (never the user's own file) a self-contained SQLite file (rollback journal,
 * so no -wal or -shm beside it; the server turns WAL on when it opens it) and checks it: intact, with
 * Lantern's migrations. Returns the migrations it records, or null when it is not a Lantern database.
 */
export function checkSqliteCopy(file: string): string[] | null {
  let db: SQLite.Database | null = null;
  try {
    db = new SQLite(file, { fileMustExist: true });
    db.pragma('journal_mode = DELETE');
    if (db.pragma('quick_check', { simple: true }) !== 'ok') return null;
    const table = db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?").get(MIGRATIONS_TABLE);
    if (!table) return null;
    const rows = db.prepare(`SELECT name FROM ${MIGRATIONS_TABLE} ORDER BY name`).all() as { name: string }[];
    return rows.length ? rows.map((r) => r.name) : null;
  } catch {
    return null;
  } finally {
    db?.close();
  }
}

/** The migrations a pg_dump archive records (its kysely_migration rows); null when it has none. */
export async function pgDumpMigrations(file: string, locale: Locale): Promise<string[] | null> {
  const { env } = pgConnection('postgres://localhost/');
  let list: string;
  try {
    list = await runTool('pg_restore', ['--list', file], env, locale);
  } catch (e) {
    if (e instanceof ToolError && !e.missing) return null;
    throw e;
  }
  if (!new RegExp(`TABLE DATA \\S+ ${MIGRATIONS_TABLE} `).test(list)) return null;
  // The table's rows as COPY text: one line per migration, its name in the first column.
  const copy = await runTool(
    'pg_restore',
    ['--data-only', `--table=${MIGRATIONS_TABLE}`, '--file=-', file],
    env,
    locale,
  );
  const body = copy.split(/^COPY .*FROM stdin;$/m)[1]?.split(/^\\\.$/m)[0] ?? '';
  const names = body
    .split('\n')
    .filter(Boolean)
    .map((line) => line.split('\t')[0]!);
  return names.length ? names.sort() : null;
}

const size = (bytes: number) =>
  bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(1)} MB` : `${Math.ceil(bytes / 1024)} KB`;

export async function backup(args: string[], config: Config) {
  const { values } = parseArgs({ args, options: { out: { type: 'string' } } });
  const { locale, database } = config;
  const stamp = new Date().toISOString().replace(/[:.]/g, '-').slice(0, 19);
  const out = path.resolve(
    values.out ??
      (database.kind === 'postgres'
        ? `lantern-${stamp}.dump`
        : path.join(path.dirname(database.file), `lantern-${stamp}.db`)),
  );
  if (database.kind === 'sqlite' && !fs.existsSync(database.file))
    throw cliError(locale, 'BACKUP_SOURCE_MISSING', { file: database.file });
  fs.mkdirSync(path.dirname(out), { recursive: true });
  const partial = partialBeside(out);
  try {
    if (database.kind === 'postgres') {
      const { dbname, env } = pgConnection(database.url);
      await runTool('pg_dump', ['--format=custom', `--file=${partial}`, `--dbname=${dbname}`], env, locale);
      if (!(await pgDumpMigrations(partial, locale))) throw cliError(locale, 'BACKUP_NOT_A_BACKUP', { file: dbname });
    } else {
      const source = new SQLite(database.file, { fileMustExist: true, timeout: 5000 });
      try {
        // Every page in one step: the copy is one snapshot, however busy the server is (a copy in
        // several steps restarts each time another connection writes).
        await source.backup(partial, { progress: () => 0x7fffffff });
      } finally {
        source.close();
      }
      if (!checkSqliteCopy(partial)) throw cliError(locale, 'BACKUP_NOT_A_BACKUP', { file: database.file });
    }
    renameDurably(partial, out);
  } finally {
    fs.rmSync(partial, { force: true });
  }
  console.log(
    translate('BACKUP_DONE', locale, { source: describeDatabase(database), out, size: size(fs.statSync(out).size) }),
  );
}
