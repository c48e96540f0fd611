// The lights and dashboard endpoints (the operations in /api/docs; types from src/contract): types and one function each.
// Money in responses is integer 元 (…Yuan).
import { query, request, type Id } from './api';
import type { Colour, DimensionKey, Finding, LocalisedText } from '../../src/domain/lights/types';
import type { RuleSet } from '../../src/domain/lights/rules';
import type { z } from 'zod';
import type {
  ColourCounts,
  exemptionBody,
  ProjectLight,
  RulePreviewResponse,
  ruleSetBody,
  rulesResponse,
} from '../../src/contract/lights';
import type { Dashboard, DashboardUnit } from '../../src/contract/dashboard';

export type { Colour, DimensionKey, Finding, LocalisedText, RuleSet };

/** GET /light-rules: version 0 is the shipped defaults; the rule set is the domain's RuleSet. */
export type LightRulesResponse = Omit<z.output<typeof rulesResponse>, 'rules'> & { rules: RuleSet };

/**
 * The body of PUT /light-rules (and of its preview): the whole set or part of it, by dimension; the
 * server checks it (parseRuleSet) and assigns the version.
 */
export type RuleSetInput = z.input<typeof ruleSetBody> & Partial<Omit<RuleSet, 'version'>>;

export type { ColourCounts, Dashboard, DashboardUnit, ProjectLight };
export type LightExemption = ProjectLight['exemptions'][number];
export type ExemptionInput = z.input<typeof exemptionBody>;
/** The answer of POST /light-rules/preview: every light today under the current and the proposed rules; nothing stored. */
export type RulePreview = RulePreviewResponse;

export const lightsApi = {
  rules: () => request<LightRulesResponse>('GET', '/light-rules'),
  updateRules: (body: RuleSetInput) => request<LightRulesResponse>('PUT', '/light-rules', body),
  previewRules: (body: RuleSetInput) => request<RulePreview>('POST', '/light-rules/preview', body),
  projectLight: (id: Id) => request<ProjectLight>('GET', `/projects/${encodeURIComponent(String(id))}/light`),
  addExemption: (id: Id, body: ExemptionInput) =>
    request<ProjectLight>('POST', `/projects/${encodeURIComponent(String(id))}/exemptions`, body),
  dashboard: (params: { unitId?: Id; asOf?: string | null }) => request<Dashboard>('GET', `/dashboard${query(params)}`),
};
