/**
 * What text Lantern accepts, wherever it comes from (a form, the API, a ledger cell): any character a
 * person can type, line breaks and tabs included, but no other control character (NUL, ESC, DEL, the
 * C1 range) and nothing that is not well-formed Unicode (a lone surrogate would be stored as invalid
 * UTF-8) or was broken on its way (U+FFFD). Bidirectional overrides and isolates (U+202A–U+202E, U+2066–U+2069), which can make a name
 * read backwards (an "exe.txt" trick), are removed rather than refused: they are invisible and never
 * needed in Chinese or English text.
 */

// C0 controls except tab, line feed and carriage return; DEL; C1 controls.
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/;
const BIDI = /[\u202a-\u202e\u2066-\u2069]/g;
// A high surrogate not followed by a low one, or a low one not preceded by a high one; or U+FFFD, the
// mark a decoder leaves for bytes it could not read (a lone surrogate sent in a form arrives as one,
// and so does every Chinese character of a GBK file read as UTF-8): the text was broken before it came.
const BROKEN = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]|\ufffd/;

export type TextProblem = 'control' | 'encoding';

/** Why a text cannot be stored, or null when it can. */
export function textProblem(text: string): TextProblem | null {
  if (BROKEN.test(text)) return 'encoding';
  if (CONTROL.test(text)) return 'control';
  return null;
}

/** The text without bidirectional overrides and isolates. */
export function stripBidi(text: string): string {
  return text.replace(BIDI, '');
}

// Every character readableText replaces: controls but tab and line breaks, lone surrogates, and U+FFFD,
// the mark a decoder leaves for bytes it could not read.
const UNREADABLE =
  /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\ufffd]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

/**
 * Text Lantern only shows and never takes as a value (a ledger's header cells, an uploaded file's
 * name): what cannot be stored or read becomes "_" instead of refusing the whole file, and
 * bidirectional overrides are removed.
 */
export function readableText(text: string): string {
  return stripBidi(text).replace(UNREADABLE, '_');
}
