/**
 * The enumerated project fields as ledgers write them: the official Chinese labels and the other words
 * people use (在建/已开工, 技术改造, 省重点…), each mapped to the stored identifier. Pure.
 */
import { STAGE_LABELS, STAGES } from '../projects/lifecycle.ts';
import {
  APPROVAL_MODE_LABELS,
  INVESTMENT_TYPE_LABELS,
  LEVEL_LABELS,
  NATURE_LABELS,
  PROJECT_KIND_LABELS,
} from '../projects/project-fields.ts';

import { ENTERPRISE_SCALE_LABELS, ENTERPRISE_SCALES } from '../enterprises/enterprise-fields.ts';

type Labels = Record<string, { 'zh-CN': string }>;

/** Extra words people use for enumerated values, beyond the official labels. */
const ENUM_SYNONYMS: Record<string, Record<string, string[]>> = {
  stage: {
    planning: ['谋划项目', '谋划中'],
    reserve: ['储备项目', '储备中'],
    preparing: ['前期工作', '前期项目', '前期阶段', '未开工', '拟开工'],
    construction: ['在建项目', '建设中', '已开工', '续建', '新开工'],
    completed: ['已竣工', '竣工验收', '完工', '已完工'],
    production: ['已投产', '投产运营', '运营', '投运'],
    capacity: ['已达产', '达产达效'],
    suspended: ['停建', '缓建', '停工', '暂停'],
    dropped: ['退出', '已退库', '取消', '终止'],
  },
  nature: { new: ['新开工'], techUpgrade: ['技术改造'], renovation: ['改扩建'], relocation: ['搬迁'] },
  kind: {
    industry: ['产业项目', '工业', '工业项目', '服务业'],
    infrastructure: ['基础设施项目', '基建', '交通', '城建'],
    social: ['民生', '社会事业', '民生项目', '社会民生项目'],
    ecology: ['生态', '环保', '生态环保项目'],
    other: ['其它'],
  },
  level: {
    provincial: ['省重点', '省级重大', '省重大项目'],
    municipal: ['市重大', '市级重点', '市重点项目'],
    county: ['县重大', '县级重点', '县重点项目', '县（市、区）重点'],
  },
  investmentType: {
    government: ['政府', '政府性投资', '财政投资', '国有投资'],
    enterprise: ['企业', '社会投资', '民间投资', '企业自筹'],
  },
  approvalMode: { approval: ['审批制'], ratification: ['核准制'], filing: ['备案制'] },
  // An enterprise ledger's 规模 (enterprise-columns.ts).
  scale: {
    above: ['规模以上', '规上企业', '规模以上企业', '是'],
    below: ['规模以下', '规下企业', '规模以下企业', '否'],
  },
};

export const ENUM_SOURCES: Record<string, { values: readonly string[]; labels: Labels }> = {
  stage: { values: STAGES, labels: STAGE_LABELS },
  nature: { values: Object.keys(NATURE_LABELS), labels: NATURE_LABELS },
  kind: { values: Object.keys(PROJECT_KIND_LABELS), labels: PROJECT_KIND_LABELS },
  level: { values: Object.keys(LEVEL_LABELS), labels: LEVEL_LABELS },
  investmentType: { values: Object.keys(INVESTMENT_TYPE_LABELS), labels: INVESTMENT_TYPE_LABELS },
  approvalMode: { values: Object.keys(APPROVAL_MODE_LABELS), labels: APPROVAL_MODE_LABELS },
  scale: { values: ENTERPRISE_SCALES, labels: ENTERPRISE_SCALE_LABELS },
};

export const labelsOf = (field: string) => {
  const source = ENUM_SOURCES[field]!;
  return source.values.map((v) => source.labels[v]!['zh-CN']);
};

/** Maps every label and synonym (and the identifier itself) to the enum value, per field. */
export const ENUM_LOOKUP: Record<string, Map<string, string>> = Object.fromEntries(
  Object.entries(ENUM_SOURCES).map(([field, { values, labels }]) => {
    const map = new Map<string, string>();
    for (const v of values) {
      map.set(v.toLowerCase(), v);
      map.set(labels[v]!['zh-CN'], v);
      for (const s of ENUM_SYNONYMS[field]?.[v] ?? []) map.set(s, v);
    }
    return [field, map];
  }),
);
