// Issue 13, finding 4: when a unit moves, everything that is scoped by its path moves with it. The old
// township no longer reads the village's imports (nor the ledger handed back in errors.xlsx) or its
// projects' audit history; the new one reads both.
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { UNIT_PATH_COPIES, UNIT_PATH_HISTORY } from '../src/server/features/units/units.repository.ts';
import type { ApiClient } from './support/client.ts';
import { databaseKinds } from './support/databases.ts';
import { buildUser, setUpCounty } from './support/factories.ts';
import { code, good, HEADER, ledgerImports, TODAY } from './support/imports.ts';
import { buildProject } from './support/projects.ts';
import { startTestServer, type TestServer } from './support/server.ts';

/** Every table with a column holding a unit's path, read from the database's own catalogue. */
async function tablesWithUnitPath(server: TestServer): Promise<string[]> {
  if (server.db.dialect === 'postgres') {
    const rows = await sql<{ table_name: string }>`
      SELECT table_name FROM information_schema.columns
      WHERE table_schema = current_schema() AND column_name = 'unit_path' ORDER BY table_name`.execute(
      server.db.kysely,
    );
    return rows.rows.map((r) => r.table_name);
  }
  const tables = await sql<{ name: string }>`SELECT name FROM sqlite_master WHERE type = 'table'`.execute(
    server.db.kysely,
  );
  const found: string[] = [];
  for (const { name } of tables.rows) {
    const cols = await sql<{ name: string }>`SELECT name FROM pragma_table_info(${name})`.execute(server.db.kysely);
    if (cols.rows.some((c) => c.name === 'unit_path')) found.push(name);
  }
  return found.sort();
}

describe.each(await databaseKinds())('a unit that moves on %s', (kind) => {
  let server: TestServer;
  let admin: ApiClient;
  let lanjiang: ApiClient;
  let shanghua: ApiClient;
  let unit: (name: string) => { id: number };
  let village: number;
  let project: number;
  let importId: number;
  const imports = ledgerImports(() => ({ server, unit }));

  beforeAll(async () => {
    server = await startTestServer(kind, { clock: () => TODAY });
    const county = await setUpCounty(server.url);
    admin = county.admin;
    const units = new Map(county.units);
    unit = (name) => units.get(name) ?? county.unit(name);
    village = (await admin.post('/api/v1/units', { parentId: unit('兰江街道').id, name: '迁移村', kind: 'village' }))
      .body.id;
    units.set('迁移村', { id: village } as never);
    const make = async (username: string, township: string) =>
      (await buildUser(admin, server.url, { username, role: 'unit_editor', unitId: unit(township).id })).client;
    lanjiang = await make('lanjiang', '兰江街道');
    shanghua = await make('shanghua', '上华街道');
    project = (await buildProject(lanjiang, village, { name: '迁移村道路工程' })).id;
    const file = await imports.ledger({ rows: [good(1, '迁移村文化礼堂', code(1)), good(2, '坏行', 'not-a-code')] });
    importId = (await imports.uploadFile(lanjiang, file, '迁移村')).id;
    expect(HEADER.length).toBeGreaterThan(3);
  });
  afterAll(() => server.close());

  const reads = async (client: ApiClient) => ({
    project: (await client.get(`/api/v1/projects/${project}`)).status,
    audit: (await client.get(`/api/v1/audit?objectType=project&objectId=${project}`)).body.items?.length ?? 0,
    importRecord: (await client.get(`/api/v1/imports/${importId}`)).status,
    importListed: ((await client.get('/api/v1/imports')).body.items ?? []).some(
      (i: { id: number }) => i.id === importId,
    ),
    errorsFile: (await client.getBytes(`/api/v1/imports/${importId}/errors.xlsx`)).status,
  });

  it('takes its imports and audit history to the new township, in the same change', async () => {
    expect(await reads(lanjiang)).toMatchObject({ project: 200, importRecord: 200, importListed: true });
    expect((await reads(lanjiang)).audit).toBeGreaterThan(0);
    expect(await reads(shanghua)).toMatchObject({ project: 404, audit: 0, importRecord: 404, importListed: false });

    const moved = await admin.patch(`/api/v1/units/${village}`, { parentId: unit('上华街道').id });
    expect(moved.status).toBe(200);

    const after = await reads(shanghua);
    expect(after).toMatchObject({ project: 200, importRecord: 200, importListed: true });
    expect(after.audit).toBeGreaterThan(0);
    expect(after.errorsFile).not.toBe(404);
    expect(await reads(lanjiang)).toMatchObject({ project: 404, audit: 0, importRecord: 404, importListed: false });
    expect((await reads(lanjiang)).errorsFile).toBe(404);
  });

  it('leaves no copy of the old path behind in any table that stores one', async () => {
    const path = (
      await server.db.kysely.selectFrom('units').select('path').where('id', '=', village).executeTakeFirstOrThrow()
    ).path;
    for (const table of UNIT_PATH_COPIES) {
      const stale = await server.db.kysely
        .selectFrom(table)
        .select((e) => e.fn.countAll().as('n'))
        .where('unit_path', 'like', `%/${village}/%`)
        .where('unit_path', 'not like', `${path}%`)
        .executeTakeFirstOrThrow();
      expect(Number(stale.n), table).toBe(0);
    }
  });

  it('knows every table that stores a unit path: each is moved with the unit or is history', async () => {
    expect(await tablesWithUnitPath(server)).toEqual([...UNIT_PATH_COPIES, ...UNIT_PATH_HISTORY].sort());
  });
});
