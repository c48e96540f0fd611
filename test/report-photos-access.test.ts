import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiClient } from './support/client.ts';
import { databaseKinds } from './support/databases.ts';
import { picture, reportPhotos, startPhotosCounty } from './support/report-photos.ts';
import type { TestServer } from './support/server.ts';

// A photo once stored: changed only while the report is editable, seen only by its readers, audited, copied.

describe.each(await databaseKinds())('report photos on %s', (kind) => {
  let server: TestServer;
  let admin: ApiClient;
  let editor: ApiClient;
  let otherEditor: ApiClient;
  let projectId: number;
  const { draft, upload, photosOf } = reportPhotos(() => ({ server, admin, editor, projectId }));

  beforeAll(async () => {
    ({ server, admin, editor, otherEditor, projectId } = await startPhotosCounty(kind));
  });
  afterAll(() => server.close());

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
