// Issue 13, finding 7: an import's upload, its mapping (saved or not) and its dry run each change stored
// records, so each is audited, in the transaction of the change, with the address it came from.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApiClient } from './support/client.ts';
import { databaseKinds } from './support/databases.ts';
import { code, good, ledgerImports, startImportsCounty } from './support/imports.ts';
import type { TestServer } from './support/server.ts';

describe.each(await databaseKinds())('the audit of an import on %s', (kind) => {
  let server: TestServer;
  let editor: ApiClient;
  let unit: (name: string) => { id: number };
  const imports = ledgerImports(() => ({ server, unit }));

  beforeAll(async () => {
    ({ server, editor, unit } = await startImportsCounty(kind));
  });
  afterAll(() => server.close());

  const events = async (id: number) =>
    server.db.kysely
      .selectFrom('audit_events')
      .select(['action', 'ip', 'actor_id', 'unit_path', 'summary'])
      .where('object_type', '=', 'import')
      .where('object_id', '=', String(id))
      .orderBy('id')
      .execute();

  it('records the upload, the mapping saved for next time and the dry run, each with its address', async () => {
    const file = await imports.ledger({ rows: [good(1, '兰江文化礼堂', code(1)), good(2, '兰江农贸市场', code(2))] });
    const uploaded = await imports.uploadFile(editor, file);
    expect((await events(uploaded.id)).map((e) => e.action)).toEqual(['import.upload']);

    const mapped = await editor.put(`/api/v1/imports/${uploaded.id}/mapping`, {
      columns: { B: 'name', C: 'code' },
      save: true,
    });
    expect(mapped.status, JSON.stringify(mapped.body)).toBe(200);
    const dry = await editor.post(`/api/v1/imports/${uploaded.id}/dry-run`);
    expect(dry.status, JSON.stringify(dry.body)).toBe(200);

    const all = await events(uploaded.id);
    expect(all.map((e) => e.action)).toEqual(['import.upload', 'import.mapping.save', 'import.check']);
    for (const e of all) {
      expect(e.ip).toBe('127.0.0.1');
      expect(e.actor_id).not.toBeNull();
      expect(e.summary).toContain('ledger-');
    }
    expect(new Set(all.map((e) => e.unit_path)).size).toBe(1);
  });

  it('writes no audit event for a refused mapping, and changes nothing', async () => {
    const file = await imports.ledger({ rows: [good(1, '兰江游园', code(3))] });
    const uploaded = await imports.uploadFile(editor, file);
    const refused = await editor.put(`/api/v1/imports/${uploaded.id}/mapping`, { columns: { A: 'noSuchField' } });
    expect(refused.status).toBe(400);
    expect((await events(uploaded.id)).map((e) => e.action)).toEqual(['import.upload']);
  });
});
