import { describe, expect, it } from 'vitest';
import { checkEntry, type DealEntryInput } from './deal-entry.ts';

const ctx = { today: '2026-12-08', investorName: '苏州精工装备股份有限公司' };
const at = (over: Partial<DealEntryInput> & Pick<DealEntryInput, 'stage'>): DealEntryInput => ({
  reason: null,
  signedOn: null,
  signedAmountYuan: null,
  ...over,
});

describe('entering a deal at a stage', () => {
  it.each([
    ['a lead', at({ stage: 'lead' })],
    ['a deal in talks', at({ stage: 'negotiating' })],
    ['a signed deal with its contract', at({ stage: 'signed', signedOn: '2026-03-02', signedAmountYuan: 150_000_000 })],
    ['a deal signed today', at({ stage: 'signed', signedOn: '2026-12-08', signedAmountYuan: 0 })],
    ['a shelved deal with its reason', at({ stage: 'shelved', reason: '企业资金链紧张，暂缓' })],
    ['a terminated deal with its reason', at({ stage: 'terminated', reason: '已落户外地' })],
  ])('lets %s in', (_what, input) => {
    expect(checkEntry(input, ctx)).toBeNull();
  });

  it.each([
    ['a signed deal without its date', at({ stage: 'signed', signedAmountYuan: 1 }), 'signedOn', '请填写签约日期'],
    [
      'a signed deal dated tomorrow',
      at({ stage: 'signed', signedOn: '2026-12-09', signedAmountYuan: 1 }),
      'signedOn',
      '签约日期不能晚于今天',
    ],
    [
      'a signed deal without its amount',
      at({ stage: 'signed', signedOn: '2026-03-02' }),
      'signedAmountYuan',
      '请填写签约金额',
    ],
    ['a shelved deal without a reason', at({ stage: 'shelved', reason: '  ' }), 'reason', '请填写搁置原因'],
    ['a terminated deal without a reason', at({ stage: 'terminated' }), 'reason', '请填写终止原因'],
    [
      'a landed deal (it needs its project first)',
      at({ stage: 'landed', signedOn: '2026-03-02', signedAmountYuan: 1 }),
      'projectId',
      '请先将签约项目转入项目库',
    ],
    [
      'a deal in talks with a sign date',
      at({ stage: 'negotiating', signedOn: '2026-03-02' }),
      'signedOn',
      '「在谈」的项目尚未签约，不应填写签约日期',
    ],
    ['a lead with a signed amount', at({ stage: 'lead', signedAmountYuan: 5 }), 'signedAmountYuan', '不应填写签约金额'],
  ])('refuses %s, naming the field', (_what, input, field, zh) => {
    const refusal = checkEntry(input, ctx);
    expect(refusal?.field).toBe(field);
    expect(refusal?.message['zh-CN']).toContain(zh);
    expect(refusal?.message.en).toBeTruthy();
  });

  it('needs the investor before a deal is entered as signed', () => {
    const refusal = checkEntry(at({ stage: 'signed', signedOn: '2026-03-02', signedAmountYuan: 1 }), {
      ...ctx,
      investorName: null,
    });
    expect(refusal).toMatchObject({ field: 'investorName', message: { 'zh-CN': '签约前请填写投资方' } });
  });
});
