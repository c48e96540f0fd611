import type { FastifyRequest } from 'fastify';
import { stripBidi, textProblem } from '../../domain/text/text-rules.ts';
import { invalid } from './errors.ts';
import type { Api } from './types.ts';

/**
 * Every text a request carries — body, query string, path — is checked before its route's schema sees
 * it: a control character or malformed Unicode is refused with 400 naming the field (a NUL in a
 * search reached the full-text MATCH and gave 500; a lone surrogate was stored as invalid UTF-8), and
 * bidirectional overrides are removed (src/domain/text/text-rules.ts). Keys are checked like values.
 */
export function installInputGuard(app: Api): void {
  app.addHook('preValidation', async (request: FastifyRequest) => {
    if (!request.url.startsWith('/api/')) return;
    request.params = clean(request.params, []);
    request.query = clean(request.query, []);
    if (request.body !== undefined && !isUpload(request)) request.body = clean(request.body, []);
  });
}

/** Multipart bodies are files, read and checked by their own routes. */
const isUpload = (request: FastifyRequest) => request.headers['content-type']?.startsWith('multipart/') ?? false;

/** Deeper than any body Lantern takes (a race definition is 4 levels): refused before it is walked. */
const MAX_DEPTH = 32;

function clean(value: unknown, path: string[]): any {
  if (path.length > MAX_DEPTH) throw invalid('V_TOO_DEEP', { n: MAX_DEPTH }, path.slice(0, 3).join('.'));
  if (typeof value === 'string') return checked(value, path);
  if (Array.isArray(value)) return value.map((v, i) => clean(v, [...path, String(i)]));
  if (value && typeof value === 'object' && !Buffer.isBuffer(value)) {
    const out: Record<string, unknown> = {};
    for (const [key, v] of Object.entries(value)) out[checked(key, [...path, key])] = clean(v, [...path, key]);
    return out;
  }
  return value;
}

function checked(text: string, path: string[]): string {
  return formText(text, path.filter((p) => !/^\d+$/.test(p)).at(-1) ?? 'body', path.join('.'));
}

/**
 * A text field of a multipart form (which the hook leaves to its route), checked like any other text:
 * refused with 400 naming the field, bidirectional overrides removed.
 */
export function formText(text: string, field: string, path = field): string {
  const problem = textProblem(text);
  if (problem) throw invalid(problem === 'control' ? 'V_CONTROL_CHAR' : 'V_BAD_UNICODE', { field: `@${field}` }, path);
  return stripBidi(text);
}
