import { Fragment, type ClipboardEvent } from 'react';
import { Button, Input, Typography } from 'antd';
import { CameraOutlined } from '@ant-design/icons';
import type { FilingRow } from '../../../api-reports';
import { formatWan } from '../../../../../src/domain/money/money';
import { useReportsI18n } from '../../../i18n-reports';
import { cellId, cellKeys } from './cellFocus';
import { FILING_CELLS, isEditable, progressOf, type FilingCell, type RowValues } from './filingRows';
import { GapText, RowErrorText, RowStatus, type FilingRowProps } from './FilingRowParts';

const rowCell = { padding: '6px 6px', borderBottom: '1px solid #f0f0f0', verticalAlign: 'top' } as const;
const numCell = { textAlign: 'right', whiteSpace: 'nowrap', paddingTop: 11 } as const;
const cellStyle = rowCell;

/**
 * 本月填报 on a desktop: one row per project, the cells a reporter types (本月完成投资 in 万元, 形象进度,
 * 存在问题) beside what Lantern knows (plan, 年累计 with this month, the 序时进度 gap as they type).
 */
export function FilingGrid(props: FilingRowProps) {
  const { tr } = useReportsI18n();
  const { rows, timeProgressPct } = props;
  const count = rows.length;

  const onPaste = (index: number, cell: FilingCell) => (event: ClipboardEvent<HTMLInputElement>) => {
    const text = event.clipboardData.getData('text');
    if (!/[\r\n]/.test(text.trim())) return; // one value: the input's own paste
    event.preventDefault();
    props.onPasteColumn(index, cell, text);
  };

  const input = (row: FilingRow, index: number, cell: FilingCell, values: RowValues) => {
    const marked = props.errorOf(row)?.field === cell;
    return (
      <Input
        value={values[cell]}
        disabled={!isEditable(row) || props.busy}
        status={marked ? 'error' : undefined}
        onChange={(e) => props.onCell(row, cell, e.target.value)}
        onKeyDown={cellKeys(cell, index, count)}
        onPaste={onPaste(index, cell)}
        inputMode={cell === 'amountWan' ? 'decimal' : undefined}
        style={cell === 'amountWan' ? { textAlign: 'right' } : undefined}
        aria-label={`${row.projectName} ${tr(`filing.col.${cell}`)}`}
        data-testid={cellId(cell, index)}
      />
    );
  };

  return (
    <div style={{ overflowX: 'auto' }}>
      <table style={{ width: '100%', borderCollapse: 'collapse', tableLayout: 'fixed', minWidth: 980 }}>
        <colgroup>
          <col style={{ width: 28 }} />
          <col style={{ width: '16%' }} />
          <col style={{ width: 76 }} />
          <col style={{ width: 84 }} />
          <col style={{ width: 60 }} />
          <col style={{ width: 96 }} />
          <col />
          <col style={{ width: '14%' }} />
          <col style={{ width: 48 }} />
          <col style={{ width: 108 }} />
        </colgroup>
        <thead>
          <tr style={{ background: '#fafafa', textAlign: 'left', fontSize: 13 }}>
            <th style={cellStyle}>#</th>
            <th style={cellStyle}>{tr('filing.col.project')}</th>
            <th style={{ ...cellStyle, textAlign: 'right' }}>{tr('filing.col.plan')}</th>
            <th style={{ ...cellStyle, textAlign: 'right' }}>{tr('filing.col.yearToDate')}</th>
            <th style={{ ...cellStyle, textAlign: 'right' }} title={tr('filing.gapTitle')}>
              {tr('filing.col.gap')}
            </th>
            {FILING_CELLS.map((cell) => (
              <th key={cell} style={cellStyle}>
                {tr(`filing.col.${cell}`)}
              </th>
            ))}
            <th style={cellStyle}>{tr('filing.col.photos')}</th>
            <th style={cellStyle}>{tr('filing.col.status')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row, index) => {
            const values = props.valuesOf(row);
            const progress = progressOf(row, values, timeProgressPct);
            const error = props.errorOf(row);
            // A row with a problem has it on a line of its own below, under the cells.
            const cellStyle = error ? { ...rowCell, borderBottom: 'none' } : rowCell;
            const numStyle = { ...cellStyle, ...numCell };
            return (
              <Fragment key={row.projectId}>
                <tr data-testid={`filing-row-${index}`} data-project={row.projectId}>
                  <td style={{ ...cellStyle, paddingTop: 11, color: '#8c8c8c' }}>{index + 1}</td>
                  <td style={{ ...cellStyle, paddingTop: 9 }}>
                    <Typography.Text strong ellipsis={{ tooltip: row.projectName }} style={{ display: 'block' }}>
                      {row.projectName}
                    </Typography.Text>
                    <Typography.Text type="secondary" ellipsis style={{ fontSize: 12, display: 'block' }}>
                      {row.unitName}
                      {row.projectCode ? ` · ${row.projectCode}` : ''}
                    </Typography.Text>
                  </td>
                  <td style={numStyle}>{row.planYuan === null ? '—' : formatWan(row.planYuan)}</td>
                  <td style={numStyle} data-testid={`filing-ytd-${index}`}>
                    {formatWan(progress.yearToDateYuan)}
                  </td>
                  <td style={numStyle}>
                    <GapText gap={progress.gap} testId={`filing-gap-${index}`} />
                  </td>
                  {FILING_CELLS.map((cell) => (
                    <td key={cell} style={cellStyle}>
                      {input(row, index, cell, values)}
                    </td>
                  ))}
                  <td style={cellStyle}>
                    <Button
                      icon={<CameraOutlined />}
                      disabled={!row.report}
                      title={row.report ? tr('filing.photos') : tr('filing.photosAfterSave')}
                      onClick={() => props.onPhotos(row)}
                      data-testid={`filing-photos-${index}`}
                    >
                      {row.report?.photoCount ? row.report.photoCount : null}
                    </Button>
                  </td>
                  <td style={{ ...cellStyle, paddingTop: 9 }}>
                    <RowStatus row={row} index={index} error={error} showError={false} />
                  </td>
                </tr>
                {error && (
                  <tr>
                    <td style={{ ...rowCell, paddingTop: 0 }} />
                    <td colSpan={9} style={{ ...rowCell, paddingTop: 0 }}>
                      <RowErrorText index={index} error={error} />
                    </td>
                  </tr>
                )}
              </Fragment>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
