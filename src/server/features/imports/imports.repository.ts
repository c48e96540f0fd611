import type SQLite from 'better-sqlite3';
import { CompiledQuery, sql, type Kysely } from 'kysely';
import type { Scope } from '../../../domain/access/scope.ts';
import type { DB } from '../../db/schema.ts';
import { subtreeRange } from '../../db/fragments.ts';
import type { ProjectRow } from '../projects/projects.repository.ts';

type ImportRow = DB['imports'] extends infer T
  ? { [K in keyof T]: T[K] extends import('kysely').Generated<infer U> ? U : T[K] }
  : never;
export type ImportRecord = ImportRow;
export type NewProjectRow = Omit<ProjectRow, 'id'>;

/** Bound parameters per statement stay below SQLite's 32,766 and PostgreSQL's 65,535. */
const PARAMS = 30_000;
const chunks = <T>(rows: T[], size: number) =>
  Array.from({ length: Math.ceil(rows.length / size) }, (_, i) => rows.slice(i * size, (i + 1) * size));
const perStatement = (rows: object[]) =>
  Math.max(1, Math.floor(PARAMS / Math.max(1, Object.keys(rows[0] ?? {}).length)));

/** Imports scoped like projects: by the path of the unit imported into. */
const inScope = <Q extends { where: (...a: any[]) => Q }>(q: Q, scope: Scope): Q => {
  if (scope.kind === 'all') return q;
  if (scope.kind !== 'subtree') return q.where((eb: any) => eb.lit(false));
  const [lo, hi] = subtreeRange(scope.path);
  return q.where('imports.unit_path', '>=', lo).where('imports.unit_path', '<', hi);
};

type Value = string | number | null;

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
function createBulkInsert(sqlite: SQLite.Database | null) {
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

/** Columns written by the bulk inserts, in the order their rows are given. */
export const COLUMNS = {
  tags: ['tag', 'project_id'],
  plans: ['project_id', 'year', 'amount'],
  stageChanges: ['project_id', 'from_stage', 'to_stage', 'reason', 'actor_id', 'actor_name', 'at'],
  audit: [
    'at',
    'actor_id',
    'actor_name',
    'action',
    'object_type',
    'object_id',
    'unit_path',
    'summary',
    'before_json',
    'after_json',
    'ip',
  ],
} as const;

/** Queries of the import feature; every batch write takes the caller's transaction. */
export function createImportRepository(db: Kysely<DB>, sqlite: SQLite.Database | null = null) {
  const insertRows = createBulkInsert(sqlite);
  return {
    insertRows,

    insert: (row: Omit<ImportRow, 'id'>, ex: Kysely<DB> = db) =>
      ex.insertInto('imports').values(row).returning('id').executeTakeFirstOrThrow(),

    findById: (id: number, ex: Kysely<DB> = db) =>
      ex.selectFrom('imports').selectAll().where('id', '=', id).executeTakeFirst(),

    update: (id: number, patch: Partial<Omit<ImportRow, 'id'>>, ex: Kysely<DB> = db) =>
      ex.updateTable('imports').set(patch).where('id', '=', id).execute(),

    /** Newest first, keyset-paged by id. */
    list: (scope: Scope, f: { unitPath?: string; cursor?: number; limit: number }) =>
      inScope(db.selectFrom('imports').selectAll(), scope)
        .$if(!!f.unitPath, (q) =>
          q
            .where('unit_path', '>=', subtreeRange(f.unitPath!)[0])
            .where('unit_path', '<', subtreeRange(f.unitPath!)[1]),
        )
        .$if(f.cursor !== undefined, (q) => q.where('id', '<', f.cursor!))
        .orderBy('id', 'desc')
        .limit(f.limit)
        .execute(),

    async storeFile(ex: Kysely<DB>, importId: number, parts: Buffer[], firstSeq = 0) {
      for (const [i, data] of parts.entries())
        await ex
          .insertInto('import_files')
          .values({ import_id: importId, seq: firstSeq + i, data })
          .execute();
    },

    /** The file's chunks in order, one query each, so that memory holds one chunk at a time. */
    async *fileChunks(importId: number): AsyncGenerator<Buffer> {
      for (let seq = 0; ; seq++) {
        const row = await db
          .selectFrom('import_files')
          .select('data')
          .where('import_id', '=', importId)
          .where('seq', '=', seq)
          .executeTakeFirst();
        if (!row) return;
        yield Buffer.from(row.data);
      }
    },

    deleteFile: (importId: number, ex: Kysely<DB> = db) =>
      ex.deleteFrom('import_files').where('import_id', '=', importId).execute(),

    /** Files of imports never committed and untouched since `before`: a forgotten upload does not stay forever. */
    purgeFilesBefore: (before: string) =>
      db
        .deleteFrom('import_files')
        .where(
          'import_id',
          'in',
          db
            .selectFrom('imports')
            .select('id')
            .where('updated_at', '<', before)
            .where('status', '<>', 'committing')
            .where('status', '<>', 'checking'),
        )
        .execute(),

    async replaceErrors(importId: number, errors: { row: number; cell: string; column: string; message: string }[]) {
      await db.transaction().execute(async (trx) => {
        await trx.deleteFrom('import_errors').where('import_id', '=', importId).execute();
        const rows = errors.map((e, seq) => ({
          import_id: importId,
          seq,
          row_number: e.row,
          cell: e.cell,
          column_header: e.column.slice(0, 200),
          message: e.message.slice(0, 500),
        }));
        for (const part of chunks(rows, 1000)) await trx.insertInto('import_errors').values(part).execute();
      });
    },

    errorsOf: (importId: number, after: number, limit: number) =>
      db
        .selectFrom('import_errors')
        .selectAll()
        .where('import_id', '=', importId)
        .where('seq', '>', after)
        .orderBy('seq')
        .limit(limit)
        .execute(),

    /** Every stored error in row order, a page at a time. */
    async *allErrors(importId: number): AsyncGenerator<{ row: number; cell: string; column: string; message: string }> {
      for (let after = -1; ;) {
        const page = await db
          .selectFrom('import_errors')
          .selectAll()
          .where('import_id', '=', importId)
          .where('seq', '>', after)
          .orderBy('seq')
          .limit(1000)
          .execute();
        if (!page.length) return;
        for (const e of page) yield { row: e.row_number, cell: e.cell, column: e.column_header, message: e.message };
        after = page.at(-1)!.seq;
      }
    },

    savedMapping: (unitId: number, ledger: string) =>
      db
        .selectFrom('import_mappings')
        .selectAll()
        .where('unit_id', '=', unitId)
        .where('ledger', '=', ledger)
        .executeTakeFirst(),

    saveMapping: (row: DB['import_mappings']) =>
      db
        .insertInto('import_mappings')
        .values(row)
        .onConflict((oc) =>
          oc
            .columns(['unit_id', 'ledger'])
            .doUpdateSet({ mapping_json: row.mapping_json, updated_by: row.updated_by, updated_at: row.updated_at }),
        )
        .execute(),

    units: () => db.selectFrom('units').select(['id', 'name', 'kind', 'path']).execute(),

    /** `lock` (PostgreSQL) holds the rows for the caller's transaction: FOR UPDATE. */
    projectsByCodes: (ex: Kysely<DB>, codes: string[], lock = false) =>
      codes.length
        ? ex
            .selectFrom('projects')
            .selectAll()
            .where('code', 'in', codes)
            .$if(lock, (q) => q.forUpdate())
            .execute()
        : Promise.resolve([] as ProjectRow[]),

    /**
     * Projects with any of the (lead unit, name) pairs, and on SQLite others of those units and names
     * (the caller looks each pair up). PostgreSQL gets the pairs themselves: given lead_unit_id IN (…)
     * AND name IN (…), its planner — its statistics not counting the rows this import's transaction
     * added — scanned every project of the unit for each batch when one unit leads them all.
     */
    projectsByLeadNames(
      ex: Kysely<DB>,
      pairs: { leadId: number; name: string }[],
      lock = false,
    ): Promise<ProjectRow[]> {
      if (!pairs.length) return Promise.resolve([]);
      const q = sqlite
        ? ex
            .selectFrom('projects')
            .selectAll()
            .where('lead_unit_id', 'in', [...new Set(pairs.map((p) => p.leadId))])
            .where('name', 'in', [...new Set(pairs.map((p) => p.name))])
        : ex
            .selectFrom('projects')
            .selectAll()
            .where(
              sql<boolean>`(lead_unit_id, name) IN (SELECT * FROM unnest(${pairs.map((p) => p.leadId)}::integer[], ${pairs.map((p) => p.name)}::text[]))`,
            );
      return q.$if(lock, (x) => x.forUpdate()).execute();
    },

    plansOf: (ex: Kysely<DB>, ids: number[]) =>
      ids.length
        ? ex
            .selectFrom('project_annual_plans')
            .select(['project_id', 'year', 'amount'])
            .where('project_id', 'in', ids)
            .execute()
        : Promise.resolve([]),

    /** Adds each row's value to the stored figure, as unit-stats.ts does for a tracked change. */
    async addUnitStats(
      ex: Kysely<DB>,
      rows: { unitId: number; year: number; month: number; metric: string; value: number }[],
    ) {
      const values = rows
        .filter((r) => r.value !== 0)
        .map((r) => ({ unit_id: r.unitId, year: r.year, month: r.month, metric: r.metric, value: r.value }));
      for (const part of chunks(values, 500)) {
        await ex
          .insertInto('unit_stats')
          .values(part)
          .onConflict((oc) =>
            oc
              .columns(['unit_id', 'year', 'month', 'metric'])
              .doUpdateSet({ value: sql`unit_stats.value + excluded.value` }),
          )
          .execute();
      }
    },

    updatedAtOf: (ex: Kysely<DB>, ids: number[]) =>
      ex.selectFrom('projects').select(['id', 'updated_at']).where('id', 'in', ids).execute(),

    updateProject: (ex: Kysely<DB>, id: number, patch: Partial<NewProjectRow>) =>
      ex.updateTable('projects').set(patch).where('id', '=', id).execute(),

    async replaceTags(ex: Kysely<DB>, byProject: Map<number, string[]>) {
      const ids = [...byProject.keys()];
      for (const part of chunks(ids, 1000))
        await ex.deleteFrom('project_tags').where('project_id', 'in', part).execute();
      const rows = [...byProject].flatMap(([project_id, tags]) => tags.map((tag) => ({ tag, project_id })));
      for (const part of chunks(rows, 5000)) await ex.insertInto('project_tags').values(part).execute();
    },

    /** Sets one year's plan per project, leaving its other years as they are. */
    async setPlans(ex: Kysely<DB>, plans: { project_id: number; year: number; amount: number }[]) {
      for (const part of chunks(plans, 500)) {
        await ex
          .deleteFrom('project_annual_plans')
          .where((eb) => eb.or(part.map((p) => eb.and([eb('project_id', '=', p.project_id), eb('year', '=', p.year)]))))
          .execute();
        await ex
          .insertInto('project_annual_plans')
          .values(part.map((p) => ({ ...p, monthly_curve: null })))
          .execute();
      }
    },

    /** Audit events in bulk, in the shape audit.repository.ts writes one at a time. */
    async insertAuditEvents(ex: Kysely<DB>, rows: Omit<DB['audit_events'], 'id'>[]) {
      for (const part of chunks(rows, perStatement(rows))) await ex.insertInto('audit_events').values(part).execute();
    },
  };
}

export type ImportRepository = ReturnType<typeof createImportRepository>;
