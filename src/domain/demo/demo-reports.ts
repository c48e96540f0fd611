import { createRng } from './random.ts';
import { submitDeadline } from '../reports/report-rules.ts';

/** What the report generator needs to know of a demo project. */
export interface DemoReportProject {
  /** Index into the caller's list, to link reports back. */
  index: number;
  stage: string;
  actualStartDate: string | null;
  /** The annual plan of the reporting year in 元, or null. */
  annualPlanYuan: number | null;
}

export interface DemoReport {
  index: number;
  year: number;
  month: number;
  amountYuan: number;
  state: 'approved' | 'submitted' | 'draft';
  /** The day it was submitted (YYYY-MM-DD), null for drafts. */
  submittedOn: string | null;
  isLate: boolean;
  progressText: string;
  problems: string;
}

type Pattern = 'onTrack' | 'lagging' | 'neverReports' | 'oftenLate';

const PROGRESS = ['桩基施工', '主体结构施工', '设备安装调试', '室外配套施工', '装饰装修', '土方开挖'];
const PREPARING = ['方案设计', '用地报批', '环评编制', '施工图审查', '招标准备'];
const PROBLEMS = ['', '', '', '政策处理进度滞后', '施工许可待办', '资金到位慢', '用地指标待落实'];

const pad = (n: number) => String(n).padStart(2, '0');

/** The year whose past months the demo reports: this year, or in January the whole of last year. */
export function demoReportPeriod(today: string): { year: number; lastMonth: number } {
  const year = Number(today.slice(0, 4));
  const month = Number(today.slice(5, 7));
  return month > 1 ? { year, lastMonth: month - 1 } : { year: year - 1, lastMonth: 12 };
}

/**
 * Monthly reports for the demo county's past months of `today`'s year, with realistic patterns:
 * most projects on track, some lagging behind 序时进度, a few that never report, some that report
 * late. The last complete month is partly still under review. Deterministic for a seed.
 */
export function generateDemoReports(projects: DemoReportProject[], today: string, seed: number): DemoReport[] {
  const rng = createRng(seed ^ 0x5eed);
  const { year, lastMonth } = demoReportPeriod(today);
  const out: DemoReport[] = [];
  for (const p of projects) {
    // 前期 projects report too (DESIGN §3.3), with small amounts for design and site work.
    const preparing = p.stage === 'preparing';
    if (!preparing && (!p.annualPlanYuan || !['construction', 'completed', 'production'].includes(p.stage) || !p.actualStartDate)) continue;
    const pattern = rng.weighted<Pattern>([['onTrack', 70], ['lagging', 15], ['neverReports', 5], ['oftenLate', 10]]);
    if (pattern === 'neverReports') continue;
    const startMonth = p.actualStartDate?.startsWith(`${year}-`) ? Number(p.actualStartDate.slice(5, 7)) : 1;
    for (let month = startMonth; month <= lastMonth; month++) {
      const pace = pattern === 'lagging' ? rng.between(0.25, 0.6) : rng.between(0.85, 1.25);
      const amountYuan = preparing ? rng.int(0, 30) * 10_000 : Math.round(((p.annualPlanYuan ?? 0) / 12) * pace / 10_000) * 10_000;
      const deadline = submitDeadline(year, month);
      const late = pattern === 'oftenLate' ? rng.chance(0.6) : rng.chance(0.05);
      const submittedOn = late ? `${deadline.slice(0, 8)}${pad(Number(deadline.slice(8)) + rng.int(2, 9))}` : `${deadline.slice(0, 8)}${pad(rng.int(1, Number(deadline.slice(8))))}`;
      const recent = month === lastMonth;
      const state = recent && rng.chance(0.3) ? (rng.chance(0.3) ? 'draft' : 'submitted') : 'approved';
      out.push({
        index: p.index,
        year,
        month,
        amountYuan,
        state,
        submittedOn: state === 'draft' ? null : submittedOn,
        isLate: state !== 'draft' && late,
        progressText: preparing ? rng.pick(PREPARING) : rng.pick(PROGRESS),
        problems: pattern === 'lagging' ? rng.pick(PROBLEMS.filter(Boolean)) : rng.pick(PROBLEMS),
      });
    }
  }
  return out;
}
