import fc from 'fast-check';
import type { Checksum } from './checksum.ts';
import type { Actor, FuzzCounty } from './county.ts';
import {
  MALFORMED_URL_PIECES,
  RAW_JSON,
  encodeLoose,
  hasLoneSurrogate,
  mutate,
  mutation,
  nastyString,
  malformedUrl,
  pathParam as pathParamArb,
} from './mutate.ts';
import { valid, type Operation } from './openapi.ts';

/** Operations a person who is not signed in may call; every other one must answer them 401. */
export const PUBLIC_OPERATIONS = new Set([
  'GET /api/v1/setup',
  'POST /api/v1/setup',
  'POST /api/v1/setup/demo',
  'GET /api/v1/regions',
  'GET /api/v1/industries',
  'POST /api/v1/session',
  'DELETE /api/v1/session',
]);

/**
 * Refusals that come from reading the request itself (a malformed URL, a body that is not JSON, a wrong or
 * too large body), before any handler runs: an anonymous request may get them instead of 401.
 */
const BEFORE_ROUTING = new Set(['MALFORMED_JSON', 'UNSUPPORTED_MEDIA', 'BODY_TOO_LARGE', 'URL_TOO_LONG']);

type FormField = { name: string; text: string } | { name: string; bytes: Uint8Array; fileName: string; type: string };

/** One generated request, in a form that prints (for the failure report) and replays. */
export interface FuzzCase {
  actor: Actor;
  url: string;
  malformedUrl: boolean;
  json?: unknown;
  raw?: string;
  form?: FormField[];
}

function queryArb(op: Operation): fc.Arbitrary<string> {
  // Each case sends its required parameters and at most three optional ones: a request that sets every
  // optional filter is nearly always refused by one of them, and never reaches the search behind.
  const optional = op.query.filter((q) => !q.required).map((q) => q.name);
  const text = (v: unknown) => (typeof v === 'object' ? JSON.stringify(v) : String(v));
  const all = fc.record(Object.fromEntries(op.query.map((q) => [q.name, valid(q.schema).map(text)])));
  const chosen = fc.subarray(optional, { maxLength: Math.min(3, optional.length) });
  const values = fc
    .tuple(all, chosen)
    .map(([v, names]) =>
      Object.fromEntries(Object.entries(v).filter(([k]) => names.includes(k) || !optional.includes(k))),
    );
  const mutations = fc.array(
    fc.record({
      kind: fc.constantFrom('replace', 'replace', 'delete', 'unknown', 'repeat'),
      at: fc.nat(),
      value: fc.oneof(nastyString, fc.string({ maxLength: 4000 })),
    }),
    { maxLength: 3 },
  );
  const malformed = fc.option(fc.constantFrom(...MALFORMED_URL_PIECES), { freq: 15 });
  return fc.tuple(values, mutations, malformed).map(([v, ms, bad]) => {
    const pairs: [string, string][] = Object.entries(v);
    for (const m of ms) {
      const i = pairs.length ? m.at % pairs.length : 0;
      if (m.kind === 'unknown' || !pairs.length) pairs.push([`x${m.at % 7}`, m.value]);
      else if (m.kind === 'replace') pairs[i]![1] = m.value;
      else if (m.kind === 'delete') pairs.splice(i, 1);
      else pairs.push([pairs[i]![0], m.value]);
    }
    return pairs.map(([k, val]) => `${encodeLoose(k)}=${encodeLoose(val)}`).join('&') + (bad ? `&q=${bad}` : '');
  });
}

function formArb(op: Operation, county: FuzzCounty): fc.Arbitrary<FormField[]> {
  const { jpeg, xlsx } = county.files;
  const bytes = fc.oneof(
    fc.uint8Array({ maxLength: 3000 }),
    fc.nat({ max: xlsx.length }).map((n) => xlsx.slice(0, n)),
    fc.uint8Array({ maxLength: 500 }).map((tail) => new Uint8Array([0x50, 0x4b, 0x03, 0x04, ...tail])),
    fc.nat({ max: jpeg.length }).map((n) => jpeg.slice(0, n)),
    fc.constant(jpeg),
    fc.constant(xlsx),
    fc
      .array(nastyString, { maxLength: 4 })
      .map((cells) => new TextEncoder().encode(`名称,总投资\n${cells.join(',')}\n`)),
  );
  const file = fc.record({
    bytes,
    fileName: fc.oneof(
      fc.constantFrom('ledger.xlsx', 'ledger.csv', 'site.jpg', 'site.png', 'x.exe', ''),
      nastyString.map((s) => `${s}.xlsx`),
      fc.constant(`${'长'.repeat(300)}.csv`),
    ),
    type: fc.constantFrom('image/jpeg', 'text/csv', 'application/octet-stream', 'text/html', 'application/zip', ''),
  });
  const field = (name: string) =>
    fc.oneof(
      ...(county.formHints[name]?.length ? [fc.constantFrom(...county.formHints[name])] : []),
      nastyString,
      fc.string({ maxLength: 200 }),
    );
  const fields = op.multipart!.map((f) =>
    f.name === 'file'
      ? file.map((v) => [{ name: 'file', ...v }] as FormField[])
      : fc.option(
          field(f.name).map((text) => [{ name: f.name, text }] as FormField[]),
          { nil: [] as FormField[] },
        ),
  );
  return fc
    .tuple(
      fc.tuple(...fields),
      fc.constantFrom('as is', 'as is', 'no file', 'file twice', 'unknown field', 'file first'),
    )
    .map(([parts, how]) => {
      const all = parts.flat();
      const files = all.filter((p) => 'bytes' in p);
      const texts = all.filter((p) => !('bytes' in p));
      if (how === 'no file') return texts;
      if (how === 'file twice') return [...texts, ...files, ...files];
      if (how === 'unknown field') return [...texts, { name: 'colour', text: '\u0000' }, ...files];
      return how === 'file first' ? [...files, ...texts] : [...texts, ...files];
    });
}

type Body = Pick<FuzzCase, 'json' | 'raw' | 'form'>;

function bodyArb(op: Operation, county: FuzzCounty): fc.Arbitrary<Body> {
  const raw = fc.constantFrom(...RAW_JSON).map((r): Body => ({ raw: r }));
  if (op.multipart) {
    return fc.oneof(
      { weight: 8, arbitrary: formArb(op, county).map((form): Body => ({ form })) },
      { weight: 1, arbitrary: valid(undefined).map((json): Body => ({ json })) },
      { weight: 1, arbitrary: raw },
    );
  }
  if (!op.body) return fc.oneof({ weight: 6, arbitrary: fc.constant({}) }, { weight: 1, arbitrary: raw });
  const mutated = fc
    .tuple(valid(op.body), fc.array(mutation, { minLength: 0, maxLength: 3 }))
    .map(([v, ms]): Body => ({ json: mutate(v, ms) }));
  return fc.oneof({ weight: 10, arbitrary: mutated }, { weight: 1, arbitrary: raw });
}

/** Generated requests for one operation: who sends it, its path, query and body. */
export function caseArb(op: Operation, county: FuzzCounty): fc.Arbitrary<FuzzCase> {
  const segments = op.path.split('/');
  const params = fc.tuple(
    ...op.pathParams.map((p) => {
      const before = segments[segments.indexOf(`{${p}}`) - 1] ?? '';
      return pathParamArb(county.existing[before] ?? []);
    }),
  );
  const actor = fc.constantFrom<Actor>('admin', 'admin', 'editor', 'anonymous');
  const withBody = op.method !== 'GET' && op.method !== 'DELETE';
  return fc
    .tuple(actor, params, queryArb(op), withBody ? bodyArb(op, county) : fc.constant({}))
    .map(([who, ps, query, body]) => {
      let path = op.path;
      op.pathParams.forEach((p, i) => (path = path.replace(`{${p}}`, ps[i]!)));
      const url = query ? `${path}?${query}` : path;
      return { actor: who, url, malformedUrl: malformedUrl(url), ...body };
    });
}

export interface Outcome {
  status: number;
  body: unknown;
}

/** Sends the case as its actor, as the web app would (cookies, CSRF token); the actor is signed in already. */
export async function send(county: FuzzCounty, op: Operation, c: FuzzCase): Promise<Outcome> {
  const client = county.clients[c.actor];
  let formData: FormData | undefined;
  if (c.form) {
    formData = new FormData();
    for (const f of c.form) {
      if ('bytes' in f) formData.append(f.name, new Blob([new Uint8Array(f.bytes)], { type: f.type }), f.fileName);
      else formData.append(f.name, f.text);
    }
  }
  const rawBody = c.raw ?? (c.json === undefined ? undefined : JSON.stringify(c.json));
  const res = await client.request(op.method, c.url, undefined, {
    ...(formData ? { formData } : rawBody !== undefined ? { rawBody } : {}),
  });
  return { status: res.status, body: res.body };
}

/** What is wrong with the answer, or null: no 5xx, the one error shape, 401 first, nothing written on a 4xx. */
export function problems(op: Operation, c: FuzzCase, out: Outcome, before: Checksum, after: Checksum): string[] {
  const found: string[] = [];
  if (out.status >= 500) found.push(`answered ${out.status}`);
  if (out.status >= 400) {
    const b = out.body as { error?: { code?: unknown; message?: unknown; field?: unknown } } | null;
    const e = b && typeof b === 'object' ? b.error : undefined;
    const shapeOk =
      !!e &&
      typeof e === 'object' &&
      typeof e.code === 'string' &&
      typeof e.message === 'string' &&
      (e.field === undefined || typeof e.field === 'string') &&
      Object.keys(b!).length === 1;
    if (!shapeOk) found.push(`${out.status} not in the error shape { error: { code, message, field? } }`);
  }
  const code = (out.body as { error?: { code?: unknown } } | null)?.error?.code;
  const beforeRouting = c.malformedUrl || (typeof code === 'string' && BEFORE_ROUTING.has(code));
  if (c.actor === 'anonymous' && !PUBLIC_OPERATIONS.has(op.key) && out.status !== 401 && !beforeRouting)
    found.push(`anonymous answered ${out.status}, not 401 (checked before authentication)`);
  if (out.status >= 400 && out.status < 500 && before.hash !== after.hash)
    found.push(`${out.status} but the database changed`);
  const newlyBroken = after.broken.filter((row) => !before.broken.includes(row));
  if (newlyBroken.length) found.push(`broken text stored (lone surrogate / U+FFFD): ${newlyBroken[0]}`);
  return found;
}

/** The case as a line for the failure report: strings escaped, long ones cut. */
export function describeCase(op: Operation, c: FuzzCase, out: Outcome): string {
  const cut = (s: string) => (s.length > 300 ? `${s.slice(0, 300)}…(${s.length})` : s);
  const esc = (s: string) =>
    cut(JSON.stringify(s).replace(/[\u007f-\uffff]/g, (ch) => `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`));
  const body =
    c.form !== undefined
      ? ` form=${esc(JSON.stringify(c.form.map((f) => ('bytes' in f ? { ...f, bytes: `${f.bytes.length} bytes` } : f))))}`
      : c.raw !== undefined
        ? ` raw=${esc(c.raw)}`
        : c.json !== undefined
          ? ` json=${esc(JSON.stringify(c.json))}`
          : '';
  const lone = hasLoneSurrogate(c.json) ? ' (body has a lone surrogate)' : '';
  return `${c.actor} ${op.method} ${cut(c.url)}${body}${lone} → ${out.status} ${cut(JSON.stringify(out.body))}`;
}

/**
 * Cases every run sends besides the random ones: for each free-text query parameter, the admin sending it
 * alone with a NUL and with a lone surrogate in it (a search box is where people paste anything).
 */
export function examplesOf(op: Operation, county: FuzzCounty): FuzzCase[] {
  const segments = op.path.split('/');
  let path = op.path;
  for (const p of op.pathParams)
    path = path.replace(`{${p}}`, String(county.existing[segments[segments.indexOf(`{${p}}`) - 1] ?? '']?.[0] ?? 1));
  const free = op.query.filter((q) => q.schema.type === 'string' && !q.schema.enum && !q.schema.pattern);
  return free.flatMap((q) =>
    ['a\u0000b', 'a\ud800b'].map((text) => {
      const url = `${path}?${encodeLoose(q.name)}=${encodeLoose(text)}`;
      return { actor: 'admin' as const, url, malformedUrl: malformedUrl(url) };
    }),
  );
}
