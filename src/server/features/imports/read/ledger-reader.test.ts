import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { LEDGER_HEADER, ledgerRows } from '../../../../../test/support/ledger-generator.ts';
import { tmpDir, writeLedger } from '../../../../../test/support/ledgers.ts';
import { readLedgerRows } from './ledger-reader.ts';

describe('reading a large workbook', () => {
  const dir = tmpDir();
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  // exceljs decodes each chunk of XML on its own: a character straddling two chunks came out as U+FFFD
  // in about one string of five hundred (shared strings and inline text alike).
  it('keeps every Chinese character of every text cell, across the chunks the XML is read in', async () => {
    const n = 4000;
    const file = path.join(dir, 'ledger.xlsx');
    await writeLedger(file, {
      title: '兰溪市2026年重点项目台账',
      header: LEDGER_HEADER,
      rows: ledgerRows(n, ['兰江街道', '上华街道', '女埠街道'], 2026),
    });
    const expected = [...ledgerRows(n, ['兰江街道', '上华街道', '女埠街道'], 2026)];
    const texts = (cells: readonly unknown[]) => cells.filter((c): c is string => typeof c === 'string' && c !== '');
    let compared = 0;
    for await (const row of readLedgerRows(file, 'xlsx', { sheet: null })) {
      const serial = row.cells[0];
      if (typeof serial !== 'number') continue;
      expect(texts(row.cells), `row ${row.row}`).toEqual(texts(expected[serial - 1]!));
      compared++;
    }
    expect(compared).toBe(n);
  });
});
