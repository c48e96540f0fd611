import fs from 'node:fs';
import path from 'node:path';
import JSZip from 'jszip';
import { afterAll, describe, expect, it } from 'vitest';
import { tmpDir } from '../../../../../test/support/ledgers.ts';
import { declareSize } from '../../../../../test/support/zip-bombs.ts';
import { AppError } from '../../../http/errors.ts';
import { declaredEntryCount, openPackage, PACKAGE_LIMITS, partLimit } from './xlsx-package.ts';

describe('a workbook package within limits', () => {
  const dir = tmpDir();
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
  const write = async (name: string, zip: JSZip | Buffer) => {
    const file = path.join(dir, name);
    fs.writeFileSync(file, Buffer.isBuffer(zip) ? zip : await zip.generateAsync({ type: 'nodebuffer' }));
    return file;
  };
  const refusal = async (file: string) => {
    const e = await openPackage(file).catch((err: unknown) => err);
    expect(e).toBeInstanceOf(AppError);
    return e as AppError;
  };

  it('refuses more entries than any workbook has, counted before unzipper lists them', async () => {
    const zip = new JSZip();
    for (let i = 0; i <= PACKAGE_LIMITS.maxEntries; i++) zip.file(`xl/media/p${i}.txt`, '');
    const file = await write('entries.xlsx', zip);
    expect(await declaredEntryCount(file)).toBeGreaterThan(PACKAGE_LIMITS.maxEntries);
    expect(await refusal(file)).toMatchObject({ status: 400, messageKey: 'IMPORT_PACKAGE_ENTRIES' });
  });

  it('refuses parts that declare more than their limit, and all of them more than the total', async () => {
    const zip = new JSZip();
    zip.file('xl/workbook.xml', '<workbook/>');
    zip.file('xl/worksheets/sheet1.xml', '<worksheet/>');
    zip.file('xl/worksheets/sheet2.xml', '<worksheet/>');
    const plain = await zip.generateAsync({ type: 'nodebuffer' });
    const big = declareSize(plain, 'xl/workbook.xml', PACKAGE_LIMITS.indexBytes + 1);
    expect(await refusal(await write('index.xlsx', big))).toMatchObject({
      messageKey: 'IMPORT_PART_TOO_LARGE',
      params: { part: 'xl/workbook.xml', mb: 8 },
    });
    const sheets = declareSize(
      declareSize(plain, 'xl/worksheets/sheet1.xml', PACKAGE_LIMITS.otherBytes - 1024),
      'xl/worksheets/sheet2.xml',
      PACKAGE_LIMITS.otherBytes - 1024,
    );
    expect((await openPackage(await write('sheets.xlsx', sheets))).entry('xl/worksheets/sheet2.xml')).toBeDefined();
    const total = declareSize(sheets, 'xl/workbook.xml', 4096);
    expect(await refusal(await write('total.xlsx', total))).toMatchObject({ messageKey: 'IMPORT_PACKAGE_TOO_LARGE' });
  });

  it('gives each part its limit by name', () => {
    expect(partLimit('xl/styles.xml')).toBe(PACKAGE_LIMITS.stylesBytes);
    expect(partLimit('xl/sharedStrings.xml')).toBe(PACKAGE_LIMITS.sharedStringsBytes);
    expect(partLimit('xl/_rels/workbook.xml.rels')).toBe(PACKAGE_LIMITS.indexBytes);
    expect(partLimit('xl/worksheets/sheet3.xml')).toBe(PACKAGE_LIMITS.otherBytes);
  });
});
