import fc from 'fast-check';

/** Strings that have broken servers: control characters, NUL, lone surrogates, bidi overrides, numbers as text. */
export const NASTY_STRINGS = [
  '',
  ' ',
  'abc',
  '\u0000',
  'a\u0000b',
  '\ud800',
  'x\udfffy',
  '\u202egpj.exe',
  '\u0001\u0008\u001b\u007f\u0085',
  '\r\n\t',
  '\ufeff兰溪',
  'NaN',
  'Infinity',
  '-Infinity',
  '1e308',
  '-1',
  '0',
  '1.5',
  '0x10',
  '99999999999999999999',
  'null',
  'true',
  '[]',
  '{}',
  '😀👨‍👩‍👧',
  '<script>alert(1)</script>',
  "' OR '1'='1' --",
  '../../etc/passwd',
  '%00',
  '%',
  '2026-02-30',
  '2026-13-45T25:61:00Z',
  '长'.repeat(300),
];

const LONG = ['x'.repeat(100_000), '兰'.repeat(20_000), 'a\u0000'.repeat(5_000)];

export const NASTY_VALUES: unknown[] = [
  ...NASTY_STRINGS,
  ...LONG,
  1e308,
  -1e308,
  5e-324,
  -1,
  0,
  -0,
  1.5,
  -0.0001,
  2 ** 31,
  2 ** 53,
  2 ** 53 + 2,
  1e21,
  true,
  false,
  null,
  [],
  {},
  [null],
  [[[[[]]]]],
  { a: { b: [{ c: '\u0000' }] } },
  Array.from({ length: 200 }, (_, i) => i),
];

export const nasty = fc.constantFrom(...NASTY_VALUES);
export const nastyString = fc.constantFrom(...NASTY_STRINGS);

/** Bodies that are not the JSON a schema describes at all, sent as raw text with Content-Type: application/json. */
export const RAW_JSON = [
  '',
  '{',
  '{"a":',
  'null',
  '[]',
  '"x"',
  '1e999',
  '{"__proto__":{"polluted":1}}',
  '{"constructor":{"prototype":{"polluted":1}}}',
  '['.repeat(5_000) + ']'.repeat(5_000),
  '{"a":1,"a":2}',
  '\ufeff{}',
  '{"s":"\\ud800"}',
];

type Path = (string | number)[];

function paths(value: unknown, prefix: Path = [], out: Path[] = []): Path[] {
  out.push(prefix);
  if (value && typeof value === 'object' && prefix.length < 6)
    for (const [k, v] of Object.entries(value)) paths(v, [...prefix, Array.isArray(value) ? Number(k) : k], out);
  return out;
}

export interface Mutation {
  kind: 'replace' | 'delete' | 'addKey' | 'wrap';
  at: number;
  value: unknown;
  key: string;
}

export const mutation: fc.Arbitrary<Mutation> = fc.record({
  kind: fc.constantFrom('replace', 'replace', 'delete', 'addKey', 'wrap'),
  at: fc.nat(),
  value: nasty,
  key: fc.oneof(fc.constantFrom('colour', '__proto__', 'constructor', 'id', '', '\u0000', '\ud800'), fc.string()),
});

/** The value with each mutation applied at a path picked among its own (the root included). */
export function mutate(value: unknown, mutations: Mutation[]): unknown {
  let root: unknown = structuredClone(value);
  for (const original of mutations) {
    // The nasty values are shared constants: each case mutates its own copy, or later cases would see cycles.
    const m = { ...original, value: structuredClone(original.value) };
    const all = paths(root);
    const path = all[m.at % all.length]!;
    const parent = path.slice(0, -1).reduce<any>((v, k) => v[k], root);
    const last = path.at(-1);
    const current = path.length ? parent[last!] : root;
    const set = (v: unknown) => {
      if (!path.length) root = v;
      else parent[last!] = v;
    };
    if (m.kind === 'replace') set(m.value);
    else if (m.kind === 'wrap') set({ [m.key]: [current, m.value] });
    else if (m.kind === 'addKey') {
      if (current && typeof current === 'object' && !Array.isArray(current))
        Object.defineProperty(current, m.key, { value: m.value, enumerable: true, writable: true, configurable: true });
      else set(m.value);
    } else if (path.length && Array.isArray(parent)) parent.splice(Number(last), 1);
    else if (path.length) delete parent[last!];
    else root = undefined;
  }
  return root;
}

/** Does any string in the value hold a lone surrogate? */
export function hasLoneSurrogate(value: unknown): boolean {
  if (typeof value === 'string')
    return /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/.test(value);
  if (value && typeof value === 'object')
    return Object.entries(value).some(([k, v]) => hasLoneSurrogate(k) || hasLoneSurrogate(v));
  return false;
}

/**
 * Percent-encodes as a browser would, except that a lone surrogate is written as its 3-byte CESU
 * form (%ED%A0%80), which is not UTF-8: encodeURIComponent would throw, URLSearchParams would send U+FFFD.
 */
export function encodeLoose(text: string): string {
  let out = '';
  for (const ch of text) {
    const c = ch.codePointAt(0)!;
    if (c >= 0xd800 && c <= 0xdfff)
      out +=
        `%${(0xe0 | (c >> 12)).toString(16)}%${(0x80 | ((c >> 6) & 0x3f)).toString(16)}%${(0x80 | (c & 0x3f)).toString(16)}`.toUpperCase();
    else out += encodeURIComponent(ch);
  }
  return out;
}

/** Raw pieces of a URL that are not valid percent-encoding or not UTF-8: the URL is malformed. */
export const MALFORMED_URL_PIECES: string[] = ['%', '%zz', '%E0%A4%A', '%C0%AF', '%FF%FE', '%ED%A0%80'];

/** Path parameter values, already encoded for the URL; the ids that exist come from the county. */
export function pathParam(existing: number[]): fc.Arbitrary<string> {
  const plain = fc.oneof(
    { weight: 4, arbitrary: existing.length ? fc.constantFrom(...existing).map(String) : fc.constant('1') },
    { weight: 2, arbitrary: fc.constantFrom('99999999', '0', '-1', 'abc', '1.5', '1e3', '9007199254740993', '0x1F') },
    {
      weight: 1,
      arbitrary: fc.constantFrom('99999999999999999999999', ' 1', '%00', '%E2%80%AE1', '1%00', '1;2', '1%2F2'),
    },
    { weight: 1, arbitrary: nastyString.map(encodeLoose) },
    { weight: 1, arbitrary: fc.integer().map(String) },
  );
  return fc.oneof({ weight: 12, arbitrary: plain }, { weight: 1, arbitrary: fc.constantFrom(...MALFORMED_URL_PIECES) });
}

/** Is the URL not valid percent-encoded UTF-8 (so that no route can be told from it)? */
export function malformedUrl(url: string): boolean {
  try {
    decodeURIComponent(url);
    return false;
  } catch {
    return true;
  }
}
