import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApiClient } from './support/client.ts';
import { databaseKinds } from './support/databases.ts';
import { buildUser, setUpCounty } from './support/factories.ts';
import { buildProject, projectBody } from './support/projects.ts';
import { startTestServer, type TestServer } from './support/server.ts';

describe.each(await databaseKinds())('projects on %s', (kind) => {
  let server: TestServer;
  let admin: ApiClient;
  let unit: (name: string) => { id: number };
  let lanjiangEditor: ApiClient;
  beforeAll(async () => {
    server = await startTestServer(kind);
    ({ admin, unit } = await setUpCounty(server.url));
    lanjiangEditor = (
      await buildUser(admin, server.url, { username: 'lanjiang', role: 'unit_editor', unitId: unit('兰江街道').id })
    ).client;
  });
  afterAll(() => server.close());

  const count = async (client: ApiClient = admin) =>
    (await client.get('/api/v1/projects?withTotal=true&limit=1')).body.total as number;

  it('creates a project with every group of fields, derives 亿元以上, and audits it', async () => {
    const res = await lanjiangEditor.post(
      '/api/v1/projects',
      projectBody(unit('兰江街道').id, {
        name: '兰溪纺织年产5万吨差别化纤维项目',
        code: '2403-330781-04-01-123456',
        level: 'municipal',
        townshipUnitId: unit('兰江街道').id,
        ownerName: '浙江兰溪纺织有限公司',
        ownerCreditCode: '91330781MA2E123456',
        landAreaMu: 85.5,
        totalInvestmentWan: '15000.5',
        fixedAssetInvestmentWan: 12000,
        annualPlans: [
          { year: 2026, amountWan: 6000 },
          { year: 2027, amountWan: 6000 },
        ],
        plannedStartDate: '2026-03-01',
        plannedCompletionDate: '2027-06-30',
        plannedProductionDate: '2027-09-30',
        tags: ['纺织', '新材料', '纺织'],
      }),
    );
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      stage: 'planning',
      totalInvestmentYuan: 150_005_000,
      isAboveYi: true,
      landAreaMu: 85.5,
      industryName: '纺织业',
      leadUnitName: '兰江街道',
      tags: ['纺织', '新材料'],
      annualPlans: [
        { year: 2026, amountYuan: 60_000_000 },
        { year: 2027, amountYuan: 60_000_000 },
      ],
      allowedNextStages: ['reserve', 'dropped'],
    });
    expect(res.body.stageHistory).toHaveLength(1);
    const audit = (await admin.get(`/api/v1/audit?objectType=project&objectId=${res.body.id}`)).body.items;
    expect(audit[0]).toMatchObject({
      action: 'project.create',
      after: { name: '兰溪纺织年产5万吨差别化纤维项目', total_investment: 150_005_000 },
    });
  });

  it.each([
    ['a missing name', { name: undefined }, 'name', '名称'],
    [
      'a start after the completion',
      { plannedStartDate: '2027-08-01', plannedCompletionDate: '2027-06-30' },
      'plannedCompletionDate',
      '计划竣工日期不能早于计划开工日期',
    ],
    ['a negative amount', { totalInvestmentWan: -5 }, 'totalInvestmentWan', '总投资不能为负数'],
    ['an absurd amount', { totalInvestmentWan: '99999999999' }, 'totalInvestmentWan', '超过 1 万亿元'],
    ['a zero amount', { totalInvestmentWan: 0 }, 'totalInvestmentWan', '总投资必须大于 0'],
    ['an unknown unit', { leadUnitId: 99999 }, 'leadUnitId', '责任单位不存在'],
    ['an unknown industry', { industryCode: '99' }, 'industryCode', 'GB/T 4754'],
    ['a malformed project code', { code: '2403-330781-04-01' }, 'code', '24 位'],
    [
      'an actual start in construction-less stage',
      { stage: 'preparing', actualStartDate: '2026-01-05' },
      'actualStartDate',
      '尚未开工',
    ],
    ['construction without an actual start', { stage: 'construction' }, 'actualStartDate', '须填写实际开工日期'],
    [
      'fixed assets above the total',
      { fixedAssetInvestmentWan: 5000 },
      'fixedAssetInvestmentWan',
      '固定资产投资不能超过总投资',
    ],
  ])('refuses %s with a field-level message and stores nothing', async (_what, overrides, field, message) => {
    const before = await count();
    const res = await admin.post('/api/v1/projects', projectBody(unit('兰江街道').id, overrides));
    expect(res.status).toBe(400);
    expect(res.body.error.field).toBe(field);
    expect(res.body.error.message).toContain(message);
    expect(await count()).toBe(before);
  });

  it('refuses a duplicate project code with 409 naming the other project', async () => {
    const res = await admin.post(
      '/api/v1/projects',
      projectBody(unit('上华街道').id, { code: '2403-330781-04-01-123456' }),
    );
    expect(res.status).toBe(409);
    expect(res.body.error.message).toContain('兰溪纺织年产5万吨差别化纤维项目');
    // Someone who may not see that project learns only that the code is taken.
    const shanghua = (
      await buildUser(admin, server.url, { username: 'shanghua', role: 'unit_editor', unitId: unit('上华街道').id })
    ).client;
    const hidden = await shanghua.post(
      '/api/v1/projects',
      projectBody(unit('上华街道').id, { code: '2403-330781-04-01-123456' }),
    );
    expect(hidden.status).toBe(409);
    expect(hidden.body.error.message).toBe('项目代码 2403-330781-04-01-123456 已被其他项目使用');
  });

  it('answers in English on request', async () => {
    const en = await admin.request(
      'POST',
      '/api/v1/projects',
      projectBody(unit('兰江街道').id, { totalInvestmentWan: -1 }),
      { headers: { 'accept-language': 'en' } },
    );
    expect(en.body.error.message).toBe('Total investment cannot be negative');
  });

  it('moves a project along the lifecycle with preconditions, keeping the history', async () => {
    const p = await buildProject(lanjiangEditor, unit('兰江街道').id, {
      name: '兰江街道安置小区工程',
      stage: 'preparing',
      kind: 'social',
      industryCode: '47',
      investmentType: 'government',
      approvalMode: 'approval',
      plannedStartDate: '2026-04-01',
    });
    const noDate = await lanjiangEditor.post(`/api/v1/projects/${p.id}/transitions`, { to: 'construction' });
    expect(noDate.status).toBe(400);
    expect(noDate.body.error).toMatchObject({ field: 'actualStartDate', message: '变更为“在建”须填写实际开工日期' });
    const skip = await lanjiangEditor.post(`/api/v1/projects/${p.id}/transitions`, { to: 'capacity' });
    expect(skip.body.error.message).toBe('不能从“前期”变更为“达产”；可变更为：储备、在建、停缓建、退库');
    expect((await admin.get(`/api/v1/projects/${p.id}`)).body.stage).toBe('preparing');
    const started = await lanjiangEditor.post(`/api/v1/projects/${p.id}/transitions`, {
      to: 'construction',
      actualStartDate: '2026-04-10',
    });
    expect(started.status).toBe(200);
    expect(started.body).toMatchObject({ stage: 'construction', actualStartDate: '2026-04-10' });
    const back = await lanjiangEditor.post(`/api/v1/projects/${p.id}/transitions`, { to: 'preparing' });
    expect(back.body.error.field).toBe('reason');
    const backed = await lanjiangEditor.post(`/api/v1/projects/${p.id}/transitions`, {
      to: 'preparing',
      reason: '施工许可被撤回',
    });
    // Back in 前期 the start did not count: the actual date is cleared, the audit keeps it.
    expect(backed.status).toBe(200);
    expect(backed.body).toMatchObject({ stage: 'preparing', actualStartDate: null });
    const [event] = (await admin.get(`/api/v1/audit?objectType=project&objectId=${p.id}`)).body.items;
    expect(event).toMatchObject({
      action: 'project.transition',
      before: { stage: 'construction', actual_start_date: '2026-04-10' },
      after: { stage: 'preparing', actual_start_date: null },
    });
    const history = (await admin.get(`/api/v1/projects/${p.id}`)).body.stageHistory;
    expect(
      history.map((h: { from: string | null; to: string; reason: string | null }) => [h.from, h.to, h.reason]),
    ).toEqual([
      ['construction', 'preparing', '施工许可被撤回'],
      ['preparing', 'construction', null],
      [null, 'preparing', '入库'],
    ]);
    expect(history[0].actorName).toBe('lanjiang');
  });

  it('edits a project, re-checking the rules and auditing only what changed', async () => {
    const p = await buildProject(admin, unit('游埠镇').id, {
      name: '游埠古镇文旅提升工程',
      kind: 'social',
      industryCode: '87',
      plannedStartDate: '2026-05-01',
    });
    const bad = await admin.patch(`/api/v1/projects/${p.id}`, { plannedCompletionDate: '2026-01-01' });
    expect(bad.status).toBe(400);
    const ok = await admin.patch(`/api/v1/projects/${p.id}`, { totalInvestmentWan: 12000, tags: ['文旅'] });
    expect(ok.body).toMatchObject({ totalInvestmentYuan: 120_000_000, isAboveYi: true, tags: ['文旅'] });
    const [event] = (await admin.get(`/api/v1/audit?objectType=project&objectId=${p.id}`)).body.items;
    expect(event).toMatchObject({
      action: 'project.update',
      before: { total_investment: 30_000_000, is_above_yi: 0 },
      after: { total_investment: 120_000_000, is_above_yi: 1 },
    });
    expect(Object.keys(event.after).sort()).toEqual(['is_above_yi', 'tags', 'total_investment']);
  });

  it('scopes projects by the lead unit: an editor neither sees nor changes another township’s', async () => {
    const other = await buildProject(admin, unit('上华街道').id, { name: '上华街道智能装备产业园' });
    expect((await lanjiangEditor.get(`/api/v1/projects/${other.id}`)).status).toBe(404);
    expect((await lanjiangEditor.patch(`/api/v1/projects/${other.id}`, { name: '改名' })).status).toBe(404);
    expect((await lanjiangEditor.post(`/api/v1/projects/${other.id}/transitions`, { to: 'reserve' })).status).toBe(404);
    expect((await lanjiangEditor.post('/api/v1/projects', projectBody(unit('上华街道').id))).status).toBe(403);
    const names = (await lanjiangEditor.get('/api/v1/projects?limit=200')).body.items.map(
      (p: { name: string }) => p.name,
    );
    expect(names).not.toContain('上华街道智能装备产业园');
    expect(names).toContain('兰江街道安置小区工程');
    // Moving one's own project to another township's lead unit is also refused.
    const mine = (await lanjiangEditor.get('/api/v1/projects?q=安置')).body.items[0];
    expect(
      (await lanjiangEditor.patch(`/api/v1/projects/${mine.id}`, { leadUnitId: unit('上华街道').id })).status,
    ).toBe(403);
    expect((await admin.get(`/api/v1/projects/${other.id}`)).body.name).toBe('上华街道智能装备产业园');
  });

  it('keeps projects with their unit when the unit moves, and keeps a unit with projects from deletion', async () => {
    const park = (
      await admin.post('/api/v1/units', { parentId: unit('兰溪市').id, name: '光膜小镇', kind: 'platform' })
    ).body;
    const p = await buildProject(admin, park.id, { name: '光膜小镇标准厂房项目' });
    const refused = await admin.delete(`/api/v1/units/${park.id}`);
    expect(refused.status).toBe(409);
    expect(refused.body.error.message).toBe('“光膜小镇”还有 1 个项目，不能删除');
    expect((await lanjiangEditor.get(`/api/v1/projects/${p.id}`)).status).toBe(404);
    expect((await admin.patch(`/api/v1/units/${park.id}`, { parentId: unit('兰江街道').id })).status).toBe(200);
    // Now below 兰江街道, the project answers to 兰江街道's editor.
    expect((await lanjiangEditor.get(`/api/v1/projects/${p.id}`)).body.name).toBe('光膜小镇标准厂房项目');
    expect(
      (await admin.get(`/api/v1/projects?unitId=${unit('兰江街道').id}&q=${encodeURIComponent('标准厂房')}`)).body
        .items,
    ).toHaveLength(1);
  });
});
