import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import SQLite from 'better-sqlite3';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../src/server/config/config.ts';
import type { ApiClient } from './support/client.ts';
import { databaseKinds, freshDatabase } from './support/databases.ts';
import { setUpCounty } from './support/factories.ts';
import { buildProject } from './support/projects.ts';
import { startTestServer, type TestServer } from './support/server.ts';
import { tableHashes, totals, type Snapshot } from './support/table-hashes.ts';

/**
 * `lantern backup` and `lantern restore`, run as users run them (node bin/lantern.mjs, with the
 * environment naming the database), on both databases. The backup is taken while a server keeps
 * writing: the restored database equals, table for table, the database as it was after one of the
 * writes made while the backup ran (a snapshot, not a mixture). Then the refusals.
 */
const PROJECTS = 40;

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** The command's environment: this database, zh-CN unless told, whatever the runner's own settings. */
function envFor(database: Database, extra: Record<string, string> = {}) {
  const { DATABASE_URL: _pg, LANTERN_DATA: _file, LANTERN_LOCALE: _locale, ...rest } = process.env;
  const db = database.kind === 'sqlite' ? { LANTERN_DATA: database.file } : { DATABASE_URL: database.url };
  return { ...rest, ...db, ...extra };
}

function lantern(args: string[], database: Database, extra: Record<string, string> = {}): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['bin/lantern.mjs', ...args], {
      env: envFor(database, extra),
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (c: Buffer) => (stdout += c.toString()));
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

/** Runs SQL on a database directly (the test's own changes, behind the server's back). */
async function execute(database: Database, statement: string) {
  if (database.kind === 'sqlite') {
    const db = new SQLite(database.file);
    try {
      db.exec(statement);
    } finally {
      db.close();
    }
    return;
  }
  const client = new pg.Client({ connectionString: database.url });
  await client.connect();
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
}

describe.each(await databaseKinds())('backup and restore on %s', (kind) => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lantern-backup-'));
  const backupFile = path.join(dir, kind === 'sqlite' ? 'lantern-backup.db' : 'lantern-backup.dump');
  const drops: (() => Promise<void>)[] = [];
  let server: TestServer;
  let admin: ApiClient;
  let leadUnitId = 0;
  let restored: Database;
  let taken: Snapshot;

  const fresh = async () => {
    const f = await freshDatabase(kind);
    drops.push(f.drop);
    return f.database;
  };

  beforeAll(async () => {
    server = await startTestServer(kind);
    const county = await setUpCounty(server.url);
    admin = county.admin;
    leadUnitId = county.unit('兰江街道').id;
    for (let i = 0; i < PROJECTS; i++) await buildProject(admin, leadUnitId, { name: `兰江备份测试项目${i}` });
  }, 120_000);

  afterAll(async () => {
    await server?.close();
    for (const drop of drops) await drop();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('takes a snapshot while the server writes, and restores it table for table into a fresh database', async () => {
    const started = Date.now();
    // The writer: one village per step through the API, the whole database hashed after each step. A step
    // is one transaction (a unit and its audit event), so every state a snapshot can see is one of these; a
    // new project is not, since its light is computed in a transaction of its own after it commits.
    const states: Snapshot[] = [await tableHashes(server.config.database)];
    let writing = true;
    const writer = (async () => {
      for (let i = 0; writing; i++) {
        const res = await admin.post('/api/v1/units', {
          parentId: leadUnitId,
          name: `备份期间新增的村${i}`,
          kind: 'village',
        });
        expect(res.status, JSON.stringify(res.body)).toBe(201);
        states.push(await tableHashes(server.config.database));
      }
    })();
    const firstPossible = states.length - 1;
    const backup = await lantern(['backup', '--out', backupFile], server.config.database);
    const lastPossible = states.length; // the step under way when the backup ended may be in it too
    writing = false;
    await writer;
    const backupSeconds = (Date.now() - started) / 1000;
    expect(backup.code, backup.stderr).toBe(0);
    expect(backup.stdout).toContain(`已备份`);
    expect(backup.stdout).toContain(backupFile);
    expect(fs.readdirSync(dir).filter((f) => f.includes('.partial-'))).toEqual([]);
    // The server wrote while the backup ran.
    expect(lastPossible - firstPossible).toBeGreaterThan(1);

    restored = await fresh();
    const restore = await lantern(['restore', backupFile], restored);
    expect(restore.code, restore.stderr).toBe(0);
    expect(restore.stdout).toContain('已从');
    const after = await tableHashes(restored);
    const match = states.findIndex((s, i) => i >= firstPossible && i <= lastPossible && equal(s, after));
    if (match < 0)
      expect(after.tables, 'the restored database is one of the states during the backup').toEqual(
        states[lastPossible]?.tables,
      );
    taken = states[match]!;
    expect(after.tables).toEqual(taken.tables);
    expect(taken.tables['projects']!.rows).toBeGreaterThanOrEqual(PROJECTS);
    // pg_dump reads each sequence as it dumps it, after its snapshot: never behind the rows, maybe ahead.
    for (const [name, value] of Object.entries(taken.sequences))
      expect(after.sequences[name]).toBeGreaterThanOrEqual(value);
    const { tables, rows } = totals(taken);

    // The restored database is one this version runs on as it is.
    const migrate = await lantern(['migrate'], restored);
    expect(migrate.code, migrate.stderr).toBe(0);
    expect(migrate.stdout).toContain('The schema is up to date.');
    console.log(
      `backup-restore ${kind}: ${tables} tables, ${rows} rows compared; ${lastPossible - firstPossible} writes during a ` +
        `${backupSeconds.toFixed(1)} s backup (snapshot at write ${match}); whole test ${((Date.now() - started) / 1000).toFixed(1)} s`,
    );
  }, 300_000);

  it('refuses a database in use, a file that is not a backup, the other kind, and a missing tool', async () => {
    const live = server.config.database;
    const before = await tableHashes(live);
    const text = path.join(dir, 'notes.db');
    fs.writeFileSync(text, '这不是备份\n');
    const otherKind = path.join(dir, kind === 'sqlite' ? 'other.dump' : 'other.db');
    if (kind === 'sqlite') fs.writeFileSync(otherKind, 'PGDMP\x01\x0f\x00\x04\x08\x01\x01\x01');
    else new SQLite(otherKind).exec('CREATE TABLE t (a)');
    const empty = await fresh();

    // On PostgreSQL, "in use" is another session: a server's pool closes its idle connections after 10 s,
    // so the test holds one open as a server in the middle of its work would.
    const session = kind === 'postgres' ? new pg.Client({ connectionString: (live as { url: string }).url }) : null;
    await session?.connect();
    const [inUse, inUseForced, notBackup, notBackupEn, wrongKind, missing] = await Promise.all([
      lantern(['restore', backupFile], live),
      lantern(['restore', backupFile, '--force'], live),
      lantern(['restore', text], empty),
      lantern(['restore', text], empty, { LANTERN_LOCALE: 'en' }),
      lantern(['restore', otherKind], empty),
      lantern(['restore', path.join(dir, 'nowhere.db')], empty),
    ]).finally(() => session?.end());
    // A server has the database open: refused, --force or not.
    for (const run of [inUse, inUseForced]) {
      expect(run.code).toBe(1);
      expect(run.stderr).toContain('正被其他程序使用');
    }
    expect(notBackup.code).toBe(1);
    expect(notBackup.stderr).toContain(`${text} 不是 Lantern 的备份`);
    expect(notBackupEn.code).toBe(1);
    expect(notBackupEn.stderr).toContain(`${text} is not a Lantern backup`);
    expect(wrongKind.code).toBe(1);
    expect(wrongKind.stderr).toContain(kind === 'sqlite' ? '是 PostgreSQL 的备份' : '是 SQLite 的备份');
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain('找不到备份文件');
    expect(await tableHashes(live)).toEqual(before);
    expect(await isEmpty(empty)).toBe(true);

    if (kind === 'postgres') {
      // The client tools are not on the PATH: said so, and no file is left behind.
      const noTools = { PATH: path.join(dir, 'no-such-bin') };
      const out = path.join(dir, 'never.dump');
      const [dump, restore] = await Promise.all([
        lantern(['backup', '--out', out], live, noTools),
        lantern(['restore', backupFile], empty, { ...noTools, LANTERN_LOCALE: 'en' }),
      ]);
      expect(dump.code).toBe(1);
      expect(dump.stderr).toContain('找不到 pg_dump：请安装 PostgreSQL 客户端工具');
      expect(restore.code).toBe(1);
      expect(restore.stderr).toContain('pg_restore not found: install the PostgreSQL client tools');
      expect(fs.readdirSync(dir).filter((f) => f.startsWith('.never') || f === 'never.dump')).toEqual([]);
    }
  }, 300_000);

  it('replaces a database that holds data only with --force, and refuses a backup of a newer version', async () => {
    await execute(restored, `UPDATE projects SET name = '恢复后改过的名字'`);
    const changed = await tableHashes(restored);
    const refused = await lantern(['restore', backupFile], restored);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('已有数据；确定用备份覆盖它时加 --force');
    expect(await tableHashes(restored)).toEqual(changed);

    const forced = await lantern(['restore', backupFile, '--force'], restored);
    expect(forced.code, forced.stderr).toBe(0);
    expect((await tableHashes(restored)).tables).toEqual(taken.tables);

    // A backup that records a migration this version does not know.
    const future = `INSERT INTO kysely_migration (name, timestamp) VALUES ('9999_from_the_future', '2030-01-01T00:00:00.000Z')`;
    const newer = path.join(dir, kind === 'sqlite' ? 'newer.db' : 'newer.dump');
    if (kind === 'sqlite') {
      fs.copyFileSync(backupFile, newer);
      await execute({ kind: 'sqlite', file: newer }, future);
    } else {
      await execute(restored, future);
      const made = await lantern(['backup', '--out', newer], restored);
      expect(made.code, made.stderr).toBe(0);
    }
    const target = await fresh();
    const run = await lantern(['restore', newer], target, { LANTERN_LOCALE: 'en' });
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(
      'comes from a newer Lantern (migrations this version does not know: 9999_from_the_future)',
    );
    expect(await isEmpty(target)).toBe(true);
  }, 300_000);
});

/** The same rows in every table (the sequences are compared apart). */
function equal(a: Snapshot, b: Snapshot): boolean {
  return JSON.stringify(a.tables) === JSON.stringify(b.tables);
}

/** A fresh database a refused restore left alone: no SQLite file at all, no row in PostgreSQL. */
async function isEmpty(database: Database): Promise<boolean> {
  if (database.kind === 'sqlite') return !fs.existsSync(database.file);
  return totals(await tableHashes(database)).rows === 0;
}
