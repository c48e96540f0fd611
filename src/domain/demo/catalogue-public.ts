/**
 * Government-invested templates for the 兰溪 demo: roads, bridges, port, water, schools, hospitals,
 * elderly care, sport and culture, urban renewal, ecology and farmland. Names follow the way county
 * ledgers write them; the places come from the units passed to the generator.
 */
import type { Nature, ProjectKind } from '../projects/project-fields.ts';
import { chineseNumber, type LeadRule, type NameContext, type ProjectTemplate, type Tier } from './templates.ts';

const dept = (keyword: string, orTownship = false): LeadRule => ({ by: 'department', keyword, orTownship });
const TOWNSHIP: LeadRule = { by: 'township' };

function gov(
  kind: ProjectKind,
  industryCode: string,
  lead: LeadRule,
  tiers: readonly [Tier, Tier],
  nature: Nature,
  name: (ctx: NameContext) => string,
  extra: { weight?: number; chain?: string; landMu?: readonly [number, number] } = {},
): ProjectTemplate {
  return {
    chain: extra.chain ?? null,
    kind,
    investmentType: 'government',
    industryCode,
    lead,
    tiers,
    natures: [nature],
    isProducing: false,
    landMu: extra.landMu ?? null,
    weight: extra.weight ?? 1,
    isFullName: true,
    name,
  };
}

export const ROAD_NAMES = [
  '丹溪大道',
  '兰江路',
  '振兴路',
  '金兰路',
  '江滨路',
  '云山路',
  '兰荫路',
  '聚仁路',
  '纬二路',
  '经三路',
  '创业大道',
  '光膜大道',
  '纺织大道',
  '兰畈路',
  '登胜路',
  '环城西路',
  '环城南路',
  '香溪路',
];
const RESERVOIRS = ['芝堰', '石门', '岩坑', '溪坞', '大坑', '双牌', '里源', '枫树坞', '高塘', '黄泥岭'];
const RIVERS = ['兰江', '衢江', '金华江', '梅溪', '甘溪', '赤溪'];
/** 游埠镇 → 游埠, 兰江街道 → 兰江: how road, bridge and port names cite a place. */
export const shortPlace = (place: string) => place.replace(/(畲族乡|街道|镇|乡)$/, '') || place;
const phase = (ctx: NameContext) => chineseNumber(ctx.rng.int(1, 3));
const roadSection = ({ rng }: NameContext) => {
  const [a, b, c] = rng.shuffle(ROAD_NAMES);
  return `${a}（${b}—${c}）`;
};

export const PUBLIC_TEMPLATES: readonly ProjectTemplate[] = [
  // 交通
  gov(
    'infrastructure',
    '48',
    dept('交通'),
    [3, 5],
    'renovation',
    (c) => `${shortPlace(c.place)}至${shortPlace(c.otherPlace)}公路改建工程`,
    { weight: 3 },
  ),
  gov(
    'infrastructure',
    '48',
    dept('交通'),
    [4, 5],
    'new',
    (c) => `${shortPlace(c.place)}${c.rng.pick(RIVERS)}大桥新建工程`,
  ),
  gov(
    'infrastructure',
    '48',
    dept('交通', true),
    [0, 1],
    'renovation',
    (c) => `${c.place}农村公路提档升级工程（${c.year}年）`,
    { weight: 2 },
  ),
  gov('infrastructure', '55', dept('交通'), [3, 4], 'new', (c) => `兰溪港${shortPlace(c.place)}作业区建设工程`),
  gov(
    'infrastructure',
    '54',
    dept('交通'),
    [1, 2],
    'new',
    (c) => `${c.place}${c.rng.pick(['公交首末站', '客运站', '城乡公交综合场站'])}建设工程`,
  ),
  // 住建与城市更新
  gov('infrastructure', '48', dept('住建'), [1, 3], 'new', (c) => `${roadSection(c)}道路工程`, { weight: 3 }),
  gov('infrastructure', '48', dept('住建'), [1, 2], 'renovation', (c) => `${roadSection(c)}道路提升改造工程`, {
    weight: 2,
  }),
  gov('social', '47', TOWNSHIP, [0, 2], 'renovation', (c) => `${c.place}老旧小区改造工程（${c.year}年）`, {
    weight: 3,
    chain: '城市更新',
  }),
  gov(
    'social',
    '47',
    dept('住建', true),
    [2, 4],
    'renovation',
    (c) => `${c.place}${c.rng.pick(['城中村', '老城片区', '城北片区', '城南片区'])}有机更新项目`,
    { chain: '城市更新', weight: 2 },
  ),
  gov('social', '47', dept('住建', true), [2, 3], 'new', (c) => `${c.place}安置房（${phase(c)}期）工程`, {
    weight: 2,
    chain: '城市更新',
    landMu: [20, 120],
  }),
  gov('infrastructure', '45', dept('住建'), [0, 2], 'new', (c) => `${c.place}天然气管网建设工程`),
  // 平台配套（政府投资由部门牵头；平台自建的园区见产业模板）
  gov(
    'infrastructure',
    '48',
    dept('住建'),
    [2, 3],
    'new',
    (c) => `${c.platform}${c.rng.pick(['东区', '西区', '北区', '南区', '核心区'])}基础设施配套工程`,
    { weight: 2 },
  ),
  // 水利与供排水
  gov(
    'infrastructure',
    '76',
    dept('水务'),
    [2, 5],
    'renovation',
    (c) => `${c.rng.pick(RIVERS)}${c.place}段防洪堤加固工程`,
    { weight: 2 },
  ),
  gov(
    'infrastructure',
    '76',
    dept('水务'),
    [1, 3],
    'renovation',
    (c) => `${c.place}${c.rng.pick(RESERVOIRS)}水库除险加固工程`,
  ),
  gov('infrastructure', '76', dept('水务', true), [1, 2], 'renovation', (c) => `${c.place}圩区排涝能力提升工程`),
  gov('infrastructure', '46', dept('水务'), [1, 3], 'expansion', (c) => `${c.place}水厂扩建工程`),
  gov('infrastructure', '46', dept('水务'), [1, 3], 'new', (c) => `城乡供水一体化（${c.place}片）管网工程`),
  gov('ecology', '46', dept('水务'), [1, 3], 'renovation', (c) => `${c.place}污水处理厂提标改造工程`),
  gov(
    'ecology',
    '76',
    dept('水务', true),
    [1, 2],
    'renovation',
    (c) => `${c.place}美丽河湖建设工程（${c.rng.pick(RIVERS)}）`,
  ),
  // 教育
  gov(
    'social',
    '83',
    dept('教育'),
    [2, 3],
    'new',
    (c) => `${c.place}${c.rng.pick(['实验学校', '九年一贯制学校', '中心幼儿园', '第二小学'])}新建工程`,
    { weight: 2, landMu: [15, 120] },
  ),
  gov(
    'social',
    '83',
    dept('教育'),
    [1, 3],
    'expansion',
    (c) => `${c.place}${c.rng.pick(['中心小学', '初级中学', '中心幼儿园'])}改扩建工程`,
    { weight: 2 },
  ),
  gov(
    'social',
    '83',
    dept('教育'),
    [2, 4],
    'new',
    (c) =>
      `兰溪市${c.rng.pick(['职业技术学校实训基地', '第三中学新校区', '城南幼儿园', '城北九年一贯制学校', '特殊教育学校'])}建设工程`,
    { landMu: [20, 150] },
  ),
  // 卫生与养老
  gov(
    'social',
    '84',
    dept('卫健'),
    [2, 4],
    'new',
    (c) =>
      `兰溪市人民医院${c.rng.pick(['医技综合楼', '急救中心', '公共卫生临床中心', '门诊综合楼', '康复大楼'])}建设工程`,
  ),
  gov(
    'social',
    '84',
    dept('卫健'),
    [3, 4],
    'relocation',
    (c) => `兰溪市${c.rng.pick(['中医院', '妇幼保健院', '第二人民医院', '第四人民医院'])}迁建工程`,
    { landMu: [40, 150] },
  ),
  gov(
    'social',
    '84',
    dept('卫健', true),
    [0, 2],
    'expansion',
    (c) => `${c.place}${c.rng.pick(['中心卫生院', '卫生院', '社区卫生服务中心'])}改扩建工程`,
    { weight: 2 },
  ),
  gov('social', '85', dept('民政', true), [0, 2], 'new', (c) => `${c.place}居家养老服务中心建设工程`, { weight: 2 }),
  gov(
    'social',
    '85',
    dept('民政'),
    [1, 3],
    'expansion',
    (c) => `兰溪市${c.rng.pick(['社会福利中心', '颐养中心', '康养中心'])}扩建工程`,
  ),
  // 文体与文旅
  gov(
    'social',
    '89',
    dept('文广旅体'),
    [2, 4],
    'new',
    (c) => `兰溪市${c.rng.pick(['全民健身中心', '体育中心', '游泳馆', '体育公园', '青少年足球训练基地'])}建设工程`,
  ),
  gov('social', '88', TOWNSHIP, [0, 1], 'renovation', (c) => `${c.place}${c.village}村文化礼堂提升工程`, { weight: 2 }),
  gov(
    'social',
    '88',
    dept('文广旅体'),
    [2, 3],
    'new',
    (c) => `兰溪市${c.rng.pick(['图书馆新馆', '文化馆', '博物馆', '非遗展示馆', '城市书房'])}建设工程`,
  ),
  gov(
    'social',
    '78',
    dept('文广旅体', true),
    [2, 4],
    'renovation',
    (c) => `${c.place}${c.rng.pick(['古村落保护利用', '景区提质', '历史文化街区保护'])}工程`,
    { chain: '文旅', weight: 2 },
  ),
  // 生态环保
  gov(
    'ecology',
    '77',
    dept('生态环境'),
    [2, 4],
    'renovation',
    (c) => `${c.rng.pick(RIVERS)}流域水环境综合治理工程（${c.place}段）`,
  ),
  gov('ecology', '77', dept('生态环境', true), [0, 2], 'renovation', (c) => `${c.place}农村生活污水治理提升工程`, {
    weight: 2,
  }),
  gov('ecology', '77', dept('自然资源'), [1, 2], 'renovation', (c) => `${c.place}废弃矿山生态修复工程`),
  gov('ecology', '79', dept('自然资源', true), [1, 3], 'renovation', (c) => `${c.place}全域土地综合整治与生态修复工程`),
  gov(
    'ecology',
    '78',
    dept('综合行政执法'),
    [1, 3],
    'new',
    (c) => `兰溪市${c.rng.pick(['生活垃圾分类处理中心', '餐厨垃圾处置中心', '建筑垃圾资源化利用中心'])}建设工程`,
  ),
  // 农业农村
  gov(
    'infrastructure',
    '01',
    dept('农业农村', true),
    [0, 2],
    'renovation',
    (c) => `${c.place}高标准农田建设项目（${c.year}年）`,
    { chain: '现代农业', weight: 2 },
  ),
  gov('social', '78', TOWNSHIP, [0, 2], 'new', (c) => `${c.place}${c.village}村未来乡村建设项目`, { weight: 2 }),
  gov(
    'infrastructure',
    '05',
    dept('农业农村'),
    [1, 2],
    'new',
    (c) => `${c.place}${c.rng.pick(['农业社会化服务中心', '粮食烘干中心', '农产品冷链集配中心'])}建设项目`,
    { chain: '现代农业' },
  ),
  gov(
    'infrastructure',
    '65',
    dept('发改'),
    [1, 2],
    'new',
    (c) => `兰溪市${c.rng.pick(['城市大脑', '数字政府', '公共数据平台', '基层智治综合平台'])}建设项目`,
    { chain: '数字经济' },
  ),
];
