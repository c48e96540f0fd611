/**
 * The fields of a deal (招商, DESIGN §3.7) and the lists a county configures for them: where investors come
 * from (沪苏, 杭州, 深圳, …), the kinds of deal, the amount tiers counted against targets (亿元以上), the
 * industry chains with their links (产业链, the county's "1+4+X"), and the clocks' limits. Each list item
 * has a stable key (stored with each deal) and a label for people; Lantern ships defaults the county
 * edits. checkDealSettings parses an edited set once, naming the field at fault ('tiers[1].key').
 */
import type { LocalisedText } from '../lights/types.ts';
import { MAX_YUAN } from '../money/money.ts';
import { textProblem } from '../text/text-rules.ts';
import { DEAL_CLOCKS, DEFAULT_DEAL_CLOCKS, type DealClockProfile } from './deal-clocks.ts';

/** Whether the investor is listed on a stock exchange (上市), about to be (拟上市) or not. */
export const LISTING_STATUSES = ['listed', 'toBeListed', 'unlisted'] as const;
export type ListingStatus = (typeof LISTING_STATUSES)[number];
export const LISTING_STATUS_LABELS: Record<ListingStatus, LocalisedText> = {
  listed: { 'zh-CN': '上市', en: 'Listed' },
  toBeListed: { 'zh-CN': '拟上市', en: 'To be listed' },
  unlisted: { 'zh-CN': '未上市', en: 'Unlisted' },
};
export const isListingStatus = (x: unknown): x is ListingStatus =>
  typeof x === 'string' && (LISTING_STATUSES as readonly string[]).includes(x);

/** The kinds of entry in a deal's activity log (周日志). */
export const ACTIVITY_KINDS = ['visit', 'call', 'talk', 'reception', 'other'] as const;
export type ActivityKind = (typeof ACTIVITY_KINDS)[number];
export const ACTIVITY_KIND_LABELS: Record<ActivityKind, LocalisedText> = {
  visit: { 'zh-CN': '外出拜访', en: 'Visit' },
  call: { 'zh-CN': '电话对接', en: 'Call' },
  talk: { 'zh-CN': '洽谈', en: 'Talks' },
  reception: { 'zh-CN': '接待来访', en: 'Reception' },
  other: { 'zh-CN': '其他', en: 'Other' },
};
export const isActivityKind = (x: unknown): x is ActivityKind =>
  typeof x === 'string' && (ACTIVITY_KINDS as readonly string[]).includes(x);

/** One item of a configurable list: the key stored with each deal, the label people read. */
export interface Option {
  key: string;
  label: LocalisedText;
}

/** Where investors come from, as the county's 招商 reports group them. */
export const DEFAULT_SOURCE_REGIONS: Option[] = [
  { key: 'shanghaiJiangsu', label: { 'zh-CN': '沪苏', en: 'Shanghai and Jiangsu' } },
  { key: 'hangzhou', label: { 'zh-CN': '杭州', en: 'Hangzhou' } },
  { key: 'shenzhen', label: { 'zh-CN': '深圳', en: 'Shenzhen' } },
  { key: 'wenzhou', label: { 'zh-CN': '温州', en: 'Wenzhou' } },
  { key: 'zhejiang', label: { 'zh-CN': '省内其他', en: 'Elsewhere in Zhejiang' } },
  { key: 'overseas', label: { 'zh-CN': '境外', en: 'Overseas' } },
  { key: 'other', label: { 'zh-CN': '其他', en: 'Other' } },
];

/** The kinds of deal. */
export const DEFAULT_DEAL_KINDS: Option[] = [
  { key: 'industry', label: { 'zh-CN': '产业项目', en: 'Industrial project' } },
  { key: 'techTalent', label: { 'zh-CN': '科技人才项目', en: 'Technology and talent project' } },
  { key: 'headquarters', label: { 'zh-CN': '总部经济', en: 'Headquarters' } },
  { key: 'services', label: { 'zh-CN': '现代服务业', en: 'Modern services' } },
];

/** An amount tier: deals of at least `minYuan` (integer 元) count in it. */
export interface DealTier {
  key: string;
  label: LocalisedText;
  minYuan: number;
}

/** 亿元以上 and 10亿元以上, the tiers county targets count signed deals in. */
export const DEFAULT_DEAL_TIERS: DealTier[] = [
  { key: 'aboveYi', label: { 'zh-CN': '亿元以上', en: '100 million yuan or more' }, minYuan: 100_000_000 },
  { key: 'aboveTenYi', label: { 'zh-CN': '10亿元以上', en: '1 billion yuan or more' }, minYuan: 1_000_000_000 },
];

/** The keys of the tiers an amount reaches, in the tiers' order: 1.5 亿元 → ['aboveYi']. */
export function tiersOf(amountYuan: number, tiers: readonly DealTier[]): string[] {
  return tiers.filter((t) => amountYuan >= t.minYuan).map((t) => t.key);
}

/** An industry chain (产业链) of the county, its group in the county's "1+4+X" and its links (环节). */
export interface IndustryChain {
  key: string;
  label: LocalisedText;
  /** The group the chain belongs to, as the county writes it: '1', '4', 'X'. */
  group: string;
  links: Option[];
}

const opt = (key: string, zh: string, en: string): Option => ({ key, label: { 'zh-CN': zh, en } });

/**
 * A plausible Zhejiang county's "1+4+X" chains for the demo: one leading chain (先进装备制造), four
 * characteristic ones, and the X of emerging ones.
 */
export const DEMO_CHAINS: IndustryChain[] = [
  {
    key: 'advancedEquipment',
    label: { 'zh-CN': '先进装备制造', en: 'Advanced equipment manufacturing' },
    group: '1',
    links: [
      opt('smartEquipment', '智能装备', 'Smart equipment'),
      opt('autoParts', '汽摩配', 'Auto and motorcycle parts'),
      opt('logisticsEquipment', '物流装备', 'Logistics equipment'),
    ],
  },
  {
    key: 'newMaterials',
    label: { 'zh-CN': '新材料', en: 'New materials' },
    group: '4',
    links: [
      opt('highPerformanceFibre', '高性能纤维', 'High-performance fibre'),
      opt('newBuildingMaterials', '新型建材', 'New building materials'),
    ],
  },
  {
    key: 'biomedicine',
    label: { 'zh-CN': '生物医药', en: 'Biomedicine' },
    group: '4',
    links: [
      opt('chemicalPharma', '化学制药', 'Chemical pharmaceuticals'),
      opt('medicalDevices', '医疗器械', 'Medical devices'),
    ],
  },
  {
    key: 'electronics',
    label: { 'zh-CN': '电子信息', en: 'Electronic information' },
    group: '4',
    links: [
      opt('integratedCircuits', '集成电路', 'Integrated circuits'),
      opt('optoelectronics', '光电', 'Optoelectronics'),
    ],
  },
  {
    key: 'textiles',
    label: { 'zh-CN': '现代纺织', en: 'Modern textiles' },
    group: '4',
    links: [opt('silk', '丝绸', 'Silk'), opt('homeTextiles', '家纺', 'Home textiles')],
  },
  {
    key: 'digitalEconomy',
    label: { 'zh-CN': '数字经济', en: 'Digital economy' },
    group: 'X',
    links: [
      opt('software', '软件和信息服务', 'Software and information services'),
      opt('eCommerce', '电子商务', 'E-commerce'),
    ],
  },
  {
    key: 'modernServices',
    label: { 'zh-CN': '现代服务业', en: 'Modern services' },
    group: 'X',
    links: [
      opt('modernLogistics', '现代物流', 'Modern logistics'),
      opt('culturalTourism', '文化旅游', 'Culture and tourism'),
    ],
  },
];

/**
 * A chain and, when `linkKey` is given, its link: null when the chain is not in the list or the link is
 * not in the chain (a stored key the county has since removed).
 */
export function findChainLink(
  chains: readonly IndustryChain[],
  chainKey: string,
  linkKey: string | null,
): { chain: IndustryChain; link: Option | null } | null {
  const chain = chains.find((c) => c.key === chainKey);
  if (!chain) return null;
  if (linkKey === null) return { chain, link: null };
  const link = chain.links.find((l) => l.key === linkKey);
  return link ? { chain, link } : null;
}

/** Everything a county configures about its deals. */
export interface DealSettings {
  sourceRegions: Option[];
  kinds: Option[];
  tiers: DealTier[];
  chains: IndustryChain[];
  clocks: DealClockProfile;
}

/** What Lantern ships until the county edits it. */
export const DEFAULT_DEAL_SETTINGS: DealSettings = {
  sourceRegions: DEFAULT_SOURCE_REGIONS,
  kinds: DEFAULT_DEAL_KINDS,
  tiers: DEFAULT_DEAL_TIERS,
  chains: DEMO_CHAINS,
  clocks: DEFAULT_DEAL_CLOCKS,
};

/** A key: a letter, then letters and digits, 40 characters at most ('shanghaiJiangsu'). */
export const OPTION_KEY = /^[A-Za-z][A-Za-z0-9]{0,39}$/;
/** The longest label, in either language. */
export const MAX_LABEL_LENGTH = 40;
/** The longest chain group ('1', '4', 'X', '新兴'). */
export const MAX_GROUP_LENGTH = 20;
/** The most items one list may hold: a form, not a catalogue. */
export const MAX_OPTIONS = 100;
/** A clock's limit in working days: 1 to about a working year. */
export const MAX_CLOCK_DAYS = 250;

export type DealSettingsCheck =
  { ok: true; value: DealSettings } | { ok: false; field: string; message: LocalisedText };

/** Bad settings, thrown inside the parse and returned by checkDealSettings. */
class Refused extends Error {
  constructor(
    readonly field: string,
    readonly text: LocalisedText,
  ) {
    super(`invalid deal settings at ${field}`);
  }
}

const refuse = (field: string, zh: string, en: string): never => {
  throw new Refused(field, { 'zh-CN': zh, en });
};

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

function objectAt(v: unknown, at: string): Record<string, unknown> {
  return isObject(v) ? v : refuse(at, '格式不正确', 'Not an object');
}

function labelAt(v: unknown, at: string): LocalisedText {
  const label = objectAt(v, at);
  const text = (lang: 'zh-CN' | 'en'): string => {
    const value = label[lang];
    const trimmed = typeof value === 'string' ? value.trim() : '';
    const field = `${at}.${lang}`;
    if (!trimmed) refuse(field, '请填写名称', 'Enter a name');
    if (trimmed.length > MAX_LABEL_LENGTH)
      refuse(field, `名称不能超过 ${MAX_LABEL_LENGTH} 个字`, `A name has at most ${MAX_LABEL_LENGTH} characters`);
    if (textProblem(trimmed)) refuse(field, '名称含有无法显示的字符', 'The name holds characters that cannot be shown');
    return trimmed;
  };
  return { 'zh-CN': text('zh-CN'), en: text('en') };
}

function keyAt(v: unknown, at: string): string {
  if (typeof v !== 'string' || !OPTION_KEY.test(v))
    refuse(
      at,
      '标识应以字母开头，只含字母和数字，最多 40 个字符',
      'A key starts with a letter and holds letters and digits only, 40 at most',
    );
  return v as string;
}

/** A list of at least one item, at most MAX_OPTIONS, each parsed by `item`, their keys distinct. */
function listAt<T extends { key: string }>(v: unknown, at: string, item: (x: unknown, at: string) => T): T[] {
  if (!Array.isArray(v)) return refuse(at, '格式不正确', 'Not a list');
  if (v.length === 0) refuse(at, '至少需要一项', 'The list needs at least one item');
  if (v.length > MAX_OPTIONS) refuse(at, `最多 ${MAX_OPTIONS} 项`, `At most ${MAX_OPTIONS} items`);
  const seen = new Set<string>();
  return v.map((x, i) => {
    const parsed = item(x, `${at}[${i}]`);
    if (seen.has(parsed.key))
      refuse(`${at}[${i}].key`, `标识“${parsed.key}”重复`, `The key “${parsed.key}” is used twice`);
    seen.add(parsed.key);
    return parsed;
  });
}

function optionAt(v: unknown, at: string): Option {
  const o = objectAt(v, at);
  return { key: keyAt(o.key, `${at}.key`), label: labelAt(o.label, `${at}.label`) };
}

function tierAt(v: unknown, at: string): DealTier {
  const o = objectAt(v, at);
  const { key, label } = optionAt(o, at);
  const minYuan = o.minYuan;
  if (typeof minYuan !== 'number' || !Number.isSafeInteger(minYuan) || minYuan <= 0 || minYuan > MAX_YUAN)
    refuse(`${at}.minYuan`, '起点金额应为正整数元', 'The threshold must be a whole number of yuan above 0');
  return { key, label, minYuan: minYuan as number };
}

function chainAt(v: unknown, at: string): IndustryChain {
  const o = objectAt(v, at);
  const { key, label } = optionAt(o, at);
  const group = typeof o.group === 'string' ? o.group.trim() : '';
  if (!group || group.length > MAX_GROUP_LENGTH || textProblem(group))
    refuse(
      `${at}.group`,
      `请填写分组（最多 ${MAX_GROUP_LENGTH} 个字）`,
      `Enter a group of ${MAX_GROUP_LENGTH} characters at most`,
    );
  // A chain may have no links yet: a deal then names the chain alone.
  const links = Array.isArray(o.links) && o.links.length === 0 ? [] : listAt(o.links, `${at}.links`, optionAt);
  return { key, label, group, links };
}

function clocksAt(v: unknown, at: string): DealClockProfile {
  const o = objectAt(v, at);
  const days = (clock: (typeof DEAL_CLOCKS)[number]): number => {
    const n = o[clock];
    if (typeof n !== 'number' || !Number.isInteger(n) || n < 1 || n > MAX_CLOCK_DAYS)
      refuse(
        `${at}.${clock}`,
        `时限应为 1 到 ${MAX_CLOCK_DAYS} 个工作日`,
        `A limit is 1 to ${MAX_CLOCK_DAYS} working days`,
      );
    return n as number;
  };
  return { respond: days('respond'), assess: days('assess'), feedback: days('feedback'), followUp: days('followUp') };
}

/**
 * Parses deal settings as a county saved them: each list non-empty with distinct keys matching OPTION_KEY,
 * labels in both languages (trimmed, non-empty), tier thresholds positive whole 元, clocks 1…250 working
 * days. The first problem is returned with its field ('kinds', 'tiers[1].key', 'chains[0].links[2].label.en',
 * 'clocks.respond'); fields it does not know are left out of the value.
 */
export function checkDealSettings(input: unknown): DealSettingsCheck {
  try {
    const o = objectAt(input, '');
    return {
      ok: true,
      value: {
        sourceRegions: listAt(o.sourceRegions, 'sourceRegions', optionAt),
        kinds: listAt(o.kinds, 'kinds', optionAt),
        tiers: listAt(o.tiers, 'tiers', tierAt),
        chains: listAt(o.chains, 'chains', chainAt),
        clocks: clocksAt(o.clocks, 'clocks'),
      },
    };
  } catch (e) {
    if (e instanceof Refused) return { ok: false, field: e.field, message: e.text };
    throw e;
  }
}
