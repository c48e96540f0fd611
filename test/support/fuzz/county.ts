import { ApiClient } from '../client.ts';
import type { DatabaseKind } from '../databases.ts';
import { ADMIN_PASSWORD, PASSWORD, buildUser } from '../factories.ts';
import { picture, startPhotosCounty } from '../report-photos.ts';
import type { TestServer } from '../server.ts';

export type Actor = 'admin' | 'editor' | 'anonymous';

/** The fuzzed county: a server, its signed-in clients, and ids that exist, by the path segment before "{id}". */
export interface FuzzCounty {
  server: TestServer;
  clients: Record<Actor, ApiClient>;
  /** Signs a client in again when a fuzzed request signed it out (DELETE /api/v1/session answered 2xx). */
  ensureSignedIn(actor: Actor): Promise<void>;
  existing: Record<string, number[]>;
  /** Files a multipart case starts from: a real photo and a real ledger workbook (to be truncated). */
  files: { jpeg: Uint8Array; xlsx: Uint8Array };
  /** Valid-looking values of the multipart form fields (the document has no schema for them). */
  formHints: Record<string, string[]>;
}

const credentials: Record<Exclude<Actor, 'anonymous'>, [string, string]> = {
  admin: ['admin', ADMIN_PASSWORD],
  editor: ['lanjiang', PASSWORD],
};

/**
 * 兰溪市 on a fixed day (test/support/report-photos.ts): an admin, an editor of 兰江街道, a project of
 * 兰江街道 under construction, a draft report with a photo, a race, an API token, and a user and a unit
 * that fuzzed requests may change or delete (never the two who act, so they stay signed in).
 */
export async function startFuzzCounty(kind: DatabaseKind): Promise<FuzzCounty> {
  // Thousands of generated sign-ins come from one address on a clock that stands still: past the
  // per-address limit the two actors could not sign in again. The limit has its own tests (test/session.test.ts).
  const { server, admin, editor, projectId } = await startPhotosCounty(kind, { LANTERN_LOGIN_MAX_ATTEMPTS: '1000000' });
  const must = async (what: string, res: Promise<{ status: number; body: any }>) => {
    const r = await res;
    if (r.status >= 300) throw new Error(`${what}: ${r.status} ${JSON.stringify(r.body)}`);
    return r.body;
  };
  const units = (await admin.get('/api/v1/units')).body.items as { id: number; name: string }[];
  const unit = (name: string) => units.find((u) => u.name === name)!.id;
  const victim = await buildUser(admin, server.url, { username: 'victim', role: 'leader', unitId: unit('女埠街道') });
  const spareUnit = await must(
    'unit',
    admin.post('/api/v1/units', { parentId: unit('女埠街道'), name: '待删村', kind: 'village' }),
  );
  const report = await must(
    'report',
    editor.post(`/api/v1/projects/${projectId}/reports`, { year: 2026, month: 10, amountWan: 100 }),
  );
  const jpeg = await picture(64, 48);
  const form = new FormData();
  form.append('file', new Blob([new Uint8Array(jpeg)], { type: 'image/jpeg' }), 'site.jpg');
  const photo = await must('photo', editor.postMultipart(`/api/v1/reports/${report.id}/photos`, form));
  const race = await must(
    'race',
    admin.post('/api/v1/races', {
      name: '2026年项目建设月度赛马',
      periodKind: 'month',
      indicators: [
        { key: 'fixedAssetInvestment', weight: 60, method: 'ratioToTarget', params: { cap: 1.2 } },
        { key: 'projectsStarted', weight: 40, method: 'efficacyCoefficient', params: {} },
      ],
      topN: 3,
      bottomN: 3,
    }),
  );
  const token = await must('token', admin.post('/api/v1/tokens', { name: '数据看板' }));
  const xlsx = (await admin.getBytes('/api/v1/templates/projects.xlsx')).body;
  const clients = { admin, editor, anonymous: new ApiClient(server.url) };
  return {
    server,
    clients,
    async ensureSignedIn(actor) {
      if (actor === 'anonymous' || clients[actor].cookie('lantern_session')) return;
      await clients[actor].signIn(...credentials[actor]);
    },
    existing: {
      units: [unit('兰江街道'), spareUnit.id, unit('女埠街道')],
      users: [victim.id],
      projects: [projectId],
      reports: [report.id],
      'report-photos': [photo.id],
      races: [race.id],
      bulletins: [],
      tokens: [token.id],
      imports: [],
    },
    files: { jpeg: new Uint8Array(jpeg), xlsx: new Uint8Array(xlsx) },
    formHints: {
      unitId: [String(unit('兰江街道')), String(unit('女埠街道'))],
      ledger: ['projects', 'reports'],
      reportState: ['draft', 'submitted', 'approved'],
      sheet: ['Sheet1', '项目'],
      caption: ['现场', ''],
    },
  };
}
