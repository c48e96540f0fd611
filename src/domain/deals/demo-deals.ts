/**
 * The demo county's 招商 year (pure, deterministic from the seed): three teams (招商小分队) and about 400 deals
 * entered from `earliest` to `now`, each taken through the stages as the office or a township would — a
 * first contact within a day or two, 研判, weeks of talks logged visit by visit, then signed, shelved or
 * dropped; a signed deal converted into a project the same day, funds arriving, and most started (落地)
 * within the promise, some late. Every step is dated no later than now and in order.
 */
import { isWorkingDay } from '../calendar/working-days.ts';
import { addDays } from '../demo/dates.ts';
import { createRng, type Rng } from '../demo/random.ts';
import type { ActivityKind, DealSettings } from './deal-fields.ts';
import type { DealStage } from './deal-stages.ts';

export interface DemoDealTeam {
  name: string;
  unitName: string;
  leaderName: string;
  /** The townships whose editors are members. */
  memberTownships: string[];
  /** The source region its deals mostly come from. */
  sourceRegion: string;
}

export type DemoDealStep =
  | { at: string; kind: 'create' }
  | { at: string; kind: 'activity'; activity: ActivityKind; attendees: string; summary: string }
  | { at: string; kind: 'move'; to: DealStage; reason?: string; signedAmountYuan?: number }
  | { at: string; kind: 'convert'; industryCode: string }
  | { at: string; kind: 'funds'; amountYuan: number }
  /** The project starts (桩基进场) and the deal lands the same day. */
  | { at: string; kind: 'start' };

export interface DemoDeal {
  name: string;
  investorName: string;
  listing: 'listed' | 'toBeListed' | 'unlisted';
  hqRegion: string;
  sourceRegion: string;
  chainKey: string;
  linkKey: string | null;
  kind: string;
  intendedYuan: number;
  /** The responsible unit: a township (its editor keeps the deal) or 市商务局 (the office). */
  unitName: string;
  townshipName: string;
  teamIndex: number | null;
  patronLeader: string | null;
  steps: DemoDealStep[];
}

export interface DemoDealPlan {
  teams: DemoDealTeam[];
  deals: DemoDeal[];
}

const CITY_OF_REGION: Record<string, readonly string[]> = {
  shanghaiJiangsu: ['上海', '苏州', '无锡', '常州', '南京'],
  hangzhou: ['杭州'],
  shenzhen: ['深圳', '广州', '东莞'],
  wenzhou: ['温州', '乐清'],
  zhejiang: ['宁波', '金华', '义乌', '绍兴', '台州'],
  overseas: ['新加坡', '香港', '德国'],
  other: ['北京', '合肥', '成都'],
};
const BRANDS = [
  '恒瑞',
  '正泰',
  '精工',
  '华创',
  '远景',
  '博达',
  '启明',
  '中科',
  '天成',
  '联拓',
  '新锐',
  '众信',
  '德宝',
  '盛泰',
];
const BRANDS_2 = ['智造', '科技', '材料', '生物', '光电', '集团', '控股', '实业', '纺织', '数字'];
const SUFFIX_OF_CHAIN: Record<string, string> = {
  advancedEquipment: '智能装备产业园',
  newMaterials: '新材料生产基地',
  biomedicine: '生物医药产业化',
  electronics: '电子元器件',
  textiles: '高端纺织',
  digitalEconomy: '数字经济总部',
  modernServices: '现代服务业',
};
/** The GB/T 4754 division a converted project of each chain is filed under. */
const INDUSTRY_OF_CHAIN: Record<string, string> = {
  advancedEquipment: '34',
  newMaterials: '30',
  biomedicine: '27',
  electronics: '39',
  textiles: '17',
  digitalEconomy: '65',
  modernServices: '72',
};
const PATRONS = ['李副市长', '张副市长', '王常务副市长', null, null];
const SHELVE_REASONS = [
  '企业投资计划调整，暂缓推进',
  '用地指标暂未落实，待明年统筹',
  '企业融资未到位，双方约定暂停洽谈',
];
const STOP_REASONS = ['企业选址外省，不再推进', '项目不符合产业准入要求', '企业经营困难，终止合作'];
const SUMMARIES: Record<ActivityKind, readonly string[]> = {
  visit: ['赴企业总部拜访，介绍投资环境', '带队考察企业生产线，了解扩产需求', '登门拜访董事长，推介产业园区'],
  call: ['电话对接项目进展，约定下次考察', '电话沟通用地和能耗需求', '电话回复企业关于政策的咨询'],
  talk: ['就投资协议条款进行洽谈', '洽谈供地方式与建设进度', '商谈产业基金配套与奖补政策'],
  reception: ['接待客商来兰考察园区', '接待企业技术团队实地踏勘地块', '陪同企业负责人考察配套设施'],
  other: ['整理项目材料报招商委研判', '协调部门会商项目要素保障', '参加投资推介会并对接客商'],
};
const PEOPLE = ['王', '李', '张', '刘', '陈', '杨', '赵', '黄', '周', '吴'];

/** 'YYYY-MM-DD HH:mm' at `minutes` after midnight. */
const at = (date: string, minutes: number) =>
  `${date} ${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;

/** The first working day on or after `date`. */
function workingOnOrAfter(date: string): string {
  let d = date;
  while (!isWorkingDay(d)) d = addDays(d, 1);
  return d;
}

/** A whole number of 元 between two amounts, log-uniform, rounded to 10 万元. */
const amountBetween = (rng: Rng, lo: number, hi: number) =>
  Math.round(Math.exp(rng.between(Math.log(lo), Math.log(hi))) / 100_000) * 100_000;

const FINAL_SHARES: readonly (readonly [DealStage, number])[] = [
  ['lead', 10],
  ['assessing', 9],
  ['negotiating', 27],
  ['signed', 16],
  ['landed', 16],
  ['shelved', 11],
  ['terminated', 11],
];

/**
 * The plan: `count` deals created between `earliest` and `now` (county-local 'YYYY-MM-DD HH:mm'), the
 * townships leading most, 市商务局 the rest; three teams, each with its source region.
 */
export function planDemoDeals(input: {
  seed: number;
  now: string;
  earliest: string;
  townships: readonly string[];
  office: string;
  settings: DealSettings;
  count?: number;
}): DemoDealPlan {
  const rng = createRng(input.seed ^ 0x5eed_dea1);
  const today = input.now.slice(0, 10);
  const nowMinutes = Number(input.now.slice(11, 13)) * 60 + Number(input.now.slice(14, 16));
  const towns = input.townships;
  const teams: DemoDealTeam[] = [
    { name: '沪苏招商小分队', sourceRegion: 'shanghaiJiangsu', leaderName: '王副局长' },
    { name: '杭州招商小分队', sourceRegion: 'hangzhou', leaderName: '陈副局长' },
    { name: '深圳招商小分队', sourceRegion: 'shenzhen', leaderName: '刘副局长' },
  ].map((t, i) => ({
    ...t,
    unitName: input.office,
    memberTownships: [towns[i % towns.length]!, towns[(i + 3) % towns.length]!],
  }));
  const regions = input.settings.sourceRegions.map((r) => r.key);
  const regionShares = regions.map(
    (k) =>
      [
        k,
        ({ shanghaiJiangsu: 30, hangzhou: 20, shenzhen: 15, wenzhou: 10, zhejiang: 15 } as const)[k as 'hangzhou'] ?? 4,
      ] as const,
  );
  const kinds = input.settings.kinds.map(
    (k) => [k.key, ({ industry: 55, techTalent: 30, headquarters: 8 } as const)[k.key as 'industry'] ?? 7] as const,
  );
  const span = Math.max(1, Math.round((Date.parse(today) - Date.parse(input.earliest)) / 86_400_000));

  const deals: DemoDeal[] = [];
  for (let i = 0; i < (input.count ?? 400); i++) {
    const sourceRegion = rng.weighted(regionShares);
    const chain = rng.pick(input.settings.chains);
    const link = chain.links.length && rng.chance(0.8) ? rng.pick(chain.links) : null;
    const city = rng.pick(CITY_OF_REGION[sourceRegion] ?? ['上海']);
    const brand = `${rng.pick(BRANDS)}${rng.pick(BRANDS_2)}`;
    const byTown = rng.chance(0.7);
    const townshipName = rng.pick(towns);
    const teamIndex = teams.findIndex((t) => t.sourceRegion === sourceRegion);
    const steps: DemoDealStep[] = [];
    // Older deals are fewer: the office enters most of its leads in the months before now.
    const created = workingOnOrAfter(addDays(input.earliest, Math.floor(span * Math.sqrt(rng.next()))));
    const intendedYuan = amountBetween(rng, 20_000_000, 5_000_000_000);
    const target = rng.weighted(FINAL_SHARES);
    const team = teamIndex >= 0 && rng.chance(0.75) ? teamIndex : null;
    const attendees = () =>
      `${team !== null ? teams[team]!.name : byTown ? `${townshipName}招商办` : '市商务局招商科'} ${rng.pick(PEOPLE)}某、${rng.pick(PEOPLE)}某`;
    let day = created;
    let minute = 9 * 60 + rng.int(0, 120);
    const push = (step: DemoDealStep) => steps.push(step);
    /** Moves to a later day (or later that day); false once past now. */
    const later = (days: number) => {
      if (days === 0) minute += rng.int(20, 90);
      else {
        day = workingOnOrAfter(addDays(day, days));
        minute = 9 * 60 + rng.int(0, 420);
      }
      return day < today || (day === today && minute < nowMinutes);
    };
    if (!later(0)) continue;
    push({ at: at(day, minute), kind: 'create' });
    const log = (kind: ActivityKind) =>
      push({
        at: at(day, minute),
        kind: 'activity',
        activity: kind,
        attendees: attendees(),
        summary: rng.pick(SUMMARIES[kind]),
      });
    const move = (to: DealStage, more: { reason?: string; signedAmountYuan?: number } = {}) =>
      push({ at: at(day, minute), kind: 'move', to, ...more });

    const exits = target === 'shelved' || target === 'terminated';
    // Where an exit leaves the pipeline, or where the deal stands now.
    const stopAt: DealStage = exits ? rng.pick(['lead', 'assessing', 'negotiating'] as const) : target;
    const order: DealStage[] = ['lead', 'assessing', 'negotiating', 'signed', 'landed'];
    const reach = order.indexOf(stopAt);
    // 线索: a first call within a day or two (now and then late).
    if (rng.chance(0.9) && later(rng.chance(0.85) ? rng.int(0, 1) : rng.int(2, 6))) log('call');
    let reached = 0;
    for (let s = 1; s <= reach; s++) {
      const ok =
        s === 1
          ? later(rng.int(1, 4))
          : s === 2
            ? later(rng.int(1, 5))
            : s === 3
              ? negotiate()
              : later(rng.int(30, 140));
      if (!ok) break;
      if (s === 3) {
        const signedAmountYuan = Math.round((intendedYuan * rng.between(0.7, 1.1)) / 100_000) * 100_000;
        move('signed', { signedAmountYuan });
        later(0);
        push({ at: at(day, minute), kind: 'convert', industryCode: INDUSTRY_OF_CHAIN[chain.key] ?? '35' });
        const parts = rng.int(0, 3);
        const signedDay = day;
        for (let f = 0; f < parts; f++) {
          if (!later(rng.int(10, 40))) break;
          push({
            at: at(day, minute),
            kind: 'funds',
            amountYuan: Math.round((signedAmountYuan * rng.between(0.05, 0.3)) / 10_000) * 10_000,
          });
        }
        // Back to the signing day for the landing, which comes on its own schedule.
        day = signedDay;
      } else if (s === 4) {
        push({ at: at(day, minute), kind: 'start' });
      } else move(order[s]!);
      reached = s;
    }
    if (exits && reached === reach && later(rng.int(3, 30)))
      move(target, { reason: rng.pick(target === 'shelved' ? SHELVE_REASONS : STOP_REASONS) });

    deals.push({
      name: `${brand}${SUFFIX_OF_CHAIN[chain.key] ?? '产业'}项目`,
      investorName: `${city}${brand}${rng.pick(['有限公司', '股份有限公司', '集团有限公司'])}`,
      listing: rng.weighted([
        ['listed', 15],
        ['toBeListed', 10],
        ['unlisted', 75],
      ] as const),
      hqRegion: city,
      sourceRegion,
      chainKey: chain.key,
      linkKey: link?.key ?? null,
      kind: rng.weighted(kinds),
      intendedYuan,
      unitName: byTown ? townshipName : input.office,
      townshipName,
      teamIndex: team,
      patronLeader: intendedYuan >= 1_000_000_000 ? rng.pick(PATRONS) : null,
      steps,
    });

    /** 在谈: talks logged every one to three weeks before signing; true when signing comes before now. */
    function negotiate(): boolean {
      const rounds = rng.int(2, 6);
      for (let r = 0; r < rounds; r++) {
        if (!later(rng.int(4, 16))) return false;
        log(rng.pick(['visit', 'talk', 'reception', 'call'] as const));
      }
      return later(rng.int(3, 12));
    }
  }
  // Steps of one deal sort by time already; a start (落地) may have been placed before funds that follow it.
  for (const d of deals) d.steps.sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : 0));
  return { teams, deals };
}
