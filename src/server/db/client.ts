import fs from 'node:fs';
import path from 'node:path';
import SQLite from 'better-sqlite3';
import pg from 'pg';
import { Kysely, PostgresDialect } from 'kysely';
import type { Database as DatabaseConfig } from '../config/config.ts';
import type { DB } from './schema.ts';
import { SplitSqliteDialect } from './sqlite-dialect.ts';

export type Dialect = 'sqlite' | 'postgres';

export interface Db {
  kysely: Kysely<DB>;
  dialect: Dialect;
  /** The open SQLite handle (for consistent backups); null on PostgreSQL. */
  sqlite: SQLite.Database | null;
  close(): Promise<void>;
}

// pg returns int8 (count(*), bigserial) as strings; our counts and ids fit in a JS number.
pg.types.setTypeParser(pg.types.builtins.INT8, (v) => Number(v));
pg.types.setTypeParser(pg.types.builtins.NUMERIC, (v) => Number(v));

/** Opens the database the configuration names: an SQLite file (WAL) or a PostgreSQL pool. */
export function openDb(config: DatabaseConfig): Db {
  if (config.kind === 'postgres') {
    const pool = new pg.Pool({ connectionString: config.url, max: 10 });
    // An idle connection that the server ends (a restart, a failover, an administrator) must not crash
    // the process: the pool drops it and opens a new one on the next query.
    pool.on('error', (err) => console.error(`PostgreSQL connection lost: ${err.message}`));
    const kysely = new Kysely<DB>({ dialect: new PostgresDialect({ pool }) });
    return { kysely, dialect: 'postgres', sqlite: null, close: () => kysely.destroy() };
  }
  if (config.file !== ':memory:') fs.mkdirSync(path.dirname(path.resolve(config.file)), { recursive: true });
  const sqlite = new SQLite(config.file);
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('synchronous = NORMAL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');
  // A second, read-only connection lets reads go on while a transaction holds the writer (sqlite-dialect.ts).
  const reader = config.file === ':memory:' ? null : new SQLite(config.file, { readonly: true, fileMustExist: true });
  reader?.pragma('busy_timeout = 5000');
  const kysely = new Kysely<DB>({ dialect: new SplitSqliteDialect(sqlite, reader) });
  return { kysely, dialect: 'sqlite', sqlite, close: () => kysely.destroy() };
}
