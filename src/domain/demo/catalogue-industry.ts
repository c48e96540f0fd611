/**
 * Industrial project templates for the 兰溪 demo, by local chain: 纺织 (织造名城), 光膜 (光膜小镇),
 * 新材料, 智能制造, 生物医药, 现代农业, 数字经济, 新能源, 文旅, 现代物流. Product names and
 * capacities are invented but typical of county investment ledgers.
 */
import { FARM_DIGITAL_ENERGY_TEMPLATES } from './catalogue-industry-farm-digital-energy.ts';
import { MANUFACTURING_TEMPLATES } from './catalogue-industry-manufacturing.ts';
import { TOURISM_PARKS_TRADE_TEMPLATES } from './catalogue-industry-tourism-parks-trade.ts';
import type { ProjectTemplate } from './templates.ts';

/** Trade words for owner names by chain. */
export const CHAIN_OWNER_WORDS: Record<string, readonly string[]> = {
  纺织: ['纺织', '织造', '纺织科技', '纺织品'],
  光膜: ['光电科技', '光学材料', '薄膜科技', '新材料科技'],
  新材料: ['新材料', '材料科技', '化工', '新型建材'],
  智能制造: ['机械', '智能装备', '精密制造', '电器', '机电科技'],
  生物医药: ['药业', '生物科技', '制药', '医疗科技'],
  现代农业: ['农业开发', '生态农业', '农业科技', '食品'],
  数字经济: ['电子', '半导体', '信息技术', '数字科技', '微电子'],
  新能源: ['新能源', '能源科技', '储能科技'],
  文旅: ['文化旅游', '旅游开发', '酒店管理', '文旅发展'],
  现代物流: ['物流', '供应链管理', '冷链物流'],
  商贸: ['置业', '商业管理', '商贸'],
};

/** All industrial templates, the three parts in this order. */
export const INDUSTRY_TEMPLATES: readonly ProjectTemplate[] = [
  ...MANUFACTURING_TEMPLATES,
  ...FARM_DIGITAL_ENERGY_TEMPLATES,
  ...TOURISM_PARKS_TRADE_TEMPLATES,
];
