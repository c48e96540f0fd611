import { describe, expect, it } from 'vitest';
import {
  cellRef,
  columnLetter,
  detectHeader,
  isHeaderProblem,
  type DetectedHeader,
  type SheetRow,
} from './header-detect.ts';

const rows = (...lines: (string | number | null)[][]): SheetRow[] => lines.map((cells, i) => ({ row: i + 1, cells }));
const detected = (x: ReturnType<typeof detectHeader>) => {
  if (isHeaderProblem(x)) throw new Error(`expected a header, got ${x.code}`);
  return x as DetectedHeader;
};

describe('column letters and cell references', () => {
  it.each([
    [0, 'A'],
    [25, 'Z'],
    [26, 'AA'],
    [51, 'AZ'],
    [701, 'ZZ'],
    [702, 'AAA'],
  ])('column %i is %s', (index, letter) => {
    expect(columnLetter(index)).toBe(letter);
  });
  it('names a cell as Excel does', () => expect(cellRef(3, 17)).toBe('D17'));
});

describe('header detection', () => {
  it('finds the header under a merged title and a unit note', () => {
    const h = detected(
      detectHeader(
        rows(
          ['兰溪市2026年重点项目台账', null, null, null],
          ['填报单位：兰江街道', null, '单位：亿元', null],
          ['序号', '项目名称', '项目代码', '总投资'],
          [1, '纺织项目', '2403-330781-04-01-123456', 1.5],
        ),
      ),
    );
    expect(h).toMatchObject({
      headerRow: 3,
      headerRows: [3],
      dataStartRow: 4,
      unitNote: 'yi',
      title: '兰溪市2026年重点项目台账',
    });
    expect(h.columns.map((c) => [c.letter, c.header])).toEqual([
      ['A', '序号'],
      ['B', '项目名称'],
      ['C', '项目代码'],
      ['D', '总投资'],
    ]);
  });

  it('joins a two-row header with a group cell merged over its parts', () => {
    const h = detected(
      detectHeader(
        rows(
          ['台账', null, null, null, null],
          ['项目名称', '投资情况（万元）', null, null, '计划开工时间'],
          [null, '总投资', '其中固定资产投资', '年度计划投资', null],
          ['纺织项目', 5000, 4000, 1000, '2026年3月'],
        ),
      ),
    );
    expect(h).toMatchObject({ headerRow: 3, headerRows: [2, 3], dataStartRow: 4 });
    expect(h.columns.map((c) => [c.letter, c.header, c.group])).toEqual([
      ['A', '项目名称', null],
      ['B', '总投资', '投资情况（万元）'],
      ['C', '其中固定资产投资', '投资情况（万元）'],
      ['D', '年度计划投资', '投资情况（万元）'],
      ['E', '计划开工时间', null],
    ]);
  });

  it('skips a row that numbers the columns', () => {
    const h = detected(detectHeader(rows(['项目名称', '总投资', '阶段'], [1, 2, 3], ['纺织项目', 5000, '在建'])));
    expect(h.dataStartRow).toBe(3);
  });

  it.each([
    ['an empty sheet', rows([null], []), { code: 'EMPTY' }],
    [
      'a sheet with nothing but a title',
      rows(['兰溪市重点项目台账'], [null, null], ['制表：项目办']),
      { code: 'TITLE_ONLY', title: '兰溪市重点项目台账' },
    ],
    ['a table of something else', rows(['姓名', '电话'], ['张三', '138']), { code: 'NO_HEADER' }],
    [
      'a thousand columns',
      rows(['项目名称', '总投资', ...Array.from({ length: 998 }, (_, i) => `列${i}`)]),
      { code: 'TOO_MANY_COLUMNS', count: 1000, max: 200 },
    ],
  ])('reports %s', (_what, input, problem) => {
    expect(detectHeader(input)).toEqual(problem);
  });
});
