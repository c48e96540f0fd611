import { describe, expect, it } from 'vitest';
import { parseCell } from '../exchange/project-columns.ts';
import { REPORT_COLUMNS } from '../exchange/report-columns.ts';
import { checkReportText, REPORT_TEXT_FIELDS } from './report-fields.ts';

describe('the report texts, specified once', () => {
  it('takes progress and problems up to 2,000 characters, reasons up to 500 and only when given', () => {
    expect(REPORT_TEXT_FIELDS.progressText.maxLength).toBe(2000);
    expect(REPORT_TEXT_FIELDS.problems.maxLength).toBe(2000);
    expect(checkReportText('progressText', 'x'.repeat(2000))).toBeNull();
    expect(checkReportText('progressText', 'x'.repeat(2001))).toBe('TOO_LONG');
    expect(checkReportText('progressText', undefined)).toBeNull();
    expect(checkReportText('returnReason', '  ')).toBe('REQUIRED');
    expect(checkReportText('correctionReason', 'x'.repeat(501))).toBe('TOO_LONG');
  });

  it.each([
    ['progressText', 1500, true],
    ['progressText', 2000, true],
    ['progressText', 2001, false],
    ['problems', 2000, true],
    ['problems', 2001, false],
  ] as const)('a report ledger’s %s cell of %i characters is taken: %s, as the spec says', (field, length, ok) => {
    const column = REPORT_COLUMNS.find((c) => c.field === field)!;
    expect(column.hint).toBe(`最多 ${REPORT_TEXT_FIELDS[field].maxLength} 个字`);
    const text = '进'.repeat(length);
    expect(parseCell(column, text).ok).toBe(ok);
    expect(checkReportText(field, text) === null).toBe(ok);
  });
});
