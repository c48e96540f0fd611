// The enterprise-registry endpoints (企业库 and 证照; the operations in /api/docs, types from src/contract): one
// function each.
import type { z } from 'zod';
import { query, request, type Id } from './api';
import type {
  EnterpriseBody,
  EnterpriseDetail,
  EnterprisePatch,
  EnterprisesResponse,
  EnterpriseView,
  LicenceBody,
  LicencesResponse,
  LicenceView,
  enterprisesQuery,
  licencePatch,
} from '../../src/contract/enterprises';

export type { EnterpriseBody, EnterpriseDetail, EnterprisePatch, EnterpriseView, LicenceBody, LicenceView };
export type EnterprisePage = EnterprisesResponse;
export type LicencePage = LicencesResponse;
export type EnterpriseContact = EnterpriseView['contacts'][number];
export type LicenceStatus = LicenceView['status'];
/** The query of GET /enterprises: a filter and a numbered page. */
export type EnterpriseListParams = Partial<z.output<typeof enterprisesQuery>>;
export type LicencePatch = z.input<typeof licencePatch>;

const enterprisePath = (id: Id) => `/enterprises/${encodeURIComponent(String(id))}`;
const licencePath = (id: Id) => `/licences/${encodeURIComponent(String(id))}`;

export const enterprisesApi = {
  list: (params: EnterpriseListParams) => request<EnterprisePage>('GET', `/enterprises${query(params)}`),
  get: (id: Id) => request<EnterpriseDetail>('GET', enterprisePath(id)),
  create: (body: EnterpriseBody) => request<EnterpriseDetail>('POST', '/enterprises', body),
  update: (id: Id, body: EnterprisePatch) => request<EnterpriseDetail>('PATCH', enterprisePath(id), body),
  addLicence: (enterpriseId: Id, body: LicenceBody) =>
    request<LicenceView>('POST', `${enterprisePath(enterpriseId)}/licences`, body),
  /** Licences ending within `withinDays` of the county's today, expired ones included, soonest first. */
  licences: (params: { withinDays: number; page?: number; pageSize?: number }) =>
    request<LicencePage>('GET', `/licences${query(params)}`),
  updateLicence: (id: Id, body: LicencePatch) => request<LicenceView>('PATCH', licencePath(id), body),
  deleteLicence: (id: Id) => request<void>('DELETE', licencePath(id)),
};
