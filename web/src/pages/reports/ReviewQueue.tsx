import { useState } from 'react';
import { Badge, Button, Card, Checkbox, Empty, Pagination, Select, Space, Spin, Typography } from 'antd';
import { CheckOutlined, RollbackOutlined } from '@ant-design/icons';
import type { MonthReport, TodoItem } from '../../api-reports';
import { formatTime } from '../../format';
import { useReportsI18n } from '../../i18n-reports';
import { Link } from '../../components/Link';
import { formatWan } from '../../../../src/domain/money/money';
import { ReportPhotos } from './ReportPhotos';
import { CorrectionTag, LateTag, type MonthRevisions } from './shared';

export interface ReviewEntry {
  item: TodoItem;
  reportId: number;
  /** The submitted revision when its details are loaded. */
  report: MonthReport | null;
  /** For a correction: the approved revision it would replace. */
  original: MonthReport | null;
}

/** Submitted reports of the month and corrections awaiting review, in the todo list's order. */
export function reviewEntries(items: TodoItem[], revisions: Map<number, MonthRevisions>): ReviewEntry[] {
  const entries: ReviewEntry[] = [];
  for (const item of items) {
    const rev = revisions.get(item.projectId);
    if (item.state === 'submitted' && item.reportId !== null) {
      entries.push({
        item,
        reportId: item.reportId,
        report: rev?.current?.id === item.reportId ? rev.current : null,
        original: null,
      });
    }
    if (rev?.pending?.state === 'submitted')
      entries.push({ item, reportId: rev.pending.id, report: rev.pending, original: rev.current });
  }
  return entries;
}

export interface ReviewActions {
  busyId: number | null;
  onApprove: (entry: ReviewEntry) => void;
  onReturn: (entry: ReviewEntry) => void;
  /** Approves the selected entries in one request (each on its own on the server); resolves when done. */
  onApproveMany: (entries: ReviewEntry[]) => Promise<void>;
}

/** An entry can join a batch once its submission is loaded: the batch names the submission the reviewer saw. */
const batchable = (entry: ReviewEntry) => !!entry.report?.submittedAt;

/** How much an entry changes the month's figure: the amount filed, or for a correction the difference it makes. */
export function changeOf(entry: ReviewEntry): number {
  const amount = entry.report?.amountYuan ?? entry.item.amountYuan ?? 0;
  return entry.original ? Math.abs(amount - entry.original.amountYuan) : amount;
}

type Order = 'filed' | 'change';

const clamp = { rows: 2, expandable: true } as const;

/** Reports shown at once: a month's queue can hold hundreds, and each row carries texts and photos. */
export const REVIEW_PAGE_SIZE = 20;

/** 待审核: approve or return each submitted report; corrections show the old and new amount and the reason. */
export function ReviewQueue({
  entries,
  loading,
  scanning,
  actions,
}: {
  entries: ReviewEntry[];
  loading: boolean;
  scanning: boolean;
  actions: ReviewActions;
}) {
  const { tr } = useReportsI18n();
  const [picked, setPicked] = useState<ReadonlySet<number>>(new Set());
  const [batchBusy, setBatchBusy] = useState(false);
  const [unitName, setUnitName] = useState<string | null>(null);
  const [order, setOrder] = useState<Order>('filed');
  const [page, setPage] = useState(1);
  const unitNames = [...new Set(entries.map((e) => e.item.unitName))].sort((a, b) => a.localeCompare(b, 'zh-CN'));
  const filtered = entries.filter((e) => unitName === null || e.item.unitName === unitName);
  const ordered = order === 'change' ? [...filtered].sort((a, b) => changeOf(b) - changeOf(a)) : filtered;
  // Approved reports leave the queue: a page past the end shows the last one.
  const pages = Math.max(1, Math.ceil(ordered.length / REVIEW_PAGE_SIZE));
  const current = Math.min(page, pages);
  const shown = ordered.slice((current - 1) * REVIEW_PAGE_SIZE, current * REVIEW_PAGE_SIZE);
  // Selecting and approving act on what is shown: the reviewer approves only rows they have seen.
  const selectable = shown.filter(batchable);
  // Only entries still in the queue count (an approved one leaves it after the refresh).
  const selected = selectable.filter((e) => picked.has(e.reportId));
  const toggle = (id: number, on: boolean) =>
    setPicked((prev) => {
      const next = new Set(prev);
      if (on) next.add(id);
      else next.delete(id);
      return next;
    });
  const approveSelected = async () => {
    setBatchBusy(true);
    try {
      await actions.onApproveMany(selected);
      setPicked(new Set());
    } finally {
      setBatchBusy(false);
    }
  };

  const row = (entry: ReviewEntry) => {
    const { item, report, original, reportId } = entry;
    const isCorrection = (report?.revision ?? 1) > 1;
    const amountYuan = report?.amountYuan ?? item.amountYuan;
    const busy = actions.busyId === reportId;
    return (
      <div
        key={reportId}
        data-testid={`review-row-${reportId}`}
        data-project-id={item.projectId}
        style={{
          display: 'flex',
          flexWrap: 'wrap',
          gap: '8px 16px',
          padding: '12px 0',
          borderBottom: '1px solid #f0f0f0',
          alignItems: 'flex-start',
        }}
      >
        <div style={{ flex: '1 1 280px', minWidth: 0 }}>
          <div style={{ display: 'flex', flexWrap: 'wrap', gap: 6, alignItems: 'center' }}>
            <Checkbox
              checked={picked.has(reportId)}
              disabled={!batchable(entry) || batchBusy}
              onChange={(e) => toggle(reportId, e.target.checked)}
              aria-label={`${tr('review.select')} ${item.projectName}`}
              data-testid={`review-pick-${reportId}`}
            />
            {isCorrection && <CorrectionTag />}
            <Link to={`/projects/${item.projectId}`} style={{ fontWeight: 500 }}>
              {item.projectName}
            </Link>
          </div>
          <div style={{ display: 'flex', flexWrap: 'wrap', gap: 6, alignItems: 'center', marginTop: 4 }}>
            {amountYuan !== null && (
              <Typography.Text strong>
                {isCorrection && original
                  ? tr('review.correctedAmount', { from: formatWan(original.amountYuan), to: formatWan(amountYuan) })
                  : tr('review.amount', { amount: formatWan(amountYuan) })}
              </Typography.Text>
            )}
            {(report?.isLate ?? item.isLate) && <LateTag />}
            {(item.planYuan !== null || item.lastMonthYuan !== null) && (
              <Typography.Text type="secondary" style={{ fontSize: 12 }} data-testid={`review-context-${reportId}`}>
                {[
                  item.planYuan !== null ? tr('review.plan', { amount: formatWan(item.planYuan) }) : null,
                  item.lastMonthYuan !== null
                    ? tr('review.lastMonth', { amount: formatWan(item.lastMonthYuan) })
                    : null,
                ]
                  .filter(Boolean)
                  .join(' · ')}
              </Typography.Text>
            )}
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {item.unitName}
              {report?.submittedAt ? ` · ${tr('review.submittedAt', { time: formatTime(report.submittedAt) })}` : ''}
            </Typography.Text>
          </div>
          {isCorrection && report?.correctionReason && (
            <Typography.Text
              style={{ display: 'block', marginTop: 4, color: '#722ed1' }}
              data-testid="review-correction-reason"
            >
              {tr('review.reason', { reason: report.correctionReason })}
            </Typography.Text>
          )}
          {report?.progressText && (
            <Typography.Paragraph ellipsis={clamp} style={{ margin: '4px 0 0', fontSize: 13 }}>
              <Typography.Text type="secondary">{tr('review.progress')}：</Typography.Text>
              {report.progressText}
            </Typography.Paragraph>
          )}
          {report?.problems && (
            <Typography.Paragraph ellipsis={clamp} style={{ margin: '2px 0 0', fontSize: 13 }}>
              <Typography.Text type="secondary">{tr('review.problems')}：</Typography.Text>
              {report.problems}
            </Typography.Paragraph>
          )}
          {report && report.photoCount > 0 && (
            <div style={{ marginTop: 6 }}>
              <ReportPhotos reportId={report.id} editable={false} size={64} />
            </div>
          )}
        </div>
        <div style={{ display: 'flex', gap: 8, flexShrink: 0 }}>
          <Button
            type="primary"
            icon={<CheckOutlined />}
            loading={busy}
            onClick={() => actions.onApprove(entry)}
            data-testid={`report-approve-${reportId}`}
          >
            {tr('action.approve')}
          </Button>
          <Button
            danger
            icon={<RollbackOutlined />}
            disabled={busy}
            onClick={() => actions.onReturn(entry)}
            data-testid={`report-return-${reportId}`}
          >
            {tr('action.return')}
          </Button>
        </div>
      </div>
    );
  };

  return (
    <Card
      size="small"
      title={
        <span>
          {tr('review.title')}{' '}
          <Badge
            count={entries.length}
            showZero={!loading}
            color={entries.length ? '#1d5fb4' : '#bfbfbf'}
            style={{ marginInlineStart: 4 }}
          />
        </span>
      }
      extra={
        <Space size={8} wrap>
          {scanning && (
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              <Spin size="small" style={{ marginInlineEnd: 6 }} />
              {tr('review.scanning')}
            </Typography.Text>
          )}
          {selectable.length > 1 && (
            <Checkbox
              checked={selected.length === selectable.length}
              indeterminate={selected.length > 0 && selected.length < selectable.length}
              disabled={batchBusy}
              onChange={(e) => setPicked(new Set(e.target.checked ? selectable.map((x) => x.reportId) : []))}
              data-testid="review-pick-all"
            >
              {tr(pages > 1 ? 'review.selectPage' : 'review.selectAll')}
            </Checkbox>
          )}
          {selected.length > 0 && (
            <Button
              type="primary"
              size="small"
              icon={<CheckOutlined />}
              loading={batchBusy}
              onClick={() => void approveSelected()}
              data-testid="review-approve-selected"
            >
              {tr('review.approveSelected', { n: selected.length })}
            </Button>
          )}
        </Space>
      }
      loading={loading}
      data-testid="reports-review"
      style={{ marginBottom: 16 }}
      styles={{ body: { paddingTop: 4, maxHeight: 600, overflowY: 'auto' } }}
    >
      {entries.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={tr('review.empty')} />
      ) : (
        <>
          {entries.length > 1 && (
            <div style={{ display: 'flex', flexWrap: 'wrap', gap: 8, padding: '8px 0' }}>
              <Select
                size="small"
                style={{ minWidth: 140 }}
                value={unitName ?? ''}
                onChange={(v) => {
                  setUnitName(v === '' ? null : v);
                  setPage(1);
                }}
                options={[
                  { value: '', label: tr('review.allUnits') },
                  ...unitNames.map((n) => ({ value: n, label: n })),
                ]}
                aria-label={tr('review.unit')}
                data-testid="review-unit"
              />
              <Select
                size="small"
                style={{ minWidth: 160 }}
                value={order}
                onChange={(v) => {
                  setOrder(v);
                  setPage(1);
                }}
                options={[
                  { value: 'filed', label: tr('review.order.filed') },
                  { value: 'change', label: tr('review.order.change') },
                ]}
                aria-label={tr('review.order')}
                data-testid="review-order"
              />
            </div>
          )}
          {shown.map(row)}
          {pages > 1 && (
            <Pagination
              size="small"
              current={current}
              pageSize={REVIEW_PAGE_SIZE}
              total={ordered.length}
              onChange={setPage}
              showSizeChanger={false}
              style={{ marginTop: 12, justifyContent: 'flex-end' }}
              data-testid="review-pages"
            />
          )}
        </>
      )}
    </Card>
  );
}
