/**
 * Zip entries dated by the caller: the zip libraries behind docx and ExcelJS (JSZip) stamp every entry
 * with the time of rendering, which would make each download of a published bulletin differ.
 */

/**
 * Sets every entry's modification time in a zip, in its local header and in the central directory,
 * to `at` (DOS time, UTC fields: DOS time has no zone, and the server's own must not leak in). The
 * CRCs cover the data only, so nothing else changes.
 */
export function stampZipEntries(zip: Buffer, at: Date): Buffer {
  const out = Buffer.from(zip);
  const time = (at.getUTCHours() << 11) | (at.getUTCMinutes() << 5) | (at.getUTCSeconds() >> 1);
  const date = ((at.getUTCFullYear() - 1980) << 9) | ((at.getUTCMonth() + 1) << 5) | at.getUTCDate();
  const eocd = out.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  if (eocd < 0) throw new Error('not a zip: no end of central directory');
  let entry = out.readUInt32LE(eocd + 16);
  for (let i = out.readUInt16LE(eocd + 10); i > 0; i--) {
    if (out.readUInt32LE(entry) !== 0x02014b50) throw new Error('not a zip: bad central directory entry');
    const local = out.readUInt32LE(entry + 42);
    out.writeUInt16LE(time, entry + 12);
    out.writeUInt16LE(date, entry + 14);
    out.writeUInt16LE(time, local + 10);
    out.writeUInt16LE(date, local + 12);
    entry += 46 + out.readUInt16LE(entry + 28) + out.readUInt16LE(entry + 30) + out.readUInt16LE(entry + 32);
  }
  return out;
}
