import type SQLite from 'better-sqlite3';
import { CompiledQuery, type Kysely } from 'kysely';
import type { DB } from './schema.ts';

/** Bound parameters per statement stay below SQLite's 32,766 and PostgreSQL's 65,535. */
const PARAMS = 30_000;
export const chunks = <T>(rows: T[], size: number) =>
  Array.from({ length: Math.ceil(rows.length / size) }, (_, i) => rows.slice(i * size, (i + 1) * size));
export const perStatement = (rows: object[]) =>
  Math.max(1, Math.floor(PARAMS / Math.max(1, Object.keys(rows[0] ?? {}).length)));

export type Value = string | number | null;

/** Rows per PostgreSQL statement: one array parameter per column, however many rows. */
const PG_ROWS = 5_000;
const QUOTED = /["\\]/;

/**
 * One column's values as a PostgreSQL array literal, as pg would write a JS array (strings quoted,
 * numbers bare, NULL), but escaping only the strings that hold a quote or a backslash: pg's own
 * conversion runs two regular expressions over every element of a large commit's arrays.
 */
function arrayLiteral(rows: Value[][], column: number): string {
  let out = '{';
  for (let i = 0; i < rows.length; i++) {
    const v = rows[i]![column];
    if (i) out += ',';
    if (v === null || v === undefined) out += 'NULL';
    else if (typeof v === 'number') out += String(v);
    else
      out += QUOTED.test(v)
        ? `"${(v.includes('\\') ? v.replaceAll('\\', '\\\\') : v).replaceAll('"', '\\"')}"`
        : `"${v}"`;
  }
  return `${out}}`;
}

/**
 * Multi-row INSERTs of many rows, given as arrays in `columns` order. On SQLite they run as prepared
 * statements kept for the process: through Kysely each batch of a large import was compiled and then
 * parsed again by SQLite — twenty thousand parameters a statement — which took three quarters of the
 * commit. The statements run on the very connection Kysely's SQLite driver holds for the caller's
 * transaction, so the transaction covers them; they are refused outside one.
 *
 * On PostgreSQL each part is one INSERT … SELECT FROM unnest($1::type[], $2::type[], …): one array
 * parameter per column, so the statement is short and the same for every batch, where a multi-row
 * VALUES built through Kysely took longer to compile, send and parse than to insert. The column types
 * come from the catalogue, read once per table. WITH ORDINALITY and ORDER BY keep the rows — and so the
 * ids RETURNING hands back — in the order given. It runs through the caller's executor (`ex`), inside
 * its transaction.
 */
export function createBulkInsert(sqlite: SQLite.Database | null) {
  const statements = new Map<string, SQLite.Statement>();
  const pgTypes = new Map<string, Promise<Map<string, string>>>();

  /** Each column's type as PostgreSQL names it (character varying, bigint), for the array casts. */
  function columnTypes(ex: Kysely<DB>, table: string): Promise<Map<string, string>> {
    let types = pgTypes.get(table);
    if (!types) {
      const q = CompiledQuery.raw(
        'SELECT attname, format_type(atttypid, NULL) AS type FROM pg_attribute WHERE attrelid = $1::regclass AND attnum > 0 AND NOT attisdropped',
        [table],
      );
      types = ex
        .executeQuery<{ attname: string; type: string }>(q)
        .then((r) => new Map(r.rows.map((c) => [c.attname, c.type])));
      types.catch(() => pgTypes.delete(table));
      pgTypes.set(table, types);
    }
    return types;
  }

  async function insertPg(
    ex: Kysely<DB>,
    table: string,
    columns: readonly string[],
    rows: Value[][],
    returning: boolean,
    ids: number[],
  ) {
    const types = await columnTypes(ex, table);
    const casts = columns.map((c, j) => {
      const type = types.get(c);
      if (!type || type.endsWith('[]'))
        throw new Error(`bulk insert into ${table}: column ${c} ${type ? 'is an array' : 'does not exist'}`);
      return `$${j + 1}::${type}[]`;
    });
    const list = columns.join(', ');
    const text = `INSERT INTO ${table} (${list}) SELECT ${list} FROM unnest(${casts.join(', ')}) WITH ORDINALITY AS u(${list}, bulk_ord) ORDER BY bulk_ord${returning ? ' RETURNING id' : ''}`;
    for (let i = 0; i < rows.length; i += PG_ROWS) {
      const part = rows.slice(i, i + PG_ROWS);
      const params = columns.map((_, j) => arrayLiteral(part, j));
      const result = await ex.executeQuery<{ id: number }>(CompiledQuery.raw(text, params));
      if (returning) for (const r of result.rows) ids.push(r.id);
    }
  }

  /** With `returning`, the new rows' ids in the order given. */
  return async function insertRows(
    ex: Kysely<DB>,
    table: keyof DB,
    columns: readonly string[],
    rows: Value[][],
    returning = false,
  ): Promise<number[]> {
    if (!rows.length) return [];
    const ids: number[] = [];
    if (!sqlite) {
      await insertPg(ex, table, columns, rows, returning, ids);
      return ids;
    }
    if (!ex.isTransaction) throw new Error(`bulk insert into ${table} outside a transaction`);
    const perStatement = Math.max(1, Math.floor(PARAMS / columns.length));
    for (let i = 0; i < rows.length; i += perStatement) {
      const part = rows.slice(i, i + perStatement);
      const key = `${table}|${part.length}|${returning}`;
      let stmt = statements.get(key);
      if (!stmt) {
        const tuple = `(${columns.map(() => '?').join(',')})`;
        stmt = sqlite.prepare(
          `INSERT INTO ${table} (${columns.join(',')}) VALUES ${Array.from({ length: part.length }, () => tuple).join(',')}${returning ? ' RETURNING id' : ''}`,
        );
        if (statements.size > 200) statements.clear();
        statements.set(key, stmt);
      }
      const params = part.flat();
      if (returning) for (const r of stmt.all(params) as { id: number; name: string }[]) ids.push(r.id);
      else stmt.run(params);
    }
    return ids;
  };
}

export type BulkInsert = ReturnType<typeof createBulkInsert>;
