/**
 * What the demo county's enterprises are made of (demo-enterprises.ts): 兰溪's trades with the words their
 * company names use and the licences they need, brand characters, the surnames and given names of 金华,
 * mobile prefixes and contacts' roles. Invented for the demo; nothing here describes a real company.
 */
import type { LicenceType } from './enterprise-fields.ts';

/** A trade of the county: its division, the words its company names use, how common it is, the licences it needs. */
export interface Sector {
  division: string;
  words: readonly string[];
  weight: number;
  /** Chance of being 规上. */
  above: number;
  /** Manufacturing and software: may be 高新技术企业 or 专精特新. */
  tech: boolean;
  licences: readonly (readonly [type: LicenceType, chance: number])[];
}

export const FOOD_CATEGORIES: Record<string, readonly string[]> = {
  '13': ['101', '102', '116'],
  '14': ['103', '124', '125'],
  '15': ['106', '114', '115'],
};

/** 兰溪's trades: textiles first, then chemicals, film and plastics, machinery, food and tea, services. */
export const SECTORS: readonly Sector[] = [
  {
    division: '17',
    words: ['纺织', '织造', '纺织科技', '棉纺', '印染'],
    weight: 22,
    above: 0.45,
    tech: true,
    licences: [
      ['pollutantDischarge', 0.7],
      ['waterAbstraction', 0.2],
    ],
  },
  { division: '18', words: ['服饰', '制衣', '服装'], weight: 7, above: 0.25, tech: false, licences: [] },
  {
    division: '13',
    words: ['粮油', '农产品加工', '食品'],
    weight: 4,
    above: 0.3,
    tech: false,
    licences: [
      ['foodProduction', 0.9],
      ['pollutantDischarge', 0.3],
    ],
  },
  {
    division: '14',
    words: ['食品', '食品科技', '调味品'],
    weight: 4,
    above: 0.3,
    tech: false,
    licences: [['foodProduction', 0.9]],
  },
  {
    division: '15',
    words: ['茶业', '酒业', '饮品'],
    weight: 4,
    above: 0.2,
    tech: false,
    licences: [['foodProduction', 0.9]],
  },
  {
    division: '26',
    words: ['化工', '化学', '精细化工'],
    weight: 7,
    above: 0.55,
    tech: true,
    licences: [
      ['safetyProduction', 0.8],
      ['pollutantDischarge', 0.9],
    ],
  },
  {
    division: '27',
    words: ['药业', '制药', '生物医药'],
    weight: 4,
    above: 0.6,
    tech: true,
    licences: [['pollutantDischarge', 0.9]],
  },
  {
    division: '29',
    words: ['塑业', '塑胶', '包装材料', '薄膜科技'],
    weight: 8,
    above: 0.35,
    tech: true,
    licences: [['pollutantDischarge', 0.5]],
  },
  {
    division: '30',
    words: ['新型建材', '水泥制品', '建材'],
    weight: 5,
    above: 0.35,
    tech: false,
    licences: [['pollutantDischarge', 0.8]],
  },
  {
    division: '33',
    words: ['五金', '金属制品', '铝业'],
    weight: 8,
    above: 0.3,
    tech: true,
    licences: [['pollutantDischarge', 0.5]],
  },
  { division: '34', words: ['机械', '泵业', '阀门', '轴承'], weight: 10, above: 0.35, tech: true, licences: [] },
  { division: '35', words: ['智能装备', '机械设备', '装备科技'], weight: 6, above: 0.35, tech: true, licences: [] },
  { division: '38', words: ['电器', '电机', '电气', '照明'], weight: 7, above: 0.35, tech: true, licences: [] },
  {
    division: '39',
    words: ['电子', '光电科技', '光学材料', '微电子'],
    weight: 6,
    above: 0.45,
    tech: true,
    licences: [['pollutantDischarge', 0.4]],
  },
  {
    division: '44',
    words: ['新能源', '光伏科技', '热电'],
    weight: 2,
    above: 0.6,
    tech: false,
    licences: [['pollutantDischarge', 0.5]],
  },
  {
    division: '47',
    words: ['建设', '建筑工程'],
    weight: 5,
    above: 0.3,
    tech: false,
    licences: [
      ['constructionQualification', 1],
      ['safetyProduction', 1],
    ],
  },
  {
    division: '48',
    words: ['市政工程', '路桥工程', '水利建设'],
    weight: 3,
    above: 0.3,
    tech: false,
    licences: [
      ['constructionQualification', 1],
      ['safetyProduction', 1],
    ],
  },
  {
    division: '50',
    words: ['装饰工程', '建筑装饰'],
    weight: 3,
    above: 0.1,
    tech: false,
    licences: [
      ['constructionQualification', 1],
      ['safetyProduction', 0.8],
    ],
  },
  {
    division: '51',
    words: ['商贸', '贸易', '化工贸易', '供应链'],
    weight: 8,
    above: 0.2,
    tech: false,
    licences: [['hazardousChemicalsTrade', 0.3]],
  },
  {
    division: '52',
    words: ['超市', '百货', '商业'],
    weight: 5,
    above: 0.15,
    tech: false,
    licences: [['foodBusiness', 0.8]],
  },
  { division: '54', words: ['运输', '物流'], weight: 4, above: 0.15, tech: false, licences: [] },
  { division: '59', words: ['仓储', '冷链物流'], weight: 2, above: 0.1, tech: false, licences: [] },
  {
    division: '61',
    words: ['酒店', '酒店管理'],
    weight: 3,
    above: 0.15,
    tech: false,
    licences: [['foodBusiness', 0.9]],
  },
  { division: '62', words: ['餐饮管理', '餐饮'], weight: 3, above: 0.05, tech: false, licences: [['foodBusiness', 1]] },
  { division: '65', words: ['信息技术', '数字科技', '软件'], weight: 4, above: 0.2, tech: true, licences: [] },
  { division: '70', words: ['置业', '房地产开发'], weight: 3, above: 0.4, tech: false, licences: [] },
  {
    division: '01',
    words: ['农业开发', '生态农业', '农业科技'],
    weight: 4,
    above: 0.1,
    tech: false,
    licences: [['waterAbstraction', 0.3]],
  },
  {
    division: '77',
    words: ['环境科技', '环保科技'],
    weight: 2,
    above: 0.2,
    tech: false,
    licences: [['pollutantDischarge', 0.5]],
  },
];

export const BRAND_FIRST = [...'恒华金瑞天鑫嘉宏永润博泰盛德佳凯昌锦飞康源诚顺亿兴立晨越宇欣丹婺兰江'];
export const BRAND_SECOND = [...'丰宇瑞森达联力业通邦源辉铭科晟翔利美创信隆峰弘豪正安特'];

/** Common surnames of 金华 (诸葛 for the village), and given-name characters. */
export const SURNAMES: readonly (readonly [string, number])[] = [
  ['王', 8],
  ['陈', 7],
  ['张', 6],
  ['李', 5],
  ['徐', 5],
  ['吴', 4],
  ['胡', 4],
  ['叶', 4],
  ['章', 3],
  ['方', 3],
  ['汪', 3],
  ['童', 3],
  ['邵', 2],
  ['金', 3],
  ['倪', 2],
  ['赵', 2],
  ['黄', 2],
  ['诸葛', 1],
];
export const GIVEN = [...'建国伟军华明勇强平芳丽敏静燕红霞杰涛斌超磊鹏晓婷雪琴浩宇彬锋新春'];

export const MOBILE_PREFIXES = [
  '133',
  '135',
  '136',
  '137',
  '138',
  '139',
  '150',
  '151',
  '153',
  '158',
  '159',
  '177',
  '180',
  '187',
  '189',
  '199',
];
export const FIRST_ROLES = ['法定代表人', '总经理'];
export const OTHER_ROLES = ['办公室主任', '财务负责人', '安全环保负责人', '项目联系人', '生产副总'];
