import { ApiClient } from '../test/support/client.ts';
import { ADMIN_PASSWORD, PASSWORD } from '../test/support/factories.ts';
import type { LoadCounty } from './load-county.ts';

/**
 * Who the simulated users are and what each asks, in order, over and over. Three in four are
 * township editors: each owns a slice of its township's projects no other user touches, and in every
 * ten requests files one report for the month (POST, a project of its own not yet filed), edits its
 * drafts three times (PATCH) and reads six times (its to-do list, its projects, a project's reports,
 * the units). The others read as leaders (dashboards, the start list, project pages, units) or as
 * coordinators (the county's filing status and to-do list, project pages, the dashboard). So about
 * 70 % of requests read and 30 % write, and no two users write the same (project, month): any
 * answer that is not 2xx is a real error.
 */
export type Role = 'unit_editor' | 'leader' | 'coordinator';

export interface SimUser {
  role: Role;
  username: string;
  unitId: number;
  /** For an editor, its own projects; for a reader, the townships it looks at. */
  projectIds: number[];
  cookie: string;
  csrf: string;
}

export type Kind = 'create' | 'patch' | 'read';

export interface Tally {
  status: Map<string, number>;
  durations: Record<Kind, number[]>;
  /** Durations per endpoint (method and path pattern, as the user's role asks it). */
  endpoints: Map<string, number[]>;
  /** A few bodies of answers that were not 2xx, for the report. */
  samples: string[];
}

export const newTally = (): Tally => ({
  status: new Map(),
  durations: { create: [], patch: [], read: [] },
  endpoints: new Map(),
  samples: [],
});

/** The users for `connections` connections: 3/4 editors spread over the townships, the rest leaders and coordinators. */
export async function makeUsers(url: string, county: LoadCounty, connections: number): Promise<SimUser[]> {
  const admin = new ApiClient(url);
  await admin.signIn('admin', ADMIN_PASSWORD);
  const units = await admin.get<{ items: { id: number; parentId: number | null }[] }>('/api/v1/units');
  const root = units.body.items.find((u) => u.parentId === null)!.id;
  const editors = Math.round(connections * 0.75);
  const ts = county.townships.filter((t) => t.projectIds.length);
  const specs: Omit<SimUser, 'cookie' | 'csrf'>[] = [];
  for (let i = 0; i < connections; i++) {
    if (i < editors) {
      const t = ts[i % ts.length]!;
      // The k-th of this township's n editors takes every n-th of its projects, starting at k.
      const n = Math.floor(editors / ts.length) + (i % ts.length < editors % ts.length ? 1 : 0);
      const k = Math.floor(i / ts.length);
      const own = t.projectIds.filter((_, j) => j % n === k);
      specs.push({ role: 'unit_editor', username: `editor${i}`, unitId: t.id, projectIds: own });
    } else {
      const role: Role = i % 2 ? 'leader' : 'coordinator';
      specs.push({ role, username: `${role}${i}`, unitId: root, projectIds: ts.map((t) => t.id) });
    }
  }
  // Creating a user and signing in each hash a password (scrypt): a few at a time.
  const users: SimUser[] = [];
  for (let i = 0; i < specs.length; i += 8) {
    const chunk = await Promise.all(
      specs.slice(i, i + 8).map(async (s) => {
        const res = await admin.post('/api/v1/users', {
          username: s.username,
          displayName: s.username,
          password: PASSWORD,
          role: s.role,
          unitId: s.unitId,
        });
        if (res.status !== 201) throw new Error(`creating ${s.username}: ${res.status} ${JSON.stringify(res.body)}`);
        const client = new ApiClient(url);
        await client.signIn(s.username, PASSWORD);
        const cookie = `lantern_session=${client.cookie('lantern_session')}; lantern_csrf=${client.cookie('lantern_csrf')}`;
        return { ...s, cookie, csrf: client.cookie('lantern_csrf')! };
      }),
    );
    users.push(...chunk);
  }
  return users;
}

interface Req {
  method?: string;
  path?: string;
  headers?: Record<string, string>;
  body?: string;
  setupRequest: (req: Req) => Req;
  onResponse: (status: number, body: string) => void;
}

const WORDS = ['兰溪', '纺织', '光膜', 'lxfz', '产业园', '新材料', 'yzzn', '改造'];

/**
 * One user's requests, as autocannon's per-client `requests` array (set in `setupClient`). The user's
 * state (projects still to file, drafts) lives as long as the array, so one array serves every phase;
 * the answers are counted in whichever tally `tallyOf` gives at the time.
 */
export function requestsFor(user: SimUser, period: { year: number; month: number }, tallyOf: () => Tally) {
  const state = { lastKind: 'read' as Kind, lastLabel: '', pool: [...user.projectIds], drafts: [] as number[], i: 0 };
  const headers = { cookie: user.cookie, 'x-csrf-token': user.csrf, 'content-type': 'application/json' };
  const month = `year=${period.year}&month=${period.month}`;
  const pick = <T>(xs: readonly T[]) => xs[state.i++ % xs.length]!;
  const record = (kind: Kind, label: string) => (status: number, body: string) => {
    const tally = tallyOf();
    state.lastKind = kind;
    state.lastLabel = `${label} (${user.role})`;
    const key = `${kind} ${status}`;
    tally.status.set(key, (tally.status.get(key) ?? 0) + 1);
    if (status >= 300 && tally.samples.length < 10) tally.samples.push(`${key}: ${body.slice(0, 300)}`);
    if (kind === 'create' && status === 201) state.drafts.push(JSON.parse(body).id);
  };
  const get = (path: () => string): Req => {
    let label = '';
    return {
      setupRequest: (req) => {
        const p = path();
        label = `GET ${p.replace(/(?<=[/=])\d+(?=[/&]|$)/g, 'N').replace(/q=[^&]*/, 'q=…')}`;
        return { ...req, method: 'GET', path: p, headers: { ...headers } };
      },
      onResponse: (status, body) => record('read', label)(status, body),
    };
  };
  const patch = (): Req => {
    let kind: Kind = 'patch';
    return {
      setupRequest: (req) => {
        kind = state.drafts.length ? 'patch' : 'read';
        if (!state.drafts.length)
          return { ...req, method: 'GET', path: `/api/v1/reports/todo?${month}`, headers: { ...headers } };
        const id = pick(state.drafts);
        const body = JSON.stringify({
          amountWan: (50 + (state.i % 400) / 4).toFixed(2),
          progressText: `第${state.i}次保存`,
        });
        return { ...req, method: 'PATCH', path: `/api/v1/reports/${id}`, headers: { ...headers }, body };
      },
      onResponse: (status, body) =>
        record(kind, kind === 'patch' ? 'PATCH /api/v1/reports/N' : 'GET /api/v1/reports/todo')(status, body),
    };
  };
  const create = (): Req => {
    let fallback: Req | null = null;
    return {
      setupRequest: (req) => {
        const projectId = state.pool.shift();
        // Every own project filed: the slot edits a draft instead.
        if (projectId === undefined) return (fallback ??= patch()).setupRequest(req);
        const body = JSON.stringify({ ...period, amountWan: 120, progressText: '主体施工中', problems: '' });
        return { ...req, method: 'POST', path: `/api/v1/projects/${projectId}/reports`, headers: { ...headers }, body };
      },
      onResponse: (status, body) =>
        fallback
          ? fallback.onResponse(status, body)
          : record('create', 'POST /api/v1/projects/N/reports')(status, body),
    };
  };
  const townships = user.projectIds;
  const requests: Req[] =
    user.role === 'unit_editor'
      ? [
          create(),
          get(() => `/api/v1/reports/todo?${month}`),
          patch(),
          get(() => `/api/v1/projects?unitId=${user.unitId}&stage=construction&limit=50`),
          get(() => `/api/v1/projects/${pick(user.projectIds)}/reports`),
          patch(),
          get(() => '/api/v1/units'),
          patch(),
          get(() => `/api/v1/projects?unitId=${user.unitId}&q=${encodeURIComponent(pick(WORDS))}&limit=50`),
          get(() => `/api/v1/reports/todo?${month}`),
        ]
      : user.role === 'leader'
        ? [
            get(() => '/api/v1/dashboard'),
            get(() => `/api/v1/dashboard?unitId=${pick(townships)}`),
            get(() => `/api/v1/projects?list=start&year=${period.year}&listStatus=pending&limit=50`),
            get(() => `/api/v1/projects?unitId=${pick(townships)}&stage=construction&limit=50`),
            get(() => '/api/v1/units'),
          ]
        : [
            get(() => `/api/v1/reports/status?${month}`),
            get(() => `/api/v1/reports/todo?${month}`),
            get(() => `/api/v1/projects?stage=preparing&unitId=${pick(townships)}&limit=50`),
            get(() => '/api/v1/dashboard'),
            get(() => '/api/v1/units'),
          ];
  return { requests, last: () => ({ kind: state.lastKind, label: state.lastLabel }) };
}
