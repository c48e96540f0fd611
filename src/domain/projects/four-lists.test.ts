import { describe, expect, it } from 'vitest';
import { listMembership, type ListFacts } from './four-lists.ts';

const base: ListFacts = {
  stage: 'preparing',
  plannedStartDate: null,
  actualStartDate: null,
  plannedProductionDate: null,
  actualProductionDate: null,
};

describe('the four lists of 2026', () => {
  it.each([
    ['a planning project is on the planning list', { ...base, stage: 'planning' }, 'planning', true, null],
    ['a reserve project is not on the planning list', { ...base, stage: 'reserve' }, 'planning', false, null],
    ['a reserve project is on the reserve list', { ...base, stage: 'reserve' }, 'reserve', true, null],
    [
      'planned to start 2026-05-10, not started: pending',
      { ...base, plannedStartDate: '2026-05-10' },
      'start',
      true,
      'pending',
    ],
    [
      'planned 2026-05-10, started 2026-04-28 (early): done',
      { ...base, stage: 'construction', plannedStartDate: '2026-05-10', actualStartDate: '2026-04-28' },
      'start',
      true,
      'done',
    ],
    ['planned 2026-12-31: still this year', { ...base, plannedStartDate: '2026-12-31' }, 'start', true, 'pending'],
    ['planned 2027-01-01: next year', { ...base, plannedStartDate: '2027-01-01' }, 'start', false, null],
    [
      'planned 2025-11-01, started 2026-02-01: on 2025 list, not 2026',
      { ...base, stage: 'construction', plannedStartDate: '2025-11-01', actualStartDate: '2026-02-01' },
      'start',
      false,
      null,
    ],
    [
      'no planned start: not on the start list',
      { ...base, stage: 'construction', actualStartDate: '2026-02-01' },
      'start',
      false,
      null,
    ],
    [
      'dropped: off the start list',
      { ...base, stage: 'dropped', plannedStartDate: '2026-03-01' },
      'start',
      false,
      null,
    ],
    [
      'planned production 2026-09-30, produced: done',
      { ...base, stage: 'production', plannedProductionDate: '2026-09-30', actualProductionDate: '2026-10-12' },
      'production',
      true,
      'done',
    ],
    [
      'planned production 2026-09-30, not yet: pending',
      { ...base, stage: 'construction', plannedProductionDate: '2026-09-30' },
      'production',
      true,
      'pending',
    ],
    [
      'suspended with planned production this year stays on the list, pending',
      { ...base, stage: 'suspended', plannedProductionDate: '2026-06-30' },
      'production',
      true,
      'pending',
    ],
  ] as [string, ListFacts, 'planning' | 'reserve' | 'start' | 'production', boolean, string | null][])(
    '%s',
    (_what, facts, list, member, status) => {
      expect(listMembership(facts, list, 2026)).toEqual({ member, status });
    },
  );
});
