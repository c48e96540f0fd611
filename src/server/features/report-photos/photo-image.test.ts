import { describe, expect, it } from 'vitest';
import { isHeic } from './photo-image.ts';

/** An ISO-BMFF file's start: the ftyp box with a major brand, a minor version and compatible brands. */
const ftyp = (major: string, ...compatible: string[]) => {
  const size = 16 + 4 * compatible.length;
  const head = Buffer.alloc(8);
  head.writeUInt32BE(size, 0);
  head.write('ftyp', 4, 'latin1');
  return Buffer.concat([
    head,
    Buffer.from(major, 'latin1'),
    Buffer.alloc(4),
    ...compatible.map((b) => Buffer.from(b, 'latin1')),
    Buffer.alloc(64),
  ]);
};

describe('isHeic: an HEIC file told from its first bytes', () => {
  it.each([
    ['an iPhone photo (major brand heic)', ftyp('heic', 'mif1', 'heic'), true],
    ['a burst (heix)', ftyp('heix', 'mif1'), true],
    ['HEIF whose compatible brands name HEVC', ftyp('mif1', 'heic'), true],
    ['an AVIF picture', ftyp('avif', 'mif1', 'miaf'), false],
    ['AVIF under the generic mif1 brand', ftyp('mif1', 'avif', 'miaf'), false],
    ['an MP4 video', ftyp('isom', 'iso2', 'mp41'), false],
    ['a JPEG', Buffer.from([0xff, 0xd8, 0xff, 0xe0, ...Buffer.alloc(40)]), false],
    ['a few bytes', Buffer.from('ftyp'), false],
  ])('%s → %s', (_what, bytes, expected) => {
    expect(isHeic(bytes)).toBe(expected);
  });
});
