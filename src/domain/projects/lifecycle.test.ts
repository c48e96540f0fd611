import { describe, expect, it } from 'vitest';
import {
  allowedNextStages,
  checkTransition,
  isBeforeConstruction,
  isStepBack,
  STAGES,
  TRANSITIONS,
  type Stage,
} from './lifecycle.ts';

const today = '2026-11-23';
const full = {
  reason: '资金到位延迟',
  actualStartDate: '2026-03-01',
  actualCompletionDate: '2026-10-01',
  actualProductionDate: '2026-11-01',
  actualCapacityDate: '2026-11-20',
  today,
};

describe('lifecycle transitions', () => {
  // Every allowed move, with everything it could need present: allowed.
  it.each(TRANSITIONS.map((t) => [t.from, t.to] as const))('%s → %s is allowed with its preconditions', (from, to) => {
    expect(checkTransition({ ...full, from, to })).toBeNull();
  });

  // Every pair not in the table: forbidden, and the error lists what is allowed instead.
  const allowed = new Set(TRANSITIONS.map((t) => `${t.from}>${t.to}`));
  const forbidden = STAGES.flatMap((from) =>
    STAGES.filter((to) => to !== from && !allowed.has(`${from}>${to}`)).map((to) => [from, to] as const),
  );
  it.each(forbidden)('%s → %s is forbidden', (from, to) => {
    const err = checkTransition({ ...full, from, to });
    expect(err).toEqual({ code: 'FORBIDDEN_TRANSITION', allowed: allowedNextStages(from) });
  });

  it.each([
    ['preparing', 'construction', 'actualStartDate'],
    ['construction', 'completed', 'actualCompletionDate'],
    ['completed', 'production', 'actualProductionDate'],
    ['construction', 'production', 'actualProductionDate'],
    ['production', 'capacity', 'actualCapacityDate'],
    ['construction', 'preparing', 'reason'],
    ['construction', 'suspended', 'reason'],
    ['reserve', 'dropped', 'reason'],
    ['suspended', 'construction', 'reason'],
  ] as [Stage, Stage, string][])('%s → %s needs %s', (from, to, field) => {
    expect(checkTransition({ today, from, to })).toEqual({ code: 'MISSING', field });
    expect(checkTransition({ ...full, [field]: '  ', from, to })).toEqual({ code: 'MISSING', field });
  });

  it('refuses an actual start date in the future', () => {
    expect(checkTransition({ today, from: 'preparing', to: 'construction', actualStartDate: '2026-11-24' })).toEqual({
      code: 'FUTURE_DATE',
      field: 'actualStartDate',
    });
    expect(checkTransition({ today, from: 'preparing', to: 'construction', actualStartDate: today })).toBeNull();
  });

  it('refuses staying in the same stage', () => {
    expect(checkTransition({ ...full, from: 'reserve', to: 'reserve' })).toEqual({ code: 'SAME_STAGE' });
  });

  it('dropped is final', () => {
    expect(allowedNextStages('dropped')).toEqual([]);
  });

  it.each([
    ['construction', 'preparing', true],
    ['preparing', 'construction', false],
    ['construction', 'suspended', false],
  ] as [Stage, Stage, boolean][])('%s → %s is a step back: %s', (from, to, back) => {
    expect(isStepBack(from, to)).toBe(back);
  });
});

describe('before construction (a start undone clears the actual start date)', () => {
  it.each<[Stage, boolean]>([
    ['planning', true],
    ['reserve', true],
    ['preparing', true],
    ['construction', false],
    ['completed', false],
    ['production', false],
    ['capacity', false],
    // Off the main line: neither before nor after.
    ['suspended', false],
    ['dropped', false],
  ])('%s → %s', (stage, before) => {
    expect(isBeforeConstruction(stage)).toBe(before);
  });
});
