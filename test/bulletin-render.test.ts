import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { inflateRawSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatScore } from '../src/domain/progress/time-progress.ts';
import {
  commentaryBlocks,
  formatRankChange,
  keepNumbersWithUnits,
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
    const [method, size, nameLength, extraLength, commentLength, local] = [
      buf.readUInt16LE(at + 10),
      buf.readUInt32LE(at + 20),
      buf.readUInt16LE(at + 28),
      buf.readUInt16LE(at + 30),
      buf.readUInt16LE(at + 32),
      buf.readUInt32LE(at + 42),
    ];
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
  [...xml.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>/g)]
    .map((m) =>
      m[1]!
        .replace(/&lt;/g, '<')
        .replace(/&gt;/g, '>')
        .replace(/&quot;/g, '"')
        .replace(/&amp;/g, '&'),
    )
    .join('');

/** A commentary as the draft writes it: spaces between numbers and their units. */
const DRAFT_COMMENTARY =
  '一、总体情况\n全市累计完成投资 10.20 亿元，完成率 85.0%，超序时进度 1.7 个百分点。兰江街道（54.67 分）、云山街道（53.10 分）位居前列。';

/** The zip's entries with their DOS modification time, from the central directory. */
function zipTimes(buf: Buffer): { name: string; time: number; date: number }[] {
  const eocd = buf.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  let at = buf.readUInt32LE(eocd + 16);
  return Array.from({ length: buf.readUInt16LE(eocd + 10) }, () => {
    const entry = {
      name: buf.toString('utf8', at + 46, at + 46 + buf.readUInt16LE(at + 28)),
      time: buf.readUInt16LE(at + 12),
      date: buf.readUInt16LE(at + 14),
    };
    at += 46 + buf.readUInt16LE(at + 28) + buf.readUInt16LE(at + 30) + buf.readUInt16LE(at + 32);
    return entry;
  });
}

/** One group of three units, one red project, one paragraph: fits on a single A4 page. */
function tinyBulletin(): BulletinDocument {
  const doc = sampleBulletinDocument(8);
  return {
    ...doc,
    commentary: '一、总体情况\n本月三个乡镇参加晾晒。',
    groups: [
      {
        ...doc.groups[0]!,
        rows: doc.groups[0]!.rows.slice(0, 3),
        top: [doc.groups[0]!.rows[0]!.unitName],
        bottom: [doc.groups[0]!.rows[2]!.unitName],
      },
    ],
    redProjects: [{ name: '兰溪市城东安置房工程', unitName: '兰江街道', reasons: ['连续两个月未报送月报'] }],
  };
}

describe('bulletin layout helpers', () => {
  it('reads short numbered lines as headings and joins the other lines of a paragraph', () => {
    expect(
      commentaryBlocks(
        '一、总体情况\n全市项目\n进展顺利。\n\n（一）压实责任\n二、本月全市完成投资12亿元，高于序时进度，各单位继续努力。',
      ),
    ).toEqual([
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

  it.each([
    ['综合得分（54.67 分）', '综合得分（54.67\u00a0分）'],
    [
      '累计完成投资 10.20 亿元，完成率 85.0%，超序时进度 1.7 个百分点',
      '累计完成投资\u00a010.20\u00a0亿元，完成率\u00a085.0%，超序时进度\u00a01.7\u00a0个百分点',
    ],
    ['PDF 文件 and Word 2026', 'PDF 文件 and Word 2026'],
  ])('keeps the number of %j with its unit by no-break spaces', (text, kept) => {
    expect(keepNumbersWithUnits(text)).toBe(kept);
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
    expect([...zip.keys()]).toEqual(
      expect.arrayContaining(['[Content_Types].xml', 'word/document.xml', '_rels/.rels']),
    );
    expect(isWellFormedXml('<a><b></a>')).toBe(false);
    for (const [name, data] of zip)
      if (name.endsWith('.xml')) expect(isWellFormedXml(data.toString('utf8')), name).toBe(true);
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

  it('opens with the red header: the issuer large, centred and red, the 文号 above a red rule, then the title', () => {
    const xml = zip.get('word/document.xml')!.toString('utf8');
    const paragraphs = [...xml.matchAll(/<w:p>[\s\S]*?<\/w:p>/g)].map((m) => m[0]);
    const issuer = paragraphs.findIndex((p) => wordText(p) === doc.issuer);
    expect(issuer).toBe(0);
    expect(paragraphs[0]).toMatch(/<w:jc w:val="center"\/>/);
    expect(paragraphs[0]).toMatch(/<w:color w:val="E60000"\/>/);
    expect(Number(/<w:sz w:val="(\d+)"\/>/.exec(paragraphs[0]!)?.[1])).toBeGreaterThan(44);
    expect(wordText(paragraphs[1]!)).toBe(doc.docNumber);
    expect(paragraphs[1]).toMatch(
      /<w:pBdr><w:bottom w:val="single" w:color="E60000" w:sz="\d+" w:space="\d+"\/><\/w:pBdr>/,
    );
    expect(paragraphs.findIndex((p) => wordText(p) === doc.title)).toBeGreaterThan(1);
  });

  it('heads every money column with its one unit and prints its cells as bare numbers', () => {
    const text = wordText(zip.get('word/document.xml')!.toString('utf8'));
    expect(text).toContain('（亿元）');
    expect(text).not.toMatch(/\d (亿元|万元|个)/);
    const lanjiang = doc.groups[0]!.rows.find((r) => r.unitName === '兰江街道')!;
    expect(lanjiang.cells[2]!.value).toMatch(/^\d+\.\d{2}$/);
  });

  it('sets commentary flush left with each number bound to its unit, so Word stretches no space inside a figure', async () => {
    const xml = readZip(await renderBulletinDocx({ ...doc, commentary: DRAFT_COMMENTARY }))
      .get('word/document.xml')!
      .toString('utf8');
    const paragraphs = [...xml.matchAll(/<w:p>[\s\S]*?<\/w:p>/g)].map((m) => m[0]);
    const commentary = paragraphs.find((p) => wordText(p).includes('累计完成投资'))!;
    expect(wordText(commentary)).toContain('（54.67\u00a0分）');
    expect(wordText(commentary)).toContain('投资\u00a010.20\u00a0亿元');
    expect(wordText(commentary)).not.toMatch(/\d [^\x00-\x7f]|[^\x00-\x7f] \d/);
    expect(commentary).toContain('<w:jc w:val="left"/>');
    expect(xml).not.toContain('<w:jc w:val="both"/>');
  });

  it('is the same bytes on every render, dated at publication inside and in every zip entry', async () => {
    const again = await renderBulletinDocx(doc);
    expect(again.equals(await renderBulletinDocx(doc))).toBe(true);
    const core = zip.get('docProps/core.xml')!.toString('utf8');
    expect(core).toContain('<dcterms:created xsi:type="dcterms:W3CDTF">2026-11-05T02:30:00Z</dcterms:created>');
    expect(core).toContain('<dcterms:modified xsi:type="dcterms:W3CDTF">2026-11-05T02:30:00Z</dcterms:modified>');
    // DOS time of 2026-11-05 02:30:00: date (46 << 9) | (11 << 5) | 5, time (2 << 11) | (30 << 5).
    for (const entry of zipTimes(again))
      expect(entry, entry.name).toMatchObject({ date: (46 << 9) | (11 << 5) | 5, time: (2 << 11) | (30 << 5) });
    const later = await renderBulletinDocx({ ...doc, issuedAt: '2026-11-06T08:00:00.000Z' });
    expect(later.equals(again)).toBe(false);
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
  const pageCount = (file: string) =>
    Number(/^Pages:\s+(\d+)/m.exec(execFileSync('pdfinfo', [file], { encoding: 'utf8' }))?.[1]);
  const pageText = (file: string, page?: number) =>
    execFileSync('pdftotext', [...(page ? ['-f', String(page), '-l', String(page)] : []), '-layout', file, '-'], {
      encoding: 'utf8',
    });

  /**
   * Every ranking row on one line of the extracted text, exactly: rank, change, the whole unit name,
   * total, and each value and score unbroken. A number wrapped in its cell ('87.3' over '1') or a
   * name split ('兰江街' over '道') puts part of it on another line and fails this.
   */
  const expectRowsWhole = (text: string, doc: BulletinDocument) => {
    const lines = new Set(text.split('\n').map((l) => l.trim().split(/\s+/).join(' ')));
    let rows = 0;
    for (const group of doc.groups)
      for (const row of group.rows) {
        const cells = [
          String(row.rank),
          formatRankChange(row.rankChange),
          row.unitName,
          formatScore(row.total),
          ...row.cells.flatMap((c) => [c.value, c.score]),
        ];
        expect(lines.has(cells.join(' ')), `${group.label} ${row.unitName}: ${cells.join(' ')}`).toBe(true);
        rows++;
      }
    return rows;
  };
  /** No unit name is split over two lines anywhere: tables, commentary and the 骏马/蜗牛 lines. */
  const expectNamesWhole = (text: string, doc: BulletinDocument) => {
    const lines = text.split('\n').map((l) => l.replace(/\s+/g, ''));
    const count = (haystack: string, needle: string) => haystack.split(needle).length - 1;
    const names = new Set([
      ...doc.groups.flatMap((g) => g.rows.map((r) => r.unitName)),
      ...doc.redProjects.map((p) => p.unitName),
    ]);
    for (const name of names) expect(count(lines.join(''), name), name).toBe(count(lines.join('\n'), name));
    for (const p of doc.redProjects) expect(text, p.unitName).toMatch(new RegExp(`(^|\\s)${p.unitName}(\\s|$)`, 'm'));
  };

  it.each([29, 40])('keeps every number and unit name of a %i-unit bulletin whole on one line', async (size) => {
    const doc = { ...sampleBulletinDocument(size), commentary: DRAFT_COMMENTARY };
    const text = pageText(save(`whole-${size}.pdf`, await renderBulletinPdf(doc, { fontPath: null })));
    expect(expectRowsWhole(text, doc)).toBe(size);
    expectNamesWhole(text, doc);
    expect(text.replace(/[ \t]+/g, '')).toContain('兰江街道（54.67\u00a0分）'.replace(/\u00a0/g, ''));
  });

  it('sets a race too wide for 五号 smaller instead of breaking its numbers', async () => {
    const base = sampleBulletinDocument(29);
    const wide = (g: BulletinDocument['groups'][number]) => ({
      ...g,
      indicators: [...g.indicators, ...g.indicators],
      rows: g.rows.map((r) => ({ ...r, cells: [...r.cells, ...r.cells] })),
    });
    const doc = { ...base, groups: base.groups.map(wide) };
    expect(doc.groups[0]!.indicators).toHaveLength(8);
    const file = save('wide.pdf', await renderBulletinPdf(doc, { fontPath: null }));
    expect(expectRowsWhole(pageText(file), doc)).toBe(29);
    expectNamesWhole(pageText(file), doc);
  });

  it('opens with the issuer, then the 文号, then the title', async () => {
    const doc = tinyBulletin();
    const lines = pageText(save('head.pdf', await renderBulletinPdf(doc, { fontPath: null })), 1)
      .split('\n')
      .map((l) => l.trim())
      .filter(Boolean);
    expect(lines.slice(0, 3)).toEqual([doc.issuer, doc.docNumber, doc.title]);
  });

  it('is the same bytes on every render, dated at publication, with an /ID that follows the publication', async () => {
    const doc = tinyBulletin();
    const first = await renderBulletinPdf(doc, { fontPath: null });
    expect(first.equals(await renderBulletinPdf(doc, { fontPath: null }))).toBe(true);
    const info = execFileSync('pdfinfo', ['-isodates', save('dated.pdf', first)], { encoding: 'utf8' });
    expect(info).toMatch(/^CreationDate:\s+2026-11-05T02:30:00Z$/m);
    expect(info).toMatch(/^ModDate:\s+2026-11-05T02:30:00Z$/m);
    const id = (pdf: Buffer) => /\/ID \[<([0-9a-f]+)>/.exec(pdf.toString('latin1'))?.[1];
    expect(id(first)).toMatch(/^[0-9a-f]{32}$/);
    expect(id(await renderBulletinPdf({ ...doc, issuedAt: '2026-11-06T08:00:00.000Z' }, { fontPath: null }))).not.toBe(
      id(first),
    );
  });

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
    const file = save(
      'sans.pdf',
      await renderBulletinPdf(doc, { fontPath: '/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc' }),
    );
    expect(execFileSync('pdffonts', [file], { encoding: 'utf8' })).toMatch(/NotoSansCJKsc-Regular/);
    expect(pageText(file).replace(/[ \t]+/g, '')).toContain(doc.title);
  });

  it('fails with PdfFontNotFoundError, saying how to fix it, when the font is missing or not a font', async () => {
    const missing = renderBulletinPdf(tinyBulletin(), { fontPath: path.join(dir, 'no-such-font.ttc') });
    await expect(missing).rejects.toBeInstanceOf(PdfFontNotFoundError);
    await expect(missing).rejects.toThrow(/fonts-noto-cjk.*LANTERN_PDF_FONT/);
    const notAFont = save('not-a-font.ttf', Buffer.from('hello'));
    await expect(renderBulletinPdf(tinyBulletin(), { fontPath: notAFont })).rejects.toMatchObject({
      reason: 'notAFont',
    });
  });
});
