import fs from 'node:fs';
import path from 'node:path';
import { expect } from 'vitest';
import type { ApiClient } from './client.ts';
import type { DatabaseKind } from './databases.ts';
import { buildUser, setUpCounty } from './factories.ts';
import { tmpDir, writeLedger, type LedgerCell, type LedgerSpec } from './ledgers.ts';
import { buildProject } from './projects.ts';
import { startTestServer, type TestServer } from './server.ts';

/** Reports are checked against a fixed today: 2026-11-23 (October's reports were due on 2026-11-03). */
export const TODAY = new Date('2026-11-23T10:00:00Z');
export const HEADER = ['序号', '项目名称', '项目代码', '本月完成投资（万元）', '形象进度', '存在问题'];
export const code = (n: number) => `2403-330781-04-01-${String(n).padStart(6, '0')}`;

export type UnitByName = (name: string) => { id: number };

/**
 * A server for 兰溪市 on a fixed today, with the administrator, an editor of 兰江街道, and the projects
 * the ledgers report on, by key: same-named ones among them, in 兰江街道 and in 上华街道.
 */
export async function startReportsCounty(kind: DatabaseKind) {
  const ids: Record<string, number> = {};
  const server = await startTestServer(kind, { clock: () => TODAY });
  const { admin, unit } = await setUpCounty(server.url);
  const editor = (
    await buildUser(admin, server.url, {
      username: 'lanjiang',
      role: 'unit_editor',
      unitId: unit('兰江街道').id,
      displayName: '兰江填报员',
    })
  ).client;
  const build = async (key: string, unitName: string, body: Record<string, unknown>) =>
    (ids[key] = (
      await buildProject(admin, unit(unitName).id, {
        stage: 'construction',
        plannedStartDate: '2026-01-10',
        actualStartDate: '2026-01-20',
        totalInvestmentWan: 20000,
        ...body,
      })
    ).id);
  await build('glass', '兰江街道', { name: '兰江光膜新材料项目', code: code(1) });
  await build('housing', '兰江街道', { name: '兰江安置房工程' });
  await build('school', '兰江街道', { name: '兰江中心小学扩建工程', code: code(3), totalInvestmentWan: 500 });
  await build('other', '上华街道', { name: '上华物流园项目', code: code(4) });
  await build('twinA', '兰江街道', { name: '同名道路工程' });
  await build('twinB', '上华街道', { name: '同名道路工程' });
  return { server, admin, editor, unit, ids };
}

/**
 * Writing, uploading and reading back for monthly-report ledger imports. The server and units are read
 * when each helper runs, so the helpers can be made before `beforeAll` starts the server.
 */
export function reportImports(county: () => { server: TestServer; unit: UnitByName }) {
  const dir = tmpDir();
  let fileNo = 0;

  const ledger = (spec: Partial<LedgerSpec> & { rows: Iterable<LedgerCell[]> }) =>
    writeLedger(path.join(dir, `reports-${fileNo++}.xlsx`), {
      title: '兰江街道2026年10月重点项目进展情况表',
      header: HEADER,
      sheetName: '月报',
      ...spec,
    });
  const upload = async (
    client: ApiClient,
    file: string,
    o: { unitName?: string; reportState?: string; ledger?: string } = {},
  ) => {
    const form = new FormData();
    form.append('unitId', String(county().unit(o.unitName ?? '兰江街道').id));
    form.append('ledger', o.ledger ?? 'reports');
    if (o.reportState) form.append('reportState', o.reportState);
    form.append('file', new Blob([new Uint8Array(fs.readFileSync(file))]), path.basename(file));
    return client.postMultipart('/api/v1/imports', form);
  };
  const uploaded = async (client: ApiClient, file: string, o: Parameters<typeof upload>[2] = {}) => {
    const res = await upload(client, file, o);
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    return res.body;
  };
  const reportsOf = (projectId: number) =>
    county()
      .server.db.kysely.selectFrom('monthly_reports')
      .selectAll()
      .where('project_id', '=', projectId)
      .orderBy('year')
      .orderBy('month')
      .orderBy('revision')
      .execute();
  const count = async (table: 'monthly_reports' | 'audit_events') =>
    Number(
      (
        await county()
          .server.db.kysely.selectFrom(table)
          .select((eb) => eb.fn.countAll().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );
  const done = async (unitName: string, year: number, month: number) =>
    Number(
      (
        await county()
          .server.db.kysely.selectFrom('unit_stats')
          .select('value')
          .where('unit_id', '=', county().unit(unitName).id)
          .where('year', '=', year)
          .where('month', '=', month)
          .where('metric', '=', 'done')
          .executeTakeFirst()
      )?.value ?? 0,
    );

  return { dir, ledger, upload, uploaded, reportsOf, count, done };
}
