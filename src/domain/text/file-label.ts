import { readableText } from './text-rules.ts';

/** The longest file name kept, in characters (most file systems stop at 255). */
export const MAX_FILE_LABEL = 255;

/**
 * The name an uploaded file is shown and stored under. A file's name is only a label, so a name the
 * browser sent badly (a path, a control character, bytes that were not UTF-8) is tidied rather than
 * refused: the folders are dropped, unreadable characters become "_", bidirectional overrides are
 * removed (an "exe.txt" trick), and a long name keeps its end, where the extension is, cut between
 * characters and never inside a surrogate pair. An empty name becomes the fallback.
 */
export function fileLabel(name: string | undefined, fallback: string): string {
  const base = (name ?? '').split(/[\\/]/).pop()!;
  const tidy = readableText(base.replace(/[\t\r\n]/g, '_')).trim();
  const chars = Array.from(tidy);
  const kept = chars.length > MAX_FILE_LABEL ? chars.slice(-MAX_FILE_LABEL).join('') : tidy;
  return kept.replace(/^[\s_]+$/, '') || fallback;
}
