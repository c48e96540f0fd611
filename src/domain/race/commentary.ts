/**
 * A bulletin's commentary as both the documents and the web page lay it out: headings (一、…),
 * subheadings (（一）…) and paragraphs. Pure, shared by the Word/PDF renderers and the web.
 */
export type CommentaryBlock = { kind: 'heading' | 'subheading' | 'paragraph'; text: string };

const HEADING = /^[一二三四五六七八九十]+、/;
const SUBHEADING = /^（[一二三四五六七八九十]+）/;
/** Longer lines starting '一、' are a paragraph that opens with a numbered lead, not a heading. */
const MAX_HEADING_CHARS = 30;

/**
 * Splits the commentary into headings and paragraphs. A short line '一、总体情况' is a heading and
 * '（一）…' a subheading whatever surrounds them; other lines join into one paragraph until a blank line.
 *
 *   commentaryBlocks('一、总体情况\n全市……\n续……\n\n二、问题') →
 *   [{ kind: 'heading', text: '一、总体情况' }, { kind: 'paragraph', text: '全市……续……' }, { kind: 'heading', text: '二、问题' }]
 */
export function commentaryBlocks(commentary: string): CommentaryBlock[] {
  const blocks: CommentaryBlock[] = [];
  let open: string[] = [];
  const close = () => {
    if (open.length) blocks.push({ kind: 'paragraph', text: open.join('') });
    open = [];
  };
  for (const raw of commentary.replace(/\r\n?/g, '\n').split('\n')) {
    const line = raw.trim();
    const isShort = line.length <= MAX_HEADING_CHARS && !/[。；]$/.test(line);
    if (!line) close();
    else if (isShort && HEADING.test(line)) (close(), blocks.push({ kind: 'heading', text: line }));
    else if (isShort && SUBHEADING.test(line)) (close(), blocks.push({ kind: 'subheading', text: line }));
    else open.push(line);
  }
  close();
  return blocks;
}
