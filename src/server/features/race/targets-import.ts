/**
 * A targets file brought back: the upload (multipart, one file in `file`, at most 5 MB, streamed to a
 * temporary file), told apart from what people upload by mistake and read row by row by the imports'
 * readers (sniffFile, readLedgerRows: .xlsx or .csv), then read as a targets sheet by the domain
 * (targets-sheet.ts), each problem in the reader's language naming its cell.
 */
import fs from 'node:fs';
import { pipeline } from 'node:stream/promises';
import type { FastifyRequest } from 'fastify';
import { fileLabel } from '../../../domain/text/file-label.ts';
import type { RawRow } from '../../../domain/exchange/row-validation.ts';
import { readTargetSheet, type SheetIndicator, type SheetProblem } from '../../../domain/race/targets-sheet.ts';
import { AppError, invalid } from '../../http/errors.ts';
import { translate, type Locale, type MessageKey } from '../../http/i18n.ts';
import { problemMessage } from '../imports/read/open-ledger.ts';
import { readLedgerRows, sniffFile } from '../imports/read/ledger-reader.ts';
import { tempPath } from '../imports/records/import-temp.ts';

/** A targets grid is a few dozen units: a larger file is not one. */
export const TARGETS_FILE_LIMITS = { maxBytes: 5 * 1024 * 1024, maxRows: 2000 } as const;
const MB = TARGETS_FILE_LIMITS.maxBytes / 1024 / 1024;

/** Reads the multipart body into a temporary file; the caller removes it. */
export async function readTargetsUpload(request: FastifyRequest): Promise<{ path: string; fileName: string }> {
  if (!request.isMultipart()) throw new AppError(415, 'UNSUPPORTED_MEDIA', 'IMPORT_NOT_MULTIPART');
  let file: { path: string; fileName: string } | null = null;
  const fail = async (e: AppError): Promise<never> => {
    if (file) await fs.promises.rm(file.path, { force: true });
    throw e;
  };
  try {
    for await (const part of request.parts()) {
      if (part.type !== 'file') continue;
      if (part.fieldname !== 'file' || file) {
        part.file.resume();
        continue;
      }
      file = { path: tempPath('.targets'), fileName: fileLabel(part.filename, 'targets.xlsx') };
      await pipeline(part.file, fs.createWriteStream(file.path));
      if (part.file.truncated)
        await fail(new AppError(413, 'FILE_TOO_LARGE', 'IMPORT_TOO_LARGE', { name: file.fileName, mb: MB }, 'file'));
    }
  } catch (e) {
    if (e instanceof AppError) throw e;
    const code = (e as { code?: string }).code;
    if (code === 'FST_REQ_FILE_TOO_LARGE')
      await fail(
        new AppError(413, 'FILE_TOO_LARGE', 'IMPORT_TOO_LARGE', { name: file?.fileName ?? '', mb: MB }, 'file'),
      );
    if (code === 'FST_FILES_LIMIT') await fail(invalid('IMPORT_ONE_FILE', {}, 'file'));
    if (code === 'FST_INVALID_MULTIPART_CONTENT_TYPE')
      await fail(new AppError(415, 'UNSUPPORTED_MEDIA', 'IMPORT_NOT_MULTIPART'));
    await fail(invalid('IMPORT_INTERRUPTED'));
  }
  if (!file) throw invalid('IMPORT_NO_FILE', {}, 'file');
  return file;
}

/** A problem of the sheet as the reader reads it: 'C5：“abc”不是数字'. */
export function sheetProblemText(p: SheetProblem, locale: Locale): string {
  return translate(`TARGETS_SHEET_${p.code}` as MessageKey, locale, p);
}

/**
 * The entries of a targets file and its problems, in the reader's language. A file that is no
 * spreadsheet (an .xls, a Word file, an encrypted workbook) is refused at once with the imports' message.
 */
export async function readTargetsFile(
  file: { path: string; fileName: string },
  indicators: readonly SheetIndicator[],
  unitByName: ReadonlyMap<string, number>,
  locale: Locale,
) {
  const sniffed = await sniffFile(file.path, file.fileName);
  if ('problem' in sniffed) {
    const m = problemMessage({ code: sniffed.problem === 'EMPTY' ? 'EMPTY_FILE' : sniffed.problem }, file.fileName);
    throw invalid(m.key, m.params, 'file');
  }
  const rows: RawRow[] = [];
  try {
    for await (const row of readLedgerRows(file.path, sniffed.kind, { sheet: null })) {
      rows.push(row);
      if (rows.length > TARGETS_FILE_LIMITS.maxRows) break;
    }
  } catch (e) {
    if (e instanceof AppError) throw e;
    const m = problemMessage({ code: 'DAMAGED' }, file.fileName);
    throw invalid(m.key, m.params, 'file');
  }
  const read = readTargetSheet(rows, indicators, unitByName);
  return { entries: read.entries, problems: read.problems.map((p) => sheetProblemText(p, locale)) };
}
