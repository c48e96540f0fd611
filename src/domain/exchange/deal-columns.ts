/**
 * The columns of a deal ledger (招商台账) as a county's investment office keeps it: one row per deal, its
 * project name, the investor (投资方) with its credit code, listing and headquarters, where it comes from,
 * the chain and link, the kind, the intended amount, the lead unit and team, the patron leader, the stage
 * and, once signed, the contract; a note that is the reason of a shelved or terminated deal. The county's
 * lists (source regions, chains, kinds) are settings: a cell names an item by its label or its key, read
 * here against the list given (optionOfWord; a chain's links likewise). What each stage needs is
 * src/domain/deals/deal-entry.ts.
 * Pure.
 */
import { LISTING_STATUS_LABELS, LISTING_STATUSES, type Option } from '../deals/deal-fields.ts';
import { DEAL_STAGE_LABELS, DEAL_STAGES, type DealStage } from '../deals/deal-stages.ts';
import type { ListingStatus } from '../deals/deal-fields.ts';
import { ENTERPRISE_COLUMNS } from './enterprise-columns.ts';
import {
  col,
  COLUMN_BY_FIELD,
  PROJECT_COLUMNS,
  registerColumns,
  toHalfWidth,
  type LedgerField,
  type ProjectColumn,
} from './project-columns.ts';

/** A column another ledger defines (parsed the same way), with this ledger's header, variants and hint. */
const shared = (field: LedgerField, over: Partial<ProjectColumn>): ProjectColumn => ({
  ...[...PROJECT_COLUMNS, ...ENTERPRISE_COLUMNS].find((c) => c.field === field)!,
  required: false,
  ...over,
});

const STAGE_CHOICES = DEAL_STAGES.map((s) => DEAL_STAGE_LABELS[s]['zh-CN']);
const LISTING_CHOICES = LISTING_STATUSES.map((s) => LISTING_STATUS_LABELS[s]['zh-CN']);

export const DEAL_COLUMNS: readonly ProjectColumn[] = [
  shared('name', {
    required: true,
    variants: ['招商项目名称', '项目全称', '意向项目名称', '项目', '名称', '项目名'],
    example: '年产 10 万台智能装备生产基地项目',
  }),
  col({
    field: 'investorName',
    header: '投资方',
    variants: ['投资主体', '客商名称', '客商', '投资方名称', '投资企业', '投资商', '签约主体', '意向企业', '企业名称'],
    example: '苏州精工装备股份有限公司',
    kind: 'text',
    hint: '最多 120 个字；签约前须填写；同一牵头单位下按项目名称和投资方更新',
  }),
  shared('creditCode', {
    variants: ['信用代码', '社会信用代码', '统一信用代码', '投资方信用代码', '投资方统一社会信用代码'],
    example: '91320500MA1ABCDE2X',
    hint: '投资方的 18 位统一社会信用代码，按校验位核对',
  }),
  col({
    field: 'investorListing',
    header: '上市情况',
    variants: ['是否上市', '上市状态', '投资方上市情况', '上市', '企业上市情况'],
    example: '上市',
    kind: 'text',
    enumLabels: LISTING_CHOICES,
    hint: `${LISTING_CHOICES.join('、')} 之一；不填为未上市`,
  }),
  col({
    field: 'investorHqRegion',
    header: '总部所在地',
    variants: ['总部', '总部地址', '投资方总部', '总部所在城市', '企业总部所在地', '客商所在地'],
    example: '江苏苏州',
    kind: 'text',
    hint: '最多 60 个字',
  }),
  col({
    field: 'sourceRegion',
    header: '来源地区',
    variants: ['来源地', '客商来源地', '招商来源地', '投资来源地', '来源区域', '区域'],
    example: '沪苏',
    required: true,
    kind: 'text',
    hint: '本县招商设置中的来源地区，如 沪苏、杭州',
  }),
  col({
    field: 'chain',
    header: '产业链',
    variants: ['所属产业链', '产业链条', '所属产业', '产业'],
    example: '先进装备制造',
    kind: 'text',
    hint: '本县的产业链，如 先进装备制造',
  }),
  col({
    field: 'chainLink',
    header: '环节',
    variants: ['产业链环节', '产业环节', '链条环节', '细分领域', '细分环节'],
    example: '智能装备',
    kind: 'text',
    hint: '所填产业链的环节，如 智能装备；须先填产业链',
  }),
  col({
    field: 'dealKind',
    header: '项目类别',
    variants: ['项目类型', '类别', '类型', '招商项目类别'],
    example: '产业项目',
    required: true,
    kind: 'text',
    hint: '本县招商设置中的项目类别，如 产业项目、科技人才项目',
  }),
  col({
    field: 'intendedInvestmentWan',
    header: '意向投资额（万元）',
    variants: ['意向投资额', '意向投资', '拟投资额', '计划投资额', '投资额', '投资总额', '总投资', '计划总投资'],
    example: '150000',
    required: true,
    kind: 'money',
    hint: '应为金额；表头注明“亿元”时按亿元读',
  }),
  shared('leadUnit', {
    header: '牵头单位',
    variants: ['责任单位', '牵头部门', '责任部门', '招商单位', '承办单位'],
    example: '兰江街道',
    hint: '本单位或下级单位的名称；不填为导入到的单位',
  }),
  col({
    field: 'dealTeam',
    header: '招商小分队',
    variants: ['小分队', '招商分队', '招商小组', '对接小分队', '招商团队'],
    example: '沪苏招商小分队',
    kind: 'text',
    hint: '已设立的招商小分队名称',
  }),
  shared('patronLeader', {
    variants: ['包联领导', '联系县领导', '挂联领导', '责任领导', '对接领导'],
    example: '张副县长',
  }),
  col({
    field: 'dealStage',
    header: '阶段',
    variants: ['项目阶段', '当前阶段', '推进阶段', '进展阶段', '项目状态', '状态'],
    example: '在谈',
    kind: 'text',
    enumLabels: STAGE_CHOICES,
    hint: `${STAGE_CHOICES.join('、')} 之一；不填为线索`,
  }),
  col({
    field: 'signedOn',
    header: '签约日期',
    variants: ['签约时间', '签约日', '签订日期', '协议签订日期', '合同签订日期'],
    example: '',
    kind: 'date',
    hint: '签约、落地的项目须填写，不晚于今天，如 2026-03-15',
  }),
  col({
    field: 'signedAmountWan',
    header: '签约金额（万元）',
    variants: ['签约金额', '签约额', '签约投资额', '协议投资额', '合同金额'],
    example: '',
    kind: 'money',
    hint: '签约、落地的项目须填写；表头注明“亿元”时按亿元读',
  }),
  col({
    field: 'dealNote',
    header: '备注',
    variants: ['备注/原因', '原因', '搁置原因', '终止原因', '搁置或终止原因', '说明'],
    example: '',
    kind: 'text',
    hint: '搁置、终止的项目须填写原因；其他阶段记入项目动态',
  }),
];

registerColumns(DEAL_COLUMNS.filter((c) => !COLUMN_BY_FIELD.has(c.field)));

/** A cell's word as compared: half-width, no spaces, lower case. */
const wordKey = (word: string) => toHalfWidth(word).replace(/\s+/g, '').toLowerCase();

/** Words ledgers write for each stage, besides its labels and key: 已签约, 洽谈中, 暂缓… */
const STAGE_WORDS: Record<DealStage, string[]> = {
  lead: ['招商线索', '信息', '初步接触', '初次接洽'],
  assessing: ['研判中', '论证', '论证中', '评估'],
  negotiating: ['洽谈', '洽谈中', '在谈中', '正在洽谈', '对接中'],
  signed: ['已签约', '签约项目', '签订'],
  landed: ['已落地', '落地项目'],
  shelved: ['已搁置', '暂缓', '暂停'],
  terminated: ['已终止', '放弃', '取消'],
};

/** Words ledgers write for a listing, besides its labels and key (是否上市: 是 / 否). */
const LISTING_WORDS: Record<ListingStatus, string[]> = {
  listed: ['已上市', '上市企业', '上市公司', '是'],
  toBeListed: ['拟上市企业', '上市后备', '上市后备企业', '筹备上市'],
  unlisted: ['非上市', '未上市企业', '否'],
};

function lookup<T extends string>(
  values: readonly T[],
  labels: Record<T, { 'zh-CN': string; en: string }>,
  words: Record<T, string[]>,
): Map<string, T> {
  const out = new Map<string, T>();
  for (const v of values)
    for (const w of [labels[v]['zh-CN'], labels[v].en, v, ...words[v]])
      if (!out.has(wordKey(w))) out.set(wordKey(w), v);
  return out;
}

const STAGE_BY_WORD = lookup(DEAL_STAGES, DEAL_STAGE_LABELS, STAGE_WORDS);
const LISTING_BY_WORD = lookup(LISTING_STATUSES, LISTING_STATUS_LABELS, LISTING_WORDS);

/** The stage a cell names, or null: dealStageOfWord('已签约') → 'signed', dealStageOfWord('Signed') → 'signed'. */
export const dealStageOfWord = (word: string): DealStage | null => STAGE_BY_WORD.get(wordKey(word)) ?? null;

/** The listing a cell names, or null: listingOfWord('拟上市') → 'toBeListed'. */
export const listingOfWord = (word: string): ListingStatus | null => LISTING_BY_WORD.get(wordKey(word)) ?? null;

/**
 * The item of one of the county's lists a cell names by its Chinese or English label or its key, or null:
 * optionOfWord(DEFAULT_SOURCE_REGIONS, '沪苏') and optionOfWord(…, 'shanghaiJiangsu') are the same item.
 */
export function optionOfWord<T extends Option>(options: readonly T[], word: string): T | null {
  const key = wordKey(word);
  return (
    options.find((o) => wordKey(o.label['zh-CN']) === key) ??
    options.find((o) => wordKey(o.label.en) === key || o.key.toLowerCase() === key) ??
    null
  );
}

/** The Chinese labels of a list, as a message offers them: 沪苏、杭州、深圳. */
export const choicesOf = (options: readonly Option[], lang: 'zh-CN' | 'en' = 'zh-CN'): string =>
  options.map((o) => o.label[lang]).join(lang === 'zh-CN' ? '、' : ', ');
