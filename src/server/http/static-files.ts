import path from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyReply } from 'fastify';
import type { Api } from './types.ts';

/**
 * The web app's files (web/dist). Vite names what it builds under `assets/` by a hash of the content, so
 * such a file never changes: a browser keeps it a year without asking again. Everything else (index.html,
 * which names the current hashes, and any unhashed file) is revalidated on every use (`no-cache`: an ETag
 * and a 304 when unchanged). A browser that accepts brotli or gzip gets the `.br`/`.gz` written at build
 * time (precompress.ts); the rest is compressed on the fly (compression.ts) or sent as it is.
 */
export const IMMUTABLE = 'public, max-age=31536000, immutable';
export const REVALIDATE = 'no-cache';

/** The Cache-Control of a file of the web app, by its path relative to the web directory. */
export function webCacheControl(relative: string): string {
  const parts = relative.split(/[\\/]/);
  return parts.length > 1 && parts[0] === 'assets' ? IMMUTABLE : REVALIDATE;
}

export async function registerWebFiles(app: Api, webDir: string): Promise<void> {
  await app.register(fastifyStatic, {
    root: webDir,
    wildcard: false,
    preCompressed: true,
    // Set here instead, per kind of file (the .br/.gz beside a file share its kind).
    cacheControl: false,
    setHeaders: (reply: FastifyReply, file: string) => {
      const relative = path.relative(webDir, file).replace(/\.(br|gz)$/, '');
      reply.header('cache-control', webCacheControl(relative));
    },
  });
}
