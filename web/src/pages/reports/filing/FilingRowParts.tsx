// What the grid and the cards share: their props, the gap as points, a row's status with its error.
import { Typography } from 'antd';
import type { FilingRow } from '../../../api-reports';
import { formatPoints } from '../../../../../src/domain/progress/time-progress';
import { useReportsI18n, type ReportsI18n } from '../../../i18n-reports';
import { LateTag, ReportStateTag } from '../shared';
import type { CellError, FilingCell, RowValues } from './filingRows';

export interface FilingRowProps {
  rows: FilingRow[];
  timeProgressPct: number;
  busy: boolean;
  valuesOf: (row: FilingRow) => RowValues;
  errorOf: (row: FilingRow) => CellError | null;
  onCell: (row: FilingRow, cell: FilingCell, value: string) => void;
  /** A multi-line block pasted into a cell: its first column fills that column from the row downwards. */
  onPasteColumn: (index: number, cell: FilingCell, text: string) => void;
  onPhotos: (row: FilingRow) => void;
}

/** "第3行 本月完成投资：…" — the row as shown (1-based) and the cell's column. */
export function rowErrorText(tr: ReportsI18n['tr'], index: number, error: CellError): string {
  const message = error.key ? tr(error.key) : (error.message ?? '');
  return error.field
    ? tr('filing.rowError', { row: index + 1, cell: tr(`filing.col.${error.field}`), message })
    : tr('filing.rowErrorNoCell', { row: index + 1, message });
}

/** Year completion minus 序时进度, in points with a sign: ahead in green, behind in red. */
export function GapText({ gap, testId }: { gap: number | null; testId?: string }) {
  if (gap === null)
    return (
      <Typography.Text type="secondary" data-testid={testId}>
        —
      </Typography.Text>
    );
  return (
    <Typography.Text type={gap < 0 ? 'danger' : 'success'} data-testid={testId} data-gap={gap}>
      {gap > 0 ? '+' : ''}
      {formatPoints(gap)}
    </Typography.Text>
  );
}

/** The report's state, and the row's problem naming its cell. */
export function RowStatus({
  row,
  index,
  error,
  showError = true,
}: {
  row: FilingRow;
  index: number;
  error: CellError | null;
  /** False where the row's problem is shown on a line of its own (the desktop grid). */
  showError?: boolean;
}) {
  const { tr } = useReportsI18n();
  return (
    <div data-testid={`filing-status-${index}`} data-state={row.report?.state ?? 'missing'}>
      <div style={{ display: 'flex', flexWrap: 'wrap', gap: 4 }}>
        <ReportStateTag state={row.report?.state ?? 'missing'} />
        {row.report?.isLate && <LateTag />}
      </div>
      {row.report?.returnReason && row.report.state === 'returned' && (
        <Typography.Text type="danger" style={{ fontSize: 12, display: 'block' }}>
          {tr('todo.returnReason', { reason: row.report.returnReason })}
        </Typography.Text>
      )}
      {error && showError && <RowErrorText index={index} error={error} />}
    </div>
  );
}

/** The row's problem in red, naming the row and the cell. */
export function RowErrorText({ index, error }: { index: number; error: CellError }) {
  const { tr } = useReportsI18n();
  return (
    <Typography.Text
      type="danger"
      style={{ fontSize: 12, display: 'block', marginTop: 2 }}
      data-testid={`filing-error-${index}`}
    >
      {rowErrorText(tr, index, error)}
    </Typography.Text>
  );
}
