import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApiClient } from './support/client.ts';
import { databaseKinds } from './support/databases.ts';
import { buildUser } from './support/factories.ts';
import { code, good, HEADER, ledgerImports, startImportsCounty, type UnitByName } from './support/imports.ts';
import type { TestServer } from './support/server.ts';

// 责任单位 in a county's ledger: a coordinator's import goes into the county, so rows naming a township are
// accepted; a row naming no unit is an error at its cell, in the check and in the commit alike.

describe.each(await databaseKinds())('the responsible unit of imported rows on %s', (kind) => {
  let server: TestServer;
  let admin: ApiClient;
  let coordinator: ApiClient;
  let unit: UnitByName;
  let rootId: number;
  const { dir, ledger, upload, projectCount, byCode } = ledgerImports(() => ({ server, unit }));

  beforeAll(async () => {
    ({ server, admin, unit } = await startImportsCounty(kind));
    rootId = (await admin.get('/api/v1/units')).body.items.find((u: { parentId: number | null }) => !u.parentId).id;
    const department = await admin.post('/api/v1/units', { parentId: rootId, name: '发改局', kind: 'department' });
    expect(department.status, JSON.stringify(department.body)).toBe(201);
    coordinator = (
      await buildUser(admin, server.url, { username: 'coordinator', role: 'coordinator', unitId: department.body.id })
    ).client;
  });
  afterAll(async () => {
    await server.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  /** An upload that names no unit, as the coordinator's first upload does. */
  const uploadWithoutUnit = async (client: ApiClient, file: string) => {
    const form = new FormData();
    form.append('file', new Blob([new Uint8Array(fs.readFileSync(file))]), '兰溪市重点项目台账.xlsx');
    const res = await client.postMultipart('/api/v1/imports', form);
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    return res.body as { id: number; unitId: number; unitName: string; mapping: { columns: Record<string, string> } };
  };

  const countyLedger = () =>
    ledger({
      header: [...HEADER, '责任单位'],
      rows: [
        [...good(1, '上华街道纺织项目', code(101)), '上华街道'],
        [...good(2, '游埠镇光膜项目', code(102)), '游埠镇'],
        [...good(3, '没有责任单位的项目', code(103)), null],
        [...good(4, '发改局本级项目', code(104)), '发改局'],
      ],
    });

  it('puts a coordinator’s import into the county, where township rows are accepted and a blank 责任单位 is an error at its cell', async () => {
    const file = await countyLedger();
    const imported = await uploadWithoutUnit(coordinator, file);
    expect(imported).toMatchObject({ unitId: rootId, unitName: '兰溪市' });
    const before = await projectCount();

    const check = await coordinator.post(`/api/v1/imports/${imported.id}/dry-run`);
    expect(check.status).toBe(200);
    expect(check.body).toMatchObject({ status: 'invalid', counts: { rows: 4, errorRows: 1, create: 3 } });
    expect(check.body.errors).toEqual([
      expect.objectContaining({
        row: 5,
        cell: 'N5',
        column: '责任单位',
        message: expect.stringContaining('责任单位 必填'),
      }),
    ]);

    // The commit checks the same way and writes nothing while a row is wrong.
    const commit = await coordinator.post(`/api/v1/imports/${imported.id}/commit`);
    expect(commit.body.status).toBe('invalid');
    expect(commit.body.errors).toEqual([expect.objectContaining({ cell: 'N5', column: '责任单位' })]);
    expect(await projectCount()).toBe(before);
    expect(await byCode(code(101))).toBeUndefined();
  });

  it('commits the county ledger once every row names its unit, each project under the unit its row names', async () => {
    const file = await ledger({
      header: [...HEADER, '责任单位'],
      rows: [
        [...good(1, '上华街道纺织项目', code(101)), '上华街道'],
        [...good(2, '游埠镇光膜项目', code(102)), '游埠镇'],
        [...good(4, '发改局本级项目', code(104)), '发改局'],
      ],
    });
    const imported = await uploadWithoutUnit(coordinator, file);
    const commit = await coordinator.post(`/api/v1/imports/${imported.id}/commit`);
    expect(commit.status, JSON.stringify(commit.body)).toBe(200);
    expect(commit.body).toMatchObject({ status: 'committed', counts: { create: 3, errorRows: 0 } });
    expect((await byCode(code(101)))?.lead_unit_id).toBe(unit('上华街道').id);
    expect((await byCode(code(102)))?.lead_unit_id).toBe(unit('游埠镇').id);
  });

  it('names the missing column when a county ledger has no 责任单位 at all, and keeps a township’s own ledger as it was', async () => {
    const file = await ledger({ rows: [good(1, '无责任单位列的项目', code(201))] });
    const county = await uploadWithoutUnit(coordinator, file);
    const check = await coordinator.post(`/api/v1/imports/${county.id}/dry-run`);
    expect(check.body.errors).toEqual([
      expect.objectContaining({ row: 3, message: expect.stringContaining('新建项目须有“责任单位”') }),
    ]);
    // A township without units below it: its rows are its own projects.
    const res = await upload(admin, fs.readFileSync(file), '台账.xlsx', '上华街道');
    const own = await admin.post(`/api/v1/imports/${res.body.id}/dry-run`);
    expect(own.body).toMatchObject({ status: 'checked', counts: { create: 1, errorRows: 0 } });
  });

  it('keeps the mapping saved for the county for the coordinator’s next import', async () => {
    const file = await ledger({
      header: [...HEADER, '牵头科室'],
      rows: [[...good(1, '映射后的项目', code(301)), '游埠镇']],
    });
    const first = await uploadWithoutUnit(coordinator, file);
    const saved = await coordinator.request('PUT', `/api/v1/imports/${first.id}/mapping`, {
      columns: { ...first.mapping.columns, N: 'leadUnit' },
      save: true,
    });
    expect(saved.status, JSON.stringify(saved.body)).toBe(200);
    const next = await uploadWithoutUnit(coordinator, file);
    expect(next.unitId).toBe(rootId);
    expect(next.mapping.columns.N).toBe('leadUnit');
    const check = await coordinator.post(`/api/v1/imports/${next.id}/dry-run`);
    expect(check.body).toMatchObject({ status: 'checked', counts: { create: 1, errorRows: 0 } });
  });
});
