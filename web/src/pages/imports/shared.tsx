// Pieces shared by the import page's cards: the status and kind tags, the report-state choice, the
// counts row and the progress bar.
import { Progress, Select, Tag, Typography } from 'antd';
import {
  REPORT_IMPORT_STATES,
  type ImportCounts,
  type ImportProgress,
  type ImportStatus,
  type LedgerKind,
  type ReportImportState,
  type RowAction,
} from '../../api-imports';
import { useImportsI18n } from '../../i18n-imports';

const STATUS_COLORS: Record<ImportStatus, string> = {
  uploaded: 'default',
  checking: 'processing',
  checked: 'blue',
  invalid: 'error',
  committing: 'processing',
  committed: 'success',
  failed: 'error',
  interrupted: 'warning',
};

export function ImportStatusTag({ status }: { status: ImportStatus }) {
  const { status: label } = useImportsI18n();
  return (
    <Tag color={STATUS_COLORS[status]} style={{ marginInlineEnd: 0 }} data-status={status}>
      {label(status)}
    </Tag>
  );
}

/** 项目台账 or 月报. */
export function LedgerTag({ ledger, testId }: { ledger: LedgerKind; testId?: string }) {
  const { ledger: label } = useImportsI18n();
  return (
    <Tag
      color={ledger === 'reports' ? 'purple' : 'blue'}
      style={{ marginInlineEnd: 0 }}
      data-ledger={ledger}
      data-testid={testId}
    >
      {label(ledger)}
    </Tag>
  );
}

/**
 * The state imported reports take: 保存为草稿, 直接报送 (the default) or 已审核 — history, which only
 * those who review reports may import (the server refuses each row otherwise).
 */
export function ReportStateSelect({
  value,
  onChange,
  canReview,
  disabled,
  size,
  testId,
}: {
  value: ReportImportState | undefined;
  onChange: (state: ReportImportState) => void;
  canReview: boolean;
  disabled?: boolean;
  size?: 'small' | 'middle';
  testId: string;
}) {
  const { reportState } = useImportsI18n();
  return (
    <Select<ReportImportState>
      size={size}
      value={value ?? 'submitted'}
      onChange={onChange}
      disabled={disabled}
      options={REPORT_IMPORT_STATES.map((s) => ({
        value: s,
        label: reportState(s),
        disabled: s === 'approved' && !canReview && value !== 'approved',
      }))}
      popupMatchSelectWidth={false}
      style={{ width: 260, maxWidth: '100%' }}
      data-testid={testId}
    />
  );
}

const ACTION_COLORS: Record<RowAction, string> = {
  create: 'green',
  update: 'blue',
  unchanged: 'default',
  invalid: 'red',
};

export function RowActionTag({ action }: { action: RowAction }) {
  const { action: label } = useImportsI18n();
  return (
    <Tag color={ACTION_COLORS[action]} style={{ marginInlineEnd: 0 }}>
      {label(action)}
    </Tag>
  );
}

/** 数据行 · 新建 · 更新 (月报: 修改) · 不变 · 错误, as large figures that wrap on a phone. */
export function CountsRow({ counts, ledger }: { counts: ImportCounts; ledger: LedgerKind }) {
  const { ti, tk } = useImportsI18n();
  const cells: { key: string; label: string; value: number; color?: string }[] = [
    { key: 'rows', label: ti('imports.counts.rows'), value: counts.rows },
    { key: 'create', label: ti('imports.counts.create'), value: counts.create, color: '#389e0d' },
    { key: 'update', label: tk('imports.counts.update', ledger), value: counts.update, color: '#0958d9' },
    { key: 'unchanged', label: ti('imports.counts.unchanged'), value: counts.unchanged },
    {
      key: 'errors',
      label: ti('imports.counts.errors'),
      value: counts.errors,
      color: counts.errors ? '#cf1322' : undefined,
    },
  ];
  return (
    <div data-testid="import-counts">
      <div style={{ display: 'grid', gridTemplateColumns: 'repeat(auto-fit, minmax(58px, 1fr))', gap: 6 }}>
        {cells.map((c) => (
          <div
            key={c.key}
            style={{ background: '#fafafa', borderRadius: 6, padding: '8px 10px' }}
            data-testid={`import-count-${c.key}`}
            data-value={c.value}
          >
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {c.label}
            </Typography.Text>
            <div style={{ fontSize: 22, fontWeight: 600, color: c.color, lineHeight: 1.3 }}>
              {c.value.toLocaleString('zh-CN')}
            </div>
          </div>
        ))}
      </div>
      {counts.skipped > 0 && (
        <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12, marginTop: 6 }}>
          {ti('imports.counts.skipped', { n: counts.skipped })}
        </Typography.Text>
      )}
    </div>
  );
}

/** A running check or commit: the phase, the rows read and, when the server can tell, the share done. */
export function RunProgress({
  progress,
  committing,
  ledger,
}: {
  progress: ImportProgress | null;
  committing: boolean;
  ledger: LedgerKind;
}) {
  const { ti, tk } = useImportsI18n();
  const phase = progress?.phase ?? 'checking';
  const rows = progress
    ? progress.rowsTotal
      ? ti('imports.rowsReadOf', {
          read: progress.rowsRead.toLocaleString('zh-CN'),
          total: progress.rowsTotal.toLocaleString('zh-CN'),
        })
      : ti('imports.rowsRead', { read: progress.rowsRead.toLocaleString('zh-CN') })
    : '';
  const written = progress?.toWrite
    ? tk('imports.written', ledger, {
        written: progress.written.toLocaleString('zh-CN'),
        total: progress.toWrite.toLocaleString('zh-CN'),
      })
    : '';
  const detail = phase === 'writing' ? written : phase === 'checking' ? rows : '';
  return (
    <div data-testid="import-progress" data-phase={phase}>
      <Typography.Text>
        {committing ? ti('imports.committing') : ti('imports.checking')}
        {committing && ` · ${tk(`imports.phase.${phase}`, ledger)}`}
      </Typography.Text>
      <Progress
        percent={progress?.percent ?? 0}
        status="active"
        showInfo={progress?.percent !== null && progress?.percent !== undefined}
      />
      {detail && (
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {detail}
        </Typography.Text>
      )}
    </div>
  );
}
