import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApiClient } from './support/client.ts';
import { databaseKinds } from './support/databases.ts';
import { picture, reportPhotos, startPhotosCounty } from './support/report-photos.ts';
import type { TestServer } from './support/server.ts';

// Taking a photo in: stored upright, downsized and stripped, its type read from the bytes, and what is refused.

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
  let projectId: number;
  const { draft, upload, photosOf, storedCount } = reportPhotos(() => ({ server, admin, editor, projectId }));

  beforeAll(async () => {
    ({ server, admin, editor, projectId } = await startPhotosCounty(kind));
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

  it('refuses a caption over 100 characters or with a control character, an upload without a file, and a JSON body', async () => {
    const reportId = await draft();
    const long = await upload(editor, reportId, await picture(64, 48), 'a.jpg', { caption: '说'.repeat(101) });
    expect(long.status).toBe(400);
    expect(long.body.error).toMatchObject({ field: 'caption', message: '照片说明最多 100 个字符' });
    const control = await upload(editor, reportId, await picture(64, 48), 'a.jpg', { caption: '基坑\u0000开挖' });
    expect(control.status).toBe(400);
    expect(control.body.error).toMatchObject({ code: 'VALIDATION', field: 'caption' });
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
});
