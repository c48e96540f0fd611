import fs from 'node:fs';
import { PassThrough } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import multipart from '@fastify/multipart';
import type { FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { fileLabel } from '../../../domain/text/file-label.ts';
import { IMPORT_LIMITS } from '../../../domain/exchange/import-limits.ts';
import { LEDGER_KINDS, type LedgerKind } from '../../../domain/exchange/column-sets.ts';
import { REPORT_IMPORT_STATES, type ReportImportState } from '../../../domain/exchange/report-import-rules.ts';
import { clientIp, requireActor } from '../../http/auth.ts';
import { AppError, invalid } from '../../http/errors.ts';
import { localeOf, type Locale } from '../../http/i18n.ts';
import { formText } from '../../http/input-guard.ts';
import { errorBody, fileResponse, idParams, standardErrors } from '../../../contract/common.ts';
import {
  importErrorsQuery,
  importErrorsResponse,
  importListQuery,
  importListResponse,
  importMappingBody,
  importRunQuery,
  importView,
} from '../../../contract/imports.ts';
import type { Api } from '../../http/types.ts';
import { tempPath } from './records/import-temp.ts';
import type { ImportService, UploadedFile } from './imports.service.ts';

const MB = IMPORT_LIMITS.maxFileBytes / 1024 / 1024;
const cleanName = (name: string | undefined) => fileLabel(name, 'ledger.xlsx');

/**
 * Reads the multipart body: the file in `file` (streamed to a temporary file, never held in memory)
 * and optional `unitId` and `sheet`. @fastify/multipart's errors become the API's own.
 */
async function readUpload(request: FastifyRequest): Promise<{
  file: UploadedFile;
  unitId?: number;
  sheet?: string;
  ledger?: LedgerKind;
  reportState?: ReportImportState;
}> {
  if (!request.isMultipart()) throw new AppError(415, 'UNSUPPORTED_MEDIA', 'IMPORT_NOT_MULTIPART');
  let file: UploadedFile | null = null;
  const fields: Record<string, string> = {};
  const fail = async (e: AppError) => {
    if (file) await fs.promises.rm(file.path, { force: true });
    throw e;
  };
  try {
    for await (const part of request.parts()) {
      if (part.type === 'file') {
        const fileName = cleanName(part.filename);
        if (part.fieldname !== 'file' || file) {
          part.file.resume();
          continue;
        }
        const path = tempPath('.upload');
        await pipeline(part.file, fs.createWriteStream(path));
        file = { path, fileName, bytes: (await fs.promises.stat(path)).size };
        if (part.file.truncated)
          await fail(new AppError(413, 'FILE_TOO_LARGE', 'IMPORT_TOO_LARGE', { name: fileName, mb: MB }, 'file'));
      } else fields[part.fieldname] = String(part.value);
    }
  } catch (e) {
    if (e instanceof AppError) throw e;
    const code = (e as { code?: string }).code;
    if (code === 'FST_REQ_FILE_TOO_LARGE')
      await fail(
        new AppError(
          413,
          'FILE_TOO_LARGE',
          'IMPORT_TOO_LARGE',
          { name: file?.fileName ?? cleanName((e as { part?: { filename?: string } }).part?.filename), mb: MB },
          'file',
        ),
      );
    if (code === 'FST_FILES_LIMIT') await fail(invalid('IMPORT_ONE_FILE', {}, 'file'));
    if (code === 'FST_PARTS_LIMIT' || code === 'FST_FIELDS_LIMIT' || code === 'FST_PROTO_VIOLATION')
      await fail(invalid('IMPORT_FORM'));
    if (code === 'FST_INVALID_MULTIPART_CONTENT_TYPE')
      await fail(new AppError(415, 'UNSUPPORTED_MEDIA', 'IMPORT_NOT_MULTIPART'));
    await fail(invalid('IMPORT_INTERRUPTED'));
  }
  if (!file) throw invalid('IMPORT_NO_FILE', {}, 'file');
  for (const [name, value] of Object.entries(fields)) {
    try {
      fields[name] = formText(value, name);
    } catch (e) {
      await fail(e as AppError);
    }
  }
  const unitId = fields.unitId ? Number(fields.unitId) : undefined;
  if (unitId !== undefined && !(Number.isInteger(unitId) && unitId > 0))
    await fail(invalid('V_TYPE', { field: '@unitId', expected: '@int' }, 'unitId'));
  const ledger = fields.ledger?.trim() || undefined;
  if (ledger !== undefined && !(LEDGER_KINDS as readonly string[]).includes(ledger))
    await fail(invalid('V_ONE_OF', { field: '@ledger', values: LEDGER_KINDS.join(', ') }, 'ledger'));
  const reportState = fields.reportState?.trim() || undefined;
  if (reportState !== undefined && !(REPORT_IMPORT_STATES as readonly string[]).includes(reportState))
    await fail(invalid('V_ONE_OF', { field: '@reportState', values: REPORT_IMPORT_STATES.join(', ') }, 'reportState'));
  return {
    file,
    unitId,
    sheet: fields.sheet?.trim() || undefined,
    ledger: ledger as LedgerKind | undefined,
    reportState: reportState as ReportImportState | undefined,
  };
}

export function registerImportRoutes(
  app: Api,
  { imports, defaultLocale }: { imports: ImportService; defaultLocale: Locale },
) {
  const tags = ['imports'];
  const locale = (request: FastifyRequest) => localeOf(request.headers['accept-language'], defaultLocale);

  // Multipart bodies are accepted by the upload route alone, inside its own plugin scope.
  void app.register(async (scope) => {
    await scope.register(multipart, {
      limits: { fileSize: IMPORT_LIMITS.maxFileBytes, files: 1, fields: 6, fieldSize: 200, parts: 8 },
    });
    scope.withTypeProvider<ZodTypeProvider>().post(
      '/api/v1/imports',
      {
        schema: {
          tags,
          summary: '上传台账 Upload a ledger (multipart: file, unitId?, sheet?, ledger?, reportState?)',
          description: `multipart/form-data with the ledger in "file" (.xlsx or .csv, at most ${MB} MB), optionally "unitId" (the unit imported into; default your own), "sheet", "ledger" (projects — the default — or reports: monthly reports) and, for reports, "reportState" (draft, submitted — the default — or approved: history, for those who review). Answers with the sheet, the header found, the columns with their proposed fields (a saved mapping of the unit wins), and a preview of the first rows as they would be stored. Nothing is written to the project library yet.`,
          consumes: ['multipart/form-data'],
          response: { 201: importView, ...standardErrors, 413: errorBody, 415: errorBody },
        },
      },
      async (request, reply) => {
        const actor = requireActor(request);
        const upload = await readUpload(request);
        try {
          return reply.status(201).send(
            await imports.upload(
              actor,
              upload.file,
              {
                unitId: upload.unitId,
                sheet: upload.sheet,
                ledger: upload.ledger,
                options: upload.reportState ? { reportState: upload.reportState } : undefined,
              },
              clientIp(request),
              locale(request),
            ),
          );
        } finally {
          await fs.promises.rm(upload.file.path, { force: true });
        }
      },
    );
  });

  app.get(
    '/api/v1/imports',
    {
      schema: {
        tags,
        summary: '导入记录 Import history, newest first',
        querystring: importListQuery,
        response: {
          200: importListResponse,
          ...standardErrors,
        },
      },
    },
    (request) => imports.list(requireActor(request), request.query, locale(request)),
  );

  app.get(
    '/api/v1/imports/:id',
    {
      schema: {
        tags,
        summary: '导入状态与进度 An import: status, progress, counts',
        params: idParams,
        response: { 200: importView, ...standardErrors },
      },
    },
    (request) => imports.get(requireActor(request), request.params.id, locale(request)),
  );

  app.put(
    '/api/v1/imports/:id/mapping',
    {
      schema: {
        tags,
        summary: '修改列对应 Correct the mapping (and optionally save it for the unit)',
        description:
          "columns: letter → field (null leaves the column out); defaults: values for fields the ledger has no column for (labels such as 新建 or identifiers); sheet/headerRow choose another sheet or header row; save: true keeps the mapping for the unit's next imports. Answers with a new preview.",
        params: idParams,
        body: importMappingBody,
        response: { 200: importView, ...standardErrors },
      },
    },
    (request) =>
      imports.setMapping(requireActor(request), request.params.id, request.body, locale(request), clientIp(request)),
  );

  for (const [path, mode, summary] of [
    ['dry-run', 'check', '试导入（校验全部行，不写入） Dry run: check every row, write nothing'],
    ['commit', 'commit', '正式导入（全部成功或全部不写入） Commit: all rows in one transaction, or nothing'],
  ] as const) {
    app.post(
      `/api/v1/imports/:id/${path}`,
      {
        schema: {
          tags,
          summary,
          description:
            'By default answers when done (200) with the counts and the first errors. With ?wait=false answers at once (202); follow GET /api/v1/imports/{id} for progress.',
          params: idParams,
          querystring: importRunQuery,
          response: { 200: importView, 202: importView, ...standardErrors },
        },
      },
      async (request, reply) => {
        const view = await imports.start(requireActor(request), request.params.id, mode, {
          wait: request.query.wait,
          ip: clientIp(request),
          locale: locale(request),
        });
        return reply.status(request.query.wait ? 200 : 202).send(view);
      },
    );
  }

  app.get(
    '/api/v1/imports/:id/errors',
    {
      schema: {
        tags,
        summary: '校验错误 Errors of the last check, in row order',
        params: idParams,
        querystring: importErrorsQuery,
        response: { 200: importErrorsResponse, ...standardErrors },
      },
    },
    (request) =>
      imports.errors(
        requireActor(request),
        request.params.id,
        request.query.cursor ?? -1,
        request.query.limit,
        locale(request),
      ),
  );

  app.get(
    '/api/v1/imports/:id/errors.xlsx',
    {
      schema: {
        tags,
        summary: '错误标注工作簿 The ledger with its errors marked (red cells with comments)',
        params: idParams,
        produces: ['application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'],
        response: { 200: fileResponse('The ledger with its errors marked', 'xlsx'), ...standardErrors },
      },
    },
    async (request, reply) => {
      const { fileName, write } = await imports.errorWorkbook(requireActor(request), request.params.id);
      const body = new PassThrough();
      write(body).catch((e: unknown) => body.destroy(e instanceof Error ? e : new Error(String(e))));
      return reply
        .type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
        .header(
          'content-disposition',
          `attachment; filename="errors.xlsx"; filename*=UTF-8''${encodeURIComponent(fileName)}`,
        )
        .send(body);
    },
  );
}
