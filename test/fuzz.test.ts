import fs from 'node:fs';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { databaseKinds } from './support/databases.ts';
import { caseArb, describeCase, examplesOf, problems, send } from './support/fuzz/case.ts';
import { checksummer } from './support/fuzz/checksum.ts';
import { startFuzzCounty, type FuzzCounty } from './support/fuzz/county.ts';
import { operationsOf, type OpenApiDocument } from './support/fuzz/openapi.ts';
import { startTestServer } from './support/server.ts';

/**
 * Every operation of /api/v1/openapi.json gets generated requests (test/support/fuzz/): bodies from its
 * JSON schema with values mutated (wrong types, huge and negative numbers, NUL, lone surrogates, bidi
 * overrides, long strings, unknown keys, missing fields, nested garbage), query strings likewise, path ids
 * that exist, don't, or are garbage, and for multipart operations random, truncated or mistyped files;
 * sent as the admin, the editor of 兰江街道 or nobody. Every answer: no 5xx; every 4xx in the one error
 * shape; 401 first for someone not signed in; a refused request writes nothing (checksum of all tables);
 * no lone surrogate is ever stored.
 *
 * FUZZ_RUNS (default 100) cases per operation on SQLite, FUZZ_PG_RUNS on PostgreSQL (default FUZZ_RUNS when
 * that is set, else 30: a PostgreSQL case costs about twice a SQLite one, and CI runs both);
 * The suite is derandomised: each operation's seed is fixed (a hash of its key and the database), so the
 * gate CI runs is the same on every run and a failure replays as it was seen. New cases are explored with
 * FUZZ_RANDOM=1, which draws fresh seeds (`npm run fuzz` does, 1000 cases each); what it finds becomes a
 * fix and, where a fixed seed would not reach it, a worked example in the feature's own tests.
 * FUZZ_SEED replays a failure (fast-check prints the seed and path); FUZZ_REPORT=file collects every
 * failure there as lines instead of failing at the first (to survey a branch); FUZZ_SHRINK=1 lets fast-check
 * shrink a counterexample (each step is a request to a live server: slow). `npm run fuzz` runs 1000.
 */
const RUNS = Number(process.env.FUZZ_RUNS ?? 100);
const PG_RUNS = Number(process.env.FUZZ_PG_RUNS ?? (process.env.FUZZ_RUNS ? RUNS : 30));
const SEED = process.env.FUZZ_SEED ? Number(process.env.FUZZ_SEED) : undefined;
const RANDOM = process.env.FUZZ_RANDOM === '1';
const PATH = process.env.FUZZ_PATH;
const REPORT = process.env.FUZZ_REPORT;
const SHRINK = process.env.FUZZ_SHRINK === '1';

/** A 32-bit seed that depends only on the text (FNV-1a). */
function fixedSeed(text: string): number {
  let h = 0x811c9dc5;
  for (const ch of text) h = Math.imul(h ^ ch.codePointAt(0)!, 0x01000193);
  return h | 0;
}

// The operations are read at collection, from a server of today's code, so each one is its own test.
const docServer = await startTestServer('sqlite');
const documented = operationsOf(
  (await (await fetch(`${docServer.url}/api/v1/openapi.json`)).json()) as OpenApiDocument,
);
await docServer.close();

describe.each(await databaseKinds())('fuzzing every operation on %s', (kind) => {
  let county: FuzzCounty;
  let checksums: Awaited<ReturnType<typeof checksummer>>;
  const fuzzed = new Set<string>();
  let wrote = false;
  const numRuns = kind === 'sqlite' ? RUNS : PG_RUNS;
  beforeAll(async () => {
    county = await startFuzzCounty(kind);
    checksums = await checksummer(county.server.db, county.server.config.database);
  });
  afterAll(async () => {
    checksums?.close();
    await county?.server.close();
  });

  it.each(documented.map((op) => [op.key, op] as const))('%s', { timeout: 600_000 }, async (_key, op) => {
    fuzzed.add(op.key);
    await fc.assert(
      fc.asyncProperty(caseArb(op, county), async (c) => {
        await county.ensureSignedIn(c.actor);
        // A write accepted by the case before may go on in the background (an import's check or commit).
        if (wrote) await checksums.settle();
        const before = await checksums.sum();
        const out = await send(county, op, c);
        const after = await checksums.sum();
        wrote = out.status < 300 && op.method !== 'GET';
        const found = problems(op, c, out, before, after);
        if (!found.length) return;
        const line = `${found.join('; ')}\n    ${describeCase(op, c, out)}`;
        if (REPORT) fs.appendFileSync(REPORT, `[${kind}] ${op.key}: ${line}\n`);
        else throw new Error(line);
      }),
      {
        numRuns,
        examples: examplesOf(op, county).map((c) => [c]),
        seed: SEED ?? (RANDOM ? undefined : fixedSeed(`${kind} ${op.key}`)),
        path: PATH,
        endOnFailure: !!REPORT || !SHRINK,
        // Our own line names the case (long strings cut); fast-check's counterexample can be megabytes.
        reporter: (run) => {
          if (!run.failed) return;
          const replay = `FUZZ_SEED=${run.seed} FUZZ_PATH=${run.counterexamplePath ?? ''}`;
          throw new Error(
            `${op.key} failed after ${run.numRuns} cases; replay with ${replay} and -t "${op.key}" (the county has seen the cases of the operations before)\n${run.errorInstance}`,
          );
        },
      },
    );
  });

  it('fuzzed every operation of the document this server serves, and nothing else', async () => {
    const served = operationsOf((await county.clients.admin.get('/api/v1/openapi.json')).body as OpenApiDocument);
    expect(served.length).toBeGreaterThan(0);
    expect([...fuzzed].sort()).toEqual(served.map((op) => op.key).sort());
  });
});
