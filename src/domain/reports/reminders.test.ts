import { describe, expect, it } from 'vitest';
import { outstandingOf, reminderRefusal } from './reminders.ts';

describe('催报: who can be reminded', () => {
  it.each([
    // due, filed, outstanding, refusal
    [12, 0, 12, null],
    [12, 11, 1, null],
    [12, 12, 0, 'all_filed'],
    [0, 0, 0, 'nothing_due'],
  ] as const)('due %i, filed %i → %i outstanding, refusal %s', (due, filed, outstanding, refusal) => {
    expect(outstandingOf({ due, filed })).toBe(outstanding);
    expect(reminderRefusal({ due, filed })).toBe(refusal);
  });

  it('a unit with no reports due this month has nothing to be reminded of', () => {
    expect(reminderRefusal(undefined)).toBe('nothing_due');
  });
});
