import { z } from 'zod';
import { DIMENSION_KEYS } from '../../../domain/lights/types.ts';
import { scopeFor } from '../../../domain/access/scope.ts';
import { clientIp, requireActor } from '../../http/auth.ts';
import { forbidden } from '../../http/errors.ts';
import { idParams, standardErrors } from '../../http/schemas.ts';
import type { Api } from '../../http/types.ts';
import type { LightService } from './lights.service.ts';
import type { RulePreview } from './rule-preview.ts';

const rulesResponse = z.object({
  version: z.number(),
  rules: z.unknown(),
  createdBy: z.string().nullable(),
  createdAt: z.string().nullable(),
});
/** The body of a rule update (and of its preview): the whole set or part of it, checked by parseRuleSet. */
const ruleSetBody = z.record(z.string(), z.unknown());

const colour = z.enum(['red', 'yellow', 'green', 'grey']);
const colourCounts = z.object({ red: z.number(), yellow: z.number(), green: z.number(), grey: z.number() });
const finding = z.object({
  dimension: z.enum(DIMENSION_KEYS),
  colour: z.enum(['red', 'yellow']),
  code: z.string(),
  params: z.record(z.string(), z.union([z.number(), z.string()])),
  text: z.object({ 'zh-CN': z.string(), en: z.string() }),
});
const previewResponse = z.object({
  currentVersion: z.number(),
  nextVersion: z.number(),
  today: z.string(),
  period: z.object({ year: z.number(), month: z.number() }),
  projects: z.number().describe('projects evaluated: every project of the library'),
  before: colourCounts.describe('lights under the current rules, today'),
  after: colourCounts.describe('lights under the proposed rules, today: what saving them stores'),
  transitions: z.array(z.object({ from: colour, to: colour, count: z.number() })),
  changed: z.object({
    total: z.number(),
    limit: z.number().describe('at most this many items are listed'),
    items: z.array(
      z.object({
        projectId: z.number(),
        name: z.string(),
        unitId: z.number().nullable(),
        unitName: z.string(),
        from: colour,
        to: colour,
        findings: z.array(finding).describe('the reasons of the new light'),
      }),
    ),
  }),
});

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
      requireActor(request);
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
        body: z.strictObject({
          dimension: z.enum(DIMENSION_KEYS),
          reason: z.string().trim().min(2).max(500),
          until: z.iso.date(),
        }),
        response: { 201: z.unknown(), ...standardErrors },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(await lights.addExemption(requireActor(request), request.params.id, request.body, clientIp(request))),
  );

  app.post(
    '/api/v1/jobs/cutoff',
    { schema: { tags, summary: '立即执行每日截点（管理员）Run today’s cutoff now (once per day)' } },
    async (request) => {
      if (scopeFor(requireActor(request), 'lightRules', 'update').kind === 'none') throw forbidden();
      return lights.runCutoff();
    },
  );
}
