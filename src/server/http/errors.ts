import type { MessageKey } from './i18n.ts';

/**
 * An error a client should see: an HTTP status, a stable machine code, and a message key
 * translated per request. Anything else that escapes a handler becomes a 500 without details.
 */
export class AppError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    readonly messageKey: MessageKey,
    readonly params: Record<string, string | number> = {},
    readonly field?: string,
  ) {
    super(`${code}: ${messageKey}`);
  }
}

export const notFound = (what: string) => new AppError(404, 'NOT_FOUND', 'NOT_FOUND', { what });
export const forbidden = () => new AppError(403, 'FORBIDDEN', 'FORBIDDEN');
export const unauthenticated = () => new AppError(401, 'UNAUTHENTICATED', 'UNAUTHENTICATED');
export const conflict = (key: MessageKey, params: Record<string, string | number> = {}, field?: string) =>
  new AppError(409, 'CONFLICT', key, params, field);
export const invalid = (key: MessageKey, params: Record<string, string | number> = {}, field?: string) =>
  new AppError(400, 'VALIDATION', key, params, field);
