import { createHash } from 'node:crypto';
import SQLite from 'better-sqlite3';
import pg from 'pg';
import type { Database } from '../../src/server/config/config.ts';

/** Per table: its row count and a hash of its rows in a fixed order. */
export type TableHashes = Record<string, { rows: number; hash: string }>;

/** A database's tables hashed, and on PostgreSQL its sequences' positions (SQLite keeps them in a table). */
export interface Snapshot {
  tables: TableHashes;
  sequences: Record<string, number>;
}

const encode = (row: unknown) =>
  JSON.stringify(row, function (key, v) {
    const raw = (this as Record<string, unknown>)[key];
    if (Buffer.isBuffer(raw)) return `b64:${raw.toString('base64')}`;
    if (raw instanceof Date) return `date:${raw.toISOString()}`;
    return v;
  });

/** Rows hashed in the order of their encodings, so that the physical order of the rows does not matter. */
function digest(rows: unknown[]): { rows: number; hash: string } {
  const lines = rows.map(encode).sort();
  const hash = createHash('sha256');
  for (const line of lines) hash.update(line).update('\n');
  return { rows: lines.length, hash: hash.digest('hex') };
}

/**
 * Every table of a database, read in one transaction: two equal results mean two databases with the
 * same rows. SQLite: every table but the full-text index itself (its shadow tables are compared, and
 * sqlite_sequence, the autoincrement counters). PostgreSQL: every table of the public schema, and apart
 * every sequence's position (pg_dump reads those when it dumps them, outside its snapshot: they may be ahead).
 */
export async function tableHashes(database: Database): Promise<Snapshot> {
  if (database.kind === 'sqlite') {
    const db = new SQLite(database.file, { readonly: true, fileMustExist: true });
    try {
      return db.transaction(() => {
        const tables = db
          .prepare(
            `SELECT name FROM sqlite_master WHERE type = 'table' AND (name NOT LIKE 'sqlite_%' OR name = 'sqlite_sequence')
               AND sql NOT LIKE 'CREATE VIRTUAL%' ORDER BY name`,
          )
          .all() as { name: string }[];
        const hashes = tables.map((t) => [t.name, digest(db.prepare(`SELECT * FROM "${t.name}"`).all())]);
        return { tables: Object.fromEntries(hashes) as TableHashes, sequences: {} };
      })();
    } finally {
      db.close();
    }
  }
  const client = new pg.Client({ connectionString: database.url });
  await client.connect();
  try {
    await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
    const out: TableHashes = {};
    const tables = await client.query<{ name: string }>(
      "SELECT tablename AS name FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename",
    );
    for (const { name } of tables.rows)
      out[name] = digest((await client.query(`SELECT * FROM public.${client.escapeIdentifier(name)}`)).rows);
    const sequences = await client.query<{ name: string; last_value: string | null }>(
      "SELECT sequencename AS name, last_value::text FROM pg_sequences WHERE schemaname = 'public' ORDER BY sequencename",
    );
    await client.query('COMMIT');
    return {
      tables: out,
      sequences: Object.fromEntries(sequences.rows.map((s) => [s.name, Number(s.last_value ?? 0)])),
    };
  } finally {
    await client.end();
  }
}

/** Tables and rows compared, for the report line of a test. */
export function totals(snapshot: Snapshot) {
  const entries = Object.values(snapshot.tables);
  return { tables: entries.length, rows: entries.reduce((n, e) => n + e.rows, 0) };
}
