import { describe, expect, it } from 'vitest';
import {
  allowedMoves,
  checkMove,
  DEAL_STAGE_LABELS,
  DEAL_STAGES,
  isCalendarDate,
  isDealStage,
  type DealMoveContext,
  type DealMoveInput,
  type DealStage,
} from './deal-stages.ts';

/** A move that carries everything any stage needs, so only the move itself can be refused. */
const complete = (to: DealStage): DealMoveInput => ({
  to,
  reason: '投资方战略调整',
  signedOn: '2026-09-30',
  signedAmountYuan: 300_000_000,
  landedOn: '2026-10-12',
});

const context = (from: DealStage, patch: Partial<DealMoveContext> = {}): DealMoveContext => ({
  from,
  // A shelved deal of this table was shelved while 在谈.
  shelvedFrom: from === 'shelved' ? 'negotiating' : null,
  today: '2026-10-12',
  investorName: '宁波某智能装备有限公司',
  converted: true,
  signedOn: '2026-09-30',
  ...patch,
});

describe('every move between two stages', () => {
  // 7 × 7 = 49 pairs; ok = the move is allowed, 'to' = refused for the stage asked.
  const table: [DealStage, DealStage, 'ok' | 'to'][] = [
    ['lead', 'lead', 'to'],
    ['lead', 'assessing', 'ok'],
    ['lead', 'negotiating', 'to'],
    ['lead', 'signed', 'to'],
    ['lead', 'landed', 'to'],
    ['lead', 'shelved', 'ok'],
    ['lead', 'terminated', 'ok'],
    ['assessing', 'lead', 'ok'],
    ['assessing', 'assessing', 'to'],
    ['assessing', 'negotiating', 'ok'],
    ['assessing', 'signed', 'to'],
    ['assessing', 'landed', 'to'],
    ['assessing', 'shelved', 'ok'],
    ['assessing', 'terminated', 'ok'],
    ['negotiating', 'lead', 'to'],
    ['negotiating', 'assessing', 'ok'],
    ['negotiating', 'negotiating', 'to'],
    ['negotiating', 'signed', 'ok'],
    ['negotiating', 'landed', 'to'],
    ['negotiating', 'shelved', 'ok'],
    ['negotiating', 'terminated', 'ok'],
    // A signed contract lands or is cancelled; it does not go back to the talks nor is it shelved.
    ['signed', 'lead', 'to'],
    ['signed', 'assessing', 'to'],
    ['signed', 'negotiating', 'to'],
    ['signed', 'signed', 'to'],
    ['signed', 'landed', 'ok'],
    ['signed', 'shelved', 'to'],
    ['signed', 'terminated', 'ok'],
    ['landed', 'lead', 'to'],
    ['landed', 'assessing', 'to'],
    ['landed', 'negotiating', 'to'],
    ['landed', 'signed', 'to'],
    ['landed', 'landed', 'to'],
    ['landed', 'shelved', 'to'],
    ['landed', 'terminated', 'to'],
    // Shelved while 在谈: it resumes there, or is terminated.
    ['shelved', 'lead', 'to'],
    ['shelved', 'assessing', 'to'],
    ['shelved', 'negotiating', 'ok'],
    ['shelved', 'signed', 'to'],
    ['shelved', 'landed', 'to'],
    ['shelved', 'shelved', 'to'],
    ['shelved', 'terminated', 'ok'],
    ['terminated', 'lead', 'to'],
    ['terminated', 'assessing', 'to'],
    ['terminated', 'negotiating', 'to'],
    ['terminated', 'signed', 'to'],
    ['terminated', 'landed', 'to'],
    ['terminated', 'shelved', 'to'],
    ['terminated', 'terminated', 'to'],
  ];

  it('lists each pair once', () => {
    expect(new Set(table.map(([from, to]) => `${from}→${to}`)).size).toBe(DEAL_STAGES.length ** 2);
  });

  it.each(table)('%s → %s: %s', (from, to, expected) => {
    const refusal = checkMove(complete(to), context(from));
    expect(refusal?.field ?? 'ok').toBe(expected);
    expect(allowedMoves(from, context(from).shelvedFrom).includes(to)).toBe(expected === 'ok');
  });
});

describe('what a refused move says', () => {
  it.each<[DealStage, DealStage | null, DealStage, string, string]>([
    ['lead', null, 'signed', '不能从「线索」直接转为「签约」', 'A deal cannot move from Lead to Signed'],
    ['landed', null, 'terminated', '不能从「落地」直接转为「终止」', 'A deal cannot move from Landed to Terminated'],
    ['assessing', null, 'assessing', '已处于「研判」阶段', 'The deal is already at Assessing'],
    [
      'shelved',
      'assessing',
      'negotiating',
      '搁置前为「研判」，只能恢复到「研判」',
      'A shelved deal resumes at Assessing, where it was shelved',
    ],
  ])('%s (shelved from %s) → %s: %s', (from, shelvedFrom, to, zh, en) => {
    expect(checkMove(complete(to), context(from, { shelvedFrom }))).toEqual({
      field: 'to',
      message: { 'zh-CN': zh, en },
    });
  });

  it('refuses a stage that is not one', () => {
    expect(checkMove({ to: 'won' as DealStage }, context('lead'))?.field).toBe('to');
  });
});

describe('a shelved deal resumes where it was shelved', () => {
  it.each<[DealStage | null, DealStage[]]>([
    ['lead', ['lead', 'terminated']],
    ['assessing', ['assessing', 'terminated']],
    ['negotiating', ['negotiating', 'terminated']],
    // No stage recorded (an old row): it can only be terminated.
    [null, ['terminated']],
  ])('shelved from %s → %j', (shelvedFrom, moves) => {
    expect(allowedMoves('shelved', shelvedFrom)).toEqual(moves);
  });

  it('offers the other stages their moves forward first', () => {
    expect(allowedMoves('lead', null)).toEqual(['assessing', 'shelved', 'terminated']);
    expect(allowedMoves('negotiating', null)).toEqual(['signed', 'assessing', 'shelved', 'terminated']);
    expect(allowedMoves('signed', null)).toEqual(['landed', 'terminated']);
    expect(allowedMoves('terminated', null)).toEqual([]);
  });
});

describe('what each stage needs', () => {
  it.each<[string, DealStage, DealMoveInput, Partial<DealMoveContext>, string | null, string | null]>([
    // Shelving and terminating need a reason.
    ['shelving without a reason', 'negotiating', { to: 'shelved' }, {}, 'reason', '请填写搁置原因'],
    ['shelving with blanks only', 'lead', { to: 'shelved', reason: '  \n' }, {}, 'reason', '请填写搁置原因'],
    ['shelving with a reason', 'lead', { to: 'shelved', reason: '企业暂缓投资计划' }, {}, null, null],
    ['terminating without a reason', 'signed', { to: 'terminated', reason: null }, {}, 'reason', '请填写终止原因'],
    ['terminating a cancelled contract', 'signed', { to: 'terminated', reason: '合同解除' }, {}, null, null],
    // Signing: the investor first, then the date, then the amount.
    [
      'signing with no investor',
      'negotiating',
      complete('signed'),
      { investorName: null },
      'investorName',
      '签约前请填写投资方',
    ],
    [
      'signing with a blank investor',
      'negotiating',
      complete('signed'),
      { investorName: ' ' },
      'investorName',
      '签约前请填写投资方',
    ],
    ['signing without a date', 'negotiating', { to: 'signed', signedAmountYuan: 1 }, {}, 'signedOn', '请填写签约日期'],
    [
      'signing on 2026-02-30',
      'negotiating',
      { to: 'signed', signedOn: '2026-02-30', signedAmountYuan: 1 },
      {},
      'signedOn',
      '签约日期不是有效日期',
    ],
    [
      'signing tomorrow',
      'negotiating',
      { to: 'signed', signedOn: '2026-10-13', signedAmountYuan: 1 },
      {},
      'signedOn',
      '签约日期不能晚于今天',
    ],
    [
      'signing today',
      'negotiating',
      { to: 'signed', signedOn: '2026-10-12', signedAmountYuan: 500_000_000 },
      {},
      null,
      null,
    ],
    [
      'signing without an amount',
      'negotiating',
      { to: 'signed', signedOn: '2026-10-12' },
      {},
      'signedAmountYuan',
      '请填写签约金额',
    ],
    [
      'signing for a negative amount',
      'negotiating',
      { to: 'signed', signedOn: '2026-10-12', signedAmountYuan: -1 },
      {},
      'signedAmountYuan',
      '签约金额应为不小于 0 的整数元',
    ],
    [
      'signing for a fraction of a 元',
      'negotiating',
      { to: 'signed', signedOn: '2026-10-12', signedAmountYuan: 0.5 },
      {},
      'signedAmountYuan',
      '签约金额应为不小于 0 的整数元',
    ],
    [
      'signing for more than 1 万亿元',
      'negotiating',
      { to: 'signed', signedOn: '2026-10-12', signedAmountYuan: 1_000_000_000_001 },
      {},
      'signedAmountYuan',
      '签约金额应为不小于 0 的整数元',
    ],
    // A framework agreement may carry no amount yet: 0 is an amount.
    ['signing for 0 元', 'negotiating', { to: 'signed', signedOn: '2026-10-12', signedAmountYuan: 0 }, {}, null, null],
    // Landing: the project first, then the date, not after today nor before the signing.
    [
      'landing before conversion',
      'signed',
      complete('landed'),
      { converted: false },
      'projectId',
      '请先将签约项目转入项目库',
    ],
    ['landing without a date', 'signed', { to: 'landed' }, {}, 'landedOn', '请填写落地日期'],
    ['landing tomorrow', 'signed', { to: 'landed', landedOn: '2026-10-13' }, {}, 'landedOn', '落地日期不能晚于今天'],
    [
      'landing the day before the signing',
      'signed',
      { to: 'landed', landedOn: '2026-09-29' },
      {},
      'landedOn',
      '落地日期不能早于签约日期',
    ],
    ['landing on the signing day', 'signed', { to: 'landed', landedOn: '2026-09-30' }, {}, null, null],
    // Moving forward and back among the open stages needs nothing.
    ['assessing a lead', 'lead', { to: 'assessing' }, {}, null, null],
    ['back to assessing', 'negotiating', { to: 'assessing' }, {}, null, null],
  ])('%s: %s', (_, from, input, patch, field, zh) => {
    const refusal = checkMove(input, context(from, patch));
    expect(refusal?.field ?? null).toBe(field);
    expect(refusal?.message['zh-CN'] ?? null).toBe(zh);
    if (refusal) expect(refusal.message.en).not.toBe('');
  });
});

describe('the stages and their names', () => {
  it.each([
    ['lead', true],
    ['landed', true],
    ['won', false],
    ['', false],
    [null, false],
    [3, false],
  ])('isDealStage(%o) is %s', (x, expected) => {
    expect(isDealStage(x)).toBe(expected);
  });

  it('names every stage in both languages', () => {
    expect(DEAL_STAGES.map((s) => DEAL_STAGE_LABELS[s]['zh-CN']).join('')).toBe('线索研判在谈签约落地搁置终止');
    for (const s of DEAL_STAGES) expect(DEAL_STAGE_LABELS[s].en).not.toBe('');
  });

  it.each([
    ['2026-10-12', true],
    ['2028-02-29', true],
    ['2026-02-29', false],
    ['2026-13-01', false],
    ['2026-1-01', false],
    [null, false],
  ])('isCalendarDate(%o) is %s', (x, expected) => {
    expect(isCalendarDate(x)).toBe(expected);
  });
});
