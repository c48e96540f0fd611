import { clientIp, requireActor } from '../../http/auth.ts';
import { localeOf, translate, type Locale } from '../../http/i18n.ts';
import multipart from '@fastify/multipart';
import fs from 'node:fs';
import type { FastifyReply } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { errorBody, fileResponse, idParams, noContent, standardErrors } from '../../../contract/common.ts';
import {
  figureRecords,
  indicatorsResponse,
  raceDefinitionBody,
  racesResponse,
  raceView,
  rankingExportQuery,
  rankingQuery,
  rankingResponse,
  recordsQuery,
  regeneratedResponse,
} from '../../../contract/race.ts';
import {
  indicatorValuesBody,
  indicatorValuesQuery,
  indicatorValuesResponse,
  indicatorValuesSaved,
  targetsBody,
  targetsExportQuery,
  targetsImported,
  targetsImportQuery,
  targetsQuery,
  targetsResponse,
  targetsSaved,
} from '../../../contract/targets.ts';
import type { Api } from '../../http/types.ts';
import type { RaceService } from './races.service.ts';
import type { TargetService } from './targets.service.ts';
import type { RaceFiles } from './race-files.service.ts';
import { TARGETS_FILE_LIMITS, readTargetsUpload } from './targets-import.ts';
import { attachment, XLSX_TYPE } from '../exports/xlsx.ts';

const sendXlsx = (reply: FastifyReply, file: { fileName: string; fallbackName: string; body: Buffer }) =>
  reply
    .header('content-type', XLSX_TYPE)
    .header('content-disposition', attachment(file.fileName, file.fallbackName))
    // A download reflects the figures of the moment; never served from a cache.
    .header('cache-control', 'no-store')
    .send(file.body);

/** Warnings carry their message in the reader's language, like errors do. */
function withMessages<T extends { warnings: { code: string; sum: number; messageKey: 'RACE_WEIGHTS_NOT_100' }[] }>(
  body: T,
  locale: Locale,
) {
  return {
    ...body,
    warnings: body.warnings.map(({ messageKey, ...w }) => ({
      ...w,
      message: translate(messageKey, locale, { sum: w.sum }),
    })),
  };
}

export function registerRaceRoutes(
  app: Api,
  {
    races,
    targets,
    files,
    defaultLocale,
  }: { races: RaceService; targets: TargetService; files: RaceFiles; defaultLocale: Locale },
) {
  const tags = ['race'];
  const locale = (request: { headers: Record<string, string | string[] | undefined> }) =>
    localeOf(request.headers['accept-language'] as string | undefined, defaultLocale);
  /** A file's language: the page's (`lang`, a link sends no Accept-Language of its own), else the request's. */
  const fileLocale = (request: { headers: Record<string, string | string[] | undefined> }, lang?: Locale) =>
    lang ?? locale(request);

  app.get(
    '/api/v1/indicators',
    {
      schema: {
        tags,
        summary: '指标库 The indicator library',
        response: { 200: indicatorsResponse, ...standardErrors },
      },
    },
    async (request) => {
      requireActor(request);
      return targets.indicators();
    },
  );

  app.get(
    '/api/v1/targets',
    {
      schema: {
        tags,
        summary: '目标任务 Targets of a year, per unit and indicator',
        querystring: targetsQuery,
        response: { 200: targetsResponse, ...standardErrors },
      },
    },
    (request) => targets.targets(requireActor(request), request.query.year),
  );
  app.put(
    '/api/v1/targets',
    {
      schema: {
        tags,
        summary: '设置目标任务 Set targets (null removes one); all checked before any is written',
        body: targetsBody,
        response: { 200: targetsSaved, ...standardErrors },
      },
    },
    (request) => targets.setTargets(requireActor(request), request.body, clientIp(request)),
  );

  app.get(
    '/api/v1/targets/export',
    {
      schema: {
        tags,
        summary: '导出目标任务 The targets grid of a year as .xlsx: units × indicators (money in 万元) and a 合计 row',
        querystring: targetsExportQuery,
        response: { 200: fileResponse('The targets grid', 'xlsx'), ...standardErrors },
      },
    },
    async (request, reply) =>
      sendXlsx(
        reply,
        await files.targetsXlsx(requireActor(request), request.query.year, fileLocale(request, request.query.lang)),
      ),
  );
  // Multipart bodies are accepted by the import route alone, inside its own plugin scope.
  void app.register(async (scope) => {
    await scope.register(multipart, {
      limits: { fileSize: TARGETS_FILE_LIMITS.maxBytes, files: 1, fields: 2, fieldSize: 200, parts: 3 },
    });
    scope.withTypeProvider<ZodTypeProvider>().post(
      '/api/v1/targets/import',
      {
        schema: {
          tags,
          summary: '导入目标任务 Set a year’s targets from an .xlsx in the export’s layout; all or nothing',
          description: `multipart/form-data with the file in "file" (.xlsx or .csv, at most ${TARGETS_FILE_LIMITS.maxBytes / 1024 / 1024} MB), laid out as GET /api/v1/targets/export writes it: a header row whose first cell is 单位 (Unit), one column per indicator (money in 万元, or 亿元 where the header says so), one row per unit by name. An empty cell removes a target. Every problem is listed by its cell (C5) in one 400 and nothing is saved; otherwise the changed targets are saved and audited as a grid save.`,
          consumes: ['multipart/form-data'],
          querystring: targetsImportQuery,
          response: { 200: targetsImported, ...standardErrors, 413: errorBody, 415: errorBody },
        },
      },
      async (request) => {
        const actor = requireActor(request);
        const file = await readTargetsUpload(request);
        try {
          return await files.importTargets(actor, request.query.year, file, clientIp(request), locale(request));
        } finally {
          await fs.promises.rm(file.path, { force: true });
        }
      },
    );
  });

  app.get(
    '/api/v1/indicator-values',
    {
      schema: {
        tags,
        summary: '统计数据 Statistics entered by hand, year to date through a month; asOf: as they stood at a moment',
        querystring: indicatorValuesQuery,
        response: { 200: indicatorValuesResponse, ...standardErrors },
      },
    },
    async (request) =>
      targets.values(
        requireActor(request),
        request.query.indicator,
        request.query.year,
        request.query.month,
        await races.resolveAsOf(request.query.asOf),
      ),
  );
  app.put(
    '/api/v1/indicator-values',
    {
      schema: {
        tags,
        summary: '录入统计数据 Enter statistics of one indicator and month, each with its source',
        body: indicatorValuesBody,
        response: { 200: indicatorValuesSaved, ...standardErrors },
      },
    },
    (request) => targets.setValues(requireActor(request), request.body, clientIp(request)),
  );

  app.get(
    '/api/v1/races',
    { schema: { tags, summary: '赛马 Races', response: { 200: racesResponse, ...standardErrors } } },
    async (request) => {
      const body = await races.list(requireActor(request));
      return { items: body.items.map((i) => withMessages(i, locale(request))) };
    },
  );
  app.post(
    '/api/v1/races',
    {
      schema: {
        tags,
        summary: '新建赛马 Define a race',
        body: raceDefinitionBody,
        response: { 201: raceView, ...standardErrors },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(
          withMessages(await races.create(requireActor(request), request.body, clientIp(request)), locale(request)),
        ),
  );
  app.get(
    '/api/v1/races/:id',
    {
      schema: {
        tags,
        summary: '赛马设置 A race',
        params: idParams,
        response: { 200: raceView, ...standardErrors },
      },
    },
    async (request) => withMessages(await races.get(requireActor(request), request.params.id), locale(request)),
  );
  app.put(
    '/api/v1/races/:id',
    {
      schema: {
        tags,
        summary: '修改赛马 Change a race',
        params: idParams,
        body: raceDefinitionBody,
        response: { 200: raceView, ...standardErrors },
      },
    },
    async (request) =>
      withMessages(
        await races.update(requireActor(request), request.params.id, request.body, clientIp(request)),
        locale(request),
      ),
  );
  app.delete(
    '/api/v1/races/:id',
    {
      schema: {
        tags,
        summary: '删除赛马（未发布通报时）Delete a race without bulletins',
        params: idParams,
        response: { 204: noContent, ...standardErrors },
      },
    },
    async (request, reply) => {
      await races.remove(requireActor(request), request.params.id, clientIp(request));
      return reply.status(204).send(null);
    },
  );
  app.get(
    '/api/v1/races/:id/ranking',
    {
      schema: {
        tags,
        summary: '赛马排名 The ranking of a period (default: the latest finished), with changes and history',
        params: idParams,
        querystring: rankingQuery,
        response: { 200: rankingResponse, ...standardErrors },
      },
    },
    async (request) =>
      withMessages(
        await races.ranking(
          requireActor(request),
          request.params.id,
          request.query.year,
          request.query.period,
          request.query.asOf,
        ),
        locale(request),
      ),
  );
  app.get(
    '/api/v1/races/:id/ranking/export',
    {
      schema: {
        tags,
        summary:
          '导出排名 The ranking as .xlsx, as the page shows it: each group’s table with scores, ranks and changes; same params as the ranking',
        params: idParams,
        querystring: rankingExportQuery,
        response: { 200: fileResponse('The ranking', 'xlsx'), ...standardErrors },
      },
    },
    async (request, reply) =>
      sendXlsx(
        reply,
        await files.rankingXlsx(
          requireActor(request),
          request.params.id,
          request.query,
          fileLocale(request, request.query.lang),
        ),
      ),
  );
  app.get(
    '/api/v1/races/:id/records',
    {
      schema: {
        tags,
        summary:
          '数据来源 The records behind one computed figure of a unit: the projects it counts or the approved report revisions it sums',
        params: idParams,
        querystring: recordsQuery,
        response: { 200: figureRecords, ...standardErrors },
      },
    },
    (request) => races.records(requireActor(request), request.params.id, request.query),
  );
  app.get(
    '/api/v1/bulletins/:id/regenerated',
    {
      schema: {
        tags: ['bulletins'],
        summary:
          '历史复算 A bulletin’s ranking computed again from history as of its publication, beside the frozen one',
        params: idParams,
        response: { 200: regeneratedResponse, ...standardErrors },
      },
    },
    (request) => races.regenerate(requireActor(request), request.params.id),
  );
}
