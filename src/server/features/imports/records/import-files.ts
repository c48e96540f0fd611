import fs from 'node:fs';
import { pipeline } from 'node:stream/promises';
import { Readable, type Writable } from 'node:stream';
import type { Kysely } from 'kysely';
import type { DetectedHeader } from '../../../../domain/exchange/header-detect.ts';
import type { RowError } from '../../../../domain/exchange/row-validation.ts';
import type { DB } from '../../../db/schema.ts';
import { writeErrorWorkbook } from '../errors/error-workbook.ts';
import { tempPath } from './import-temp.ts';
import type { ImportRepository } from '../imports.repository.ts';
import { readLedgerRows, type FileKind } from '../read/ledger-reader.ts';

/** Chunks of 1 MiB: a row of the file table stays small, and memory holds one chunk at a time. */
const CHUNK = 1024 * 1024;

/**
 * The uploaded file of an import. It is kept in the database, not on one server's disk, so that any
 * server can run the next step; each step copies it to a temporary file, which exceljs's streaming
 * reader reads, and removes the copy when done.
 */
export function createImportFiles(imports: ImportRepository) {
  return {
    async store(trx: Kysely<DB>, importId: number, file: string) {
      let seq = 0;
      for await (const chunk of fs.createReadStream(file, { highWaterMark: CHUNK }))
        await imports.storeFile(trx, importId, [chunk as Buffer], seq++);
    },

    /** A temporary copy of the file, or null when it is gone (committed or purged). */
    async materialise(importId: number, kind: FileKind): Promise<string | null> {
      const file = tempPath(kind === 'csv' ? '.csv' : '.xlsx');
      let any = false;
      const chunks = imports.fileChunks(importId);
      await pipeline(
        Readable.from(
          (async function* () {
            for await (const c of chunks) {
              any = true;
              yield c;
            }
          })(),
        ),
        fs.createWriteStream(file),
      );
      if (!any) {
        await fs.promises.rm(file, { force: true });
        return null;
      }
      return file;
    },

    /** Writes the marked workbook to `out`, then removes the temporary copy. */
    async writeMarked(
      file: string,
      kind: FileKind,
      sheet: string,
      header: DetectedHeader,
      errors: AsyncIterable<RowError>,
      out: Writable | NodeJS.WritableStream,
    ) {
      try {
        await writeErrorWorkbook({
          sheetName: sheet,
          rows: readLedgerRows(file, kind, { sheet }),
          errors,
          headerRow: header.headerRow,
          width: Math.max(0, ...header.columns.map((c) => c.index + 1)),
          out: out as Writable,
        });
      } finally {
        await fs.promises.rm(file, { force: true });
      }
    },
  };
}

export type ImportFiles = ReturnType<typeof createImportFiles>;
