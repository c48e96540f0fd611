import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApiClient } from './support/client.ts';
import { databaseKinds } from './support/databases.ts';
import { code, good, ledgerImports, startImportsCounty, type UnitByName } from './support/imports.ts';
import { excelDate } from './support/ledgers.ts';
import type { TestServer } from './support/server.ts';

// Committing a ledger: projects created and updated by code, audited, and the same file again changes nothing.

describe.each(await databaseKinds())('ledger imports on %s', (kind) => {
  let server: TestServer;
  let admin: ApiClient;
  let editor: ApiClient;
  let unit: UnitByName;
  const { dir, ledger, uploadFile, projectCount, byCode } = ledgerImports(() => ({ server, unit }));

  beforeAll(async () => {
    ({ server, admin, editor, unit } = await startImportsCounty(kind));
  });
  afterAll(async () => {
    await server.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('commits, audits each project, keeps the unit figures right, and changes nothing when the same file is imported again', async () => {
    const rows = [
      good(1, '兰江幂等项目一', code(101)),
      good(2, '兰江幂等项目二', code(102), { 8: '在建', 11: '2026-04-20', 12: '纺织、新材料' }),
      good(3, '兰江无代码项目', null, { 9: 20000 }),
    ];
    const file = await ledger({ rows });
    const first = await uploadFile(editor, file);
    const res = await editor.post(`/api/v1/imports/${first.id}/commit`);
    expect(res.body).toMatchObject({
      status: 'committed',
      counts: { rows: 3, create: 3, update: 0, unchanged: 0, errorRows: 0 },
    });
    const p2 = (await byCode(code(102)))!;
    expect(p2).toMatchObject({
      name: '兰江幂等项目二',
      stage: 'construction',
      actual_start_date: '2026-04-20',
      total_investment: 30_000_000,
      lead_unit_id: unit('兰江街道').id,
      tags: ',纺织,新材料,',
    });
    const audit = (await admin.get(`/api/v1/audit?objectType=project&objectId=${p2.id}`)).body.items;
    expect(audit[0]).toMatchObject({
      action: 'project.create',
      actorName: '兰江填报员',
      after: { name: '兰江幂等项目二', total_investment: 30_000_000 },
    });
    expect(audit[0].summary).toContain(`第 4 行，导入 #${first.id}`);

    const stats = await server.services.stats.all();
    await server.services.stats.rebuild();
    expect(await server.services.stats.all()).toEqual(stats);

    const snapshot = async () => ({
      projects: await server.db.kysely.selectFrom('projects').selectAll().orderBy('id').execute(),
      audit: await projectCount().then(() =>
        server.db.kysely.selectFrom('audit_events').select(['id']).where('object_type', '=', 'project').execute(),
      ),
      stats: await server.services.stats.all(),
    });
    const before = await snapshot();
    const again = await uploadFile(editor, file);
    const second = await editor.post(`/api/v1/imports/${again.id}/commit`);
    expect(second.body).toMatchObject({ status: 'committed', counts: { rows: 3, create: 0, update: 0, unchanged: 3 } });
    expect(await snapshot()).toEqual(before);

    const history = (await editor.get('/api/v1/imports')).body.items;
    expect(history[0]).toMatchObject({
      id: again.id,
      fileName: path.basename(file),
      createdBy: '兰江填报员',
      status: 'committed',
      counts: { unchanged: 3 },
    });
    expect(history[0].committedAt).toBeTruthy();
  });

  it('updates the project a code names, records the stage change, and shows the change in its history', async () => {
    const file = await ledger({ rows: [good(1, '兰江更新项目', code(201))] });
    await admin.post(`/api/v1/imports/${(await uploadFile(admin, file)).id}/commit`);
    const changed = await ledger({
      rows: [good(1, '兰江更新项目（一期）', code(201), { 8: '在建', 9: 4500, 11: excelDate('2026-10-08') })],
    });
    const res = await admin.post(`/api/v1/imports/${(await uploadFile(admin, changed)).id}/commit`);
    expect(res.body.counts).toMatchObject({ update: 1, create: 0 });
    const p = (await byCode(code(201)))!;
    expect(p).toMatchObject({
      name: '兰江更新项目（一期）',
      stage: 'construction',
      total_investment: 45_000_000,
      actual_start_date: '2026-10-08',
    });
    const detail = (await admin.get(`/api/v1/projects/${p.id}`)).body;
    expect(detail.stageHistory[0]).toMatchObject({ from: 'preparing', to: 'construction' });
    const audit = (await admin.get(`/api/v1/audit?objectType=project&objectId=${p.id}`)).body.items;
    expect(audit[0]).toMatchObject({
      action: 'project.update',
      before: { total_investment: 30_000_000, stage: 'preparing' },
      after: { total_investment: 45_000_000, stage: 'construction' },
    });
  });

  it('refuses a stage change the lifecycle forbids, at the stage cell', async () => {
    const file = await ledger({ rows: [good(1, '兰江跳级项目', code(301), { 8: '储备' })] });
    await admin.post(`/api/v1/imports/${(await uploadFile(admin, file)).id}/commit`);
    const jump = await ledger({ rows: [good(1, '兰江跳级项目', code(301), { 8: '竣工', 11: '2026-01-05' })] });
    const res = await admin.post(`/api/v1/imports/${(await uploadFile(admin, jump)).id}/dry-run`);
    expect(res.body.errors).toEqual([
      {
        row: 3,
        cell: 'I3',
        column: '项目阶段',
        message: '项目当前为“储备”，不能直接改为“竣工”（可改为：谋划、前期、退库）',
      },
    ]);
  });
});
