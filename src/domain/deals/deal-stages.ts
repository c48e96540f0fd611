/**
 * The stages of an investment-attraction deal (招商, DESIGN §3.7) and the moves between them, as data:
 *
 *   线索 lead → 研判 assessing → 在谈 negotiating → 签约 signed → 落地 landed (converted into a project)
 *
 * One step forward at a time; one step back among the three open stages (a lead assessed too early goes
 * back to 线索); an open deal may be shelved (搁置) or terminated (终止) with a reason; a shelved deal
 * resumes only at the stage it was shelved from, so the funnel never gains a stage nobody worked through;
 * a signed contract may still be cancelled (terminated); landed and terminated are final.
 *
 * checkMove says whether a move may be made with what it carries, naming the request field at fault, so
 * the service refuses it before anything is written and the form marks the field.
 */
import type { LocalisedText } from '../lights/types.ts';
import { MAX_YUAN } from '../money/money.ts';

export const DEAL_STAGES = ['lead', 'assessing', 'negotiating', 'signed', 'landed', 'shelved', 'terminated'] as const;
export type DealStage = (typeof DEAL_STAGES)[number];

/** Whether a value is one of the stages (a stored or requested stage is checked with it). */
export function isDealStage(x: unknown): x is DealStage {
  return typeof x === 'string' && (DEAL_STAGES as readonly string[]).includes(x);
}

/** The stages' names as people read them. */
export const DEAL_STAGE_LABELS: Record<DealStage, LocalisedText> = {
  lead: { 'zh-CN': '线索', en: 'Lead' },
  assessing: { 'zh-CN': '研判', en: 'Assessing' },
  negotiating: { 'zh-CN': '在谈', en: 'Negotiating' },
  signed: { 'zh-CN': '签约', en: 'Signed' },
  landed: { 'zh-CN': '落地', en: 'Landed' },
  shelved: { 'zh-CN': '搁置', en: 'Shelved' },
  terminated: { 'zh-CN': '终止', en: 'Terminated' },
};

/** The funnel's stages in order: the way forward, without the side exits. */
export const PIPELINE_STAGES: readonly DealStage[] = ['lead', 'assessing', 'negotiating', 'signed', 'landed'];

/** The stages in which a deal's clocks run (respond, assess, feedback, follow-up). */
export const OPEN_DEAL_STAGES: readonly DealStage[] = ['lead', 'assessing', 'negotiating'];

/** The stages a deal may end in: nothing moves it on from there. */
export const FINAL_DEAL_STAGES: readonly DealStage[] = ['landed', 'terminated'];

/**
 * Where a deal may go from each stage. From `shelved` the three open stages are candidates, of which
 * allowedMoves keeps only the one the deal was shelved from.
 */
export const DEAL_MOVES: Record<DealStage, readonly DealStage[]> = {
  lead: ['assessing', 'shelved', 'terminated'],
  assessing: ['negotiating', 'lead', 'shelved', 'terminated'],
  negotiating: ['signed', 'assessing', 'shelved', 'terminated'],
  signed: ['landed', 'terminated'],
  landed: [],
  shelved: ['lead', 'assessing', 'negotiating', 'terminated'],
  terminated: [],
};

/**
 * The stages a deal in `from` may move to: allowedMoves('shelved', 'assessing') → ['assessing',
 * 'terminated']. A shelved deal with no stage recorded may only be terminated.
 */
export function allowedMoves(from: DealStage, shelvedFrom: DealStage | null): DealStage[] {
  const moves = DEAL_MOVES[from];
  if (from !== 'shelved') return [...moves];
  return moves.filter((to) => !OPEN_DEAL_STAGES.includes(to) || to === shelvedFrom);
}

/** What a move carries: the stage it goes to and what that stage needs (a reason, the contract, the landing). */
export interface DealMoveInput {
  to: DealStage;
  reason?: string | null;
  signedOn?: string | null;
  signedAmountYuan?: number | null;
  landedOn?: string | null;
}

/** The deal as it stands before the move, and today's county-local date. */
export interface DealMoveContext {
  from: DealStage;
  shelvedFrom: DealStage | null;
  today: string;
  investorName: string | null;
  /** Whether the signed deal has been converted into a project (转入项目库). */
  converted: boolean;
  /** The deal's stored sign date, which a landing may not precede. */
  signedOn: string | null;
}

/** Why a move is refused: the request field at fault ('to', 'reason', 'signedOn', …) and the words. */
export interface MoveRefusal {
  field: string;
  message: LocalisedText;
}

/** True for a real calendar date written 'YYYY-MM-DD' ('2026-02-30' is not one). */
export function isCalendarDate(x: unknown): x is string {
  if (typeof x !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(x)) return false;
  const ms = Date.UTC(Number(x.slice(0, 4)), Number(x.slice(5, 7)) - 1, Number(x.slice(8, 10)));
  return new Date(ms).toISOString().slice(0, 10) === x;
}

const refuse = (field: string, zh: string, en: string): MoveRefusal => ({ field, message: { 'zh-CN': zh, en } });
const zhOf = (s: DealStage) => `「${DEAL_STAGE_LABELS[s]['zh-CN']}」`;
const enOf = (s: DealStage) => DEAL_STAGE_LABELS[s].en;

/** The refusal of a move `allowedMoves` does not offer, in the words that say why. */
function wrongMove(to: DealStage, ctx: DealMoveContext): MoveRefusal {
  if (to === ctx.from) return refuse('to', `已处于${zhOf(to)}阶段`, `The deal is already at ${enOf(to)}`);
  if (ctx.from === 'shelved' && ctx.shelvedFrom && OPEN_DEAL_STAGES.includes(to))
    return refuse(
      'to',
      `搁置前为${zhOf(ctx.shelvedFrom)}，只能恢复到${zhOf(ctx.shelvedFrom)}`,
      `A shelved deal resumes at ${enOf(ctx.shelvedFrom)}, where it was shelved`,
    );
  return refuse(
    'to',
    `不能从${zhOf(ctx.from)}直接转为${zhOf(to)}`,
    `A deal cannot move from ${enOf(ctx.from)} to ${enOf(to)}`,
  );
}

/** A date the move needs: present, real, not after today, and not before `notBefore` when given. */
function checkDate(
  field: string,
  value: string | null | undefined,
  today: string,
  what: { zh: string; en: string },
  notBefore?: { date: string | null; zh: string; en: string },
): MoveRefusal | null {
  if (value == null || value === '') return refuse(field, `请填写${what.zh}`, `Enter the ${what.en}`);
  if (!isCalendarDate(value)) return refuse(field, `${what.zh}不是有效日期`, `The ${what.en} is not a valid date`);
  if (value > today) return refuse(field, `${what.zh}不能晚于今天`, `The ${what.en} cannot be later than today`);
  if (notBefore?.date && value < notBefore.date)
    return refuse(field, `${what.zh}不能早于${notBefore.zh}`, `The ${what.en} cannot be before the ${notBefore.en}`);
  return null;
}

/**
 * Whether `input` may move the deal described by `ctx`, or the first thing that stops it:
 * - the move itself ('to'): “不能从「线索」直接转为「签约」”;
 * - to 搁置 or 终止, a reason ('reason');
 * - to 签约, the investor (“签约前请填写投资方”, 'investorName'), the sign date, a real date not after
 *   today ('signedOn'), and the signed amount, whole 元 ≥ 0 ('signedAmountYuan');
 * - to 落地, the conversion into a project (“请先将签约项目转入项目库”, 'projectId') and the landing date,
 *   not after today nor before the sign date ('landedOn').
 */
export function checkMove(input: DealMoveInput, ctx: DealMoveContext): MoveRefusal | null {
  const { to } = input;
  if (!isDealStage(to)) return refuse('to', '未知的阶段', 'Unknown stage');
  if (!allowedMoves(ctx.from, ctx.shelvedFrom).includes(to)) return wrongMove(to, ctx);

  if (to === 'shelved' || to === 'terminated') {
    if (!(input.reason ?? '').trim())
      return to === 'shelved'
        ? refuse('reason', '请填写搁置原因', 'Enter why the deal is shelved')
        : refuse('reason', '请填写终止原因', 'Enter why the deal is terminated');
  }

  if (to === 'signed') {
    if (!(ctx.investorName ?? '').trim())
      return refuse('investorName', '签约前请填写投资方', 'Enter the investor before signing');
    const signedOn = checkDate('signedOn', input.signedOn, ctx.today, { zh: '签约日期', en: 'signing date' });
    if (signedOn) return signedOn;
    const amount = input.signedAmountYuan;
    if (amount == null) return refuse('signedAmountYuan', '请填写签约金额', 'Enter the signed amount');
    if (!Number.isSafeInteger(amount) || amount < 0 || amount > MAX_YUAN)
      return refuse(
        'signedAmountYuan',
        '签约金额应为不小于 0 的整数元',
        'The signed amount must be a whole number of yuan, 0 or more',
      );
  }

  if (to === 'landed') {
    if (!ctx.converted)
      return refuse('projectId', '请先将签约项目转入项目库', 'Convert the signed deal into a project first');
    const landedOn = checkDate(
      'landedOn',
      input.landedOn,
      ctx.today,
      { zh: '落地日期', en: 'landing date' },
      { date: ctx.signedOn, zh: '签约日期', en: 'signing date' },
    );
    if (landedOn) return landedOn;
  }
  return null;
}
