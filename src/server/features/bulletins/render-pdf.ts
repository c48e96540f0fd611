/**
 * A bulletin as a PDF in the house style of a government 通报, laid out like the Word file (GB/T 9704
 * margins on A4, the issuer's red header (红头) over a red rule, 三号 body text on a 28 pt line, tables
 * with their header rows repeated on each page, '— 1 —' page numbers on the outer side). Unlike Word, a
 * PDF draws nothing without its font, so the CJK fonts are embedded (subset) and a missing font fails
 * with PdfFontNotFoundError.
 *
 * Table cells are broken into lines here, not by pdfkit, so that a number or a unit's name never
 * breaks (see table-fit.ts); a table too wide for 五号 is set smaller instead.
 */
import PDFDocument from 'pdfkit';
import {
  commentaryBlocks,
  formatChineseDate,
  keepNumbersWithUnits,
  placeHeader,
  racersLine,
  rankingTable,
  redProjectTable,
  signatureRightIndents,
  type BulletinDocument,
  type BulletinTable,
} from './bulletin-document.ts';
import { findPdfFonts, type PdfFonts } from './pdf-font.ts';
import { breakLines, fitTable } from './table-fit.ts';

export { PdfFontNotFoundError } from './pdf-font.ts';

const mm = (v: number) => (v * 72) / 25.4;
/** GB/T 9704: top 37 mm, bottom 35 mm, inner 28 mm, outer 26 mm. */
const MARGINS = { top: mm(37), bottom: mm(35), left: mm(28), right: mm(26) };
/** Points: 二号 22, 三号 16, 四号 14, 五号 10.5; body lines are a fixed 28 pt. The issuer's header is at most 30 pt. */
const SIZE = { issuer: 30, title: 22, body: 16, caption: 14, pageNumber: 14 };
/** A table's font sizes, tried in turn: 五号 as the house style has it, down to 小六 for a very wide race. */
const TABLE_SIZES = [10.5, 10, 9.5, 9, 8.5, 8, 7.5, 7, 6.5];
const BODY_LINE = 28;
const CELL_PAD = { x: 2, y: 3 };
/** GB/T 9704's red for the 发文机关标志 and the rule under the 文号. */
const RED = '#E60000';

type FontName = 'body' | 'title' | 'heading';
type Pdf = PDFKit.PDFDocument;

/**
 * Renders the bulletin as a PDF. `fontPath` is config.pdfFont (LANTERN_PDF_FONT): a CJK font for every
 * line; when null, Noto CJK is looked for where Linux distributions install it.
 */
export async function renderBulletinPdf(doc: BulletinDocument, opts: { fontPath: string | null }): Promise<Buffer> {
  const fonts = findPdfFonts(opts.fontPath);
  // Both dates are the publication's, and pdfkit derives the file's /ID from an MD5 of this info
  // (title, issuer, 文号, dates): the same bulletin gets the same bytes on every download.
  const issuedAt = new Date(doc.issuedAt);
  const info = {
    Title: doc.title,
    Author: doc.issuer,
    Subject: doc.docNumber,
    CreationDate: issuedAt,
    ModDate: issuedAt,
  };
  const pdf = new PDFDocument({ size: 'A4', margins: MARGINS, bufferPages: true, info });
  const chunks: Buffer[] = [];
  pdf.on('data', (chunk: Buffer) => chunks.push(chunk));
  const ended = new Promise<void>((resolve, reject) => {
    pdf.on('end', resolve);
    pdf.on('error', reject);
  });
  const cv = createCanvas(pdf, fonts);
  const layout = createLayout(cv);
  layout.redHeader(doc.issuer, doc.docNumber);
  layout.centred(doc.title, 'title', SIZE.title, 36);
  layout.skip(BODY_LINE / 2);
  // Unit names are never split across lines, in the commentary as in the tables.
  const keep = [...doc.groups.flatMap((g) => g.rows.map((r) => r.unitName)), ...doc.redProjects.map((p) => p.unitName)];
  for (const block of commentaryBlocks(doc.commentary)) {
    if (block.kind === 'paragraph') layout.paragraph(block.text, 'body', { keep });
    // Noto has no 楷体: subheadings take the title's bold serif, headings the 黑体-like bold sans.
    else layout.paragraph(block.text, block.kind === 'heading' ? 'heading' : 'title', { keepWithNext: true, keep });
  }
  doc.groups.forEach((group, i) => {
    layout.table(rankingTable(group, i + 1, doc.periodLabel));
    layout.paragraph(racersLine(group), 'body', { keep });
  });
  if (doc.redProjects.length) layout.table(redProjectTable(doc.redProjects, doc.groups.length + 1));
  else layout.paragraph('本期无亮红灯项目。', 'body');
  layout.signature(doc.issuer, formatChineseDate(doc.publishedAt));
  numberPages(cv);

  pdf.end();
  await ended;
  return Buffer.concat(chunks);
}

/** The document, and setting a role's font and size. */
interface Canvas {
  pdf: Pdf;
  use(role: FontName, size: number): Pdf;
}

/**
 * Registers each distinct face once, even when roles share it (one LANTERN_PDF_FONT for everything):
 * pdfkit caches a font under the first name it was set by and re-reads the whole file for any alias.
 */
function createCanvas(pdf: Pdf, fonts: PdfFonts): Canvas {
  const registered = new Map<string, string>();
  const nameOf = {} as Record<FontName, string>;
  for (const role of ['body', 'title', 'heading'] as const) {
    const { path, postScriptName } = fonts[role];
    const key = `${path}#${postScriptName ?? ''}`;
    if (!registered.has(key)) {
      pdf.registerFont(role, path, postScriptName);
      registered.set(key, role);
    }
    nameOf[role] = registered.get(key)!;
  }
  return { pdf, use: (role, size) => pdf.font(nameOf[role]).fontSize(size) };
}

/** Flowing layout on the current page: each call draws at the cursor and moves it down, adding pages as needed. */
function createLayout(cv: Canvas) {
  const { pdf, use } = cv;
  const left = MARGINS.left;
  const width = pdf.page.width - MARGINS.left - MARGINS.right;
  const bottom = () => pdf.page.height - MARGINS.bottom;
  /** The gap that makes a line of this font `lineHeight` tall. */
  const gapFor = (lineHeight: number) => Math.max(0, lineHeight - pdf.currentLineHeight(true));
  const ensure = (height: number) => {
    if (pdf.y + height > bottom()) pdf.addPage();
  };

  function centred(text: string, font: FontName, size: number, lineHeight: number) {
    use(font, size).text(text, left, pdf.y, { width, align: 'center', lineGap: gapFor(lineHeight) });
  }

  /**
   * 发文机关标志: the issuer centred in red in the title's face, as large as fits one line up to 30 pt;
   * then the 文号, and 4 mm under it a red rule as wide as the text block.
   */
  function redHeader(issuer: string, docNumber: string) {
    const widthAt1 = use('title', 1).widthOfString(issuer);
    const size = Math.min(SIZE.issuer, Math.floor((2 * width) / widthAt1) / 2);
    pdf.fillColor(RED);
    centred(issuer, 'title', size, size * 1.3);
    pdf.fillColor('#000000');
    pdf.y += BODY_LINE / 4;
    centred(docNumber, 'body', SIZE.body, BODY_LINE);
    const ruleY = pdf.y - BODY_LINE + SIZE.body * 1.3 + mm(4);
    pdf.rect(left, ruleY, width, 1.5).fill(RED);
    pdf.fillColor('#000000');
    pdf.y = ruleY + (3 * BODY_LINE) / 4;
  }

  /**
   * A body paragraph with a two-character first-line indent, set flush left: pdfkit justifies by
   * stretching spaces only, which in Chinese text means the one space beside a number (see
   * keepNumbersWithUnits). Lines are broken here so that a number stays with its unit and the names
   * in `keep` (the bulletin's units) stay whole. A heading keeps two lines of what follows on its page.
   */
  function paragraph(text: string, font: FontName, { keepWithNext = false, keep = [] as readonly string[] } = {}) {
    ensure(BODY_LINE * (keepWithNext ? 3 : 1));
    use(font, SIZE.body);
    const indent = 2 * SIZE.body;
    const lines = breakLines(keepNumbersWithUnits(text), width, (t) => pdf.widthOfString(t), {
      firstWidth: width - indent,
      keep,
    });
    // Each line's box is BODY_LINE tall with the glyphs centred in it, as pdfkit's lineGap would set them.
    const offset = gapFor(BODY_LINE) / 2;
    lines.forEach((line, i) => {
      ensure(BODY_LINE);
      const y = pdf.y;
      pdf.text(line, left + (i ? 0 : indent), y + offset, { lineBreak: false });
      pdf.y = y + BODY_LINE;
    });
    pdf.x = left;
  }

  function table(spec: BulletinTable) {
    const t = measureTable(cv, spec, width);
    ensure(BODY_LINE + t.headerHeight + (t.rows[0]?.[0]?.height ?? 0));
    pdf.y += BODY_LINE / 3;
    centred(spec.caption, 'heading', SIZE.caption, BODY_LINE);
    let y = drawCells(cv, t, t.header, pdf.y);
    for (const row of t.rows) {
      if (y + row[0]!.height > bottom()) {
        pdf.addPage();
        y = drawCells(cv, t, t.header, MARGINS.top);
      }
      y = drawCells(cv, t, row, y);
    }
    pdf.y = y + BODY_LINE / 4;
  }

  /** Issuer and date per GB/T 9704 (see signatureRightIndents), two lines below the text, never split. */
  function signature(issuer: string, date: string) {
    pdf.y += 2 * BODY_LINE;
    ensure(2 * BODY_LINE);
    use('body', SIZE.body);
    const [issuerW, dateW] = [pdf.widthOfString(issuer), pdf.widthOfString(date)];
    const indents = signatureRightIndents(issuerW / SIZE.body, dateW / SIZE.body);
    const right = left + width;
    const y = pdf.y;
    pdf.text(issuer, right - indents.issuer * SIZE.body - issuerW, y, { lineBreak: false });
    pdf.text(date, right - indents.date * SIZE.body - dateW, y + BODY_LINE, { lineBreak: false });
    pdf.x = left;
  }

  return { redHeader, centred, paragraph, table, signature, skip: (h: number) => void (pdf.y += h) };
}

interface PlacedCell {
  /** The cell's lines, already broken: drawn one by one, never re-wrapped by pdfkit. */
  lines: string[];
  font: FontName;
  align: 'left' | 'center';
  x: number;
  width: number;
  /** Offset from the top of the row (header cells below the first header row have one) and height. */
  dy: number;
  height: number;
}

/** Places every cell: font size and columns fitted to the content, header cells on the grid (spans as in HTML), row heights. */
function measureTable(cv: Canvas, spec: BulletinTable, width: number) {
  const cache = new Map<string, number>();
  const widthAt1 = (text: string, isHeader: boolean) => {
    const key = `${isHeader ? 'h' : 'b'}${text}`;
    let w = cache.get(key);
    if (w === undefined) cache.set(key, (w = cv.use(isHeader ? 'heading' : 'body', 1).widthOfString(text)));
    return w;
  };
  // Half a point of slack on top of the padding: pdfkit's own measure rounds a little differently.
  const { size, widths } = fitTable(spec, {
    total: width,
    sizes: TABLE_SIZES,
    measure: widthAt1,
    pad: 2 * CELL_PAD.x + 0.5,
  });
  const x = widths.map((_, i) => MARGINS.left + widths.slice(0, i).reduce((a, b) => a + b, 0));
  const spanWidth = (col: number, span: number) => widths.slice(col, col + span).reduce((a, b) => a + b, 0);
  const lineHeight = {
    body: cv.use('body', size).currentLineHeight(true),
    heading: cv.use('heading', size).currentLineHeight(true),
    title: 0,
  };
  const linesOf = (text: string, isHeader: boolean, cellWidth: number, wraps: boolean) =>
    wraps ? breakLines(text, cellWidth - 2 * CELL_PAD.x, (t) => widthAt1(t, isHeader) * size) : text.split('\n');
  const heightOf = (lines: string[], font: FontName) => lines.length * lineHeight[font] + 2 * CELL_PAD.y;

  // Spanning labels wrap within their span; a one-column label keeps the breaks it was written with.
  const placed = placeHeader(spec.header).map((p) => {
    const cellWidth = spanWidth(p.col, p.colSpan);
    return { ...p, cellWidth, lines: linesOf(p.cell.text, true, cellWidth, p.colSpan > 1) };
  });
  const rowHeights = spec.header.map(() => lineHeight.heading + 2 * CELL_PAD.y);
  for (const p of placed) {
    const last = p.row + p.rowSpan - 1;
    const have = rowHeights.slice(p.row, last + 1).reduce((a, b) => a + b, 0);
    const needed = heightOf(p.lines, 'heading');
    if (needed > have) rowHeights[last]! += needed - have;
  }
  const top = (row: number) => rowHeights.slice(0, row).reduce((a, b) => a + b, 0);
  const header: PlacedCell[] = placed.map((p) => ({
    lines: p.lines,
    font: 'heading',
    align: 'center',
    x: x[p.col]!,
    width: p.cellWidth,
    dy: top(p.row),
    height: top(p.row + p.rowSpan) - top(p.row),
  }));
  const rows = spec.body.map((texts) => {
    const lines = texts.map((text, c) => linesOf(text, false, widths[c]!, Boolean(spec.columns[c]!.wrap)));
    const height = Math.max(...lines.map((l) => heightOf(l, 'body')));
    return texts.map((_, c): PlacedCell => ({
      lines: lines[c]!,
      font: 'body',
      align: spec.columns[c]!.align,
      x: x[c]!,
      width: widths[c]!,
      dy: 0,
      height,
    }));
  });
  return { size, lineHeight, header, headerHeight: top(spec.header.length), rows };
}

/** Draws bordered cells of one row (or the header block) at y, text centred vertically; returns the bottom. */
function drawCells(
  cv: Canvas,
  t: { size: number; lineHeight: Record<FontName, number> },
  cells: PlacedCell[],
  y: number,
): number {
  const { pdf } = cv;
  let bottom = y;
  pdf.lineWidth(0.5).strokeColor('#000000');
  for (const c of cells) {
    pdf.rect(c.x, y + c.dy, c.width, c.height).stroke();
    const lh = t.lineHeight[c.font];
    let top = y + c.dy + (c.height - c.lines.length * lh) / 2;
    cv.use(c.font, t.size);
    for (const line of c.lines) {
      const w = pdf.widthOfString(line);
      const at = c.align === 'center' ? c.x + (c.width - w) / 2 : c.x + CELL_PAD.x;
      // No width and no line break: pdfkit neither wraps the line nor starts a page for it.
      pdf.text(line, at, top, { lineBreak: false });
      top += lh;
    }
    bottom = Math.max(bottom, y + c.dy + c.height);
  }
  pdf.x = MARGINS.left;
  return bottom;
}

/** '— 1 —' in 四号, 7 mm below the text block, one character in from the outer edge (right on odd pages). */
function numberPages(cv: Canvas) {
  const { pdf } = cv;
  const range = pdf.bufferedPageRange();
  for (let i = range.start; i < range.start + range.count; i++) {
    pdf.switchToPage(i);
    const label = `— ${i + 1} —`;
    cv.use('body', SIZE.pageNumber);
    const w = pdf.widthOfString(label);
    const isOdd = (i + 1) % 2 === 1;
    const x = isOdd ? pdf.page.width - MARGINS.right - SIZE.pageNumber - w : MARGINS.left + SIZE.pageNumber;
    // Text below the bottom margin would start a new page; lift the margin while writing the number.
    const saved = pdf.page.margins.bottom;
    pdf.page.margins.bottom = 0;
    pdf.text(label, x, pdf.page.height - MARGINS.bottom + mm(7) - SIZE.pageNumber / 2, { lineBreak: false });
    pdf.page.margins.bottom = saved;
  }
}
