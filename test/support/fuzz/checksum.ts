import { createHash } from 'node:crypto';
import SQLite from 'better-sqlite3';
import { sql } from 'kysely';
import type { Database } from '../../../src/server/config/config.ts';
import type { Db } from '../../../src/server/db/client.ts';

/**
 * What legitimately changes on a request that is refused, and so is left out of the checksum:
 * - `sessions.last_seen_at` and `sessions.expires_at`: every signed-in request slides its session
 *   (session.service resolveSession → touchSession), refused or not;
 * - `api_tokens.last_used_at`: the same for a request made with an API token;
 * - `login_failures`: a refused sign-in (401) is recorded there on purpose, for the rate limit;
 * - the audit events of refused sign-ins (`session.fail`): every sign-in attempt is audited (ASVS V7).
 * Nothing else is excluded: a 4xx must leave every other row of every table as it was.
 */
export const EXCLUDED_TABLES = new Set(['login_failures']);
/** Rows left out of a table, as a SQL condition on the rows kept. */
export const KEPT_ROWS: Record<string, string> = { audit_events: "action <> 'session.fail'" };
const where = (table: string) => (KEPT_ROWS[table] ? ` WHERE ${KEPT_ROWS[table]}` : '');
export const EXCLUDED_COLUMNS: Record<string, string[]> = {
  sessions: ['last_seen_at', 'expires_at'],
  api_tokens: ['last_used_at'],
};

/** A lone UTF-16 surrogate, or the replacement character a lone surrogate becomes when written as UTF-8. */
const BROKEN_TEXT = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]|\ufffd/;

export interface Checksum {
  /** sha256 over every row of every table (less the exclusions), tables by name, rows in a total order. */
  hash: string;
  /** Rows (table: first 80 characters) holding broken text: a lone surrogate or U+FFFD. */
  broken: string[];
}

interface TableInfo {
  name: string;
  columns: string[];
}

const quote = (name: string) => `"${name.replace(/"/g, '""')}"`;

async function tables(db: Db): Promise<TableInfo[]> {
  let rows: { table: string; column: string }[];
  if (db.dialect === 'sqlite') {
    rows = db
      .sqlite!.prepare(
        `SELECT m.name AS "table", p.name AS "column" FROM sqlite_master m, pragma_table_info(m.name) p
         WHERE m.type = 'table' AND m.name NOT LIKE 'sqlite_%' ORDER BY m.name, p.cid`,
      )
      .all() as typeof rows;
  } else {
    rows = (
      await sql<{ table: string; column: string }>`
        SELECT c.table_name AS "table", c.column_name AS "column" FROM information_schema.columns c
        JOIN information_schema.tables t ON t.table_schema = c.table_schema AND t.table_name = c.table_name
        WHERE c.table_schema = current_schema() AND t.table_type = 'BASE TABLE'
        ORDER BY c.table_name, c.ordinal_position`.execute(db.kysely)
    ).rows;
  }
  const byTable = new Map<string, string[]>();
  for (const { table, column } of rows) {
    if (EXCLUDED_TABLES.has(table) || EXCLUDED_COLUMNS[table]?.includes(column)) continue;
    byTable.set(table, [...(byTable.get(table) ?? []), column]);
  }
  return [...byTable].sort(([a], [b]) => (a < b ? -1 : 1)).map(([name, columns]) => ({ name, columns }));
}

/** The hash of each table and its rows holding broken text, on SQLite: rows as JSON (blobs as hex), hashed here. */
function sqliteTables(db: Db, schema: TableInfo[]): Checksum {
  const hash = createHash('sha256');
  const broken: string[] = [];
  for (const table of schema) {
    const cols = table.columns.map(quote).join(', ');
    const rows = (
      db
        .sqlite!.prepare(`SELECT ${cols} FROM ${quote(table.name)}${where(table.name)}`)
        .raw()
        .all() as unknown[][]
    )
      .map((r) => JSON.stringify(r.map((v) => (Buffer.isBuffer(v) ? v.toString('hex') : v))))
      .sort();
    hash.update(`\u0001${table.name}\u0002`);
    for (const row of rows) {
      hash.update(row).update('\u0000');
      if (BROKEN_TEXT.test(row)) broken.push(`${table.name}: ${row.slice(0, 80)}`);
    }
  }
  return { hash: hash.digest('hex'), broken };
}

/**
 * The same on PostgreSQL in one round trip: each row's text form, md5 of a table's rows in byte order.
 * PostgreSQL's UTF-8 cannot hold a lone surrogate, so broken text there is U+FFFD.
 */
async function postgresTables(db: Db, schema: TableInfo[]): Promise<Checksum> {
  const parts = schema.map(
    (t) =>
      `SELECT '${t.name}' AS t, ROW(${t.columns.map(quote).join(', ')})::text AS x FROM ${quote(t.name)}${where(t.name)}`,
  );
  const { rows } = await sql<{ t: string; h: string; broken: string | null }>`
    SELECT t, md5(string_agg(x, E'\n' ORDER BY x COLLATE "C")) AS h,
      min(left(x, 80)) FILTER (WHERE strpos(x, chr(65533)) > 0) AS broken
    FROM (${sql.raw(parts.join(' UNION ALL '))}) rows GROUP BY t ORDER BY t COLLATE "C"`.execute(db.kysely);
  const hash = createHash('sha256');
  for (const r of rows) hash.update(`${r.t}:${r.h}\n`);
  return { hash: hash.digest('hex'), broken: rows.filter((r) => r.broken).map((r) => `${r.t}: ${r.broken}`) };
}

/** The checksum of the whole database (see EXCLUDED_*), for "nothing changed" after a refused request. */
export async function checksum(db: Db, schema?: TableInfo[]): Promise<Checksum> {
  const tablesNow = schema ?? (await tables(db));
  return db.dialect === 'sqlite' ? sqliteTables(db, tablesNow) : postgresTables(db, tablesNow);
}

/**
 * A checksum function that computes again only when something may have been written since the last time:
 * on SQLite, PRAGMA data_version seen from a second connection (it moves on every commit of another one);
 * on PostgreSQL, the cluster's next transaction id (it moves on every transaction that writes, in any
 * database of the cluster, so a busy cluster only makes this slower, never wrong).
 */
export async function checksummer(
  db: Db,
  database: Database,
): Promise<{ sum: () => Promise<Checksum>; settle: () => Promise<void>; close: () => void }> {
  const schema = await tables(db);
  let watcher: SQLite.Database | undefined;
  const version = async (): Promise<string> => {
    if (database.kind === 'sqlite') {
      watcher ??= new SQLite(database.file, { readonly: true });
      return String(watcher.pragma('data_version', { simple: true }));
    }
    const { rows } = await sql<{ v: string }>`SELECT pg_snapshot_xmax(pg_current_snapshot())::text AS v`.execute(
      db.kysely,
    );
    return rows[0]!.v;
  };
  let last: { version: string; sum: Checksum } | undefined;
  const sum = async () => {
    const v = await version();
    if (last?.version !== v) last = { version: v, sum: await checksum(db, schema) };
    return last.sum;
  };
  return {
    sum,
    /**
     * Waits until no import is still checking or committing in the background (`…?wait=false` answers at
     * once): the one kind of work a request leaves running. Polls the condition, at most 30 s.
     */
    async settle() {
      const until = Date.now() + 30_000;
      while (Date.now() < until) {
        const running = await db.kysely
          .selectFrom('imports')
          .select((eb) => eb.fn.countAll().as('n'))
          .where('status', 'in', ['checking', 'committing'])
          .executeTakeFirstOrThrow();
        if (Number(running.n) === 0) return;
        await new Promise((r) => setTimeout(r, 20));
      }
    },
    close: () => watcher?.close(),
  };
}
