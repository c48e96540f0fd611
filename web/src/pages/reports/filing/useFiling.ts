// The filing grid's state: the cells as typed over what the server holds, each row's problem, and the
// two saves (保存草稿, 全部提交) row by row through POST /reports/filing.
import { useCallback, useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { reportsApi, type FilingRow, type ReportFilingInput } from '../../../api-reports';
import { FILING_BATCH_MAX } from '../../../../../src/contract/reports';
import { filingQuery, invalidateReports } from '../../../features/reports/queries';
import {
  checkRow,
  initialValues,
  isChanged,
  isEditable,
  pastedColumn,
  type CellError,
  type FilingCell,
  type RowValues,
} from './filingRows';

export interface FilingOutcome {
  submit: boolean;
  saved: number;
  submitted: number;
  /** Rows left with a problem, as shown (1-based), each with its error. */
  errors: { index: number; error: CellError }[];
}

const FIELDS = new Set<string>(['amountWan', 'progressText', 'problems']);

export function useFiling(year: number, month: number) {
  const query = useQuery(filingQuery(year, month));
  const rows = query.data?.items ?? [];
  const [edits, setEdits] = useState<Map<number, RowValues>>(new Map());
  const [errors, setErrors] = useState<Map<number, CellError>>(new Map());
  const [busy, setBusy] = useState<'draft' | 'submit' | null>(null);
  const [outcome, setOutcome] = useState<FilingOutcome | null>(null);

  const valuesOf = useCallback((row: FilingRow) => edits.get(row.projectId) ?? initialValues(row), [edits]);
  const errorOf = useCallback((row: FilingRow) => errors.get(row.projectId) ?? null, [errors]);

  /** Sets cells and checks their rows at once: text in an amount cell is marked, and kept as typed. */
  const setCells = (changes: { row: FilingRow; cell: FilingCell; value: string }[]) => {
    const nextEdits = new Map(edits);
    const nextErrors = new Map(errors);
    for (const { row, cell, value } of changes) {
      const values = { ...(nextEdits.get(row.projectId) ?? initialValues(row)), [cell]: value };
      nextEdits.set(row.projectId, values);
      const problem = checkRow(row, values, false);
      if (problem) nextErrors.set(row.projectId, problem);
      else nextErrors.delete(row.projectId);
    }
    setEdits(nextEdits);
    setErrors(nextErrors);
  };

  const onCell = (row: FilingRow, cell: FilingCell, value: string) => setCells([{ row, cell, value }]);

  /** A pasted column fills its cells from the row downwards, over the rows that can be edited. */
  const onPasteColumn = (index: number, cell: FilingCell, text: string) => {
    const lines = pastedColumn(text);
    const targets = rows.slice(index).filter(isEditable).slice(0, lines.length);
    setCells(targets.map((row, i) => ({ row, cell, value: lines[i]! })));
  };

  /** Saves the changed rows as drafts, or (submit) saves and submits every row that can be. */
  const save = async (submit: boolean) => {
    setBusy(submit ? 'submit' : 'draft');
    const nextErrors = new Map(errors);
    const items: ReportFilingInput['items'] = [];
    for (const row of rows) {
      if (!isEditable(row)) continue;
      const values = valuesOf(row);
      if (!submit && !isChanged(row, values)) continue;
      // 保存草稿 takes what is typed: a row without an amount is not started yet.
      if (!submit && values.amountWan.trim() === '') continue;
      const problem = checkRow(row, values, submit);
      if (problem) {
        nextErrors.set(row.projectId, problem);
        continue;
      }
      nextErrors.delete(row.projectId);
      items.push({
        projectId: row.projectId,
        amountWan: values.amountWan.trim(),
        progressText: values.progressText.trim(),
        problems: values.problems.trim(),
      });
    }
    let saved = 0;
    let submitted = 0;
    const done = new Set<number>();
    try {
      for (let i = 0; i < items.length; i += FILING_BATCH_MAX) {
        const result = await reportsApi.fileMany({ year, month, submit, items: items.slice(i, i + FILING_BATCH_MAX) });
        saved += result.saved;
        submitted += result.submitted;
        for (const item of result.items) {
          if (item.ok) done.add(item.projectId);
          else
            nextErrors.set(item.projectId, {
              field: item.error.field && FIELDS.has(item.error.field) ? (item.error.field as FilingCell) : null,
              message: item.error.message,
            });
        }
      }
    } finally {
      // The saved rows show what the server holds now; the others keep what was typed, with their problem.
      await invalidateReports();
      setEdits((current) => new Map([...current].filter(([id]) => !done.has(id))));
      setErrors(nextErrors);
      setOutcome({
        submit,
        saved,
        submitted,
        errors: rows.flatMap((row, index) => {
          const error = nextErrors.get(row.projectId);
          return error ? [{ index, error }] : [];
        }),
      });
      setBusy(null);
    }
  };

  return { query, rows, valuesOf, errorOf, onCell, onPasteColumn, save, busy, outcome };
}
