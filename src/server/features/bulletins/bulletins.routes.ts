import { clientIp, requireActor } from '../../http/auth.ts';
import { fileResponse, FILE_TYPES, idParams, standardErrors } from '../../../contract/common.ts';
import {
  bulletinDraft,
  bulletinListQuery,
  bulletinPeriodQuery,
  bulletinsResponse,
  bulletinView,
  correctionBody,
  correctionDraft,
  publishBody,
  publishCheck,
} from '../../../contract/bulletins.ts';
import type { Api } from '../../http/types.ts';
import type { BulletinService } from './bulletins.service.ts';
import { localeOf, type Locale } from '../../http/i18n.ts';
import { presentPublishCheck } from './publish-check.presenter.ts';
import { BULLETIN_FILE_KINDS, type BulletinFileKind } from './bulletin-files.ts';

const CONTENT_TYPES = {
  docx: FILE_TYPES.docx,
  pdf: FILE_TYPES.pdf,
  xlsx: FILE_TYPES.xlsx,
} as const satisfies Record<BulletinFileKind, string>;

const DOWNLOAD_SUMMARIES = {
  docx: '下载 Word Download as .docx',
  pdf: '下载 PDF Download as PDF',
  xlsx: '下载 Excel Download as .xlsx: sheet 通报 the tables as printed, sheet 明细 the records behind each computed figure as of publication',
} as const satisfies Record<BulletinFileKind, string>;

export function registerBulletinRoutes(
  app: Api,
  { bulletins, defaultLocale = 'zh-CN' }: { bulletins: BulletinService; defaultLocale?: Locale },
) {
  const tags = ['bulletins'];

  app.get(
    '/api/v1/races/:id/bulletin-draft',
    {
      schema: {
        tags,
        summary: '通报初稿 A first draft (title, 文号, commentary) for a period',
        params: idParams,
        querystring: bulletinPeriodQuery,
        response: { 200: bulletinDraft, ...standardErrors },
      },
    },
    (request) => bulletins.draft(requireActor(request), request.params.id, request.query.year, request.query.period),
  );

  app.post(
    '/api/v1/bulletins',
    {
      schema: {
        tags,
        summary: '发布通报 Publish: the period’s ranking is frozen with the commentary',
        body: publishBody,
        response: { 201: bulletinView, ...standardErrors },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await bulletins.publish(requireActor(request), request.body, clientIp(request))),
  );

  app.get(
    '/api/v1/races/:id/publish-check',
    {
      schema: {
        tags,
        summary:
          '发布前检查 What is missing before a period is published: units without targets or entered figures, weights, small groups, an unfinished period',
        params: idParams,
        querystring: bulletinPeriodQuery,
        response: { 200: publishCheck, ...standardErrors },
      },
    },
    async (request) =>
      presentPublishCheck(
        await bulletins.publishCheck(
          requireActor(request),
          request.params.id,
          request.query.year,
          request.query.period,
        ),
        localeOf(request.headers['accept-language'], defaultLocale),
      ),
  );

  app.get(
    '/api/v1/bulletins/:id/correction-draft',
    {
      schema: {
        tags,
        summary: '更正通报初稿 Defaults of a correction: title, next 文号, a fresh draft of the text',
        params: idParams,
        response: { 200: correctionDraft, ...standardErrors },
      },
    },
    (request) => bulletins.correctionDraft(requireActor(request), request.params.id),
  );

  app.post(
    '/api/v1/bulletins/:id/corrections',
    {
      schema: {
        tags,
        summary:
          '发布更正通报 Correct a published bulletin: a new bulletin of the same period, ranked from today’s data, supersedes it',
        params: idParams,
        body: correctionBody,
        response: { 201: bulletinView, ...standardErrors },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(await bulletins.correct(requireActor(request), request.params.id, request.body, clientIp(request))),
  );

  app.get(
    '/api/v1/bulletins',
    {
      schema: {
        tags,
        summary: '通报 Published bulletins',
        querystring: bulletinListQuery,
        response: { 200: bulletinsResponse, ...standardErrors },
      },
    },
    (request) => bulletins.list(requireActor(request), request.query.raceId),
  );
  app.get(
    '/api/v1/bulletins/:id',
    {
      schema: {
        tags,
        summary: '通报 A bulletin as published, with the SHA-256 of its Word, PDF and Excel files',
        params: idParams,
        response: { 200: bulletinView, ...standardErrors },
      },
    },
    (request) => bulletins.get(requireActor(request), request.params.id, { withFiles: true }),
  );

  for (const kind of BULLETIN_FILE_KINDS) {
    app.get(
      `/api/v1/bulletins/:id/${kind}`,
      {
        schema: {
          tags,
          summary: DOWNLOAD_SUMMARIES[kind],
          params: idParams,
          response: { 200: fileResponse(`The bulletin as .${kind}`, kind), ...standardErrors },
        },
      },
      async (request, reply) => {
        const { body, sha256, fileName } = await bulletins.file(requireActor(request), request.params.id, kind);
        // The same hex digest as GET /bulletins/:id lists under files, so a client can check what it got.
        return reply
          .header('content-type', CONTENT_TYPES[kind])
          .header('x-content-sha256', sha256)
          .header(
            'content-disposition',
            `attachment; filename="bulletin.${kind}"; filename*=UTF-8''${encodeURIComponent(fileName)}`,
          )
          .send(body);
      },
    );
  }
}
