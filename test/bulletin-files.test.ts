import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatScore } from '../src/domain/progress/time-progress.ts';
import { formatRankChange } from '../src/server/features/bulletins/bulletin-document.ts';
import { toBulletinDocument } from '../src/server/features/bulletins/bulletin.presenter.ts';
import type { BulletinSnapshot } from '../src/server/features/bulletins/bulletins.service.ts';
import { ApiClient } from './support/client.ts';
import { databaseKinds } from './support/databases.ts';
import type { TestServer } from './support/server.ts';
import { startDemoServer } from './support/demo.ts';

/** 17:30 UTC on 23 November is already 24 November in Beijing, the demo county's zone. */
const PUBLISHED = new Date('2026-11-23T17:30:00Z');
const DAY = 24 * 3600 * 1000;

const race = {
  name: '2026年项目建设月度赛马（校验）',
  periodKind: 'month',
  indicators: [
    { key: 'fixedAssetInvestment', weight: 50, method: 'ratioToTarget', params: { cap: 1.2 } },
    { key: 'projectsStarted', weight: 30, method: 'efficacyCoefficient', params: {} },
    { key: 'fiscalRevenue', weight: 20, method: 'efficacyCoefficient', params: {} },
  ],
  topN: 3,
  bottomN: 3,
};

const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

describe.each(await databaseKinds())('published bulletin files on %s', (kind) => {
  let server: TestServer;
  let admin: ApiClient;
  let now = PUBLISHED;
  let id: number;
  let dir: string;
  /** Moves the injected clock on; signs in afresh, since days later the old session has expired. */
  const later = async (ms: number) => {
    now = new Date(now.getTime() + ms);
    admin = new ApiClient(server.url);
    await admin.signIn('coordinator', 'lantern-demo');
  };

  beforeAll(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'lantern-bulletin-files-'));
    server = await startDemoServer(kind, { clock: () => now });
    admin = new ApiClient(server.url);
    await admin.signIn('coordinator', 'lantern-demo');
    const raceId = (await admin.post('/api/v1/races', race)).body.id;
    const draft = (await admin.get(`/api/v1/races/${raceId}/bulletin-draft?year=2026&period=10`)).body;
    const published = await admin.post('/api/v1/bulletins', {
      raceId,
      year: 2026,
      period: 10,
      title: draft.title,
      docNumber: draft.docNumber,
      commentary: draft.commentary,
      acknowledged: true,
    });
    expect(published.body.error ?? null).toBeNull();
    id = published.body.id;
  });
  afterAll(async () => {
    await server.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('gives the same bytes on every download however much later, with the SHA-256 the bulletin lists', async () => {
    // The digests first, so they come from the bulletin page's render, not from a download's.
    const listed = (await admin.get(`/api/v1/bulletins/${id}`)).body.files;
    for (const format of ['docx', 'pdf'] as const) {
      const first = await admin.getBytes(`/api/v1/bulletins/${id}/${format}`);
      expect(first.status).toBe(200);
      await later(3 * DAY + 1234);
      const second = await admin.getBytes(`/api/v1/bulletins/${id}/${format}`);
      expect(second.body.equals(first.body), format).toBe(true);
      const hash = sha256(first.body);
      expect(first.headers.get('x-content-sha256')).toBe(hash);
      expect(second.headers.get('x-content-sha256')).toBe(hash);
      expect(listed[format]).toEqual({ sha256: hash, bytes: first.body.length });
    }
    expect((await admin.get(`/api/v1/bulletins/${id}`)).body.files).toEqual(listed);
  });

  it('dates the Word file at publication and prints the county’s local date, whatever the clock says now', async () => {
    await later(40 * DAY);
    const bulletin = (await admin.get(`/api/v1/bulletins/${id}`)).body;
    expect(bulletin.publishedAt).toBe(PUBLISHED.toISOString());
    const zip = await JSZip.loadAsync((await admin.getBytes(`/api/v1/bulletins/${id}/docx`)).body);
    const core = await zip.file('docProps/core.xml')!.async('string');
    expect(core).toContain('<dcterms:created xsi:type="dcterms:W3CDTF">2026-11-23T17:30:00Z</dcterms:created>');
    expect(core).toContain('<dcterms:modified xsi:type="dcterms:W3CDTF">2026-11-23T17:30:00Z</dcterms:modified>');
    for (const entry of Object.values(zip.files))
      expect(entry.date.toISOString(), entry.name).toBe('2026-11-23T17:30:00.000Z');
    const xml = await zip.file('word/document.xml')!.async('string');
    expect(xml).toContain('2026年11月24日');
    expect(xml).toContain('<w:color w:val="E60000"/>');
  });

  it('prints the demo’s money in one unit per column, and keeps every figure of every row on one line of the PDF', async () => {
    const b = (await admin.get(`/api/v1/bulletins/${id}`)).body;
    const snapshot = { ranking: b.ranking, redProjects: b.redProjects, totals: b.totals } as BulletinSnapshot;
    const doc = toBulletinDocument(
      {
        title: b.title,
        issuer: b.issuer,
        doc_number: b.docNumber,
        published_at: b.publishedAt,
        commentary: b.commentary,
      },
      snapshot,
      { timeZone: 'Asia/Shanghai' },
    );
    const file = path.join(dir, `${kind}.pdf`);
    writeFileSync(file, (await admin.getBytes(`/api/v1/bulletins/${id}/pdf`)).body);
    const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
    expect(text.trimStart().startsWith(b.issuer)).toBe(true);
    expect(text).toMatch(/（(亿元|万元)）/);
    const lines = new Set(text.split('\n').map((l) => l.trim().split(/\s+/).join(' ')));
    let rows = 0;
    for (const group of doc.groups)
      for (const row of group.rows) {
        const cells = [
          String(row.rank),
          formatRankChange(row.rankChange),
          row.unitName,
          formatScore(row.total),
          ...row.cells.flatMap((c) => [c.value, c.score]),
        ];
        expect(lines.has(cells.join(' ')), cells.join(' ')).toBe(true);
        rows++;
      }
    expect(rows).toBeGreaterThan(20);
  });
});
