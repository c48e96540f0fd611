/**
 * The rules a demo project must satisfy, the same the demo loader checks before it writes anything:
 * the project library's cross-field rules (dates in order, no actual date after today, what each
 * stage implies) plus the demo's own (codes, ranges, consistency of classification).
 */
import { findIndustry } from '../industry/gbt4754.ts';
import { MAIN_LINE, STAGES } from '../projects/lifecycle.ts';
import { normaliseProjectCode } from '../projects/project-code.ts';
import {
  APPROVAL_MODES,
  INVESTMENT_TYPES,
  LEVELS,
  MILESTONES,
  NATURES,
  PROJECT_KINDS,
  type Milestone,
} from '../projects/project-fields.ts';
import { checkProjectRules } from '../projects/project-rules.ts';
import { isIsoDate } from './dates.ts';
import type { DemoProject } from './demo-county.ts';
import { isCreditCode } from './parties.ts';
import { LANXI_BOX } from './places.ts';
import { demoWindow } from './schedule.ts';

const cap = (m: Milestone) => `${m[0]!.toUpperCase()}${m.slice(1)}`;
const hasTwoDecimals = (x: number) => Number.isFinite(x) && Math.abs(x * 100 - Math.round(x * 100)) < 1e-6;
const toYuan = (wan: number) => Math.round(wan * 10_000);

/** Actual milestones a stage on the main line cannot have reached yet. */
const NOT_YET: Partial<Record<DemoProject['stage'], Milestone[]>> = {
  construction: ['completion', 'production', 'capacity'],
  completed: ['production', 'capacity'],
  production: ['capacity'],
};

/** Every rule the project breaks, as "field: problem"; [] when it is sound. */
export function checkDemoProject(p: DemoProject, today: string): string[] {
  const errors: string[] = [];
  const fail = (field: string, problem: string) => errors.push(`${field}: ${problem}`);
  const win = demoWindow(today);

  if (!p.name.trim()) fail('name', 'empty');
  if (p.code !== null && 'error' in normaliseProjectCode(p.code)) fail('code', `not a GB/T 40058 code (${p.code})`);
  if (!NATURES.includes(p.nature)) fail('nature', `unknown ${p.nature}`);
  if (!PROJECT_KINDS.includes(p.kind)) fail('kind', `unknown ${p.kind}`);
  if (p.level !== null && !LEVELS.includes(p.level)) fail('level', `unknown ${p.level}`);
  if (!INVESTMENT_TYPES.includes(p.investmentType)) fail('investmentType', `unknown ${p.investmentType}`);
  if (!APPROVAL_MODES.includes(p.approvalMode)) fail('approvalMode', `unknown ${p.approvalMode}`);
  if (!STAGES.includes(p.stage)) fail('stage', `unknown ${p.stage}`);
  if (!/^\d{2}$/.test(p.industryCode) || !findIndustry(p.industryCode))
    fail('industryCode', `not a GB/T 4754 division (${p.industryCode})`);

  if (p.investmentType === 'government') {
    if (p.approvalMode !== 'approval') fail('approvalMode', 'government investment is approved (审批)');
    if (!['infrastructure', 'social', 'ecology'].includes(p.kind))
      fail('kind', `government investment of kind ${p.kind}`);
  }
  if (!p.leadUnitName.trim()) fail('leadUnitName', 'empty');
  if (p.ownerCreditCode !== null && !isCreditCode(p.ownerCreditCode))
    fail('ownerCreditCode', `malformed (${p.ownerCreditCode})`);
  if (p.ownerCreditCode !== null && p.ownerName === null) fail('ownerCreditCode', 'without an owner');

  if ((p.longitude === null) !== (p.latitude === null)) fail('longitude', 'longitude and latitude go together');
  if (p.longitude !== null && (p.longitude < LANXI_BOX.minLng || p.longitude > LANXI_BOX.maxLng))
    fail('longitude', `outside 兰溪 (${p.longitude})`);
  if (p.latitude !== null && (p.latitude < LANXI_BOX.minLat || p.latitude > LANXI_BOX.maxLat))
    fail('latitude', `outside 兰溪 (${p.latitude})`);

  if (p.landAreaMu !== null) {
    if (!(p.landAreaMu > 0) || !hasTwoDecimals(p.landAreaMu))
      fail('landAreaMu', `not a positive area with two decimals (${p.landAreaMu})`);
    if (p.kind === 'industry' && (p.landAreaMu < 10 || p.landAreaMu > 300))
      fail('landAreaMu', `industrial land outside 10–300 亩 (${p.landAreaMu})`);
  }
  if (!(p.totalInvestmentWan > 0) || !hasTwoDecimals(p.totalInvestmentWan))
    fail('totalInvestmentWan', `not a positive amount (${p.totalInvestmentWan})`);
  if (
    p.fixedAssetInvestmentWan !== null &&
    (!(p.fixedAssetInvestmentWan >= 0) || !hasTwoDecimals(p.fixedAssetInvestmentWan))
  ) {
    fail('fixedAssetInvestmentWan', `not an amount (${p.fixedAssetInvestmentWan})`);
  }
  const planYears = new Set<number>();
  for (const plan of p.annualPlans) {
    if (planYears.has(plan.year)) fail('annualPlans', `year ${plan.year} twice`);
    planYears.add(plan.year);
    if (!(plan.amountWan > 0) || !hasTwoDecimals(plan.amountWan))
      fail('annualPlans', `amount for ${plan.year} not positive (${plan.amountWan})`);
    if (plan.year < Number(win.from.slice(0, 4)) || plan.year > Number(win.to.slice(0, 4)))
      fail('annualPlans', `year ${plan.year} outside the demo years`);
  }
  const planSum = p.annualPlans.reduce((s, x) => s + toYuan(x.amountWan), 0);
  if (p.fixedAssetInvestmentWan !== null && planSum > toYuan(p.fixedAssetInvestmentWan))
    fail('annualPlans', 'sum above the fixed-asset investment');

  const planned = {} as Record<Milestone, string | null>;
  const actual = {} as Record<Milestone, string | null>;
  for (const m of MILESTONES) {
    for (const [kind, bag] of [
      ['planned', planned],
      ['actual', actual],
    ] as const) {
      const field = `${kind}${cap(m)}Date` as keyof DemoProject;
      const date = p[field] as string | null;
      bag[m] = date;
      if (date === null) continue;
      if (!isIsoDate(date)) fail(field, `not a date (${date})`);
      else if (date < win.from || date > win.to) fail(field, `outside the demo years ${win.from}…${win.to} (${date})`);
    }
  }
  const violations = checkProjectRules(
    {
      stage: p.stage,
      totalInvestment: toYuan(p.totalInvestmentWan),
      fixedAssetInvestment: p.fixedAssetInvestmentWan === null ? null : toYuan(p.fixedAssetInvestmentWan),
      planned,
      actual,
      annualPlanSum: planSum,
    },
    today,
  );
  for (const v of violations)
    fail(v.field, `${v.key}${Object.keys(v.params).length ? ` ${JSON.stringify(v.params)}` : ''}`);
  for (const m of NOT_YET[p.stage] ?? [])
    if (actual[m]) fail(`actual${cap(m)}Date`, `set while the stage is ${p.stage}`);
  const before = MAIN_LINE.indexOf(p.stage) >= 0 && MAIN_LINE.indexOf(p.stage) < MAIN_LINE.indexOf('construction');
  if ((before || p.stage === 'dropped') && (actual.completion || actual.production || actual.capacity))
    fail('stage', `${p.stage} with milestones reached`);
  if (p.tags.some((t) => typeof t !== 'string' || !t.trim())) fail('tags', 'empty tag');
  return errors;
}
