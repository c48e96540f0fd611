import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import SQLite from 'better-sqlite3';
import pg from 'pg';
import type { Config } from '../server/config/config.ts';
import { collectMigrations } from '../server/db/migrate.ts';
import { FEATURES } from '../server/features/index.ts';
import { translate, type Locale } from '../server/http/i18n.ts';
import {
  MIGRATIONS_TABLE,
  backupKind,
  checkSqliteCopy,
  cliError,
  describeDatabase,
  partialBeside,
  pgConnection,
  pgDumpMigrations,
  renameDurably,
  runTool,
} from './backup.ts';

export const RESTORE_USAGE = 'lantern restore FILE [--force]';

/** Tables that hold no user data: the migrator's, SQLite's own, and the shadow tables of full-text indexes. */
function isBookkeeping(table: string, virtualTables: string[]): boolean {
  return (
    table.startsWith(MIGRATIONS_TABLE) ||
    table.startsWith('sqlite_') ||
    virtualTables.some((v) => table === v || table.startsWith(`${v}_`))
  );
}

function newerMigrations(recorded: string[]): string[] {
  const known = new Set(Object.keys(collectMigrations(FEATURES)));
  return recorded.filter((name) => !known.has(name));
}

/**
 * `lantern restore FILE [--force]`: a file `lantern backup` wrote becomes the configured database.
 *
 * Checked before anything is touched: the file is a backup of the configured kind of database, holds
 * Lantern's migrations table, and none of them is newer than this version; the target is not in use
 * (stop the servers first: SQLite refuses while any connection has the file open, PostgreSQL while
 * another session is connected) and holds no data unless --force says to replace it.
 * SQLite: the backup is copied beside the target, checked, and renamed over it (its old -wal and
 * -shm removed), so the target is the old database or the new one, never half of either.
 * PostgreSQL: `pg_restore --clean --if-exists --no-owner` in one transaction (all or nothing).
 */
export async function restore(args: string[], config: Config) {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { force: { type: 'boolean', default: false } },
  });
  const file = positionals[0];
  if (!file || positionals.length > 1) {
    console.error(`Usage: ${RESTORE_USAGE}`);
    process.exitCode = 2;
    return;
  }
  const { locale, database } = config;
  const target = describeDatabase(database);
  if (!fs.existsSync(file) || !fs.statSync(file).isFile()) throw cliError(locale, 'BACKUP_FILE_MISSING', { file });
  const kind = backupKind(file);
  if (!kind) throw cliError(locale, 'BACKUP_NOT_A_BACKUP', { file });
  if (kind !== database.kind)
    throw cliError(locale, 'BACKUP_WRONG_KIND', {
      file,
      kind: kind === 'sqlite' ? 'SQLite' : 'PostgreSQL',
      target: `${database.kind === 'sqlite' ? 'SQLite' : 'PostgreSQL'} ${target}`,
    });
  const migrations =
    database.kind === 'sqlite'
      ? await restoreSqlite(file, database.file, values.force, locale)
      : await restorePostgres(file, database.url, values.force, locale);
  console.log(translate('RESTORE_DONE', locale, { file, target, migrations }));
}

async function restoreSqlite(file: string, targetFile: string, force: boolean, locale: Locale): Promise<number> {
  const target = path.resolve(targetFile);
  fs.mkdirSync(path.dirname(target), { recursive: true });
  const partial = partialBeside(target);
  try {
    // The user's file is only read (copied); the checks run on the copy.
    fs.copyFileSync(file, partial);
    const recorded = checkSqliteCopy(partial);
    if (!recorded) throw cliError(locale, 'BACKUP_NOT_A_BACKUP', { file });
    const newer = newerMigrations(recorded);
    if (newer.length) throw cliError(locale, 'BACKUP_NEWER', { file, names: newer.join(', ') });
    if (fs.existsSync(target)) checkSqliteTarget(target, force, locale);
    // The target's old -wal would be replayed onto the new file: it goes first, with the index.
    for (const side of ['-wal', '-shm', '-journal']) fs.rmSync(`${target}${side}`, { force: true });
    renameDurably(partial, target);
    return recorded.length;
  } finally {
    fs.rmSync(partial, { force: true });
  }
}

/**
 * Refuses a target in use or holding data. An exclusive lock succeeds only when no other connection
 * has the file open (a server's open WAL connection holds a shared lock as long as it lives).
 */
function checkSqliteTarget(target: string, force: boolean, locale: Locale) {
  const name = { target };
  let db: SQLite.Database;
  try {
    db = new SQLite(target, { fileMustExist: true, timeout: 0 });
  } catch {
    // Not a database at all (a stray file under the name): data all the same, unless --force.
    if (!force) throw cliError(locale, 'RESTORE_NOT_EMPTY', name);
    return;
  }
  try {
    try {
      db.pragma('locking_mode = EXCLUSIVE');
      db.exec('BEGIN EXCLUSIVE');
    } catch (e) {
      if ((e as { code?: string }).code?.startsWith('SQLITE_BUSY')) throw cliError(locale, 'RESTORE_IN_USE', name);
      if (!force) throw cliError(locale, 'RESTORE_NOT_EMPTY', name);
      return;
    }
    if (!force && sqliteHasData(db)) throw cliError(locale, 'RESTORE_NOT_EMPTY', name);
    db.exec('COMMIT');
  } finally {
    db.close();
  }
}

function sqliteHasData(db: SQLite.Database): boolean {
  const tables = db.prepare("SELECT name, sql FROM sqlite_master WHERE type = 'table'").all() as {
    name: string;
    sql: string | null;
  }[];
  const virtual = tables.filter((t) => /^CREATE VIRTUAL/i.test(t.sql ?? '')).map((t) => t.name);
  return tables
    .filter((t) => !isBookkeeping(t.name, virtual))
    .some((t) => db.prepare(`SELECT 1 FROM "${t.name.replace(/"/g, '""')}" LIMIT 1`).get() !== undefined);
}

async function restorePostgres(file: string, url: string, force: boolean, locale: Locale): Promise<number> {
  const recorded = await pgDumpMigrations(file, locale);
  if (!recorded) throw cliError(locale, 'BACKUP_NOT_A_BACKUP', { file });
  const newer = newerMigrations(recorded);
  if (newer.length) throw cliError(locale, 'BACKUP_NEWER', { file, names: newer.join(', ') });
  const target = describeDatabase({ kind: 'postgres', url });
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const others = await client.query<{ n: number }>(
      'SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()',
    );
    if (others.rows[0]!.n > 0) throw cliError(locale, 'RESTORE_IN_USE', { target });
    if (!force && (await postgresHasData(client))) throw cliError(locale, 'RESTORE_NOT_EMPTY', { target });
  } finally {
    await client.end();
  }
  const { dbname, env } = pgConnection(url);
  // --clean --if-exists: a target that has the schema (a server started once) is emptied first; in one
  // transaction with --exit-on-error, a failure leaves the target as it was.
  await runTool(
    'pg_restore',
    [
      '--clean',
      '--if-exists',
      '--no-owner',
      '--no-privileges',
      '--single-transaction',
      '--exit-on-error',
      `--dbname=${dbname}`,
      file,
    ],
    env,
    locale,
  );
  return recorded.length;
}

async function postgresHasData(client: pg.Client): Promise<boolean> {
  const tables = await client.query<{ schema: string; name: string }>(
    `SELECT table_schema AS schema, table_name AS name FROM information_schema.tables
      WHERE table_type = 'BASE TABLE' AND table_schema NOT IN ('pg_catalog', 'information_schema')`,
  );
  for (const t of tables.rows) {
    if (isBookkeeping(t.name, [])) continue;
    const q = `SELECT 1 FROM ${client.escapeIdentifier(t.schema)}.${client.escapeIdentifier(t.name)} LIMIT 1`;
    if ((await client.query(q)).rowCount) return true;
  }
  return false;
}
