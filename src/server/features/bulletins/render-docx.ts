/**
 * A bulletin as a Word file in the house style of a government 通报 (GB/T 9704 layout on A4): the
 * issuer's red header (红头) over a red rule with the 文号 above it, title in 方正小标宋简体, body in
 * 三号 仿宋_GB2312 on a fixed 28 pt line, headings in 黑体 and 楷体_GB2312, ranking tables whose header
 * rows repeat on every page, the signature placed as the standard asks, and page numbers '— 1 —' on
 * the outer side of each page.
 *
 * Fonts are named, not embedded: Word shows its own substitute on a machine without them, which is
 * what offices expect of a .docx they will edit.
 *
 * The file is the same bytes every time for the same bulletin: the document's dates and every zip
 * entry's time are the publication instant, never the time of rendering.
 */
import {
  AlignmentType,
  BorderStyle,
  Document,
  Footer,
  LineRuleType,
  Packer,
  PageNumber,
  Paragraph,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  VerticalAlignTable,
  WidthType,
  type IFontAttributesProperties,
} from 'docx';
import {
  commentaryBlocks,
  emWidth,
  formatChineseDate,
  keepNumbersWithUnits,
  racersLine,
  rankingTable,
  redProjectTable,
  signatureRightIndents,
  type BulletinDocument,
  type BulletinTable,
  type CommentaryBlock,
} from './bulletin-document.ts';
import { fitTable } from './table-fit.ts';
import { stampZipEntries } from './zip-dates.ts';

const twipsPerMm = 1440 / 25.4;
/** GB/T 9704: A4, top 37 mm, bottom 35 mm, inner 28 mm, outer 26 mm. */
const PAGE = { width: 11906, height: 16838, top: 37, bottom: 35, left: 28, right: 26 };
const CONTENT_WIDTH = Math.round(PAGE.width - (PAGE.left + PAGE.right) * twipsPerMm);

const face = (eastAsia: string, latin = eastAsia): IFontAttributesProperties => ({
  ascii: latin,
  hAnsi: latin,
  eastAsia,
  cs: latin,
});
const FONTS = {
  title: face('方正小标宋简体'),
  body: face('仿宋_GB2312', 'Times New Roman'),
  heading: face('黑体'),
  subheading: face('楷体_GB2312', 'Times New Roman'),
  pageNumber: face('宋体'),
};
type FontKey = keyof typeof FONTS;

/** Sizes in half-points: 二号 22 pt, 三号 16 pt, 四号 14 pt; the issuer's header at most 30 pt. */
const SIZE = { issuer: 60, title: 44, body: 32, caption: 28, pageNumber: 28 };
/** A table's sizes in half-points, tried in turn: 五号 10.5 pt as the house style has it, down to 小六 6.5 pt. */
const TABLE_SIZES = [21, 20, 19, 18, 17, 16, 15, 14, 13];
/** GB/T 9704's red for the 发文机关标志 and the rule under the 文号. */
const RED = 'E60000';
/** Twips of one character of body text, for indents measured in characters. */
const BODY_EM = SIZE.body * 10;
const BODY_LINE = { line: 560, lineRule: LineRuleType.EXACT, before: 0, after: 0 };
const TABLE_LINE = { line: 300, lineRule: LineRuleType.AUTO, before: 0, after: 0 };
/** Twips between a table cell's border and its text, left and right. */
const CELL_MARGIN = 60;

const run = (text: string, font: FontKey, size: number = SIZE.body) => new TextRun({ text, font: FONTS[font], size });

/** Renders the bulletin as a .docx file. */
export async function renderBulletinDocx(doc: BulletinDocument): Promise<Buffer> {
  const document = new Document({
    title: doc.title,
    creator: doc.issuer,
    lastModifiedBy: doc.issuer,
    evenAndOddHeaderAndFooters: true,
    styles: {
      default: {
        document: {
          run: { font: FONTS.body, size: SIZE.body, language: { value: 'en-US', eastAsia: 'zh-CN' } },
          paragraph: { spacing: BODY_LINE },
        },
      },
    },
    sections: [
      {
        properties: {
          page: {
            size: { width: PAGE.width, height: PAGE.height },
            margin: {
              top: Math.round(PAGE.top * twipsPerMm),
              bottom: Math.round(PAGE.bottom * twipsPerMm),
              left: Math.round(PAGE.left * twipsPerMm),
              right: Math.round(PAGE.right * twipsPerMm),
              // The page number's line sits about 7 mm below the text block.
              footer: Math.round((PAGE.bottom - 12) * twipsPerMm),
            },
          },
        },
        footers: { default: pageNumberFooter('odd'), even: pageNumberFooter('even') },
        children: bodyOf(doc),
      },
    ],
  });
  // docx stamps core.xml with the time of rendering: replace it by the same part dated at publication.
  const core = { path: 'docProps/core.xml', data: corePropertiesXml(doc) };
  return stampZipEntries(await Packer.toBuffer(document, false, [core]), new Date(doc.issuedAt));
}

const escapeXml = (text: string) =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** docProps/core.xml as docx writes it, with created and modified at the publication instant. */
function corePropertiesXml(doc: BulletinDocument): string {
  const at = new Date(doc.issuedAt).toISOString().replace(/\.\d{3}Z$/, 'Z');
  const stamp = (name: string) => `<dcterms:${name} xsi:type="dcterms:W3CDTF">${at}</dcterms:${name}>`;
  return (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>' +
    '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:dcmitype="http://purl.org/dc/dcmitype/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">' +
    `<dc:title>${escapeXml(doc.title)}</dc:title><dc:creator>${escapeXml(doc.issuer)}</dc:creator><cp:lastModifiedBy>${escapeXml(doc.issuer)}</cp:lastModifiedBy>` +
    `<cp:revision>1</cp:revision>${stamp('created')}${stamp('modified')}</cp:coreProperties>`
  );
}

function bodyOf(doc: BulletinDocument): (Paragraph | Table)[] {
  const children: (Paragraph | Table)[] = [
    ...redHeader(doc),
    new Paragraph({
      alignment: AlignmentType.CENTER,
      spacing: { ...BODY_LINE, line: 720 },
      children: [run(doc.title, 'title', SIZE.title)],
    }),
    new Paragraph({}),
    ...commentaryBlocks(doc.commentary).map(blockParagraph),
  ];
  doc.groups.forEach((group, i) => {
    children.push(...tableWithCaption(rankingTable(group, i + 1, doc.periodLabel)), indented(racersLine(group)));
  });
  if (doc.redProjects.length)
    children.push(...tableWithCaption(redProjectTable(doc.redProjects, doc.groups.length + 1)));
  else children.push(indented('本期无亮红灯项目。'));

  const date = formatChineseDate(doc.publishedAt);
  const indents = signatureRightIndents(emWidth(doc.issuer), emWidth(date));
  children.push(
    new Paragraph({}),
    new Paragraph({}),
    new Paragraph({
      alignment: AlignmentType.RIGHT,
      indent: { right: Math.round(indents.issuer * BODY_EM) },
      keepNext: true,
      children: [run(doc.issuer, 'body')],
    }),
    new Paragraph({
      alignment: AlignmentType.RIGHT,
      indent: { right: Math.round(indents.date * BODY_EM) },
      children: [run(date, 'body')],
    }),
  );
  return children;
}

/**
 * 发文机关标志: the issuer centred in red in the title's face, as large as one line allows up to 30 pt;
 * below it the 文号, whose paragraph carries the red rule as its bottom border, 4 mm under the text
 * and as wide as the text block.
 */
function redHeader(doc: BulletinDocument): Paragraph[] {
  // 97%: Word's substitute for a missing 方正小标宋 may run a little wider than 1 em a character.
  const size = Math.min(SIZE.issuer, Math.floor((0.97 * CONTENT_WIDTH) / (emWidth(doc.issuer) * 10)));
  return [
    new Paragraph({
      alignment: AlignmentType.CENTER,
      spacing: { line: 240, lineRule: LineRuleType.AUTO, before: 0, after: 280 },
      children: [new TextRun({ text: doc.issuer, font: FONTS.title, size, color: RED })],
    }),
    new Paragraph({
      alignment: AlignmentType.CENTER,
      border: { bottom: { style: BorderStyle.SINGLE, size: 18, color: RED, space: 11 } },
      children: [run(doc.docNumber, 'body')],
    }),
    new Paragraph({}),
  ];
}

/**
 * A paragraph with a two-character first-line indent, flush left rather than justified: justification
 * stretches the space beside a number ('54.67　　分'); keepNumbersWithUnits also keeps number and unit together.
 */
const indented = (text: string, font: FontKey = 'body') =>
  new Paragraph({
    alignment: AlignmentType.LEFT,
    indent: { firstLineChars: 200, firstLine: 2 * BODY_EM },
    children: [run(keepNumbersWithUnits(text), font)],
  });

function blockParagraph(block: CommentaryBlock): Paragraph {
  if (block.kind === 'paragraph') return indented(block.text);
  // A heading stays on the page of the paragraph it introduces.
  return new Paragraph({
    indent: { firstLineChars: 200, firstLine: 2 * BODY_EM },
    keepNext: true,
    children: [run(block.text, block.kind)],
  });
}

function tableWithCaption(table: BulletinTable): (Paragraph | Table)[] {
  const caption = new Paragraph({
    alignment: AlignmentType.CENTER,
    keepNext: true,
    spacing: { ...BODY_LINE, before: 240 },
    children: [run(table.caption, 'heading', SIZE.caption)],
  });
  // Word cannot be asked to measure text, so widths come from an estimate in em (a half-point of size
  // is 10 twips of em), on the upper side, so Word's own measure never finds a number too wide.
  const pad = 2 * CELL_MARGIN + 20; // 1 pt of slack for the estimate
  const fit = fitTable(table, { total: CONTENT_WIDTH, sizes: TABLE_SIZES, measure: (text) => emWidth(text) * 10, pad });
  const widths = fit.widths.map(Math.floor);
  const border = { style: BorderStyle.SINGLE, size: 4, color: '000000' };
  const cell = (text: string, font: FontKey, align: 'left' | 'center', span?: { colSpan?: number; rowSpan?: number }) =>
    new TableCell({
      verticalAlign: VerticalAlignTable.CENTER,
      columnSpan: span?.colSpan,
      rowSpan: span?.rowSpan,
      children: [
        new Paragraph({
          alignment: align === 'center' ? AlignmentType.CENTER : AlignmentType.LEFT,
          spacing: TABLE_LINE,
          children: text
            .split('\n')
            .map((line, i) => new TextRun({ text: line, font: FONTS[font], size: fit.size, break: i ? 1 : undefined })),
        }),
      ],
    });
  const rows = [
    ...table.header.map(
      (cells) =>
        new TableRow({
          tableHeader: true,
          cantSplit: true,
          children: cells.map((c) => cell(c.text, 'heading', 'center', c)),
        }),
    ),
    ...table.body.map(
      (cells) =>
        new TableRow({
          cantSplit: true,
          children: cells.map((text, i) => cell(text, 'body', table.columns[i]!.align)),
        }),
    ),
  ];
  return [
    caption,
    new Table({
      rows,
      width: { size: widths.reduce((a, b) => a + b, 0), type: WidthType.DXA },
      columnWidths: widths,
      layout: TableLayoutType.FIXED,
      alignment: AlignmentType.CENTER,
      margins: { top: 40, bottom: 40, left: CELL_MARGIN, right: CELL_MARGIN },
      borders: {
        top: border,
        bottom: border,
        left: border,
        right: border,
        insideHorizontal: border,
        insideVertical: border,
      },
    }),
  ];
}

/** '— 1 —' in 四号宋体, one character in from the outer edge: right on odd pages, left on even ones. */
function pageNumberFooter(side: 'odd' | 'even'): Footer {
  const em = SIZE.pageNumber * 10;
  return new Footer({
    children: [
      new Paragraph({
        alignment: side === 'odd' ? AlignmentType.RIGHT : AlignmentType.LEFT,
        indent: side === 'odd' ? { right: em } : { left: em },
        spacing: { line: 240, lineRule: LineRuleType.AUTO },
        children: [
          new TextRun({ children: ['— ', PageNumber.CURRENT, ' —'], font: FONTS.pageNumber, size: SIZE.pageNumber }),
        ],
      }),
    ],
  });
}
