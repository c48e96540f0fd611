import type { FastifyReply } from 'fastify';
import { requireActor } from '../../http/auth.ts';
import { fileResponse, standardErrors } from '../../../contract/common.ts';
import type { Api } from '../../http/types.ts';
import { fourListsExportQuery, projectExportQuery } from '../../../contract/exports.ts';
import type { ExportService, XlsxDownload } from './exports.service.ts';
import { attachment, XLSX_TYPE } from './xlsx.ts';

const send = (reply: FastifyReply, file: XlsxDownload) =>
  reply
    .header('content-type', XLSX_TYPE)
    .header('content-disposition', attachment(file.fileName, file.fallbackName))
    // A download reflects the data of the moment; never served from a cache.
    .header('cache-control', 'no-store')
    .send(file.body);

export function registerExportRoutes(app: Api, { exports }: { exports: ExportService }) {
  const tags = ['exports'];

  app.get(
    '/api/v1/projects/export.xlsx',
    {
      schema: {
        tags,
        summary:
          '导出项目库 The project list as .xlsx: the list’s filters and sort, plus columns= (visible columns, in order)',
        querystring: projectExportQuery,
        response: { 200: fileResponse('The project list', 'xlsx'), ...standardErrors },
      },
    },
    async (request, reply) => send(reply, await exports.projectList(requireActor(request), request.query)),
  );

  app.get(
    '/api/v1/project-lists/export.xlsx',
    {
      schema: {
        tags,
        summary: '导出四张清单 The four lists of a year as ledgers, one sheet per list',
        querystring: fourListsExportQuery,
        response: { 200: fileResponse('The four lists', 'xlsx'), ...standardErrors },
      },
    },
    async (request, reply) =>
      send(reply, await exports.fourLists(requireActor(request), request.query.year, request.query.unitId)),
  );

  app.get(
    '/api/v1/templates/projects.xlsx',
    {
      schema: {
        tags,
        summary: '项目导入模板 The project import template',
        response: { 200: fileResponse('The template', 'xlsx'), ...standardErrors },
      },
    },
    async (request, reply) => send(reply, await exports.projectTemplate(requireActor(request))),
  );

  app.get(
    '/api/v1/templates/enterprises.xlsx',
    {
      schema: {
        tags,
        summary: '企业导入模板 The enterprise import template',
        response: { 200: fileResponse('The template', 'xlsx'), ...standardErrors },
      },
    },
    async (request, reply) => send(reply, await exports.enterpriseTemplate(requireActor(request))),
  );

  app.get(
    '/api/v1/templates/deals.xlsx',
    {
      schema: {
        tags,
        summary: '招商台账导入模板 The deal import template',
        response: { 200: fileResponse('The template', 'xlsx'), ...standardErrors },
      },
    },
    async (request, reply) => send(reply, await exports.dealTemplate(requireActor(request))),
  );

  app.get(
    '/api/v1/templates/reports.xlsx',
    {
      schema: {
        tags,
        summary: '月报导入模板 The monthly-report import template',
        response: { 200: fileResponse('The template', 'xlsx'), ...standardErrors },
      },
    },
    async (request, reply) => {
      requireActor(request);
      return send(reply, await exports.reportTemplate());
    },
  );
}
