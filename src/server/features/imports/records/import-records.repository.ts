import { type Kysely } from 'kysely';
import type { Scope } from '../../../../domain/access/scope.ts';
import type { DB } from '../../../db/schema.ts';
import { subtreeRange } from '../../../db/fragments.ts';
import { chunks } from '../../../db/bulk-insert.ts';
import type { RowError } from '../../../../domain/exchange/row-validation.ts';

type ImportRow = DB['imports'] extends infer T
  ? { [K in keyof T]: T[K] extends import('kysely').Generated<infer U> ? U : T[K] }
  : never;
export type ImportRecord = ImportRow;

/** Imports scoped like projects: by the path of the unit imported into. */
const inScope = <Q extends { where: (...a: any[]) => Q }>(q: Q, scope: Scope): Q => {
  if (scope.kind === 'all') return q;
  if (scope.kind !== 'subtree') return q.where((eb: any) => eb.lit(false));
  const [lo, hi] = subtreeRange(scope.path);
  return q.where('imports.unit_path', '>=', lo).where('imports.unit_path', '<', hi);
};

/** A stored problem as the check found it: its English where it has one. */
export const storedRowError = (e: DB['import_errors']): RowError => ({
  row: e.row_number,
  cell: e.cell,
  column: e.column_header,
  message: e.message,
  ...(e.message_en ? { en: e.message_en } : {}),
});

/** Queries over import records, their stored files and errors, and the mappings saved per unit and kind. */
export function createImportRecords(db: Kysely<DB>) {
  return {
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

    async replaceErrors(importId: number, errors: readonly RowError[]) {
      await db.transaction().execute(async (trx) => {
        await trx.deleteFrom('import_errors').where('import_id', '=', importId).execute();
        const rows = errors.map((e, seq) => ({
          import_id: importId,
          seq,
          row_number: e.row,
          cell: e.cell,
          column_header: e.column.slice(0, 200),
          message: e.message.slice(0, 500),
          message_en: e.en?.slice(0, 500) ?? null,
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
    async *allErrors(importId: number): AsyncGenerator<RowError> {
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
        for (const e of page) yield storedRowError(e);
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

    /** Runs `fn` in one transaction: a record's change and its audit event are written together or not at all. */
    inTransaction: <T>(fn: (trx: Kysely<DB>) => Promise<T>) => db.transaction().execute(fn),

    saveMapping: (row: DB['import_mappings'], ex: Kysely<DB> = db) =>
      ex
        .insertInto('import_mappings')
        .values(row)
        .onConflict((oc) =>
          oc
            .columns(['unit_id', 'ledger'])
            .doUpdateSet({ mapping_json: row.mapping_json, updated_by: row.updated_by, updated_at: row.updated_at }),
        )
        .execute(),
  };
}
