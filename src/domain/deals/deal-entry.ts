/**
 * A deal entered at a stage other than 线索 (a ledger's 在谈 or 签约 rows): it carries what every move on
 * the way there needs, by the rules of deal-stages.ts — to 签约 the investor, the sign date and the amount;
 * to 搁置 or 终止 the reason; and 落地 is not reached without the project a signed deal converts into, so
 * nothing is entered as landed. What a stage has not reached yet (a sign date on a deal still 在谈) is not
 * entered either.
 *
 *   checkEntry({ stage: 'signed', signedOn: '2026-03-02', signedAmountYuan: 150_000_000 },
 *              { today: '2026-12-08', investorName: '苏州精工' })  → null
 *   checkEntry({ stage: 'signed', signedOn: null, … }, …)             → { field: 'signedOn', … 请填写签约日期 }
 */
import type { LocalisedText } from '../lights/types.ts';
import { checkMove, DEAL_STAGE_LABELS, type DealMoveInput, type DealStage, type MoveRefusal } from './deal-stages.ts';

/** The moves from 线索 a deal entered at each stage is taken to have made, in order. */
export const ENTRY_PATH: Record<DealStage, readonly DealStage[]> = {
  lead: [],
  assessing: ['assessing'],
  negotiating: ['assessing', 'negotiating'],
  signed: ['assessing', 'negotiating', 'signed'],
  landed: ['assessing', 'negotiating', 'signed', 'landed'],
  shelved: ['shelved'],
  terminated: ['terminated'],
};

/**
 * The stage a deal shelved on entry resumes at. Where it was shelved is not known: 线索, so that resuming
 * never gives the funnel a stage nobody worked through.
 */
export const SHELVED_ON_ENTRY_FROM: DealStage = 'lead';

/** What a deal entered at `stage` carries. */
export interface DealEntryInput extends Omit<DealMoveInput, 'to' | 'landedOn'> {
  stage: DealStage;
}

/** Today's county-local date, and the investor named. */
export interface DealEntryContext {
  today: string;
  investorName: string | null;
}

const refuse = (field: string, message: LocalisedText): MoveRefusal => ({ field, message });

/**
 * Whether a deal may be entered at `input.stage` with what it carries, or the first thing that stops it,
 * naming the field as checkMove does ('investorName', 'signedOn', 'signedAmountYuan', 'reason'; 'projectId'
 * for 落地, which needs the conversion first). A sign date or amount on a deal not signed is refused at
 * its field.
 */
export function checkEntry(input: DealEntryInput, ctx: DealEntryContext): MoveRefusal | null {
  const path = ENTRY_PATH[input.stage];
  if (!path.includes('signed')) {
    const stage = DEAL_STAGE_LABELS[input.stage];
    const early = (field: string, zh: string, en: string) =>
      refuse(field, {
        'zh-CN': `「${stage['zh-CN']}」的项目尚未签约，不应填写${zh}`,
        en: `A deal at ${stage.en} is not signed: leave the ${en} empty`,
      });
    if (input.signedOn != null && input.signedOn !== '') return early('signedOn', '签约日期', 'signing date');
    if (input.signedAmountYuan != null) return early('signedAmountYuan', '签约金额', 'signed amount');
  }
  let from: DealStage = 'lead';
  for (const to of path) {
    const refusal = checkMove(
      { ...input, to },
      {
        from,
        shelvedFrom: null,
        today: ctx.today,
        investorName: ctx.investorName,
        converted: false,
        signedOn: input.signedOn ?? null,
      },
    );
    if (refusal) return refusal;
    from = to;
  }
  return null;
}
