// Steps 3 and 4 of an import: the dry run (检查) with its counts and every error named by row and
// cell, the marked workbook to download, and — once the check passed — the commit (确认导入).
import { useEffect, useRef } from 'react';
import { Alert, Button, Card, Popconfirm, Table, Typography } from 'antd';
import { CheckCircleOutlined, CloudUploadOutlined, DownloadOutlined } from '@ant-design/icons';
import type { ImportView, RowError } from '../../api-imports';
import { useImportsI18n } from '../../i18n-imports';
import { CountsRow, RunProgress } from './shared';

interface CheckCardProps {
  view: ImportView;
  /** Every error loaded so far, in row order, and whether more can be loaded. */
  errors: RowError[];
  hasMoreErrors: boolean;
  onMoreErrors: () => void;
  loadingErrors: boolean;
  /** A request (mapping, start) is under way. */
  busy: boolean;
  isPhone: boolean;
  onCheck: () => void;
  onCommit: () => void;
}

export function CheckCard({
  view,
  errors,
  hasMoreErrors,
  onMoreErrors,
  loadingErrors,
  busy,
  isPhone,
  onCheck,
  onCommit,
}: CheckCardProps) {
  const { ti, tk, reportState } = useImportsI18n();
  const running = view.status === 'checking' || view.status === 'committing';
  const counts = view.counts;
  const unit = view.unitName ?? '';

  // A check or commit that starts or ends brings this card into view: the mapping above is long.
  const card = useRef<HTMLDivElement>(null);
  const shown = useRef(view.status);
  useEffect(() => {
    if (view.status !== shown.current && view.status !== 'uploaded')
      card.current?.scrollIntoView({ behavior: 'smooth', block: 'start' });
    shown.current = view.status;
  }, [view.status]);

  const cell = (c: string) => <Typography.Text code>{c}</Typography.Text>;
  // On a phone the four columns become two, so that the problem is read without scrolling sideways.
  const errorColumns = isPhone
    ? [
        {
          key: 'cell',
          title: ti('imports.errors.cell'),
          width: 72,
          render: (_: unknown, e: RowError) => (
            <>
              {cell(e.cell)}
              <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>
                {ti('imports.errors.rowN', { row: e.row })}
              </Typography.Text>
            </>
          ),
        },
        {
          key: 'message',
          title: ti('imports.errors.message'),
          render: (_: unknown, e: RowError) => (
            <>
              <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>
                {e.column}
              </Typography.Text>
              {e.message}
            </>
          ),
        },
      ]
    : [
        { key: 'row', title: ti('imports.errors.row'), dataIndex: 'row', width: 64 },
        { key: 'cell', title: ti('imports.errors.cell'), dataIndex: 'cell', width: 76, render: cell },
        { key: 'column', title: ti('imports.errors.column'), dataIndex: 'column', width: 180 },
        { key: 'message', title: ti('imports.errors.message'), dataIndex: 'message' },
      ];

  const download = view.links.errorsXlsx && (
    <a
      href={view.links.errorsXlsx}
      download
      data-testid="import-errors-download"
      style={{ display: 'inline-flex', alignItems: 'center', gap: 6 }}
    >
      <DownloadOutlined />
      {ti('imports.errors.download')}
    </a>
  );

  return (
    <Card
      ref={card}
      size="small"
      title={ti('imports.step.check')}
      style={{ marginBottom: 16, scrollMarginTop: 72 }}
      data-testid="import-check"
    >
      {!running && (
        <div
          style={{
            display: 'flex',
            alignItems: 'center',
            flexWrap: 'wrap',
            gap: 12,
            marginBottom: counts || view.message ? 12 : 0,
          }}
        >
          <Button
            type={
              view.status === 'uploaded' || view.status === 'failed' || view.status === 'interrupted'
                ? 'primary'
                : 'default'
            }
            icon={<CheckCircleOutlined />}
            onClick={onCheck}
            loading={busy && view.status === 'uploaded'}
            disabled={busy}
            data-testid="import-check-run"
          >
            {ti('imports.check')}
          </Button>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {ti('imports.checkHint')}
          </Typography.Text>
        </div>
      )}
      {running && (
        <RunProgress progress={view.progress} committing={view.status === 'committing'} ledger={view.ledger} />
      )}

      {!running && view.status === 'invalid' && counts && (
        <Alert
          type="error"
          showIcon
          title={view.message ?? ti('imports.checkedErrors')}
          style={{ marginBottom: 12 }}
          data-testid="import-invalid"
        />
      )}
      {!running && (view.status === 'failed' || view.status === 'interrupted') && (
        <Alert
          type="error"
          showIcon
          title={ti('imports.failed')}
          description={view.message ?? undefined}
          style={{ marginBottom: 12 }}
          data-testid="import-failed"
        />
      )}
      {!running && counts && <CountsRow counts={counts} ledger={view.ledger} />}

      {!running && view.status === 'checked' && counts && (
        <Alert
          type="success"
          showIcon
          style={{ marginTop: 12 }}
          title={ti('imports.checkedOk')}
          description={tk('imports.checkedOkHint', view.ledger, {
            create: counts.create,
            update: counts.update,
            unchanged: counts.unchanged,
            state: reportState(view.options.reportState ?? 'submitted', true),
          })}
          action={!isPhone && <CommitButton view={view} unit={unit} busy={busy} onCommit={onCommit} />}
          data-testid="import-checked"
        />
      )}
      {!running && view.status === 'checked' && counts && isPhone && (
        <div style={{ marginTop: 12 }}>
          <CommitButton view={view} unit={unit} busy={busy} onCommit={onCommit} block />
        </div>
      )}

      {!running && view.status === 'invalid' && errors.length > 0 && counts && (
        <div style={{ marginTop: 16 }} data-testid="import-errors">
          <div
            style={{
              display: 'flex',
              alignItems: 'baseline',
              justifyContent: 'space-between',
              flexWrap: 'wrap',
              gap: 8,
              marginBottom: 8,
            }}
          >
            <div>
              <Typography.Text strong>{ti('imports.errors.title')}</Typography.Text>
              <Typography.Text type="secondary" style={{ marginInlineStart: 8 }}>
                {ti('imports.errors.summary', { rows: counts.errorRows, count: counts.errors })}
              </Typography.Text>
            </div>
            {download}
          </div>
          {download && (
            <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12, marginBottom: 8 }}>
              {ti('imports.errors.downloadHint')}
            </Typography.Text>
          )}
          <Table<RowError>
            rowKey={(e) => `${e.cell}-${e.message}`}
            size="small"
            columns={errorColumns}
            dataSource={errors}
            pagination={errors.length > 50 ? { pageSize: 50, showSizeChanger: false, size: 'small' } : false}
            scroll={isPhone ? undefined : { x: 'max-content' }}
            data-testid="import-errors-table"
          />
          {hasMoreErrors && (
            <div style={{ textAlign: 'center', marginTop: 8 }}>
              <Button onClick={onMoreErrors} loading={loadingErrors} data-testid="import-errors-more">
                {ti('imports.errors.more')}
              </Button>
            </div>
          )}
        </div>
      )}
    </Card>
  );
}

function CommitButton({
  view,
  unit,
  busy,
  onCommit,
  block = false,
}: {
  view: ImportView;
  unit: string;
  busy: boolean;
  onCommit: () => void;
  block?: boolean;
}) {
  const { ti, tk, reportState } = useImportsI18n();
  const counts = view.counts!;
  const state = reportState(view.options.reportState ?? 'submitted', true);
  return (
    <Popconfirm
      title={ti('imports.commitConfirmTitle')}
      description={
        <div style={{ maxWidth: 280 }}>
          {tk('imports.commitConfirm', view.ledger, { create: counts.create, update: counts.update, unit, state })}
        </div>
      }
      onConfirm={onCommit}
      okText={ti('imports.commit')}
      okButtonProps={{ 'data-testid': 'import-commit-ok' }}
    >
      <Button type="primary" icon={<CloudUploadOutlined />} loading={busy} block={block} data-testid="import-commit">
        {ti('imports.commit')}
      </Button>
    </Popconfirm>
  );
}
