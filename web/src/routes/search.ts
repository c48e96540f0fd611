// Search params as the address bar shows them: plain `a=1&b=x` (no JSON quoting), commas left
// readable, empty values dropped. Each route's validateSearch turns these strings into typed values.

/** Parses `?a=1&b=x` into strings; the routes' validateSearch give them their types. */
export function parseSearch(text: string): Record<string, string> {
  return Object.fromEntries(new URLSearchParams(text));
}

/** Writes a search object in key order; undefined, null and '' are left out. */
export function stringifySearch(search: Record<string, unknown>): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(search)) {
    if (value !== undefined && value !== null && value !== '') params.set(key, String(value));
  }
  const text = params.toString().replace(/%2C/gi, ',');
  return text ? `?${text}` : '';
}

/** A raw search value as a trimmed non-empty string, or undefined. */
export function text(value: unknown): string | undefined {
  if (typeof value !== 'string' && typeof value !== 'number') return undefined;
  const trimmed = String(value).trim();
  return trimmed === '' ? undefined : trimmed;
}

/** A raw search value as a positive integer, or undefined. */
export function positiveInt(value: unknown): number | undefined {
  const s = text(value);
  if (s === undefined || !/^\d+$/.test(s)) return undefined;
  const n = Number(s);
  return n > 0 ? n : undefined;
}
