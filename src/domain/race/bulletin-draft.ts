/**
 * The first draft of a race bulletin's commentary (通报, DESIGN §3.5), in the house style: four sections
 * — 一、总体情况, 二、各单位排名, 三、存在问题, 四、下步要求 — built from the ranking and the period's totals.
 * The coordinator edits it before publishing; this only spares them typing the numbers.
 */
import { formatMoney, type Yuan } from '../money/money.ts';
import { formatPoints, formatScore, gapToTimeProgress } from '../progress/time-progress.ts';
import type { GroupRanking, RaceRanking, RankingRow } from './ranking.ts';

export interface RedProjectLine {
  name: string;
  unitName: string;
  /** The light's reasons in words, most serious first; the draft quotes the first. */
  reasons: readonly string[];
}

export interface CommentaryInput {
  /** e.g. '某某县' */
  regionName: string;
  /** e.g. '2026年10月' or '2026年第三季度' */
  periodLabel: string;
  ranking: RaceRanking;
  totals: {
    planYuan: Yuan;
    completedYuan: Yuan;
    /** Year completion in percent (25 means 25%), unrounded. */
    completionPct: number;
    /** 序时进度 in percent, unrounded. */
    timePct: number;
  };
  redProjects: readonly RedProjectLine[];
}

/** How many red projects the draft names; the rest are counted. */
export const RED_PROJECTS_NAMED = 5;

const ORDINALS = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];
const ordinal = (i: number) => ORDINALS[i] ?? String(i + 1);

const section = ([heading, ...paragraphs]: string[]) => `${heading}\n${paragraphs.join('\n\n')}`;

/**
 * The commentary as plain text: each heading on its own line, followed by its paragraphs, every
 * paragraph set off by a blank line (the bulletin renderers split paragraphs on blank lines and take a
 * short line '一、…' as a heading), e.g. "一、总体情况\n截至2026年10月，
 * 某某县纳入调度的重点项目年度计划投资 12.00 亿元，累计完成投资 10.20 亿元，完成率 85.0%，
 * 序时进度 83.3%，超序时进度 1.7 个百分点。\n\n二、各单位排名…".
 */
export function draftCommentary(input: CommentaryInput): string {
  return [overview(input), rankingSection(input.ranking), problems(input), requirements()].map(section).join('\n\n');
}

function overview({ regionName, periodLabel, totals }: CommentaryInput): string[] {
  // Each figure is rounded once from the exact values, the gap too (DESIGN §3.12a).
  const completion = totals.completionPct;
  const time = totals.timePct;
  const gap = gapToTimeProgress(completion, time);
  const versus =
    gap > 0
      ? `超序时进度 ${formatPoints(gap)} 个百分点`
      : gap < 0
        ? `落后序时进度 ${formatPoints(-gap)} 个百分点`
        : '与序时进度持平';
  return [
    '一、总体情况',
    `截至${periodLabel}，${regionName}纳入调度的重点项目年度计划投资 ${formatMoney(totals.planYuan)}，累计完成投资 ${formatMoney(totals.completedYuan)}，` +
      `完成率 ${formatPoints(completion)}%，序时进度 ${formatPoints(time)}%，${versus}。`,
  ];
}

const named = (rows: readonly RankingRow[]) => rows.map((r) => `${r.name}（${formatScore(r.total)}分）`).join('、');

function groupParagraph(g: GroupRanking, i: number): string {
  const head = `（${ordinal(i)}）${g.label['zh-CN']}`;
  if (g.rows.length === 0) return `${head}：本期无参评单位。`;
  // Fewer units than the lists need (ranking.ts, isGroupTooSmall): the group is named, its lists are not.
  if (g.tooSmall) return `${head}（共 ${g.rows.length} 个单位参评）：本组参评单位较少，不通报“骏马”“蜗牛”。`;
  const parts = [
    g.top.length ? `综合得分排名靠前的“骏马”单位为${named(g.top)}` : '',
    g.bottom.length ? `排名靠后的“蜗牛”单位为${named(g.bottom)}` : '',
  ].filter(Boolean);
  const verdict = parts.length ? `${parts.join('；')}。` : '本期不通报“骏马”“蜗牛”单位。';
  return `${head}（共 ${g.rows.length} 个单位参评）：${verdict}`;
}

function rankingSection(ranking: RaceRanking): string[] {
  return ['二、各单位排名', ...ranking.groups.map(groupParagraph)];
}

function problems({ regionName, periodLabel, redProjects }: CommentaryInput): string[] {
  const heading = '三、存在问题';
  if (redProjects.length === 0) return [heading, `截至${periodLabel}，${regionName}无红灯项目。`];
  const units = new Set(redProjects.map((p) => p.unitName)).size;
  const listed = redProjects
    .slice(0, RED_PROJECTS_NAMED)
    .map((p, i) => `${i + 1}. ${p.name}（${p.unitName}）：${p.reasons[0] ?? '未注明原因'}。`);
  const rest = redProjects.length - listed.length;
  return [
    heading,
    `截至${periodLabel}，${regionName}共有红灯项目 ${redProjects.length} 个，涉及 ${units} 个单位。${listed.length < redProjects.length ? `现将其中 ${listed.length} 个通报如下：` : '具体如下：'}`,
    ...listed,
    ...(rest > 0 ? [`其余 ${rest} 个红灯项目详见红灯项目清单。`] : []),
  ];
}

function requirements(): string[] {
  return [
    '四、下步要求',
    '（一）压实工作责任。各单位主要负责同志要亲自研究、亲自调度，对照年度目标任务逐个项目梳理进度，被评为“蜗牛”的单位要深刻剖析原因，拿出切实可行的赶超措施。',
    '（二）加快红灯项目整改。对亮红灯的项目，责任单位要逐一分析原因，明确整改措施和完成时限，限期整改销号，确保项目按计划推进。',
    '（三）强化要素保障。县直相关部门要主动靠前服务，加快审批办理，协调解决用地、资金等制约项目推进的难点问题，确保全面完成全年目标任务。',
  ];
}
