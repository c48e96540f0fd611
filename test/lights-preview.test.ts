import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApiClient } from './support/client.ts';
import { databaseKinds } from './support/databases.ts';
import { buildUser, setUpCounty } from './support/factories.ts';
import { buildProject } from './support/projects.ts';
import { startTestServer, type TestServer } from './support/server.ts';

/** Today is 2026-11-23: lights assess October 2026 (序时进度 10/12 = 83.33 %). */
const TODAY = new Date('2026-11-23T10:00:00Z');

/** Tighter progress red (behind by more than 15 points), and a late report no longer yellow. */
const PROPOSAL = {
  progress: { enabled: true, yellowFromPoints: 10, redAbovePoints: 15 },
  report: { lateIsYellow: false },
};

type Counts = Record<'red' | 'yellow' | 'green' | 'grey', number>;

describe.each(await databaseKinds())('previewing a light rule change on %s', (kind) => {
  let server: TestServer;
  let admin: ApiClient;
  let editor: ApiClient;
  let leader: ApiClient;
  const ids: Record<string, number> = {};

  beforeAll(async () => {
    server = await startTestServer(kind, { clock: () => TODAY });
    const county = await setUpCounty(server.url);
    admin = county.admin;
    editor = (
      await buildUser(admin, server.url, {
        username: 'lanjiang',
        role: 'unit_editor',
        unitId: county.unit('兰江街道').id,
      })
    ).client;
    leader = (
      await buildUser(admin, server.url, { username: 'leader', role: 'leader', unitId: county.unit('兰溪市').id })
    ).client;
    const build = async (key: string, unitName: string, body: Record<string, unknown>, monthly?: number) => {
      ids[key] = (await buildProject(admin, county.unit(unitName).id, body)).id;
      for (let month = 1; monthly && month <= 10; month++) {
        const r = await admin.post(`/api/v1/projects/${ids[key]}/reports`, { year: 2026, month, amountWan: monthly });
        await admin.post(`/api/v1/reports/${r.body.id}/submit`);
        await admin.post(`/api/v1/reports/${r.body.id}/approve`);
      }
    };
    const started = {
      stage: 'construction',
      plannedStartDate: '2026-01-10',
      actualStartDate: '2026-01-20',
      totalInvestmentWan: 20000,
      annualPlans: [{ year: 2026, amountWan: 12000 }],
    };
    // 8,000 of 12,000 万元: 16.7 points behind, and reports filed late — yellow today, red under the proposal.
    await build('behind', '兰江街道', { ...started, name: '兰江街道安置房工程' }, 800);
    // 10,000 of 12,000 万元: level with 序时进度, yellow only for late reports — green under the proposal.
    await build('level', '上华街道', { ...started, name: '上华物流园项目' }, 1000);
    // No report at all: red either way.
    await build('silent', '游埠镇', {
      ...started,
      name: '游埠镇污水处理厂',
      annualPlans: [{ year: 2026, amountWan: 3000 }],
    });
    await build('planning', '兰江街道', {
      name: '兰江文旅综合体谋划项目',
      stage: 'planning',
      totalInvestmentWan: 50000,
    });
  });
  afterAll(() => server.close());

  const preview = (client: ApiClient, body: unknown) => client.post('/api/v1/light-rules/preview', body);
  /** Everything a save would touch: the rule sets, every light, each month's light, the audit trail. */
  const stored = async () => {
    const k = server.db.kysely;
    return {
      rules: (await admin.get('/api/v1/light-rules')).body,
      lights: await k.selectFrom('project_lights').selectAll().orderBy('project_id').execute(),
      months: await k
        .selectFrom('project_light_months')
        .selectAll()
        .orderBy('project_id')
        .orderBy('year')
        .orderBy('month')
        .execute(),
      audit: Number(
        (
          await k
            .selectFrom('audit_events')
            .select((eb) => eb.fn.countAll().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      ),
    };
  };
  const countsOf = (lights: { colour: string }[]) => {
    const out: Counts = { red: 0, yellow: 0, green: 0, grey: 0 };
    for (const l of lights) out[l.colour as keyof Counts]++;
    return out;
  };

  it('shows the colours before and after, and each project that changes with its new reasons, storing nothing', async () => {
    const before = await stored();
    const res = await preview(admin, PROPOSAL);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    const p = res.body;
    expect(p).toMatchObject({
      currentVersion: 0,
      nextVersion: 1,
      today: '2026-11-23',
      period: { year: 2026, month: 10 },
      projects: 4,
    });
    expect(p.before).toEqual(countsOf(before.lights));
    expect(p.before).toEqual({ red: 1, yellow: 2, green: 0, grey: 1 });
    expect(p.after).toEqual({ red: 2, yellow: 0, green: 1, grey: 1 });
    expect(p.transitions).toEqual([
      { from: 'yellow', to: 'red', count: 1 },
      { from: 'yellow', to: 'green', count: 1 },
    ]);
    expect(p.changed).toMatchObject({ total: 2, limit: 500 });
    expect(
      p.changed.items.map((c: { name: string; unitName: string; from: string; to: string }) => [
        c.name,
        c.unitName,
        c.from,
        c.to,
      ]),
    ).toEqual([
      ['兰江街道安置房工程', '兰江街道', 'yellow', 'red'],
      ['上华物流园项目', '上华街道', 'yellow', 'green'],
    ]);
    const [behind, level] = p.changed.items;
    expect(behind.projectId).toBe(ids.behind);
    expect(behind.findings.map((f: { text: { 'zh-CN': string } }) => f.text['zh-CN'])).toEqual([
      expect.stringContaining('落后序时进度 16.7 个百分点'),
    ]);
    expect(level.findings).toEqual([]);
    expect(await stored()).toEqual(before);
  });

  it('gives the counts, colours and reasons that saving the rules then stores', async () => {
    const p = (await preview(admin, PROPOSAL)).body;
    const before = await stored();
    const saved = await admin.put('/api/v1/light-rules', PROPOSAL);
    expect(saved.status).toBe(200);
    expect(saved.body.version).toBe(p.nextVersion);
    const after = await stored();
    expect(countsOf(after.lights)).toEqual(p.after);
    const changedIds = new Set(p.changed.items.map((c: { projectId: number }) => c.projectId));
    for (const light of after.lights) {
      const item = p.changed.items.find((c: { projectId: number }) => c.projectId === light.project_id);
      const was = before.lights.find((l) => l.project_id === light.project_id)!;
      if (!changedIds.has(light.project_id)) {
        expect(light.colour).toBe(was.colour);
        continue;
      }
      expect([was.colour, light.colour]).toEqual([item.from, item.to]);
      expect(JSON.parse(light.findings_json)).toEqual(item.findings);
    }
    // With the rules saved, previewing them again changes nothing.
    const again = (await preview(admin, PROPOSAL)).body;
    expect(again).toMatchObject({
      currentVersion: 1,
      nextVersion: 2,
      before: p.after,
      after: p.after,
      transitions: [],
      changed: { total: 0, items: [] },
    });
  });

  it('is the coordinator’s, as saving is: 403 for a unit editor or a leader, 401 without a session', async () => {
    const before = await stored();
    for (const client of [editor, leader]) {
      const res = await preview(client, PROPOSAL);
      expect(res.status).toBe(403);
      expect(res.body.error.code).toBe('FORBIDDEN');
    }
    const anonymous = await fetch(`${server.url}/api/v1/light-rules/preview`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(PROPOSAL),
    });
    expect(anonymous.status).toBe(401);
    expect(await stored()).toEqual(before);
  });

  it.each([
    [
      { progress: { yellowFromPoints: 40, redAbovePoints: 30 } },
      'progress.yellowFromPoints',
      '投资进度规则：黄灯阈值不能高于红灯阈值（yellowFromPoints）',
    ],
    [{ start: { redFromMonths: 'three' } }, 'start.redFromMonths', '开工规则的 redFromMonths 应为数字'],
    [{ weather: { enabled: true } }, 'weather', '不认识的亮灯维度'],
  ])('refuses a bad rule set %j with 400 naming %s', async (body, field, message) => {
    const before = await stored();
    const res = await preview(admin, body);
    expect(res.status).toBe(400);
    expect(res.body.error).toMatchObject({ code: 'VALIDATION', field });
    expect(res.body.error.message).toContain(message);
    expect(await stored()).toEqual(before);
  });
});
