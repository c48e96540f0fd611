/**
 * Lantern's values → OC4IDS 0.9 codelist codes, one table per field (docs/API.md, "Open data
 * (OC4IDS)", prints the same tables). Every code here is in the copied codelists under
 * src/server/features/oc4ids/schema/codelists/; the integration test checks the export against them.
 */
import { findIndustry } from '../industry/gbt4754.ts';
import type { Stage } from '../projects/lifecycle.ts';
import type { InvestmentType, Milestone, Nature, ProjectKind } from '../projects/project-fields.ts';

/** projectStatus.csv (closed). */
export type Oc4idsStatus =
  | 'identification'
  | 'preparation'
  | 'implementation'
  | 'completion'
  | 'maintenance'
  | 'decommissioning'
  | 'decommissioned'
  | 'cancelled';
/** projectType.csv (closed). */
export type Oc4idsType = 'construction' | 'rehabilitation' | 'replacement' | 'expansion' | 'decommissioning';

/**
 * Stage → status (DESIGN §3.11). 停缓建 has no code of its own and the codelist is closed: a
 * suspended project keeps the phase it was suspended in, see `statusOf`.
 */
export const STATUS_BY_STAGE: Record<Exclude<Stage, 'suspended'>, Oc4idsStatus> = {
  planning: 'identification',
  reserve: 'identification',
  preparing: 'preparation',
  construction: 'implementation',
  completed: 'completion',
  production: 'maintenance',
  capacity: 'maintenance',
  dropped: 'cancelled',
};

/**
 * The status of a project. A suspended one (停缓建 comes only from 前期 or 在建) stays in the phase
 * it left: the `from` of its last move into 'suspended', or, without that history (an imported
 * project), implementation once it has an actual start date and preparation before.
 */
export function statusOf(stage: Stage, suspendedFrom: Stage | null, hasStarted: boolean): Oc4idsStatus {
  if (stage !== 'suspended') return STATUS_BY_STAGE[stage];
  if (suspendedFrom === 'construction') return 'implementation';
  if (suspendedFrom === 'preparing') return 'preparation';
  return hasStarted ? 'implementation' : 'preparation';
}

/** 建设性质 → projectType: 迁建 rebuilds an existing facility elsewhere, 技改 upgrades one in place. */
export const TYPE_BY_NATURE: Record<Nature, Oc4idsType> = {
  new: 'construction',
  expansion: 'expansion',
  renovation: 'rehabilitation',
  relocation: 'replacement',
  techUpgrade: 'rehabilitation',
};

type Sectors = readonly string[];
type SectorRule = Sectors | ((kind: ProjectKind) => Sectors);

/** When the industry alone does not tell (a building, a civil-works contractor), the project kind decides. */
export const SECTOR_BY_KIND: Record<ProjectKind, Sectors> = {
  industry: ['economy'],
  infrastructure: ['transport'],
  social: ['governance'],
  ecology: ['naturalResources'],
  other: ['economy'],
};
const byKind = (kind: ProjectKind) => SECTOR_BY_KIND[kind];

/**
 * GB/T 4754-2017 division → projectSector, where the division says more than its section. A subsector
 * comes with its parent, as the codelist asks (['transport', 'transport.road']).
 */
export const SECTOR_BY_DIVISION: Readonly<Record<string, SectorRule>> = {
  '44': ['energy'], // 电力、热力
  '45': ['energy'], // 燃气
  '46': ['waterAndWaste'], // 水的生产和供应 (water supply, sewage works)
  '47': (kind) => (kind === 'social' ? ['socialHousing'] : kind === 'industry' ? ['economy'] : byKind(kind)), // 房屋建筑: 安置房/老旧小区 vs 标准厂房
  '48': ['transport', 'transport.road'], // 土木工程: in county ledgers mostly roads and bridges
  '53': ['transport', 'transport.rail'],
  '54': ['transport', 'transport.road'],
  '55': ['transport', 'transport.water'],
  '56': ['transport', 'transport.air'],
  '57': ['energy'], // 管道运输: oil and gas pipelines
  '60': ['communications'], // 邮政 (postal facilities)
  '70': (kind) => (kind === 'social' ? ['socialHousing'] : ['economy']), // 房地产: 保障房 vs commercial
  '76': ['naturalResources'], // 水利管理
  '77': ['naturalResources'], // 生态保护和环境治理
  '78': (kind) => (kind === 'ecology' ? ['waterAndWaste'] : ['cultureSportsAndRecreation']), // 公共设施管理: 环卫 vs parks, scenic areas
  '79': ['naturalResources'], // 土地管理
  '83': ['education'],
  '84': ['health'],
  '85': ['health'], // 社会工作 (the codelist's "human services")
};

/** GB/T 4754-2017 section → projectSector, for the divisions not listed above. */
export const SECTOR_BY_SECTION: Readonly<Record<string, SectorRule>> = {
  A: ['economy'], // agriculture is named in the codelist's economy
  B: ['economy'],
  C: ['economy'],
  D: ['energy'],
  E: byKind,
  F: ['economy'],
  G: ['transport'],
  H: ['economy'],
  I: ['communications'],
  J: ['economy'],
  K: ['economy'],
  L: ['economy'],
  M: ['economy'], // the codelist's economy includes science
  N: ['naturalResources'],
  O: ['economy'],
  P: ['education'],
  Q: ['health'],
  R: ['cultureSportsAndRecreation'],
  S: ['governance'],
  T: ['governance'],
};

/** The projectSector codes of a project from its industry (division '17' or section 'C') and kind. */
export function sectorsOf(industryCode: string, kind: ProjectKind): string[] {
  const industry = findIndustry(industryCode);
  const rule =
    (industry && industry.code !== industry.section ? SECTOR_BY_DIVISION[industry.code] : undefined) ??
    (industry ? SECTOR_BY_SECTION[industry.section] : undefined) ??
    byKind;
  return [...(typeof rule === 'function' ? rule(kind) : rule)];
}

/**
 * Planned/actual date pairs → milestones. Types from milestoneType.csv, codes from milestoneCode.csv;
 * 签约 (signing the investment agreement) and 达产 (full capacity) have no fitting code and carry none.
 */
export const MILESTONE_CODES: Record<Milestone, { type: string; code: string | null }> = {
  sign: { type: 'approval', code: null },
  start: { type: 'delivery', code: 'commencement' },
  completion: { type: 'delivery', code: 'completion' },
  production: { type: 'delivery', code: 'commissioning' },
  capacity: { type: 'delivery', code: null },
};

/**
 * partyRole.csv: the lead unit (牵头单位, a government unit) is the public authority answerable for
 * the project; the owner (业主单位) signs and pays the works contracts, so it is the buyer, and an
 * enterprise owner finances its own project, so it is the funder too.
 */
export const ROLES = {
  leadUnit: ['publicAuthority'],
  owner: (investmentType: InvestmentType) => (investmentType === 'enterprise' ? ['buyer', 'funder'] : ['buyer']),
} as const;

/** Identifier schemes Lantern writes (identifiers and party identifiers are free-text schemes). */
export const SCHEMES = {
  /** Lantern's own project id. */
  lantern: 'LANTERN',
  /** The national unified project code (全国投资项目在线审批监管平台, GB/T 40058-2021). */
  projectCode: 'CN-GBT40058',
  /** 统一社会信用代码 (GB 32100-2015). */
  creditCode: 'CN-USCC',
  /** Additional classification: the industry under GB/T 4754-2017. */
  industry: 'CN-GBT4754-2017',
} as const;
