/**
 * Industrial project templates for the 兰溪 demo, by local chain: 纺织 (织造名城), 光膜 (光膜小镇),
 * 新材料, 智能制造, 生物医药, 现代农业, 数字经济, 新能源, 文旅, 现代物流. Product names and
 * capacities are invented but typical of county investment ledgers.
 */
import type { Nature } from '../projects/project-fields.ts';
import { chineseNumber, num, type LeadRule, type ProjectTemplate } from './templates.ts';

const PT: LeadRule = { by: 'platformOrTownship' };
const FACTORY: readonly Nature[] = ['new', 'new', 'new', 'expansion', 'techUpgrade', 'relocation'];
const UPGRADE: readonly Nature[] = ['techUpgrade'];
const FARM: readonly Nature[] = ['new', 'new', 'expansion'];

type Spec = Omit<ProjectTemplate, 'kind' | 'investmentType' | 'lead' | 'isProducing' | 'natures' | 'landMu'> &
  Partial<Pick<ProjectTemplate, 'lead' | 'natures' | 'landMu' | 'isProducing' | 'kind'>>;

/** An enterprise factory project, led by a platform or township unless told otherwise. */
const factory = (s: Spec): ProjectTemplate => ({
  kind: 'industry',
  investmentType: 'enterprise',
  lead: PT,
  natures: FACTORY,
  landMu: [10, 300],
  isProducing: true,
  ...s,
});

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

export const INDUSTRY_TEMPLATES: readonly ProjectTemplate[] = [
  // 纺织
  factory({ chain: '纺织', industryCode: '28', tiers: [2, 4], weight: 3, ownerWords: ['化纤', '纤维科技', '新材料'], name: ({ rng }) => `年产${num(rng, 1, 12)}万吨差别化纤维` }),
  factory({ chain: '纺织', industryCode: '17', tiers: [1, 3], weight: 4, name: ({ rng }) => `年产${num(rng, 2000, 9000, 500)}万米高档纺织面料` }),
  factory({ chain: '纺织', industryCode: '17', tiers: [1, 3], weight: 3, name: ({ rng }) => `年产${num(rng, 3000, 9000, 500)}万米牛仔面料` }),
  factory({ chain: '纺织', industryCode: '17', tiers: [2, 3], weight: 2, name: ({ rng }) => `${num(rng, 5, 20)}万锭高端紧密纺纱` }),
  factory({ chain: '纺织', industryCode: '17', tiers: [1, 2], weight: 2, name: ({ rng }) => `年产${num(rng, 100, 800, 50)}万套家纺产品` }),
  factory({ chain: '纺织', industryCode: '18', tiers: [1, 2], weight: 2, ownerWords: ['服饰', '制衣'], name: ({ rng }) => `年产${num(rng, 200, 1000, 50)}万件针织服装` }),
  factory({ chain: '纺织', industryCode: '17', tiers: [1, 2], weight: 2, natures: UPGRADE, landMu: null, name: ({ rng }) => `年产${num(rng, 1000, 6000, 500)}万米坯布智能织造` }),
  factory({ chain: '纺织', industryCode: '17', tiers: [2, 3], weight: 1, ownerWords: ['印染', '染整'], name: ({ rng }) => `年产${num(rng, 3000, 9000, 500)}万米高档面料印染` }),
  // 光膜
  factory({ chain: '光膜', industryCode: '29', tiers: [3, 5], weight: 3, name: ({ rng }) => `年产${num(rng, 1, 6)}亿平方米光学功能膜` }),
  factory({ chain: '光膜', industryCode: '29', tiers: [3, 5], weight: 2, name: ({ rng }) => `年产${num(rng, 2, 12)}万吨光学级聚酯基膜` }),
  factory({ chain: '光膜', industryCode: '39', tiers: [3, 4], weight: 2, name: ({ rng }) => `年产${num(rng, 500, 3000, 100)}万平方米偏光片` }),
  factory({ chain: '光膜', industryCode: '39', tiers: [2, 3], weight: 2, name: ({ rng }) => `年产${num(rng, 100, 600, 20)}万片液晶显示背光模组` }),
  factory({ chain: '光膜', industryCode: '29', tiers: [1, 3], weight: 2, name: ({ rng }) => `年产${num(rng, 1000, 5000, 100)}万平方米新型显示用复合膜` }),
  factory({ chain: '光膜', industryCode: '29', tiers: [1, 2], weight: 1, natures: UPGRADE, landMu: null, name: ({ rng }) => `${num(rng, 2, 8)}条光学膜涂布生产线` }),
  // 新材料
  factory({ chain: '新材料', industryCode: '26', tiers: [2, 4], weight: 2, ownerWords: ['电子材料', '化工', '新材料'], name: ({ rng }) => `年产${num(rng, 1, 5)}万吨高性能电子化学品` }),
  factory({ chain: '新材料', industryCode: '26', tiers: [2, 3], weight: 2, ownerWords: ['氟化工', '化工', '新材料'], name: ({ rng }) => `年产${num(rng, 2000, 10000, 500)}吨含氟精细化学品` }),
  factory({ chain: '新材料', industryCode: '30', tiers: [1, 3], weight: 2, ownerWords: ['新型建材', '建材科技'], name: ({ rng }) => `年产${num(rng, 10, 60, 5)}万吨新型绿色建材` }),
  factory({ chain: '新材料', industryCode: '32', tiers: [2, 4], weight: 2, ownerWords: ['铝业', '金属材料'], name: ({ rng }) => `年产${num(rng, 2, 15)}万吨高端铝合金型材` }),
  factory({ chain: '新材料', industryCode: '30', tiers: [2, 4], weight: 1, ownerWords: ['玻纤', '复合材料'], name: ({ rng }) => `年产${num(rng, 1, 8)}万吨特种玻璃纤维` }),
  factory({ chain: '新材料', industryCode: '29', tiers: [1, 2], weight: 2, ownerWords: ['塑业', '高分子材料'], name: ({ rng }) => `年产${num(rng, 1, 6)}万吨改性工程塑料` }),
  // 智能制造
  factory({ chain: '智能制造', industryCode: '35', tiers: [1, 3], weight: 3, name: ({ rng }) => `年产${num(rng, 500, 5000, 100)}台（套）智能成套装备` }),
  factory({ chain: '智能制造', industryCode: '38', tiers: [2, 4], weight: 2, name: ({ rng }) => `年产${num(rng, 10, 100, 5)}万台新能源汽车驱动电机` }),
  factory({ chain: '智能制造', industryCode: '34', tiers: [1, 3], weight: 2, ownerWords: ['轴承', '精密机械'], name: ({ rng }) => `年产${num(rng, 500, 3000, 100)}万套精密轴承` }),
  factory({ chain: '智能制造', industryCode: '36', tiers: [1, 3], weight: 2, ownerWords: ['汽车部件', '汽配'], name: ({ rng }) => `年产${num(rng, 100, 800, 20)}万件汽车零部件` }),
  factory({ chain: '智能制造', industryCode: '33', tiers: [1, 2], weight: 3, ownerWords: ['五金', '金属制品'], name: ({ rng }) => `年产${num(rng, 1, 10)}万吨精密五金件` }),
  factory({ chain: '智能制造', industryCode: '38', tiers: [1, 2], weight: 2, ownerWords: ['电器', '家电'], name: ({ rng }) => `年产${num(rng, 50, 300, 10)}万台智能小家电` }),
  factory({ chain: '智能制造', industryCode: '38', tiers: [1, 3], weight: 2, name: ({ rng }) => `年产${num(rng, 10, 100, 5)}万套智能电气成套设备` }),
  factory({ chain: '智能制造', industryCode: '34', tiers: [0, 2], weight: 3, natures: UPGRADE, landMu: null, name: ({ rng }) => `年产${num(rng, 5, 50)}万台泵阀数字化车间` }),
  // 生物医药
  factory({ chain: '生物医药', industryCode: '27', tiers: [2, 4], weight: 2, ownerWords: ['药业', '制药'], name: ({ rng }) => `年产${num(rng, 5, 30)}亿片（粒）固体制剂` }),
  factory({ chain: '生物医药', industryCode: '27', tiers: [1, 3], weight: 2, natures: UPGRADE, landMu: null, ownerWords: ['药业', '制药', '生物科技'], name: ({ rng }) => `年产${num(rng, 100, 800, 50)}吨原料药绿色化` }),
  factory({ chain: '生物医药', industryCode: '27', tiers: [1, 3], weight: 2, ownerWords: ['中药', '药业', '生物科技'], name: ({ rng }) => `年产${num(rng, 1000, 5000, 500)}吨中药饮片及提取物` }),
  factory({ chain: '生物医药', industryCode: '35', tiers: [1, 2], weight: 2, ownerWords: ['医疗器械', '医疗科技'], name: ({ rng }) => `年产${num(rng, 500, 5000, 100)}万件医用耗材及医疗器械` }),
  // 现代农业（农产品加工和种养）
  factory({ chain: '现代农业', industryCode: '13', tiers: [1, 3], weight: 2, ownerWords: ['饲料', '生物科技'], name: ({ rng }) => `年产${num(rng, 10, 50, 2)}万吨生物饲料` }),
  factory({ chain: '现代农业', industryCode: '14', tiers: [1, 2], weight: 2, ownerWords: ['食品'], name: ({ rng }) => `年产${num(rng, 1, 10)}万吨休闲食品` }),
  factory({ chain: '现代农业', industryCode: '15', tiers: [0, 2], weight: 1, ownerWords: ['酒业', '食品'], name: ({ rng }) => `年产${num(rng, 500, 3000, 100)}吨杨梅酒及果酒` }),
  factory({ chain: '现代农业', industryCode: '13', tiers: [0, 1], weight: 1, ownerWords: ['食品', '农产品'], name: ({ rng }) => `年加工${num(rng, 5000, 20000, 1000)}吨小萝卜等特色农产品` }),
  factory({ chain: '现代农业', industryCode: '01', tiers: [0, 1], weight: 2, lead: { by: 'township' }, landMu: null, natures: FARM, name: ({ rng }) => `${num(rng, 200, 1000, 50)}亩设施蔬菜基地` }),
  factory({ chain: '现代农业', industryCode: '01', tiers: [0, 1], weight: 2, lead: { by: 'township' }, landMu: null, natures: FARM, name: ({ rng }) => `${num(rng, 500, 3000, 100)}亩杨梅精品园` }),
  factory({ chain: '现代农业', industryCode: '03', tiers: [1, 2], weight: 1, lead: { by: 'township' }, ownerWords: ['牧业', '农牧'], natures: FARM, name: ({ rng }) => `年出栏${num(rng, 3, 20)}万头生猪养殖` }),
  factory({ chain: '现代农业', industryCode: '01', tiers: [0, 2], weight: 1, lead: { by: 'township' }, natures: FARM, landMu: [10, 60], name: ({ rng }) => `${num(rng, 20, 120, 10)}亩数字农业工厂` }),
  // 数字经济
  factory({ chain: '数字经济', industryCode: '39', tiers: [3, 5], weight: 2, ownerWords: ['半导体', '微电子'], name: ({ rng }) => `年产${num(rng, 5, 60, 5)}亿只半导体功率器件` }),
  factory({ chain: '数字经济', industryCode: '39', tiers: [2, 3], weight: 2, name: ({ rng }) => `年产${num(rng, 100, 1000, 50)}万只智能传感器` }),
  factory({ chain: '数字经济', industryCode: '39', tiers: [1, 3], weight: 2, name: ({ rng }) => `年产${num(rng, 100, 2000, 100)}万套电子元器件` }),
  factory({ chain: '数字经济', industryCode: '65', tiers: [0, 2], weight: 1, isProducing: false, landMu: null, natures: ['new'], ownerWords: ['信息技术', '数字科技'], name: ({ rng }) => `${rng.pick(['工业互联网平台', '智能制造云平台', '纺织产业大脑'])}建设` }),
  factory({ chain: '数字经济', industryCode: '64', tiers: [2, 4], weight: 1, natures: ['new'], ownerWords: ['数据科技', '云计算'], name: ({ rng }) => `${num(rng, 2000, 10000, 1000)}架机柜数据中心` }),
  // 新能源
  factory({ chain: '新能源', industryCode: '44', tiers: [1, 3], weight: 2, natures: ['new'], landMu: null, name: ({ rng }) => `${num(rng, 5, 60)}兆瓦分布式光伏发电` }),
  factory({ chain: '新能源', industryCode: '44', tiers: [2, 4], weight: 1, natures: ['new'], landMu: [10, 60], name: ({ rng }) => `${num(rng, 50, 400, 50)}兆瓦时新型储能电站` }),
  factory({ chain: '新能源', industryCode: '38', tiers: [3, 5], weight: 1, name: ({ rng }) => `年产${num(rng, 2, 20)}吉瓦时锂电池储能系统` }),
  // 文旅（企业投资）
  factory({ chain: '文旅', industryCode: '78', kind: 'other', tiers: [2, 4], weight: 2, lead: { by: 'township' }, natures: ['new'], isProducing: false, landMu: [20, 300], name: ({ place }) => `${place}文化旅游度假区` }),
  factory({ chain: '文旅', industryCode: '61', kind: 'other', tiers: [1, 2], weight: 2, lead: { by: 'township' }, natures: ['new', 'renovation'], isProducing: false, landMu: null, name: ({ place, rng }) => `${place}${rng.pick(['精品民宿集聚区', '乡村旅游综合体', '研学营地'])}` }),
  factory({ chain: '文旅', industryCode: '61', kind: 'other', tiers: [2, 3], weight: 1, lead: { by: 'department', keyword: '文广旅体', orTownship: true }, natures: ['new'], isProducing: false, landMu: [10, 40], name: ({ rng }) => `${rng.pick(['兰江', '兰荫山', '横山', '三江口'])}${rng.pick(['度假酒店', '星级酒店', '温泉酒店'])}` }),
  // 园区（平台或国企建设、企业投资备案）
  factory({ chain: '智能制造', industryCode: '47', tiers: [2, 4], weight: 2, natures: ['new'], isProducing: false, isStateOwned: true, isFullName: true, name: (c) => `${c.platform}小微企业园（${chineseNumber(c.rng.int(1, 3))}期）` }),
  factory({ chain: '智能制造', industryCode: '35', tiers: [3, 4], weight: 1, natures: ['new'], isProducing: false, isStateOwned: true, isFullName: true, name: (c) => `${c.place}智能装备产业园（${chineseNumber(c.rng.int(1, 3))}期）` }),
  factory({ chain: '光膜', industryCode: '39', tiers: [3, 4], weight: 1, natures: ['new'], isProducing: false, isStateOwned: true, isFullName: true, name: (c) => `${c.platform}光电产业园（${chineseNumber(c.rng.int(1, 3))}期）` }),
  factory({ chain: '纺织', industryCode: '47', tiers: [2, 3], weight: 1, natures: ['new'], isProducing: false, isStateOwned: true, isFullName: true, name: (c) => `${c.platform}标准厂房（${chineseNumber(c.rng.int(1, 3))}期）建设项目` }),
  // 现代物流与商贸
  factory({ chain: '现代物流', industryCode: '59', tiers: [2, 3], weight: 2, natures: ['new'], isProducing: false, name: ({ rng }) => `${rng.pick(['智慧冷链物流中心', '电商仓储物流园', '纺织原料仓储中心'])}` }),
  factory({ chain: '现代物流', industryCode: '58', tiers: [3, 4], weight: 1, natures: ['new'], isProducing: false, name: ({ rng }) => `${rng.pick(['公铁水多式联运枢纽', '兰溪港物流园', '浙中公铁联运物流基地'])}` }),
  factory({ chain: '商贸', industryCode: '52', kind: 'other', tiers: [2, 4], weight: 1, lead: { by: 'department', keyword: '商务', orTownship: true }, natures: ['new'], isProducing: false, landMu: [15, 80], name: ({ place, rng }) => `${place}${rng.pick(['商业综合体', '邻里商业中心', '汽车城'])}` }),
  factory({ chain: '商贸', industryCode: '70', kind: 'other', tiers: [3, 4], weight: 1, lead: { by: 'township' }, natures: ['new'], isProducing: false, landMu: [20, 120], name: ({ place, rng }) => `${place}${rng.pick(['城市综合体', '人才社区', '总部经济园'])}` }),
];
