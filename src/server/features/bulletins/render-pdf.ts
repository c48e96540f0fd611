/**
 * A bulletin as a PDF in the house style of a government 通报, laid out like the Word file (GB/T 9704
 * margins on A4, 三号 body text on a 28 pt line, tables with their header rows repeated on each page,
 * '— 1 —' page numbers on the outer side). Unlike Word, a PDF draws nothing without its font, so the
 * CJK fonts are embedded (subset) and a missing font fails with PdfFontNotFoundError.
 */
import PDFDocument from 'pdfkit';
import {
  commentaryBlocks,
  fitColumnWidths,
  formatChineseDate,
  placeHeader,
  racersLine,
  rankingTable,
  redProjectTable,
  signatureRightIndents,
  type BulletinDocument,
  type BulletinTable,
} from './bulletin-document.ts';
import { findPdfFonts, type PdfFonts } from './pdf-font.ts';

export { PdfFontNotFoundError } from './pdf-font.ts';

const mm = (v: number) => (v * 72) / 25.4;
/** GB/T 9704: top 37 mm, bottom 35 mm, inner 28 mm, outer 26 mm. */
const MARGINS = { top: mm(37), bottom: mm(35), left: mm(28), right: mm(26) };
/** Points: 二号 22, 三号 16, 四号 14, 五号 10.5; body lines are a fixed 28 pt. */
const SIZE = { title: 22, body: 16, caption: 14, pageNumber: 14, table: 10.5 };
const BODY_LINE = 28;
const CELL_PAD = { x: 2, y: 3 };

type FontName = 'body' | 'title' | 'heading';
type Pdf = PDFKit.PDFDocument;

/**
 * Renders the bulletin as a PDF. `fontPath` is config.pdfFont (LANTERN_PDF_FONT): a CJK font for every
 * line; when null, Noto CJK is looked for where Linux distributions install it.
 */
export async function renderBulletinPdf(doc: BulletinDocument, opts: { fontPath: string | null }): Promise<Buffer> {
  const fonts = findPdfFonts(opts.fontPath);
  const pdf = new PDFDocument({ size: 'A4', margins: MARGINS, bufferPages: true, info: { Title: doc.title, Author: doc.issuer } });
  const chunks: Buffer[] = [];
  pdf.on('data', (chunk: Buffer) => chunks.push(chunk));
  const ended = new Promise<void>((resolve, reject) => {
    pdf.on('end', resolve);
    pdf.on('error', reject);
  });
  const cv = createCanvas(pdf, fonts);
  const layout = createLayout(cv);
  layout.centred(doc.title, 'title', SIZE.title, 36);
  layout.centred(doc.docNumber, 'body', SIZE.body, BODY_LINE);
  layout.skip(BODY_LINE);
  for (const block of commentaryBlocks(doc.commentary)) {
    if (block.kind === 'paragraph') layout.paragraph(block.text, 'body');
    // Noto has no 楷体: subheadings take the title's bold serif, headings the 黑体-like bold sans.
    else layout.paragraph(block.text, block.kind === 'heading' ? 'heading' : 'title', { keepWithNext: true });
  }
  doc.groups.forEach((group, i) => {
    layout.table(rankingTable(group, i + 1, doc.periodLabel));
    layout.paragraph(racersLine(group), 'body');
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

  /** A body paragraph with a two-character first-line indent; a heading keeps two lines of what follows on its page. */
  function paragraph(text: string, font: FontName, { keepWithNext = false } = {}) {
    ensure(BODY_LINE * (keepWithNext ? 3 : 1));
    use(font, SIZE.body).text(text, left, pdf.y, { width, indent: 2 * SIZE.body, align: 'justify', lineGap: gapFor(BODY_LINE) });
  }

  function table(spec: BulletinTable) {
    const t = measureTable(cv, spec, width);
    ensure(BODY_LINE + t.headerHeight + (t.rows[0]?.[0]?.height ?? 0));
    pdf.y += BODY_LINE / 3;
    centred(spec.caption, 'heading', SIZE.caption, BODY_LINE);
    let y = drawCells(cv, t.header, pdf.y);
    for (const row of t.rows) {
      if (y + row[0]!.height > bottom()) {
        pdf.addPage();
        y = drawCells(cv, t.header, MARGINS.top);
      }
      y = drawCells(cv, row, y);
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

  return { centred, paragraph, table, signature, skip: (h: number) => void (pdf.y += h) };
}

interface PlacedCell {
  text: string;
  font: FontName;
  align: 'left' | 'center';
  x: number;
  width: number;
  /** Offset from the top of the row (header cells below the first header row have one) and height. */
  dy: number;
  height: number;
  /** Height of the wrapped text, measured once. */
  textHeight: number;
}

/** Places every cell: columns fitted to the content, header cells on the grid (spans as in HTML), row heights. */
function measureTable(cv: Canvas, spec: BulletinTable, width: number) {
  const { pdf } = cv;
  const em = SIZE.table;
  const measure = (text: string) => pdf.widthOfString(text) + 2 * CELL_PAD.x + 0.5;
  cv.use('body', SIZE.table);
  const widths = fitColumnWidths(spec, width, measure, 2 * em + 2 * CELL_PAD.x + 1);
  const x = widths.map((_, i) => MARGINS.left + widths.slice(0, i).reduce((a, b) => a + b, 0));
  const spanWidth = (col: number, span: number) => widths.slice(col, col + span).reduce((a, b) => a + b, 0);
  const lineHeight = cv.use('body', SIZE.table).currentLineHeight(true) + 2 * CELL_PAD.y;

  const placed = placeHeader(spec.header).map((p) => {
    const cellWidth = spanWidth(p.col, p.colSpan);
    return { ...p, cellWidth, textHeight: textHeight(cv, p.cell.text, 'heading', cellWidth) };
  });
  const rowHeights = spec.header.map(() => lineHeight);
  for (const p of placed) {
    const last = p.row + p.rowSpan - 1;
    const have = rowHeights.slice(p.row, last + 1).reduce((a, b) => a + b, 0);
    const needed = p.textHeight + 2 * CELL_PAD.y;
    if (needed > have) rowHeights[last]! += needed - have;
  }
  const top = (row: number) => rowHeights.slice(0, row).reduce((a, b) => a + b, 0);
  const header: PlacedCell[] = placed.map((p) => ({
    text: p.cell.text,
    font: 'heading',
    align: 'center',
    x: x[p.col]!,
    width: p.cellWidth,
    dy: top(p.row),
    height: top(p.row + p.rowSpan) - top(p.row),
    textHeight: p.textHeight,
  }));
  const rows = spec.body.map((texts) => {
    const heights = texts.map((text, c) => textHeight(cv, text, 'body', widths[c]!));
    const height = Math.max(lineHeight, ...heights.map((h) => h + 2 * CELL_PAD.y));
    return texts.map((text, c): PlacedCell => ({ text, font: 'body', align: spec.columns[c]!.align, x: x[c]!, width: widths[c]!, dy: 0, height, textHeight: heights[c]! }));
  });
  return { header, headerHeight: top(spec.header.length), rows };
}

/**
 * Height of a cell's text wrapped to the cell. Lines are measured (and drawn) one by one: pdfkit gives
 * '\n' the width of a full character in CJK fonts, which wraps a header like '完成\n（%）' too early.
 */
function textHeight(cv: Canvas, text: string, font: FontName, cellWidth: number): number {
  const pdf = cv.use(font, SIZE.table);
  const inner = cellWidth - 2 * CELL_PAD.x;
  return text.split('\n').reduce((sum, line) => sum + (pdf.widthOfString(line) <= inner ? pdf.currentLineHeight(true) : pdf.heightOfString(line, { width: inner })), 0);
}

/** Draws bordered cells of one row (or the header block) at y, text centred vertically; returns the bottom. */
function drawCells(cv: Canvas, cells: PlacedCell[], y: number): number {
  const { pdf } = cv;
  let bottom = y;
  pdf.lineWidth(0.5).strokeColor('#000000');
  for (const c of cells) {
    pdf.rect(c.x, y + c.dy, c.width, c.height).stroke();
    let top = y + c.dy + (c.height - c.textHeight) / 2;
    for (const line of c.text.split('\n')) {
      // `height` keeps pdfkit from starting a page should rounding push the last line past the margin.
      cv.use(c.font, SIZE.table).text(line, c.x + CELL_PAD.x, top, { width: c.width - 2 * CELL_PAD.x, height: c.height, align: c.align });
      top = pdf.y;
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
