/**
 * A published bulletin (通报) as the Word and PDF renderers read it: every figure already formatted,
 * so both files say exactly what the frozen bulletin says. This module also holds what the two
 * renderers share (commentary blocks, table layouts, the signature's position) so they cannot drift,
 * and a sample bulletin for tests and benchmarks.
 */
import { createRng } from '../../../domain/demo/random.ts';
import { formatYi } from '../../../domain/money/money.ts';
import { formatPoints, formatScore, roundHalfUp } from '../../../domain/progress/time-progress.ts';
import { DEMO_DEPARTMENTS, DEMO_PLATFORMS } from '../../../domain/demo/places.ts';

export interface BulletinDocument {
  /** '兰溪市2026年10月项目绩效晾晒通报' */
  title: string;
  /** '兰溪市项目绩效年活动领导小组办公室': heads the bulletin in red (红头) and signs it at its end. */
  issuer: string;
  /** 文号, '兰项绩办〔2026〕3号' */
  docNumber: string;
  /** The county's local date of publication, '2026-11-05'; printed as 2026年11月5日. */
  publishedAt: string;
  /**
   * The instant of publication (ISO, UTC), '2026-11-05T02:30:00.000Z': the only time written into the
   * files' metadata (document dates, zip entries, the PDF's /ID), so every download is byte-identical.
   */
  issuedAt: string;
  /** '2026年10月' */
  periodLabel: string;
  /** Plain text; paragraphs separated by blank lines; lines like '一、总体情况' are section headings. */
  commentary: string;
  groups: BulletinGroup[];
  redProjects: { name: string; unitName: string; reasons: string[] }[];
}

/** One peer group of the race (乡镇（街道）, 市级部门, 功能平台), ranked apart from the others. */
export interface BulletinGroup {
  label: string;
  /** `unit` is the one unit of the indicator's column, stated once in its header: '亿元', '万元', '个', '%'. */
  indicators: { label: string; unit: string; weight: number; showTarget?: boolean }[];
  /**
   * rankChange: places gained since the last period (positive rose, negative fell), null when new.
   * Cell values are bare numbers in the column's unit ('12.35', '87.5', '3'), or '—' without data.
   */
  rows: {
    rank: number;
    rankChange: number | null;
    unitName: string;
    total: number;
    cells: { value: string; target: string; score: string }[];
  }[];
  /** 骏马 */
  top: string[];
  /** 蜗牛 */
  bottom: string[];
}

/** A header cell of a rendered table; spans follow HTML's colspan/rowspan; '\n' breaks the line. */
export interface TableCell {
  text: string;
  colSpan?: number;
  rowSpan?: number;
}

/** A table both renderers draw the same way: caption, header rows repeated on every page, body rows. */
export interface BulletinTable {
  caption: string;
  /**
   * How body cells align; `weight` shares out spare width; only `wrap` columns (project names, reasons)
   * break their text across lines, so numbers and unit names stay on one line (see fitTable).
   */
  columns: { weight: number; align: 'left' | 'center'; wrap?: boolean }[];
  header: TableCell[][];
  body: string[][];
}

export { commentaryBlocks, type CommentaryBlock } from '../../../domain/race/commentary.ts';

/** 2 → '↑2', -1 → '↓1', 0 or null (new to the race) → '—'. */
export function formatRankChange(change: number | null): string {
  if (!change) return '—';
  return change > 0 ? `↑${change}` : `↓${-change}`;
}

/** '2026-11-05' → '2026年11月5日', as a 成文日期 is written. */
export function formatChineseDate(iso: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso);
  if (!m) return iso;
  return `${m[1]}年${Number(m[2])}月${Number(m[3])}日`;
}

/** The words of a ranking table: the bulletin's Chinese, or the reader's language in an export. */
export interface RankingWords {
  caption: (group: BulletinGroup, number: number, periodLabel: string) => string;
  rank: string;
  change: string;
  unit: string;
  total: string;
  /** An indicator's header: its name and weight. */
  indicator: (label: string, weight: number) => string;
  /** The value's, target's and score's headers under it; `unit` is the column's unit ('' for a count). */
  value: (unit: string) => string;
  target: (unit: string) => string;
  score: string;
}

// Line breaks where a narrow column should break its label, so no column widens for it. The weight
// on a line of its own, so '（40分）' is never torn into '（40' / '分）'; the unit on a line of its
// own: a narrow column would otherwise strand the closing bracket.
export const BULLETIN_WORDS: RankingWords = {
  caption: (group, number, periodLabel) => `表${number}  ${group.label}项目绩效晾晒排名（${periodLabel}）`,
  rank: '名次',
  change: '名次\n变化',
  unit: '单位',
  total: '总分',
  indicator: (label, weight) => `${label}\n（${weight}分）`,
  value: (unit) => (unit ? `完成\n（${unit}）` : '完成'),
  target: (unit) => (unit ? `目标\n（${unit}）` : '目标'),
  score: '得分',
};

/**
 * The group's ranking: 名次, 名次变化, 单位, 总分, then each indicator's value (and, where the
 * indicator says `showTarget`, its target) and score under its name. A unit's name is never split
 * (兰江街 / 道 reads as another place): its column takes the widest name.
 */
export function rankingTable(
  group: BulletinGroup,
  number: number,
  periodLabel: string,
  words: RankingWords = BULLETIN_WORDS,
): BulletinTable {
  const fixed = [words.rank, words.change, words.unit, words.total];
  const figure = { weight: 1, align: 'center' as const };
  return {
    caption: words.caption(group, number, periodLabel),
    columns: [
      { weight: 1, align: 'center' },
      { weight: 1, align: 'center' },
      { weight: 4, align: 'center' },
      { weight: 1, align: 'center' },
      ...group.indicators.flatMap((i) => (i.showTarget ? [figure, figure, figure] : [figure, figure])),
    ],
    header: [
      [
        ...fixed.map((text) => ({ text, rowSpan: 2 })),
        ...group.indicators.map((i) => ({ text: words.indicator(i.label, i.weight), colSpan: i.showTarget ? 3 : 2 })),
      ],
      group.indicators.flatMap((i) => [
        { text: words.value(i.unit) },
        ...(i.showTarget ? [{ text: words.target(i.unit) }] : []),
        { text: words.score },
      ]),
    ],
    body: group.rows.map((r) => [
      String(r.rank),
      formatRankChange(r.rankChange),
      r.unitName,
      formatScore(r.total),
      ...r.cells.flatMap((c, i) =>
        group.indicators[i]?.showTarget ? [c.value, c.target, c.score] : [c.value, c.score],
      ),
    ]),
  };
}

/** 项目, 单位, 亮灯原因 (reasons joined by '；'); the unit's name stays whole like in the rankings. */
export function redProjectTable(projects: BulletinDocument['redProjects'], number: number): BulletinTable {
  return {
    caption: `表${number}  亮红灯项目清单（${projects.length}个）`,
    columns: [
      { weight: 36, align: 'left', wrap: true },
      { weight: 20, align: 'center' },
      { weight: 44, align: 'left', wrap: true },
    ],
    header: [[{ text: '项目' }, { text: '单位' }, { text: '亮灯原因' }]],
    body: projects.map((p) => [p.name, p.unitName, p.reasons.join('；')]),
  };
}

/**
 * The commentary's spaces next to a number become no-break spaces: '（54.67 分）' and '完成投资 10.20 亿元'
 * keep the number with its unit on one line, and commentary is set flush left (not justified), so no
 * renderer stretches such a space into a gap ('54.67　　分').
 *
 *   keepNumbersWithUnits('完成投资 10.20 亿元（54.67 分）') → '完成投资\u00a010.20\u00a0亿元（54.67\u00a0分）'
 */
export function keepNumbersWithUnits(text: string): string {
  return text.replace(/(?<=[\d%])[ \t]+(?=[^\s\x21-\x7e])|(?<=[^\s\x21-\x7e])[ \t]+(?=[-+]?\d)/gu, '\u00a0');
}

/** '乡镇（街道）骏马：兰江街道、云山街道；蜗牛：柏社乡。' */
export function racersLine(group: BulletinGroup): string {
  const names = (list: string[]) => (list.length ? list.join('、') : '无');
  return `${group.label}骏马：${names(group.top)}；蜗牛：${names(group.bottom)}。`;
}

/**
 * Where the signature sits, in the GB/T 9704 way for a bulletin without a seal: the issuer ends two
 * characters from the right margin and the date starts two characters right of the issuer's first
 * character; a date longer than that pushes the issuer left instead. Widths and results in em.
 */
export function signatureRightIndents(issuerEm: number, dateEm: number): { issuer: number; date: number } {
  const date = Math.max(2, issuerEm - dateEm);
  return { issuer: date + dateEm + 2 - issuerEm, date };
}

/** Width in em of text set in a CJK font, roughly: Latin letters and digits half, everything else (arrows, dashes, 汉字) full. */
export function emWidth(text: string): number {
  let em = 0;
  for (const ch of text) em += ch.charCodeAt(0) < 0x100 ? 0.5 : 1;
  return em;
}

/** A header cell placed on the column grid: its first row and column, and how far it spans. */
export interface PlacedHeaderCell {
  cell: TableCell;
  row: number;
  col: number;
  colSpan: number;
  rowSpan: number;
}

/** Places header cells on the column grid as HTML does, skipping slots taken by cells spanning down from above. */
export function placeHeader(rows: TableCell[][]): PlacedHeaderCell[] {
  const taken = new Set<string>();
  const placed: PlacedHeaderCell[] = [];
  rows.forEach((cells, row) => {
    let col = 0;
    for (const cell of cells) {
      while (taken.has(`${row}:${col}`)) col++;
      const [colSpan, rowSpan] = [cell.colSpan ?? 1, cell.rowSpan ?? 1];
      for (let r = row; r < row + rowSpan; r++) for (let c = col; c < col + colSpan; c++) taken.add(`${r}:${c}`);
      placed.push({ cell, row, col, colSpan, rowSpan });
      col += colSpan;
    }
  });
  return placed;
}

const TOWNSHIPS = [
  '兰江街道',
  '云山街道',
  '上华街道',
  '永昌街道',
  '赤溪街道',
  '女埠街道',
  '游埠镇',
  '诸葛镇',
  '黄店镇',
  '香溪镇',
  '马涧镇',
  '梅江镇',
  '横溪镇',
  '灵洞乡',
  '水亭畲族乡',
  '柏社乡',
];
const PROJECT_NAMES = [
  '年产5万吨差别化纤维项目',
  '城东安置房工程',
  '光学膜产业园二期',
  '兰江防洪堤提升改造工程',
  '智能装备制造基地',
  '未来社区建设项目',
  '农村饮用水达标提标工程',
  '冷链物流中心',
  '中医院迁建工程',
  '产业园区标准厂房',
];
const REASONS = [
  '计划开工月份已过3个月仍未开工',
  '投资完成进度落后序时进度32个百分点',
  '连续两个月未报送月报',
  '施工许可超计划办结时间18天',
  '涉企问题超期7个工作日未办结',
  '签约后超过承诺期限仍未开工',
];
const INDICATORS: Record<string, BulletinGroup['indicators']> = {
  '乡镇（街道）': [
    { label: '固定资产投资完成率', unit: '%', weight: 40 },
    { label: '项目开工率', unit: '%', weight: 30 },
    { label: '招商引资到位资金', unit: '亿元', weight: 20 },
    { label: '涉企问题办结率', unit: '%', weight: 10 },
  ],
  市级部门: [
    { label: '牵头项目投资完成率', unit: '%', weight: 50 },
    { label: '审批事项按时办结率', unit: '%', weight: 30 },
    { label: '月报按时报送率', unit: '%', weight: 20 },
  ],
  功能平台: [
    { label: '固定资产投资完成率', unit: '%', weight: 40 },
    { label: '亿元以上项目签约', unit: '个', weight: 30 },
    { label: '亩均税收', unit: '万元/亩', weight: 30 },
  ],
};

const COMMENTARY = `一、总体情况
2026年1—10月，全市纳入项目绩效晾晒的重大项目共计286个，完成投资186.4亿元，占年度计划的84.7%，高于序时进度1.4个百分点。其中，乡镇（街道）组完成率前三位为兰江街道、云山街道、上华街道，市级部门组完成率前三位为市发改局、市经信局、市住建局。

二、存在问题
部分项目开工滞后，本月共有红灯项目若干个，主要集中在政策处理、审批进度和要素保障等方面。个别单位月报报送不及时、数据不准确，影响了晾晒结果的客观性。

三、下步要求
（一）压实工作责任
各单位要对照排名找差距，主要负责人要亲自研究红灯项目，逐个制定整改措施，明确责任人和完成时限。
（二）加快项目推进
对亮红灯的项目，由市项目绩效办实行清单化管理，每周跟踪、每月晾晒，整改不力的予以通报约谈。`;

/**
 * A realistic bulletin with `size` units (default 29: 16 乡镇（街道）, 10 departments, 3 platforms)
 * and some red projects, the same for the same size. Extra units get numbered names.
 */
export function sampleBulletinDocument(size = 29): BulletinDocument {
  const rng = createRng(20261105 + size);
  const platforms = Math.min(3, Math.max(1, Math.round(size * 0.1)));
  const townships = Math.max(1, Math.round((size - platforms) * 0.6));
  const departments = Math.max(1, size - platforms - townships);
  const named = (pool: readonly string[], n: number, extra: (i: number) => string) =>
    Array.from({ length: n }, (_, i) => pool[i] ?? extra(i - pool.length + 1));
  const groups = [
    sampleGroup(
      rng,
      '乡镇（街道）',
      named(TOWNSHIPS, townships, (i) => `新城${i}社区`),
      3,
    ),
    sampleGroup(
      rng,
      '市级部门',
      named(DEMO_DEPARTMENTS, departments, (i) => `市直第${i}工作专班`),
      3,
    ),
    sampleGroup(
      rng,
      '功能平台',
      named(DEMO_PLATFORMS, platforms, (i) => `兰溪第${i}产业园`),
      1,
    ),
  ];
  const units = groups.flatMap((g) => g.rows.map((r) => r.unitName));
  const redProjects = Array.from({ length: Math.max(3, Math.round(size / 6)) }, (_, i) => ({
    name: `兰溪市${PROJECT_NAMES[i % PROJECT_NAMES.length]}${i >= PROJECT_NAMES.length ? `（${Math.floor(i / PROJECT_NAMES.length) + 1}期）` : ''}`,
    unitName: rng.pick(units),
    reasons: rng.shuffle(REASONS).slice(0, rng.int(1, 3)),
  }));
  return {
    title: '兰溪市2026年10月项目绩效晾晒通报',
    issuer: '兰溪市项目绩效年活动领导小组办公室',
    docNumber: '兰项绩办〔2026〕3号',
    publishedAt: '2026-11-05',
    issuedAt: '2026-11-05T02:30:00.000Z',
    periodLabel: '2026年10月',
    commentary: COMMENTARY.replace('若干个', `${redProjects.length}个`),
    groups,
    redProjects,
  };
}

function sampleGroup(
  rng: ReturnType<typeof createRng>,
  label: string,
  unitNames: string[],
  named: number,
): BulletinGroup {
  const indicators = INDICATORS[label]!;
  const scored = unitNames.map((unitName) => {
    const cells = indicators.map((ind) => {
      const ratio = rng.between(0.55, 1.15);
      const target = ind.unit === '%' ? 100 : rng.int(2, 20);
      const score = Math.min(ratio, 1.1) * ind.weight;
      // As the presenter writes them: money to two decimals, percents to one, counts whole.
      const value =
        ind.unit === '亿元'
          ? formatYi(Math.round(ratio * target * 1e8))
          : ind.unit === '个'
            ? String(roundHalfUp(ratio * target, 0))
            : formatPoints(ratio * target);
      return { value, target: String(target), score: formatScore(score), points: score };
    });
    return { unitName, cells, total: cells.reduce((sum, c) => sum + c.points, 0) };
  });
  scored.sort((a, b) => b.total - a.total);
  const rows = scored.map((s, i) => ({
    rank: i + 1,
    rankChange: rng.chance(0.1) ? null : rng.int(-3, 3),
    unitName: s.unitName,
    total: Math.round(s.total * 100) / 100,
    cells: s.cells.map(({ value, target, score }) => ({ value, target, score })),
  }));
  const n = Math.min(named, Math.floor(rows.length / 2));
  return {
    label,
    indicators,
    rows,
    top: rows.slice(0, n).map((r) => r.unitName),
    bottom: rows.slice(rows.length - n).map((r) => r.unitName),
  };
}
