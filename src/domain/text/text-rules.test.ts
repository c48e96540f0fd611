import { describe, expect, it } from 'vitest';
import { readableText, stripBidi, textProblem } from './text-rules.ts';

describe('the text Lantern accepts', () => {
  it.each([
    ['兰江街道城区道路改造工程', null],
    ['第一行\n第二行\r\n\t缩进', null],
    ['emoji 🏗️ and 𠀀 (a CJK extension character, a surrogate pair)', null],
    ['', null],
    ['a\u0000b', 'control'],
    ['\u001b[31mred', 'control'],
    ['del\u007f', 'control'],
    ['c1\u0085', 'control'],
    ['vertical\u000btab', 'control'],
    ['lone \ud800 high', 'encoding'],
    ['lone \udc00 low', 'encoding'],
    ['reversed \ud83d', 'encoding'],
    ['decoded badly \ufffd\ufffd', 'encoding'],
  ])('%j → %s', (text, problem) => {
    expect(textProblem(text)).toBe(problem);
  });

  it('removes bidirectional overrides and isolates, and nothing else', () => {
    expect(stripBidi('invoice\u202Efdp.exe')).toBe('invoicefdp.exe');
    expect(stripBidi('\u2066名称\u2069 \u202a a \u202c')).toBe('名称  a ');
    expect(stripBidi('兰溪市 Lanxi\n2026')).toBe('兰溪市 Lanxi\n2026');
  });

  it.each([
    ['项目名称', '项目名称'],
    ['名\u0000称', '名_称'],
    ['投资\ufffd\ufffd', '投资__'],
    ['lone \ud800', 'lone _'],
    ['🏗️ 工程\t说明\n', '🏗️ 工程\t说明\n'],
    ['\u202e反向', '反向'],
  ])('shows %j as %j', (text, shown) => {
    expect(readableText(text)).toBe(shown);
    expect(textProblem(readableText(text))).toBeNull();
  });
});
