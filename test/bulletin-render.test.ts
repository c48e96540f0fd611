import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { inflateRawSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  commentaryBlocks,
  fitColumnWidths,
  formatRankChange,
  sampleBulletinDocument,
  signatureRightIndents,
  type BulletinDocument,
} from '../src/server/features/bulletins/bulletin-document.ts';
import { renderBulletinDocx } from '../src/server/features/bulletins/render-docx.ts';
import { PdfFontNotFoundError, renderBulletinPdf } from '../src/server/features/bulletins/render-pdf.ts';

/** Entries of a zip file by name, read through its central directory as Word would. */
function readZip(buf: Buffer): Map<string, Buffer> {
  const eocd = buf.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  if (eocd < 0) throw new Error('no end of central directory');
  const count = buf.readUInt16LE(eocd + 10);
  let at = buf.readUInt32LE(eocd + 16);
  const entries = new Map<string, Buffer>();
  for (let i = 0; i < count; i++) {
    if (buf.readUInt32LE(at) !== 0x02014b50) throw new Error('bad central directory entry');
    const [method, size, nameLength, extraLength, commentLength, local] = [buf.readUInt16LE(at + 10), buf.readUInt32LE(at + 20), buf.readUInt16LE(at + 28), buf.readUInt16LE(at + 30), buf.readUInt16LE(at + 32), buf.readUInt32LE(at + 42)];
    const name = buf.toString('utf8', at + 46, at + 46 + nameLength);
    if (buf.readUInt32LE(local) !== 0x04034b50) throw new Error(`bad local header for ${name}`);
    const start = local + 30 + buf.readUInt16LE(local + 26) + buf.readUInt16LE(local + 28);
    const data = buf.subarray(start, start + size);
    entries.set(name, method === 8 ? inflateRawSync(data) : Buffer.from(data));
    at += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

/** True when every tag is closed in order and no stray '<' is left: enough to catch a broken part. */
function isWellFormedXml(xml: string): boolean {
  const body = xml.replace(/<\?[\s\S]*?\?>/g, '').replace(/<!--[\s\S]*?-->/g, '');
  const stack: string[] = [];
  let last = 0;
  for (const m of body.matchAll(/<(\/?)([A-Za-z_][\w:.-]*)((?:\s+[\w:.-]+="[^"]*")*)\s*(\/?)>/g)) {
    if (body.slice(last, m.index).includes('<')) return false;
    last = m.index + m[0].length;
    const [, closing, name, , selfClosing] = m;
    if (selfClosing) continue;
    if (!closing) stack.push(name!);
    else if (stack.pop() !== name) return false;
  }
  return stack.length === 0 && !body.slice(last).includes('<');
}

/** The text of every <w:t> of a part, entities decoded, runs joined. */
const wordText = (xml: string) =>
  [...xml.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]!.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&amp;/g, '&')).join('');

/** One group of three units, one red project, one paragraph: fits on a single A4 page. */
function tinyBulletin(): BulletinDocument {
  const doc = sampleBulletinDocument(8);
  return {
    ...doc,
    commentary: '一、总体情况\n本月三个乡镇参加晾晒。',
    groups: [{ ...doc.groups[0]!, rows: doc.groups[0]!.rows.slice(0, 3), top: [doc.groups[0]!.rows[0]!.unitName], bottom: [doc.groups[0]!.rows[2]!.unitName] }],
    redProjects: [{ name: '兰溪市城东安置房工程', unitName: '兰江街道', reasons: ['连续两个月未报送月报'] }],
  };
}

describe('bulletin layout helpers', () => {
  it('reads short numbered lines as headings and joins the other lines of a paragraph', () => {
    expect(commentaryBlocks('一、总体情况\n全市项目\n进展顺利。\n\n（一）压实责任\n二、本月全市完成投资12亿元，高于序时进度，各单位继续努力。')).toEqual([
      { kind: 'heading', text: '一、总体情况' },
      { kind: 'paragraph', text: '全市项目进展顺利。' },
      { kind: 'subheading', text: '（一）压实责任' },
      { kind: 'paragraph', text: '二、本月全市完成投资12亿元，高于序时进度，各单位继续努力。' },
    ]);
  });

  it.each([
    [2, '↑2'],
    [-1, '↓1'],
    [0, '—'],
    [null, '—'],
  ])('writes a rank change of %s as %s', (change, text) => {
    expect(formatRankChange(change)).toBe(text);
  });

  it('keeps numbers on one line and lets only wrapping columns shrink', () => {
    const table = { columns: [{ weight: 1, align: 'center' as const }, { weight: 1, align: 'left' as const, wrap: true }], header: [], body: [['1234', 'x'.repeat(200)]] };
    const widths = fitColumnWidths(table, 100, (t) => t.length, 2);
    expect(widths).toEqual([4, 96]);
    expect(fitColumnWidths({ ...table, body: [['12', 'ab']] }, 100, (t) => t.length, 2)).toEqual([50, 50]);
    // A sub-column label counts line by line; a label spanning columns does not.
    const header = [[{ text: 'span over both', colSpan: 2 }], [{ text: 'ab\nabcdef' }, { text: 'c' }]];
    expect(fitColumnWidths({ ...table, header }, 100, (t) => t.length, 2)).toEqual([6, 94]);
  });

  it('places the date two characters right of the issuer, or pushes the issuer left when the date is longer', () => {
    expect(signatureRightIndents(16, 6)).toEqual({ issuer: 2, date: 10 });
    expect(signatureRightIndents(4, 6)).toEqual({ issuer: 6, date: 2 });
  });
});

describe('bulletin as Word', () => {
  const doc = sampleBulletinDocument();
  let zip: Map<string, Buffer>;
  beforeAll(async () => {
    zip = readZip(await renderBulletinDocx(doc));
  });

  it('is a zip with the parts Word needs', () => {
    expect([...zip.keys()]).toEqual(expect.arrayContaining(['[Content_Types].xml', 'word/document.xml', '_rels/.rels']));
    expect(isWellFormedXml('<a><b></a>')).toBe(false);
    for (const [name, data] of zip) if (name.endsWith('.xml')) expect(isWellFormedXml(data.toString('utf8')), name).toBe(true);
  });

  it('holds the title, the 文号, a table per group plus the red projects, and every ranked unit', () => {
    const xml = zip.get('word/document.xml')!.toString('utf8');
    const text = wordText(xml);
    expect(xml.match(/<w:tbl>/g)).toHaveLength(doc.groups.length + 1);
    expect(xml).toContain('<w:tblHeader/>');
    expect(text).toContain(doc.title);
    expect(text).toContain(doc.docNumber);
    for (const group of doc.groups) for (const row of group.rows) expect(text).toContain(row.unitName);
    expect(text).toContain(doc.redProjects[0]!.reasons[0]);
    expect(text).toContain('2026年11月5日');
  });

  it('numbers pages with a PAGE field in the footer', () => {
    const footers = [...zip.keys()].filter((name) => /^word\/footer\d*\.xml$/.test(name));
    expect(footers.length).toBeGreaterThan(0);
    for (const name of footers) {
      const xml = zip.get(name)!.toString('utf8');
      expect(xml).toMatch(/<w:instrText[^>]*>\s*PAGE\s*<\/w:instrText>/);
      expect(wordText(xml)).toBe('—  —');
    }
  });
});

describe('bulletin as PDF', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'lantern-bulletin-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  const save = (name: string, pdf: Buffer) => {
    const file = path.join(dir, name);
    writeFileSync(file, pdf);
    return file;
  };
  const pageCount = (file: string) => Number(/^Pages:\s+(\d+)/m.exec(execFileSync('pdfinfo', [file], { encoding: 'utf8' }))?.[1]);
  const pageText = (file: string, page?: number) =>
    execFileSync('pdftotext', [...(page ? ['-f', String(page), '-l', String(page)] : []), '-layout', file, '-'], { encoding: 'utf8' });

  it('fits a small bulletin on one page with its Chinese text extractable', async () => {
    const doc = tinyBulletin();
    const file = save('tiny.pdf', await renderBulletinPdf(doc, { fontPath: null }));
    expect(pageCount(file)).toBe(1);
    const text = pageText(file).replace(/[ \t]+/g, '');
    expect(text).toContain(doc.title);
    expect(text).toContain(doc.docNumber);
    expect(text).toContain(doc.groups[0]!.rows[1]!.unitName);
    expect(text).toContain('连续两个月未报送月报');
    expect(text).toContain('—1—');
  });

  it('breaks a 300-unit ranking across pages and repeats the header row on each', async () => {
    const doc = sampleBulletinDocument(300);
    const file = save('large.pdf', await renderBulletinPdf(doc, { fontPath: null }));
    const pages = pageCount(file);
    // 300 rows of at least 21 pt on a 638 pt text block: no more than 30 rows a page.
    expect(pages).toBeGreaterThanOrEqual(10);
    const rowLine = /^\s*\d+\s+(?:↑\d+|↓\d+|—)\s+\S/m;
    let pagesWithRows = 0;
    for (let p = 1; p <= pages; p++) {
      const text = pageText(file, p);
      if (!rowLine.test(text)) continue;
      pagesWithRows++;
      expect(text, `page ${p}`).toMatch(/名次[\s\S]*单位[\s\S]*总分[\s\S]*得分/);
    }
    expect(pagesWithRows).toBeGreaterThanOrEqual(9);
    expect(pageText(file, pages)).toContain(doc.issuer);
  });

  it('uses the font LANTERN_PDF_FONT names, picking the Simplified Chinese face of a collection', async () => {
    const doc = tinyBulletin();
    const file = save('sans.pdf', await renderBulletinPdf(doc, { fontPath: '/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc' }));
    expect(execFileSync('pdffonts', [file], { encoding: 'utf8' })).toMatch(/NotoSansCJKsc-Regular/);
    expect(pageText(file).replace(/[ \t]+/g, '')).toContain(doc.title);
  });

  it('fails with PdfFontNotFoundError, saying how to fix it, when the font is missing or not a font', async () => {
    const missing = renderBulletinPdf(tinyBulletin(), { fontPath: path.join(dir, 'no-such-font.ttc') });
    await expect(missing).rejects.toBeInstanceOf(PdfFontNotFoundError);
    await expect(missing).rejects.toThrow(/fonts-noto-cjk.*LANTERN_PDF_FONT/);
    const notAFont = save('not-a-font.ttf', Buffer.from('hello'));
    await expect(renderBulletinPdf(tinyBulletin(), { fontPath: notAFont })).rejects.toMatchObject({ reason: 'notAFont' });
  });
});
