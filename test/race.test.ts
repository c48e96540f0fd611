import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiClient } from './support/client.ts';
import { databaseKinds } from './support/databases.ts';
import type { TestServer } from './support/server.ts';
import { startDemoServer } from './support/demo.ts';

/** The demo's reports run to October 2026; a monthly race ranks October. */
const TODAY = new Date('2026-11-23T10:00:00Z');
const YI = 100_000_000;

const race = (weights: [number, number]) => ({
  name: '2026年项目建设月度赛马',
  periodKind: 'month',
  indicators: [
    { key: 'fixedAssetInvestment', weight: weights[0], method: 'ratioToTarget', params: { cap: 1.2 } },
    { key: 'projectsStarted', weight: weights[1], method: 'efficacyCoefficient', params: {} },
  ],
  topN: 3,
  bottomN: 3,
});

describe.each(await databaseKinds())('targets, races and bulletins on %s', (kind) => {
  let server: TestServer;
  let admin: ApiClient;
  let editor: ApiClient;
  let units: { id: number; name: string; kind: string }[];
  const unit = (name: string) => units.find((u) => u.name === name)!.id;
  const auditCount = async () => (await admin.get('/api/v1/audit?limit=200')).body.items.length;

  beforeAll(async () => {
    server = await startDemoServer(kind, { clock: () => TODAY });
    admin = new ApiClient(server.url);
    await admin.signIn('coordinator', 'lantern-demo');
    editor = new ApiClient(server.url);
    await editor.signIn('lanjiang', 'lantern-demo');
    units = (await admin.get('/api/v1/units')).body.items;
  });
  afterAll(() => server.close());

  it('lets the coordinator set targets in a grid and the township editor read only its own', async () => {
    const res = await admin.request('PUT', '/api/v1/targets', {
      year: 2026,
      items: [
        { unitId: unit('兰江街道'), indicator: 'fixedAssetInvestment', value: 30 * YI },
        { unitId: unit('上华街道'), indicator: 'fixedAssetInvestment', value: 12 * YI },
        { unitId: unit('兰江街道'), indicator: 'projectsStarted', value: 20 },
      ],
    });
    expect(res.status).toBe(200);
    expect(res.body.items).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          unitId: unit('兰江街道'),
          indicator: 'fixedAssetInvestment',
          value: 30 * YI,
          updatedBy: expect.any(String),
        }),
      ]),
    );
    const mine = (await editor.get('/api/v1/targets?year=2026')).body;
    expect(mine.units.map((u: { unitName: string }) => u.unitName)).toEqual(['兰江街道']);
    expect(mine.items.map((i: { unitId: number }) => i.unitId)).toEqual([unit('兰江街道'), unit('兰江街道')]);
    expect(mine.canEdit).toBe(false);
    expect(
      (
        await editor.request('PUT', '/api/v1/targets', {
          year: 2026,
          items: [{ unitId: unit('兰江街道'), indicator: 'fixedAssetInvestment', value: YI }],
        })
      ).status,
    ).toBe(403);
  });

  it.each([
    [
      'a zero target where a ratio is needed',
      { unitId: '兰江街道', indicator: 'fixedAssetInvestment', value: 0 },
      'items.1.value',
      '兰江街道的“固定资产投资”目标应大于 0',
    ],
    [
      'a negative target',
      { unitId: '兰江街道', indicator: 'projectsStarted', value: -3 },
      'items.1.value',
      '目标不能为负数',
    ],
    ['half a project', { unitId: '兰江街道', indicator: 'projectsStarted', value: 2.5 }, 'items.1.value', '应为整数'],
    [
      'an indicator not in the library',
      { unitId: '兰江街道', indicator: 'happiness', value: 3 },
      'items.1.indicator',
      '指标库中没有“happiness”',
    ],
  ])('refuses %s and writes nothing, not even the good rows before it', async (_what, bad, field, message) => {
    const before = await auditCount();
    const res = await admin.request('PUT', '/api/v1/targets', {
      year: 2026,
      items: [
        { unitId: unit('上华街道'), indicator: 'fixedAssetInvestment', value: 99 * YI },
        { ...bad, unitId: unit(bad.unitId) },
      ],
    });
    expect(res.status).toBe(400);
    expect(res.body.error.field).toBe(field);
    expect(res.body.error.message).toContain(message);
    expect(await auditCount()).toBe(before);
    const shanghua = (await admin.get('/api/v1/targets?year=2026')).body.items.find(
      (i: { unitId: number; indicator: string }) =>
        i.unitId === unit('上华街道') && i.indicator === 'fixedAssetInvestment',
    );
    expect(shanghua.value).toBe(12 * YI);
  });

  it('takes statistics Lantern cannot compute with their source, and refuses computed ones', async () => {
    const ok = await admin.request('PUT', '/api/v1/indicator-values', {
      indicator: 'fiscalRevenue',
      year: 2026,
      month: 10,
      items: [{ unitId: unit('兰江街道'), value: 5 * YI, source: '县财政局' }],
    });
    expect(ok.status).toBe(200);
    expect(ok.body.items.find((i: { unitId: number }) => i.unitId === unit('兰江街道'))).toMatchObject({
      value: 5 * YI,
      source: '县财政局',
    });
    const noSource = await admin.request('PUT', '/api/v1/indicator-values', {
      indicator: 'fiscalRevenue',
      year: 2026,
      month: 10,
      items: [{ unitId: unit('上华街道'), value: YI, source: ' ' }],
    });
    expect(noSource.body.error).toMatchObject({ field: 'items.0.source' });
    expect(noSource.body.error.message).toContain('来源');
    const computed = await admin.request('PUT', '/api/v1/indicator-values', {
      indicator: 'fixedAssetInvestment',
      year: 2026,
      month: 10,
      items: [{ unitId: unit('兰江街道'), value: 1, source: 'x' }],
    });
    expect(computed.body.error.message).toBe('“固定资产投资”由系统根据项目和月报自动计算，无需录入');
  });

  it('refuses a race without indicators and warns when the weights do not add up to 100', async () => {
    const none = await admin.post('/api/v1/races', { ...race([60, 40]), indicators: [] });
    expect(none.status).toBe(400);
    expect(none.body.error.message).toBe('赛马至少需要一项指标');
    const badParam = await admin.post('/api/v1/races', {
      ...race([60, 40]),
      indicators: [{ key: 'fixedAssetInvestment', weight: 60, method: 'ratioToTarget', params: { cap: 0.5 } }],
    });
    expect(badParam.body.error).toMatchObject({
      field: 'indicators.0.params.cap',
      message: '完成率封顶值不能小于 1（indicators.0.params.cap）',
    });
    const warned = await admin.post('/api/v1/races', race([60, 30]));
    expect(warned.status).toBe(201);
    expect(warned.body.warnings).toEqual([
      { code: 'WEIGHTS_NOT_100', sum: 90, message: '指标权重合计为 90，应为 100；发布通报前请调整' },
    ]);
    const refused = await admin.post('/api/v1/bulletins', {
      raceId: warned.body.id,
      year: 2026,
      period: 10,
      title: '通报',
      docNumber: '兰项绩办〔2026〕1号',
      commentary: '一、总体情况',
    });
    expect(refused.status).toBe(400);
    expect(refused.body.error.message).toBe('指标权重合计为 90，应为 100，不能发布通报');
    expect((await admin.get(`/api/v1/bulletins?raceId=${warned.body.id}`)).body.items).toEqual([]);
    expect((await admin.request('DELETE', `/api/v1/races/${warned.body.id}`)).status).toBe(204);
  });

  it('ranks the demo county’s townships apart from departments, with shared ranks and no target shown as such', async () => {
    const created = await admin.post('/api/v1/races', race([60, 40]));
    expect(created.body.warnings).toEqual([]);
    // The demo gave every unit with plans a target; take 女埠街道's away.
    expect(
      (
        await admin.request('PUT', '/api/v1/targets', {
          year: 2026,
          items: [{ unitId: unit('女埠街道'), indicator: 'fixedAssetInvestment', value: null }],
        })
      ).status,
    ).toBe(200);
    const r = (await admin.get(`/api/v1/races/${created.body.id}/ranking?year=2026&period=10`)).body;
    expect(r.period).toMatchObject({ kind: 'month', year: 2026, index: 10, endMonth: 10, label: '2026年10月' });
    const townships = r.groups.find((g: { group: string }) => g.group === 'townships');
    const departments = r.groups.find((g: { group: string }) => g.group === 'departments');
    expect(townships.rows.length).toBeGreaterThan(10);
    expect(departments.rows.map((x: { name: string }) => x.name)).not.toContain('兰江街道');
    const totals = townships.rows.map((x: { total: number }) => x.total);
    expect([...totals].sort((a, b) => b - a)).toEqual(totals);
    townships.rows.forEach((row: { rank: number; total: number }, i: number) => {
      const first = townships.rows.findIndex((x: { total: number }) => x.total === row.total);
      expect(row.rank).toBe(first + 1);
      expect(i >= first).toBe(true);
    });
    const noTarget = townships.rows.find((x: { name: string }) => x.name === '女埠街道').breakdown[0];
    expect(noTarget).toMatchObject({ indicator: 'fixedAssetInvestment', target: null, score: null, note: 'noTarget' });
    expect(noTarget.value).toBeGreaterThanOrEqual(0);
    expect(townships.top.length).toBeGreaterThanOrEqual(3);
  });

  it('publishes once: the bulletin keeps its numbers when a report changes afterwards, while a new ranking moves', async () => {
    const raceId = (await admin.get('/api/v1/races')).body.items[0].id;
    const draft = (await admin.get(`/api/v1/races/${raceId}/bulletin-draft?year=2026&period=10`)).body;
    // The demo published three bulletins this year: this is the fourth.
    expect(draft).toMatchObject({ title: '兰溪市2026年10月项目绩效晾晒通报', docNumber: '兰项绩办〔2026〕4号' });
    for (const heading of ['一、总体情况', '二、各单位排名', '三、存在问题', '四、下步要求'])
      expect(draft.commentary).toContain(heading);
    expect(
      (
        await editor.post('/api/v1/bulletins', {
          raceId,
          year: 2026,
          period: 10,
          title: draft.title,
          docNumber: draft.docNumber,
          commentary: draft.commentary,
        })
      ).status,
    ).toBe(403);
    // 女埠街道 has no investment target (above): the check before publishing says so, and the coordinator goes ahead.
    const published = await admin.post('/api/v1/bulletins', {
      raceId,
      year: 2026,
      period: 10,
      title: draft.title,
      docNumber: draft.docNumber,
      commentary: draft.commentary,
      acknowledged: true,
    });
    expect(published.status).toBe(201);
    const again = await admin.post('/api/v1/bulletins', {
      raceId,
      year: 2026,
      period: 10,
      title: draft.title,
      docNumber: '兰项绩办〔2026〕5号',
      commentary: 'x',
    });
    expect(again.status).toBe(409);
    expect(again.body.error.message).toBe('2026年10月的通报已发布（兰项绩办〔2026〕4号），不能重复发布');
    expect(
      (
        await admin.post('/api/v1/bulletins', {
          raceId,
          year: 2026,
          period: 11,
          title: draft.title,
          docNumber: 'x',
          commentary: 'x',
        })
      ).body.error.message,
    ).toBe('2026年11月尚未结束，不能发布通报');

    const lanjiang = (b: { ranking: { groups: { rows: { unitId: number; breakdown: { value: number }[] }[] }[] } }) =>
      b.ranking.groups.flatMap((g) => g.rows).find((x) => x.unitId === unit('兰江街道'))!.breakdown[0]!.value;
    const frozen = lanjiang(published.body);
    // A correction of an October report of 兰江街道, approved after publishing.
    const october = (await admin.get('/api/v1/reports?year=2026&month=10')).body.items as {
      id: number;
      state: string;
      projectId: number;
    }[];
    const projects = (await admin.get(`/api/v1/projects?unitId=${unit('兰江街道')}&limit=200`)).body.items.map(
      (p: { id: number }) => p.id,
    );
    const target = (october as { id: number; state: string; projectId: number; amountYuan: number }[]).find(
      (x) => x.state === 'approved' && x.amountYuan > 100 && projects.includes(x.projectId),
    )!;
    const correction = await admin.post(`/api/v1/reports/${target.id}/corrections`, {
      amountWan: 0.01,
      reason: '剔除重复统计的投资',
    });
    expect(correction.body.error ?? null).toBeNull();
    expect((await admin.post(`/api/v1/reports/${correction.body.id}/approve`)).status).toBe(200);

    expect(lanjiang((await admin.get(`/api/v1/bulletins/${published.body.id}`)).body)).toBe(frozen);
    const live = (await admin.get(`/api/v1/races/${raceId}/ranking?year=2026&period=10`)).body;
    expect(live.publishedBulletinId).toBe(published.body.id);
    expect(lanjiang({ ranking: live })).toBeLessThan(frozen);
  });

  it('downloads the bulletin as a Word document with the ranking table and as a PDF', async () => {
    const id = (await admin.get('/api/v1/bulletins')).body.items[0].id;
    const docx = await admin.getBytes(`/api/v1/bulletins/${id}/docx`);
    expect(docx.status).toBe(200);
    expect(docx.headers.get('content-disposition')).toContain(encodeURIComponent('兰溪市2026年10月项目绩效晾晒通报'));
    const xml = await (await JSZip.loadAsync(docx.body)).file('word/document.xml')!.async('string');
    expect(xml).toContain('<w:tbl>');
    expect(xml).toContain('兰江街道');
    expect(xml).toContain('兰项绩办〔2026〕4号');
    const pdf = await admin.getBytes(`/api/v1/bulletins/${id}/pdf`);
    expect(pdf.headers.get('content-type')).toBe('application/pdf');
    expect(Buffer.from(pdf.body).subarray(0, 5).toString()).toBe('%PDF-');
  });

  it('keeps races and bulletins from enterprises and race changes from editors', async () => {
    const firm = new ApiClient(server.url);
    await firm.signIn('enterprise', 'lantern-demo');
    expect((await firm.get('/api/v1/races')).status).toBe(403);
    expect((await firm.get('/api/v1/bulletins')).status).toBe(403);
    expect((await editor.post('/api/v1/races', race([60, 40]))).status).toBe(403);
    expect((await editor.get('/api/v1/bulletins')).status).toBe(200);
  });

  // role × action → status, written out by hand (200/201 allowed, 403 refused; 400 = allowed past the guard).
  it.each([
    ['admin', 200, 200, 200, 201],
    ['coordinator', 200, 200, 200, 201],
    ['leader', 200, 403, 200, 403],
    ['auditor', 200, 403, 200, 403],
    ['lanjiang', 200, 403, 200, 403],
    ['enterprise', 403, 403, 403, 403],
  ])(
    '%s: read targets %i, set targets %i, read rankings %i, define races %i',
    async (username, readTargets, setTargets, readRanking, defineRace) => {
      const c = new ApiClient(server.url);
      await c.signIn(username, 'lantern-demo');
      const raceId = (await admin.get('/api/v1/races')).body.items[0].id;
      expect((await c.get('/api/v1/targets?year=2026')).status).toBe(readTargets);
      expect(
        (
          await c.request('PUT', '/api/v1/targets', {
            year: 2026,
            items: [{ unitId: unit('兰江街道'), indicator: 'projectsStarted', value: 7 }],
          })
        ).status,
      ).toBe(setTargets);
      expect((await c.get(`/api/v1/races/${raceId}/ranking?year=2026&period=10`)).status).toBe(readRanking);
      expect((await c.post('/api/v1/races', { ...race([60, 40]), name: `${username}的赛马` })).status).toBe(defineRace);
    },
  );
});
