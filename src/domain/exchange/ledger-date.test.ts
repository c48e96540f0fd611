import { describe, expect, it } from 'vitest';
import { fromExcelSerial, parseLedgerDate } from './ledger-date.ts';

describe('ledger dates', () => {
  it.each([
    ['an Excel date (UTC midnight)', new Date(Date.UTC(2024, 2, 15)), '2024-03-15'],
    ['an Excel serial number', 45366, '2024-03-15'],
    ['a serial with a time of day', 45366.75, '2024-03-15'],
    ['20240315 as a number', 20240315, '2024-03-15'],
    ['202403 as a number', 202403, '2024-03-01'],
    ['2024.3 as a number', 2024.3, '2024-03-01'],
    ['2024.12 as a number', 2024.12, '2024-12-01'],
    ['2024-03-15', '2024-03-15', '2024-03-15'],
    ['2024-3-5', '2024-3-5', '2024-03-05'],
    ['2024/3/15', '2024/3/15', '2024-03-15'],
    ['2024.03.15', '2024.03.15', '2024-03-15'],
    ['2024年3月15日', '2024年3月15日', '2024-03-15'],
    ['2024年3月15号', '2024年3月15号', '2024-03-15'],
    ['2024年3月', '2024年3月', '2024-03-01'],
    ['2024.3 as text', '2024.3', '2024-03-01'],
    ['2024.10 as text is October', '2024.10', '2024-10-01'],
    ['2024-03', '2024-03', '2024-03-01'],
    ['2024年3月底', '2024年3月底', '2024-03-31'],
    ['2024年2月底 in a leap year', '2024年2月底', '2024-02-29'],
    ['2024年6月下旬', '2024年6月下旬', '2024-06-21'],
    ['2024年底', '2024年底', '2024-12-31'],
    ['full-width digits', '２０２４年３月', '2024-03-01'],
    ['an ISO timestamp', '2024-03-15T08:00:00.000Z', '2024-03-15'],
    ['20240315 as text', '20240315', '2024-03-15'],
    ['a serial number as text', '45366', '2024-03-15'],
  ])('reads %s', (_what, input, expected) => {
    expect(parseLedgerDate(input)).toEqual({ ok: true, value: expected });
  });

  it.each([
    ['a month that does not exist', '2024年13月', '月份 13 不存在'],
    ['a day that does not exist', '2023-02-29', '2023年2月没有29日'],
    ['a year alone', '2024', '缺少月份'],
    ['a year alone as a number', 2024, '缺少月份'],
    ['an implausible year', '1899-01-01', '年份 1899 不合理'],
    ['words', '明年开工', '不是日期'],
    ['a small number', 17, '不是日期'],
    ['a boolean', true, '不是日期'],
  ])('refuses %s', (_what, input, message) => {
    const r = parseLedgerDate(input as never);
    expect(r.ok).toBe(false);
    expect(!r.ok && r.message).toContain(message);
  });

  it('counts Excel serials from 1899-12-30 (the 1900 system)', () => {
    expect(fromExcelSerial(36526)).toBe('2000-01-01');
  });
});
