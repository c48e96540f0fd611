import { clientIp, requireActor } from '../../http/auth.ts';
import { idParams, noContent, standardErrors } from '../../../contract/common.ts';
import {
  enterpriseBody,
  enterpriseDetail,
  enterprisePatch,
  enterprisesQuery,
  enterprisesResponse,
  licenceBody,
  licencePatch,
  licencesQuery,
  licencesResponse,
  licenceView,
} from '../../../contract/enterprises.ts';
import type { Api } from '../../http/types.ts';
import type { EnterpriseService } from './enterprises.service.ts';

export function registerEnterpriseRoutes(app: Api, { enterprises }: { enterprises: EnterpriseService }) {
  const tags = ['enterprises'];
  app.get(
    '/api/v1/enterprises',
    {
      schema: {
        tags,
        summary: '企业库 The enterprises in your scope, by name, with the count',
        querystring: enterprisesQuery,
        response: { 200: enterprisesResponse, ...standardErrors },
      },
    },
    (request) => enterprises.list(requireActor(request), request.query),
  );

  app.post(
    '/api/v1/enterprises',
    {
      schema: {
        tags,
        summary: '新增企业 Register an enterprise (links the projects it owns by credit code, then exact name)',
        body: enterpriseBody,
        response: { 201: enterpriseDetail, ...standardErrors },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await enterprises.create(requireActor(request), request.body, clientIp(request))),
  );

  app.get(
    '/api/v1/enterprises/:id',
    {
      schema: {
        tags,
        summary: '企业详情 An enterprise with its licences and projects',
        params: idParams,
        response: { 200: enterpriseDetail, ...standardErrors },
      },
    },
    (request) => enterprises.get(requireActor(request), request.params.id),
  );

  app.patch(
    '/api/v1/enterprises/:id',
    {
      schema: {
        tags,
        summary: '修改企业 Edit an enterprise',
        params: idParams,
        body: enterprisePatch,
        response: { 200: enterpriseDetail, ...standardErrors },
      },
    },
    (request) => enterprises.update(requireActor(request), request.params.id, request.body, clientIp(request)),
  );

  app.post(
    '/api/v1/enterprises/:id/licences',
    {
      schema: {
        tags,
        summary: '新增证照 Add a licence to an enterprise',
        params: idParams,
        body: licenceBody,
        response: { 201: licenceView, ...standardErrors },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(await enterprises.addLicence(requireActor(request), request.params.id, request.body, clientIp(request))),
  );

  app.get(
    '/api/v1/licences',
    {
      schema: {
        tags,
        summary: '证照临期 Licences in your scope ending within some days (expired ones included), soonest first',
        querystring: licencesQuery,
        response: { 200: licencesResponse, ...standardErrors },
      },
    },
    (request) => enterprises.licences(requireActor(request), request.query),
  );

  app.patch(
    '/api/v1/licences/:id',
    {
      schema: {
        tags,
        summary: '修改证照 Edit a licence (e.g. renewed: its new dates)',
        params: idParams,
        body: licencePatch,
        response: { 200: licenceView, ...standardErrors },
      },
    },
    (request) => enterprises.updateLicence(requireActor(request), request.params.id, request.body, clientIp(request)),
  );

  app.delete(
    '/api/v1/licences/:id',
    {
      schema: {
        tags,
        summary: '删除证照 Delete a licence',
        params: idParams,
        response: { 204: noContent, ...standardErrors },
      },
    },
    async (request, reply) => {
      await enterprises.deleteLicence(requireActor(request), request.params.id, clientIp(request));
      return reply.status(204).send(null);
    },
  );
}
