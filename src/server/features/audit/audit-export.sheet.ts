import type { PassThrough } from 'node:stream';
import type ExcelJS from 'exceljs';
import { auditDiff, auditDiffLines } from '../../../domain/audit/audit-diff.ts';
import { auditActionLabel, auditObjectTypeLabel, type AuditLocale } from '../../../domain/audit/audit-labels.ts';
import { drained, excelDateTime, FORMATS, frozenRows, isAbandoned, styleHeaderRow } from '../exports/xlsx.ts';
import type { AuditRow } from './audit.presenter.ts';

/** The export's columns in the reader's language, with widths that fit their usual content. */
const COLUMNS: { header: Record<AuditLocale, string>; width: number }[] = [
  { header: { 'zh-CN': '时间', en: 'Time' }, width: 18 },
  { header: { 'zh-CN': '操作人', en: 'By' }, width: 12 },
  { header: { 'zh-CN': '单位', en: 'Unit' }, width: 16 },
  { header: { 'zh-CN': '操作', en: 'Action' }, width: 16 },
  { header: { 'zh-CN': '对象', en: 'Object' }, width: 16 },
  { header: { 'zh-CN': '摘要', en: 'Summary' }, width: 48 },
  { header: { 'zh-CN': '变更', en: 'Changes' }, width: 60 },
];

/** The sheet's name and the texts of the columns, for the route and the tests. */
export const auditSheetName = (locale: AuditLocale) => (locale === 'en' ? 'Audit' : '审计日志');
export const auditExportHeaders = (locale: AuditLocale) => COLUMNS.map((c) => c.header[locale]);

const json = (text: string | null) => (text === null ? null : (JSON.parse(text) as unknown));

/** One event as a row: the county's time, the labels, and the changed fields as `field: before → after` lines. */
export function auditExportRow(e: AuditRow, locale: AuditLocale, timeZone: string): ExcelJS.CellValue[] {
  const changes = auditDiffLines(auditDiff(e.object_type, json(e.before_json), json(e.after_json), locale));
  return [
    excelDateTime(e.at, timeZone),
    e.actor_name,
    e.unit_name ?? '',
    auditActionLabel(e.action, locale),
    `${auditObjectTypeLabel(e.object_type, locale)} #${e.object_id}`,
    e.summary,
    changes.join('\n'),
  ];
}

/**
 * Writes the filtered audit list as one table, newest first: a bold, frozen, filterable header, then
 * one row per event, committed as it is written so memory holds one batch.
 */
export async function writeAuditSheet(
  workbook: ExcelJS.stream.xlsx.WorkbookWriter,
  output: PassThrough,
  batches: AsyncIterable<AuditRow[]>,
  { locale, timeZone }: { locale: AuditLocale; timeZone: string },
): Promise<void> {
  const sheet = workbook.addWorksheet(auditSheetName(locale), { views: frozenRows(1) });
  sheet.columns = COLUMNS.map((c, i) => ({
    width: c.width,
    style: i === 0 ? { numFmt: FORMATS.dateTime } : i >= 5 ? { alignment: { wrapText: true, vertical: 'top' } } : {},
  }));
  const header = sheet.addRow(auditExportHeaders(locale));
  styleHeaderRow(header, COLUMNS.length);
  header.commit();
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: COLUMNS.length } };
  for await (const batch of batches) {
    if (isAbandoned(output)) return;
    for (const e of batch) sheet.addRow(auditExportRow(e, locale, timeZone)).commit();
    await drained(output);
  }
  sheet.commit();
  await workbook.commit();
}
