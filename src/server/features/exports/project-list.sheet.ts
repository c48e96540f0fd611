import type { PassThrough } from 'node:stream';
import type ExcelJS from 'exceljs';
import type { presentProjectSummary } from '../projects/projects.presenter.ts';
import { LIST_EXPORT_COLUMNS, type ListExportColumn, type ListExportColumnKey } from './project-list-columns.ts';
import { drained, fitWidth, frozenRows, isAbandoned, styleHeaderRow } from './xlsx.ts';

type Summary = ReturnType<typeof presentProjectSummary>;

/**
 * Writes a project list as one clean table: a bold, frozen, filterable header row, then one row per
 * project, committed as it is written. The streaming writer puts the column widths before the first
 * row, so they are estimated from the header and the first batch.
 */
export async function writeProjectListSheet(
  workbook: ExcelJS.stream.xlsx.WorkbookWriter,
  output: PassThrough,
  keys: ListExportColumnKey[],
  first: Summary[],
  rest: AsyncIterable<Summary[]>,
): Promise<void> {
  const columns: ListExportColumn[] = keys.map((key) => LIST_EXPORT_COLUMNS[key]);
  const sheet = workbook.addWorksheet('项目库', { views: frozenRows(1) });
  sheet.columns = columns.map((c) => ({
    width: fitWidth([c.header, ...first.map(c.shown)]),
    style: { ...(c.numFmt ? { numFmt: c.numFmt } : {}), ...(c.align ? { alignment: { horizontal: c.align } } : {}) },
  }));
  const header = sheet.addRow(columns.map((c) => c.header));
  styleHeaderRow(header, columns.length);
  header.commit();
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: columns.length } };

  const write = (batch: Summary[]) => {
    for (const p of batch) sheet.addRow(columns.map((c) => c.value(p))).commit();
  };
  write(first);
  for await (const batch of rest) {
    if (isAbandoned(output)) return;
    write(batch);
    await drained(output);
  }
  sheet.commit();
  await workbook.commit();
}
