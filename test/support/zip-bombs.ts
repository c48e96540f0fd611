import JSZip from 'jszip';

/**
 * Decompression bombs made from a real workbook: one part replaced by a highly compressible one
 * (`withPart`), and the central directory made to lie about a part's size (`declareSize`).
 */
export const MB = 1024 * 1024;

/** The workbook with `name` replaced by `bytes` of XML that compresses about a thousand to one. */
export async function withPart(xlsx: Buffer, name: string, bytes: number): Promise<Buffer> {
  const zip = await JSZip.loadAsync(xlsx);
  const open = Buffer.from('<?xml version="1.0" encoding="UTF-8"?><styleSheet>');
  const close = Buffer.from('</styleSheet>');
  const part = Buffer.alloc(bytes, 0x20);
  open.copy(part, 0);
  close.copy(part, bytes - close.length);
  zip.file(name, part, { compression: 'DEFLATE', compressionOptions: { level: 1 } });
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
}

const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;

/**
 * The package with the uncompressed size of `name` declared as `size`, in its central directory
 * entry and its local header alike (what a forged file would do); its data stays as it was.
 */
export function declareSize(zip: Buffer, name: string, size: number): Buffer {
  const out = Buffer.from(zip);
  const wanted = Buffer.from(name);
  let patched = 0;
  for (let at = 0; at + 46 <= out.length; at++) {
    const sig = out.readUInt32LE(at);
    if (sig === CENTRAL) {
      const length = out.readUInt16LE(at + 28);
      if (out.subarray(at + 46, at + 46 + length).equals(wanted)) {
        out.writeUInt32LE(size, at + 24);
        patched++;
      }
    } else if (sig === LOCAL) {
      const length = out.readUInt16LE(at + 26);
      if (out.subarray(at + 30, at + 30 + length).equals(wanted)) {
        out.writeUInt32LE(size, at + 22);
        patched++;
      }
    }
  }
  if (patched !== 2) throw new Error(`${name}: found ${patched} headers to patch, expected 2`);
  return out;
}
