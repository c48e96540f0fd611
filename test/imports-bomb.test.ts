import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiClient } from './support/client.ts';
import { databaseKinds } from './support/databases.ts';
import { ADMIN_PASSWORD } from './support/factories.ts';
import { good, ledgerImports, startImportsCounty, type UnitByName } from './support/imports.ts';
import { LEDGER_HEADER, ledgerRows } from './support/ledger-generator.ts';
import { tmpDir, writeLedger } from './support/ledgers.ts';
import type { TestServer } from './support/server.ts';
import { declareSize, MB, withPart } from './support/zip-bombs.ts';

// Decompression bombs: a small workbook whose parts unpack to far more than any ledger needs is refused
// before it costs the server time or memory, whether its zip directory tells the truth or not.

const files = tmpDir();
/** Enough rows for the worker thread and a sheet of some 9 MB of XML. */
const ROWS = 10_000;
let bomb: Buffer;
let lying: Buffer;
let large: string;

beforeAll(async () => {
  const small = await writeLedger(path.join(files, 'small.xlsx'), {
    title: '兰江街道2026年重点项目台账',
    header: ['序号', '项目名称', '项目代码', '建设性质', '项目类别', '国民经济行业', '投资类型', '审批方式'],
    rows: [good(1, '炸弹项目', null).slice(0, 8)],
  });
  // The finding: a workbook of under a megabyte whose styles part unpacks to 150 MB.
  bomb = await withPart(fs.readFileSync(small), 'xl/styles.xml', 150 * MB);
  lying = declareSize(bomb, 'xl/styles.xml', 1702);
  large = await writeLedger(path.join(files, 'large.xlsx'), {
    title: '兰江街道2026年重点项目台账',
    header: LEDGER_HEADER,
    rows: ledgerRows(ROWS, ['兰江街道'], 2026),
  });
}, 120_000);
afterAll(() => fs.rmSync(files, { recursive: true, force: true }));

describe.each(await databaseKinds())('decompression bombs on %s', (kind) => {
  let server: TestServer;
  let admin: ApiClient;
  let unit: UnitByName;
  const { dir, upload, importCount, projectCount } = ledgerImports(() => ({ server, unit }));

  beforeAll(async () => {
    ({ server, admin, unit } = await startImportsCounty(kind));
  });
  afterAll(async () => {
    await server.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('refuses a workbook whose styles part unpacks to 150 MB, naming the part, and stores nothing', async () => {
    expect(bomb.length).toBeLessThan(1 * MB);
    const before = [await importCount(), await projectCount()];
    const res = await upload(admin, bomb, '台账.xlsx');
    expect(res.status).toBe(400);
    expect(res.body.error).toMatchObject({ code: 'VALIDATION', field: 'file' });
    expect(res.body.error.message).toContain('工作簿中的 xl/styles.xml 解压后超过 16 MB');
    expect([await importCount(), await projectCount()]).toEqual(before);

    const en = new ApiClient(server.url, { language: 'en' });
    await en.signIn('admin', ADMIN_PASSWORD);
    const english = await upload(en, bomb, '台账.xlsx');
    expect(english.status).toBe(400);
    expect(english.body.error.message).toContain(
      'The part xl/styles.xml of the workbook is larger than 16 MB unpacked',
    );
  });

  it('stops inflating a part once it passes the size its zip directory declares', async () => {
    const before = await importCount();
    const res = await upload(admin, lying, '台账.xlsx');
    expect(res.status).toBe(400);
    expect(res.body.error.message).toContain('工作簿中的 xl/styles.xml 解压后大于其记录的大小（2 KB）');
    expect(await importCount()).toBe(before);
  });

  it('fails the check clearly when a part read only then lies about its size, and writes nothing', async () => {
    // The sheet is read in full only by the check (in the worker thread): the upload reads its first rows.
    const forged = declareSize(fs.readFileSync(large), 'xl/worksheets/sheet1.xml', 1 * MB);
    const uploaded = await upload(admin, forged, '台账.xlsx');
    expect(uploaded.status, JSON.stringify(uploaded.body)).toBe(201);
    const before = await projectCount();
    const res = await admin.post(`/api/v1/imports/${uploaded.body.id}/commit`);
    expect(res.body).toMatchObject({ status: 'failed' });
    expect(res.body.message).toContain('工作簿中的 xl/worksheets/sheet1.xml 解压后大于其记录的大小（1.0 MB）');
    expect(await projectCount()).toBe(before);
  }, 120_000);

  it(`still imports a large ledger (${ROWS.toLocaleString('en')} rows)`, async () => {
    const res = await upload(admin, fs.readFileSync(large), '台账.xlsx');
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    const before = await projectCount();
    const commit = await admin.post(`/api/v1/imports/${res.body.id}/commit`);
    expect(commit.body, JSON.stringify(commit.body).slice(0, 2000)).toMatchObject({ status: 'committed' });
    expect((await projectCount()) - before).toBe(ROWS);
  }, 300_000);
});

describe('lantern import', () => {
  const dbDir = tmpDir();
  afterAll(() => fs.rmSync(dbDir, { recursive: true, force: true }));
  /** Runs the command on this SQLite file, whatever the test runner's own settings. */
  const lantern = async (...args: string[]) => {
    const { DATABASE_URL: _pg, ...env } = process.env;
    const child = spawn(process.execPath, ['bin/lantern.mjs', ...args], {
      env: { ...env, LANTERN_DATA: path.join(dbDir, 'lantern.db') },
    });
    let output = '';
    child.stdout.on('data', (c: Buffer) => (output += c.toString()));
    child.stderr.on('data', (c: Buffer) => (output += c.toString()));
    const code = await new Promise((resolve) => child.once('close', resolve));
    return { code, output };
  };

  it('refuses the same bomb from the command line, naming the part', async () => {
    const setup = await lantern('setup', '--region', '330781', '--password', ADMIN_PASSWORD);
    expect(setup.code, setup.output).toBe(0);
    const file = path.join(dbDir, 'bomb.xlsx');
    fs.writeFileSync(file, bomb);
    const res = await lantern('import', 'projects', file, '--unit', '兰江街道');
    expect(res.code).not.toBe(0);
    expect(res.output).toContain('工作簿中的 xl/styles.xml 解压后超过 16 MB');
  }, 120_000);
});
