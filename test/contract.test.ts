import fs from 'node:fs';
import path from 'node:path';
import Fastify from 'fastify';
import { serializerCompiler, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { installErrorHandler } from '../src/server/http/error-handler.ts';
import { startTestServer, type TestServer } from './support/server.ts';

/** The content types a download may declare instead of a JSON schema. */
const BINARY_TYPES = [
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  'application/pdf',
  'application/zip',
  'image/jpeg',
  'image/png',
  'image/webp',
  'text/csv',
];

interface JsonSchema {
  type?: string | string[];
  properties?: Record<string, unknown>;
  additionalProperties?: unknown;
  propertyNames?: unknown;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  items?: unknown;
  $ref?: string;
}

interface Operation {
  responses?: Record<string, { description?: string; content?: Record<string, { schema?: JsonSchema }> }>;
}

/** An open record: an object whose keys are not named (`z.record(z.string(), z.unknown())`, `{}`). */
function isOpen(schema: JsonSchema | undefined): boolean {
  if (!schema || Object.keys(schema).length === 0) return true;
  if (schema.anyOf) return schema.anyOf.some(isOpen);
  if (schema.oneOf) return schema.oneOf.some(isOpen);
  if (schema.$ref) return false;
  const types = Array.isArray(schema.type) ? schema.type : [schema.type];
  if (types.includes('object')) {
    const named = schema.properties && Object.keys(schema.properties).length > 0;
    const closedValues =
      schema.additionalProperties !== undefined &&
      typeof schema.additionalProperties === 'object' &&
      !isOpen(schema.additionalProperties as JsonSchema);
    return !named && !closedValues;
  }
  return schema.type === undefined;
}

/** What is wrong with an operation's success response, or null when it is typed. */
function problemOf(operation: Operation): string | null {
  const success = Object.entries(operation.responses ?? {}).filter(([status]) => /^2\d\d$/.test(status));
  if (success.length === 0) return 'no 2xx response';
  for (const [status, response] of success) {
    const content = response.content ?? {};
    if (status === '204' && Object.keys(content).length === 0) continue;
    const types = Object.keys(content);
    if (types.length === 0) return `${status} has no content`;
    for (const type of types) {
      if (BINARY_TYPES.includes(type)) continue;
      if (type.startsWith('application/json')) {
        const schema = content[type]!.schema;
        if (schema && (schema as { type?: string }).type === 'null') continue;
        if (isOpen(schema)) return `${status} ${type} is an open record`;
        continue;
      }
      return `${status} declares ${type}`;
    }
  }
  return null;
}

describe('the HTTP contract', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer('sqlite');
  });
  afterAll(() => server.close());

  it('gives every operation a typed success response: a closed JSON schema or a download content type', async () => {
    const res = await fetch(`${server.url}/api/v1/openapi.json`);
    expect(res.status).toBe(200);
    const doc = (await res.json()) as { paths: Record<string, Record<string, Operation>> };
    const operations = Object.entries(doc.paths).flatMap(([path, methods]) =>
      Object.entries(methods).map(([method, operation]) => ({ name: `${method.toUpperCase()} ${path}`, operation })),
    );
    expect(operations.length).toBeGreaterThan(0);
    const untyped = operations
      .map(({ name, operation }) => ({ name, problem: problemOf(operation) }))
      .filter((o) => o.problem)
      .map((o) => `${o.name}: ${o.problem}`);
    expect(untyped).toEqual([]);
  });
});

describe('the schemas of the operations', () => {
  it('live in src/contract: no routes file or feature module declares a zod schema of its own', () => {
    const features = path.join(import.meta.dirname, '../src/server/features');
    const files = fs
      .readdirSync(features, { recursive: true, encoding: 'utf8' })
      .filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts'));
    expect(files.some((f) => f.endsWith('.routes.ts'))).toBe(true);
    const declaring = files.filter((f) => /from 'zod'/.test(fs.readFileSync(path.join(features, f), 'utf8')));
    expect(declaring).toEqual([]);
  });
});

describe('a response that does not match its schema', () => {
  it('answers 500 in the one error shape, without a stack trace', async () => {
    const app = Fastify({ logger: false }).withTypeProvider<ZodTypeProvider>();
    app.setValidatorCompiler(validatorCompiler);
    app.setSerializerCompiler(serializerCompiler);
    installErrorHandler(app, 'zh-CN');
    app.get(
      '/wrong',
      { schema: { response: { 200: z.object({ id: z.number(), name: z.string() }) } } },
      // The handler breaks its contract on purpose: the id is text and the name is missing.
      () => ({ id: 'seven' }) as unknown as { id: number; name: string },
    );
    await app.ready();
    const res = await app.inject({ method: 'GET', url: '/wrong', headers: { 'accept-language': 'en' } });
    await app.close();
    expect(res.statusCode).toBe(500);
    const body = res.json() as { error: { code: string; message: string } };
    expect(Object.keys(body)).toEqual(['error']);
    expect(body.error.code).toBe('INTERNAL');
    expect(typeof body.error.message).toBe('string');
    expect(res.body).not.toMatch(/\bat .*\.(ts|js):\d+/);
    expect(res.body).not.toContain('stack');
  });
});
