import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApiClient } from './support/client.ts';
import { databaseKinds } from './support/databases.ts';
import { setUpCounty } from './support/factories.ts';
import { tmpDir, writeLedger } from './support/ledgers.ts';
import { buildProject, projectBody } from './support/projects.ts';
import { startTestServer, type TestServer } from './support/server.ts';

/** Reports are dated against a fixed today: 2026-11-23. */
const TODAY = new Date('2026-11-23T10:00:00Z');

/**
 * Amounts in 万元 finer than one 元 are refused in every form — JSON number, text, ledger cell —
 * naming the field, storing nothing; never rounded to the nearest 元 (issue 10). Each amount is
 * written into the JSON text as it stands here, so `1e-7` and `-0` reach the server as such.
 */
const REFUSED: [json: string, message: string][] = [
  ['0.00005', '最多保留 4 位小数'], // half a 元: was stored as 1 元
  ['"0.00005"', '最多保留 4 位小数'],
  ['1234.56785', '最多保留 4 位小数'], // was stored as 1234.5679 万元
  ['"1234.56785"', '最多保留 4 位小数'],
  ['1e-7', '最多保留 4 位小数'], // was stored as 0
  ['1e21', '超过 1 万亿元'],
];

describe.each(await databaseKinds())('money input on %s', (kind) => {
  let server: TestServer;
  let admin: ApiClient;
  let lanjiang: number;
  let projectId: number;
  let reportId: number;
  const dir = tmpDir();

  beforeAll(async () => {
    server = await startTestServer(kind, { clock: () => TODAY });
    const county = await setUpCounty(server.url);
    admin = county.admin;
    lanjiang = county.unit('兰江街道').id;
    projectId = (
      await buildProject(admin, lanjiang, {
        name: '兰江街道安置房工程',
        stage: 'construction',
        plannedStartDate: '2026-01-10',
        actualStartDate: '2026-01-20',
        totalInvestmentWan: 20000,
        fixedAssetInvestmentWan: 18000,
        annualPlans: [{ year: 2026, amountWan: 12000 }],
      })
    ).id;
    reportId = (await admin.post(`/api/v1/projects/${projectId}/reports`, { year: 2026, month: 3, amountWan: '1500' }))
      .body.id;
  });
  afterAll(async () => {
    await server.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  /** Sends `template` with AMOUNT replaced by the JSON text of the amount, untouched by JSON.stringify. */
  const send = (method: string, url: string, template: Record<string, unknown>, amount: string) =>
    admin.request(method, url, undefined, { rawBody: JSON.stringify(template).replace('"AMOUNT"', amount) });
  const count = async (table: 'projects' | 'monthly_reports' | 'audit_events') =>
    Number(
      (
        await server.db.kysely
          .selectFrom(table)
          .select((eb) => eb.fn.countAll().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );
  const counts = async () => ({
    projects: await count('projects'),
    reports: await count('monthly_reports'),
    audit: await count('audit_events'),
  });
  const expectRefused = (
    res: { status: number; body: { error: { field?: string; message: string } } },
    field: string,
    message: string,
  ) => {
    expect(res.status, JSON.stringify(res.body)).toBe(400);
    expect(res.body.error.field).toBe(field);
    expect(res.body.error.message).toContain(message);
  };

  it.each(REFUSED)(
    'refuses %s 万元 on every money field of a new project, storing nothing',
    async (amount, message) => {
      const before = await counts();
      const body = (overrides: Record<string, unknown>) =>
        projectBody(lanjiang, { name: '兰江金额测试项目', ...overrides });
      expectRefused(
        await send('POST', '/api/v1/projects', body({ totalInvestmentWan: 'AMOUNT' }), amount),
        'totalInvestmentWan',
        `总投资${message}`,
      );
      expectRefused(
        await send('POST', '/api/v1/projects', body({ fixedAssetInvestmentWan: 'AMOUNT' }), amount),
        'fixedAssetInvestmentWan',
        `固定资产投资${message}`,
      );
      expectRefused(
        await send('POST', '/api/v1/projects', body({ annualPlans: [{ year: 2026, amountWan: 'AMOUNT' }] }), amount),
        'annualPlans',
        message,
      );
      expect(await counts()).toEqual(before);
    },
  );

  it.each(REFUSED)('refuses %s 万元 when a project is edited, leaving it as it was', async (amount, message) => {
    const before = (await admin.get(`/api/v1/projects/${projectId}`)).body;
    const audit = await count('audit_events');
    const url = `/api/v1/projects/${projectId}`;
    expectRefused(await send('PATCH', url, { totalInvestmentWan: 'AMOUNT' }, amount), 'totalInvestmentWan', message);
    expectRefused(
      await send('PATCH', url, { fixedAssetInvestmentWan: 'AMOUNT' }, amount),
      'fixedAssetInvestmentWan',
      message,
    );
    expectRefused(
      await send('PATCH', url, { annualPlans: [{ year: 2026, amountWan: 'AMOUNT' }] }, amount),
      'annualPlans',
      message,
    );
    expect((await admin.get(url)).body).toEqual(before);
    expect(await count('audit_events')).toBe(audit);
  });

  it.each(REFUSED)(
    'refuses %s 万元 in a monthly report filed, edited or corrected, filing nothing',
    async (amount, message) => {
      const before = await counts();
      const reports = () => admin.get(`/api/v1/projects/${projectId}/reports`).then((r) => r.body);
      const listed = await reports();
      expectRefused(
        await send(
          'POST',
          `/api/v1/projects/${projectId}/reports`,
          { year: 2026, month: 4, amountWan: 'AMOUNT' },
          amount,
        ),
        'amountWan',
        `金额${message}`,
      );
      expectRefused(
        await send('PATCH', `/api/v1/reports/${reportId}`, { amountWan: 'AMOUNT' }, amount),
        'amountWan',
        message,
      );
      expect(await counts()).toEqual(before);
      expect(await reports()).toEqual(listed);
    },
  );

  it('refuses an amount finer than one 元 in a correction of an approved report', async () => {
    const approved = (
      await admin.post(`/api/v1/projects/${projectId}/reports`, { year: 2026, month: 5, amountWan: 800 })
    ).body.id;
    await admin.post(`/api/v1/reports/${approved}/submit`);
    await admin.post(`/api/v1/reports/${approved}/approve`);
    const before = await counts();
    for (const [amount, message] of REFUSED) {
      expectRefused(
        await send(
          'POST',
          `/api/v1/reports/${approved}/corrections`,
          { amountWan: 'AMOUNT', reason: '漏报设备款' },
          amount,
        ),
        'amountWan',
        message,
      );
    }
    expect(await counts()).toEqual(before);
  });

  it('takes 176.35 and 12345.6789 sent as JSON numbers to the 元, and -0 as zero', async () => {
    const created = await send(
      'POST',
      '/api/v1/projects',
      projectBody(lanjiang, {
        name: '兰江精确金额项目',
        totalInvestmentWan: 'AMOUNT',
        fixedAssetInvestmentWan: 176.35,
      }),
      '12345.6789',
    );
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    expect(created.body).toMatchObject({ totalInvestmentYuan: 123_456_789, fixedAssetInvestmentYuan: 1_763_500 });
    const zero = await send(
      'PATCH',
      `/api/v1/projects/${created.body.id}`,
      { fixedAssetInvestmentWan: 'AMOUNT' },
      '-0',
    );
    expect(zero.status, JSON.stringify(zero.body)).toBe(200);
    expect(Object.is(zero.body.fixedAssetInvestmentYuan, 0)).toBe(true);
    // A total of -0 万元 is zero, which a total may not be: refused as zero, not as negative.
    expectRefused(
      await send('PATCH', `/api/v1/projects/${created.body.id}`, { totalInvestmentWan: 'AMOUNT' }, '-0'),
      'totalInvestmentWan',
      '必须大于 0',
    );
    const report = await send(
      'POST',
      `/api/v1/projects/${projectId}/reports`,
      { year: 2026, month: 6, amountWan: 'AMOUNT' },
      '176.35',
    );
    expect(report.status, JSON.stringify(report.body)).toBe(201);
    expect(report.body.amountYuan).toBe(1_763_500);
  });

  it('refuses ledger cells finer than one 元, as numbers or as text, naming the cell', async () => {
    const file = await writeLedger(path.join(dir, 'reports.xlsx'), {
      title: '兰江街道2026年10月重点项目进展情况表',
      header: ['序号', '项目名称', '本月完成投资（万元）'],
      sheetName: '月报',
      rows: [
        [1, '兰江街道安置房工程', 0.00005],
        [2, '兰江街道安置房工程', '1234.56785'],
        [3, '兰江街道安置房工程', 1234.56785],
        [4, '兰江街道安置房工程', 1e-7],
      ],
    });
    const form = new FormData();
    form.append('unitId', String(lanjiang));
    form.append('ledger', 'reports');
    form.append('file', new Blob([new Uint8Array(fs.readFileSync(file))]), 'reports.xlsx');
    const uploaded = await admin.postMultipart('/api/v1/imports', form);
    expect(uploaded.status, JSON.stringify(uploaded.body)).toBe(201);
    const before = await counts();
    const checked = await admin.post(`/api/v1/imports/${uploaded.body.id}/dry-run`);
    const messages = Object.fromEntries(
      checked.body.errors.map((e: { cell: string; message: string }) => [e.cell, e.message]),
    );
    for (const cell of ['C3', 'C4', 'C5', 'C6']) expect(messages[cell], JSON.stringify(messages)).toContain('精确到元');
    expect((await counts()).reports).toBe(before.reports);
  });
});
