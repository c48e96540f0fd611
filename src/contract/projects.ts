/**
 * The project library's operations: the fields a project is created and edited with, the list's
 * filters, and the summary, detail and four-list totals the API answers with.
 */
import { z } from 'zod';
import { LISTS } from '../domain/projects/four-lists.ts';
import { STAGES } from '../domain/projects/lifecycle.ts';
import { APPROVAL_MODES, INVESTMENT_TYPES, LEVELS, NATURES, PROJECT_KINDS } from '../domain/projects/project-fields.ts';
import { wanAmount, MAX_ID } from './common.ts';
import { finding } from './lights.ts';

const date = z.iso.date();
const text = (max: number) => z.string().trim().max(max);
const optionalText = (max: number) =>
  text(max)
    .nullish()
    .transform((v) => (v ? v : null));
/** 万元: a JSON number or a decimal string, converted to integer 元 exactly by the service (common.ts wanAmount). */
export const wan = wanAmount;

const dates = {
  plannedSignDate: date.nullish(),
  actualSignDate: date.nullish(),
  plannedStartDate: date.nullish(),
  actualStartDate: date.nullish(),
  plannedCompletionDate: date.nullish(),
  actualCompletionDate: date.nullish(),
  plannedProductionDate: date.nullish(),
  actualProductionDate: date.nullish(),
  plannedCapacityDate: date.nullish(),
  actualCapacityDate: date.nullish(),
};

const fields = {
  name: text(120).min(2),
  code: optionalText(40),
  internalNo: optionalText(40),
  nature: z.enum(NATURES),
  kind: z.enum(PROJECT_KINDS),
  industryCode: text(4).min(1),
  level: z.enum(LEVELS).nullish(),
  investmentType: z.enum(INVESTMENT_TYPES),
  approvalMode: z.enum(APPROVAL_MODES),
  leadUnitId: z.number().int().positive().max(MAX_ID),
  townshipUnitId: z.number().int().positive().max(MAX_ID).nullish(),
  ownerName: optionalText(120),
  ownerCreditCode: z
    .string()
    .trim()
    .regex(/^[0-9A-HJ-NPQRTUWXY]{2}\d{6}[0-9A-HJ-NPQRTUWXY]{10}$/)
    .nullish(),
  patronLeader: optionalText(60),
  contact: optionalText(120),
  address: optionalText(200),
  longitude: z.number().min(73).max(136).nullish(),
  latitude: z.number().min(3).max(54).nullish(),
  landAreaMu: z.number().min(0).max(100000).nullish(),
  totalInvestmentWan: wan,
  fixedAssetInvestmentWan: wan.nullish(),
  // monthlyCurve: 12 cumulative percentages (序时进度 by month), ending at 100.
  annualPlans: z
    .array(
      z.strictObject({
        year: z.number().int().min(2000).max(2100),
        amountWan: wan,
        monthlyCurve: z.array(z.number()).nullish(),
      }),
    )
    .max(30)
    .optional(),
  tags: z.array(text(30).min(1)).max(20).optional(),
  ...dates,
};

export const projectCreateBody = z.strictObject({ ...fields, stage: z.enum(STAGES).default('planning') });
export const projectPatchBody = z.strictObject(fields).partial();
export type ProjectCreateInput = z.infer<typeof projectCreateBody>;
export type ProjectPatchInput = z.infer<typeof projectPatchBody>;

export const transitionBody = z.strictObject({
  to: z.enum(STAGES),
  reason: text(500).optional(),
  actualStartDate: date.optional(),
  actualCompletionDate: date.optional(),
  actualProductionDate: date.optional(),
  actualCapacityDate: date.optional(),
});
export type TransitionInput = z.infer<typeof transitionBody>;

/** The orders of the project list; the repository maps each to its column. */
export const PROJECT_SORTS = [
  'id',
  'name',
  'totalInvestment',
  'plannedStartDate',
  'plannedProductionDate',
  'updatedAt',
] as const;
export type ProjectSort = (typeof PROJECT_SORTS)[number];

const flag = z.enum(['true', 'false']).transform((v) => v === 'true');

export const projectListQuery = z.object({
  unitId: z.coerce.number().int().positive().max(MAX_ID).optional(),
  stage: z
    .string()
    .optional()
    .transform((v) => (v ? v.split(',').filter(Boolean) : undefined))
    .pipe(z.array(z.enum(STAGES)).optional()),
  list: z.enum(LISTS).optional(),
  year: z.coerce.number().int().min(2000).max(2100).optional(),
  listStatus: z.enum(['started', 'pending', 'done']).optional(),
  level: z.enum(LEVELS).optional(),
  aboveYi: flag.optional(),
  industry: z
    .string()
    .regex(/^([A-T]|[A-T]?\d{2})$/)
    .optional(),
  tag: text(30).optional(),
  light: z.enum(['green', 'yellow', 'red', 'grey']).optional(),
  minInvestmentWan: wan.optional(),
  maxInvestmentWan: wan.optional(),
  q: text(60).optional(),
  sort: z.enum(PROJECT_SORTS).default('id'),
  order: z.enum(['asc', 'desc']).default('desc'),
  cursor: z.string().max(200).optional(),
  /** A numbered page (1 = the first `limit` rows) for a pager; instead of `cursor`, not with it. */
  page: z.coerce.number().int().min(1).max(10000).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  withTotal: flag.optional(),
});
export type ProjectListQuery = z.infer<typeof projectListQuery>;

const nullableString = z.string().nullable();

/** A project as the list shows it. */
export const projectSummary = z.object({
  id: z.number(),
  code: nullableString,
  name: z.string(),
  stage: z.enum(STAGES),
  leadUnitId: z.number(),
  leadUnitName: z.string(),
  townshipUnitId: z.number().nullable(),
  townshipName: nullableString,
  industryCode: z.string(),
  industryName: nullableString,
  level: nullableString,
  isAboveYi: z.boolean(),
  totalInvestmentYuan: z.number(),
  plannedStartDate: nullableString,
  actualStartDate: nullableString,
  plannedProductionDate: nullableString,
  actualProductionDate: nullableString,
  tags: z.array(z.string()),
  updatedAt: z.string(),
  /** The current light. */
  light: z.enum(['green', 'yellow', 'red', 'grey']),
  /** The reasons of the current light (red and yellow), as the light card lists them; [] otherwise. */
  lightReasons: z.array(finding),
});
export type ProjectSummary = z.infer<typeof projectSummary>;

export const projectListResponse = z.object({
  items: z.array(projectSummary),
  nextCursor: nullableString,
  total: z.number().optional(),
});
export type ProjectListResponse = z.infer<typeof projectListResponse>;

/** GET /projects/duplicates: what a new (or edited) project would repeat in its unit. */
export const duplicatesQuery = z.object({
  name: text(120).optional(),
  code: text(40).optional(),
  unitId: z.coerce.number().int().positive().max(MAX_ID),
  /** The project being edited, left out of its own duplicates. */
  exceptId: z.coerce.number().int().positive().max(MAX_ID).optional(),
});
export type DuplicatesQuery = z.infer<typeof duplicatesQuery>;

export const duplicatesResponse = z.object({
  items: z.array(
    z.object({
      id: z.number(),
      name: z.string(),
      code: nullableString,
      stage: z.enum(STAGES),
      leadUnitId: z.number(),
      leadUnitName: z.string(),
      /** What it repeats: the name (once width, spaces and case are set aside) and/or the code. */
      sameName: z.boolean(),
      sameCode: z.boolean(),
    }),
  ),
  /** The code is taken by a project this person cannot see: saving with it is refused. */
  codeTakenElsewhere: z.boolean(),
});
export type DuplicatesResponse = z.infer<typeof duplicatesResponse>;

/** A project with its annual plans and its stage history; money in integer 元. */
export const projectDetail = z.object({
  id: z.number(),
  code: nullableString,
  internalNo: nullableString,
  name: z.string(),
  nature: z.string(),
  kind: z.string(),
  industryCode: z.string(),
  industryName: nullableString,
  sectionName: nullableString,
  level: nullableString,
  investmentType: z.string(),
  approvalMode: z.string(),
  leadUnitId: z.number(),
  leadUnitName: z.string(),
  townshipUnitId: z.number().nullable(),
  townshipName: nullableString,
  ownerName: nullableString,
  ownerCreditCode: nullableString,
  patronLeader: nullableString,
  contact: nullableString,
  address: nullableString,
  longitude: z.number().nullable(),
  latitude: z.number().nullable(),
  landAreaMu: z.number().nullable(),
  totalInvestmentYuan: z.number(),
  fixedAssetInvestmentYuan: z.number().nullable(),
  isAboveYi: z.boolean(),
  /** monthlyCurve: twelve cumulative percentages (序时曲线), or null for month/12. */
  annualPlans: z.array(
    z.object({ year: z.number(), amountYuan: z.number(), monthlyCurve: z.array(z.number()).nullable() }),
  ),
  stage: z.enum(STAGES),
  stageChangedAt: nullableString,
  allowedNextStages: z.array(z.enum(STAGES)),
  plannedSignDate: nullableString,
  actualSignDate: nullableString,
  plannedStartDate: nullableString,
  actualStartDate: nullableString,
  plannedCompletionDate: nullableString,
  actualCompletionDate: nullableString,
  plannedProductionDate: nullableString,
  actualProductionDate: nullableString,
  plannedCapacityDate: nullableString,
  actualCapacityDate: nullableString,
  tags: z.array(z.string()),
  stageHistory: z.array(
    z.object({
      id: z.number(),
      from: z.enum(STAGES).nullable(),
      to: z.enum(STAGES),
      reason: nullableString,
      actorName: nullableString,
      at: z.string(),
    }),
  ),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type ProjectDetail = z.infer<typeof projectDetail>;

/** One list's totals for the county or a unit, and per unit below it. */
export const listTotals = z.object({
  count: z.number(),
  totalInvestmentYuan: z.number(),
  done: z.number(),
  pending: z.number(),
  byUnit: z.array(
    z.object({
      unitId: z.number(),
      unitName: z.string(),
      count: z.number(),
      totalInvestmentYuan: z.number(),
      done: z.number(),
      pending: z.number(),
    }),
  ),
});
export type ListTotals = z.infer<typeof listTotals>;

export const fourListsQuery = z.object({
  year: z.coerce.number().int().min(2000).max(2100).optional(),
  unitId: z.coerce.number().int().positive().max(MAX_ID).optional(),
});

export const fourListsResponse = z.object({
  year: z.number(),
  unitId: z.number(),
  lists: z.object({ planning: listTotals, reserve: listTotals, start: listTotals, production: listTotals }),
});
export type FourListsResponse = z.infer<typeof fourListsResponse>;

/** GB/T 4754-2017 as the forms offer it. */
export const industriesResponse = z.object({
  sections: z.array(z.object({ code: z.string(), name: z.string() })),
  divisions: z.array(z.object({ code: z.string(), section: z.string(), name: z.string() })),
});
export type Industries = z.infer<typeof industriesResponse>;
