import ExcelJS from 'exceljs';
import { BORDER, excelDate, fitWidth, FORMATS, frozenRows, styleHeaderRow } from './xlsx.ts';

/** One column of an import template. */
export interface TemplateColumn {
  header: string;
  required: boolean;
  /** What the cell may hold, shown as the header's note and on the 填写说明 sheet. */
  hint: string;
  kind: 'text' | 'money' | 'date' | 'number' | 'integer' | 'list';
  /**
   * The drop-down of a list column. `strict` refuses anything else; otherwise Excel only warns,
   * for columns whose importer also understands other spellings (industry codes, unit names).
   */
  choices?: { values: readonly string[]; strict: boolean };
  /** Bounds of an integer or number column (年度, 月份). */
  range?: [min: number, max: number];
  /** The example row's cell ('' leaves it empty). */
  example: string;
}

/** Rows below the header that carry the drop-downs and formats: far more than a county enters at once. */
export const TEMPLATE_ROWS = 10_000;
const OPTIONS_SHEET = '选项';

const columnLetter = (n: number): string =>
  n <= 26
    ? String.fromCharCode(64 + n)
    : columnLetter(Math.floor((n - 1) / 26)) + String.fromCharCode(65 + ((n - 1) % 26));

/** The example as a cell: numbers for money and numbers, a real date for full dates, text otherwise. */
function exampleCell(c: TemplateColumn): string | number | Date | null {
  if (c.example === '') return null;
  if ((c.kind === 'money' || c.kind === 'number' || c.kind === 'integer') && /^-?\d+(\.\d+)?$/.test(c.example))
    return Number(c.example);
  // A month alone (2024-03) stays text: ledgers write planned dates that way and the import reads it.
  if (c.kind === 'date' && /^\d{4}-\d{2}-\d{2}$/.test(c.example)) return excelDate(c.example);
  return c.example;
}

const NUM_FMT: Record<TemplateColumn['kind'], string | undefined> = {
  text: '@',
  list: '@',
  money: FORMATS.money,
  date: FORMATS.date,
  number: undefined,
  integer: FORMATS.integer,
};

/**
 * Builds an import template: the data sheet with bold, frozen headers (required ones in dark red,
 * each with a note saying what it takes), one grey example row, drop-downs and number or date
 * formats on the first TEMPLATE_ROWS rows; a 填写说明 sheet; and the hidden 选项 sheet holding the
 * drop-downs' values (Excel limits a typed-in list to 255 characters; 97 industries are far more).
 */
export async function buildTemplate(spec: {
  sheetName: string;
  columns: TemplateColumn[];
  notes: string[];
}): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Lantern';
  const sheet = workbook.addWorksheet(spec.sheetName, { views: frozenRows(1) });
  const guide = workbook.addWorksheet('填写说明');
  let options: ExcelJS.Worksheet | undefined;
  const last = TEMPLATE_ROWS + 1;
  // exceljs keeps validations by address and accepts a whole range ('B2:B10001') as one entry; its
  // typings only show the per-cell form, which would mean 10,000 entries per column.
  const validations = (sheet as unknown as { dataValidations: { add(range: string, v: ExcelJS.DataValidation): void } })
    .dataValidations;

  sheet.columns = spec.columns.map((c) => ({
    width: fitWidth([c.header, c.example, ...(c.choices?.values.slice(0, 50) ?? [])], { min: 8, max: 40 }),
    style: NUM_FMT[c.kind] ? { numFmt: NUM_FMT[c.kind] } : {},
  }));
  const header = sheet.getRow(1);
  header.values = spec.columns.map((c) => c.header);
  styleHeaderRow(header, spec.columns.length);
  const example = sheet.getRow(2);
  example.values = spec.columns.map(exampleCell);

  let optionColumn = 0;
  spec.columns.forEach((c, i) => {
    const cell = header.getCell(i + 1);
    if (c.required) cell.font = { bold: true, color: { argb: 'FF9E1C1C' } };
    cell.note = `${c.required ? '必填' : '选填'}：${c.hint}`;
    example.getCell(i + 1).font = { italic: true, color: { argb: 'FF808080' } };
    const range = `${columnLetter(i + 1)}2:${columnLetter(i + 1)}${last}`;
    if (c.choices && c.choices.values.length) {
      options ??= workbook.addWorksheet(OPTIONS_SHEET, { state: 'hidden' });
      optionColumn += 1;
      const letter = columnLetter(optionColumn);
      options.getCell(1, optionColumn).value = c.header;
      c.choices.values.forEach((v, k) => (options!.getCell(k + 2, optionColumn).value = v));
      validations.add(range, {
        type: 'list',
        allowBlank: true,
        formulae: [`'${OPTIONS_SHEET}'!$${letter}$2:$${letter}$${c.choices.values.length + 1}`],
        showErrorMessage: true,
        errorStyle: c.choices.strict ? 'stop' : 'warning',
        errorTitle: c.header,
        error: `请从下拉列表中选择${c.header}`,
      });
    } else if (c.kind === 'money') {
      validations.add(range, {
        type: 'decimal',
        operator: 'greaterThanOrEqual',
        allowBlank: true,
        formulae: [0],
        showErrorMessage: true,
        errorStyle: 'stop',
        errorTitle: c.header,
        error: '请填写以万元计的非负金额，如 1234.5',
      });
    } else if (c.kind === 'date') {
      // A warning only: the import also reads 2024年3月, 2024.3 and the like typed as text.
      validations.add(range, {
        type: 'date',
        operator: 'between',
        allowBlank: true,
        formulae: [new Date(Date.UTC(1990, 0, 1)), new Date(Date.UTC(2100, 11, 31))],
        showErrorMessage: true,
        errorStyle: 'warning',
        errorTitle: c.header,
        error: '请填写日期，如 2026-03-15',
      });
    } else if (c.kind === 'integer' && c.range) {
      validations.add(range, {
        type: 'whole',
        operator: 'between',
        allowBlank: true,
        formulae: [c.range[0], c.range[1]],
        showErrorMessage: true,
        errorStyle: 'stop',
        errorTitle: c.header,
        error: `请填写 ${c.range[0]} 至 ${c.range[1]} 之间的整数`,
      });
    }
  });

  guide.columns = [
    { header: '列名', width: 26 },
    { header: '是否必填', width: 10 },
    { header: '填写要求', width: 60 },
    { header: '示例', width: 28 },
  ];
  styleHeaderRow(guide.getRow(1), 4);
  for (const c of spec.columns) {
    const row = guide.addRow([c.header, c.required ? '必填' : '选填', c.hint, c.example]);
    row.eachCell((cell) => {
      cell.border = BORDER;
      cell.alignment = { vertical: 'top', wrapText: true };
    });
    if (c.required) row.getCell(2).font = { bold: true, color: { argb: 'FF9E1C1C' } };
  }
  guide.addRow([]);
  for (const note of spec.notes) guide.addRow([note]);
  guide.views = frozenRows(1);

  return Buffer.from(await workbook.xlsx.writeBuffer());
}
