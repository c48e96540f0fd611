import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { racersLine, sampleBulletinDocument } from './bulletin-document.ts';
import { figureCell, renderBulletinXlsx } from './render-xlsx.ts';

describe('figureCell: a printed figure as a cell that shows the same text', () => {
  it.each([
    ['12.35', 12.35, '0.00'],
    ['87.5', 87.5, '0.0'],
    ['3', 3, '0'],
    ['1,234.50', 1234.5, '#,##0.00'],
    ['12,345,678.09', 12345678.09, '#,##0.00'],
    ['-5.00', -5, '0.00'],
    ['0.00', 0, '0.00'],
  ])('%s → the number %d shown with %s', (text, value, numFmt) => {
    expect(figureCell(text)).toEqual({ value, numFmt });
  });

  it.each(['—', '↑2', '↓1', '无目标', '目标无效', '-0.00', '1,23.4', '12.', '.5', '1234567890123456'])(
    'keeps %s as text',
    (text) => {
      expect(figureCell(text)).toEqual({ value: text });
    },
  );
});

describe('renderBulletinXlsx', () => {
  it('writes the red-project table as Word does, one row per project, and dates every zip entry at publication', async () => {
    const doc = sampleBulletinDocument();
    const bytes = await renderBulletinXlsx(doc, { asOf: doc.issuedAt, rows: [] }, { timeZone: 'Asia/Shanghai' });
    const zip = await JSZip.loadAsync(bytes);
    for (const entry of Object.values(zip.files)) expect(entry.date.toISOString(), entry.name).toBe(doc.issuedAt);

    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
    expect(workbook.worksheets.map((s) => s.name)).toEqual(['通报', '明细']);
    const sheet = workbook.getWorksheet('通报')!;
    const first: string[] = [];
    sheet.eachRow((row) => (first[row.number] = String(row.getCell(1).value ?? '')));
    const caption = first.indexOf(`表${doc.groups.length + 1}  亮红灯项目清单（${doc.redProjects.length}个）`);
    expect(caption).toBeGreaterThan(0);
    const texts = (row: number) => [1, 4, 6].map((c) => String(sheet.getRow(row).getCell(c).value));
    expect(texts(caption + 1)).toEqual(['项目', '单位', '亮灯原因']);
    doc.redProjects.forEach((p, i) =>
      expect(texts(caption + 2 + i)).toEqual([p.name, p.unitName, p.reasons.join('；')]),
    );
    expect(first).toContain(racersLine(doc.groups[0]!));
    // An appendix without computed indicators says why it is empty.
    expect(String(workbook.getWorksheet('明细')!.getRow(3).getCell(1).value)).toBe(
      '本赛马的指标均为录入的统计数据，没有项目明细。',
    );
  });
});
