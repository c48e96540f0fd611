import fc from 'fast-check';

/** The part of a JSON schema (as fastify-type-provider-zod writes it into the OpenAPI document) the fuzzer reads. */
export interface JsonSchema {
  type?: string | string[];
  enum?: unknown[];
  const?: unknown;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  allOf?: JsonSchema[];
  nullable?: boolean;
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema;
  additionalProperties?: boolean | JsonSchema;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: boolean | number;
  exclusiveMaximum?: boolean | number;
  minItems?: number;
  maxItems?: number;
  pattern?: string;
  format?: string;
}

export interface Operation {
  /** "POST /api/v1/units/{id}" */
  key: string;
  method: string;
  path: string;
  pathParams: string[];
  query: { name: string; schema: JsonSchema; required: boolean }[];
  /** The JSON body's schema, when the operation takes one. */
  body?: JsonSchema;
  /** The form fields of a multipart operation ("file" among them), when it takes one. */
  multipart?: { name: string; required: boolean }[];
}

interface OpenApiParameter {
  in: string;
  name: string;
  required?: boolean;
  schema?: JsonSchema;
}
interface OpenApiOperation {
  summary?: string;
  description?: string;
  parameters?: OpenApiParameter[];
  requestBody?: { content?: Record<string, { schema?: JsonSchema }> };
}
export interface OpenApiDocument {
  paths: Record<string, Record<string, OpenApiOperation>>;
}

const METHODS = new Set(['get', 'post', 'put', 'patch', 'delete']);

/**
 * A multipart operation's fields. The routes read the multipart body themselves, so the document has no
 * schema for it: the summary lists the fields ("(multipart: file, caption?)"), the description says
 * "multipart/form-data". An operation that says multipart/form-data without listing its fields gets "file".
 */
function multipartFields(op: OpenApiOperation): Operation['multipart'] {
  const text = `${op.summary ?? ''} ${op.description ?? ''}`;
  if (!op.requestBody?.content?.['multipart/form-data'] && !/multipart/i.test(text)) return undefined;
  const listed = /\(multipart:\s*([^)]*)\)/i.exec(text)?.[1];
  const names = listed ? listed.split(',').map((s) => s.trim()) : ['file'];
  return names.filter(Boolean).map((n) => ({ name: n.replace(/\?$/, ''), required: !n.endsWith('?') }));
}

/** Every operation of the document, in its order. */
export function operationsOf(doc: OpenApiDocument): Operation[] {
  const ops: Operation[] = [];
  for (const [path, item] of Object.entries(doc.paths)) {
    for (const [method, op] of Object.entries(item)) {
      if (!METHODS.has(method)) continue;
      const params = op.parameters ?? [];
      ops.push({
        key: `${method.toUpperCase()} ${path}`,
        method: method.toUpperCase(),
        path,
        pathParams: [...path.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!),
        query: params
          .filter((p) => p.in === 'query')
          .map((p) => ({ name: p.name, schema: p.schema ?? {}, required: !!p.required })),
        body: op.requestBody?.content?.['application/json']?.schema,
        multipart: multipartFields(op),
      });
    }
  }
  return ops;
}

const BIG = 1e15;

/** Dates and instants as the contract takes them, near today, sometimes just off (30 February). */
const dateLike = fc.oneof(
  fc
    .date({ min: new Date('2020-01-01'), max: new Date('2030-12-31'), noInvalidDate: true })
    .map((d) => d.toISOString()),
  fc
    .date({ min: new Date('2020-01-01'), max: new Date('2030-12-31'), noInvalidDate: true })
    .map((d) => d.toISOString().slice(0, 10)),
  fc.constantFrom('2026-02-30', '2026-13-01', '2026-11', '2026'),
);

/** Single characters that break text handling: NUL, a lone surrogate of each half, bidi override, BEL, DEL, BOM. */
const SPLICED = ['\u0000', '\ud800', '\udc00', '\u202e', '\u0007', '\u007f', '\ufeff', '%', "'"];

function stringArb(s: JsonSchema): fc.Arbitrary<string> {
  if (s.pattern) {
    try {
      return fc.stringMatching(new RegExp(s.pattern));
    } catch {
      /* a pattern JS cannot read: plain strings */
    }
  }
  if (s.format === 'date' || s.format === 'date-time') return dateLike;
  const minLength = s.minLength ?? 0;
  const maxLength = Math.max(minLength, Math.min(s.maxLength ?? 20, 40));
  return fc.oneof(
    fc.string({ minLength, maxLength }),
    fc.string({ minLength, maxLength, unit: 'grapheme' }),
    // Control characters (NUL among them) and any code point, then one bad character in a plausible text.
    fc.string({ minLength, maxLength, unit: 'binary-ascii' }),
    fc.string({ minLength, maxLength, unit: 'binary' }),
    fc
      .tuple(fc.string({ minLength, maxLength }), fc.constantFrom(...SPLICED), fc.string({ maxLength: 3 }))
      .map(([a, bad, b]) => a + bad + b),
    dateLike,
    fc.integer({ min: 0, max: 2030 }).map(String),
  );
}

function numberArb(s: JsonSchema, integer: boolean): fc.Arbitrary<number> {
  let min = s.minimum ?? -BIG;
  let max = s.maximum ?? BIG;
  if (s.exclusiveMinimum === true) min += integer ? 1 : 1e-9;
  else if (typeof s.exclusiveMinimum === 'number') min = s.exclusiveMinimum + (integer ? 1 : 1e-9);
  if (s.exclusiveMaximum === true) max -= integer ? 1 : 1e-9;
  else if (typeof s.exclusiveMaximum === 'number') max = s.exclusiveMaximum - (integer ? 1 : 1e-9);
  min = Math.max(min, -BIG);
  max = Math.min(max, BIG);
  if (max < min) max = min;
  // Small values first: ids, years, months, amounts a person types.
  const small = fc.integer({ min: Math.ceil(Math.max(min, -10)), max: Math.floor(Math.min(max, 2030)) });
  const wide = integer
    ? fc.integer({ min: Math.ceil(Math.max(min, -(2 ** 31))), max: Math.floor(Math.min(max, 2 ** 31)) })
    : fc.double({ min, max, noNaN: true, noDefaultInfinity: true });
  return Math.ceil(Math.max(min, -10)) <= Math.floor(Math.min(max, 2030)) ? fc.oneof(small, wide) : wide;
}

/** Values the schema takes (or nearly: patterns and dates may be just off), to be mutated by ./mutate.ts. */
export function valid(s: JsonSchema | undefined, depth = 0): fc.Arbitrary<unknown> {
  if (!s || depth > 6) return fc.anything({ maxDepth: 1 });
  const inner = (): fc.Arbitrary<unknown> => {
    if (s.const !== undefined) return fc.constant(s.const);
    if (s.enum?.length) return fc.constantFrom(...s.enum);
    const alternatives = s.anyOf ?? s.oneOf;
    if (alternatives?.length) return fc.oneof(...alternatives.map((a) => valid(a, depth + 1)));
    if (s.allOf?.length) return valid(Object.assign({}, ...s.allOf) as JsonSchema, depth + 1);
    const type = Array.isArray(s.type) ? s.type.find((t) => t !== 'null') : s.type;
    switch (type) {
      case 'string':
        return stringArb(s);
      case 'integer':
        return numberArb(s, true);
      case 'number':
        return numberArb(s, false);
      case 'boolean':
        return fc.boolean();
      case 'null':
        return fc.constant(null);
      case 'array':
        return fc.array(valid(s.items, depth + 1), {
          minLength: s.minItems ?? 0,
          maxLength: Math.max(s.minItems ?? 0, Math.min(s.maxItems ?? 3, 4)),
        });
      case 'object':
      case undefined: {
        if (!s.properties)
          return type
            ? fc.dictionary(fc.string({ maxLength: 8 }), fc.string(), { maxKeys: 2 })
            : fc.anything({ maxDepth: 1 });
        const props = Object.fromEntries(Object.entries(s.properties).map(([k, v]) => [k, valid(v, depth + 1)]));
        return fc.record(props, { requiredKeys: (s.required ?? []).filter((k) => k in props) });
      }
      default:
        return fc.anything({ maxDepth: 1 });
    }
  };
  return s.nullable || (Array.isArray(s.type) && s.type.includes('null'))
    ? fc.option(inner(), { nil: null, freq: 6 })
    : inner();
}
