import { describe, expect, it } from 'vitest';
import { correctionPreface, correctionTitle } from './correction.ts';

describe('the wording of a correction', () => {
  it('titles it after the bulletin it corrects', () => {
    expect(correctionTitle(' 兰溪市2026年8月项目绩效晾晒通报 ')).toBe('关于兰溪市2026年8月项目绩效晾晒通报的更正通报');
  });

  it.each([
    ['8月财政收入数据补录后重新计分', '更正原因：8月财政收入数据补录后重新计分。'],
    ['8月财政收入数据补录后重新计分。', '更正原因：8月财政收入数据补录后重新计分。'],
    ['  target corrected. ', '更正原因：target corrected。'],
  ])('opens with the bulletin corrected and the reason %j, ending in one full stop', (reason, ending) => {
    const text = correctionPreface({
      title: '兰溪市2026年8月项目绩效晾晒通报',
      docNumber: '兰项绩办〔2026〕8号',
      reason,
    });
    expect(
      text.startsWith(
        '现对《兰溪市2026年8月项目绩效晾晒通报》（兰项绩办〔2026〕8号）予以更正，以本通报为准，原通报同时废止。',
      ),
    ).toBe(true);
    expect(text.endsWith(ending)).toBe(true);
  });
});
