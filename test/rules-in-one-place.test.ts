import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatYi, parseYi, wanText, yiText } from '../src/domain/money/money.ts';
import { formatPoints, formatScore as domainFormatScore } from '../src/domain/progress/time-progress.ts';
import { INDICATORS } from '../src/domain/race/indicators.ts';
import { hasIndicatorData } from '../src/domain/race/metrics.ts';
import { DEFAULT_METHOD, DEFAULT_RATIO_CAP, SCORING_METHODS } from '../src/domain/race/methods/index.ts';
import { checkReportText, REPORT_TEXT_FIELDS } from '../src/domain/reports/report-fields.ts';
import { gapWords } from '../web/src/pages/dashboard/dashboard-format.ts';
import { formatScore, formatValue, parseYiText, yuanToWanText, yuanToYiText } from '../web/src/pages/race/amounts.ts';
import type { ApiClient } from './support/client.ts';
import { databaseKinds } from './support/databases.ts';
import { buildUser, setUpCounty } from './support/factories.ts';
import { tmpDir, writeLedger } from './support/ledgers.ts';
import { buildProject } from './support/projects.ts';
import { startTestServer, type TestServer } from './support/server.ts';

/**
 * Rules that live once in src/domain, seen from the server, an import and the web on one worked example
 * each (issue 12, "rules in one place"): what an actor may do with a report (`can`), the progress-text
 * limit, and points rounded once (29.95 reads "30.0" everywhere).
 */
const TODAY = new Date('2026-11-23T10:00:00Z');
const web = (file: string) => fs.readFileSync(path.join(import.meta.dirname, '../web/src', file), 'utf8');
const NONE = { edit: false, submit: false, approve: false, return: false, correct: false };

describe.each(await databaseKinds())('rules in one place on %s', (kind) => {
  let server: TestServer;
  let admin: ApiClient;
  let editor: ApiClient;
  let unit: (name: string) => { id: number };
  let projectId: number;
  const dir = tmpDir();

  beforeAll(async () => {
    server = await startTestServer(kind, { clock: () => TODAY });
    ({ admin, unit } = await setUpCounty(server.url));
    editor = (
      await buildUser(admin, server.url, { username: 'lanjiang', role: 'unit_editor', unitId: unit('兰江街道').id })
    ).client;
    projectId = (
      await buildProject(admin, unit('兰江街道').id, {
        name: '兰江光膜新材料项目',
        code: '2403-330781-04-01-000001',
        stage: 'construction',
        plannedStartDate: '2026-01-10',
        actualStartDate: '2026-01-20',
        totalInvestmentWan: 20000,
        annualPlans: [{ year: 2026, amountWan: 12000 }],
      })
    ).id;
  });
  afterAll(async () => {
    await server.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  const reportsOf = async (client: ApiClient) =>
    (await client.get(`/api/v1/projects/${projectId}/reports`)).body.items as {
      id: number;
      month: number;
      revision: number;
      can: typeof NONE;
    }[];

  it('returns with each report what the caller may do with it, as the policy and the domain’s states say', async () => {
    const draft = await editor.post(`/api/v1/projects/${projectId}/reports`, { year: 2026, month: 1, amountWan: 100 });
    expect(draft.body.can).toEqual({ ...NONE, edit: true, submit: true });
    const id = draft.body.id as number;
    const submitted = await editor.post(`/api/v1/reports/${id}/submit`);
    // The filer waits; the coordinator reviews.
    expect(submitted.body.can).toEqual(NONE);
    expect((await admin.get(`/api/v1/reports/${id}`)).body.can).toEqual({ ...NONE, approve: true, return: true });
    const returned = await admin.post(`/api/v1/reports/${id}/return`, { reason: '金额有误' });
    expect(returned.body.can).toEqual(
      expect.objectContaining({ approve: false, return: false, edit: true, submit: true }),
    );
    expect((await editor.get(`/api/v1/reports/${id}`)).body.can).toEqual({ ...NONE, edit: true, submit: true });
    await editor.post(`/api/v1/reports/${id}/submit`);
    await admin.post(`/api/v1/reports/${id}/approve`);
    expect((await editor.get(`/api/v1/reports/${id}`)).body.can).toEqual({ ...NONE, correct: true });

    const correction = await editor.post(`/api/v1/reports/${id}/corrections`, { amountWan: 120, reason: '口径调整' });
    expect(correction.status).toBe(201);
    // While a correction waits, the approved revision takes no other; the correction is the coordinator's.
    const mine = await reportsOf(editor);
    expect(mine.find((r) => r.id === id)!.can).toEqual(NONE);
    expect(mine.find((r) => r.id === correction.body.id)!.can).toEqual(NONE);
    const theirs = await reportsOf(admin);
    expect(theirs.find((r) => r.id === correction.body.id)!.can).toEqual({ ...NONE, approve: true, return: true });
    // The month's list says the same as the project's.
    const month = (await editor.get('/api/v1/reports?year=2026&month=1')).body.items as typeof mine;
    for (const r of month) expect(r.can).toEqual(mine.find((x) => x.id === r.id)!.can);
    // The to-do list: this month is filed, February is not.
    const todo = async (m: number) =>
      (await editor.get(`/api/v1/reports/todo?year=2026&month=${m}`)).body.items.find(
        (i: { projectId: number }) => i.projectId === projectId,
      ).can;
    expect(await todo(1)).toEqual({ file: false, edit: false, submit: false });
    expect(await todo(2)).toEqual({ file: true, edit: false, submit: false });
  });

  it('marks as available exactly the indicators the ranking has data for (one domain function)', async () => {
    const listed = (await admin.get('/api/v1/indicators')).body.items as { key: string; available: boolean }[];
    expect(listed.map((i) => [i.key, i.available])).toEqual(INDICATORS.map((i) => [i.key, hasIndicatorData(i)]));
    expect(listed.filter((i) => !i.available).map((i) => i.key)).toEqual([]);
  });

  it('the web acts on report.can and never restates the editable states', () => {
    for (const file of ['ProjectReportsCard.tsx', 'ReportTodoList.tsx', 'ReportFormModal.tsx']) {
      const source = web(`pages/reports/${file}`);
      expect(source, file).toMatch(/\.can\.(edit|submit|approve|return|correct|file)/);
      expect(source, file).not.toMatch(/state === 'draft' \|\| [\w.?]*state === 'returned'/);
      expect(source, file).not.toMatch(/canReview && r\.state/);
    }
  });

  it('takes 1,500 characters of progress from an import row exactly as from the API; the form allows as many', async () => {
    const progress = '主体结构施工'.repeat(250);
    expect(progress).toHaveLength(1500);
    expect(checkReportText('progressText', progress)).toBeNull();
    const api = await editor.post(`/api/v1/projects/${projectId}/reports`, {
      year: 2026,
      month: 2,
      amountWan: 100,
      progressText: progress,
    });
    expect(api.status, JSON.stringify(api.body)).toBe(201);
    expect(api.body.progressText).toBe(progress);
    const tooLong = await editor.post(`/api/v1/projects/${projectId}/reports`, {
      year: 2026,
      month: 3,
      amountWan: 100,
      progressText: `${progress}${'进'.repeat(REPORT_TEXT_FIELDS.progressText.maxLength - 1499)}`,
    });
    expect(tooLong.status).toBe(400);

    const file = await writeLedger(path.join(dir, 'progress.xlsx'), {
      title: '兰江街道2026年3月重点项目进展情况表',
      header: ['序号', '项目名称', '项目代码', '本月完成投资（万元）', '形象进度', '存在问题'],
      sheetName: '月报',
      rows: [[1, '兰江光膜新材料项目', '2403-330781-04-01-000001', 100, progress, null]],
    });
    const form = new FormData();
    form.append('unitId', String(unit('兰江街道').id));
    form.append('ledger', 'reports');
    form.append('file', new Blob([new Uint8Array(fs.readFileSync(file))]), 'progress.xlsx');
    const checked = await editor.postMultipart('/api/v1/imports', form);
    expect(checked.status, JSON.stringify(checked.body)).toBe(201);
    const committed = await editor.post(`/api/v1/imports/${checked.body.id}/commit`);
    expect(committed.body, JSON.stringify(committed.body)).toMatchObject({
      status: 'committed',
      counts: { create: 1, errorRows: 0 },
    });
    const march = (await editor.get('/api/v1/reports?year=2026&month=3')).body.items.find(
      (r: { projectId: number }) => r.projectId === projectId,
    );
    expect(march.progressText).toBe(api.body.progressText);
    // The web form's limit is the same spec.
    expect(web('pages/reports/ReportFormModal.tsx')).toContain('maxLength={REPORT_TEXT_FIELDS.progressText.maxLength}');
  });

  it('29.95 points behind read "30.0" in the domain, in the light’s reason and on the dashboard', async () => {
    expect(formatPoints(29.95)).toBe('30.0');
    // 序时进度 of October is 83.33 %; 6,406 of 12,000 万元 is 53.38 %: 29.95 points behind.
    const p = await buildProject(admin, unit('上华街道').id, {
      name: '上华物流园项目',
      stage: 'construction',
      plannedStartDate: '2026-01-10',
      actualStartDate: '2026-01-20',
      totalInvestmentWan: 20000,
      annualPlans: [{ year: 2026, amountWan: 12000 }],
    });
    for (const [month, amountWan] of [
      [9, 6000],
      [10, 406],
    ] as const) {
      const r = await admin.post(`/api/v1/projects/${p.id}/reports`, { year: 2026, month, amountWan });
      await admin.post(`/api/v1/reports/${r.body.id}/submit`);
      await admin.post(`/api/v1/reports/${r.body.id}/approve`);
    }
    const light = (await admin.get(`/api/v1/projects/${p.id}/light`)).body;
    const progress = light.findings.find((f: { dimension: string }) => f.dimension === 'progress');
    expect(progress.text['zh-CN']).toBe('完成率 53.4%，落后序时进度 30.0 个百分点');
    // The web's dashboard wording, from the exact gap and from the server's rounded one.
    expect(gapWords(-29.95)).toEqual({ direction: 'behind', points: '30.0' });
    const dashboard = (await admin.get(`/api/v1/dashboard?unitId=${unit('上华街道').id}`)).body;
    expect(dashboard.totals.gapPoints).toBe(-30);
    expect(gapWords(dashboard.totals.gapPoints).points).toBe('30.0');
    expect(web('pages/dashboard/DashboardPage.tsx') + web('pages/dashboard/dashboard-charts.ts')).not.toMatch(
      /toFixed\(1\)/,
    );
  });
});

describe('the web converts and rounds with the domain’s functions', () => {
  it('reads and shows money in 亿元 and 万元 through domain/money: one worked example each way', () => {
    expect(parseYiText('2.5')).toEqual({ ok: true, value: parseYi('2.5') });
    expect(parseYiText('2.5')).toEqual({ ok: true, value: 250_000_000 });
    expect(parseYiText('0.000000001')).toEqual({ ok: false, problem: 'amount.tooPrecise' });
    expect(yuanToYiText(123_456_789)).toBe(yiText(123_456_789));
    expect(yuanToWanText(123_456_789)).toBe(wanText(123_456_789));
    expect(formatValue(1_234_567_890, '元')).toBe(formatYi(1_234_567_890));
    // The dashboard's page and its chart options (dashboard-charts.ts), read as one.
    const dashboard = web('pages/dashboard/DashboardPage.tsx') + web('pages/dashboard/dashboard-charts.ts');
    expect(dashboard).toContain('toYiNumber');
    expect(dashboard).not.toMatch(/\/ 1e[468]/);
    expect(web('pages/race/amounts.ts')).not.toMatch(/YUAN_PER_|\/ 1e|\* 1e/);
  });

  it('rounds percentages and scores once, half up, as the domain does (not toFixed)', () => {
    expect(formatValue(29.95, '%')).toBe(`${formatPoints(29.95)}%`);
    expect(formatValue(29.95, '%')).toBe('30.0%');
    expect(formatScore(85.325)).toBe(domainFormatScore(85.325));
    expect(formatScore(85.325)).toBe('85.33');
  });

  it('the race form starts a ratio-to-target row with the domain’s cap and an unchosen method with its default', () => {
    const form = web('pages/race/raceForm.ts');
    expect(form).toContain('cap: DEFAULT_RATIO_CAP');
    expect(form).toContain('method: DEFAULT_METHOD');
    expect(form).not.toMatch(/1\.2\b|'efficacyCoefficient'/);
    expect(DEFAULT_RATIO_CAP).toBe(1.2);
    expect(SCORING_METHODS[DEFAULT_METHOD]).toBeDefined();
    expect(web('pages/race/IndicatorRows.tsx')).toContain('min={MIN_RATIO_CAP}');
  });
});
