import { describe, expect, it } from 'vitest';
import { chineseNumeral } from './four-lists.sheet.ts';
import { attachment, displayWidth, excelDate, excelDateTime, fitWidth } from './xlsx.ts';

describe('workbook helpers', () => {
  it.each([
    ['abc', 3],
    ['兰溪', 4],
    ['总投资（万元）', 14],
    ['2403-330781-04-01-123456', 24],
    ['C17 纺织业', 10],
  ])('counts CJK and full-width characters double: %s → %i', (text, width) => {
    expect(displayWidth(text)).toBe(width);
  });

  it('fits a column to its widest text with two characters of air, within bounds', () => {
    expect(fitWidth(['项目名称', '兰溪市年产5万吨光膜新材料项目'])).toBe(31);
    expect(fitWidth(['a'])).toBe(6);
    expect(fitWidth(['x'.repeat(200)])).toBe(60);
  });

  it('writes dates as UTC midnight (the Excel serial day) and times in China’s clock', () => {
    expect(excelDate('2026-03-15')?.toISOString()).toBe('2026-03-15T00:00:00.000Z');
    expect(excelDate(null)).toBeNull();
    expect(excelDateTime('2026-11-23T17:30:00.000Z')?.toISOString()).toBe('2026-11-24T01:30:00.000Z');
  });

  it.each([
    [1, '一'],
    [10, '十'],
    [12, '十二'],
    [40, '四十'],
    [99, '九十九'],
    [105, '105'],
  ])('numbers ledger groups in Chinese: %i → %s', (n, text) => {
    expect(chineseNumeral(n)).toBe(text);
  });

  it('names the download in UTF-8 with an ASCII fallback', () => {
    expect(attachment('项目库-2026-11-23.xlsx', 'projects-2026-11-23.xlsx')).toBe(
      `attachment; filename="projects-2026-11-23.xlsx"; filename*=UTF-8''%E9%A1%B9%E7%9B%AE%E5%BA%93-2026-11-23.xlsx`,
    );
  });
});
