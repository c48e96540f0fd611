import { useState } from 'react';
import { Button, Card, Progress, Table, Typography, type TableColumnsType } from 'antd';
import type { UnitReportStatus } from '../../api-reports';
import { useReportsI18n } from '../../i18n-reports';
import { useNamespace } from '../../i18n-setup';
import { outstandingOf } from '../../../../src/domain/reports/reminders';

const percentOf = (filed: number, due: number) => (due ? Math.round((filed / due) * 1000) / 10 : 100);

/**
 * 各单位报送情况: per unit below the county, reports due, filed, late and not filed, and the filed share.
 * A reviewer clicks a unit's unfiled count to see those projects (`onOpen`), and selects units to 催报
 * (`onRemind`); only units with reports outstanding can be selected.
 */
export function UnitStatusTable({
  units,
  loading,
  pastDeadline,
  reviewDeadline,
  onOpen,
  onRemind,
  reminding,
}: {
  units: UnitReportStatus[] | null;
  loading: boolean;
  pastDeadline: boolean;
  reviewDeadline?: string;
  onOpen?: (unit: UnitReportStatus) => void;
  onRemind?: (units: UnitReportStatus[]) => void;
  reminding?: boolean;
}) {
  const { tr } = useReportsI18n();
  const { t: tw } = useNamespace('work');
  const rows = units ?? [];
  const [selected, setSelected] = useState<number[]>([]);
  const chosen = rows.filter((r) => selected.includes(r.unitId) && outstandingOf(r) > 0);
  const count = (value: number, warn: boolean, testId: string) => (
    <Typography.Text type={warn && value > 0 ? 'danger' : undefined} strong={warn && value > 0} data-testid={testId}>
      {value}
    </Typography.Text>
  );
  const progress = (filed: number, due: number) => {
    const percent = percentOf(filed, due);
    return (
      <span title={`${filed}/${due}`} style={{ display: 'block' }}>
        <Progress
          percent={percent}
          size="small"
          status="normal"
          strokeColor={percent >= 100 ? '#52c41a' : pastDeadline ? '#ff7875' : undefined}
          format={(value) => `${Math.round(value ?? 0)}%`}
          style={{ margin: 0 }}
        />
      </span>
    );
  };

  const nowrap = (text: string) => <span style={{ whiteSpace: 'nowrap' }}>{text}</span>;
  // The department's step: how many wait for review, and how many of those are past the review day.
  const awaiting = (n: number, overdue: number, testId: string) => (
    <span style={{ whiteSpace: 'nowrap' }} data-testid={testId}>
      {n}
      {overdue > 0 && (
        <Typography.Text
          type="danger"
          strong
          style={{ marginInlineStart: 4, fontSize: 12 }}
          title={tr('status.reviewOverdueTitle', { date: reviewDeadline ?? '' })}
        >
          {tr('status.reviewOverdue', { n: overdue })}
        </Typography.Text>
      )}
    </span>
  );

  const columns: TableColumnsType<UnitReportStatus> = [
    { title: tr('status.unit'), dataIndex: 'unitName', key: 'unit', width: 110, fixed: 'left' },
    {
      title: nowrap(tr('reports.due')),
      dataIndex: 'due',
      key: 'due',
      width: 68,
      align: 'right',
      sorter: (a, b) => a.due - b.due,
    },
    {
      title: nowrap(tr('reports.filed')),
      dataIndex: 'filed',
      key: 'filed',
      width: 68,
      align: 'right',
      sorter: (a, b) => a.filed - b.filed,
    },
    {
      title: nowrap(tr('reports.late')),
      dataIndex: 'late',
      key: 'late',
      width: 68,
      align: 'right',
      sorter: (a, b) => a.late - b.late,
      render: (v: number, r) => count(v, true, `status-late-${r.unitId}`),
    },
    {
      title: nowrap(tr('reports.missing')),
      dataIndex: 'missing',
      key: 'missing',
      width: 68,
      align: 'right',
      sorter: (a, b) => a.missing - b.missing,
      render: (v: number, r) =>
        onOpen && outstandingOf(r) > 0 ? (
          <Button
            type="link"
            size="small"
            style={{ padding: 0, height: 'auto' }}
            title={tw('missing.open')}
            onClick={() => onOpen(r)}
            data-testid={`status-open-${r.unitId}`}
          >
            {count(v, pastDeadline, `status-missing-${r.unitId}`)}
          </Button>
        ) : (
          count(v, pastDeadline, `status-missing-${r.unitId}`)
        ),
    },
    {
      title: nowrap(tr('status.awaiting')),
      key: 'awaiting',
      width: 92,
      align: 'right',
      sorter: (a, b) => a.reviewOverdue - b.reviewOverdue || a.awaitingReview - b.awaitingReview,
      render: (_, r) => awaiting(r.awaitingReview, r.reviewOverdue, `status-awaiting-${r.unitId}`),
    },
    {
      title: tr('status.progress'),
      key: 'progress',
      width: 130,
      sorter: (a, b) => percentOf(a.filed, a.due) - percentOf(b.filed, b.due),
      render: (_, r) => progress(r.filed, r.due),
    },
  ];

  const total = rows.reduce(
    (t, r) => ({
      due: t.due + r.due,
      filed: t.filed + r.filed,
      late: t.late + r.late,
      missing: t.missing + r.missing,
      awaitingReview: t.awaitingReview + r.awaitingReview,
      reviewOverdue: t.reviewOverdue + r.reviewOverdue,
    }),
    { due: 0, filed: 0, late: 0, missing: 0, awaitingReview: 0, reviewOverdue: 0 },
  );

  return (
    <Card
      size="small"
      title={tr('status.title')}
      extra={
        onRemind && (
          <Button
            size="small"
            type="primary"
            disabled={!chosen.length}
            loading={reminding}
            onClick={() => onRemind(chosen)}
            data-testid="status-remind"
          >
            {tw('remind.selected', { n: chosen.length })}
          </Button>
        )
      }
      data-testid="reports-status"
      style={{ marginBottom: 16 }}
      styles={{ body: { padding: 0 } }}
    >
      <Table<UnitReportStatus>
        rowKey="unitId"
        size="small"
        loading={loading}
        columns={columns}
        dataSource={rows}
        pagination={false}
        rowSelection={
          onRemind
            ? {
                selectedRowKeys: selected,
                onChange: (keys) => setSelected(keys.map(Number)),
                getCheckboxProps: (r) =>
                  ({
                    disabled: outstandingOf(r) === 0,
                    'data-testid': `status-select-${r.unitId}`,
                  }) as object,
                columnWidth: 36,
              }
            : undefined
        }
        scroll={{ x: onRemind ? 640 : 604, y: rows.length > 12 ? 520 : undefined }}
        onRow={(r) => ({ 'data-testid': `status-row-${r.unitId}` }) as React.HTMLAttributes<HTMLElement>}
        locale={{ emptyText: tr('status.empty') }}
        summary={() =>
          rows.length > 1 ? (
            <Table.Summary fixed="bottom">
              <Table.Summary.Row style={{ fontWeight: 600 }}>
                {onRemind && <Table.Summary.Cell index={-1} />}
                <Table.Summary.Cell index={0}>{tr('status.total')}</Table.Summary.Cell>
                <Table.Summary.Cell index={1} align="right">
                  {total.due}
                </Table.Summary.Cell>
                <Table.Summary.Cell index={2} align="right">
                  {total.filed}
                </Table.Summary.Cell>
                <Table.Summary.Cell index={3} align="right">
                  {count(total.late, true, 'status-late-total')}
                </Table.Summary.Cell>
                <Table.Summary.Cell index={4} align="right">
                  {count(total.missing, pastDeadline, 'status-missing-total')}
                </Table.Summary.Cell>
                <Table.Summary.Cell index={5} align="right">
                  {awaiting(total.awaitingReview, total.reviewOverdue, 'status-awaiting-total')}
                </Table.Summary.Cell>
                <Table.Summary.Cell index={6}>{progress(total.filed, total.due)}</Table.Summary.Cell>
              </Table.Summary.Row>
            </Table.Summary>
          ) : null
        }
      />
    </Card>
  );
}
