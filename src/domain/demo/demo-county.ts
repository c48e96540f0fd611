/**
 * A pure, deterministic generator of a plausible demo county's project library (兰溪市, Zhejiang,
 * region 330781): names, classification, parties, money and schedules that hold together and
 * satisfy the library's rules relative to a given "today". Same seed and inputs, same output.
 *
 *   generateDemoProjects({ seed: 7, today: '2025-06-15', count: 300, units })
 *   → [{ name: '兰溪市年产5万吨差别化纤维项目', stage: 'construction', industryCode: '28', … }, …]
 */
import type { Stage } from '../projects/lifecycle.ts';
import type {
  ApprovalMode,
  InvestmentType,
  Level,
  Nature,
  ProjectDates,
  ProjectKind,
} from '../projects/project-fields.ts';
import { INDUSTRY_TEMPLATES } from './catalogue-industry.ts';
import { PUBLIC_TEMPLATES, ROAD_NAMES } from './catalogue-public.ts';
import { addDays, isIsoDate, minDate } from './dates.ts';
import { fixedFor, splitByYear, TIER_SHARES, totalFor, type Cents } from './investment.ts';
import { makeCreditCode, makeEnterprise, makeLeaders, stateOwnerName, VILLAGES, type Owner } from './parties.ts';
import { placeProject, pointNear, poolUnits, type Placement } from './places.ts';
import { allocate, createRng, type Rng } from './random.ts';
import { makeSchedule, PRODUCING_STAGES, STAGE_SHARES, type Schedule } from './schedule.ts';
import { chineseNumber, type NameContext, type ProjectTemplate, type Tier } from './templates.ts';

export { checkDemoProject } from './check.ts';
export { DEMO_DEPARTMENTS, DEMO_PLATFORMS } from './places.ts';

export interface DemoUnitRef {
  name: string;
  kind: 'county' | 'street' | 'township' | 'department' | 'platform' | 'village' | 'other';
}

export interface DemoProject extends ProjectDates {
  name: string;
  /** GB/T 40058 code 'YYMM-330781-DD-TT-NNNNNN' (DD the GB/T 4754 division, TT 01 审批 / 02 核准 / 03 备案), or null. */
  code: string | null;
  nature: Nature;
  kind: ProjectKind;
  industryCode: string;
  level: Level | null;
  investmentType: InvestmentType;
  approvalMode: ApprovalMode;
  leadUnitName: string;
  townshipName: string | null;
  ownerName: string | null;
  ownerCreditCode: string | null;
  patronLeader: string | null;
  address: string | null;
  longitude: number | null;
  latitude: number | null;
  landAreaMu: number | null;
  totalInvestmentWan: number;
  fixedAssetInvestmentWan: number | null;
  annualPlans: { year: number; amountWan: number }[];
  stage: Stage;
  tags: string[];
}

/** An enterprise of the county's registry (src/domain/enterprises/demo-enterprises.ts) that may own projects. */
export interface DemoOwnerEnterprise {
  name: string;
  creditCode: string;
  townshipName: string;
  /** Its GB/T 4754 division, two digits. */
  industryCode: string;
  /** Brand plus trade word ("恒丰纺织"), as a project name may start. */
  shortName: string;
}

export interface DemoOptions {
  seed: number;
  /** 'YYYY-MM-DD': actual dates stay on or before it; all dates fall in its year − 1 … + 1. */
  today: string;
  count: number;
  /** The units that may lead or host projects: departments, platforms, streets and townships. */
  units: DemoUnitRef[];
  /**
   * The county's registered enterprises. An enterprise project in a township where an enterprise of its
   * GB/T 4754 division is registered is owned by one of them, under the registry's name and code, so
   * registering the enterprise links the project; other owners (investors from outside, companies not
   * registered yet) are invented and never take a registered name or code. Without them all are invented.
   */
  enterprises?: readonly DemoOwnerEnterprise[];
}

const REGION = '330781';
/** Share of projects with a national code by stage: codes come with the approval work of 前期. */
const CODE_CHANCE: Record<Stage, number> = {
  planning: 0.1,
  reserve: 0.3,
  preparing: 0.65,
  construction: 0.85,
  completed: 0.85,
  production: 0.85,
  capacity: 0.85,
  suspended: 0.7,
  dropped: 0.2,
};
const APPROVAL_TYPE: Record<ApprovalMode, string> = { approval: '01', ratification: '02', filing: '03' };
/** Enterprise projects in these divisions need ratification (核准) when large: power, gas, port, transport. */
const RATIFIED_DIVISIONS = ['44', '45', '53', '55', '58'];
const NATURE_SUFFIX: Record<Nature, readonly string[]> = {
  new: ['项目'],
  expansion: ['扩建项目'],
  renovation: ['改造提升项目'],
  relocation: ['迁建项目'],
  techUpgrade: ['技术改造项目', '智能化改造项目'],
};

/** Generates `count` demo projects; throws RangeError on bad options. */
export function generateDemoProjects(opts: DemoOptions): DemoProject[] {
  const { seed, today, count, units, enterprises = [] } = opts;
  if (!Number.isInteger(count) || count < 0) throw new RangeError(`count must be a whole number ≥ 0, got ${count}`);
  if (!isIsoDate(today)) throw new RangeError(`today must be YYYY-MM-DD, got ${today}`);
  if (count > 0 && units.length === 0) throw new RangeError('units must name at least one unit');

  const rng = createRng(seed);
  const pools = poolUnits(units);
  const leaders = makeLeaders(rng);
  const stages = rng.shuffle(expand(allocate(count, STAGE_SHARES)));
  const tiers = rng.shuffle(expand(allocate(count, TIER_SHARES)).map((t) => Number(t) as Tier));
  const seen = {
    names: new Set<string>(),
    codes: new Set<string>(),
    credit: new Map<string, string>(enterprises.map((e) => [e.name, e.creditCode])),
    owners: new Map<string, Owner[]>(),
    registry: groupBy(enterprises, (e) => e.townshipName),
  };

  return stages.map((stage, i) => {
    const tier = tiers[i]!;
    const template = pickTemplate(rng, stage, tier);
    const schedule = makeSchedule(rng, {
      stage,
      today,
      tier,
      isProducing: template.isProducing,
      investmentType: template.investmentType,
    });
    const placement = placeProject(rng, template.lead, pools, template.chain);
    const nature = rng.pick(template.natures);
    const owner = chooseOwner(rng, template, placement, seen);
    const place = placement.townshipName ?? '城区';
    const others = pools.townships.filter((t) => t !== place);
    const ctx: NameContext = {
      rng,
      place,
      otherPlace: others.length ? rng.pick(others) : '城区',
      platform: placement.platformName ?? (pools.platforms.length ? rng.pick(pools.platforms) : place),
      village: rng.pick(VILLAGES),
      year: Number((schedule.actual.start ?? schedule.planned.start ?? today).slice(0, 4)),
    };
    const name = uniqueName(() => composeName(ctx, template, nature, owner, placement), seen.names);
    const total = totalFor(rng, tier);
    const fixed = stage === 'planning' && rng.chance(0.3) ? null : fixedFor(rng, total, template.kind === 'industry');
    const approvalMode: ApprovalMode =
      template.investmentType === 'government'
        ? 'approval'
        : RATIFIED_DIVISIONS.includes(template.industryCode) && tier >= 3 && rng.chance(0.5)
          ? 'ratification'
          : 'filing';
    const level = levelFor(rng, tier);
    const point = rng.chance(0.9) ? pointNear(rng, placement.townshipName) : null;

    return {
      name,
      code: rng.chance(CODE_CHANCE[stage])
        ? makeCode(rng, today, template.industryCode, approvalMode, schedule, seen.codes)
        : null,
      nature,
      kind: template.kind,
      industryCode: template.industryCode,
      level,
      investmentType: template.investmentType,
      approvalMode,
      leadUnitName: placement.leadUnitName,
      townshipName: placement.townshipName,
      ownerName: owner?.name ?? null,
      ownerCreditCode: owner?.creditCode ?? null,
      patronLeader:
        level === 'provincial' || level === 'municipal' || (level === 'county' && rng.chance(0.3))
          ? rng.pick(leaders)
          : null,
      address: point ? addressFor(rng, ctx, template, placement) : null,
      longitude: point?.longitude ?? null,
      latitude: point?.latitude ?? null,
      landAreaMu: landFor(rng, template, nature, total),
      totalInvestmentWan: total / 100,
      fixedAssetInvestmentWan: fixed === null ? null : fixed / 100,
      annualPlans: plansFor(rng, stage, schedule, fixed ?? total),
      plannedSignDate: schedule.planned.sign,
      actualSignDate: schedule.actual.sign,
      plannedStartDate: schedule.planned.start,
      actualStartDate: schedule.actual.start,
      plannedCompletionDate: schedule.planned.completion,
      actualCompletionDate: schedule.actual.completion,
      plannedProductionDate: schedule.planned.production,
      actualProductionDate: schedule.actual.production,
      plannedCapacityDate: schedule.planned.capacity,
      actualCapacityDate: schedule.actual.capacity,
      stage,
      tags: tagsFor(template, nature),
    };
  });
}

/** Map.groupBy, which Node 20 lacks. */
function groupBy<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) groups.set(key(item), [...(groups.get(key(item)) ?? []), item]);
  return groups;
}

function expand<K extends string>(counts: Record<K, number>): K[] {
  return (Object.keys(counts) as K[]).flatMap((k) => Array<K>(counts[k]).fill(k));
}

/** A template that fits the tier (and, for production stages, produces); enterprise and government about evenly. */
function pickTemplate(rng: Rng, stage: Stage, tier: Tier): ProjectTemplate {
  const fits = (t: ProjectTemplate) =>
    t.tiers[0] <= tier && tier <= t.tiers[1] && (!PRODUCING_STAGES.includes(stage) || t.isProducing);
  const enterprise = INDUSTRY_TEMPLATES.filter(fits);
  const government = PUBLIC_TEMPLATES.filter(fits);
  const group = !government.length
    ? enterprise
    : !enterprise.length
      ? government
      : rng.chance(0.55)
        ? enterprise
        : government;
  return rng.weighted(group.map((t) => [t, t.weight] as const));
}

interface Seen {
  names: Set<string>;
  codes: Set<string>;
  /** Credit code by owner name, so an owner keeps one code and no two owners share one. */
  credit: Map<string, string>;
  /** Enterprises by chain, so some come back with a second project. */
  owners: Map<string, Owner[]>;
  /** Registered enterprises by township. */
  registry: Map<string, DemoOwnerEnterprise[]>;
}

/**
 * A registered enterprise of the project's township and division, or null. Only the same division: a
 * packaging-film company (29) owning a chemicals plant (26) of the same chain would read wrong.
 */
function registeredOwner(rng: Rng, template: ProjectTemplate, placement: Placement, seen: Seen): Owner | null {
  const here = placement.townshipName ? seen.registry.get(placement.townshipName) : undefined;
  const fits = here?.filter((e) => e.industryCode === template.industryCode) ?? [];
  if (!fits.length) return null;
  const e = rng.pick(fits);
  return { name: e.name, creditCode: e.creditCode, shortName: e.shortName };
}

function creditCodeOf(rng: Rng, name: string, seen: Seen): string {
  const known = seen.credit.get(name);
  if (known) return known;
  const taken = new Set(seen.credit.values());
  let code = makeCreditCode(rng);
  while (taken.has(code)) code = makeCreditCode(rng);
  seen.credit.set(name, code);
  return code;
}

function chooseOwner(rng: Rng, template: ProjectTemplate, placement: Placement, seen: Seen): Owner | null {
  if (template.investmentType === 'government' || template.isStateOwned) {
    if (template.investmentType === 'government' && rng.chance(0.35)) return null;
    const name = stateOwnerName(placement.leadUnitName, template.chain);
    return { name, creditCode: creditCodeOf(rng, name, seen), shortName: name };
  }
  const registered = registeredOwner(rng, template, placement, seen);
  if (registered) return registered;
  const chain = template.chain ?? '';
  const known = seen.owners.get(chain) ?? [];
  if (known.length && rng.chance(0.12)) return rng.pick(known);
  let owner = makeEnterprise(rng, template);
  while (seen.credit.has(owner.name)) owner = makeEnterprise(rng, template);
  owner = { ...owner, creditCode: creditCodeOf(rng, owner.name, seen) };
  seen.owners.set(chain, [...known, owner]);
  return owner;
}

/** "恒丰纺织年产5000万米高档纺织面料项目", "兰溪市…", "上华街道…"; public templates name themselves. */
function composeName(
  ctx: NameContext,
  template: ProjectTemplate,
  nature: Nature,
  owner: Owner | null,
  placement: Placement,
): string {
  const core = template.name(ctx);
  if (template.isFullName) return core;
  // "…智能织造智能化改造项目" and "…绿色化智能化改造项目" stutter: such cores take the plain suffix.
  const suffix =
    core.includes('智能') || core.endsWith('化') ? NATURE_SUFFIX[nature][0]! : ctx.rng.pick(NATURE_SUFFIX[nature]);
  if (core.startsWith(ctx.place)) return core + suffix;
  const prefix = ctx.rng.weighted([
    [owner && !template.isStateOwned ? owner.shortName : '兰溪市', 4],
    ['兰溪市', 3],
    [ctx.place, 2],
    [placement.platformName ?? ctx.place, placement.platformName ? 2 : 0],
  ] as const);
  return prefix + core + suffix;
}

/** Tries fresh names a few times, then numbers phases or lots, so names stay unique at any count. */
function uniqueName(make: () => string, names: Set<string>): string {
  let name = make();
  for (let attempt = 0; names.has(name) && attempt < 12; attempt++) name = make();
  for (let k = 2; names.has(name); k++) {
    const base = name.replace(/（[^（]*[期段]）$/, '');
    name = `${base}（${chineseNumber(k)}${/期/.test(base) ? '标段' : '期'}）`;
  }
  names.add(name);
  return name;
}

/** 'YYMM-330781-DD-TT-NNNNNN', issued a few months before the work began (or before today). */
function makeCode(
  rng: Rng,
  today: string,
  division: string,
  mode: ApprovalMode,
  s: Schedule,
  codes: Set<string>,
): string {
  const anchor = minDate(today, s.actual.sign ?? s.actual.start ?? s.planned.start ?? today);
  const issued = addDays(anchor, -rng.int(20, 300));
  const prefix = `${issued.slice(2, 4)}${issued.slice(5, 7)}-${REGION}-${division}-${APPROVAL_TYPE[mode]}-`;
  let code = prefix + String(rng.int(1, 999_999)).padStart(6, '0');
  while (codes.has(code)) code = prefix + String(rng.int(1, 999_999)).padStart(6, '0');
  codes.add(code);
  return code;
}

/** Few provincial, more municipal, many county or none; the larger, the higher. */
function levelFor(rng: Rng, tier: Tier): Level | null {
  const table: Record<Tier, readonly (readonly [Level | null, number])[]> = {
    5: [
      ['provincial', 45],
      ['municipal', 45],
      ['county', 10],
    ],
    4: [
      ['provincial', 10],
      ['municipal', 50],
      ['county', 40],
    ],
    3: [
      ['municipal', 25],
      ['county', 55],
      [null, 20],
    ],
    2: [
      ['municipal', 5],
      ['county', 45],
      [null, 50],
    ],
    1: [
      ['county', 30],
      [null, 70],
    ],
    0: [
      ['county', 20],
      [null, 80],
    ],
  };
  return rng.weighted(table[tier]);
}

function addressFor(rng: Rng, ctx: NameContext, template: ProjectTemplate, placement: Placement): string {
  if (placement.platformName) return `${placement.platformName}${rng.pick(ROAD_NAMES)}${rng.int(1, 888)}号`;
  if (['48', '76'].includes(template.industryCode) && template.investmentType === 'government')
    return `兰溪市${ctx.place}境内`;
  return rng.chance(0.5)
    ? `兰溪市${ctx.place}${ctx.village}村`
    : `兰溪市${ctx.place}${rng.pick(ROAD_NAMES)}${rng.int(1, 888)}号`;
}

/** New land only: factories by investment intensity (about 60–400 万元 per 亩), others within the template's range. */
function landFor(rng: Rng, template: ProjectTemplate, nature: Nature, total: Cents): number | null {
  if (!template.landMu || nature === 'techUpgrade' || nature === 'renovation') return null;
  const [lo, hi] = template.landMu;
  const byIntensity = total / 100 / rng.between(60, 400);
  // A small factory still takes a plot above the floor, not exactly on it.
  const mu =
    template.kind !== 'industry' ? rng.between(lo, hi) : byIntensity < lo ? lo + rng.between(0, 15) : byIntensity;
  return Math.round(Math.min(hi, mu) * 100) / 100;
}

/** Yearly plans over the years of work, 90–100% of the fixed assets; none before 前期 or once dropped. */
function plansFor(rng: Rng, stage: Stage, s: Schedule, base: Cents): { year: number; amountWan: number }[] {
  if (stage === 'planning' || stage === 'reserve' || stage === 'dropped') return [];
  const start = s.actual.start ?? s.planned.start;
  if (!start) return [];
  const end = s.actual.completion ?? s.actual.production ?? s.planned.completion ?? start;
  const amount = Math.floor((base * rng.between(0.9, 1)) / 100) * 100;
  return splitByYear(amount, start, end).map((y) => ({ year: y.year, amountWan: y.amount / 100 }));
}

function tagsFor(template: ProjectTemplate, nature: Nature): string[] {
  const tags = template.chain ? [template.chain] : [];
  if (nature === 'techUpgrade' && template.chain !== '智能制造') tags.push('智能制造');
  if (template.industryCode === '65' || template.industryCode === '64') tags.push('数字经济');
  return [...new Set(tags)];
}
