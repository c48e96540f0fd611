import { scopeFor } from '../../../domain/access/scope.ts';
import { clientIp, requireActor } from '../../http/auth.ts';
import { forbidden } from '../../http/errors.ts';
import { idParams, standardErrors } from '../../../contract/common.ts';
import {
  cutoffResponse,
  exemptionBody,
  previewResponse,
  projectLight,
  ruleSetBody,
  rulesResponse,
} from '../../../contract/lights.ts';
import type { Api } from '../../http/types.ts';
import type { LightService } from './lights.service.ts';
import type { RulePreview } from './rule-preview.ts';
import { listScope } from '../../policies/list-scope.ts';

export function registerLightRoutes(
  app: Api,
  { lights, rulePreview }: { lights: LightService; rulePreview: RulePreview },
) {
  const tags = ['lights'];
  app.get(
    '/api/v1/light-rules',
    {
      schema: {
        tags,
        summary: '当前亮灯规则 The current light rules',
        response: { 200: rulesResponse, ...standardErrors },
      },
    },
    async (request) => {
      listScope(requireActor(request), 'lightRules');
      return lights.currentRules();
    },
  );

  app.put(
    '/api/v1/light-rules',
    {
      schema: {
        tags,
        summary: '修改亮灯规则（生成新版本）Change the rules: a new version, all lights recomputed',
        body: ruleSetBody,
        response: { 200: rulesResponse, ...standardErrors },
      },
    },
    (request) => lights.updateRules(requireActor(request), request.body, clientIp(request)),
  );

  app.post(
    '/api/v1/light-rules/preview',
    {
      schema: {
        tags,
        summary:
          '预览亮灯规则修改（不保存）Preview a rule change: every light before and after, today; nothing is stored',
        body: ruleSetBody,
        response: { 200: previewResponse, ...standardErrors },
      },
    },
    (request) => rulePreview.preview(requireActor(request), request.body),
  );

  app.get(
    '/api/v1/projects/:id/light',
    {
      schema: {
        tags,
        summary: '项目亮灯 A project light with its reasons, exemptions and monthly history',
        params: idParams,
        response: { 200: projectLight, ...standardErrors },
      },
    },
    (request) => lights.lightOf(requireActor(request), request.params.id),
  );

  app.post(
    '/api/v1/projects/:id/exemptions',
    {
      schema: {
        tags,
        summary: '正当理由豁免 Exempt a dimension until a date',
        params: idParams,
        body: exemptionBody,
        response: { 201: projectLight, ...standardErrors },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(await lights.addExemption(requireActor(request), request.params.id, request.body, clientIp(request))),
  );

  app.post(
    '/api/v1/jobs/cutoff',
    {
      schema: {
        tags,
        summary: '立即执行每日截点（管理员）Run today’s cutoff now (once per day)',
        response: { 200: cutoffResponse, ...standardErrors },
      },
    },
    async (request) => {
      if (scopeFor(requireActor(request), 'lightRules', 'update').kind === 'none') throw forbidden();
      return lights.runCutoff();
    },
  );
}
