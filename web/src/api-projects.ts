// The project-library endpoints of docs/API.md "Projects (项目库)": types and one function each.
// Money in responses is integer 元 (…Yuan); requests carry 万元 (…Wan) as a decimal string.
import { query, request, type Id } from './api';
import type { ProjectDates } from '../../src/domain/projects/project-fields';
import type { Stage } from '../../src/domain/projects/lifecycle';
import type { ListName } from '../../src/domain/projects/four-lists';

export interface ProjectSummary {
  id: number;
  code: string | null;
  name: string;
  stage: Stage;
  leadUnitId: number;
  leadUnitName: string;
  townshipUnitId: number | null;
  townshipName: string | null;
  industryCode: string;
  industryName: string | null;
  level: string | null;
  isAboveYi: boolean;
  totalInvestmentYuan: number;
  plannedStartDate: string | null;
  actualStartDate: string | null;
  plannedProductionDate: string | null;
  actualProductionDate: string | null;
  tags: string[];
  updatedAt: string;
  /** The current light: green | yellow | red | grey. */
  light: 'green' | 'yellow' | 'red' | 'grey';
}

export interface StageChange {
  id: number;
  from: Stage | null;
  to: Stage;
  reason: string | null;
  actorName: string | null;
  at: string;
}

/** The dates of a project, planned and actual per milestone (shared with the server's domain). */
export type { ProjectDates };

export interface ProjectDetail extends ProjectDates {
  id: number;
  code: string | null;
  internalNo: string | null;
  name: string;
  nature: string;
  kind: string;
  industryCode: string;
  industryName: string | null;
  sectionName: string | null;
  level: string | null;
  investmentType: string;
  approvalMode: string;
  leadUnitId: number;
  leadUnitName: string;
  townshipUnitId: number | null;
  townshipName: string | null;
  ownerName: string | null;
  ownerCreditCode: string | null;
  patronLeader: string | null;
  contact: string | null;
  address: string | null;
  longitude: number | null;
  latitude: number | null;
  landAreaMu: number | null;
  totalInvestmentYuan: number;
  fixedAssetInvestmentYuan: number | null;
  isAboveYi: boolean;
  /** monthlyCurve: twelve cumulative percentages (序时曲线), or null for month/12. */
  annualPlans: { year: number; amountYuan: number; monthlyCurve?: number[] | null }[];
  stage: Stage;
  stageChangedAt?: string;
  allowedNextStages: Stage[];
  tags: string[];
  stageHistory: StageChange[];
  createdAt: string;
  updatedAt: string;
}

/** The body of POST /projects and (without stage) PATCH /projects/{id}; null clears a field. */
export interface ProjectInput extends Partial<ProjectDates> {
  name: string;
  code?: string | null;
  internalNo?: string | null;
  nature: string;
  kind: string;
  industryCode: string;
  level?: string | null;
  investmentType: string;
  approvalMode: string;
  leadUnitId: number;
  townshipUnitId?: number | null;
  ownerName?: string | null;
  ownerCreditCode?: string | null;
  patronLeader?: string | null;
  contact?: string | null;
  address?: string | null;
  longitude?: number | null;
  latitude?: number | null;
  landAreaMu?: number | null;
  totalInvestmentWan: string;
  fixedAssetInvestmentWan?: string | null;
  annualPlans?: { year: number; amountWan: string; monthlyCurve?: number[] | null }[];
  tags?: string[];
  stage?: Stage;
}

export interface TransitionInput {
  to: Stage;
  reason?: string;
  actualStartDate?: string;
  actualCompletionDate?: string;
  actualProductionDate?: string;
  actualCapacityDate?: string;
}

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
  limit?: number;
  withTotal?: string;
}

export interface ProjectPage {
  items: ProjectSummary[];
  nextCursor: string | null;
  total?: number;
}

export interface ListUnitTotals {
  unitId: number;
  unitName: string;
  count: number;
  totalInvestmentYuan: number;
  done: number;
  pending: number;
}

export interface ListTotals {
  count: number;
  totalInvestmentYuan: number;
  done: number;
  pending: number;
  byUnit: ListUnitTotals[];
}

export interface FourLists {
  year: number;
  unitId?: number;
  lists: Record<ListName, ListTotals>;
}

export interface Industries {
  sections: { code: string; name: string }[];
  divisions: { code: string; section: string; name: string }[];
}

const path = (id: Id) => `/projects/${encodeURIComponent(String(id))}`;

export const projectsApi = {
  list: (params: ProjectListParams) =>
    request<ProjectPage>('GET', `/projects${query(params as Record<string, string | number | undefined>)}`),
  get: (id: Id) => request<ProjectDetail>('GET', path(id)),
  create: (body: ProjectInput) => request<ProjectDetail>('POST', '/projects', body),
  update: (id: Id, body: Partial<ProjectInput>) => request<ProjectDetail>('PATCH', path(id), body),
  transition: (id: Id, body: TransitionInput) => request<ProjectDetail>('POST', `${path(id)}/transitions`, body),
  fourLists: (params: { year: number; unitId?: Id }) => request<FourLists>('GET', `/project-lists${query(params)}`),
  industries: () => request<Industries>('GET', '/industries'),
};
