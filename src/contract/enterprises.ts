/**
 * 企业库: the registry of enterprises with their contacts, flags and licences (证照), and the county-wide
 * list of licences about to expire. Credit codes, phones and flags are checked by src/domain/enterprises
 * (the service names the field refused); the schemas here bound sizes and shapes.
 */
import { z } from 'zod';
import { MAX_ID } from './common.ts';
import { colour } from './lights.ts';
import { ENTERPRISE_FLAGS, ENTERPRISE_SCALES, LICENCE_TYPES } from '../domain/enterprises/enterprise-fields.ts';

const id = z.number().int().positive().max(MAX_ID);
const localDate = z.iso.date();
const text = (max: number) => z.string().trim().max(max);

export const enterpriseContact = z.strictObject({
  name: text(40).min(1),
  phone: text(30),
  role: text(40).optional(),
});

const enterpriseFields = {
  name: text(120).min(1),
  /** 统一社会信用代码 (GB 32100-2015), checked with its check character; null when not known yet. */
  creditCode: text(30).nullable().optional(),
  /** GB/T 4754 division, two digits. */
  industryCode: z.string().max(2).nullable().optional(),
  scale: z.enum(ENTERPRISE_SCALES),
  townshipUnitId: id,
  address: text(200).nullable().optional(),
  contacts: z.array(enterpriseContact).max(10).default([]),
  flags: z.array(z.enum(ENTERPRISE_FLAGS)).max(ENTERPRISE_FLAGS.length).default([]),
};
export const enterpriseBody = z.strictObject(enterpriseFields);
export type EnterpriseBody = z.input<typeof enterpriseBody>;
export const enterprisePatch = z.strictObject({
  ...enterpriseFields,
  scale: enterpriseFields.scale.optional(),
  name: enterpriseFields.name.optional(),
  townshipUnitId: id.optional(),
  contacts: z.array(enterpriseContact).max(10).optional(),
  flags: z.array(z.enum(ENTERPRISE_FLAGS)).max(ENTERPRISE_FLAGS.length).optional(),
});
export type EnterprisePatch = z.input<typeof enterprisePatch>;

/** A licence's state on the county's today: expired, within a reminder window (days), or valid. */
export const licenceStatus = z.enum(['expired', 'expiring', 'valid']);
export const licenceView = z.object({
  id: z.number(),
  enterpriseId: z.number(),
  enterpriseName: z.string(),
  type: z.enum(LICENCE_TYPES),
  typeLabel: z.string(),
  number: z.string(),
  issuer: z.string().nullable(),
  validFrom: z.string().nullable(),
  validTo: z.string(),
  /** Days from today to the last valid day (negative once expired). */
  daysLeft: z.number(),
  status: licenceStatus,
});
export type LicenceView = z.infer<typeof licenceView>;
export const licenceBody = z.strictObject({
  type: z.enum(LICENCE_TYPES),
  number: text(60).min(1),
  issuer: text(100).nullable().optional(),
  validFrom: localDate.nullable().optional(),
  validTo: localDate,
});
export type LicenceBody = z.input<typeof licenceBody>;
export const licencePatch = licenceBody.partial();

export const enterpriseView = z.object({
  id: z.number(),
  name: z.string(),
  creditCode: z.string().nullable(),
  industryCode: z.string().nullable(),
  scale: z.enum(ENTERPRISE_SCALES),
  townshipUnitId: z.number(),
  townshipName: z.string(),
  address: z.string().nullable(),
  contacts: z.array(z.object({ name: z.string(), phone: z.string(), role: z.string().optional() })),
  flags: z.array(z.enum(ENTERPRISE_FLAGS)),
  /** Projects linked to it as their owner. */
  projectCount: z.number(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type EnterpriseView = z.infer<typeof enterpriseView>;
/** One enterprise with its licences and the projects it owns. */
export const enterpriseDetail = enterpriseView.extend({
  licences: z.array(licenceView),
  projects: z.array(
    z.object({
      id: z.number(),
      name: z.string(),
      stage: z.string(),
      code: z.string().nullable(),
      totalInvestmentYuan: z.number().int(),
      /** Its current light; null before the first cutoff computed one. */
      light: colour.nullable(),
      /** Its problems (涉企问题) not yet closed. */
      openTickets: z.number().int(),
    }),
  ),
  /** Projects whose owner was matched to this enterprise when it was saved (by credit code, then exact name). */
  linkedNow: z.number().optional(),
  canEdit: z.boolean(),
});
export type EnterpriseDetail = z.infer<typeof enterpriseDetail>;

export const enterprisesQuery = z.object({
  /** Part of the name or of the credit code. */
  q: z.string().trim().max(60).optional(),
  townshipUnitId: z.coerce.number().int().positive().max(MAX_ID).optional(),
  scale: z.enum(ENTERPRISE_SCALES).optional(),
  flag: z.enum(ENTERPRISE_FLAGS).optional(),
  page: z.coerce.number().int().min(1).max(10000).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(20),
});
export const enterprisesResponse = z.object({
  items: z.array(enterpriseView),
  total: z.number(),
  page: z.number(),
});
export type EnterprisesResponse = z.infer<typeof enterprisesResponse>;

export const licencesQuery = z.object({
  /** Those ending within this many days from today (expired ones included). */
  withinDays: z.coerce.number().int().min(0).max(3660).default(90),
  page: z.coerce.number().int().min(1).max(10000).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
});
export const licencesResponse = z.object({
  items: z.array(licenceView),
  total: z.number(),
  expired: z.number(),
  page: z.number(),
});
export type LicencesResponse = z.infer<typeof licencesResponse>;
