import { describe, expect, it } from 'vitest';
import { checkProjectRules, type ProjectFacts } from './project-rules.ts';

const today = '2026-11-23';
const ok: ProjectFacts = {
  stage: 'construction',
  totalInvestment: 300_000_000,
  fixedAssetInvestment: 250_000_000,
  planned: { sign: '2025-12-01', start: '2026-03-01', completion: '2027-06-30', production: '2027-09-30' },
  actual: { sign: '2025-12-10', start: '2026-03-15' },
  annualPlanSum: 120_000_000,
};

describe('project cross-field rules', () => {
  it('accepts a consistent project', () => {
    expect(checkProjectRules(ok, today)).toEqual([]);
  });

  it.each([
    [
      'a start after the completion',
      { planned: { start: '2027-08-01', completion: '2027-06-30' } },
      'plannedCompletionDate',
      'DATE_ORDER',
    ],
    [
      'a production before the completion',
      { planned: { start: '2026-03-01', completion: '2027-06-30', production: '2027-01-01' } },
      'plannedProductionDate',
      'DATE_ORDER',
    ],
    ['an actual start tomorrow', { actual: { start: '2026-11-24' } }, 'actualStartDate', 'FUTURE_ACTUAL'],
    ['construction without an actual start', { actual: {} }, 'actualStartDate', 'STAGE_NEEDS_DATE'],
    ['a preparing project that has started', { stage: 'preparing' }, 'actualStartDate', 'DATE_BEFORE_STAGE'],
    [
      'fixed assets above the total',
      { fixedAssetInvestment: 300_000_001 },
      'fixedAssetInvestmentWan',
      'FIXED_ABOVE_TOTAL',
    ],
    ['annual plans above the total', { annualPlanSum: 300_000_001 }, 'annualPlans', 'PLANS_ABOVE_TOTAL'],
  ] as [string, Partial<ProjectFacts>, string, string][])('refuses %s', (_what, patch, field, key) => {
    const violations = checkProjectRules({ ...ok, ...patch }, today);
    expect(violations).toContainEqual(expect.objectContaining({ field, key }));
  });

  it('lets a factory produce before the formal completion', () => {
    const facts: ProjectFacts = {
      ...ok,
      stage: 'production',
      actual: { start: '2025-03-01', completion: '2026-10-01', production: '2026-08-01' },
    };
    expect(checkProjectRules(facts, today)).toEqual([]);
  });

  it('accepts equal dates at the limits (start on the completion day; an actual date of today)', () => {
    expect(
      checkProjectRules(
        { ...ok, planned: { start: '2026-03-01', completion: '2026-03-01' }, actual: { start: today } },
        today,
      ),
    ).toEqual([]);
  });
});
