import { describe, expect, it } from 'vitest';
import {
  decideReport,
  periodOf,
  type IncomingReport,
  type ReportDecision,
  type ReportImportState,
  type StoredReportFacts,
} from './report-import-rules.ts';
import type { Values } from './row-validation.ts';

describe('the month a report row is for', () => {
  it.each<[string, Values, string | null, ReturnType<typeof periodOf>]>([
    ['its 报告期 cell', { reportPeriod: '2026-03' }, '2026-10', { year: 2026, month: 3 }],
    ['a 月份 cell holding a year and month', { reportMonth: '2025-12' }, null, { year: 2025, month: 12 }],
    ['a month with its 年度 cell', { reportMonth: 4, reportYear: 2025 }, '2026-10', { year: 2025, month: 4 }],
    ['a month in the default period’s year', { reportMonth: 4 }, '2025-10', { year: 2025, month: 4 }],
    ['a month in the import’s year', { reportMonth: 4 }, null, { year: 2026, month: 4 }],
    ['the default period (from the title)', {}, '2026-09', { year: 2026, month: 9 }],
    ['a 年度 cell with the default’s month', { reportYear: 2025 }, '2026-09', { year: 2025, month: 9 }],
    ['only a 年度 cell', { reportYear: 2025 }, null, { error: 'NO_MONTH' }],
    ['nothing at all', {}, null, { error: 'MISSING' }],
  ])('%s', (_, values, defaultPeriod, expected) => {
    expect(periodOf(values, defaultPeriod, 2026)).toEqual(expected);
  });
});

const stored = (
  state: StoredReportFacts['state'],
  amount = 1_000_000,
  progressText = '基础施工',
  problems = '',
): StoredReportFacts => ({ state, amount, progressText, problems });
const same: IncomingReport = { amount: 1_000_000, progressText: '基础施工', problems: null };
const more: IncomingReport = { amount: 1_500_000, progressText: null, problems: null };
const newText: IncomingReport = { amount: 1_000_000, progressText: '主体施工', problems: null };

describe('what a row does to the stored report of its month', () => {
  it.each<[string, StoredReportFacts | null, IncomingReport, ReportImportState, ReportDecision]>([
    ['none yet: files one', null, same, 'submitted', { kind: 'create' }],
    ['none yet, as drafts: files one', null, same, 'draft', { kind: 'create' }],
    ['a draft saying the same, imported as drafts: nothing', stored('draft'), same, 'draft', { kind: 'unchanged' }],
    [
      'a draft saying the same, imported as submitted: submits it',
      stored('draft'),
      same,
      'submitted',
      { kind: 'update', content: false, toState: 'submitted' },
    ],
    [
      'a draft with another amount, as drafts: edits it',
      stored('draft'),
      more,
      'draft',
      { kind: 'update', content: true, toState: null },
    ],
    [
      'a draft with other progress text: edits and submits',
      stored('draft'),
      newText,
      'submitted',
      { kind: 'update', content: true, toState: 'submitted' },
    ],
    [
      'a returned report, as drafts: edited, stays returned',
      stored('returned'),
      more,
      'draft',
      { kind: 'update', content: true, toState: null },
    ],
    [
      'a returned report saying the same, as submitted: resubmits',
      stored('returned'),
      same,
      'submitted',
      { kind: 'update', content: false, toState: 'submitted' },
    ],
    [
      'a draft, as approved history: approves it',
      stored('draft'),
      more,
      'approved',
      { kind: 'update', content: true, toState: 'approved' },
    ],
    [
      'a submitted report saying the same: nothing (the second import of a file)',
      stored('submitted'),
      same,
      'submitted',
      { kind: 'unchanged' },
    ],
    [
      'a submitted report saying the same, as drafts: not pulled back',
      stored('submitted'),
      same,
      'draft',
      { kind: 'unchanged' },
    ],
    [
      'a submitted report saying the same, as approved: approves it',
      stored('submitted'),
      same,
      'approved',
      { kind: 'update', content: false, toState: 'approved' },
    ],
    [
      'a submitted report with another amount: refused',
      stored('submitted'),
      more,
      'submitted',
      { kind: 'refuse', reason: 'SUBMITTED' },
    ],
    ['an approved report saying the same: nothing', stored('approved'), same, 'approved', { kind: 'unchanged' }],
    [
      'an approved report with another amount: refused (a correction needs a reason)',
      stored('approved'),
      more,
      'submitted',
      { kind: 'refuse', reason: 'APPROVED' },
    ],
    [
      'an approved report, other text only: refused',
      stored('approved'),
      newText,
      'approved',
      { kind: 'refuse', reason: 'APPROVED' },
    ],
    [
      'empty text cells keep the stored text',
      stored('submitted', 1_000_000, '基础施工', '缺电'),
      { amount: 1_000_000, progressText: null, problems: null },
      'submitted',
      { kind: 'unchanged' },
    ],
  ])('%s', (_, current, incoming, target, expected) => {
    expect(decideReport(current, incoming, target)).toEqual(expected);
  });

  it('compares money as numbers (PostgreSQL returns bigint as text)', () => {
    expect(decideReport({ ...stored('submitted'), amount: '1000000' as unknown as number }, same, 'submitted')).toEqual(
      { kind: 'unchanged' },
    );
  });
});
