import autocannon from 'autocannon';
import type { DatabaseKind } from '../test/support/databases.ts';
import { deadlineDay, seedLoadCounty } from './load-county.ts';
import { makeUsers, newTally, requestsFor, type Kind, type SimUser, type Tally } from './load-mix.ts';
import { spawnLoadServer } from './load-server.ts';
import { percentile } from './stats.ts';

/**
 * Load on the deadline day: a county of N projects (default 5,000), then `connections` simulated users
 * (default 200) for `duration` seconds (default 60) through autocannon, each keeping one connection
 * busy with its own cycle of requests (bench/load-mix.ts: 70 % reads, 30 % monthly reports filed and
 * edited by township editors). The server runs in a process of its own. Prints throughput, latency
 * and the answers that were not 2xx next to the aims; asserts nothing.
 */
const AIMS = { errors: 0, p95Ms: 200 };
const cmp = (a: number, b: number) => a - b;

export async function benchLoad(args: {
  projects: number;
  databases: DatabaseKind[];
  duration: number;
  connections: number;
}) {
  const { start } = deadlineDay();
  for (const kind of args.databases) {
    const county = await seedLoadCounty(kind, args.projects, start);
    const filed = `${county.period.year}-${String(county.period.month).padStart(2, '0')}`;
    console.log(
      `[${kind}] seeded ${args.projects.toLocaleString()} projects in ${county.townships.length} townships, year to ${filed} approved, in ${(county.seedMs / 1000).toFixed(1)} s; clock at ${start.toISOString()} (deadline day for ${filed})`,
    );
    const server = await spawnLoadServer({ database: county.database, clockStart: start.toISOString() });
    try {
      const users = await makeUsers(server.url, county, args.connections);
      await run(kind, server.url, users, county.period, args);
    } finally {
      await server.stop();
      await county.drop();
    }
  }
}

async function run(
  kind: DatabaseKind,
  url: string,
  users: SimUser[],
  period: { year: number; month: number },
  args: { duration: number; connections: number },
) {
  const tally = newTally();
  let next = 0;
  const result = await autocannon({
    url,
    connections: users.length,
    duration: args.duration,
    // Placeholder: each client's own cycle replaces it in setupClient.
    requests: [{ method: 'GET', path: '/api/v1/units' }],
    setupClient: (client: autocannon.Client & { setRequests(r: unknown[]): void; on: Function }) => {
      const user = users[next++ % users.length]!;
      const mine = requestsFor(user, period, tally);
      client.setRequests(mine.requests);
      client.on('response', (_status: number, _bytes: number, durationMs: number) => {
        const { kind, label } = mine.last();
        tally.durations[kind].push(durationMs);
        if (!tally.endpoints.has(label)) tally.endpoints.set(label, []);
        tally.endpoints.get(label)!.push(durationMs);
      });
    },
  });
  print(kind, result, tally, users, args);
}

function print(
  kind: DatabaseKind,
  r: autocannon.Result,
  tally: Tally,
  users: SimUser[],
  args: { duration: number; connections: number },
) {
  const all = [...tally.durations.create, ...tally.durations.patch, ...tally.durations.read].sort((a, b) => a - b);
  const p = (xs: number[], q: number) => percentile(xs, q).toFixed(1);
  const line = (label: string, xs: number[]) => {
    const s = [...xs].sort((a, b) => a - b);
    return `${label.padEnd(label.length > 8 ? 64 : 8)} ${String(s.length).padStart(7)} req  p50 ${p(s, 50)}  p95 ${p(s, 95)}  p99 ${p(s, 99)} ms`;
  };
  const editors = users.filter((u) => u.role === 'unit_editor').length;
  const writes = tally.durations.create.length + tally.durations.patch.length;
  const errors = r.errors + r.timeouts;
  const p95 = percentile(all, 95);
  const mark = (ok: boolean) => (ok ? 'ok' : 'MISSED');
  console.log(
    `[${kind}] load: ${args.connections} connections (${editors} editors, ${users.length - editors} leaders/coordinators), ${r.duration.toFixed(0)} s`,
  );
  console.log(
    `[${kind}]   throughput ${r.requests.average.toFixed(0)} req/s (${r.requests.total.toLocaleString()} requests; ${((writes / Math.max(1, all.length)) * 100).toFixed(0)} % writes)`,
  );
  console.log(
    `[${kind}]   latency p50 ${p(all, 50)}  p95 ${p(all, 95)}  p99 ${p(all, 99)} ms  (autocannon: p50 ${r.latency.p50}  p97.5 ${r.latency.p97_5}  p99 ${r.latency.p99}  max ${r.latency.max})`,
  );
  for (const k of ['read', 'create', 'patch'] as Kind[]) console.log(`[${kind}]     ${line(k, tally.durations[k])}`);
  console.log(
    `[${kind}]   non-2xx ${r.non2xx}  errors ${r.errors}  timeouts ${r.timeouts}   aims: 0 errors (${mark(r.non2xx + errors === AIMS.errors)}), p95 < ${AIMS.p95Ms} ms on SQLite (${kind === 'sqlite' ? mark(p95 < AIMS.p95Ms) : `${p95.toFixed(0)} ms here`})`,
  );
  const slowest = [...tally.endpoints].sort(
    ([, a], [, b]) => percentile(b.sort(cmp), 95) - percentile(a.sort(cmp), 95),
  );
  for (const [label, xs] of slowest.slice(0, 6)) console.log(`[${kind}]       ${line(label, xs)}`);
  const statuses = [...tally.status].sort().map(([k, n]) => `${k}: ${n}`);
  console.log(`[${kind}]   answers: ${statuses.join(', ')}`);
  for (const s of tally.samples) console.log(`[${kind}]   not 2xx — ${s}`);
}
