import compress from '@fastify/compress';
import type { Api } from './types.ts';
import { MIN_COMPRESS_BYTES } from './precompress.ts';

/**
 * The API's JSON (and whatever text the web files lack a `.br`/`.gz` for) compressed as the request's
 * Accept-Encoding allows: brotli at a fast level, else gzip; never a response under 1 kB, never one
 * already encoded (the build's precompressed files), never images or the Office/PDF/zip downloads (not
 * among the compressible types; they are compressed formats already). Streams (the OC4IDS package)
 * are compressed as they flow.
 */
export async function installCompression(app: Api): Promise<void> {
  await app.register(compress, {
    encodings: ['br', 'gzip'],
    threshold: MIN_COMPRESS_BYTES,
    // text, JSON, XML, JavaScript and SVG; not application/octet-stream (a file is whatever it is).
    customTypes: /^text\/|(?:\+|\/)(?:json|xml)(?:;|$)|^application\/javascript|^image\/svg\+xml/u,
  });
}
