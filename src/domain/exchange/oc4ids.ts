/**
 * Lantern project → OC4IDS 0.9 (Open Contracting for Infrastructure Data Standard) project, and the
 * project package around a list of them. Pure: the server loads the facts, this shapes them.
 *
 * Conventions: money is `{ amount, currency: 'CNY' }` with the amount in whole 元 (Lantern's integer
 * 元, never 万元); Lantern's dates are local calendar days in China, written as date-times at +08:00
 * (the start of the day, or its last second for the end of a period); the language is 'zh'.
 * The code tables live in oc4ids-codes.ts.
 */
import { findIndustry } from '../industry/gbt4754.ts';
import type { Stage } from '../projects/lifecycle.ts';
import {
  MILESTONES,
  MILESTONE_LABELS,
  type InvestmentType,
  type Milestone,
  type Nature,
  type ProjectDates,
  type ProjectKind,
} from '../projects/project-fields.ts';
import {
  MILESTONE_CODES,
  ROLES,
  SCHEMES,
  sectorsOf,
  statusOf,
  TYPE_BY_NATURE,
  type Oc4idsStatus,
  type Oc4idsType,
} from './oc4ids-codes.ts';

/** The schema version a package declares (major.minor, as the package schema asks). */
export const OC4IDS_VERSION = '0.9';
export const CURRENCY = 'CNY';
/** China Standard Time: Lantern's dates are days in the county's calendar. */
const OFFSET = '+08:00';

/** What the export knows of one project: plain data, loaded by the server. Money in integer 元. */
export interface Oc4idsProjectFacts {
  id: number;
  code: string | null;
  name: string;
  stage: Stage;
  nature: Nature;
  kind: ProjectKind;
  investmentType: InvestmentType;
  /** GB/T 4754-2017 division ('17') or section ('C'). */
  industryCode: string;
  totalInvestmentYuan: number;
  /** ISO timestamp of the last change to the project. */
  updatedAt: string;
  leadUnit: { id: number; name: string };
  township: { name: string } | null;
  /** The county (the root unit), for addresses. */
  countyName: string;
  owner: { name: string | null; creditCode: string | null };
  address: string | null;
  longitude: number | null;
  latitude: number | null;
  dates: ProjectDates;
  annualPlans: { year: number; amountYuan: number }[];
  /** Approved current monthly reports only (corrections under review do not count yet). */
  approvedMonths: { year: number; month: number; amountYuan: number }[];
  /** Stage changes in any order; `at` an ISO timestamp. */
  stageHistory: { from: Stage | null; to: Stage; at: string; reason: string | null }[];
}

export interface Oc4idsOptions {
  /** Prepended to Lantern's project id to make the OC4IDS project id (config LANTERN_OC4IDS_PREFIX). */
  idPrefix: string;
  /** Today, YYYY-MM-DD: decides whether an unmet planned milestone is overdue or still scheduled. */
  today: string;
}

export interface Oc4idsValue {
  amount: number;
  currency: typeof CURRENCY;
}
export interface Oc4idsPeriod {
  startDate?: string;
  endDate?: string;
}
export interface Oc4idsObservation {
  id: string;
  period: Oc4idsPeriod;
  value: Oc4idsValue;
}
export interface Oc4idsMetric {
  id: 'financialProgress';
  title: string;
  description: string;
  observations: Oc4idsObservation[];
}
export interface Oc4idsMilestone {
  id: Milestone;
  title: string;
  type: string;
  code?: string;
  status: 'scheduled' | 'met' | 'notMet';
  dueDate?: string;
  dateMet?: string;
  dateModified?: string;
}
export interface Oc4idsParty {
  id: string;
  name: string;
  roles: string[];
  identifier?: { scheme: string; id: string; legalName?: string };
  address?: { region?: string; countryName: string };
}
export interface Oc4idsLocation {
  id: string;
  description?: string;
  geometry?: { type: 'Point'; coordinates: [longitude: number, latitude: number] };
  address?: { streetAddress?: string; locality?: string; region: string; countryName: string };
}

/** One OC4IDS project as Lantern writes it (a subset of project-schema.json). */
export interface Oc4idsProject {
  id: string;
  updated: string;
  language: 'zh';
  identifiers: { id: string; scheme: string }[];
  title: string;
  description?: string;
  status: Oc4idsStatus;
  type: Oc4idsType;
  sector: string[];
  additionalClassifications?: { scheme: string; id: string; description: string }[];
  publicAuthority: { id: string; name: string };
  parties: Oc4idsParty[];
  budget: { amount: Oc4idsValue };
  period?: Oc4idsPeriod;
  locations?: Oc4idsLocation[];
  milestones?: Oc4idsMilestone[];
  metrics?: Oc4idsMetric[];
  forecasts?: Oc4idsMetric[];
  completion?: { endDate: string };
}

/** The package's fields other than its projects. */
export interface Oc4idsPackageMeta {
  uri: string;
  /** ISO timestamp of the last change to what the package holds. */
  publishedDate: string;
  publisher: { name: string };
  license?: string | null;
}

export const money = (yuan: number): Oc4idsValue => ({ amount: yuan, currency: CURRENCY });
/** 2026-03-01 → 2026-03-01T00:00:00+08:00 */
export const startOfDay = (date: string) => `${date}T00:00:00${OFFSET}`;
/** 2026-03-31 → 2026-03-31T23:59:59+08:00 */
export const endOfDay = (date: string) => `${date}T23:59:59${OFFSET}`;
const pad = (n: number) => String(n).padStart(2, '0');
const lastDayOf = (year: number, month: number) => new Date(Date.UTC(year, month, 0)).getUTCDate();

/** A calendar month as a period: its first second to its last, China time. */
export function monthPeriod(year: number, month: number): Required<Oc4idsPeriod> {
  return {
    startDate: startOfDay(`${year}-${pad(month)}-01`),
    endDate: endOfDay(`${year}-${pad(month)}-${pad(lastDayOf(year, month))}`),
  };
}

const capitalise = (m: Milestone) => `${m[0]!.toUpperCase()}${m.slice(1)}` as Capitalize<Milestone>;

/**
 * One milestone per planned/actual date pair that has either date. Met when the actual date is
 * there; otherwise not met once the planned day has passed (or whatever the date, when the project
 * was dropped), and scheduled before. An unmet milestone is reviewed as of today (`dateModified`).
 */
export function milestonesOf(dates: ProjectDates, stage: Stage, today: string): Oc4idsMilestone[] {
  const out: Oc4idsMilestone[] = [];
  for (const m of MILESTONES) {
    const planned = dates[`planned${capitalise(m)}Date`];
    const actual = dates[`actual${capitalise(m)}Date`];
    if (!planned && !actual) continue;
    const { type, code } = MILESTONE_CODES[m];
    const status = actual ? 'met' : stage === 'dropped' || planned! < today ? 'notMet' : 'scheduled';
    out.push({
      id: m,
      title: `${MILESTONE_LABELS[m]['zh-CN']} ${MILESTONE_LABELS[m].en}`,
      type,
      ...(code ? { code } : {}),
      status,
      ...(planned ? { dueDate: startOfDay(planned) } : {}),
      ...(actual ? { dateMet: startOfDay(actual) } : { dateModified: startOfDay(today) }),
    });
  }
  return out;
}

/** Approved monthly amounts, oldest first, as observations of actual financial progress (元 per month). */
export function financialProgressOf(months: Oc4idsProjectFacts['approvedMonths']): Oc4idsMetric | null {
  if (!months.length) return null;
  const sorted = [...months].sort((a, b) => a.year - b.year || a.month - b.month);
  return {
    id: 'financialProgress',
    title: '完成投资 Investment completed',
    description:
      '每月完成投资（已审核月报），元 Investment completed in each month, from approved monthly reports, in yuan',
    observations: sorted.map((m) => ({
      id: `${m.year}-${pad(m.month)}`,
      period: monthPeriod(m.year, m.month),
      value: money(m.amountYuan),
    })),
  };
}

/** Annual plans as forecast financial progress (元 per year). */
export function plannedProgressOf(plans: Oc4idsProjectFacts['annualPlans']): Oc4idsMetric | null {
  if (!plans.length) return null;
  return {
    id: 'financialProgress',
    title: '年度计划投资 Annual investment plan',
    description: '每年计划完成投资，元 Investment planned for each year, in yuan',
    observations: [...plans]
      .sort((a, b) => a.year - b.year)
      .map((p) => ({
        id: String(p.year),
        period: { startDate: startOfDay(`${p.year}-01-01`), endDate: endOfDay(`${p.year}-12-31`) },
        value: money(p.amountYuan),
      })),
  };
}

/** The lead unit and, when named, the owner; one party when they are the same organisation. */
export function partiesOf(
  p: Pick<Oc4idsProjectFacts, 'leadUnit' | 'owner' | 'investmentType' | 'countyName'>,
): Oc4idsParty[] {
  const lead: Oc4idsParty = {
    id: `lantern-unit-${p.leadUnit.id}`,
    name: p.leadUnit.name,
    roles: [...ROLES.leadUnit],
    address: { region: p.countyName, countryName: '中国' },
  };
  const { name, creditCode } = p.owner;
  if (!name && !creditCode) return [lead];
  const ownerRoles = ROLES.owner(p.investmentType);
  if (!creditCode && name === p.leadUnit.name) return [{ ...lead, roles: [...lead.roles, ...ownerRoles] }];
  const owner: Oc4idsParty = {
    id: creditCode ? `${SCHEMES.creditCode}-${creditCode}` : 'owner',
    name: name ?? creditCode!,
    roles: [...ownerRoles],
    ...(creditCode
      ? { identifier: { scheme: SCHEMES.creditCode, id: creditCode, ...(name ? { legalName: name } : {}) } }
      : {}),
  };
  return [lead, owner];
}

/** The site: a GeoJSON point (longitude first) and the address; none when Lantern has neither. */
export function locationsOf(
  p: Pick<Oc4idsProjectFacts, 'address' | 'longitude' | 'latitude' | 'township' | 'countyName'>,
): Oc4idsLocation[] {
  const hasPoint = p.longitude !== null && p.latitude !== null;
  if (!hasPoint && !p.address) return [];
  return [
    {
      id: '1',
      ...(p.address ? { description: p.address } : {}),
      ...(hasPoint
        ? { geometry: { type: 'Point' as const, coordinates: [p.longitude!, p.latitude!] as [number, number] } }
        : {}),
      address: {
        ...(p.address ? { streetAddress: p.address } : {}),
        ...(p.township ? { locality: p.township.name } : {}),
        region: p.countyName,
        countryName: '中国',
      },
    },
  ];
}

type StageChange = Oc4idsProjectFacts['stageHistory'][number];

/** The last move into the current stage, for suspended and dropped projects' status note. */
function lastMoveInto(history: StageChange[], stage: Stage): StageChange | null {
  return [...history].filter((h) => h.to === stage).sort((a, b) => (a.at < b.at ? 1 : a.at > b.at ? -1 : 0))[0] ?? null;
}

/**
 * Suspended and dropped projects say so in the description (projectStatus has no 停缓建, and
 * 'cancelled' carries no reason): since when, from which stage, and why.
 */
function statusNote(stage: Stage, move: StageChange | null): string | undefined {
  if (stage !== 'suspended' && stage !== 'dropped') return undefined;
  const what = stage === 'suspended' ? '停缓建 Suspended' : '退库 Dropped';
  if (!move) return what;
  return `${what} ${move.at.slice(0, 10)}${move.reason ? `：${move.reason}` : ''}`;
}

/** One Lantern project as an OC4IDS project. */
export function toOc4idsProject(p: Oc4idsProjectFacts, options: Oc4idsOptions): Oc4idsProject {
  const suspension = p.stage === 'suspended' || p.stage === 'dropped' ? lastMoveInto(p.stageHistory, p.stage) : null;
  const industry = findIndustry(p.industryCode);
  const parties = partiesOf(p);
  const locations = locationsOf(p);
  const milestones = milestonesOf(p.dates, p.stage, options.today);
  const actual = financialProgressOf(p.approvedMonths);
  const planned = plannedProgressOf(p.annualPlans);
  const periodEnd = p.dates.plannedCompletionDate ?? p.dates.plannedProductionDate;
  const note = statusNote(p.stage, suspension);
  const lastChange = [p.updatedAt, ...p.stageHistory.map((h) => h.at)].sort().at(-1)!;
  return {
    id: `${options.idPrefix}${p.id}`,
    updated: lastChange,
    language: 'zh',
    identifiers: [
      { id: String(p.id), scheme: SCHEMES.lantern },
      ...(p.code ? [{ id: p.code, scheme: SCHEMES.projectCode }] : []),
    ],
    title: p.name,
    ...(note ? { description: note } : {}),
    status: statusOf(p.stage, p.stage === 'suspended' ? (suspension?.from ?? null) : null, !!p.dates.actualStartDate),
    type: TYPE_BY_NATURE[p.nature],
    sector: sectorsOf(p.industryCode, p.kind),
    ...(industry
      ? {
          additionalClassifications: [
            {
              scheme: SCHEMES.industry,
              id: industry.code === industry.section ? industry.code : `${industry.section}${industry.code}`,
              description: industry.name,
            },
          ],
        }
      : {}),
    publicAuthority: { id: parties[0]!.id, name: parties[0]!.name },
    parties,
    budget: { amount: money(p.totalInvestmentYuan) },
    ...(p.dates.plannedStartDate || periodEnd
      ? {
          period: {
            ...(p.dates.plannedStartDate ? { startDate: startOfDay(p.dates.plannedStartDate) } : {}),
            ...(periodEnd ? { endDate: endOfDay(periodEnd) } : {}),
          },
        }
      : {}),
    ...(locations.length ? { locations } : {}),
    ...(milestones.length ? { milestones } : {}),
    ...(actual ? { metrics: [actual] } : {}),
    ...(planned ? { forecasts: [planned] } : {}),
    ...(p.dates.actualCompletionDate ? { completion: { endDate: endOfDay(p.dates.actualCompletionDate) } } : {}),
  };
}

/** The package's own fields, in the order the schema lists them. */
function envelope(meta: Oc4idsPackageMeta) {
  return {
    version: OC4IDS_VERSION,
    uri: meta.uri,
    publishedDate: meta.publishedDate,
    publisher: { name: meta.publisher.name },
    ...(meta.license ? { license: meta.license } : {}),
  };
}

/** A whole package in memory (small exports and tests). */
export function toOc4idsPackage(meta: Oc4idsPackageMeta, projects: Oc4idsProject[]) {
  return { ...envelope(meta), projects };
}

/**
 * The package as JSON text around its project list, so that a large county can be written project
 * by project: `head`, then the projects' JSON separated by commas, then `tail`.
 */
export function packageJsonParts(meta: Oc4idsPackageMeta): { head: string; tail: string } {
  const open = JSON.stringify({ ...envelope(meta), projects: [] });
  return { head: open.slice(0, -2), tail: ']}' };
}
