/**
 * Finds the CJK fonts the PDF bulletin embeds. PDF has no fallback fonts: without a CJK font, Chinese
 * text cannot be drawn at all, so a missing font is an error the administrator must fix, not a warning.
 *
 * With LANTERN_PDF_FONT set, that one file sets every line. Otherwise the Noto CJK files of Debian's
 * fonts-noto-cjk (or the same files where Arch and Fedora put them) give 宋体-like Serif for the body,
 * Serif Bold for the title (小标宋-like) and Sans Bold for headings (黑体-like). No fc-match needed.
 */
import { closeSync, existsSync, openSync, readSync } from 'node:fs';
import path from 'node:path';

/** A font file, and for a collection (.ttc) the PostScript name of the face to use. */
export interface PdfFace {
  path: string;
  postScriptName: string | undefined;
}

export interface PdfFonts {
  body: PdfFace;
  title: PdfFace;
  heading: PdfFace;
}

/** No usable CJK font: names what was tried and how to fix it, in Chinese and English. */
export class PdfFontNotFoundError extends Error {
  constructor(
    readonly reason: 'missing' | 'notAFont',
    readonly tried: string[],
  ) {
    const where = tried.join(', ');
    super(
      `未找到可用于生成 PDF 的中文字体（${reason === 'notAFont' ? '文件不是字体' : '已查找'}：${where}）。` +
        '请安装 fonts-noto-cjk（apt-get install fonts-noto-cjk），或将 LANTERN_PDF_FONT 设为中文字体文件（.ttc/.otf/.ttf）的路径。' +
        ` No CJK font for PDF export (${reason === 'notAFont' ? 'not a font file' : 'looked for'}: ${where}).` +
        ' Install fonts-noto-cjk, or set LANTERN_PDF_FONT to the path of a CJK .ttc/.otf/.ttf font.',
    );
    this.name = 'PdfFontNotFoundError';
  }
}

const FONT_DIRS = [
  '/usr/share/fonts/opentype/noto',
  '/usr/share/fonts/noto-cjk',
  '/usr/share/fonts/google-noto-cjk',
  '/usr/share/fonts/google-noto-serif-cjk-fonts',
  '/usr/share/fonts/google-noto-sans-cjk-fonts',
];
const BODY_FILES = ['NotoSerifCJK-Regular.ttc', 'NotoSansCJK-Regular.ttc'];
const TITLE_FILES = ['NotoSerifCJK-Bold.ttc', 'NotoSansCJK-Bold.ttc'];
const HEADING_FILES = ['NotoSansCJK-Bold.ttc', 'NotoSansCJK-Regular.ttc'];

const found = new Map<string, PdfFonts>();

/**
 * The fonts for a PDF bulletin: `configured` (LANTERN_PDF_FONT) for every face when given, else Noto CJK
 * from the usual folders. Throws PdfFontNotFoundError when neither gives a font.
 *
 *   findPdfFonts(null) → { body: { path: '/usr/share/fonts/opentype/noto/NotoSerifCJK-Regular.ttc',
 *                                  postScriptName: 'NotoSerifCJKsc-Regular' }, title: …Bold, heading: Sans Bold }
 */
export function findPdfFonts(configured: string | null): PdfFonts {
  const key = configured ?? '';
  const cached = found.get(key);
  if (cached) return cached;
  let fonts: PdfFonts;
  if (configured) {
    const face = openFace(configured);
    fonts = { body: face, title: face, heading: face };
  } else {
    const firstOf = (files: string[]) => {
      for (const file of files)
        for (const dir of FONT_DIRS) if (existsSync(path.join(dir, file))) return openFace(path.join(dir, file));
      return null;
    };
    const body = firstOf(BODY_FILES);
    if (!body)
      throw new PdfFontNotFoundError(
        'missing',
        FONT_DIRS.map((d) => path.join(d, BODY_FILES[0]!)),
      );
    fonts = { body, title: firstOf(TITLE_FILES) ?? body, heading: firstOf(HEADING_FILES) ?? body };
  }
  found.set(key, fonts);
  return fonts;
}

/** Checks the file is a font and picks a collection's Simplified Chinese face. */
function openFace(file: string): PdfFace {
  if (!existsSync(file)) throw new PdfFontNotFoundError('missing', [file]);
  const fd = openSync(file, 'r');
  try {
    const magic = readAt(fd, 0, 4);
    if (magic.toString('latin1') === 'ttcf')
      return { path: file, postScriptName: pickChineseFace(collectionNames(fd)) ?? undefined };
    const isFont = ['OTTO', 'true'].includes(magic.toString('latin1')) || magic.readUInt32BE(0) === 0x00010000;
    if (!isFont) throw new PdfFontNotFoundError('notAFont', [file]);
    return { path: file, postScriptName: undefined };
  } catch (e) {
    if (e instanceof PdfFontNotFoundError) throw e;
    throw new PdfFontNotFoundError('notAFont', [file]);
  } finally {
    closeSync(fd);
  }
}

/**
 * Prefers the Simplified Chinese face of a collection: Noto's 'NotoSerifCJKsc-Regular', Source Han's
 * 'SourceHanSerifSC-Regular', a 'GB' face; never a Mono one when another exists.
 */
function pickChineseFace(names: string[]): string | null {
  const proportional = names.filter((n) => !/mono/i.test(n));
  const pool = proportional.length ? proportional : names;
  return pool.find((n) => /(sc|SC)(-|$)|GB|CN|Hans/.test(n)) ?? pool[0] ?? null;
}

/** PostScript names (name ID 6) of every face in a TrueType/OpenType collection, read from its header only. */
function collectionNames(fd: number): string[] {
  const count = readAt(fd, 8, 4).readUInt32BE(0);
  const offsets = readAt(fd, 12, 4 * count);
  const names: string[] = [];
  for (let i = 0; i < count; i++) {
    const face = offsets.readUInt32BE(4 * i);
    const tables = readAt(fd, face + 4, 2).readUInt16BE(0);
    const records = readAt(fd, face + 12, 16 * tables);
    for (let t = 0; t < tables; t++) {
      if (records.toString('latin1', 16 * t, 16 * t + 4) !== 'name') continue;
      const name = postScriptName(readAt(fd, records.readUInt32BE(16 * t + 8), records.readUInt32BE(16 * t + 12)));
      if (name) names.push(name);
    }
  }
  return names;
}

function postScriptName(table: Buffer): string | null {
  const count = table.readUInt16BE(2);
  const strings = table.readUInt16BE(4);
  for (let i = 0; i < count; i++) {
    const at = 6 + 12 * i;
    const [platform, , , nameId, length, offset] = [0, 2, 4, 6, 8, 10].map((o) => table.readUInt16BE(at + o));
    if (nameId !== 6) continue;
    const bytes = table.subarray(strings + offset!, strings + offset! + length!);
    // Windows (3) and Unicode (0) platforms store UTF-16BE; Macintosh (1) a single-byte Roman encoding.
    return platform === 1 ? bytes.toString('latin1') : Buffer.from(bytes).swap16().toString('utf16le');
  }
  return null;
}

function readAt(fd: number, position: number, length: number): Buffer {
  const buf = Buffer.alloc(length);
  const read = readSync(fd, buf, 0, length, position);
  if (read < length) throw new RangeError('truncated font file');
  return buf;
}
