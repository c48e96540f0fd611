import sharp from 'sharp';
import { expect } from 'vitest';
import type { ApiClient } from './client.ts';
import type { DatabaseKind } from './databases.ts';
import { buildUser, setUpCounty } from './factories.ts';
import { buildProject } from './projects.ts';
import { startTestServer, type TestServer } from './server.ts';

/** Reports are dated against a fixed today: 2026-11-23. */
export const TODAY = new Date('2026-11-23T10:00:00Z');

/** A picture made here, never read from disk: a flat colour with a diagonal band so it is not uniform. */
export async function picture(width: number, height: number, format: 'jpeg' | 'png' | 'webp' | 'gif' = 'jpeg') {
  const band = Buffer.from(
    `<svg width="${width}" height="${height}"><path d="M0 0 L${width} ${height}" stroke="#fff" stroke-width="${Math.ceil(width / 20)}"/></svg>`,
  );
  const image = sharp({ create: { width, height, channels: 3, background: '#2a7ab0' } }).composite([{ input: band }]);
  return image[format]().toBuffer();
}

/** A server on a fixed today with an editor of 兰江街道, one of 上华街道, and a project of 兰江街道 under construction. */
export async function startPhotosCounty(kind: DatabaseKind, env?: Record<string, string>) {
  const server = await startTestServer(kind, { clock: () => TODAY, env });
  const county = await setUpCounty(server.url);
  const admin = county.admin;
  const editor = (
    await buildUser(admin, server.url, {
      username: 'lanjiang',
      role: 'unit_editor',
      unitId: county.unit('兰江街道').id,
      displayName: '兰江填报员',
    })
  ).client;
  const otherEditor = (
    await buildUser(admin, server.url, {
      username: 'shanghua',
      role: 'unit_editor',
      unitId: county.unit('上华街道').id,
    })
  ).client;
  const projectId = (
    await buildProject(admin, county.unit('兰江街道').id, {
      name: '兰江街道安置房工程',
      stage: 'construction',
      plannedStartDate: '2026-01-10',
      actualStartDate: '2026-01-20',
      totalInvestmentWan: 20000,
    })
  ).id;
  return { server, admin, editor, otherEditor, projectId };
}

/**
 * Drafting, uploading and listing for report photos. The server, clients and project are read when each
 * helper runs, so the helpers can be made before `beforeAll` starts the server.
 */
export function reportPhotos(
  county: () => { server: TestServer; admin: ApiClient; editor: ApiClient; projectId: number },
) {
  let filed = 0;

  /** A fresh draft report of the editor's project, each in its own month from January 2025 on. */
  const draft = async () => {
    const n = filed++;
    const period = { year: 2025 + Math.floor(n / 12), month: (n % 12) + 1 };
    const res = await county().editor.post(`/api/v1/projects/${county().projectId}/reports`, {
      ...period,
      amountWan: 100,
    });
    expect(res.status).toBe(201);
    return res.body.id as number;
  };

  const upload = (
    client: ApiClient,
    reportId: number,
    bytes: Buffer,
    fileName: string,
    options: { caption?: string; type?: string; language?: string } = {},
  ) => {
    const form = new FormData();
    if (options.caption !== undefined) form.append('caption', options.caption);
    form.append('file', new Blob([new Uint8Array(bytes)], { type: options.type ?? 'image/jpeg' }), fileName);
    const headers: Record<string, string> = options.language ? { 'accept-language': options.language } : {};
    return client.request('POST', `/api/v1/reports/${reportId}/photos`, undefined, { formData: form, headers });
  };

  const photosOf = async (reportId: number) =>
    (await county().admin.get(`/api/v1/reports/${reportId}/photos`)).body.items as {
      id: number;
      caption: string;
      fileName: string;
      width: number;
      height: number;
      bytes: number;
      createdBy: string;
      urls: { photo: string; thumb: string };
    }[];
  const storedCount = async () =>
    Number(
      (
        await county()
          .server.db.kysely.selectFrom('report_photos')
          .select((eb) => eb.fn.countAll().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );

  return { draft, upload, photosOf, storedCount };
}
