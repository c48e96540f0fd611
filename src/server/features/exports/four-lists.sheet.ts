import type { PassThrough } from 'node:stream';
import type ExcelJS from 'exceljs';
import { toWanNumber } from '../../../domain/money/money.ts';
import type { ListName } from '../../../domain/projects/four-lists.ts';
import { BORDER, drained, excelDate, FORMATS, frozenRows, isAbandoned, styleHeaderRow } from './xlsx.ts';

/** One project as a ledger row shows it. */
export interface LedgerRow {
  name: string;
  code: string | null;
  /** 建设性质 label (新建, 扩建, …). */
  nature: string;
  totalInvestmentYuan: number;
  /** The project's annual plan for the ledger's year; null when it has none. */
  annualPlanYuan: number | null;
  /** Planned start (谋划, 储备, 开工) or production (投产) date. */
  plannedDate: string | null;
  actualDate: string | null;
  leadUnitName: string;
}

/** The projects of one responsible unit (a unit directly below the chosen one), in batches. */
export interface LedgerGroup {
  unitName: string;
  batches: AsyncIterable<LedgerRow[]>;
}

type Column = { header: string; width: number; kind: 'index' | 'text' | 'money' | 'date' | 'status' };

/** The ledger's columns for each list: the start and production lists add the actual date and 状态. */
function ledgerColumns(list: ListName): Column[] {
  const milestone = list === 'production' ? '投产' : '开工';
  const tracked = list === 'start' || list === 'production';
  return [
    { header: '序号', width: 6, kind: 'index' },
    { header: '项目名称', width: 42, kind: 'text' },
    { header: '项目代码', width: 27, kind: 'text' },
    { header: '建设性质', width: 10, kind: 'text' },
    { header: '总投资（万元）', width: 16, kind: 'money' },
    { header: '年度计划投资（万元）', width: 16, kind: 'money' },
    { header: `计划${milestone}日期`, width: 13, kind: 'date' },
    ...(tracked
      ? ([
          { header: `实际${milestone}日期`, width: 13, kind: 'date' },
          { header: '状态', width: 12, kind: 'status' },
        ] satisfies Column[])
      : []),
    { header: '责任单位', width: 18, kind: 'text' },
  ];
}

const DIGITS = ['', '一', '二', '三', '四', '五', '六', '七', '八', '九'];

/** 1 → 一, 10 → 十, 12 → 十二, 40 → 四十, 105 → 105 (ledgers rarely have that many groups). */
export function chineseNumeral(n: number): string {
  if (n < 1 || n > 99) return String(n);
  if (n < 10) return DIGITS[n]!;
  const tens = Math.floor(n / 10);
  return `${tens === 1 ? '' : DIGITS[tens]}十${DIGITS[n % 10]}`;
}

interface Totals {
  count: number;
  totalYuan: number;
  planYuan: number;
  done: number;
}
const emptyTotals = (): Totals => ({ count: 0, totalYuan: 0, planYuan: 0, done: 0 });

/**
 * Writes one list as the units' ledger: a merged title row, the header row (both frozen), then
 * per responsible unit a bold group row 一、二、… carrying the unit's count and sums, its projects
 * numbered 1, 2, … and a 合计 row at the end. A group's rows stay uncommitted until the group is
 * complete so its sums can go above it; memory holds at most one unit's projects.
 */
export async function writeLedgerSheet(
  workbook: ExcelJS.stream.xlsx.WorkbookWriter,
  output: PassThrough,
  sheet: { name: string; title: string; list: ListName },
  groups: AsyncIterable<LedgerGroup>,
): Promise<boolean> {
  const columns = ledgerColumns(sheet.list);
  const tracked = sheet.list === 'start' || sheet.list === 'production';
  const [doneLabel, pendingLabel] = sheet.list === 'production' ? ['已投产', '未投产'] : ['已开工', '未开工'];
  const ws = workbook.addWorksheet(sheet.name, {
    views: frozenRows(2),
    pageSetup: { orientation: 'landscape', paperSize: 9, fitToPage: true, fitToWidth: 1, fitToHeight: 0 },
  });
  ws.columns = columns.map((c) => ({
    width: c.width,
    style: {
      ...(c.kind === 'money' ? { numFmt: FORMATS.money } : c.kind === 'date' ? { numFmt: FORMATS.date } : {}),
      alignment: {
        vertical: 'middle',
        horizontal: c.kind === 'money' ? 'right' : c.kind === 'text' ? 'left' : 'center',
        wrapText: c.kind === 'text' || c.kind === 'status',
      },
      border: BORDER,
    },
  }));
  const width = columns.length;
  const col = (kind: Column['kind'], nth = 0) =>
    columns.map((c, i) => (c.kind === kind ? i + 1 : 0)).filter(Boolean)[nth]!;
  const [totalCol, planCol] = [col('money', 0), col('money', 1)];

  const title = ws.addRow([sheet.title]);
  ws.mergeCells(1, 1, 1, width);
  title.height = 32;
  title.getCell(1).font = { bold: true, size: 16 };
  title.getCell(1).alignment = { horizontal: 'center', vertical: 'middle' };
  title.getCell(1).border = {};
  title.commit();
  const header = ws.addRow(columns.map((c) => c.header));
  styleHeaderRow(header, width);
  header.height = 30;
  header.commit();

  const emphasise = (row: ExcelJS.Row) => {
    for (let c = 1; c <= width; c++) {
      const cell = row.getCell(c);
      cell.font = { bold: true };
      cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFEAF1FB' } };
    }
  };
  const sums = (row: ExcelJS.Row, t: Totals) => {
    row.getCell(totalCol).value = toWanNumber(t.totalYuan);
    row.getCell(planCol).value = toWanNumber(t.planYuan);
    if (tracked) row.getCell(col('status')).value = `${doneLabel}${t.done}个`;
  };

  const all = emptyTotals();
  let groupNo = 0;
  for await (const group of groups) {
    if (isAbandoned(output)) return false;
    const totals = emptyTotals();
    let groupRow: ExcelJS.Row | null = null;
    let last: ExcelJS.Row | null = null;
    for await (const batch of group.batches) {
      if (!batch.length) continue;
      // The group row is added with the first project, so units without projects leave no trace.
      groupRow ??= ws.addRow([chineseNumeral(++groupNo)]);
      for (const p of batch) {
        totals.count += 1;
        totals.totalYuan += p.totalInvestmentYuan;
        totals.planYuan += p.annualPlanYuan ?? 0;
        if (p.actualDate) totals.done += 1;
        const values: (string | number | Date | null)[] = [
          totals.count,
          p.name,
          p.code,
          p.nature,
          toWanNumber(p.totalInvestmentYuan),
          p.annualPlanYuan === null ? null : toWanNumber(p.annualPlanYuan),
          excelDate(p.plannedDate),
          ...(tracked ? [excelDate(p.actualDate), p.actualDate ? doneLabel : pendingLabel] : []),
          p.leadUnitName,
        ];
        last = ws.addRow(values);
      }
    }
    if (!groupRow || !last) continue;
    groupRow.getCell(2).value = `${group.unitName}（${totals.count}个）`;
    sums(groupRow, totals);
    emphasise(groupRow);
    last.commit();
    await drained(output);
    all.count += totals.count;
    all.totalYuan += totals.totalYuan;
    all.planYuan += totals.planYuan;
    all.done += totals.done;
  }

  const total = ws.addRow(['合计', `${all.count}个项目`]);
  sums(total, all);
  if (tracked) {
    total.getCell(col('status')).value = `${doneLabel}${all.done}个\n${pendingLabel}${all.count - all.done}个`;
    total.height = 32;
  }
  emphasise(total);
  total.commit();
  ws.commit();
  return true;
}
