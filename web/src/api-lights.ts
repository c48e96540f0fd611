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

/** The answer of POST /light-rules/preview: every light today under the current and the proposed rules; nothing stored. */
export interface RulePreview {
  currentVersion: number;
  /** The version saving the proposal would create. */
  nextVersion: number;
  /** The county's day the lights were judged on, 'YYYY-MM-DD'. */
  today: string;
  period: { year: number; month: number };
  /** Projects evaluated: the whole library. */
  projects: number;
  before: ColourCounts;
  after: ColourCounts;
  /** From one colour to another, those turning red first. */
  transitions: { from: Colour; to: Colour; count: number }[];
  /** The projects that change colour, in the order of `transitions`; at most `limit` of `total`. */
  changed: {
    total: number;
    limit: number;
    items: {
      projectId: number;
      name: string;
      unitId: number | null;
      unitName: string;
      from: Colour;
      to: Colour;
      findings: Finding[];
    }[];
  };
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
  totals: {
    planYuan: number;
    completedYuan: number;
    completionPct: number | null;
    timePct: number | null;
    gapPoints: number | null;
  };
  colours: ColourCounts;
  units: DashboardUnit[];
  redList: { projectId: number; name: string; unitName: string; reasons: LocalisedText[] }[];
  monthly: { month: number; completedYuan: number; cumulativeYuan: number | null; planCumulativeYuan: number }[];
  /** null for figures as of a past moment (history keeps the lists' dates only for starts). */
  lists: Record<ListName, { count: number; done: number; pending: number; totalInvestmentYuan: number }> | null;
  /** The instant the figures are as of; null when live. */
  asOf: string | null;
}

export const lightsApi = {
  rules: () => request<LightRulesResponse>('GET', '/light-rules'),
  updateRules: (body: RuleSetInput) => request<LightRulesResponse>('PUT', '/light-rules', body),
  previewRules: (body: RuleSetInput) => request<RulePreview>('POST', '/light-rules/preview', body),
  projectLight: (id: Id) => request<ProjectLight>('GET', `/projects/${encodeURIComponent(String(id))}/light`),
  addExemption: (id: Id, body: ExemptionInput) =>
    request<ProjectLight>('POST', `/projects/${encodeURIComponent(String(id))}/exemptions`, body),
  dashboard: (params: { unitId?: Id; asOf?: string | null }) => request<Dashboard>('GET', `/dashboard${query(params)}`),
};
