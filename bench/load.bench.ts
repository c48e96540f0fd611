import autocannon from 'autocannon';
import type { DatabaseKind } from '../test/support/databases.ts';
import { deadlineDay, seedLoadCounty } from './load-county.ts';
import { makeUsers, newTally, requestsFor, type Kind, type SimUser, type Tally } from './load-mix.ts';
import { spawnLoadServer } from './load-server.ts';
import { percentile } from './stats.ts';

/**
 * Load on the deadline day: a county of N projects (default 5,000) and `connections` simulated users
 * (default 200), each with its own cycle of requests (bench/load-mix.ts: about 70 % reads of lists and
 * dashboards, 30 % monthly reports filed and edited by township editors), driven by autocannon against
 * a server in a process of its own. Two phases per database, and nothing asserted:
 *
 * 1. **Users** (the aims are judged here): for `duration` seconds (default 60) every user sends `rate`
 *    requests a second (default 1: a click a second, several times the pace of a person filling in a
 *    form). autocannon paces each connection by the second, so the users start in 10 groups a tenth
 *    of a second apart rather than all on the same tick.
 * 2. **Saturation** (`saturation` seconds, default 30; 0 skips it): the same users with no pause at
 *    all, each sending its next request the moment the last is answered: what the server can do at
 *    most. Here a request's latency is about connections ÷ throughput by construction (Little's law),
 *    and the load tool shares the machine's cores with the server.
 */
const AIMS = { errors: 0, p95Ms: 200 };
const GROUPS = 10;
const cmp = (a: number, b: number) => a - b;

export interface LoadArgs {
  projects: number;
  databases: DatabaseKind[];
  duration: number;
  connections: number;
  rate: number;
  saturation: number;
}

type UserCycle = { user: SimUser; cycle: ReturnType<typeof requestsFor> };

export async function benchLoad(args: LoadArgs) {
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
      let tally = newTally();
      // One cycle per user for both phases, so a project filed in the first is not filed again.
      const cycles = users.map((user) => ({ user, cycle: requestsFor(user, county.period, () => tally) }));
      const paced = await drive(server.url, cycles, tally, { duration: args.duration, rate: args.rate });
      print(kind, `users at ${args.rate} request/s each`, paced, tally, users, true);
      if (args.saturation > 0) {
        tally = newTally();
        const flat = await drive(server.url, cycles, tally, { duration: args.saturation, rate: 0 });
        print(kind, 'saturation (no pause between requests)', flat, tally, users, false);
      }
    } finally {
      await server.stop();
      await county.drop();
    }
  }
}

interface Totals {
  requests: number;
  seconds: number;
  non2xx: number;
  errors: number;
  timeouts: number;
}

/** Runs the users through autocannon (in staggered groups when paced) and adds up what it counted. */
async function drive(
  url: string,
  cycles: UserCycle[],
  tally: Tally,
  { duration, rate }: { duration: number; rate: number },
): Promise<Totals> {
  const groups = rate > 0 ? GROUPS : 1;
  const size = Math.ceil(cycles.length / groups);
  const runs: Promise<autocannon.Result>[] = [];
  for (let g = 0; g < groups; g++) {
    const mine = cycles.slice(g * size, (g + 1) * size);
    if (!mine.length) break;
    if (g > 0) await new Promise((r) => setTimeout(r, 1000 / groups));
    runs.push(group(url, mine, tally, duration, rate));
  }
  const results = await Promise.all(runs);
  return {
    requests: results.reduce((s, r) => s + r.requests.total, 0),
    seconds: Math.max(...results.map((r) => r.duration)),
    non2xx: results.reduce((s, r) => s + r.non2xx, 0),
    errors: results.reduce((s, r) => s + r.errors, 0),
    timeouts: results.reduce((s, r) => s + r.timeouts, 0),
  };
}

function group(url: string, cycles: UserCycle[], tally: Tally, duration: number, rate: number) {
  let next = 0;
  return autocannon({
    url,
    connections: cycles.length,
    duration,
    ...(rate > 0 ? { connectionRate: rate } : {}),
    // Placeholder: each client's own cycle replaces it in setupClient.
    requests: [{ method: 'GET', path: '/api/v1/units' }],
    setupClient: (client: autocannon.Client & { setRequests(r: unknown[]): void; on: Function }) => {
      const { cycle } = cycles[next++ % cycles.length]!;
      client.setRequests(cycle.requests);
      client.on('response', (_status: number, _bytes: number, durationMs: number) => {
        const { kind, label } = cycle.last();
        tally.durations[kind].push(durationMs);
        if (!tally.endpoints.has(label)) tally.endpoints.set(label, []);
        tally.endpoints.get(label)!.push(durationMs);
      });
    },
  });
}

function print(kind: DatabaseKind, phase: string, t: Totals, tally: Tally, users: SimUser[], judged: boolean) {
  const all = [...tally.durations.create, ...tally.durations.patch, ...tally.durations.read].sort(cmp);
  const p = (xs: number[], q: number) => percentile(xs, q).toFixed(1);
  const line = (label: string, xs: number[]) => {
    const s = [...xs].sort(cmp);
    return `${label.padEnd(label.length > 8 ? 64 : 8)} ${String(s.length).padStart(7)} req  p50 ${p(s, 50)}  p95 ${p(s, 95)}  p99 ${p(s, 99)} ms`;
  };
  const editors = users.filter((u) => u.role === 'unit_editor').length;
  const writes = tally.durations.create.length + tally.durations.patch.length;
  const p95 = percentile(all, 95);
  const mark = (ok: boolean) => (ok ? 'ok' : 'MISSED');
  console.log(
    `[${kind}] ${phase}: ${users.length} users (${editors} editors, ${users.length - editors} leaders/coordinators), ${t.seconds.toFixed(0)} s`,
  );
  console.log(
    `[${kind}]   throughput ${(t.requests / Math.max(1, t.seconds)).toFixed(0)} req/s (${t.requests.toLocaleString()} requests; ${((writes / Math.max(1, all.length)) * 100).toFixed(0)} % writes)`,
  );
  console.log(`[${kind}]   latency p50 ${p(all, 50)}  p95 ${p(all, 95)}  p99 ${p(all, 99)}  max ${p(all, 100)} ms`);
  for (const k of ['read', 'create', 'patch'] as Kind[]) console.log(`[${kind}]     ${line(k, tally.durations[k])}`);
  const verdict = judged
    ? `   aims: 0 errors (${mark(t.non2xx + t.errors + t.timeouts === AIMS.errors)}), p95 < ${AIMS.p95Ms} ms on SQLite (${kind === 'sqlite' ? mark(p95 < AIMS.p95Ms) : `${p95.toFixed(0)} ms here`})`
    : '   (capacity: not an aim)';
  console.log(`[${kind}]   non-2xx ${t.non2xx}  errors ${t.errors}  timeouts ${t.timeouts}${verdict}`);
  // Per endpoint and role, the slowest first, and every role's own figure.
  const slowest = [...tally.endpoints].sort(
    ([, a], [, b]) => percentile(b.sort(cmp), 95) - percentile(a.sort(cmp), 95),
  );
  for (const [label, xs] of slowest.slice(0, 6)) console.log(`[${kind}]       ${line(label, xs)}`);
  for (const role of ['unit_editor', 'leader', 'coordinator']) {
    const xs = [...tally.endpoints].filter(([label]) => label.endsWith(`(${role})`)).flatMap(([, d]) => d);
    console.log(`[${kind}]     ${line(role, xs)}`);
  }
  const statuses = [...tally.status].sort().map(([k, n]) => `${k}: ${n}`);
  console.log(`[${kind}]   answers: ${statuses.join(', ')}`);
  for (const s of tally.samples) console.log(`[${kind}]   not 2xx — ${s}`);
}
