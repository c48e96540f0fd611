import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import SQLite from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseConfig } from '../src/server/config/config.ts';
import { openDb } from '../src/server/db/client.ts';
import { migrateToLatest } from '../src/server/db/migrate.ts';
import { createServices } from '../src/server/services.ts';
import { LEDGER_HEADER, ledgerRows } from './support/ledger-generator.ts';
import { tmpDir, writeLedger } from './support/ledgers.ts';

/**
 * `lantern import projects` killed with SIGKILL in the middle of its commit leaves the SQLite
 * database exactly as it was: every table's rows, hashed, are the same before and after.
 */
const ROWS = 30_000;

/** Every table's rows, in rowid order, hashed: equal snapshots mean equal databases. */
function snapshot(file: string): Record<string, string> {
  const db = new SQLite(file, { readonly: true });
  try {
    const tables = (
      db
        .prepare(
          "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE 'projects_fts%' ORDER BY name",
        )
        .all() as { name: string }[]
    ).map((t) => t.name);
    return Object.fromEntries(
      tables.map((t) => {
        const hash = createHash('sha256');
        for (const row of db.prepare(`SELECT * FROM "${t}"`).iterate())
          hash.update(JSON.stringify(row, (_k, v) => (Buffer.isBuffer(v) ? v.toString('base64') : v)));
        return [t, hash.digest('hex')];
      }),
    );
  } finally {
    db.close();
  }
}

describe('an import killed mid-commit', () => {
  const dir = tmpDir();
  const dbFile = path.join(dir, 'lantern.db');
  const ledger = path.join(dir, 'BIG.xlsx');
  let unitId = 0;

  beforeAll(async () => {
    const config = { ...parseConfig({ LANTERN_WEB_DIR: '' }), database: { kind: 'sqlite' as const, file: dbFile } };
    const db = openDb(config.database);
    await migrateToLatest(db);
    const services = createServices(db, config, () => new Date());
    await services.setup.run({ regionCode: '330781', username: 'admin', password: 'river-sesame-2026' });
    const units = await db.kysely.selectFrom('units').select(['id', 'name', 'parent_id']).execute();
    unitId = units.find((u) => u.parent_id === null)!.id;
    await db.close();
    await writeLedger(ledger, {
      title: '兰溪市重点项目台账',
      note: '单位：万元',
      header: LEDGER_HEADER,
      rows: ledgerRows(
        ROWS,
        units.filter((u) => u.parent_id !== null).map((u) => u.name),
        new Date().getUTCFullYear(),
      ),
    });
  }, 120_000);
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  /** The environment of the command: this SQLite file, whatever the test runner's own settings. */
  const env = () => {
    const { DATABASE_URL: _pg, ...rest } = process.env;
    return { ...rest, LANTERN_DATA: dbFile };
  };

  it('leaves the database exactly as it was', async () => {
    const before = snapshot(dbFile);
    const child = spawn(process.execPath, ['bin/lantern.mjs', 'import', 'projects', ledger, '--unit', String(unitId)], {
      env: env(),
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stderr = '';
    const written = await new Promise<number>((resolve, reject) => {
      child.stderr.on('data', (chunk: Buffer) => {
        stderr += chunk.toString();
        // "导入进度 写入  37% 4000/? 项": the commit has written projects and is still going.
        const m = [...stderr.matchAll(/写入\s+(?:\d+%\s+)?(\d+)\//g)].at(-1);
        if (m && Number(m[1]) >= 2_000) {
          child.kill('SIGKILL');
          resolve(Number(m[1]));
        }
      });
      child.on('exit', (code, signal) =>
        reject(new Error(`the import ended before it could be killed (${code ?? signal}): ${stderr.slice(-500)}`)),
      );
    });
    await new Promise((resolve) => child.once('close', resolve));
    expect(written).toBeLessThan(ROWS);
    expect(child.signalCode).toBe('SIGKILL');
    expect(snapshot(dbFile)).toEqual(before);
    // And the database still works: the same import, run to its end, commits every row.
    const again = spawn(process.execPath, ['bin/lantern.mjs', 'import', 'projects', ledger, '--unit', String(unitId)], {
      env: env(),
    });
    let out = '';
    again.stdout.on('data', (c: Buffer) => (out += c.toString()));
    const code = await new Promise((resolve) => again.once('close', resolve));
    expect(code, out).toBe(0);
    expect(out).toContain(`新建 ${ROWS}`);
  }, 180_000);
});
