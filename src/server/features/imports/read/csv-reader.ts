import type { Readable } from 'node:stream';
import type { RawRow } from '../../../../domain/exchange/row-validation.ts';

/**
 * A streaming CSV reader for ledgers saved as CSV. Excel on a Chinese Windows saves CSV in GB18030
 * (GBK) unless told "CSV UTF-8", so the encoding is judged from the first bytes: a byte-order mark,
 * else UTF-8 when the sample decodes as UTF-8, else GB18030. Fields follow RFC 4180: quotes, doubled
 * quotes inside them, line breaks inside quotes; the delimiter (comma, tab or semicolon) is the one
 * the first line uses most.
 */
function encodingOf(sample: Buffer): { encoding: string; skip: number } {
  if (sample[0] === 0xef && sample[1] === 0xbb && sample[2] === 0xbf) return { encoding: 'utf-8', skip: 3 };
  if (sample[0] === 0xff && sample[1] === 0xfe) return { encoding: 'utf-16le', skip: 2 };
  if (sample[0] === 0xfe && sample[1] === 0xff) return { encoding: 'utf-16be', skip: 2 };
  try {
    // stream: true tolerates a character cut at the end of the sample.
    new TextDecoder('utf-8', { fatal: true }).decode(sample, { stream: true });
    return { encoding: 'utf-8', skip: 0 };
  } catch {
    return { encoding: 'gb18030', skip: 0 };
  }
}

function delimiterOf(firstLine: string): string {
  const counts = [',', '\t', ';'].map((d) => [d, firstLine.split(d).length] as const);
  return counts.reduce((a, b) => (b[1] > a[1] ? b : a))[0];
}

const SAMPLE = 64 * 1024;

/**
 * The rows of a CSV stream, numbered as Excel shows them when it opens the file: one row per record
 * (a line break inside quotes stays in its cell); blank lines keep their numbers but are not listed.
 */
export async function* readCsvRows(input: Readable): AsyncGenerator<RawRow> {
  let decoder: TextDecoder | null = null;
  let pending: Buffer[] = [];
  let pendingBytes = 0;
  let text = '';
  let delimiter: string | null = null;

  // Parser state carried across chunks.
  let field = '';
  let fields: string[] = [];
  let inQuotes = false;
  let quoteSeen = false;
  let line = 1;
  let rowStart = 1;
  const out: RawRow[] = [];

  const endField = () => {
    fields.push(quoteSeen ? field : field.trim());
    field = '';
    quoteSeen = false;
  };
  const endRow = () => {
    endField();
    if (fields.some((f) => f !== '')) out.push({ row: rowStart, cells: fields.map((f) => (f === '' ? null : f)) });
    fields = [];
  };

  const parse = (chunk: string, final: boolean) => {
    for (let i = 0; i < chunk.length; i++) {
      const ch = chunk[i]!;
      if (inQuotes) {
        if (ch === '"') {
          if (i + 1 >= chunk.length && !final) {
            // A quote at the very end of the chunk: decide with the next chunk.
            text = '"';
            return;
          }
          if (chunk[i + 1] === '"') {
            field += '"';
            i++;
          } else inQuotes = false;
        } else field += ch;
      } else if (ch === '"' && field.trim() === '') {
        inQuotes = true;
        quoteSeen = true;
        field = '';
      } else if (ch === delimiter) endField();
      else if (ch === '\n' || ch === '\r') {
        if (ch === '\r' && chunk[i + 1] === '\n') i++;
        else if (ch === '\r' && i + 1 >= chunk.length && !final) {
          text = '\r';
          return;
        }
        endRow();
        line++;
        rowStart = line;
      } else field += ch;
    }
    text = '';
  };

  const feed = (decoded: string, final: boolean) => {
    const chunk = text + decoded;
    text = '';
    if (delimiter === null) {
      const nl = chunk.search(/[\r\n]/);
      delimiter = delimiterOf(nl >= 0 ? chunk.slice(0, nl) : chunk);
    }
    parse(chunk, final);
  };

  for await (const chunk of input) {
    const buf = chunk as Buffer;
    if (!decoder) {
      pending.push(buf);
      pendingBytes += buf.length;
      if (pendingBytes < SAMPLE) continue;
      const sample = Buffer.concat(pending);
      const { encoding, skip } = encodingOf(sample);
      decoder = new TextDecoder(encoding);
      feed(decoder.decode(sample.subarray(skip), { stream: true }), false);
      pending = [];
    } else feed(decoder.decode(buf, { stream: true }), false);
    yield* out.splice(0);
  }
  if (!decoder) {
    const sample = Buffer.concat(pending);
    const { encoding, skip } = encodingOf(sample);
    decoder = new TextDecoder(encoding);
    feed(decoder.decode(sample.subarray(skip), { stream: true }), false);
  }
  feed(decoder.decode(), true);
  if (field !== '' || fields.length || quoteSeen) endRow();
  yield* out.splice(0);
}
