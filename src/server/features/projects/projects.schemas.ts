import { z } from 'zod';
import { LISTS } from '../../../domain/projects/four-lists.ts';
import { STAGES } from '../../../domain/projects/lifecycle.ts';
import {
  APPROVAL_MODES,
  INVESTMENT_TYPES,
  LEVELS,
  NATURES,
  PROJECT_KINDS,
} from '../../../domain/projects/project-fields.ts';
import { SORTS } from './projects.repository.ts';
import { wanAmount } from '../../http/schemas.ts';

const date = z.iso.date();
const text = (max: number) => z.string().trim().max(max);
const optionalText = (max: number) =>
  text(max)
    .nullish()
    .transform((v) => (v ? v : null));
/** 万元: a JSON number or a decimal string, converted to integer 元 exactly by the service (http/schemas wanAmount). */
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
  leadUnitId: z.number().int().positive(),
  townshipUnitId: z.number().int().positive().nullish(),
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

const flag = z.enum(['true', 'false']).transform((v) => v === 'true');

export const projectListQuery = z.object({
  unitId: z.coerce.number().int().positive().optional(),
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
  sort: z.enum(Object.keys(SORTS) as [keyof typeof SORTS, ...(keyof typeof SORTS)[]]).default('id'),
  order: z.enum(['asc', 'desc']).default('desc'),
  cursor: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  withTotal: flag.optional(),
});
export type ProjectListQuery = z.infer<typeof projectListQuery>;
