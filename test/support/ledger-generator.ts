import type { LedgerCell } from './ledgers.ts';

/**
 * A realistic county ledger's rows for the import benchmark and the kill test: 26 columns of Chinese
 * content (codes, enums by their labels, Excel dates and dates typed as text, money in 万元, a long
 * unmapped 建设内容 column), consistent with the project rules, deterministic.
 */
export const LEDGER_HEADER = [
  '序号',
  '项目名称',
  '项目代码',
  '建设性质',
  '项目类别',
  '国民经济行业',
  '项目级别',
  '投资类型',
  '审批方式',
  '项目阶段',
  '所在乡镇',
  '项目业主',
  '统一社会信用代码',
  '联系领导',
  '联系人及电话',
  '建设地点',
  '用地面积（亩）',
  '总投资（万元）',
  '其中固定资产投资（万元）',
  '年度计划投资（万元）',
  '计划开工时间',
  '实际开工时间',
  '计划竣工时间',
  '计划投产时间',
  '标签',
  '建设内容及规模',
  '责任单位',
];
/** A deterministic pseudo-random stream (mulberry32), as the project benchmark's. */
function rng(seed: number) {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const PREFIXES = [
  '兰溪',
  '兰江',
  '上华',
  '游埠',
  '诸葛',
  '女埠',
  '永昌',
  '赤溪',
  '云山',
  '香溪',
  '马涧',
  '梅江',
  '横溪',
  '黄店',
  '灵洞',
  '柏社',
];
const SUBJECTS = [
  '纺织',
  '光膜',
  '新材料',
  '智能装备',
  '生物医药',
  '中药材',
  '农贸市场',
  '污水管网',
  '安置小区',
  '文旅',
  '物流',
  '电子元件',
  '食品加工',
  '道路',
  '学校',
  '医院',
];
const SUFFIXES = ['提升项目', '产业园', '改造工程', '年产10万吨项目', '扩建项目', '一期工程', '技改项目', '综合体'];
/** Words of enterprise and place names: with the other parts, some 80,000 different names before the serial number. */
const MIDDLES = [
  '宏达',
  '金鹰',
  '华丰',
  '永盛',
  '恒信',
  '天元',
  '瑞丰',
  '德胜',
  '鸿运',
  '新纪元',
  '中兴',
  '富春',
  '江南',
  '明珠',
  '凯旋',
  '东方',
  '博大',
  '万通',
  '汇丰',
  '正泰',
  '联创',
  '华美',
  '康宁',
  '长城',
  '银河',
  '星火',
  '荣达',
  '嘉禾',
  '锦绣',
  '同心',
  '安泰',
  '景福',
  '丰收',
  '腾飞',
  '润泽',
  '金山',
  '大地',
  '绿源',
  '蓝天',
  '光明',
];
const INDUSTRIES = ['C17', 'C29', 'C27', 'C39', 'E48', 'F52', 'P83', 'R87', 'D44', 'C13'];
const CREDIT = '0123456789ABCDEFGHJKLMNPQRTUWXY';

/** Rows of a realistic ledger, consistent with the project rules (dates in order, stages with their dates). */
export function* ledgerRows(n: number, townships: string[], year: number): Generator<LedgerCell[]> {
  const rand = rng(2026);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(rand() * xs.length)]!;
  for (let i = 1; i <= n; i++) {
    const [p, m, s, x] = [pick(PREFIXES), pick(MIDDLES), pick(SUBJECTS), pick(SUFFIXES)];
    const wan = Math.round(500 + 4500 * rand() * rand() * 10) / 10;
    const stage = pick(['谋划', '储备', '前期', '前期', '在建', '在建', '在建']);
    const started = stage === '在建';
    const startYear = started ? year - 1 : year + 1;
    const month = 1 + Math.floor(rand() * 12);
    const mm = String(month).padStart(2, '0');
    let township: string;
    const credit = `91${String(330781 + (i % 7)).padStart(6, '0')}${Array.from({ length: 10 }, () => pick([...CREDIT])).join('')}`;
    yield [
      i,
      `${p}${m}${s}${x}（${i}号）`,
      rand() < 0.8
        ? `${String(year - 2000).padStart(2, '0')}${String(1 + (i % 12)).padStart(2, '0')}-330781-04-01-${String(i).padStart(6, '0')}`
        : null,
      pick(['新建', '扩建', '技改', '改建']),
      pick(['产业', '基础设施', '社会民生', '生态环保']),
      pick(INDUSTRIES),
      rand() < 0.1 ? '市重点' : rand() < 0.05 ? '省重大' : null,
      pick(['企业投资', '政府投资']),
      pick(['备案', '核准', '审批']),
      stage,
      (township = pick(townships)),
      `浙江${m}${s}有限公司`,
      credit,
      pick(['张建国', '李卫东', '王丽华', '陈志强', '刘晓明']),
      `${pick(['赵', '钱', '孙', '周'])}工 139${String(10_000_000 + i).slice(-8)}`,
      `兰溪市${pick(townships)}${pick(['工业园区', '经济开发区', '城区', '村'])}`,
      Math.round(rand() * 2000) / 10,
      wan,
      Math.round(wan * 0.8 * 10) / 10,
      Math.round(wan * 0.3 * 10) / 10,
      // Dates as people keep them: real Excel dates, 2026年3月, 2026.3 and 2026-03-15.
      i % 3 === 0
        ? new Date(Date.UTC(startYear, month - 1, 15))
        : i % 3 === 1
          ? `${startYear}年${month}月`
          : `${startYear}-${mm}-15`,
      started ? new Date(Date.UTC(year - 1, month - 1, 20)) : null,
      `${startYear + 2}年${month}月`,
      `${startYear + 2}.${month}`,
      pick(['纺织、新材料', '重点工程', '民生实事', '']),
      `新建厂房及配套设施约${Math.round(rand() * 90_000)}平方米，购置生产设备${Math.round(rand() * 300)}台（套），建成后形成年产${s}${Math.round(rand() * 100)}万件的生产能力。`,
      // A county ledger names the unit responsible for each row: here the township the project is in.
      township,
    ];
  }
}

export const REPORT_LEDGER_HEADER = ['序号', '项目名称', '项目代码', '本月完成投资（万元）', '形象进度', '存在问题'];
const PROGRESS = ['主体结构施工', '基础施工', '设备安装调试', '场地平整', '装修收尾', '管网铺设', '桩基施工'];
const PROBLEMS = ['用电增容审批尚未办结', '雨季影响施工进度', '土地指标待落实', '资金到位较慢'];

/**
 * A month's report ledger for the projects `ledgerRows(n, …)` describes, as a county's project office
 * collects it: one row per project by name and code, the month's amount below the project's total,
 * the progress, now and then a problem. Deterministic.
 */
export function* reportLedgerRows(n: number, townships: string[], year: number): Generator<LedgerCell[]> {
  const rand = rng(1103);
  for (const row of ledgerRows(n, townships, year)) {
    const total = row[17] as number;
    yield [
      row[0]!,
      row[1]!,
      row[2]!,
      Math.round(total * (0.005 + 0.02 * rand()) * 100) / 100,
      PROGRESS[Math.floor(rand() * PROGRESS.length)]!,
      rand() < 0.1 ? PROBLEMS[Math.floor(rand() * PROBLEMS.length)]! : null,
    ];
  }
}
