// The columns of a project's reports on a wide screen: month, revision, amounts, state, times, actions.
import type { ReactNode } from 'react';
import { Tag, Tooltip, Typography, type TableColumnsType } from 'antd';
import { CameraOutlined } from '@ant-design/icons';
import type { Report } from '../../api-reports';
import { formatTime } from '../../format';
import type { useReportsI18n } from '../../i18n-reports';
import { formatWan } from '../../../../src/domain/money/money';
import { CorrectionTag, LateTag, ReportStateTag } from './shared';

type ReportsI18n = ReturnType<typeof useReportsI18n>;

export function projectReportColumns({
  tr,
  period,
  superseded,
  actions,
}: {
  tr: ReportsI18n['tr'];
  period: ReportsI18n['period'];
  superseded: (r: Report) => boolean;
  actions: (r: Report) => ReactNode;
}): TableColumnsType<Report> {
  return [
    {
      title: tr('project.month'),
      key: 'month',
      width: 96,
      fixed: 'left',
      render: (_, r) => <span style={{ whiteSpace: 'nowrap' }}>{period(r.year, r.month)}</span>,
    },
    {
      title: tr('project.revision'),
      key: 'revision',
      width: 120,
      render: (_, r) => (
        <div>
          <div style={{ display: 'flex', gap: 4, flexWrap: 'wrap', alignItems: 'center' }}>
            <span style={{ whiteSpace: 'nowrap' }}>{tr('project.revisionN', { n: r.revision })}</span>
            {r.revision > 1 && <CorrectionTag />}
            {superseded(r) && <Tag style={{ marginInlineEnd: 0 }}>{tr('tag.superseded')}</Tag>}
            {r.photoCount > 0 && (
              <Tag icon={<CameraOutlined />} style={{ marginInlineEnd: 0 }} data-testid={`report-photo-count-${r.id}`}>
                {r.photoCount}
              </Tag>
            )}
          </div>
          {r.revision > 1 && r.correctionReason && (
            <Typography.Text
              type="secondary"
              style={{ fontSize: 12 }}
              ellipsis={{ tooltip: r.correctionReason }}
              data-testid="report-correction-reason"
            >
              {r.correctionReason}
            </Typography.Text>
          )}
        </div>
      ),
    },
    {
      title: tr('project.amount'),
      key: 'amount',
      width: 110,
      align: 'right',
      render: (_, r) => formatWan(r.amountYuan),
    },
    {
      title: tr('project.cumulative'),
      key: 'cumulative',
      width: 110,
      align: 'right',
      render: (_, r) => (r.isCurrent ? formatWan(r.yearCumulativeYuan) : '—'),
    },
    {
      title: tr('project.state'),
      key: 'state',
      width: 120,
      render: (_, r) => (
        <div>
          <div style={{ display: 'flex', gap: 4, flexWrap: 'wrap' }}>
            <ReportStateTag state={r.state} testId={`report-state-${r.id}`} />
            {r.isLate && <LateTag />}
          </div>
          {r.state === 'returned' && r.returnReason && (
            <Typography.Text type="danger" style={{ fontSize: 12 }} data-testid="report-return-reason">
              {r.returnReason}
            </Typography.Text>
          )}
        </div>
      ),
    },
    {
      title: tr('project.times'),
      key: 'times',
      width: 175,
      render: (_, r) => (
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {r.submittedAt && <div>{tr('project.submitted', { time: formatTime(r.submittedAt) })}</div>}
          {r.reviewedAt && (
            <Tooltip title={r.reviewedBy ? tr('project.reviewer', { name: r.reviewedBy }) : undefined}>
              <div>{tr('project.reviewed', { time: formatTime(r.reviewedAt) })}</div>
            </Tooltip>
          )}
          {!r.submittedAt && !r.reviewedAt && '—'}
        </Typography.Text>
      ),
    },
    { title: tr('project.actions'), key: 'actions', width: 200, render: (_, r) => actions(r) },
  ];
}
