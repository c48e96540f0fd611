import { describe, expect, it } from 'vitest';
import type { Colour } from '../../../domain/lights/types.ts';
import { createChangeTally, parseProposedRules } from './rule-preview.ts';
import { AppError } from '../../http/errors.ts';

const change = (projectId: number, from: Colour, to: Colour) => ({ projectId, from, to, findings: [] });

describe('the tally of a rule preview', () => {
  it('counts every light before and after, and lists only the projects that change colour', () => {
    const tally = createChangeTally();
    tally.add(change(1, 'yellow', 'red'));
    tally.add(change(2, 'red', 'red'));
    tally.add(change(3, 'green', 'yellow'));
    tally.add(change(4, 'grey', 'grey'));
    tally.add(change(5, 'yellow', 'red'));
    const r = tally.result();
    expect(r).toMatchObject({
      projects: 5,
      before: { red: 1, yellow: 2, green: 1, grey: 1 },
      after: { red: 3, yellow: 1, green: 0, grey: 1 },
      total: 3,
    });
    expect(r.transitions).toEqual([
      { from: 'yellow', to: 'red', count: 2 },
      { from: 'green', to: 'yellow', count: 1 },
    ]);
    expect(r.items.map((c) => c.projectId)).toEqual([1, 5, 3]);
  });

  it('lists those turning red first, from the worst colour, then yellow, green, grey', () => {
    const tally = createChangeTally();
    const added: [Colour, Colour][] = [
      ['red', 'grey'],
      ['red', 'green'],
      ['green', 'red'],
      ['yellow', 'green'],
      ['grey', 'yellow'],
      ['yellow', 'red'],
      ['red', 'yellow'],
    ];
    added.forEach(([from, to], i) => tally.add(change(i + 1, from, to)));
    expect(tally.result().transitions.map((t) => `${t.from}>${t.to}`)).toEqual([
      'yellow>red',
      'green>red',
      'red>yellow',
      'grey>yellow',
      'red>green',
      'yellow>green',
      'red>grey',
    ]);
  });

  it('caps the list at the limit but counts every change', () => {
    const tally = createChangeTally(3);
    for (let id = 1; id <= 5; id++) tally.add(change(id, 'green', 'yellow'));
    for (let id = 6; id <= 10; id++) tally.add(change(id, 'yellow', 'red'));
    const r = tally.result();
    expect(r.total).toBe(10);
    expect(r.transitions).toEqual([
      { from: 'yellow', to: 'red', count: 5 },
      { from: 'green', to: 'yellow', count: 5 },
    ]);
    // The first three in the list's order: red ones first, even though they came last.
    expect(r.items.map((c) => c.projectId)).toEqual([6, 7, 8]);
  });
});

describe('a proposed rule set', () => {
  it('fills what it leaves out from the defaults', () => {
    expect(parseProposedRules({ progress: { redAbovePoints: 15 } }).progress).toEqual({
      enabled: true,
      yellowFromPoints: 10,
      redAbovePoints: 15,
    });
  });

  it.each([
    [{ progress: { yellowFromPoints: 40, redAbovePoints: 30 } }, 'progress.yellowFromPoints', 'RULE_INVERTED'],
    [{ weather: {} }, 'weather', 'RULE_UNKNOWN_DIMENSION'],
    [{ start: { redFromMonths: -1 } }, 'start.redFromMonths', 'RULE_NEGATIVE'],
    [{ report: { lateIsYellow: 'yes' } }, 'report.lateIsYellow', 'RULE_NOT_A_BOOLEAN'],
  ])('refuses %j naming %s', (input, field, key) => {
    try {
      parseProposedRules(input);
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(AppError);
      expect(e).toMatchObject({ status: 400, field, messageKey: key });
    }
  });
});
