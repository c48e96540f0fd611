import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * The signature of a Lantern webhook: HMAC-SHA256, in hex, of `<timestamp>.<body>` keyed by the shared
 * secret. The timestamp (unix seconds, also sent as X-Lantern-Timestamp) is signed with the body so a
 * receiver can refuse an old request replayed.
 */
export function signBody(secret: string, timestamp: string, body: string): string {
  return createHmac('sha256', secret).update(`${timestamp}.${body}`, 'utf8').digest('hex');
}

/**
 * Whether `signature` (hex, with or without the `sha256=` prefix of the header) signs this timestamp
 * and body. Compared in constant time; anything not 64 hex digits is simply wrong.
 */
export function verifySignature(secret: string, timestamp: string, body: string, signature: string): boolean {
  const given = signature.startsWith('sha256=') ? signature.slice('sha256='.length) : signature;
  if (!/^[0-9a-f]{64}$/i.test(given)) return false;
  const expected = Buffer.from(signBody(secret, timestamp, body), 'hex');
  return timingSafeEqual(expected, Buffer.from(given, 'hex'));
}
