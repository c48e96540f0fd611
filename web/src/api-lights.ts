// The lights and dashboard endpoints of docs/API.md "Lights (亮灯) and the dashboard": types and one function each.
// Money in responses is integer 元 (…Yuan).
import { query, request, type Id } from './api';
import type { Colour, DimensionKey, Finding, LocalisedText } from '../../src/domain/lights/types';
import type { RuleSet } from '../../src/domain/lights/rules';
import type { ListName } from '../../src/domain/projects/four-lists';

export type { Colour, DimensionKey, Finding, LocalisedText, RuleSet };

export interface LightRulesResponse {
  /** 0 = the shipped defaults. */
  version: number;
  rules: RuleSet;
  createdBy: string | null;
  createdAt: string | null;
}

/** The body of PUT /light-rules: the whole set (or part of it); the server assigns the version. */
export type RuleSetInput = Partial<Omit<RuleSet, 'version'>>;

export interface LightExemption {
  id: number;
  dimension: DimensionKey;
  reason: string;
  approver: string;
  /** Last day it holds, 'YYYY-MM-DD', included. */
  until: string;
  active: boolean;
  createdAt: string;
}

export interface ProjectLight {
  projectId: number;
  colour: Colour;
  findings: Finding[];
  /** Findings of exempted dimensions: shown, not colouring the light. */
  exempted: Finding[];
  ruleSetVersion: number | null;
  period: { year: number; month: number } | null;
  computedAt: string | null;
  history: { year: number; month: number; colour: Colour; ruleSetVersion: number }[];
  exemptions: LightExemption[];
}

export interface ExemptionInput {
  dimension: DimensionKey;
  reason: string;
  until: string;
}

export interface ColourCounts {
  green: number;
  yellow: number;
  red: number;
  grey: number;
}

export interface DashboardUnit extends ColourCounts {
  unitId: number;
  unitName: string;
  planYuan: number;
  completedYuan: number;
  completionPct: number | null;
}

export interface Dashboard {
  year: number;
  month: number;
  unitId: number | null;
  /** gapPoints: completion minus 序时进度 in percentage points, one decimal, from the exact figures (positive = ahead). */
  totals: { planYuan: number; completedYuan: number; completionPct: number | null; timePct: number | null; gapPoints: number | null };
  colours: ColourCounts;
  units: DashboardUnit[];
  redList: { projectId: number; name: string; unitName: string; reasons: LocalisedText[] }[];
  monthly: { month: number; completedYuan: number; cumulativeYuan: number | null; planCumulativeYuan: number }[];
  lists: Record<ListName, { count: number; done: number; pending: number; totalInvestmentYuan: number }>;
}

export const lightsApi = {
  rules: () => request<LightRulesResponse>('GET', '/light-rules'),
  updateRules: (body: RuleSetInput) => request<LightRulesResponse>('PUT', '/light-rules', body),
  projectLight: (id: Id) => request<ProjectLight>('GET', `/projects/${encodeURIComponent(String(id))}/light`),
  addExemption: (id: Id, body: ExemptionInput) =>
    request<ProjectLight>('POST', `/projects/${encodeURIComponent(String(id))}/exemptions`, body),
  dashboard: (params: { unitId?: Id }) => request<Dashboard>('GET', `/dashboard${query(params)}`),
};
