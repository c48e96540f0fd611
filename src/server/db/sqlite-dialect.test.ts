import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql, type Kysely } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDb, type Db } from './client.ts';

// The writer and the reader of an SQLite file (sqlite-dialect.ts), on a real file in WAL mode.
describe('SQLite with a writer and a reader', () => {
  let dir: string;
  let db: Db;
  let k: Kysely<any>;
  beforeEach(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lantern-split-'));
    db = openDb({ kind: 'sqlite', file: path.join(dir, 'db.sqlite') });
    k = db.kysely as unknown as Kysely<any>;
    await sql`create table t (id integer primary key, v text not null unique)`.execute(k);
  });
  afterEach(async () => {
    await db.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  const count = async (ex: Kysely<any> = k) =>
    Number(
      (
        await ex
          .selectFrom('t')
          .select((eb) => eb.fn.countAll().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );

  it('reads at once while a transaction holds the writer, and sees its writes only once committed', async () => {
    let release!: () => void;
    const held = new Promise<void>((r) => (release = r));
    let inside = -1;
    const tx = k.transaction().execute(async (trx) => {
      await trx.insertInto('t').values({ v: 'a' }).execute();
      inside = await count(trx);
      await held;
    });
    await expect.poll(() => inside).toBe(1);
    // Outside the transaction, a read does not wait for it and sees what was committed: nothing yet.
    expect(await count()).toBe(0);
    // A write outside it waits its turn.
    let wrote = false;
    const write = k
      .insertInto('t')
      .values({ v: 'b' })
      .execute()
      .then(() => (wrote = true));
    await Promise.resolve();
    expect(wrote).toBe(false);
    release();
    await tx;
    await write;
    expect(await count()).toBe(2);
  });

  it('gives the writer to transactions in the order they asked', async () => {
    const order: number[] = [];
    await Promise.all(
      [1, 2, 3, 4, 5].map((n) =>
        k.transaction().execute(async (trx) => {
          await trx
            .insertInto('t')
            .values({ v: `v${n}` })
            .execute();
          await new Promise((r) => setImmediate(r));
          order.push(n);
        }),
      ),
    );
    expect(order).toEqual([1, 2, 3, 4, 5]);
  });

  it('rolls back a failed transaction and frees the writer for the next', async () => {
    await expect(
      k.transaction().execute(async (trx) => {
        await trx.insertInto('t').values({ v: 'same' }).execute();
        await trx.insertInto('t').values({ v: 'same' }).execute();
      }),
    ).rejects.toThrow(/UNIQUE/);
    expect(await count()).toBe(0);
    await k.insertInto('t').values({ v: 'after' }).execute();
    expect(await count()).toBe(1);
  });

  it('runs a statement that writes and returns rows (RETURNING) on the writer', async () => {
    const row = await k.insertInto('t').values({ v: 'r' }).returning(['id', 'v']).executeTakeFirstOrThrow();
    expect(row).toEqual({ id: 1, v: 'r' });
    expect(await count()).toBe(1);
  });

  it('streams a select', async () => {
    await k
      .insertInto('t')
      .values([{ v: 'x' }, { v: 'y' }])
      .execute();
    const seen: string[] = [];
    for await (const r of k.selectFrom('t').select('v').orderBy('id').stream()) seen.push(r.v);
    expect(seen).toEqual(['x', 'y']);
  });
});

describe('SQLite in memory', () => {
  it('runs on the one connection', async () => {
    const db = openDb({ kind: 'sqlite', file: ':memory:' });
    const k = db.kysely as unknown as Kysely<any>;
    await sql`create table t (v text)`.execute(k);
    await k.insertInto('t').values({ v: 'm' }).execute();
    expect(await k.selectFrom('t').selectAll().execute()).toEqual([{ v: 'm' }]);
    await db.close();
  });
});
