import fs from 'node:fs';
import path from 'node:path';
import { expect } from 'vitest';
import type { ApiClient } from './client.ts';
import type { DatabaseKind } from './databases.ts';
import { buildUser, setUpCounty } from './factories.ts';
import { tmpDir, writeLedger, type LedgerCell, type LedgerSpec } from './ledgers.ts';
import { startTestServer, type TestServer } from './server.ts';

/** Imports are checked against a fixed today: 2026-11-23. */
export const TODAY = new Date('2026-11-23T10:00:00Z');

export const HEADER = [
  '序号',
  '项目名称',
  '项目代码',
  '建设性质',
  '项目类别',
  '国民经济行业',
  '投资类型',
  '审批方式',
  '项目阶段',
  '总投资（万元）',
  '计划开工时间',
  '实际开工时间',
  '标签',
];
/** A good row of the standard ledger: 序号, name, code, …, total 万元, planned start, actual start, tags. */
export const good = (
  n: number,
  name: string,
  code: string | null,
  overrides: Partial<Record<number, LedgerCell>> = {},
): LedgerCell[] => {
  const row: LedgerCell[] = [
    n,
    name,
    code,
    '新建',
    '产业',
    'C17',
    '企业投资',
    '备案',
    '前期',
    3000,
    '2027年3月',
    null,
    '纺织',
  ];
  for (const [i, v] of Object.entries(overrides)) row[Number(i)] = v as LedgerCell;
  return row;
};
export const code = (n: number) => `2403-330781-04-01-${String(n).padStart(6, '0')}`;

export type UnitByName = (name: string) => { id: number };

/** A server for 兰溪市 on a fixed today, with the administrator and an editor of 兰江街道. */
export async function startImportsCounty(kind: DatabaseKind) {
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
  return { server, admin, editor, unit };
}

/**
 * Writing, uploading and counting for project-ledger imports. The server and units are read when
 * each helper runs, so the helpers can be made before `beforeAll` starts the server.
 */
export function ledgerImports(county: () => { server: TestServer; unit: UnitByName }) {
  const dir = tmpDir();
  let fileNo = 0;

  const ledger = (spec: Partial<LedgerSpec> & { rows: Iterable<LedgerCell[]> }) =>
    writeLedger(path.join(dir, `ledger-${fileNo++}.xlsx`), {
      title: '兰江街道2026年重点项目台账',
      header: HEADER,
      ...spec,
    });
  const upload = (client: ApiClient, bytes: Buffer, fileName: string, unitName = '兰江街道') => {
    const form = new FormData();
    form.append('unitId', String(county().unit(unitName).id));
    form.append('file', new Blob([new Uint8Array(bytes)]), fileName);
    return client.postMultipart('/api/v1/imports', form);
  };
  const uploadFile = async (client: ApiClient, file: string, unitName = '兰江街道') => {
    const res = await upload(client, fs.readFileSync(file), path.basename(file), unitName);
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    return res.body;
  };
  const projectCount = async () =>
    Number(
      (
        await county()
          .server.db.kysely.selectFrom('projects')
          .select((eb) => eb.fn.countAll().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );
  const importCount = async () =>
    Number(
      (
        await county()
          .server.db.kysely.selectFrom('imports')
          .select((eb) => eb.fn.countAll().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );
  const byCode = (c: string) =>
    county().server.db.kysely.selectFrom('projects').selectAll().where('code', '=', c).executeTakeFirst();

  return { dir, ledger, upload, uploadFile, projectCount, importCount, byCode };
}
