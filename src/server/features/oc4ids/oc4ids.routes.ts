import { Readable } from 'node:stream';
import type { FastifyRequest } from 'fastify';
import type { Config } from '../../config/config.ts';
import { requireActor } from '../../http/auth.ts';
import { publicUrl } from '../../http/public-url.ts';
import { standardErrors, streamedJson } from '../../../contract/common.ts';
import type { Api } from '../../http/types.ts';
import { oc4idsPackage, oc4idsQuery, type Oc4idsQuery } from '../../../contract/oc4ids.ts';
import type { Oc4idsExport } from './oc4ids.service.ts';

/** This package's address (without `download`), and the next page's when there is one. */
function packageUrl(request: FastifyRequest, config: Config, q: Oc4idsQuery, cursor = q.cursor) {
  const params = new URLSearchParams();
  if (q.unitId !== undefined) params.set('unitId', String(q.unitId));
  if (q.stage?.length) params.set('stage', q.stage.join(','));
  if (q.limit !== undefined) params.set('limit', String(q.limit));
  if (cursor) params.set('cursor', cursor);
  const query = params.toString();
  return publicUrl(request, config, `/api/v1/oc4ids${query ? `?${query}` : ''}`);
}

export function registerOc4idsRoutes(app: Api, { oc4ids, config }: { oc4ids: Oc4idsExport; config: Config }) {
  app.get(
    '/api/v1/oc4ids',
    {
      schema: {
        tags: ['open data'],
        summary: '开放数据 OC4IDS 0.9 project package of the projects you may read (streamed; paged with limit/cursor)',
        querystring: oc4idsQuery,
        // The package is streamed as it is read; project-package-schema.json (OC4IDS 0.9) describes it.
        response: { 200: streamedJson(oc4idsPackage), ...standardErrors },
      },
    },
    async (request, reply) => {
      const q = request.query;
      const exported = await oc4ids.open(requireActor(request), q, packageUrl(request, config, q));
      if (exported.nextCursor)
        reply.header('link', `<${packageUrl(request, config, q, exported.nextCursor)}>; rel="next"`);
      if (q.download) reply.header('content-disposition', `attachment; filename="${exported.fileName}"`);
      return reply.type('application/json; charset=utf-8').send(Readable.from(exported.chunks));
    },
  );
}
