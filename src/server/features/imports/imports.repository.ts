import type SQLite from 'better-sqlite3';
import { sql, type Kysely } from 'kysely';
import type { Scope } from '../../../domain/access/scope.ts';
import type { DB } from '../../db/schema.ts';
import { subtreeRange } from '../../db/fragments.ts';
import type { ProjectRow } from '../projects/projects.repository.ts';

type ImportRow = DB['imports'] extends infer T ? { [K in keyof T]: T[K] extends import('kysely').Generated<infer U> ? U : T[K] } : never;
export type ImportRecord = ImportRow;
export type NewProjectRow = Omit<ProjectRow, 'id'>;

/** Bound parameters per statement stay below SQLite's 32,766 and PostgreSQL's 65,535. */
const PARAMS = 30_000;
const chunks = <T>(rows: T[], size: number) => Array.from({ length: Math.ceil(rows.length / size) }, (_, i) => rows.slice(i * size, (i + 1) * size));
const perStatement = (rows: object[]) => Math.max(1, Math.floor(PARAMS / Math.max(1, Object.keys(rows[0] ?? {}).length)));

/** Imports scoped like projects: by the path of the unit imported into. */
const inScope = <Q extends { where: (...a: any[]) => Q }>(q: Q, scope: Scope): Q => {
  if (scope.kind === 'all') return q;
  if (scope.kind !== 'subtree') return q.where((eb: any) => eb.lit(false));
  const [lo, hi] = subtreeRange(scope.path);
  return q.where('imports.unit_path', '>=', lo).where('imports.unit_path', '<', hi);
};

type Value = string | number | null;

/**
 * Multi-row INSERTs of many rows, given as arrays in `columns` order. On SQLite they run as prepared
 * statements kept for the process: through Kysely each batch of a large import was compiled and then
 * parsed again by SQLite — twenty thousand parameters a statement — which took three quarters of the
 * commit. The statements run on the very connection Kysely's SQLite driver holds for the caller's
 * transaction, so the transaction covers them; they are refused outside one. PostgreSQL goes through
 * Kysely as usual.
 */
function createBulkInsert(sqlite: SQLite.Database | null) {
  const statements = new Map<string, SQLite.Statement>();
  /** With `returning`, the new rows' ids in the order given (a multi-row VALUES insert returns them so on both). */
  return async function insertRows(ex: Kysely<DB>, table: keyof DB, columns: readonly string[], rows: Value[][], returning = false): Promise<number[]> {
    if (!rows.length) return [];
    const perStatement = Math.max(1, Math.floor(PARAMS / columns.length));
    const ids: number[] = [];
    for (let i = 0; i < rows.length; i += perStatement) {
      const part = rows.slice(i, i + perStatement);
      if (sqlite) {
        if (!ex.isTransaction) throw new Error(`bulk insert into ${table} outside a transaction`);
        const key = `${table}|${part.length}|${returning}`;
        let stmt = statements.get(key);
        if (!stmt) {
          const tuple = `(${columns.map(() => '?').join(',')})`;
          stmt = sqlite.prepare(`INSERT INTO ${table} (${columns.join(',')}) VALUES ${Array.from({ length: part.length }, () => tuple).join(',')}${returning ? ' RETURNING id' : ''}`);
          if (statements.size > 200) statements.clear();
          statements.set(key, stmt);
        }
        const params = part.flat();
        if (returning) for (const r of stmt.all(params) as { id: number; name: string }[]) ids.push(r.id);
        else stmt.run(params);
      } else {
        const objects = part.map((r) => Object.fromEntries(columns.map((c, j) => [c, r[j]])));
        const q = ex.insertInto(table).values(objects as never);
        if (returning) for (const r of (await q.returning(sql<number>`id`.as('id')).execute()) as { id: number }[]) ids.push(r.id);
        else await q.execute();
      }
    }
    return ids;
  };
}

/** Columns written by the bulk inserts, in the order their rows are given. */
export const COLUMNS = {
  tags: ['tag', 'project_id'],
  plans: ['project_id', 'year', 'amount'],
  stageChanges: ['project_id', 'from_stage', 'to_stage', 'reason', 'actor_id', 'actor_name', 'at'],
  audit: ['at', 'actor_id', 'actor_name', 'action', 'object_type', 'object_id', 'unit_path', 'summary', 'before_json', 'after_json', 'ip'],
} as const;

/** Queries of the import feature; every batch write takes the caller's transaction. */
export function createImportRepository(db: Kysely<DB>, sqlite: SQLite.Database | null = null) {
  const insertRows = createBulkInsert(sqlite);
  return {
    insertRows,

    insert: (row: Omit<ImportRow, 'id'>, ex: Kysely<DB> = db) => ex.insertInto('imports').values(row).returning('id').executeTakeFirstOrThrow(),

    findById: (id: number, ex: Kysely<DB> = db) => ex.selectFrom('imports').selectAll().where('id', '=', id).executeTakeFirst(),

    update: (id: number, patch: Partial<Omit<ImportRow, 'id'>>, ex: Kysely<DB> = db) => ex.updateTable('imports').set(patch).where('id', '=', id).execute(),

    /** Newest first, keyset-paged by id. */
    list: (scope: Scope, f: { unitPath?: string; cursor?: number; limit: number }) =>
      inScope(db.selectFrom('imports').selectAll(), scope)
        .$if(!!f.unitPath, (q) => q.where('unit_path', '>=', subtreeRange(f.unitPath!)[0]).where('unit_path', '<', subtreeRange(f.unitPath!)[1]))
        .$if(f.cursor !== undefined, (q) => q.where('id', '<', f.cursor!))
        .orderBy('id', 'desc')
        .limit(f.limit)
        .execute(),

    async storeFile(ex: Kysely<DB>, importId: number, parts: Buffer[], firstSeq = 0) {
      for (const [i, data] of parts.entries()) await ex.insertInto('import_files').values({ import_id: importId, seq: firstSeq + i, data }).execute();
    },

    /** The file's chunks in order, one query each, so that memory holds one chunk at a time. */
    async *fileChunks(importId: number): AsyncGenerator<Buffer> {
      for (let seq = 0; ; seq++) {
        const row = await db.selectFrom('import_files').select('data').where('import_id', '=', importId).where('seq', '=', seq).executeTakeFirst();
        if (!row) return;
        yield Buffer.from(row.data);
      }
    },

    deleteFile: (importId: number, ex: Kysely<DB> = db) => ex.deleteFrom('import_files').where('import_id', '=', importId).execute(),

    /** Files of imports never committed and untouched since `before`: a forgotten upload does not stay forever. */
    purgeFilesBefore: (before: string) =>
      db.deleteFrom('import_files').where('import_id', 'in', db.selectFrom('imports').select('id').where('updated_at', '<', before).where('status', '<>', 'committing').where('status', '<>', 'checking')).execute(),

    async replaceErrors(importId: number, errors: { row: number; cell: string; column: string; message: string }[]) {
      await db.transaction().execute(async (trx) => {
        await trx.deleteFrom('import_errors').where('import_id', '=', importId).execute();
        const rows = errors.map((e, seq) => ({ import_id: importId, seq, row_number: e.row, cell: e.cell, column_header: e.column.slice(0, 200), message: e.message.slice(0, 500) }));
        for (const part of chunks(rows, 1000)) await trx.insertInto('import_errors').values(part).execute();
      });
    },

    errorsOf: (importId: number, after: number, limit: number) =>
      db.selectFrom('import_errors').selectAll().where('import_id', '=', importId).where('seq', '>', after).orderBy('seq').limit(limit).execute(),

    /** Every stored error in row order, a page at a time. */
    async *allErrors(importId: number): AsyncGenerator<{ row: number; cell: string; column: string; message: string }> {
      for (let after = -1; ; ) {
        const page = await db.selectFrom('import_errors').selectAll().where('import_id', '=', importId).where('seq', '>', after).orderBy('seq').limit(1000).execute();
        if (!page.length) return;
        for (const e of page) yield { row: e.row_number, cell: e.cell, column: e.column_header, message: e.message };
        after = page.at(-1)!.seq;
      }
    },

    savedMapping: (unitId: number, ledger: string) => db.selectFrom('import_mappings').selectAll().where('unit_id', '=', unitId).where('ledger', '=', ledger).executeTakeFirst(),

    saveMapping: (row: DB['import_mappings']) =>
      db
        .insertInto('import_mappings')
        .values(row)
        .onConflict((oc) => oc.columns(['unit_id', 'ledger']).doUpdateSet({ mapping_json: row.mapping_json, updated_by: row.updated_by, updated_at: row.updated_at }))
        .execute(),

    units: () => db.selectFrom('units').select(['id', 'name', 'kind', 'path']).execute(),

    /** `lock` (PostgreSQL) holds the rows for the caller's transaction: FOR UPDATE. */
    projectsByCodes: (ex: Kysely<DB>, codes: string[], lock = false) =>
      codes.length ? ex.selectFrom('projects').selectAll().where('code', 'in', codes).$if(lock, (q) => q.forUpdate()).execute() : Promise.resolve([] as ProjectRow[]),

    /** Projects of the given lead units with any of the names (the caller pairs them up). */
    projectsByLeadNames: (ex: Kysely<DB>, leadIds: number[], names: string[], lock = false) =>
      names.length ? ex.selectFrom('projects').selectAll().where('lead_unit_id', 'in', leadIds).where('name', 'in', names).$if(lock, (q) => q.forUpdate()).execute() : Promise.resolve([] as ProjectRow[]),

    plansOf: (ex: Kysely<DB>, ids: number[]) => (ids.length ? ex.selectFrom('project_annual_plans').select(['project_id', 'year', 'amount']).where('project_id', 'in', ids).execute() : Promise.resolve([])),

    /** Adds each row's value to the stored figure, as unit-stats.ts does for a tracked change. */
    async addUnitStats(ex: Kysely<DB>, rows: { unitId: number; year: number; month: number; metric: string; value: number }[]) {
      const values = rows.filter((r) => r.value !== 0).map((r) => ({ unit_id: r.unitId, year: r.year, month: r.month, metric: r.metric, value: r.value }));
      for (const part of chunks(values, 500)) {
        await ex
          .insertInto('unit_stats')
          .values(part)
          .onConflict((oc) => oc.columns(['unit_id', 'year', 'month', 'metric']).doUpdateSet({ value: sql`unit_stats.value + excluded.value` }))
          .execute();
      }
    },

    updatedAtOf: (ex: Kysely<DB>, ids: number[]) => ex.selectFrom('projects').select(['id', 'updated_at']).where('id', 'in', ids).execute(),

    updateProject: (ex: Kysely<DB>, id: number, patch: Partial<NewProjectRow>) => ex.updateTable('projects').set(patch).where('id', '=', id).execute(),

    async replaceTags(ex: Kysely<DB>, byProject: Map<number, string[]>) {
      const ids = [...byProject.keys()];
      for (const part of chunks(ids, 1000)) await ex.deleteFrom('project_tags').where('project_id', 'in', part).execute();
      const rows = [...byProject].flatMap(([project_id, tags]) => tags.map((tag) => ({ tag, project_id })));
      for (const part of chunks(rows, 5000)) await ex.insertInto('project_tags').values(part).execute();
    },

    /** Sets one year's plan per project, leaving its other years as they are. */
    async setPlans(ex: Kysely<DB>, plans: { project_id: number; year: number; amount: number }[]) {
      for (const part of chunks(plans, 500)) {
        await ex.deleteFrom('project_annual_plans').where((eb) => eb.or(part.map((p) => eb.and([eb('project_id', '=', p.project_id), eb('year', '=', p.year)])))).execute();
        await ex.insertInto('project_annual_plans').values(part.map((p) => ({ ...p, monthly_curve: null }))).execute();
      }
    },

    /** Audit events in bulk, in the shape audit.repository.ts writes one at a time. */
    async insertAuditEvents(ex: Kysely<DB>, rows: Omit<DB['audit_events'], 'id'>[]) {
      for (const part of chunks(rows, perStatement(rows))) await ex.insertInto('audit_events').values(part).execute();
    },
  };
}

export type ImportRepository = ReturnType<typeof createImportRepository>;
