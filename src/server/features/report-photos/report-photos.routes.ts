import multipart from '@fastify/multipart';
import type { FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { PHOTO_LIMITS } from '../../../domain/reports/photo-rules.ts';
import { fileLabel } from '../../../domain/text/file-label.ts';
import { clientIp, requireActor } from '../../http/auth.ts';
import { AppError, invalid } from '../../http/errors.ts';
import { errorBody, fileResponse, idParams, noContent, standardErrors } from '../../../contract/common.ts';
import { photoCaption, reportPhoto, reportPhotosResponse } from '../../../contract/reports.ts';
import { formText } from '../../http/input-guard.ts';
import type { Api } from '../../http/types.ts';
import type { PhotoUpload, ReportPhotoService } from './report-photos.service.ts';

const MB = PHOTO_LIMITS.maxFileBytes / (1024 * 1024);

const cleanName = (name: string | undefined) => fileLabel(name, 'photo');

/**
 * Reads the multipart body: one file in `file`, an optional `caption`, in any order. @fastify/multipart's
 * errors become the API's own, in the caller's language, naming the file where there is one.
 */
async function readUpload(request: FastifyRequest): Promise<PhotoUpload> {
  if (!request.isMultipart()) throw new AppError(415, 'UNSUPPORTED_MEDIA', 'PHOTO_NOT_MULTIPART');
  let file: { data: Buffer; fileName: string } | null = null;
  let text = '';
  try {
    for await (const part of request.parts()) {
      if (part.type === 'file') {
        const data = await part.toBuffer(); // read every file part, or the request never ends
        if (part.fieldname === 'file') file = { data, fileName: cleanName(part.filename) };
      } else if (part.fieldname === 'caption') {
        text = String(part.value);
      }
    }
  } catch (e) {
    const code = (e as { code?: string }).code;
    if (code === 'FST_REQ_FILE_TOO_LARGE') {
      const name = cleanName((e as { part?: { filename?: string } }).part?.filename);
      throw new AppError(413, 'FILE_TOO_LARGE', 'PHOTO_TOO_LARGE', { name, mb: MB }, 'file');
    }
    if (code === 'FST_FILES_LIMIT') throw invalid('PHOTO_ONE_FILE', {}, 'file');
    if (code === 'FST_PARTS_LIMIT' || code === 'FST_FIELDS_LIMIT' || code === 'FST_PROTO_VIOLATION')
      throw invalid('PHOTO_FORM');
    if (code === 'FST_INVALID_MULTIPART_CONTENT_TYPE')
      throw new AppError(415, 'UNSUPPORTED_MEDIA', 'PHOTO_NOT_MULTIPART');
    // A broken or cut-off body (busboy: "Unexpected end of form", "Malformed part header", …).
    if (code === 'FST_MP_PREMATURE_CLOSE' || e instanceof Error) throw invalid('PHOTO_INTERRUPTED');
    throw e;
  }
  if (!file || file.data.length === 0) throw invalid('PHOTO_NO_FILE', {}, 'file');
  const parsed = photoCaption.safeParse(formText(text, 'caption'));
  if (!parsed.success) throw invalid('V_TOO_LONG', { field: '@caption', n: PHOTO_LIMITS.captionMax }, 'caption');
  return { ...file, caption: parsed.data };
}

/** The pictures never change under an id: a browser may keep them for a day, but only for this person. */
const PICTURE_CACHE = 'private, max-age=86400';

export function registerReportPhotoRoutes(app: Api, { photos }: { photos: ReportPhotoService }) {
  const tags = ['reports'];

  // Multipart bodies are accepted by the upload route alone, inside its own plugin scope, with the
  // photo's size limit; every other route keeps refusing anything but JSON.
  void app.register(async (scope) => {
    await scope.register(multipart, {
      limits: { fileSize: PHOTO_LIMITS.maxFileBytes, files: 1, fields: 4, fieldSize: 2048, parts: 6 },
    });
    scope.withTypeProvider<ZodTypeProvider>().post(
      '/api/v1/reports/:id/photos',
      {
        schema: {
          tags,
          summary: '上传现场照片 Add a site photo (multipart: file, caption?)',
          description: `multipart/form-data with one file in "file" (JPEG, PNG or WebP, at most ${MB} MB) and an optional "caption" (≤ ${PHOTO_LIMITS.captionMax} characters). At most ${PHOTO_LIMITS.perReport} photos per report revision, while it is a draft or returned.`,
          consumes: ['multipart/form-data'],
          params: idParams,
          response: { 201: reportPhoto, ...standardErrors, 413: errorBody, 415: errorBody },
        },
      },
      async (request, reply) => {
        const actor = requireActor(request);
        const upload = await readUpload(request);
        return reply.status(201).send(await photos.upload(actor, request.params.id, upload, clientIp(request)));
      },
    );
  });

  app.get(
    '/api/v1/reports/:id/photos',
    {
      schema: {
        tags,
        summary: '月报现场照片 Photos of a report',
        params: idParams,
        response: { 200: reportPhotosResponse, ...standardErrors },
      },
    },
    (request) => photos.list(requireActor(request), request.params.id),
  );

  app.get(
    '/api/v1/report-photos/:id',
    // The body is JPEG bytes, declared by its content type; errors keep the one error shape.
    {
      schema: {
        tags,
        summary: '照片（JPEG，长边不超过 2048 像素） A photo, JPEG',
        params: idParams,
        produces: ['image/jpeg'],
        response: { 200: fileResponse('The photo', 'jpeg'), ...standardErrors },
      },
    },
    async (request, reply) => {
      const { data, fileName } = await photos.picture(requireActor(request), request.params.id, 'photo');
      const jpegName = `${fileName.replace(/\.[^.]*$/, '')}.jpg`;
      return reply
        .type('image/jpeg')
        .header('cache-control', PICTURE_CACHE)
        .header('content-disposition', `inline; filename="photo.jpg"; filename*=UTF-8''${encodeURIComponent(jpegName)}`)
        .send(data);
    },
  );

  app.get(
    '/api/v1/report-photos/:id/thumb',
    {
      schema: {
        tags,
        summary: '照片缩略图（长边不超过 320 像素） A thumbnail, JPEG',
        params: idParams,
        produces: ['image/jpeg'],
        response: { 200: fileResponse('The thumbnail', 'jpeg'), ...standardErrors },
      },
    },
    async (request, reply) => {
      const { data } = await photos.picture(requireActor(request), request.params.id, 'thumb');
      return reply.type('image/jpeg').header('cache-control', PICTURE_CACHE).send(data);
    },
  );

  app.delete(
    '/api/v1/report-photos/:id',
    {
      schema: {
        tags,
        summary: '删除现场照片 Remove a photo (draft or returned report)',
        params: idParams,
        response: { 204: noContent, ...standardErrors },
      },
    },
    async (request, reply) => {
      await photos.remove(requireActor(request), request.params.id, clientIp(request));
      return reply.status(204).send(null);
    },
  );
}
