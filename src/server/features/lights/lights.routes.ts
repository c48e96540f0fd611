import { z } from 'zod';
import { DIMENSION_KEYS } from '../../../domain/lights/types.ts';
import { scopeFor } from '../../../domain/access/scope.ts';
import { clientIp, requireActor } from '../../http/auth.ts';
import { forbidden } from '../../http/errors.ts';
import { idParams, standardErrors } from '../../http/schemas.ts';
import type { Api } from '../../http/types.ts';
import type { LightService } from './lights.service.ts';

const rulesResponse = z.object({ version: z.number(), rules: z.unknown(), createdBy: z.string().nullable(), createdAt: z.string().nullable() });

export function registerLightRoutes(app: Api, { lights }: { lights: LightService }) {
  const tags = ['lights'];
  app.get('/api/v1/light-rules', { schema: { tags, summary: '当前亮灯规则 The current light rules', response: { 200: rulesResponse, ...standardErrors } } }, async (request) => {
    requireActor(request);
    return lights.currentRules();
  });

  app.put(
    '/api/v1/light-rules',
    { schema: { tags, summary: '修改亮灯规则（生成新版本）Change the rules: a new version, all lights recomputed', body: z.record(z.string(), z.unknown()), response: { 200: rulesResponse, ...standardErrors } } },
    (request) => lights.updateRules(requireActor(request), request.body, clientIp(request)),
  );

  app.get('/api/v1/projects/:id/light', { schema: { tags, summary: '项目亮灯 A project light with its reasons, exemptions and monthly history', params: idParams } }, (request) =>
    lights.lightOf(requireActor(request), request.params.id),
  );

  app.post(
    '/api/v1/projects/:id/exemptions',
    {
      schema: {
        tags,
        summary: '正当理由豁免 Exempt a dimension until a date',
        params: idParams,
        body: z.strictObject({ dimension: z.enum(DIMENSION_KEYS), reason: z.string().trim().min(2).max(500), until: z.iso.date() }),
        response: { 201: z.unknown(), ...standardErrors },
      },
    },
    async (request, reply) => reply.status(201).send(await lights.addExemption(requireActor(request), request.params.id, request.body, clientIp(request))),
  );

  app.post('/api/v1/jobs/cutoff', { schema: { tags, summary: '立即执行每日截点（管理员）Run today’s cutoff now (once per day)' } }, async (request) => {
    if (scopeFor(requireActor(request), 'lightRules', 'update').kind === 'none') throw forbidden();
    return lights.runCutoff();
  });
}
