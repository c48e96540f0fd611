import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { databaseKinds } from './support/databases.ts';
import { callOperation, outcomeOf } from './support/authz/call.ts';
import { KNOWN_DEVIATIONS } from './support/authz/deviations.ts';
import { allCases, caseName, type Outcome } from './support/authz/expected.ts';
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
  const started = Date.now();
  const tally: Record<Outcome | 'mismatch', number> = { allow: 0, deny: 0, unauthenticated: 0, mismatch: 0 };
  const mismatches: string[] = [];

  beforeAll(async () => {
    w = await buildWorld(kind);
  }, 120_000);
  afterAll(async () => {
    await w?.server.close();
    const ops = Object.keys(OPERATIONS).length;
    const scoped = Object.values(OPERATIONS).filter((r) => r.scope).length;
    console.log(
      [
        `authz matrix on ${kind}: ${ops} operations (${scoped} by own/other unit or owner) × 6 roles + anonymous = ${cases.length} cases`,
        `  allowed ${tally.allow}, denied ${tally.deny}, 401 anonymous ${tally.unauthenticated}, not as the matrix says ${tally.mismatch}`,
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

  it.each(cases)('$op as $role on $where → $expected', async (c) => {
    const known = KNOWN_DEVIATIONS[caseName(c)];
    const res = await callOperation(w, c);
    const got = outcomeOf(c.op, res);
    if (got === c.expected) tally[got]++;
    else {
      tally.mismatch++;
      mismatches.push(
        `${caseName(c)}: expected ${c.expected}, got ${res.status} ${JSON.stringify(res.body).slice(0, 160)}${known ? ` (known: ${known})` : ''}`,
      );
    }
    if (known) expect(got, known).not.toBe(c.expected);
    else expect(got, `${res.status} ${JSON.stringify(res.body).slice(0, 300)}`).toBe(c.expected);
  });
});
