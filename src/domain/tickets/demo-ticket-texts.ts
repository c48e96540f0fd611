/**
 * The words of the demo county's tickets (demo-tickets.ts): how a problem is written down (the problems
 * themselves by category in demo-ticket-problems-site.ts and -business.ts), the reasons for not taking one
 * on, what a raiser says rating or reopening, the office's notes. Short, concrete, in the words a 企业 and
 * a 乡镇 use. In a problem, `{p}` stands for the name of the enterprise's project, `{n}` for a number drawn
 * from the problem's range (the same one throughout a ticket). Invented: any likeness to a real case is
 * accidental.
 */
import type { TicketCategory } from './categories.ts';
import type { Complexity } from './sla.ts';

export interface DemoTicketText {
  title: string;
  description: string;
  complexity: Complexity;
  /** Reads only with a project ({p}). */
  project?: boolean;
  /** The range `{n}` is drawn from. */
  n?: readonly [number, number];
  /** The departments that help (co-units, 协办), by name; the first may handle it alone. */
  departments?: readonly string[];
  /** Interim replies (阶段答复) of the handling unit. */
  replies: readonly string[];
  /** The answer that settles it (办结答复). */
  answers: readonly string[];
}

/** The departments that help with the problems, by their names in the demo county (DEMO_DEPARTMENTS). */
export const UNIT = {
  资规: '市自然资源和规划局',
  发改: '市发改局',
  经信: '市经信局',
  财政: '市财政局',
  住建: '市住建局',
  交通: '市交通运输局',
  水务: '市水务局',
  教育: '市教育局',
  执法: '市综合行政执法局',
  投促: '市投资促进中心',
  环境: '金华市生态环境局兰溪分局',
} as const;

/** Problems the office does not take on, each with the reason it gives (不予受理). */
export const DEMO_REJECTED: readonly {
  category: TicketCategory;
  title: string;
  description: string;
  reason: string;
}[] = [
  {
    category: 'funds',
    title: '合作方拖欠货款',
    description: '合作方拖欠我司货款八十多万元，多次催讨都没结果，请政府出面帮忙追讨。',
    reason: '属企业与合作方之间的合同纠纷，不在涉企问题受理范围，建议通过诉讼或仲裁解决。',
  },
  {
    category: 'hiring',
    title: '离职员工索要补偿',
    description: '一名离职员工要求支付经济补偿，我们认为不合理，请政府帮忙协调。',
    reason: '属劳动争议，请向市劳动人事争议仲裁委员会申请仲裁，乡镇可提供调解指导。',
  },
  {
    category: 'funds',
    title: '申请减免房产税',
    description: '今年利润下滑厉害，希望减免今年的房产税和城镇土地使用税。',
    reason: '减免诉求超出现行政策规定，不予受理，已向企业解释困难减免的申请条件。',
  },
  {
    category: 'other',
    title: '反映问题不具体',
    description: '办事太难了，希望改进。',
    reason: '问题描述不清，无法确定具体事项，请补充涉及的项目和具体诉求后重新提出。',
  },
  {
    category: 'land',
    title: '用地指标（重复提出）',
    description: '用地指标的事情还没解决，再报一次。',
    reason: '与已受理的问题重复，已并入原问题一并办理。',
  },
];

/** The second answer, after a reopening: what the handler did more. */
export const DEMO_FOLLOW_UPS: readonly string[] = [
  '针对企业再次反映的问题，会同相关部门再次上门对接，已明确具体办理时间节点，落实专人跟踪到底。',
  '已再次协调，剩余事项列出清单逐项销号，每周向企业反馈一次进度。',
];

/** Why a raiser asks again (重新办理): the answer did not settle it. */
export const DEMO_REOPEN_TEXTS: readonly string[] = [
  '答复说已经协调好了，但实际还没有落实，请再跟进。',
  '答复里的时间节点已经过了，问题还是没解决。',
  '只解决了一部分，剩下的还卡着，请继续协调。',
];

/** What the raiser adds to a rating: the enterprise itself, or whoever raised it for the enterprise after a call. */
export const DEMO_RATING_TEXTS = {
  enterprise: {
    satisfied: ['问题解决了，感谢！', '办得很快，满意。', ''],
    fair: ['基本解决了，希望后续继续跟进。'],
    unsatisfied: ['答复没有解决实际问题。'],
  },
  onBehalf: {
    satisfied: ['电话回访企业，企业表示满意。', '回访企业，问题已解决。'],
    fair: ['回访企业，基本满意，后续继续跟踪。'],
    unsatisfied: ['回访企业，企业对办理结果不满意，已做好解释。'],
  },
} as const;

/** The office's internal notes (内部备注): never shown to the enterprise. */
export const DEMO_NOTES: readonly string[] = [
  '请乡镇本周内上门对接企业。',
  '涉及多个部门，下周例会专题研究。',
  '企业情绪较大，注意沟通方式。',
];

export const DEMO_EXTENSION = {
  request: '涉及多个部门会审，需延期办理。',
  grant: '同意延期一次，请抓紧办理。',
};

/** How the one who writes the problem down for the enterprise begins. */
export const DEMO_ON_BEHALF = {
  township: ['走访企业了解到：', '企业来电反映：', '企业反映：'],
  office: ['项目协调周例会上企业反映：'],
} as const;
