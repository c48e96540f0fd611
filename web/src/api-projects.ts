// The project-library endpoints (the operations in /api/docs; types from src/contract): types and one function each.
// Money in responses is integer 元 (…Yuan); requests carry 万元 (…Wan) as a decimal string.
import type { z } from 'zod';
import { query, request, type Id } from './api';
import type { ProjectDates } from '../../src/domain/projects/project-fields';
import type {
  FourListsResponse,
  Industries,
  ListTotals,
  projectCreateBody,
  ProjectDetail,
  DuplicatesResponse,
  ProjectListResponse,
  ProjectSummary,
  transitionBody,
} from '../../src/contract/projects';

export type { DuplicatesResponse, Industries, ListTotals, ProjectDetail, ProjectSummary };
export type Duplicate = DuplicatesResponse['items'][number];
/** The dates of a project, planned and actual per milestone (shared with the server's domain). */
export type { ProjectDates };
export type StageChange = ProjectDetail['stageHistory'][number];
export type ProjectPage = ProjectListResponse;
export type ListUnitTotals = ListTotals['byUnit'][number];
export type FourLists = FourListsResponse;

/** The body of POST /projects and (without stage) PATCH /projects/{id}; null clears a field. */
/** The body of POST /projects (PATCH takes any part of it). */
export type ProjectInput = z.input<typeof projectCreateBody>;

/** The body of POST /projects/{id}/transitions. */
export type TransitionInput = z.input<typeof transitionBody>;

/** Query parameters of GET /projects (strings as they appear in the URL). */
export interface ProjectListParams {
  unitId?: string;
  stage?: string;
  list?: string;
  year?: string;
  listStatus?: string;
  level?: string;
  aboveYi?: string;
  industry?: string;
  tag?: string;
  /** green | yellow | red | grey: the current light. */
  light?: string;
  minInvestmentWan?: string;
  maxInvestmentWan?: string;
  q?: string;
  sort?: string;
  order?: string;
  cursor?: string;
  /** A numbered page (1 first), instead of the cursor. */
  page?: string;
  limit?: number;
  withTotal?: string;
}

const path = (id: Id) => `/projects/${encodeURIComponent(String(id))}`;

export const projectsApi = {
  list: (params: ProjectListParams) =>
    request<ProjectPage>('GET', `/projects${query(params as Record<string, string | number | undefined>)}`),
  get: (id: Id) => request<ProjectDetail>('GET', path(id)),
  /** Projects a new one would repeat: the same name in its unit, or the same code. */
  duplicates: (params: { unitId: Id; name?: string; code?: string; exceptId?: Id }) =>
    request<DuplicatesResponse>('GET', `/projects/duplicates${query(params)}`),
  create: (body: ProjectInput) => request<ProjectDetail>('POST', '/projects', body),
  update: (id: Id, body: Partial<ProjectInput>) => request<ProjectDetail>('PATCH', path(id), body),
  transition: (id: Id, body: TransitionInput) => request<ProjectDetail>('POST', `${path(id)}/transitions`, body),
  fourLists: (params: { year: number; unitId?: Id }) => request<FourLists>('GET', `/project-lists${query(params)}`),
  industries: () => request<Industries>('GET', '/industries'),
};
