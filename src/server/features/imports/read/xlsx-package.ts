import fs from 'node:fs';
import { createRequire } from 'node:module';
import { Transform, type Readable } from 'node:stream';
import { AppError } from '../../../http/errors.ts';
import type { MessageKey } from '../../../http/i18n.ts';

/**
 * Opening a workbook's zip package with limits, against decompression bombs: a 0.9 MB workbook whose
 * styles part expanded to 150 MB once held the server for 37 s and 430 MB. Before anything is inflated
 * the package's entries are counted (from the end of the central directory, before unzipper lists
 * them) and every part's declared uncompressed size is held against its limit, and all of them against
 * the total; while a part is inflated its bytes are counted and reading stops as soon as they pass
 * what the directory declared, since a forged directory can declare anything.
 *
 * The limits are sized from the 100,000-row benchmark ledger (test/support/ledger-generator.ts): a
 * 19.6 MB file whose sheet is 87 MB of XML and shared strings 32 MB (both compressed about 6:1),
 * with the upload limit of 30 MB (IMPORT_LIMITS.maxFileBytes) in mind: at that ratio 30 MB of a
 * ledger unpacks to some 180 MB. No compression ratio is capped: formatted empty cells compress far
 * better than 6:1 in ordinary workbooks, and the sizes below already bound the time and memory.
 */
const MB = 1024 * 1024;
export const PACKAGE_LIMITS = {
  /** Entries of the package: a workbook has a dozen or two, a few hundred with many sheets and pictures. */
  maxEntries: 10_000,
  /** The shared strings, held in memory while the sheet is read: three times the benchmark's 32 MB. */
  sharedStringsBytes: 96 * MB,
  /** Cell formats: Excel allows at most 64,000 of them, about 10 MB of XML. */
  stylesBytes: 16 * MB,
  /** The parts that say where the sheets are (workbook.xml, the relationships, the content types). */
  indexBytes: 8 * MB,
  /** Any other part (a sheet, streamed row by row, or a part never read): three times the benchmark's sheet. */
  otherBytes: 256 * MB,
  /** All parts together. */
  totalBytes: 512 * MB,
} as const;

/** The limit of one part, by its name in the package. */
export function partLimit(name: string): number {
  if (name === 'xl/sharedStrings.xml') return PACKAGE_LIMITS.sharedStringsBytes;
  if (name === 'xl/styles.xml') return PACKAGE_LIMITS.stylesBytes;
  if (name === 'xl/workbook.xml' || name === '[Content_Types].xml' || name.endsWith('.rels'))
    return PACKAGE_LIMITS.indexBytes;
  return PACKAGE_LIMITS.otherBytes;
}

const mb = (bytes: number) => Math.round(bytes / MB);
const refuse = (key: MessageKey, params: Record<string, string | number>) =>
  new AppError(400, 'VALIDATION', key, params, 'file');

/** A part of the package as unzipper's central directory lists it. */
export interface ZipEntry {
  path: string;
  uncompressedSize: number;
  stream(): Readable;
}

const fromExceljs = createRequire(createRequire(import.meta.url).resolve('exceljs'));
const unzipper = fromExceljs('unzipper') as { Open: { file(path: string): Promise<{ files: ZipEntry[] }> } };

/** `length` bytes of `file` from `start` (fewer at its end). */
export async function readSlice(file: string, start: number, length: number): Promise<Buffer> {
  const handle = await fs.promises.open(file, 'r');
  try {
    const buf = Buffer.alloc(length);
    const { bytesRead } = await handle.read(buf, 0, length, start);
    return buf.subarray(0, bytesRead);
  } finally {
    await handle.close();
  }
}

const EOCD = Buffer.from([0x50, 0x4b, 0x05, 0x06]);
const ZIP64_LOCATOR = 0x07064b50;
const ZIP64_EOCD = 0x06064b50;

/**
 * The number of entries the end of the central directory declares (its zip64 record's when it has
 * one), or null when there is no such end: unzipper then fails on the file as damaged. Read here
 * because unzipper sets out to list as many entries as declared, up to 2⁶⁴.
 */
export async function declaredEntryCount(file: string): Promise<number | null> {
  const size = (await fs.promises.stat(file)).size;
  const length = Math.min(size, 22 + 0xffff + 20);
  const tail = await readSlice(file, size - length, length);
  const at = tail.lastIndexOf(EOCD);
  if (at < 0 || at + 22 > tail.length) return null;
  const count = tail.readUInt16LE(at + 10);
  const zip64 = count === 0xffff || tail.readUInt32LE(at + 16) === 0xffffffff;
  if (!zip64 || at < 20 || tail.readUInt32LE(at - 20) !== ZIP64_LOCATOR) return count;
  const record = await readSlice(file, Number(tail.readBigUInt64LE(at - 12)), 56);
  return record.length === 56 && record.readUInt32LE(0) === ZIP64_EOCD ? Number(record.readBigUInt64LE(32)) : count;
}

const nameOf = (entry: ZipEntry) => entry.path.replace(/^\//, '');

/** Throws the 400 of a package over its limits, judged by its central directory. */
export function checkDeclaredSizes(files: ZipEntry[]): void {
  if (files.length > PACKAGE_LIMITS.maxEntries)
    throw refuse('IMPORT_PACKAGE_ENTRIES', { count: files.length, max: PACKAGE_LIMITS.maxEntries });
  let total = 0;
  for (const f of files) {
    const limit = partLimit(nameOf(f));
    if (f.uncompressedSize > limit) throw refuse('IMPORT_PART_TOO_LARGE', { part: nameOf(f), mb: mb(limit) });
    total += f.uncompressedSize;
  }
  if (total > PACKAGE_LIMITS.totalBytes)
    throw refuse('IMPORT_PACKAGE_TOO_LARGE', { mb: mb(PACKAGE_LIMITS.totalBytes) });
}

/** A workbook's package, its parts found by name. */
export interface XlsxPackage {
  files: ZipEntry[];
  entry(name: string): ZipEntry | undefined;
}

/** Opens a workbook's package, refusing it (a 400) when its directory is over the limits. */
export async function openPackage(file: string): Promise<XlsxPackage> {
  const count = await declaredEntryCount(file);
  if (count !== null && count > PACKAGE_LIMITS.maxEntries)
    throw refuse('IMPORT_PACKAGE_ENTRIES', { count, max: PACKAGE_LIMITS.maxEntries });
  const { files } = await unzipper.Open.file(file);
  checkDeclaredSizes(files);
  return { files, entry: (name) => files.find((f) => f.path === name || f.path === `/${name}`) };
}

/**
 * A part inflated, its bytes counted: past the size its directory entry declares (itself within the
 * part's limit) the stream fails with the 400 naming the part, and the inflating stops. `onBytes`
 * receives the bytes so far and the declared size.
 */
export function readPart(entry: ZipEntry, onBytes?: (bytes: number, total: number) => void): Readable {
  const declared = entry.uncompressedSize;
  let bytes = 0;
  const counter = new Transform({
    transform(chunk: Buffer, _enc, done) {
      bytes += chunk.length;
      if (bytes > declared) {
        done(refuse('IMPORT_PART_SIZE_MISMATCH', { part: nameOf(entry), size: sizeText(declared) }));
        return;
      }
      onBytes?.(bytes, declared);
      done(null, chunk);
    },
  });
  const source = entry.stream();
  source.on('error', (e) => counter.destroy(e));
  // Stopping early (the head of a ledger, or a part over its size) stops the inflating too.
  counter.on('close', () => {
    source.unpipe(counter);
    source.destroy();
  });
  return source.pipe(counter);
}

/** A size as people read it: bytes, KB or MB. */
function sizeText(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < MB) return `${Math.round(bytes / 1024)} KB`;
  return `${(bytes / MB).toFixed(1)} MB`;
}
