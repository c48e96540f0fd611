import sharp, { type Metadata, type OutputInfo } from 'sharp';
import { PHOTO_FORMATS, PHOTO_LIMITS, PHOTO_RENDITIONS } from '../../../domain/reports/photo-rules.ts';

/** Why an upload is not a photo Lantern keeps. */
export type PhotoProblem = 'NOT_IMAGE' | 'FORMAT' | 'HEIC' | 'TOO_MANY_PIXELS';

export class PhotoImageError extends Error {
  constructor(
    readonly problem: PhotoProblem,
    /** The format found, for FORMAT ("gif", "avif", …). */
    readonly format = '',
  ) {
    super(`${problem}${format ? ` (${format})` : ''}`);
  }
}

export interface Rendition {
  data: Buffer;
  width: number;
  height: number;
  bytes: number;
}

export interface ProcessedPhoto {
  photo: Rendition;
  thumb: Rendition;
  /** What the upload was, read from its bytes: jpeg, png, webp or heic. */
  sourceFormat: string;
}

/**
 * Whether this server's sharp decodes HEIC (HEVC-coded HEIF, the iPhone default). sharp's prebuilt
 * binaries carry libheif for AVIF only, for patent reasons, and then list only ".avif" among the
 * suffixes of their HEIF loader; a libvips built with an HEVC decoder lists ".heic" too.
 */
export const canDecodeHeic = (
  (sharp.format.heif?.input as { fileSuffix?: string[] } | undefined)?.fileSuffix ?? []
).includes('.heic');

const HEIC_BRANDS = new Set(['heic', 'heix', 'heim', 'heis', 'hevc', 'hevx', 'hevm', 'hevs']);

/**
 * Whether the bytes are an HEIC file: an ISO-BMFF `ftyp` box whose major or compatible brands name
 * HEVC-coded HEIF. Read by hand because a sharp that cannot decode HEIC may not describe it either.
 */
export function isHeic(bytes: Buffer): boolean {
  if (bytes.length < 16 || bytes.toString('latin1', 4, 8) !== 'ftyp') return false;
  const boxEnd = Math.min(bytes.readUInt32BE(0), bytes.length, 256);
  for (let at = 8; at + 4 <= boxEnd; at += 4) {
    if (at === 12) continue; // minor version, not a brand
    if (HEIC_BRANDS.has(bytes.toString('latin1', at, at + 4))) return true;
  }
  return false;
}

/** The upload's format from its bytes, never from its name: sharp's decoder, HEIF split into heic and avif. */
async function formatOf(input: Buffer): Promise<{ format: string; pixels: number }> {
  let meta: Metadata;
  try {
    meta = await sharp(input).metadata();
  } catch {
    throw new PhotoImageError(isHeic(input) ? 'HEIC' : 'NOT_IMAGE');
  }
  const format =
    meta.format === 'heif' ? (meta.compression === 'hevc' || isHeic(input) ? 'heic' : 'avif') : String(meta.format);
  return { format, pixels: (meta.width ?? 0) * (meta.height ?? 0) };
}

const renditionOf = ({ data, info }: { data: Buffer; info: OutputInfo }): Rendition => ({
  data,
  width: info.width,
  height: info.height,
  bytes: data.length,
});

/**
 * Checks an upload and makes what Lantern keeps of it: the photo turned upright by its EXIF
 * orientation, on white where it was transparent, at most 2048 px on the long side as JPEG q80, and a
 * 320 px thumbnail. Neither keeps any metadata (EXIF, GPS, camera, ICC): sharp writes none unless told.
 * Throws PhotoImageError when the bytes are not an accepted, readable picture.
 */
export async function processPhoto(input: Buffer): Promise<ProcessedPhoto> {
  const { format, pixels } = await formatOf(input);
  if (format === 'heic' && !canDecodeHeic) throw new PhotoImageError('HEIC');
  if (format !== 'heic' && !(PHOTO_FORMATS as readonly string[]).includes(format))
    throw new PhotoImageError('FORMAT', format);
  if (pixels > PHOTO_LIMITS.maxInputPixels) throw new PhotoImageError('TOO_MANY_PIXELS');
  const { photo: big, thumb: small } = PHOTO_RENDITIONS;
  try {
    const photo = await sharp(input, { limitInputPixels: PHOTO_LIMITS.maxInputPixels, autoOrient: true })
      .resize({ width: big.longSide, height: big.longSide, fit: 'inside', withoutEnlargement: true })
      .flatten({ background: '#ffffff' })
      .jpeg({ quality: big.quality })
      .toBuffer({ resolveWithObject: true });
    const thumb = await sharp(photo.data)
      .resize({ width: small.longSide, height: small.longSide, fit: 'inside', withoutEnlargement: true })
      .jpeg({ quality: small.quality })
      .toBuffer({ resolveWithObject: true });
    return { photo: renditionOf(photo), thumb: renditionOf(thumb), sourceFormat: format };
  } catch {
    // The header was readable but the pixels are not: a truncated or corrupt file.
    throw new PhotoImageError(format === 'heic' ? 'HEIC' : 'NOT_IMAGE');
  }
}
