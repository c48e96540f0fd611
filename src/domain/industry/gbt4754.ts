/**
 * The national industry classification GB/T 4754-2017 《国民经济行业分类》 (with amendment No. 1 of
 * 2019, which changed no section or division): its 20 sections (门类 A–T) and 97 divisions (大类 01–97).
 * This is factual public data from the published standard, shipped as-is; groups (中类) and classes
 * (小类) are not needed by Lantern and are left out.
 */

export interface IndustrySection {
  /** One capital letter, A–T. */
  code: string;
  name: string;
}

export interface IndustryDivision {
  /** Two digits, '01'–'97'. */
  code: string;
  /** The section letter the division belongs to. */
  section: string;
  name: string;
}

/** What a lookup returns: for a section alone, `code` is the letter and `name` equals `sectionName`. */
export interface IndustryMatch {
  code: string;
  section: string;
  name: string;
  sectionName: string;
}

/** The 20 sections (门类), in the standard's order. */
export const INDUSTRY_SECTIONS: readonly IndustrySection[] = [
  { code: 'A', name: '农、林、牧、渔业' },
  { code: 'B', name: '采矿业' },
  { code: 'C', name: '制造业' },
  { code: 'D', name: '电力、热力、燃气及水生产和供应业' },
  { code: 'E', name: '建筑业' },
  { code: 'F', name: '批发和零售业' },
  { code: 'G', name: '交通运输、仓储和邮政业' },
  { code: 'H', name: '住宿和餐饮业' },
  { code: 'I', name: '信息传输、软件和信息技术服务业' },
  { code: 'J', name: '金融业' },
  { code: 'K', name: '房地产业' },
  { code: 'L', name: '租赁和商务服务业' },
  { code: 'M', name: '科学研究和技术服务业' },
  { code: 'N', name: '水利、环境和公共设施管理业' },
  { code: 'O', name: '居民服务、修理和其他服务业' },
  { code: 'P', name: '教育' },
  { code: 'Q', name: '卫生和社会工作' },
  { code: 'R', name: '文化、体育和娱乐业' },
  { code: 'S', name: '公共管理、社会保障和社会组织' },
  { code: 'T', name: '国际组织' },
];

/** Division names by section; codes run on contiguously from 01 in this order. */
const DIVISION_NAMES: ReadonlyArray<readonly [section: string, names: readonly string[]]> = [
  ['A', ['农业', '林业', '畜牧业', '渔业', '农、林、牧、渔专业及辅助性活动']],
  [
    'B',
    [
      '煤炭开采和洗选业',
      '石油和天然气开采业',
      '黑色金属矿采选业',
      '有色金属矿采选业',
      '非金属矿采选业',
      '开采专业及辅助性活动',
      '其他采矿业',
    ],
  ],
  [
    'C',
    [
      '农副食品加工业', // 13
      '食品制造业',
      '酒、饮料和精制茶制造业',
      '烟草制品业',
      '纺织业', // 17
      '纺织服装、服饰业',
      '皮革、毛皮、羽毛及其制品和制鞋业',
      '木材加工和木、竹、藤、棕、草制品业', // 20
      '家具制造业',
      '造纸和纸制品业',
      '印刷和记录媒介复制业',
      '文教、工美、体育和娱乐用品制造业',
      '石油、煤炭及其他燃料加工业', // 25
      '化学原料和化学制品制造业',
      '医药制造业',
      '化学纤维制造业',
      '橡胶和塑料制品业',
      '非金属矿物制品业', // 30
      '黑色金属冶炼和压延加工业',
      '有色金属冶炼和压延加工业',
      '金属制品业',
      '通用设备制造业',
      '专用设备制造业', // 35
      '汽车制造业',
      '铁路、船舶、航空航天和其他运输设备制造业',
      '电气机械和器材制造业',
      '计算机、通信和其他电子设备制造业',
      '仪器仪表制造业', // 40
      '其他制造业',
      '废弃资源综合利用业',
      '金属制品、机械和设备修理业', // 43
    ],
  ],
  ['D', ['电力、热力生产和供应业', '燃气生产和供应业', '水的生产和供应业']],
  ['E', ['房屋建筑业', '土木工程建筑业', '建筑安装业', '建筑装饰、装修和其他建筑业']],
  ['F', ['批发业', '零售业']],
  [
    'G',
    [
      '铁路运输业',
      '道路运输业',
      '水上运输业',
      '航空运输业',
      '管道运输业',
      '多式联运和运输代理业',
      '装卸搬运和仓储业',
      '邮政业',
    ],
  ],
  ['H', ['住宿业', '餐饮业']],
  ['I', ['电信、广播电视和卫星传输服务', '互联网和相关服务', '软件和信息技术服务业']],
  ['J', ['货币金融服务', '资本市场服务', '保险业', '其他金融业']],
  ['K', ['房地产业']],
  ['L', ['租赁业', '商务服务业']],
  ['M', ['研究和试验发展', '专业技术服务业', '科技推广和应用服务业']],
  ['N', ['水利管理业', '生态保护和环境治理业', '公共设施管理业', '土地管理业']],
  ['O', ['居民服务业', '机动车、电子产品和日用产品修理业', '其他服务业']],
  ['P', ['教育']],
  ['Q', ['卫生', '社会工作']],
  ['R', ['新闻和出版业', '广播、电视、电影和录音制作业', '文化艺术业', '体育', '娱乐业']],
  [
    'S',
    [
      '中国共产党机关',
      '国家机构',
      '人民政协、民主党派',
      '社会保障',
      '群众团体、社会团体和其他成员组织',
      '基层群众自治组织及其他组织',
    ],
  ],
  ['T', ['国际组织']],
];

/** The 97 divisions (大类), '01'–'97', each linked to its section. */
export const INDUSTRY_DIVISIONS: readonly IndustryDivision[] = DIVISION_NAMES.flatMap(([section, names]) =>
  names.map((name) => ({ section, name })),
).map(({ section, name }, i) => ({ code: String(i + 1).padStart(2, '0'), section, name }));

const sectionsByCode = new Map(INDUSTRY_SECTIONS.map((s) => [s.code, s]));
const divisionsByCode = new Map(INDUSTRY_DIVISIONS.map((d) => [d.code, d]));

/**
 * Looks up a division ('17', 'C17', 'c17') or a section ('C'). A division is returned under its
 * two-digit code; a section+division pair must agree ('A17' is unknown); one digit ('7') is not a code.
 *
 *   findIndustry('C17') → { code: '17', section: 'C', name: '纺织业', sectionName: '制造业' }
 *   findIndustry('C')   → { code: 'C', section: 'C', name: '制造业', sectionName: '制造业' }
 */
export function findIndustry(code: string): IndustryMatch | undefined {
  const m = /^([A-Za-z])?(\d{2})?$/.exec(code.trim());
  if (!m || (!m[1] && !m[2])) return undefined;
  const letter = m[1]?.toUpperCase();
  if (!m[2]) {
    const section = sectionsByCode.get(letter!);
    return section && { code: section.code, section: section.code, name: section.name, sectionName: section.name };
  }
  const division = divisionsByCode.get(m[2]);
  if (!division || (letter && letter !== division.section)) return undefined;
  const section = sectionsByCode.get(division.section)!;
  return { code: division.code, section: section.code, name: division.name, sectionName: section.name };
}

/** True when `code` names a section or division of GB/T 4754-2017 in one of the forms findIndustry accepts. */
export function isIndustryCode(code: string): boolean {
  return findIndustry(code) !== undefined;
}
