import multipart from '@fastify/multipart';
import type { FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  ATTACHMENT_EXTENSIONS,
  ATTACHMENT_LIMITS,
  type AttachmentType,
} from '../../../domain/tickets/attachment-rules.ts';
import { fileLabel } from '../../../domain/text/file-label.ts';
import { errorBody, fileResponse, idParams, standardErrors } from '../../../contract/common.ts';
import { ticketAttachment as attachmentView } from '../../../contract/tickets.ts';
import { clientIp, requireActor } from '../../http/auth.ts';
import { AppError, invalid } from '../../http/errors.ts';
import type { Api } from '../../http/types.ts';
import type { TicketAttachments } from './ticket-attachments.service.ts';

const MB = ATTACHMENT_LIMITS.maxFileBytes / (1024 * 1024);
const cleanName = (name: string | undefined) => fileLabel(name, 'file');

/** One file in `file`; the multipart library's errors become the API's own, naming the file. */
async function readFile(request: FastifyRequest): Promise<{ data: Buffer; fileName: string }> {
  if (!request.isMultipart()) throw new AppError(415, 'UNSUPPORTED_MEDIA', 'TICKET_NOT_MULTIPART');
  let file: { data: Buffer; fileName: string } | null = null;
  try {
    for await (const part of request.parts()) {
      if (part.type !== 'file') continue;
      const data = await part.toBuffer(); // read every file part, or the request never ends
      if (part.fieldname === 'file') file = { data, fileName: cleanName(part.filename) };
    }
  } catch (e) {
    const code = (e as { code?: string }).code;
    if (code === 'FST_REQ_FILE_TOO_LARGE') {
      const name = cleanName((e as { part?: { filename?: string } }).part?.filename);
      throw new AppError(413, 'FILE_TOO_LARGE', 'TICKET_FILE_TOO_LARGE', { name, mb: MB }, 'file');
    }
    if (code === 'FST_FILES_LIMIT') throw invalid('TICKET_ONE_FILE', {}, 'file');
    if (code === 'FST_INVALID_MULTIPART_CONTENT_TYPE')
      throw new AppError(415, 'UNSUPPORTED_MEDIA', 'TICKET_NOT_MULTIPART');
    if (e instanceof Error) throw invalid('TICKET_UPLOAD_BROKEN', {}, 'file');
    throw e;
  }
  if (!file || file.data.length === 0) throw invalid('TICKET_NO_FILE', {}, 'file');
  return file;
}

export function registerTicketAttachmentRoutes(app: Api, { attachments }: { attachments: TicketAttachments }) {
  const tags = ['tickets'];
  // Multipart is accepted by the upload route alone, in its own scope with the attachment's size limit.
  void app.register(async (scope) => {
    await scope.register(multipart, {
      limits: { fileSize: ATTACHMENT_LIMITS.maxFileBytes, files: 1, fields: 2, fieldSize: 256, parts: 3 },
    });
    scope.withTypeProvider<ZodTypeProvider>().post(
      '/api/v1/tickets/:id/attachments',
      {
        schema: {
          tags,
          summary: '上传附件 Attach an image or a PDF to a ticket (multipart: file)',
          description: `multipart/form-data with one file in "file": JPEG, PNG, WebP or PDF by its content, at most ${MB} MB; at most ${ATTACHMENT_LIMITS.perTicket} per ticket, while it is open.`,
          consumes: ['multipart/form-data'],
          params: idParams,
          response: { 201: attachmentView, ...standardErrors, 413: errorBody, 415: errorBody },
        },
      },
      async (request, reply) => {
        const actor = requireActor(request);
        const upload = await readFile(request);
        return reply.status(201).send(await attachments.attach(actor, request.params.id, upload, clientIp(request)));
      },
    );
  });

  app.get(
    '/api/v1/ticket-attachments/:id',
    {
      schema: {
        tags,
        summary: '附件 A ticket’s attachment, as it was uploaded',
        params: idParams,
        produces: ['image/jpeg', 'image/png', 'image/webp', 'application/pdf'],
        response: { 200: fileResponse('The file', 'jpeg', 'png', 'webp', 'pdf'), ...standardErrors },
      },
    },
    async (request, reply) => {
      const file = await attachments.attachment(requireActor(request), request.params.id);
      const type = file.content_type as AttachmentType;
      const ascii = `attachment.${ATTACHMENT_EXTENSIONS[type]}`;
      return reply
        .type(type)
        .header('cache-control', 'private, max-age=86400')
        .header('x-content-type-options', 'nosniff')
        .header(
          'content-disposition',
          `inline; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(file.file_name)}`,
        )
        .send(file.data);
    },
  );
}
