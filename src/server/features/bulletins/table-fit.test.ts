import { describe, expect, it } from 'vitest';
import { breakLines, breakPieces, fitTable } from './table-fit.ts';

/** One unit of width per character: easy to reason about. */
const chars = (text: string) => [...text].length;

describe('breakPieces', () => {
  it.each([
    ['完成12.35亿元', [], ['完', '成', '12.35亿元']],
    ['（40分）', [], ['（40分）']],
    ['投资1,234.50万元，完成率87.3%。', [], ['投', '资', '1,234.50万元，', '完', '成', '率', '87.3%。']],
    ['落后序时进度75.3个百分点', [], ['落', '后', '序', '时', '进', '度', '75.3个百分点']],
    ['得分-0.50', [], ['得', '分', '-0.50']],
    ['2026年10月', [], ['2026年', '10月']],
    ['前三位为兰江街道、云山街道', ['兰江街道', '云山街道'], ['前', '三', '位', '为', '兰江街道、', '云山街道']],
    ['（54.67\u00a0分）', [], ['（54.67\u00a0分）']],
    ['投资\u00a010.20\u00a0亿元', [], ['投', '资\u00a010.20\u00a0亿元']],
    ['得分 80', [], ['得', '分', ' ', '80']],
  ])('splits %j into the pieces a line may break between', (text, keep, pieces) => {
    expect(breakPieces(text, keep)).toEqual(pieces);
  });
});

describe('breakLines', () => {
  it('breaks between pieces only, gives an over-wide piece its own line and honours the first line’s indent', () => {
    expect(breakLines('完成12.35亿元', 4, chars)).toEqual(['完成', '12.35亿元']);
    expect(breakLines('完成投资12.35亿元', 9, chars)).toEqual(['完成投资', '12.35亿元']);
    expect(breakLines('兰江街道完成任务', 5, chars, { keep: ['兰江街道'] })).toEqual(['兰江街道完', '成任务']);
    expect(breakLines('兰江街道完成任务', 5, chars, { firstWidth: 3, keep: ['兰江街道'] })).toEqual([
      '兰江街道',
      '完成任务',
    ]);
    expect(breakLines('名次\n变化', 10, chars)).toEqual(['名次', '变化']);
  });
});

describe('fitTable', () => {
  const columns = [
    { weight: 1, align: 'center' as const },
    { weight: 3, align: 'left' as const, wrap: true },
  ];

  it('shares spare width by weight when every cell fits on one line', () => {
    expect(
      fitTable(
        { columns, header: [], body: [['12', '兰江街道']] },
        { total: 100, sizes: [10], measure: chars, pad: 0 },
      ),
    ).toEqual({ size: 10, widths: [30, 70], fits: true });
  });

  it('keeps a number column at its widest cell and lets the text column wrap, never below its widest piece', () => {
    const fit = fitTable(
      { columns, header: [], body: [['123456', '甲'.repeat(40)]] },
      { total: 200, sizes: [10], measure: chars, pad: 2 },
    );
    expect(fit).toEqual({ size: 10, widths: [62, 138], fits: true });
  });

  it('counts each line of a one-column header label and ignores labels spanning columns', () => {
    const header = [
      [{ text: 'a label spanning both columns', colSpan: 2 }],
      [{ text: '完成\n（亿元）' }, { text: '得分' }],
    ];
    const fit = fitTable({ columns, header, body: [['1', '2']] }, { total: 100, sizes: [1], measure: chars, pad: 0 });
    // '（亿元）' is 4 wide at size 1; the second column needs 2; the 94 spare go 1 : 3.
    expect(fit.widths).toEqual([4 + 23.5, 2 + 70.5]);
  });

  it('sets the table smaller rather than break a number, and says so when even the smallest size cannot', () => {
    const numbers = {
      columns: [
        { weight: 1, align: 'center' as const },
        { weight: 1, align: 'center' as const },
      ],
      header: [],
      body: [['1234567890', '1234567890']],
    };
    expect(fitTable(numbers, { total: 180, sizes: [10, 9, 8], measure: chars, pad: 0 })).toEqual({
      size: 9,
      widths: [90, 90],
      fits: true,
    });
    const squeezed = fitTable(numbers, { total: 100, sizes: [10, 9, 8], measure: chars, pad: 0 });
    expect(squeezed).toEqual({ size: 8, widths: [50, 50], fits: false });
  });

  it('gives a starved text column its widest piece and the other text column the rest', () => {
    const three = {
      columns: [
        { weight: 1, align: 'center' as const },
        { weight: 1, align: 'left' as const, wrap: true },
        { weight: 9, align: 'left' as const, wrap: true },
      ],
      header: [],
      body: [['1234', '12345678', '甲'.repeat(80)]],
    };
    const fit = fitTable(three, { total: 50, sizes: [1], measure: chars, pad: 0 });
    // Weighted, the middle column would get 4.6 of the 46 left; it needs its 8-wide number.
    expect(fit).toEqual({ size: 1, widths: [4, 8, 38], fits: true });
  });
});
