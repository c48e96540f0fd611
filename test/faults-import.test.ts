import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../src/server/config/config.ts';
import { ApiClient } from './support/client.ts';
import {
  inspect,
  skipTodaysCutoff,
  startChildServer,
  tableDigests,
  until,
  type ChildServer,
} from './support/child-server.ts';
import { databaseKinds } from './support/databases.ts';
import { demoDatabase } from './support/demo.ts';
import { LEDGER_HEADER, ledgerRows } from './support/ledger-generator.ts';
import { tmpDir, writeLedger } from './support/ledgers.ts';

/**
 * The real server killed with SIGKILL while it commits a ledger uploaded over HTTP (POST
 * /api/v1/imports, then …/commit?wait=false). test/import-kill.test.ts kills `lantern import`; this
 * is the web's path: the upload's temporary file, the job, its progress and its record. The kill
 * comes once the commit's transaction is writing — on PostgreSQL when the import's progress (GET
 * /api/v1/imports/{id}) counts written rows, on SQLite (whose one connection the commit holds, so the
 * progress cannot be read meanwhile) when the transaction's pages spill into the WAL. After it every
 * table but the imports' own records is as before, or the whole ledger is there. Then a smaller
 * ledger is committed and the server killed just after the 200: all its projects are there.
 */
const ROWS = 8_000;
const SMALL = 300;
/** The import's own records, and the sessions' last use: the only tables the interrupted commit may change. */
const OWN = ['imports', 'import_files', 'import_errors', 'import_mappings', 'sessions'];

describe.each(await databaseKinds())('a server killed while committing an uploaded ledger on %s', (kind) => {
  let database: Database;
  let drop: () => Promise<void>;
  let server: ChildServer | null = null;
  const dir = tmpDir();

  beforeAll(async () => {
    ({ database, drop } = await demoDatabase(kind));
    await skipTodaysCutoff(database);
    // The demo county of this hour is built by the first test to ask (most of a minute on PostgreSQL).
  }, 300_000);
  afterAll(async () => {
    await server?.kill();
    await drop?.();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  async function signedIn() {
    server = await startChildServer(database);
    const admin = new ApiClient(server.url);
    await admin.signIn('admin', 'lantern-demo');
    return admin;
  }
  async function upload(admin: ApiClient, rows: number) {
    const units = (await admin.get('/api/v1/units')).body.items as {
      id: number;
      name: string;
      kind: string;
      parentId: number | null;
    }[];
    const file = path.join(dir, `ledger-${rows}.xlsx`);
    await writeLedger(file, {
      title: '兰溪市重点项目台账',
      note: '单位：万元',
      header: LEDGER_HEADER,
      rows: ledgerRows(
        rows,
        units.filter((u) => u.kind === 'township' || u.kind === 'street').map((u) => u.name),
        2026,
      ),
    });
    const form = new FormData();
    form.append('unitId', String(units.find((u) => u.parentId === null)!.id));
    form.append('file', new Blob([new Uint8Array(fs.readFileSync(file))]), path.basename(file));
    const res = await admin.postMultipart('/api/v1/imports', form);
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    return res.body.id as number;
  }
  async function projects() {
    const after = await inspect(database);
    try {
      const n = await after.db.kysely
        .selectFrom('projects')
        .select((eb) => eb.fn.countAll().as('n'))
        .executeTakeFirstOrThrow();
      return Number(n.n);
    } finally {
      await after.close();
    }
  }
  const walBytes = () => {
    try {
      return fs.statSync(`${(database as { file: string }).file}-wal`).size;
    } catch {
      return 0;
    }
  };

  it('commits all of the ledger or none of it, and keeps an acknowledged commit', async () => {
    const t0 = Date.now();
    const mark = (what: string) => console.info(`${kind} ${what}: ${Date.now() - t0} ms`);
    let admin = await signedIn();
    const id = await upload(admin, ROWS);
    const before = await tableDigests(database, OWN);
    const projectsBefore = await projects();
    const wal = walBytes();
    mark('uploaded');

    const started = await admin.post(`/api/v1/imports/${id}/commit?wait=false`);
    expect(started.status, JSON.stringify(started.body)).toBe(202);
    let written = 0;
    if (kind === 'sqlite') await until(() => walBytes() > wal + 4 * 1024 * 1024, 'the commit to spill into the WAL');
    else
      await until(async () => {
        const p = (await admin.get(`/api/v1/imports/${id}`)).body.progress;
        written = p?.phase === 'writing' ? p.written : 0;
        return written >= 1_000;
      }, 'the commit to write 1,000 rows');
    await server!.kill();
    mark(`killed mid-commit (${kind === 'sqlite' ? `WAL +${walBytes() - wal} bytes` : `${written} rows written`})`);

    const after = await tableDigests(database, OWN);
    const n = await projects();
    if (n === projectsBefore) expect(after).toEqual(before);
    else expect(n).toBe(projectsBefore + ROWS);
    expect(n === projectsBefore, 'the kill came before the commit ended').toBe(true);
    const check = await inspect(database);
    try {
      const { stored, rebuilt } = await check.statsAgree();
      expect(stored).toEqual(rebuilt);
    } finally {
      await check.close();
    }

    // The restarted server shows the import as not committed, and commits a ledger; killed after the 200, it keeps it.
    admin = await signedIn();
    expect((await admin.get(`/api/v1/imports/${id}`)).body.status).not.toBe('committed');
    const small = await upload(admin, SMALL);
    const done = await admin.post(`/api/v1/imports/${small}/commit`);
    expect(done.status, JSON.stringify(done.body)).toBe(200);
    expect(done.body).toMatchObject({ status: 'committed', counts: { create: SMALL } });
    await server!.kill();
    mark('killed after the acknowledgement');
    expect(await projects()).toBe(projectsBefore + SMALL);
    const last = await inspect(database);
    try {
      const { stored, rebuilt } = await last.statsAgree();
      expect(stored).toEqual(rebuilt);
    } finally {
      await last.close();
    }
    admin = await signedIn();
    expect((await admin.get(`/api/v1/imports/${small}`)).body.status).toBe('committed');
    await server!.stop();
    server = null;
  }, 180_000);
});
