import { z } from 'zod';
import { clientIp, requireActor } from '../../http/auth.ts';
import { idParams, standardErrors } from '../../http/schemas.ts';
import type { Api } from '../../http/types.ts';
import type { BulletinService } from './bulletins.service.ts';

const CONTENT_TYPES = { docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', pdf: 'application/pdf' } as const;

export function registerBulletinRoutes(app: Api, { bulletins }: { bulletins: BulletinService }) {
  const tags = ['bulletins'];
  const period = { year: z.coerce.number().int().min(2000).max(2100), period: z.coerce.number().int().min(1).max(12) };

  app.get(
    '/api/v1/races/:id/bulletin-draft',
    { schema: { tags, summary: '通报初稿 A first draft (title, 文号, commentary) for a period', params: idParams, querystring: z.object(period) } },
    (request) => bulletins.draft(requireActor(request), request.params.id, request.query.year, request.query.period),
  );

  app.post(
    '/api/v1/bulletins',
    {
      schema: {
        tags,
        summary: '发布通报 Publish: the period’s ranking is frozen with the commentary',
        body: z.strictObject({
          raceId: z.number().int().positive(),
          ...period,
          title: z.string().trim().min(2).max(200),
          docNumber: z.string().trim().min(1).max(100),
          commentary: z.string().trim().min(1).max(20000),
        }),
        response: { 201: z.unknown(), ...standardErrors },
      },
    },
    async (request, reply) => reply.status(201).send(await bulletins.publish(requireActor(request), request.body, clientIp(request))),
  );

  app.get('/api/v1/bulletins', { schema: { tags, summary: '通报 Published bulletins', querystring: z.object({ raceId: z.coerce.number().int().positive().optional() }) } }, (request) =>
    bulletins.list(requireActor(request), request.query.raceId),
  );
  app.get('/api/v1/bulletins/:id', { schema: { tags, summary: '通报 A bulletin as published', params: idParams } }, (request) => bulletins.get(requireActor(request), request.params.id));

  for (const kind of ['docx', 'pdf'] as const) {
    app.get(`/api/v1/bulletins/:id/${kind}`, { schema: { tags, summary: kind === 'docx' ? '下载 Word Download as .docx' : '下载 PDF Download as PDF', params: idParams } }, async (request, reply) => {
      const { body, fileName } = await bulletins.file(requireActor(request), request.params.id, kind);
      return reply
        .header('content-type', CONTENT_TYPES[kind])
        .header('content-disposition', `attachment; filename="bulletin.${kind}"; filename*=UTF-8''${encodeURIComponent(fileName)}`)
        .send(body);
    });
  }
}
