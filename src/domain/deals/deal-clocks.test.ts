import { describe, expect, it } from 'vitest';
import {
  DEAL_CLOCK_LABELS,
  DEAL_CLOCKS,
  dealClockState,
  DEFAULT_DEAL_CLOCKS,
  runningDealClocks,
  type DealClockFacts,
  type DealDue,
} from './deal-clocks.ts';

// 2026: Mid-Autumn 09-25 (Fri) … 09-27 off; National Day 10-01 (Thu) … 10-07 off, Sunday 09-20 and
// Saturday 10-10 worked. An ordinary weekend: Saturday 03-07 and Sunday 03-08.
const facts = (patch: Partial<DealClockFacts>): DealClockFacts => ({
  stage: 'lead',
  createdOn: '2026-09-30',
  stageEnteredOn: '2026-09-30',
  firstActivityOn: null,
  lastActivityOn: null,
  ...patch,
});

describe('the clocks running for a deal (respond 1, assess 3, feedback 5, follow up 10 working days)', () => {
  it.each<[string, Partial<DealClockFacts>, DealDue[]]>([
    // Wednesday 09-30 + 1: the holiday skipped, Thursday 10-08.
    ['a lead created on the eve of National Day', {}, [{ clock: 'respond', due: '2026-10-08' }]],
    // Friday 03-06 + 1: over the weekend, Monday 03-09.
    [
      'a lead created on a Friday',
      { createdOn: '2026-03-06', stageEnteredOn: '2026-03-06' },
      [{ clock: 'respond', due: '2026-03-09' }],
    ],
    // Entered on a Saturday, a rest day: Monday 03-09 is the first working day after it.
    [
      'a lead created on a Saturday',
      { createdOn: '2026-03-07', stageEnteredOn: '2026-03-07' },
      [{ clock: 'respond', due: '2026-03-09' }],
    ],
    ['a lead already answered', { firstActivityOn: '2026-09-30', lastActivityOn: '2026-09-30' }, []],
    // Tuesday 09-29 + 3: 09-30, 10-08, 10-09.
    [
      'assessed from 09-29',
      { stage: 'assessing', stageEnteredOn: '2026-09-29' },
      [{ clock: 'assess', due: '2026-10-09' }],
    ],
    // Thursday 09-24 + 3: Mid-Autumn skipped, 09-28, 09-29, 09-30.
    [
      'assessed from before Mid-Autumn',
      { stage: 'assessing', stageEnteredOn: '2026-09-24', firstActivityOn: '2026-09-24', lastActivityOn: '2026-09-24' },
      [{ clock: 'assess', due: '2026-09-30' }],
    ],
    // Monday 09-28 + 5: 09-29, 09-30, 10-08, 10-09 and the worked Saturday 10-10.
    [
      'in talks from 09-28, nothing logged',
      { stage: 'negotiating', stageEnteredOn: '2026-09-28' },
      [{ clock: 'feedback', due: '2026-10-10' }],
    ],
    // An entry from before the talks began does not count as feedback on them.
    [
      'in talks from 09-28, last logged 09-25',
      {
        stage: 'negotiating',
        stageEnteredOn: '2026-09-28',
        firstActivityOn: '2026-09-10',
        lastActivityOn: '2026-09-25',
      },
      [{ clock: 'feedback', due: '2026-10-10' }],
    ],
    // Logged the day the talks began: follow up from then, 10 working days: 09-29, 09-30, 10-08, 10-09,
    // 10-10, 10-12 … 10-16 → 10-16.
    [
      'in talks, logged the day they began',
      {
        stage: 'negotiating',
        stageEnteredOn: '2026-09-28',
        firstActivityOn: '2026-09-28',
        lastActivityOn: '2026-09-28',
      },
      [{ clock: 'followUp', due: '2026-10-16' }],
    ],
    // Wednesday 09-30 + 10: 10-08, 10-09, 10-10, 10-12 … 10-16, 10-19, 10-20.
    [
      'in talks, last logged 09-30',
      {
        stage: 'negotiating',
        stageEnteredOn: '2026-09-28',
        firstActivityOn: '2026-09-28',
        lastActivityOn: '2026-09-30',
      },
      [{ clock: 'followUp', due: '2026-10-20' }],
    ],
    ['signed', { stage: 'signed' }, []],
    ['landed', { stage: 'landed' }, []],
    ['shelved', { stage: 'shelved' }, []],
    ['terminated', { stage: 'terminated' }, []],
  ])('%s', (_, patch, expected) => {
    expect(runningDealClocks(facts(patch), DEFAULT_DEAL_CLOCKS)).toEqual(expected);
  });

  it("runs the county's own limits", () => {
    const slower = { respond: 3, assess: 5, feedback: 10, followUp: 20 };
    // Wednesday 09-30 + 3: 10-08, 10-09, 10-10.
    expect(runningDealClocks(facts({}), slower)).toEqual([{ clock: 'respond', due: '2026-10-10' }]);
  });

  it('ships the limits of DESIGN §3.7, each named', () => {
    expect(DEFAULT_DEAL_CLOCKS).toEqual({ respond: 1, assess: 3, feedback: 5, followUp: 10 });
    expect(DEAL_CLOCKS.map((c) => DEAL_CLOCK_LABELS[c]['zh-CN'])).toEqual(['响应', '研判', '反馈', '跟进']);
  });
});

describe('how the clocks stand on a day', () => {
  const dueOnWorkedSaturday: DealDue[] = [{ clock: 'feedback', due: '2026-10-10' }];

  it.each<[string, string, 'green' | 'yellow' | 'red', number, string, string]>([
    // 10-08, 10-09 and the worked Saturday 10-10 remain.
    ['2026-09-30', 'before the holiday', 'green', 0, '还剩 3 个工作日', 'Due in 3 working days'],
    ['2026-10-03', 'in the holiday', 'green', 0, '还剩 3 个工作日', 'Due in 3 working days'],
    ['2026-10-09', 'the day before', 'green', 0, '还剩 1 个工作日', 'Due in 1 working day'],
    ['2026-10-10', 'its day', 'green', 0, '今天到期', 'Due today'],
    // Sunday 10-11: past, but no working day has begun since.
    ['2026-10-11', 'the Sunday after', 'yellow', 0, '已超期', 'Overdue'],
    ['2026-10-12', 'the Monday after', 'yellow', 1, '已超期 1 个工作日', '1 working day overdue'],
    // 10-12 … 10-16: five, not more than five.
    ['2026-10-16', 'a week later', 'yellow', 5, '已超期 5 个工作日', '5 working days overdue'],
    ['2026-10-18', 'that Sunday', 'yellow', 5, '已超期 5 个工作日', '5 working days overdue'],
    ['2026-10-19', 'the Monday after that', 'red', 6, '已超期 6 个工作日', '6 working days overdue'],
  ])('on %s (%s): %s', (today, _, colour, over, zh, en) => {
    expect(dealClockState(dueOnWorkedSaturday, today)).toEqual({
      colour,
      next: dueOnWorkedSaturday[0],
      workingDaysOver: over,
      text: { 'zh-CN': zh, en },
    });
  });

  it('counts no working day over while the holiday lasts', () => {
    // Due Wednesday 09-30; 10-01 … 10-07 are off, so on 10-07 it is overdue by none, on 10-09 by two.
    const due: DealDue[] = [{ clock: 'assess', due: '2026-09-30' }];
    expect(dealClockState(due, '2026-10-07')).toMatchObject({ colour: 'yellow', workingDaysOver: 0 });
    expect(dealClockState(due, '2026-10-09')).toMatchObject({ colour: 'yellow', workingDaysOver: 2 });
  });

  it('reads the earliest of several clocks', () => {
    const dues: DealDue[] = [
      { clock: 'followUp', due: '2026-10-20' },
      { clock: 'respond', due: '2026-10-08' },
    ];
    expect(dealClockState(dues, '2026-10-09')).toMatchObject({
      colour: 'yellow',
      next: { clock: 'respond', due: '2026-10-08' },
      workingDaysOver: 1,
    });
  });

  it('is green with no words when no clock runs', () => {
    expect(dealClockState([], '2026-10-12')).toEqual({ colour: 'green', next: null, workingDaysOver: 0, text: null });
  });
});
