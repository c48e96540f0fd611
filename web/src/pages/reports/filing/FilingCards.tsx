import type { ClipboardEvent } from 'react';
import { Button, Card, Input, Typography } from 'antd';
import { CameraOutlined } from '@ant-design/icons';
import { formatWan } from '../../../../../src/domain/money/money';
import { useReportsI18n } from '../../../i18n-reports';
import { cellId, cellKeys } from './cellFocus';
import { isEditable, progressOf, type FilingCell } from './filingRows';
import { GapText, RowStatus, type FilingRowProps } from './FilingRowParts';

/** 本月填报 on a phone: one card per project, the same cells, moves and paste as the desktop grid. */
export function FilingCards(props: FilingRowProps) {
  const { tr } = useReportsI18n();
  const { rows, timeProgressPct } = props;

  const onPaste = (index: number, cell: FilingCell) => (event: ClipboardEvent<HTMLElement>) => {
    const text = event.clipboardData.getData('text');
    if (!/[\r\n]/.test(text.trim()) || cell !== 'amountWan') return;
    event.preventDefault();
    props.onPasteColumn(index, cell, text);
  };

  return (
    <div style={{ display: 'flex', flexDirection: 'column', gap: 12 }}>
      {rows.map((row, index) => {
        const values = props.valuesOf(row);
        const progress = progressOf(row, values, timeProgressPct);
        const error = props.errorOf(row);
        const disabled = !isEditable(row) || props.busy;
        const label = (cell: FilingCell) => (
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {tr(`filing.col.${cell}`)}
          </Typography.Text>
        );
        const text = (cell: 'progressText' | 'problems') => (
          <div style={{ marginTop: 8 }}>
            {label(cell)}
            <Input.TextArea
              value={values[cell]}
              disabled={disabled}
              status={error?.field === cell ? 'error' : undefined}
              autoSize={{ minRows: 1, maxRows: 4 }}
              onChange={(e) => props.onCell(row, cell, e.target.value)}
              data-testid={cellId(cell, index)}
            />
          </div>
        );
        return (
          <Card
            key={row.projectId}
            size="small"
            data-testid={`filing-row-${index}`}
            data-project={row.projectId}
            title={
              <span style={{ whiteSpace: 'normal' }}>
                {index + 1}. {row.projectName}
              </span>
            }
          >
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {row.unitName}
            </Typography.Text>
            <div style={{ display: 'flex', flexWrap: 'wrap', gap: '2px 12px', fontSize: 13, margin: '4px 0 8px' }}>
              <span>
                {tr('filing.col.plan')} {row.planYuan === null ? '—' : formatWan(row.planYuan)}
              </span>
              <span data-testid={`filing-ytd-${index}`}>
                {tr('filing.col.yearToDate')} {formatWan(progress.yearToDateYuan)}
              </span>
              <span>
                {tr('filing.col.gap')} <GapText gap={progress.gap} testId={`filing-gap-${index}`} />
              </span>
            </div>
            {label('amountWan')}
            <Input
              value={values.amountWan}
              disabled={disabled}
              status={error?.field === 'amountWan' ? 'error' : undefined}
              inputMode="decimal"
              suffix={tr('filing.wan')}
              onChange={(e) => props.onCell(row, 'amountWan', e.target.value)}
              onKeyDown={cellKeys('amountWan', index, rows.length)}
              onPaste={onPaste(index, 'amountWan')}
              data-testid={cellId('amountWan', index)}
            />
            {text('progressText')}
            {text('problems')}
            <div style={{ display: 'flex', justifyContent: 'space-between', gap: 8, marginTop: 8 }}>
              <RowStatus row={row} index={index} error={error} />
              <Button
                icon={<CameraOutlined />}
                disabled={!row.report}
                onClick={() => props.onPhotos(row)}
                data-testid={`filing-photos-${index}`}
              >
                {row.report?.photoCount ? row.report.photoCount : tr('filing.photos')}
              </Button>
            </div>
          </Card>
        );
      })}
    </div>
  );
}
