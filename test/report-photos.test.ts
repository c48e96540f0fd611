import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiClient } from './support/client.ts';
import { databaseKinds } from './support/databases.ts';
import { buildUser, setUpCounty } from './support/factories.ts';
import { buildProject } from './support/projects.ts';
import { startTestServer, type TestServer } from './support/server.ts';

/** Reports are dated against a fixed today: 2026-11-23. */
const TODAY = new Date('2026-11-23T10:00:00Z');

/** A picture made here, never read from disk: a flat colour with a diagonal band so it is not uniform. */
async function picture(width: number, height: number, format: 'jpeg' | 'png' | 'webp' | 'gif' = 'jpeg') {
  const band = Buffer.from(
    `<svg width="${width}" height="${height}"><path d="M0 0 L${width} ${height}" stroke="#fff" stroke-width="${Math.ceil(width / 20)}"/></svg>`,
  );
  const image = sharp({ create: { width, height, channels: 3, background: '#2a7ab0' } }).composite([{ input: band }]);
  return image[format]().toBuffer();
}

/** A picture as heavy as a phone camera's: noise does not compress, so 4000×3000 makes about 8 MB of JPEG. */
const heavyPicture = (width: number, height: number) =>
  sharp({
    create: { width, height, channels: 3, background: '#808080', noise: { type: 'gaussian', mean: 128, sigma: 40 } },
  })
    .jpeg({ quality: 92 })
    .toBuffer();

const dimensions = async (bytes: Buffer) => {
  const m = await sharp(bytes).metadata();
  return { format: m.format, width: m.width, height: m.height };
};

describe.each(await databaseKinds())('report photos on %s', (kind) => {
  let server: TestServer;
  let admin: ApiClient;
  let editor: ApiClient;
  let otherEditor: ApiClient;
  let projectId: number;
  let filed = 0;

  /** A fresh draft report of the editor's project, each in its own month from January 2025 on. */
  const draft = async () => {
    const n = filed++;
    const period = { year: 2025 + Math.floor(n / 12), month: (n % 12) + 1 };
    const res = await editor.post(`/api/v1/projects/${projectId}/reports`, { ...period, amountWan: 100 });
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
    (await admin.get(`/api/v1/reports/${reportId}/photos`)).body.items as {
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
        await server.db.kysely
          .selectFrom('report_photos')
          .select((eb) => eb.fn.countAll().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );

  beforeAll(async () => {
    server = await startTestServer(kind, { clock: () => TODAY });
    const county = await setUpCounty(server.url);
    admin = county.admin;
    editor = (
      await buildUser(admin, server.url, {
        username: 'lanjiang',
        role: 'unit_editor',
        unitId: county.unit('兰江街道').id,
        displayName: '兰江填报员',
      })
    ).client;
    otherEditor = (
      await buildUser(admin, server.url, {
        username: 'shanghua',
        role: 'unit_editor',
        unitId: county.unit('上华街道').id,
      })
    ).client;
    projectId = (
      await buildProject(admin, county.unit('兰江街道').id, {
        name: '兰江街道安置房工程',
        stage: 'construction',
        plannedStartDate: '2026-01-10',
        actualStartDate: '2026-01-20',
        totalInvestmentWan: 20000,
      })
    ).id;
  });
  afterAll(() => server.close());

  it('stores an uploaded JPEG with its caption, lists it, and serves the photo and a thumbnail of at most 320 px', async () => {
    const reportId = await draft();
    const res = await upload(editor, reportId, await picture(1200, 900), '基坑开挖.jpg', {
      caption: '  基坑开挖完成  ',
    });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      reportId,
      caption: '基坑开挖完成',
      fileName: '基坑开挖.jpg',
      width: 1200,
      height: 900,
      createdBy: '兰江填报员',
    });

    const [listed] = await photosOf(reportId);
    expect(listed).toEqual(res.body);
    expect(listed!.urls).toEqual({
      photo: `/api/v1/report-photos/${listed!.id}`,
      thumb: `/api/v1/report-photos/${listed!.id}/thumb`,
    });

    const thumb = await editor.getBytes(listed!.urls.thumb);
    expect(thumb.status).toBe(200);
    expect(thumb.headers.get('content-type')).toBe('image/jpeg');
    expect(thumb.headers.get('cache-control')).toBe('private, max-age=86400');
    expect(await dimensions(thumb.body)).toEqual({ format: 'jpeg', width: 320, height: 240 });

    const photo = await editor.getBytes(listed!.urls.photo);
    expect(photo.headers.get('cache-control')).toBe('private, max-age=86400');
    expect(await dimensions(photo.body)).toEqual({ format: 'jpeg', width: 1200, height: 900 });
    expect(photo.body.length).toBe(listed!.bytes);

    expect((await editor.get(`/api/v1/reports/${reportId}`)).body.photoCount).toBe(1);
    const ofProject = (await editor.get(`/api/v1/projects/${projectId}/reports`)).body.items;
    expect(ofProject.find((r: { id: number }) => r.id === reportId).photoCount).toBe(1);
  });

  it('downsizes a 4000×3000 picture of 8 MB to 2048 px on the long side', async () => {
    const reportId = await draft();
    const heavy = await heavyPicture(4000, 3000);
    expect(heavy.length).toBeGreaterThan(5 * 1024 * 1024);
    const res = await upload(editor, reportId, heavy, 'wide.jpg');
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ width: 2048, height: 1536 });
    expect(res.body.bytes).toBeLessThan(heavy.length);
    expect(await dimensions((await editor.getBytes(res.body.urls.photo)).body)).toEqual({
      format: 'jpeg',
      width: 2048,
      height: 1536,
    });
    expect(await dimensions((await editor.getBytes(res.body.urls.thumb)).body)).toEqual({
      format: 'jpeg',
      width: 320,
      height: 240,
    });
  });

  it('turns the photo upright by its EXIF orientation and keeps no metadata', async () => {
    const reportId = await draft();
    // Stored 400×300 on its side, with orientation 6 (rotate 90°), the camera's make and a GPS position.
    const sideways = await sharp(await picture(400, 300))
      .withMetadata({ orientation: 6 })
      .withExif({
        IFD0: { Make: 'LanternCam', Model: 'Site 1' },
        IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '29/1 12/1 0/1' },
      })
      .jpeg()
      .toBuffer();
    const original = await sharp(sideways).metadata();
    expect([original.orientation, Boolean(original.exif)]).toEqual([6, true]);

    const res = await upload(editor, reportId, sideways, 'sideways.jpg');
    expect(res.body).toMatchObject({ width: 300, height: 400 });
    for (const url of [res.body.urls.photo, res.body.urls.thumb]) {
      const m = await sharp((await editor.getBytes(url)).body).metadata();
      expect({
        exif: m.exif,
        icc: m.icc,
        xmp: m.xmp,
        orientation: m.orientation,
        portrait: m.height > m.width,
      }).toEqual({ exif: undefined, icc: undefined, xmp: undefined, orientation: undefined, portrait: true });
    }
  });

  it('detects the type from the bytes, not the name: a PNG called .jpg and a WebP are stored as JPEG', async () => {
    const reportId = await draft();
    expect(
      (await upload(editor, reportId, await picture(640, 480, 'png'), 'scan.jpg', { type: 'image/jpeg' })).status,
    ).toBe(201);
    expect(
      (await upload(editor, reportId, await picture(480, 640, 'webp'), 'phone.webp', { type: 'image/webp' })).status,
    ).toBe(201);
    const photos = await photosOf(reportId);
    expect(photos.map((p) => [p.fileName, p.width, p.height])).toEqual([
      ['scan.jpg', 640, 480],
      ['phone.webp', 480, 640],
    ]);
    expect((await dimensions((await editor.getBytes(photos[1]!.urls.photo)).body)).format).toBe('jpeg');
  });

  it.each([
    [
      'a text file renamed .jpg',
      () => Promise.resolve(Buffer.from('会议纪要：下周一浇筑顶板。\n')),
      'notes.jpg',
      400,
      'VALIDATION',
      '不是可识别的图片',
    ],
    [
      'a truncated JPEG',
      async () => (await picture(800, 600)).subarray(0, 3000),
      'cut.jpg',
      400,
      'VALIDATION',
      '不是可识别的图片',
    ],
    ['a GIF', () => picture(40, 30, 'gif'), 'anim.gif', 415, 'UNSUPPORTED_MEDIA', 'GIF 格式'],
  ])('refuses %s naming the file, and stores nothing', async (_what, make, fileName, status, code, message) => {
    const reportId = await draft();
    const before = await storedCount();
    const res = await upload(editor, reportId, await make(), fileName);
    expect(res.status).toBe(status);
    expect(res.body.error).toMatchObject({ code, field: 'file' });
    expect(res.body.error.message).toContain(`“${fileName}”`);
    expect(res.body.error.message).toContain(message);
    expect(await storedCount()).toBe(before);
    expect((await editor.get(`/api/v1/reports/${reportId}`)).body.photoCount).toBe(0);
  });

  it('refuses an HEIC photo it cannot read with a way out, and stores nothing', async () => {
    const reportId = await draft();
    // The ftyp box an iPhone writes, then bytes no decoder can read: refused as HEIC (with how to take
    // a JPEG instead) whether or not this server's sharp decodes HEIC.
    const heic = Buffer.concat([
      Buffer.from([0, 0, 0, 24]),
      Buffer.from('ftypheic'),
      Buffer.alloc(4),
      Buffer.from('mif1heic'),
      Buffer.alloc(512, 7),
    ]);
    const res = await upload(editor, reportId, heic, 'IMG_0001.HEIC', { type: 'image/heic' });
    expect(res.status).toBe(415);
    expect(res.body.error.message).toContain('HEIC');
    expect(res.body.error.message).toContain('兼容性最佳');
    expect(await photosOf(reportId)).toEqual([]);
  });

  it('refuses a file over 15 MB with 413 in the one error shape, in the caller’s language, and stores nothing', async () => {
    const reportId = await draft();
    const before = await storedCount();
    const huge = Buffer.alloc(15 * 1024 * 1024 + 1, 0xab);
    const res = await upload(editor, reportId, huge, 'drone.jpg');
    expect(res.status).toBe(413);
    expect(res.body).toEqual({
      error: { code: 'FILE_TOO_LARGE', field: 'file', message: '“drone.jpg”超过 15 MB，请压缩后再上传' },
    });
    const english = await upload(editor, reportId, huge, 'drone.jpg', { language: 'en' });
    expect(english.status).toBe(413);
    expect(english.body.error.message).toBe('"drone.jpg" is larger than 15 MB; make it smaller and try again');
    expect(await storedCount()).toBe(before);
  });

  it('refuses a caption over 100 characters, an upload without a file, and a JSON body', async () => {
    const reportId = await draft();
    const long = await upload(editor, reportId, await picture(64, 48), 'a.jpg', { caption: '说'.repeat(101) });
    expect(long.status).toBe(400);
    expect(long.body.error).toMatchObject({ field: 'caption', message: '照片说明最多 100 个字符' });
    const form = new FormData();
    form.append('caption', '只有说明');
    expect((await editor.postMultipart(`/api/v1/reports/${reportId}/photos`, form)).body.error).toMatchObject({
      field: 'file',
      message: '请选择要上传的照片',
    });
    const json = await editor.post(`/api/v1/reports/${reportId}/photos`, { file: 'x' });
    expect(json.status).toBe(415);
    expect(json.body.error.message).toContain('multipart/form-data');
    expect(await photosOf(reportId)).toEqual([]);
  });

  it('takes at most 9 photos per report: the 10th is refused', async () => {
    const reportId = await draft();
    const small = await picture(64, 48);
    for (let i = 1; i <= 8; i++) expect((await upload(editor, reportId, small, `p${i}.jpg`)).status).toBe(201);
    // Two at once for the last place: one gets it, the other is refused, never both.
    const last = await Promise.all([
      upload(editor, reportId, small, 'p9.jpg'),
      upload(editor, reportId, small, 'p9b.jpg'),
    ]);
    expect(last.map((r) => r.status).sort()).toEqual([201, 400]);
    const tenth = await upload(editor, reportId, small, 'p10.jpg');
    expect(tenth.status).toBe(400);
    expect(tenth.body.error).toMatchObject({ code: 'VALIDATION', field: 'file', message: '每份月报最多 9 张照片' });
    expect((await photosOf(reportId)).length).toBe(9);
  });

  it('refuses adding or removing photos once the report is submitted or approved (409), like other edits', async () => {
    const reportId = await draft();
    const kept = (await upload(editor, reportId, await picture(64, 48), 'kept.jpg')).body;
    await editor.post(`/api/v1/reports/${reportId}/submit`);
    const submitted = await upload(editor, reportId, await picture(64, 48), 'late.jpg');
    expect(submitted.status).toBe(409);
    expect(submitted.body.error.message).toBe('“已报送”状态的月报不能修改');
    expect((await admin.post(`/api/v1/reports/${reportId}/approve`)).body.state).toBe('approved');
    const approved = await upload(editor, reportId, await picture(64, 48), 'late.jpg');
    expect(approved.status).toBe(409);
    expect(approved.body.error.message).toContain('已审核的月报不能修改');
    expect((await editor.delete(`/api/v1/report-photos/${kept.id}`)).status).toBe(409);
    expect((await photosOf(reportId)).map((p) => p.fileName)).toEqual(['kept.jpg']);
    // Still readable by everyone who reads the report.
    expect((await editor.getBytes(kept.urls.thumb)).status).toBe(200);
  });

  it('keeps a locked month’s first revision as it is', async () => {
    const reportId = await draft();
    const { year, month } = (await editor.get(`/api/v1/reports/${reportId}`)).body;
    expect((await admin.post('/api/v1/report-locks', { year, month })).status).toBe(201);
    const res = await upload(editor, reportId, await picture(64, 48), 'a.jpg');
    expect(res.status).toBe(409);
    expect(res.body.error.message).toBe(`${year}年${month}月已锁定，只能提交更正`);
  });

  it('shows the photos only to those who may read the report: another township’s editor gets 404', async () => {
    const reportId = await draft();
    const photo = (await upload(editor, reportId, await picture(64, 48), 'a.jpg')).body;
    for (const path of [`/api/v1/reports/${reportId}/photos`, photo.urls.thumb, photo.urls.photo]) {
      const res = await otherEditor.getBytes(path);
      expect([path, res.status]).toEqual([path, 404]);
      expect(res.body).toMatchObject({ error: { code: 'NOT_FOUND' } });
    }
    expect((await otherEditor.delete(`/api/v1/report-photos/${photo.id}`)).status).toBe(404);
    expect((await upload(otherEditor, reportId, await picture(64, 48), 'b.jpg')).status).toBe(404);
    expect((await new ApiClient(server.url).getBytes(photo.urls.thumb)).status).toBe(401);
    // Whoever reads every report (here the administrator) sees them.
    expect((await admin.getBytes(photo.urls.thumb)).status).toBe(200);
    expect((await photosOf(reportId)).length).toBe(1);
  });

  it('deletes a photo while the report is editable, and audits the upload and the deletion', async () => {
    const reportId = await draft();
    const first = (await upload(editor, reportId, await picture(64, 48), '东立面.jpg', { caption: '东立面' })).body;
    const second = (await upload(editor, reportId, await picture(64, 48), '西立面.jpg')).body;
    expect((await editor.delete(`/api/v1/report-photos/${first.id}`)).status).toBe(204);
    expect((await photosOf(reportId)).map((p) => p.id)).toEqual([second.id]);
    expect((await editor.getBytes(first.urls.thumb)).status).toBe(404);
    expect((await editor.delete(`/api/v1/report-photos/${first.id}`)).status).toBe(404);

    const events = (await admin.get(`/api/v1/audit?objectType=report&objectId=${reportId}`)).body.items as {
      action: string;
      actorName: string;
      summary: string;
      before: unknown;
      after: unknown;
    }[];
    expect(events.map((e) => e.action)).toEqual([
      'report.deletePhoto',
      'report.addPhoto',
      'report.addPhoto',
      'report.create',
    ]);
    expect(events[0]).toMatchObject({
      actorName: '兰江填报员',
      before: { photoId: first.id, fileName: '东立面.jpg', caption: '东立面' },
    });
    expect(events[0]!.summary).toContain('删除照片“东立面.jpg”');
    expect(events[2]).toMatchObject({ after: { photoId: first.id, fileName: '东立面.jpg', sourceFormat: 'jpeg' } });
  });

  it('documents the photo endpoints in the OpenAPI document', async () => {
    const paths = (await admin.get('/api/v1/openapi.json')).body.paths;
    expect(Object.keys(paths['/api/v1/reports/{id}/photos'] ?? {}).sort()).toEqual(['get', 'post']);
    expect(Object.keys(paths['/api/v1/report-photos/{id}'] ?? {}).sort()).toEqual(['delete', 'get']);
    expect(Object.keys(paths['/api/v1/report-photos/{id}/thumb'] ?? {})).toEqual(['get']);
  });

  it('copyPhotos gives another revision its own copies: changing one leaves the other as it was', async () => {
    const from = await draft();
    await upload(editor, from, await picture(64, 48), 'a.jpg', { caption: '甲' });
    await upload(editor, from, await picture(48, 64), 'b.jpg', { caption: '乙' });
    const to = await draft();
    const copied = await server.db.kysely
      .transaction()
      .execute((trx) => server.services.reportPhotos.copyPhotos(from, to, trx));
    expect(copied).toBe(2);
    const [original, copies] = [await photosOf(from), await photosOf(to)];
    expect(copies.map((p) => [p.fileName, p.caption, p.width, p.height, p.bytes])).toEqual(
      original.map((p) => [p.fileName, p.caption, p.width, p.height, p.bytes]),
    );
    expect(copies.map((p) => p.id)).not.toEqual(original.map((p) => p.id));
    expect(
      (await editor.getBytes(copies[0]!.urls.thumb)).body.equals((await editor.getBytes(original[0]!.urls.thumb)).body),
    ).toBe(true);
    await editor.delete(`/api/v1/report-photos/${copies[0]!.id}`);
    expect((await photosOf(from)).length).toBe(2);
    expect((await photosOf(to)).length).toBe(1);
  });
});
