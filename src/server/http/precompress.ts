import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';

/**
 * The build's last step (vite.config.ts): every text file of web/dist worth compressing gets a `.br` and a
 * `.gz` beside it, at the highest levels (done once, at build time), which the server sends as they are to a
 * browser that accepts them (`preCompressed`, static-files.ts). Node's own zlib, no package.
 */
const COMPRESSIBLE = /\.(js|mjs|css|html|svg|json|txt|xml|webmanifest|map)$/;
/** Below this the headers outweigh what compression saves (the same threshold as the API's). */
export const MIN_COMPRESS_BYTES = 1024;

export interface PrecompressResult {
  files: number;
  bytes: number;
  brotli: number;
  gzip: number;
}

function walk(dir: string): string[] {
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .flatMap((e) => (e.isDirectory() ? walk(path.join(dir, e.name)) : [path.join(dir, e.name)]));
}

/** Writes `<file>.br` and `<file>.gz` for the compressible files of `dir` (when smaller than the file). */
export function precompressDir(dir: string): PrecompressResult {
  const result: PrecompressResult = { files: 0, bytes: 0, brotli: 0, gzip: 0 };
  for (const file of walk(dir)) {
    if (!COMPRESSIBLE.test(file)) continue;
    const data = fs.readFileSync(file);
    if (data.length < MIN_COMPRESS_BYTES) continue;
    const br = zlib.brotliCompressSync(data, {
      params: {
        [zlib.constants.BROTLI_PARAM_QUALITY]: zlib.constants.BROTLI_MAX_QUALITY,
        [zlib.constants.BROTLI_PARAM_SIZE_HINT]: data.length,
        [zlib.constants.BROTLI_PARAM_MODE]: zlib.constants.BROTLI_MODE_TEXT,
      },
    });
    const gz = zlib.gzipSync(data, { level: zlib.constants.Z_BEST_COMPRESSION });
    if (br.length < data.length) fs.writeFileSync(`${file}.br`, br);
    if (gz.length < data.length) fs.writeFileSync(`${file}.gz`, gz);
    result.files++;
    result.bytes += data.length;
    result.brotli += Math.min(br.length, data.length);
    result.gzip += Math.min(gz.length, data.length);
  }
  return result;
}
