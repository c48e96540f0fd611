import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { databaseKinds } from './support/databases.ts';
import { callOperation, outcomeOf } from './support/authz/call.ts';
import { KNOWN_DEVIATIONS } from './support/authz/deviations.ts';
import { allCases, caseName, type Case } from './support/authz/expected.ts';
import { OPERATIONS } from './support/authz/operations.ts';
import { buildWorld, type World } from './support/authz/world.ts';

/**
 * Every operation of the OpenAPI document called as every role (and anonymously) on an object of the
 * caller's own unit and of another, against the access matrix of src/domain/access/roles.ts. The
 * operations' permissions and calls are the table of test/support/authz/operations.ts.
 */
const cases = allCases();

describe.each(await databaseKinds())('authorisation matrix from the OpenAPI document on %s', (kind) => {
  let w: World;
  let started = 0;
  const tally = new Map<string, number>();
  const count = (key: string) => tally.set(key, (tally.get(key) ?? 0) + 1);
  const mismatches: string[] = [];

  beforeAll(async () => {
    started = Date.now();
    w = await buildWorld(kind);
  }, 120_000);
  afterAll(async () => {
    await w?.server.close();
    const ops = Object.keys(OPERATIONS).length;
    const scoped = Object.values(OPERATIONS).filter((r) => r.scope).length;
    const n = (key: string) => tally.get(key) ?? 0;
    const row = (where: string) =>
      `  ${where.padEnd(5)} allowed ${n(`${where} allow`)}, denied ${n(`${where} deny`)}, 401 ${n(`${where} unauthenticated`)}`;
    console.log(
      [
        `authz matrix on ${kind}: ${ops} operations (${scoped} on an object of the own or another unit/owner) × 6 roles + anonymous = ${cases.length} cases`,
        row('own'),
        row('other'),
        row('any'),
        `  not as the matrix says: ${mismatches.length} (known deviations: ${Object.keys(KNOWN_DEVIATIONS).length})`,
        ...mismatches.map((m) => `  ≠ ${m}`),
        `  ${((Date.now() - started) / 1000).toFixed(1)} s`,
      ].join('\n'),
    );
  });

  it('has one entry for every operation of the OpenAPI document, and none more', async () => {
    const doc = (await w.as.admin.get('/api/v1/openapi.json')).body as { paths: Record<string, object> };
    const documented = Object.entries(doc.paths).flatMap(([path, ops]) =>
      Object.keys(ops).map((method) => `${method.toUpperCase()} ${path}`),
    );
    expect(documented.sort()).toEqual(Object.keys(OPERATIONS).sort());
  });

  async function check(c: Case) {
    const known = KNOWN_DEVIATIONS[caseName(c)];
    const res = await callOperation(w, c);
    const got = outcomeOf(c.op, res);
    if (got === c.expected) count(`${c.where} ${got}`);
    else
      mismatches.push(
        `${caseName(c)}: the matrix says ${c.expected}, the server answers ${res.status}` +
          (known ? ` (known: ${known})` : ` ${JSON.stringify(res.body).slice(0, 160)}`),
      );
    if (known) expect(got, known).not.toBe(c.expected);
    else expect(got, `${res.status} ${JSON.stringify(res.body).slice(0, 300)}`).toBe(c.expected);
  }

  it.each(cases)('$op as $role on $where → $expected', (c) => check(c));
});
