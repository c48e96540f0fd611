import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { readCsvRows } from './csv-reader.ts';

const rows = async (bytes: Buffer, chunk = 7) => {
  const parts: Buffer[] = [];
  for (let i = 0; i < bytes.length; i += chunk) parts.push(bytes.subarray(i, i + chunk));
  const out = [];
  for await (const r of readCsvRows(Readable.from(parts))) out.push(r);
  return out;
};

/** GB18030 bytes of a text, from the decoder's own table (Node encodes only UTF-8). */
function gb18030(text: string): Buffer {
  const decoder = new TextDecoder('gb18030');
  const table = new Map<string, number[]>();
  for (let hi = 0x81; hi <= 0xfe; hi++)
    for (let lo = 0x40; lo <= 0xfe; lo++)
      if (lo !== 0x7f) table.set(decoder.decode(new Uint8Array([hi, lo])), [hi, lo]);
  return Buffer.from([...text].flatMap((ch) => (ch.charCodeAt(0) < 0x80 ? [ch.charCodeAt(0)] : table.get(ch)!)));
}

describe('CSV ledgers', () => {
  it.each([
    [
      'UTF-8 with a BOM',
      Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('项目名称,总投资\r\n纺织项目,3000\r\n')]),
    ],
    ['UTF-8 without a BOM', Buffer.from('项目名称,总投资\n纺织项目,3000')],
    ['GB18030 as Excel saves it', gb18030('项目名称,总投资\r\n纺织项目,3000\r\n')],
    ['tab-separated', Buffer.from('项目名称\t总投资\n纺织项目\t3000\n')],
  ])('reads %s', async (_what, bytes) => {
    expect(await rows(bytes)).toEqual([
      { row: 1, cells: ['项目名称', '总投资'] },
      { row: 2, cells: ['纺织项目', '3000'] },
    ]);
  });

  it('keeps quoted commas, doubled quotes and line breaks in their cell, numbering rows as Excel does', async () => {
    const text = '名称,备注\r\n"兰江项目,一期","他说""好""\r\n第二行"\r\n\r\n末行,  空格  ';
    expect(await rows(Buffer.from(text), 3)).toEqual([
      { row: 1, cells: ['名称', '备注'] },
      { row: 2, cells: ['兰江项目,一期', '他说"好"\r\n第二行'] },
      { row: 4, cells: ['末行', '空格'] },
    ]);
  });
});
