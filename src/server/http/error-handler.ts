import { randomUUID } from 'node:crypto';
import type { Socket } from 'node:net';
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { AppError } from './errors.ts';
import { label, localeOf, translate, type Locale, type MessageKey } from './i18n.ts';

export interface ErrorBody {
  error: { code: string; message: string; field?: string };
}

interface ValidationIssue {
  keyword: string;
  instancePath: string;
  params: Record<string, unknown>;
}

/** The value the client sent at a path, to tell a missing field from one of the wrong type. */
function valueAt(input: unknown, path: string[]): unknown {
  let value = input;
  for (const key of path)
    value = value && typeof value === 'object' ? (value as Record<string, unknown>)[key] : undefined;
  return value;
}

/** Turns one schema issue into a message naming the field as the user knows it. */
function describeIssue(issue: ValidationIssue, locale: Locale, input: unknown): { message: string; field?: string } {
  const path = issue.instancePath.split('/').filter(Boolean);
  const field = path.length ? path.join('.') : undefined;
  const fieldLabel = label(path.at(-1) ?? 'body', locale);
  const p = issue.params;
  const say = (key: MessageKey, params: Record<string, string | number> = {}) =>
    translate(key, locale, { field: fieldLabel, ...params });
  switch (issue.keyword) {
    case 'invalid_type':
      if (valueAt(input, path) === undefined) return { field, message: say('V_REQUIRED') };
      return { field, message: say('V_TYPE', { expected: label(String(p.expected), locale) }) };
    case 'too_small':
      if (p.origin === 'string') {
        return {
          field,
          message: Number(p.minimum) <= 1 ? say('V_REQUIRED') : say('V_TOO_SHORT', { n: Number(p.minimum) }),
        };
      }
      return { field, message: say('V_TOO_SMALL', { n: Number(p.minimum) }) };
    case 'too_big':
      if (p.origin === 'string') return { field, message: say('V_TOO_LONG', { n: Number(p.maximum) }) };
      return { field, message: say('V_TOO_BIG', { n: Number(p.maximum) }) };
    case 'invalid_value':
      return { field, message: say('V_ONE_OF', { values: ((p.values as unknown[] | undefined) ?? []).join('、') }) };
    case 'invalid_format':
      return { field, message: say('V_FORMAT') };
    case 'unrecognized_keys': {
      const keys = (p.keys as string[] | undefined) ?? [];
      return { field: keys[0], message: translate('V_UNKNOWN_KEY', locale, { keys: keys.join(', ') }) };
    }
    default:
      return { field, message: say('V_INVALID') };
  }
}

function send(reply: FastifyReply, status: number, code: string, message: string, field?: string) {
  const body: ErrorBody = { error: { code, message, ...(field ? { field } : {}) } };
  return reply.status(status).type('application/json; charset=utf-8').send(body);
}

/**
 * An AppError's message in the caller's language. Parameters written "@key" are labels (fields,
 * stages), named in that language; a list of them is joined with "、". Used for whole responses and
 * for the rows of a batch answer alike.
 */
export function appErrorMessage(err: AppError, locale: Locale): string {
  const params = { ...err.params };
  for (const [k, v] of Object.entries(params)) {
    if (typeof v === 'string' && v.startsWith('@')) {
      params[k] = v
        .split('、')
        .map((token) => (token.startsWith('@') ? label(token.slice(1), locale) : token))
        .join(locale === 'en' ? ', ' : '、');
    }
  }
  if (typeof params.what === 'string') params.what = label(params.what, locale);
  if (typeof params.role === 'string') params.role = label(params.role, locale);
  return translate(err.messageKey, locale, params);
}

/**
 * One error shape for every failure: `{ error: { code, message, field? } }` in the caller's language.
 * Unexpected errors are logged with a reference the user can quote; no stack trace leaves the server.
 */
export function installErrorHandler(app: FastifyInstance, defaultLocale: Locale): void {
  app.setErrorHandler((err: FastifyError, request: FastifyRequest, reply: FastifyReply) => {
    const locale = localeOf(request.headers['accept-language'], defaultLocale);
    if (err instanceof AppError) return send(reply, err.status, err.code, appErrorMessage(err, locale), err.field);
    if (hasZodFastifySchemaValidationErrors(err)) {
      const part =
        err.validationContext === 'querystring'
          ? request.query
          : err.validationContext === 'params'
            ? request.params
            : request.body;
      const first = describeIssue(err.validation[0] as unknown as ValidationIssue, locale, part);
      return send(reply, 400, 'VALIDATION', first.message, first.field);
    }
    if (
      err.code === 'FST_ERR_CTP_INVALID_JSON_BODY' ||
      err.code === 'FST_ERR_CTP_EMPTY_JSON_BODY' ||
      err instanceof SyntaxError
    ) {
      return send(reply, 400, 'MALFORMED_JSON', translate('MALFORMED_JSON', locale));
    }
    if (err.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE') {
      return send(reply, 415, 'UNSUPPORTED_MEDIA', translate('UNSUPPORTED_MEDIA', locale));
    }
    if (err.code === 'FST_ERR_CTP_BODY_TOO_LARGE') {
      return send(reply, 413, 'BODY_TOO_LARGE', translate('BODY_TOO_LARGE', locale));
    }
    if (err.statusCode === 429) {
      return send(reply, 429, 'RATE_LIMITED', translate('RATE_LIMITED', locale, { minutes: 15 }));
    }
    const id = randomUUID().slice(0, 8);
    request.log.error({ err, ref: id }, 'unhandled error');
    return send(reply, 500, 'INTERNAL', translate('INTERNAL', locale, { id }));
  });
}

/** The 404 of an unknown API route, in the error shape and the caller's language. */
export function sendRouteNotFound(request: FastifyRequest, reply: FastifyReply, defaultLocale: Locale) {
  const locale = localeOf(request.headers['accept-language'], defaultLocale);
  return send(
    reply,
    404,
    'NOT_FOUND',
    translate('ROUTE_NOT_FOUND', locale, { route: `${request.method} ${request.url.split('?')[0]}` }),
  );
}

/** Errors Fastify's router raises before a route runs (a malformed URL, a path segment too long), in the one shape. */
export function sendFrameworkError(
  error: FastifyError,
  request: FastifyRequest,
  reply: FastifyReply,
  defaultLocale: Locale,
) {
  const locale = localeOf(request.headers['accept-language'], defaultLocale);
  if (error.code === 'FST_ERR_BAD_URL') return send(reply, 400, 'BAD_URL', translate('BAD_URL', locale));
  // A path segment longer than the router reads (100 characters; no id or code is near it).
  if (error.code === 'FST_ERR_MAX_PARAM_LENGTH')
    return send(reply, 414, 'URL_TOO_LONG', translate('URL_TOO_LONG', locale));
  return send(reply, 400, 'BAD_REQUEST', translate('BAD_REQUEST', locale));
}

/**
 * A request Node's HTTP parser refuses before Fastify sees it (headers too large, a malformed request
 * line, a timeout): answered in the one shape, in the default language since its headers were not read,
 * then the connection is closed.
 */
export function handleClientError(error: Error & { code?: string }, socket: Socket, locale: Locale): void {
  if (!socket.writable) return;
  const [status, reason, code, key] =
    error.code === 'HPE_HEADER_OVERFLOW'
      ? ([431, 'Request Header Fields Too Large', 'HEADERS_TOO_LARGE', 'HEADERS_TOO_LARGE'] as const)
      : error.code === 'ERR_HTTP_REQUEST_TIMEOUT'
        ? ([408, 'Request Timeout', 'TIMEOUT', 'TIMEOUT'] as const)
        : ([400, 'Bad Request', 'BAD_REQUEST', 'BAD_REQUEST'] as const);
  const body = JSON.stringify({ error: { code, message: translate(key, locale) } } satisfies ErrorBody);
  socket.end(
    `HTTP/1.1 ${status} ${reason}\r\nContent-Type: application/json; charset=utf-8\r\n` +
      `Content-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
  );
}
