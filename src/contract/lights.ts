/**
 * 亮灯: the rule set and a preview of a change to it, a project's light with its reasons, exemptions
 * and monthly history, and the daily cutoff run by hand.
 */
import { z } from 'zod';
import { DIMENSION_KEYS } from '../domain/lights/types.ts';
import { localisedText } from './race.ts';

export const colour = z.enum(['red', 'yellow', 'green', 'grey']);
export const colourCounts = z.object({ red: z.number(), yellow: z.number(), green: z.number(), grey: z.number() });
export type ColourCounts = z.infer<typeof colourCounts>;

/** One reason of a light, with its parameters and its text in both languages. */
export const finding = z.object({
  dimension: z.enum(DIMENSION_KEYS),
  colour: z.enum(['red', 'yellow']),
  code: z.string(),
  params: z.record(z.string(), z.union([z.number(), z.string()])),
  text: localisedText,
});

export const rulesResponse = z.object({
  version: z.number(),
  rules: z.unknown().describe('the rule set (src/domain/lights/rules.ts RuleSet), as parseRuleSet checked it'),
  createdBy: z.string().nullable(),
  createdAt: z.string().nullable(),
});
/** The body of a rule update (and of its preview): the whole set or part of it, checked by parseRuleSet. */
export const ruleSetBody = z.record(z.string(), z.unknown());

export const previewResponse = z.object({
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
export type RulePreviewResponse = z.infer<typeof previewResponse>;

export const exemptionBody = z.strictObject({
  dimension: z.enum(DIMENSION_KEYS),
  reason: z.string().trim().min(2).max(500),
  until: z.iso.date(),
});

/** A project's light: its colour and reasons, what is exempted, the month assessed, and each month's colour. */
export const projectLight = z.object({
  projectId: z.number(),
  colour: z.string(),
  findings: z.array(finding),
  exempted: z.array(finding),
  ruleSetVersion: z.number().nullable(),
  period: z.object({ year: z.number(), month: z.number() }).nullable(),
  computedAt: z.string().nullable(),
  history: z.array(z.object({ year: z.number(), month: z.number(), colour: z.string(), ruleSetVersion: z.number() })),
  exemptions: z.array(
    z.object({
      id: z.number(),
      dimension: z.string(),
      reason: z.string(),
      approver: z.string(),
      until: z.string(),
      active: z.boolean(),
      createdAt: z.string(),
    }),
  ),
});
export type ProjectLight = z.infer<typeof projectLight>;

/** The cutoff of the day: whether this call ran it (once per day), its run key, the projects recomputed. */
export const cutoffResponse = z.object({ ran: z.boolean(), key: z.string(), projects: z.number() });
