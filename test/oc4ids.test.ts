import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  MILESTONE_CODES,
  ROLES,
  SECTOR_BY_DIVISION,
  SECTOR_BY_KIND,
  SECTOR_BY_SECTION,
  STATUS_BY_STAGE,
  TYPE_BY_NATURE,
} from '../src/domain/exchange/oc4ids-codes.ts';
import { PROJECT_KINDS } from '../src/domain/projects/project-fields.ts';
import { ApiClient, type ApiResponse } from './support/client.ts';
import { databaseKinds } from './support/databases.ts';
import { codelist, packageValidator } from './support/oc4ids.ts';
import type { TestServer } from './support/server.ts';
import { startDemoServer } from './support/demo.ts';

const PREFIX = 'oc4ids-test42-';
const validate = packageValidator();

type Value = { amount: number; currency: string };
type Project = {
  id: string;
  status: string;
  type: string;
  sector: string[];
  budget: { amount: Value };
  publicAuthority: { id: string; name: string };
  parties: { id: string; name: string; roles: string[]; identifier?: { scheme: string; id: string } }[];
  locations?: { geometry?: { type: string; coordinates: number[] } }[];
  milestones?: { id: string; type: string; code?: string; status: string; dueDate?: string; dateMet?: string }[];
  metrics?: { id: string; observations: { id: string; value: Value }[] }[];
  forecasts?: { id: string; observations: { id: string; value: Value }[] }[];
};
type Package = {
  version: string;
  uri: string;
  publishedDate: string;
  publisher: { name: string };
  projects: Project[];
};
type Summary = {
  id: number;
  stage: string;
  totalInvestmentYuan: number;
  leadUnitName: string;
  actualStartDate: string | null;
};

/** The stage → status table of DESIGN §3.11, written out independently of the code under test. */
const EXPECTED_STATUS: Record<string, string[]> = {
  planning: ['identification'],
  reserve: ['identification'],
  preparing: ['preparation'],
  construction: ['implementation'],
  completed: ['completion'],
  production: ['maintenance'],
  capacity: ['maintenance'],
  suspended: ['preparation', 'implementation'],
  dropped: ['cancelled'],
};

/** Every `{ amount, currency }` in a document, wherever it sits. */
function valuesIn(node: unknown, out: Value[] = []): Value[] {
  if (Array.isArray(node)) for (const n of node) valuesIn(n, out);
  else if (node && typeof node === 'object') {
    if ('currency' in node) out.push(node as Value);
    for (const n of Object.values(node)) valuesIn(n, out);
  }
  return out;
}

const lantern = (p: Project) => Number(p.id.slice(PREFIX.length));

describe.each(await databaseKinds())('OC4IDS export of the demo county on %s', (kind) => {
  let server: TestServer;
  let admin: ApiClient;
  let pkg: Package;
  let byId: Map<number, Project>;
  let summaries: Summary[];
  let unitId: (name: string) => number;

  beforeAll(async () => {
    server = await startDemoServer(kind, { env: { LANTERN_OC4IDS_PREFIX: PREFIX } });
    admin = new ApiClient(server.url);
    await admin.signIn('admin', 'lantern-demo');
    const res = await admin.get<Package>('/api/v1/oc4ids');
    expect(res.status).toBe(200);
    pkg = res.body;
    byId = new Map(pkg.projects.map((p) => [lantern(p), p]));
    summaries = [];
    let cursor: string | null = null;
    do {
      const page: { body: { items: Summary[]; nextCursor: string | null } } = await admin.get(
        `/api/v1/projects?limit=200${cursor ? `&cursor=${cursor}` : ''}`,
      );
      summaries.push(...page.body.items);
      cursor = page.body.nextCursor;
    } while (cursor);
    const units = (await admin.get<{ items: { id: number; name: string }[] }>('/api/v1/units')).body.items;
    unitId = (name) => units.find((u) => u.name === name)!.id;
  });
  afterAll(() => server?.close());

  const signedIn = async (username: string) => {
    const client = new ApiClient(server.url);
    await client.signIn(username, 'lantern-demo');
    return client;
  };

  it('returns the whole library as one package that validates against the copied OC4IDS 0.9.5 schema', async () => {
    const ok = validate(pkg);
    expect(validate.errors?.slice(0, 10) ?? [], 'schema errors').toEqual([]);
    expect(ok).toBe(true);
    expect(pkg.projects).toHaveLength(300);
    expect(pkg).toMatchObject({ version: '0.9', uri: `${server.url}/api/v1/oc4ids`, publisher: { name: '兰溪市' } });
    expect(new Set(pkg.projects.map((p) => p.id)).size).toBe(300);
    expect(pkg.projects.every((p) => p.id.startsWith(PREFIX))).toBe(true);
    expect([...byId.keys()].sort((a, b) => a - b)).toEqual(summaries.map((s) => s.id).sort((a, b) => a - b));
    const res = await admin.get('/api/v1/oc4ids?stage=dropped');
    expect(res.headers.get('content-type')).toMatch(/^application\/json/);
    expect(res.headers.get('content-disposition')).toBeNull();
  });

  it('the validator itself refuses a package with a wrong status, currency or date', () => {
    const broken = structuredClone(pkg);
    broken.projects[0]!.status = 'suspended';
    broken.projects[1]!.budget.amount.currency = 'RMB';
    broken.publishedDate = '2026-01-01';
    expect(validate(broken)).toBe(false);
    expect(validate.errors!.map((e) => e.instancePath).sort()).toEqual([
      '/projects/0/status',
      '/projects/1/budget/amount/currency',
      '/publishedDate',
    ]);
  });

  it('writes only codes from the copied codelists, also in the fields whose codelist the schema leaves open', () => {
    const lists = Object.fromEntries(
      [
        'projectStatus',
        'projectType',
        'projectSector',
        'metricID',
        'milestoneType',
        'milestoneCode',
        'milestoneStatus',
        'partyRole',
        'currency',
        'geometryType',
        'classificationScheme',
      ].map((n) => [n, codelist(n)]),
    );
    const offList: string[] = [];
    const check = (list: string, code: string | undefined, where: string) => {
      if (code !== undefined && !lists[list]!.has(code)) offList.push(`${where}: ${list} ${code}`);
    };
    for (const p of pkg.projects) {
      check('projectStatus', p.status, p.id);
      check('projectType', p.type, p.id);
      for (const s of p.sector) check('projectSector', s, p.id);
      // A subsector comes with its parent.
      for (const s of p.sector.filter((x) => x.includes('.'))) expect(p.sector, p.id).toContain(s.split('.')[0]);
      for (const m of [...(p.metrics ?? []), ...(p.forecasts ?? [])]) check('metricID', m.id, p.id);
      for (const m of p.milestones ?? []) {
        check('milestoneType', m.type, p.id);
        check('milestoneCode', m.code, p.id);
        check('milestoneStatus', m.status, p.id);
      }
      for (const party of p.parties) for (const role of party.roles) check('partyRole', role, p.id);
      for (const l of p.locations ?? []) check('geometryType', l.geometry?.type, p.id);
      for (const v of valuesIn(p)) check('currency', v.currency, p.id);
      // classificationScheme is open, and GB/T 4754 is not in it: the one documented extension.
      for (const c of (p as { additionalClassifications?: { scheme: string }[] }).additionalClassifications ?? []) {
        if (c.scheme !== 'CN-GBT4754-2017') check('classificationScheme', c.scheme, p.id);
      }
    }
    expect(offList).toEqual([]);
    // The demo county exercises most of the tables.
    expect(new Set(pkg.projects.map((p) => p.status)).size).toBe(6);
    expect(new Set(pkg.projects.flatMap((p) => p.milestones ?? []).map((m) => m.status))).toEqual(
      new Set(['met', 'notMet', 'scheduled']),
    );
  });

  it('has every code its mapping tables can produce in the copied codelists', () => {
    const sectors = [SECTOR_BY_DIVISION, SECTOR_BY_SECTION].flatMap((table) =>
      Object.values(table).flatMap((rule) =>
        typeof rule === 'function' ? PROJECT_KINDS.flatMap((k) => rule(k)) : rule,
      ),
    );
    const produced: [string, string][] = [
      ...Object.values(STATUS_BY_STAGE).map((c) => ['projectStatus', c] as [string, string]),
      ...Object.values(TYPE_BY_NATURE).map((c) => ['projectType', c] as [string, string]),
      ...[...sectors, ...Object.values(SECTOR_BY_KIND).flat()].map((c) => ['projectSector', c] as [string, string]),
      ...Object.values(MILESTONE_CODES).flatMap(
        ({ type, code }) => [['milestoneType', type], ...(code ? [['milestoneCode', code]] : [])] as [string, string][],
      ),
      ...[...ROLES.leadUnit, ...ROLES.owner('enterprise'), ...ROLES.owner('government')].map(
        (c) => ['partyRole', c] as [string, string],
      ),
    ];
    expect(produced.filter(([list, code]) => !codelist(list).has(code))).toEqual([]);
  });

  it('maps each stage to its projectStatus; a 在建 project is implementation', () => {
    for (const s of summaries) expect(EXPECTED_STATUS[s.stage], `${s.id} ${s.stage}`).toContain(byId.get(s.id)!.status);
    const building = summaries.filter((s) => s.stage === 'construction');
    expect(building.length).toBeGreaterThan(10);
    expect(building.map((s) => byId.get(s.id)!.status)).toEqual(building.map(() => 'implementation'));
  });

  it('carries money as whole 元 in CNY, the budget being the total investment', () => {
    for (const s of summaries)
      expect(byId.get(s.id)!.budget).toEqual({ amount: { amount: s.totalInvestmentYuan, currency: 'CNY' } });
    const values = pkg.projects.flatMap((p) => valuesIn(p));
    expect(values.length).toBeGreaterThan(1000);
    expect(values.filter((v) => v.currency !== 'CNY' || !Number.isInteger(v.amount) || v.amount < 0)).toEqual([]);
  });

  it('marks the start milestone met exactly when the project has an actual start date', () => {
    for (const s of summaries) {
      const start = byId.get(s.id)!.milestones?.find((m) => m.id === 'start');
      if (s.actualStartDate)
        expect(start, String(s.id)).toMatchObject({
          status: 'met',
          dateMet: `${s.actualStartDate}T00:00:00+08:00`,
          code: 'commencement',
        });
      else expect(start?.status ?? 'none', String(s.id)).not.toBe('met');
    }
  });

  it('names the lead unit as public authority and the owner by its credit code, and places the site', async () => {
    // Those the library was entered with (a deal's project comes with no owner's code or site): newest first.
    const fromDeals = new Set(
      (await server.db.kysely.selectFrom('deals').select('project_id').execute()).map((d) => d.project_id),
    );
    const sample = summaries.filter((s) => s.stage === 'construction' && !fromDeals.has(s.id)).slice(0, 15);
    let withCode = 0;
    let withPoint = 0;
    for (const s of sample) {
      const detail = (await admin.get(`/api/v1/projects/${s.id}`)).body;
      const p = byId.get(s.id)!;
      expect(p.publicAuthority.name).toBe(detail.leadUnitName);
      expect(p.parties.find((x) => x.id === p.publicAuthority.id)!.roles).toContain('publicAuthority');
      if (detail.ownerCreditCode) {
        withCode++;
        expect(p.parties.find((x) => x.identifier?.id === detail.ownerCreditCode)).toMatchObject({
          name: detail.ownerName,
          identifier: { scheme: 'CN-USCC' },
        });
      }
      if (detail.longitude !== null) {
        withPoint++;
        expect(p.locations![0]!.geometry).toEqual({ type: 'Point', coordinates: [detail.longitude, detail.latitude] });
      }
    }
    expect(withCode).toBeGreaterThan(0);
    expect(withPoint).toBeGreaterThan(0);
  });

  it('turns approved current monthly reports into financialProgress observations summing to the approved amounts', async () => {
    let checked = 0;
    for (const s of summaries.filter((x) => x.stage === 'construction')) {
      const reports = (await admin.get(`/api/v1/projects/${s.id}/reports`)).body.items as {
        year: number;
        month: number;
        amountYuan: number;
        state: string;
        isCurrent: boolean;
      }[];
      const approved = reports
        .filter((r) => r.isCurrent && r.state === 'approved')
        .sort((a, b) => a.year - b.year || a.month - b.month);
      const metric = byId.get(s.id)!.metrics?.find((m) => m.id === 'financialProgress');
      if (!approved.length) {
        expect(metric, String(s.id)).toBeUndefined();
        continue;
      }
      expect(metric!.observations.map((o) => o.id)).toEqual(
        approved.map((r) => `${r.year}-${String(r.month).padStart(2, '0')}`),
      );
      expect(metric!.observations.reduce((sum, o) => sum + o.value.amount, 0)).toBe(
        approved.reduce((sum, r) => sum + r.amountYuan, 0),
      );
      if (++checked === 5) break;
    }
    expect(checked).toBe(5);
  });

  it('counts a correction only once it is approved', async () => {
    const coordinator = await signedIn('coordinator');
    const target = pkg.projects.find((p) => (p.metrics?.[0]?.observations.length ?? 0) >= 2)!;
    const id = lantern(target);
    const [year, month] = target.metrics![0]!.observations[0]!.id.split('-').map(Number);
    const report = (
      (await admin.get(`/api/v1/projects/${id}/reports`)).body.items as {
        id: number;
        year: number;
        month: number;
        isCurrent: boolean;
      }[]
    ).find((r) => r.year === year && r.month === month && r.isCurrent)!;
    const correction = await coordinator.post(`/api/v1/reports/${report.id}/corrections`, {
      amountWan: 1.2345,
      reason: '漏报设备款',
    });
    expect(correction.status).toBe(201);
    const observed = async () =>
      (
        await admin.get<Package>(`/api/v1/oc4ids?unitId=${unitId(summaries.find((s) => s.id === id)!.leadUnitName)}`)
      ).body.projects.find((p) => p.id === target.id)!.metrics![0]!.observations[0]!.value.amount;
    expect(await observed()).toBe(target.metrics![0]!.observations[0]!.value.amount);
    expect((await coordinator.post(`/api/v1/reports/${correction.body.id}/approve`)).status).toBe(200);
    expect(await observed()).toBe(12_345);
  });

  it('gives the 兰江街道 editor only 兰江街道 projects, the same as their project list', async () => {
    const editor = await signedIn('lanjiang');
    const mine = (await editor.get<Package>('/api/v1/oc4ids')).body;
    expect(validate(mine)).toBe(true);
    expect(mine.projects.length).toBeGreaterThan(0);
    expect(mine.projects.length).toBeLessThan(300);
    expect(new Set(mine.projects.map((p) => p.publicAuthority.name))).toEqual(new Set(['兰江街道']));
    const listed = (await editor.get('/api/v1/projects?limit=200')).body.items
      .map((p: { id: number }) => p.id)
      .sort((a: number, b: number) => a - b);
    expect(mine.projects.map(lantern).sort((a, b) => a - b)).toEqual(listed);
    // The same subtree chosen by an administrator, and nothing of another township for the editor.
    const chosen = (await admin.get<Package>(`/api/v1/oc4ids?unitId=${unitId('兰江街道')}`)).body;
    expect(chosen.projects.map((p) => p.id)).toEqual(mine.projects.map((p) => p.id));
    expect((await editor.get(`/api/v1/oc4ids?unitId=${unitId('游埠镇')}`)).status).toBe(404);
  });

  it('refuses enterprises (403) and people not signed in (401)', async () => {
    const enterprise = await signedIn('enterprise');
    const refused = await enterprise.get('/api/v1/oc4ids');
    expect(refused.status).toBe(403);
    expect(refused.body.error.code).toBe('FORBIDDEN');
    expect((await new ApiClient(server.url).get('/api/v1/oc4ids')).status).toBe(401);
  });

  it('filters by stage and answers 404 for an empty selection or an unknown unit, 400 for a bad stage or cursor', async () => {
    const building = (await admin.get<Package>('/api/v1/oc4ids?stage=construction,completed')).body.projects;
    expect(building.length).toBe(summaries.filter((s) => s.stage === 'construction' || s.stage === 'completed').length);
    expect(new Set(building.map((p) => p.status))).toEqual(new Set(['implementation', 'completion']));
    expect((await admin.get('/api/v1/oc4ids?unitId=999999')).status).toBe(404);
    expect((await admin.get('/api/v1/oc4ids?stage=finished')).status).toBe(400);
    const badCursor = await admin.get('/api/v1/oc4ids?limit=10&cursor=nonsense');
    expect(badCursor.status).toBe(400);
    expect(badCursor.body.error.field).toBe('cursor');
  });

  it('pages with limit and the Link header’s next cursor, each page a valid package, without gaps or repeats', async () => {
    const ids: string[] = [];
    let path: string | null = '/api/v1/oc4ids?limit=120';
    let pages = 0;
    while (path) {
      const res: ApiResponse<Package> = await admin.get<Package>(path);
      expect(res.status).toBe(200);
      expect(validate(res.body), path).toBe(true);
      ids.push(...res.body.projects.map((p) => p.id));
      const link: string | null = res.headers.get('link');
      const next = link ? new URL(/^<([^>]+)>; rel="next"$/.exec(link)![1]!) : null;
      if (next) expect(next.origin).toBe(server.url);
      path = next ? next.pathname + next.search : null;
      pages++;
    }
    expect(pages).toBe(3);
    expect(ids).toEqual(pkg.projects.map((p) => p.id));
  });

  it('offers the package as a file with download=1', async () => {
    const res = await admin.get('/api/v1/oc4ids?download=1&stage=dropped');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-disposition')).toMatch(
      /^attachment; filename="oc4ids-330781-\d{4}-\d{2}-\d{2}\.json"$/,
    );
    expect(validate(res.body)).toBe(true);
  });
});
