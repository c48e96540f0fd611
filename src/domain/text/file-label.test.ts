import { describe, expect, it } from 'vitest';
import { fileLabel, MAX_FILE_LABEL } from './file-label.ts';
import { textProblem } from './text-rules.ts';

describe("an uploaded file's label", () => {
  it.each([
    ['2026年11月项目台账.xlsx', '2026年11月项目台账.xlsx'],
    ['C:\\Users\\张三\\Desktop\\台账.xlsx', '台账.xlsx'],
    ['../../etc/passwd', 'passwd'],
    ['\ud800.xlsx', '_.xlsx'],
    ['\ufffd\ufffd.xlsx', '__.xlsx'],
    ['tab\there.xlsx', 'tab_here.xlsx'],
    ['invoice\u202Efdp.exe', 'invoicefdp.exe'],
    ['  台账.xlsx  ', '台账.xlsx'],
    ['🏗️工程.xlsx', '🏗️工程.xlsx'],
    ['', 'ledger.xlsx'],
    [undefined, 'ledger.xlsx'],
    ['folder/', 'ledger.xlsx'],
    ['\u0000\u0001', 'ledger.xlsx'],
  ])('%j → %j', (name, label) => {
    expect(fileLabel(name, 'ledger.xlsx')).toBe(label);
  });

  it('keeps the end of a long name, never splitting a surrogate pair', () => {
    const name = `${'𠀀'.repeat(300)}.xlsx`;
    const label = fileLabel(name, 'x');
    expect(Array.from(label)).toHaveLength(MAX_FILE_LABEL);
    expect(label.endsWith('.xlsx')).toBe(true);
    expect(textProblem(label)).toBeNull();
  });
});
