/**
 * The targets grid of a year in Excel, laid out as targets-sheet.ts reads it back: a title row, the
 * header (单位, then each indicator with its unit), one row per unit, and the 合计 row computed by the
 * domain's targetTotals (the page shows the same). Money is written in 万元 as numbers exact to the
 * 元 (4 decimals, shown with 2 to 4); counts and percents as they were entered.
 */
import ExcelJS from 'exceljs';
import { toWanNumber } from '../../../domain/money/money.ts';
import { targetTotals } from '../../../domain/race/target-totals.ts';
import { indicatorHeader, sheetWords, type SheetIndicator } from '../../../domain/race/targets-sheet.ts';
import type { Targets } from '../../../contract/targets.ts';
import { translate, type Locale } from '../../http/i18n.ts';
import { BORDER, fitWidth, frozenRows, styleHeaderRow } from '../exports/xlsx.ts';

/** 万元 exact to the 元, with at least two decimals. */
const MONEY_FORMAT = '#,##0.00##';
const PLAIN_FORMAT = '0.####';

const cellValue = (value: number | null, unit: SheetIndicator['unit']) =>
  value === null ? null : unit === '元' ? toWanNumber(value) : value;

export function targetsFileNames(year: number, locale: Locale) {
  return {
    fileName: `${sheetWords(locale).title(year)}.xlsx`,
    fallbackName: `targets-${year}.xlsx`,
  };
}

/** Renders the grid the reader sees (`targets`, scoped already) for `indicators`, in the reader's language. */
export async function renderTargetsXlsx(
  targets: Targets,
  indicators: readonly SheetIndicator[],
  { locale, now }: { locale: Locale; now: Date },
): Promise<Buffer> {
  const words = sheetWords(locale);
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Lantern';
  workbook.created = now;
  workbook.modified = now;
  const sheet = workbook.addWorksheet(translate('XLSX_TARGETS_SHEET', locale));
  const width = indicators.length + 1;

  const title = sheet.addRow([words.title(targets.year)]);
  sheet.mergeCells(1, 1, 1, width);
  title.getCell(1).font = { bold: true, size: 14 };
  title.getCell(1).alignment = { vertical: 'middle', horizontal: 'center' };
  title.height = 26;
  // The note above the header, where reading the file back does not take it for a unit.
  const note = sheet.addRow([translate('XLSX_TARGETS_NOTE', locale)]);
  sheet.mergeCells(2, 1, 2, width);
  note.getCell(1).font = { color: { argb: 'FF8C8C8C' }, size: 9 };
  note.getCell(1).alignment = { vertical: 'middle', horizontal: 'left', wrapText: true };
  note.height = 30;
  const headers = [words.unit, ...indicators.map((i) => indicatorHeader(i, locale))];
  const header = sheet.addRow(headers);
  styleHeaderRow(header, width);
  header.height = 32;
  sheet.views = frozenRows(3);

  const byCell = new Map(targets.items.map((i) => [`${i.unitId}:${i.indicator}`, i.value]));
  const format = (unit: SheetIndicator['unit']) => (unit === '元' ? MONEY_FORMAT : PLAIN_FORMAT);
  const bordered = (row: ExcelJS.Row) => {
    for (let c = 1; c <= width; c++) {
      const cell = row.getCell(c);
      cell.border = BORDER;
      if (c > 1) cell.numFmt = format(indicators[c - 2]!.unit);
    }
  };
  for (const unit of targets.units) {
    const row = sheet.addRow([
      unit.unitName,
      ...indicators.map((i) => cellValue(byCell.get(`${unit.unitId}:${i.key}`) ?? null, i.unit)),
    ]);
    bordered(row);
  }
  const totals = targetTotals(
    indicators,
    targets.units.map((u) => u.unitId),
    targets.items,
  );
  const total = sheet.addRow([words.total, ...totals.map((t, i) => cellValue(t.total, indicators[i]!.unit) ?? '—')]);
  bordered(total);
  for (let c = 1; c <= width; c++) {
    const cell = total.getCell(c);
    cell.font = { bold: true };
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFF7F7F7' } };
    if (c > 1 && typeof cell.value === 'string') cell.alignment = { horizontal: 'right' };
  }

  sheet.getColumn(1).width = fitWidth([words.unit, words.total, ...targets.units.map((u) => u.unitName)], {
    min: 10,
    max: 30,
  });
  headers.slice(1).forEach((h, i) => (sheet.getColumn(i + 2).width = fitWidth([h], { min: 12, max: 22 })));
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
