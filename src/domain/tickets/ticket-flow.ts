/**
 * The closed loop of an enterprise's problem (涉企问题, DESIGN §3.6), as data: the states a ticket goes
 * through, each step's states before and after, and which party may take it.
 *
 *   提出 raised → 受理 accepted (or 不予受理 rejected, with a reason) → 分派 handling (a handling unit, with
 *   co-units) → 办理 interim replies → 办结 answered → 评价 the raiser rates and confirms → closed,
 *   or reopens it → handling again.
 *
 * Parties rather than roles decide most steps: the office (coordinators) accepts and assigns; the handling
 * unit (an editor of it or of a co-unit, or the office) replies and answers; the raiser (the enterprise's
 * account, or the person who raised it for them) rates or reopens. Leaders and auditors read and act on
 * nothing. An enterprise account never reads an internal note.
 */
import type { Role } from '../access/roles.ts';
import type { LocalisedText } from '../lights/types.ts';

export const TICKET_STATES = ['raised', 'accepted', 'rejected', 'handling', 'answered', 'closed'] as const;
export type TicketState = (typeof TICKET_STATES)[number];

export const TICKET_STATE_LABELS: Record<TicketState, LocalisedText> = {
  raised: { 'zh-CN': '待受理', en: 'Raised' },
  accepted: { 'zh-CN': '待分派', en: 'Accepted' },
  rejected: { 'zh-CN': '不予受理', en: 'Rejected' },
  handling: { 'zh-CN': '办理中', en: 'Being handled' },
  answered: { 'zh-CN': '待评价', en: 'Answered' },
  closed: { 'zh-CN': '已办结', en: 'Closed' },
};

/** The states in which a ticket's clocks run and its light counts. */
export const OPEN_TICKET_STATES: readonly TicketState[] = ['raised', 'accepted', 'handling', 'answered'];

export const TICKET_STEPS = [
  'accept',
  'reject',
  'assign',
  'reply',
  'answer',
  'rate',
  'reopen',
  'note',
  'requestExtension',
  'decideExtension',
] as const;
export type TicketStep = (typeof TICKET_STEPS)[number];

export const TICKET_STEP_LABELS: Record<TicketStep | 'raise' | 'escalate' | 'attach', LocalisedText> = {
  raise: { 'zh-CN': '提出', en: 'Raised' },
  accept: { 'zh-CN': '受理', en: 'Accepted' },
  reject: { 'zh-CN': '不予受理', en: 'Rejected' },
  assign: { 'zh-CN': '分派', en: 'Assigned' },
  reply: { 'zh-CN': '阶段答复', en: 'Interim reply' },
  answer: { 'zh-CN': '办结答复', en: 'Answered' },
  rate: { 'zh-CN': '评价', en: 'Rated' },
  reopen: { 'zh-CN': '重新办理', en: 'Reopened' },
  note: { 'zh-CN': '内部备注', en: 'Internal note' },
  requestExtension: { 'zh-CN': '申请延期', en: 'Extension asked' },
  decideExtension: { 'zh-CN': '审批延期', en: 'Extension decided' },
  escalate: { 'zh-CN': '升级督办', en: 'Escalated' },
  attach: { 'zh-CN': '上传附件', en: 'Attached a file' },
};

/** Who takes part in a ticket: the project office, the handling unit, the one who raised it. */
export type TicketParty = 'office' | 'handler' | 'raiser';

interface StepRule {
  from: readonly TicketState[];
  /** The state after the step; null when the state does not change. */
  to: TicketState | null;
  parties: readonly TicketParty[];
  /** The step must say something (a reason, a reply, an answer). */
  needsText: boolean;
}

export const STEP_RULES: Record<TicketStep, StepRule> = {
  accept: { from: ['raised'], to: 'accepted', parties: ['office'], needsText: false },
  reject: { from: ['raised'], to: 'rejected', parties: ['office'], needsText: true },
  assign: { from: ['accepted', 'handling'], to: 'handling', parties: ['office'], needsText: false },
  reply: { from: ['handling'], to: null, parties: ['handler', 'office'], needsText: true },
  answer: { from: ['handling'], to: 'answered', parties: ['handler', 'office'], needsText: true },
  rate: { from: ['answered'], to: 'closed', parties: ['raiser'], needsText: false },
  reopen: { from: ['answered'], to: 'handling', parties: ['raiser'], needsText: true },
  note: {
    from: ['raised', 'accepted', 'handling', 'answered'],
    to: null,
    parties: ['office', 'handler'],
    needsText: true,
  },
  requestExtension: { from: ['handling'], to: null, parties: ['handler'], needsText: true },
  decideExtension: { from: ['handling'], to: null, parties: ['office'], needsText: false },
};

/** Who may raise a problem: an enterprise for itself, a unit's editor, the project office. */
export const RAISING_ROLES: readonly Role[] = ['enterprise', 'unit_editor', 'coordinator', 'admin'];

export const RATINGS = ['satisfied', 'fair', 'unsatisfied'] as const;
export type Rating = (typeof RATINGS)[number];
export const RATING_LABELS: Record<Rating, LocalisedText> = {
  satisfied: { 'zh-CN': '满意', en: 'Satisfied' },
  fair: { 'zh-CN': '基本满意', en: 'Fairly satisfied' },
  unsatisfied: { 'zh-CN': '不满意', en: 'Unsatisfied' },
};

/** After this many reopenings a ticket is escalated to the unit above and the patron leader. */
export const ESCALATE_AFTER_REOPENINGS = 2;

/** Why a step is refused: the state does not allow it, or the person is not a party that may take it. */
export type StepRefusal = 'WRONG_STATE' | 'NOT_A_PARTY' | 'TEXT_REQUIRED';

/**
 * Whether `parties` (what the acting person is to this ticket) may take `step` in `state` with `text`.
 * Checked by the service before anything is written; the page shows only the steps this allows.
 */
export function stepRefusal(
  step: TicketStep,
  state: TicketState,
  parties: ReadonlySet<TicketParty>,
  text: string | null | undefined,
): StepRefusal | null {
  const rule = STEP_RULES[step];
  if (!rule.parties.some((p) => parties.has(p))) return 'NOT_A_PARTY';
  if (!rule.from.includes(state)) return 'WRONG_STATE';
  if (rule.needsText && !(text ?? '').trim()) return 'TEXT_REQUIRED';
  return null;
}

/** The steps `parties` may take in `state` (text aside): the buttons a ticket's page offers. */
export function availableSteps(state: TicketState, parties: ReadonlySet<TicketParty>): TicketStep[] {
  return TICKET_STEPS.filter((step) => stepRefusal(step, state, parties, 'x') === null);
}

/**
 * What a person is to a ticket. The office: coordinators and admins. The handler: an editor of the handling
 * unit or a co-unit (or a unit above them). The raiser: the person who raised it, and the accounts of the
 * enterprise it concerns (a problem the office wrote down at a meeting is still the enterprise's to rate).
 */
export function partiesOf(
  actor: { id: number; role: Role; unitPath: string; enterpriseId?: number | null },
  ticket: {
    raisedBy: number;
    enterpriseId: number | null;
    handlerPaths: readonly string[];
  },
): Set<TicketParty> {
  const parties = new Set<TicketParty>();
  if (actor.role === 'coordinator' || actor.role === 'admin') parties.add('office');
  if (actor.role === 'unit_editor' && ticket.handlerPaths.some((p) => p.startsWith(actor.unitPath)))
    parties.add('handler');
  const sameEnterprise =
    actor.role === 'enterprise' && actor.enterpriseId != null && actor.enterpriseId === ticket.enterpriseId;
  if (actor.id === ticket.raisedBy || sameEnterprise) parties.add('raiser');
  return parties;
}
