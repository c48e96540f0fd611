/**
 * A bulletin as a Word file in the house style of a government 通报 (GB/T 9704 layout on A4): title in
 * 方正小标宋简体, body in 三号 仿宋_GB2312 on a fixed 28 pt line, headings in 黑体 and 楷体_GB2312,
 * ranking tables whose header rows repeat on every page, the signature placed as the standard asks,
 * and page numbers '— 1 —' on the outer side of each page.
 *
 * Fonts are named, not embedded: Word shows its own substitute on a machine without them, which is
 * what offices expect of a .docx they will edit.
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
  fitColumnWidths,
  formatChineseDate,
  racersLine,
  rankingTable,
  redProjectTable,
  signatureRightIndents,
  type BulletinDocument,
  type BulletinTable,
  type CommentaryBlock,
} from './bulletin-document.ts';

const twipsPerMm = 1440 / 25.4;
/** GB/T 9704: A4, top 37 mm, bottom 35 mm, inner 28 mm, outer 26 mm. */
const PAGE = { width: 11906, height: 16838, top: 37, bottom: 35, left: 28, right: 26 };
const CONTENT_WIDTH = Math.round(PAGE.width - (PAGE.left + PAGE.right) * twipsPerMm);

const face = (eastAsia: string, latin = eastAsia): IFontAttributesProperties => ({ ascii: latin, hAnsi: latin, eastAsia, cs: latin });
const FONTS = {
  title: face('方正小标宋简体'),
  body: face('仿宋_GB2312', 'Times New Roman'),
  heading: face('黑体'),
  subheading: face('楷体_GB2312', 'Times New Roman'),
  pageNumber: face('宋体'),
};
type FontKey = keyof typeof FONTS;

/** Sizes in half-points: 二号 22 pt, 三号 16 pt, 四号 14 pt, 五号 10.5 pt. */
const SIZE = { title: 44, body: 32, caption: 28, pageNumber: 28, table: 21 };
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
  return Packer.toBuffer(document);
}

function bodyOf(doc: BulletinDocument): (Paragraph | Table)[] {
  const children: (Paragraph | Table)[] = [
    new Paragraph({ alignment: AlignmentType.CENTER, spacing: { ...BODY_LINE, line: 720 }, children: [run(doc.title, 'title', SIZE.title)] }),
    new Paragraph({ alignment: AlignmentType.CENTER, children: [run(doc.docNumber, 'body')] }),
    new Paragraph({}),
    ...commentaryBlocks(doc.commentary).map(blockParagraph),
  ];
  doc.groups.forEach((group, i) => {
    children.push(...tableWithCaption(rankingTable(group, i + 1, doc.periodLabel)), indented(racersLine(group)));
  });
  if (doc.redProjects.length) children.push(...tableWithCaption(redProjectTable(doc.redProjects, doc.groups.length + 1)));
  else children.push(indented('本期无亮红灯项目。'));

  const date = formatChineseDate(doc.publishedAt);
  const indents = signatureRightIndents(emWidth(doc.issuer), emWidth(date));
  children.push(
    new Paragraph({}),
    new Paragraph({}),
    new Paragraph({ alignment: AlignmentType.RIGHT, indent: { right: Math.round(indents.issuer * BODY_EM) }, keepNext: true, children: [run(doc.issuer, 'body')] }),
    new Paragraph({ alignment: AlignmentType.RIGHT, indent: { right: Math.round(indents.date * BODY_EM) }, children: [run(date, 'body')] }),
  );
  return children;
}

const indented = (text: string, font: FontKey = 'body') =>
  new Paragraph({ alignment: AlignmentType.JUSTIFIED, indent: { firstLineChars: 200, firstLine: 2 * BODY_EM }, children: [run(text, font)] });

function blockParagraph(block: CommentaryBlock): Paragraph {
  if (block.kind === 'paragraph') return indented(block.text);
  // A heading stays on the page of the paragraph it introduces.
  return new Paragraph({ indent: { firstLineChars: 200, firstLine: 2 * BODY_EM }, keepNext: true, children: [run(block.text, block.kind)] });
}

function tableWithCaption(table: BulletinTable): (Paragraph | Table)[] {
  const caption = new Paragraph({ alignment: AlignmentType.CENTER, keepNext: true, spacing: { ...BODY_LINE, before: 240 }, children: [run(table.caption, 'heading', SIZE.caption)] });
  // Word cannot be asked to measure text, so widths come from an estimate in em; see fitColumnWidths.
  const em = SIZE.table * 10;
  const pad = 2 * CELL_MARGIN + 20; // 1 pt of slack for the estimate
  const widths = fitColumnWidths(table, CONTENT_WIDTH, (text) => emWidth(text) * em + pad, 2 * em + pad).map(Math.floor);
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
          children: text.split('\n').map((line, i) => new TextRun({ text: line, font: FONTS[font], size: SIZE.table, break: i ? 1 : undefined })),
        }),
      ],
    });
  const rows = [
    ...table.header.map((cells) => new TableRow({ tableHeader: true, cantSplit: true, children: cells.map((c) => cell(c.text, 'heading', 'center', c)) })),
    ...table.body.map((cells) => new TableRow({ cantSplit: true, children: cells.map((text, i) => cell(text, 'body', table.columns[i]!.align)) })),
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
      borders: { top: border, bottom: border, left: border, right: border, insideHorizontal: border, insideVertical: border },
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
        children: [new TextRun({ children: ['— ', PageNumber.CURRENT, ' —'], font: FONTS.pageNumber, size: SIZE.pageNumber })],
      }),
    ],
  });
}
