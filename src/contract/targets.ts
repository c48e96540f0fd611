/**
 * 目标与统计: each unit's targets of a year and the hand-entered statistics of a month, edited as a grid
 * or exchanged as Excel. Values are in the indicator's base unit: integer 元 for '元', a count for '个', a
 * percentage number for '%'.
 */
import { z } from 'zod';
import { MAX_ID, asOfParam, fileLangParam, monthParam, yearParam } from './common.ts';
import { rankableUnit } from './race.ts';

const year = yearParam;
const month = monthParam;
const asOf = asOfParam;
/** A target or statistic in the indicator's base unit: 元 (whole), a count, or a percentage. */
const amount = z.number().nullable();

/** Returned with a saved target or statistic: the published bulletins the change does not reach. */
export const bulletinsUnchangedWarning = z.object({
  code: z.literal('BULLETINS_UNCHANGED'),
  bulletins: z.array(z.object({ id: z.number(), title: z.string(), docNumber: z.string() })),
  message: z.string(),
});
export type BulletinsUnchangedWarning = z.infer<typeof bulletinsUnchangedWarning>;

export const targetsQuery = z.object({ year });
export const targetsBody = z.strictObject({
  year,
  items: z
    .array(
      z.strictObject({
        unitId: z.number().int().positive().max(MAX_ID),
        indicator: z.string().min(1).max(40),
        value: amount,
      }),
    )
    .min(1)
    .max(5000),
});
export const targetItem = z.object({
  unitId: z.number(),
  indicator: z.string(),
  value: z.number(),
  updatedBy: z.string(),
  updatedAt: z.string(),
});
export type TargetItem = z.infer<typeof targetItem>;
export const targetsResponse = z.object({
  year: z.number(),
  units: z.array(rankableUnit),
  items: z.array(targetItem),
  canEdit: z.boolean(),
});
export type Targets = z.infer<typeof targetsResponse>;
export const targetsSaved = targetsResponse.extend({ warnings: z.array(bulletinsUnchangedWarning) });
export type TargetsSaved = z.infer<typeof targetsSaved>;

export const indicatorValuesQuery = z.object({ indicator: z.string().min(1).max(40), year, month, asOf });
export const indicatorValuesBody = z.strictObject({
  indicator: z.string().min(1).max(40),
  year,
  month,
  items: z
    .array(
      z.strictObject({
        unitId: z.number().int().positive().max(MAX_ID),
        value: amount,
        source: z.string().max(100).default(''),
      }),
    )
    .min(1)
    .max(5000),
});
/** A figure as entered; as of a past instant its source and author are not kept (null). */
export const indicatorValueItem = z.object({
  unitId: z.number(),
  value: z.number(),
  source: z.string().nullable(),
  updatedBy: z.string().nullable(),
  updatedAt: z.string().nullable(),
});
export type IndicatorValueItem = z.infer<typeof indicatorValueItem>;
/** A manual indicator's year-to-date figures through one month. */
export const indicatorValuesResponse = z.object({
  indicator: z.string(),
  year: z.number(),
  month: z.number(),
  asOf: z.string().nullable(),
  units: z.array(rankableUnit),
  items: z.array(indicatorValueItem),
  canEdit: z.boolean(),
});
export type IndicatorValues = z.infer<typeof indicatorValuesResponse>;
export const indicatorValuesSaved = indicatorValuesResponse.extend({ warnings: z.array(bulletinsUnchangedWarning) });
export type IndicatorValuesSaved = z.infer<typeof indicatorValuesSaved>;

/** The targets grid of a year as .xlsx. */
export const targetsExportQuery = targetsQuery.extend({ lang: fileLangParam });

/** A targets file imported (multipart: file) into a year: the grid as saved, and how many targets changed. */
export const targetsImportQuery = targetsQuery;
export const targetsImported = targetsSaved.extend({ changed: z.number() });
export type TargetsImported = z.infer<typeof targetsImported>;
