// One report as a block on a phone: month and revision, state, amounts, reasons, photos and actions.
import type { ReactNode } from 'react';
import { Tag, Typography } from 'antd';
import type { Report } from '../../api-reports';
import { useReportsI18n } from '../../i18n-reports';
import { formatWan } from '../../../../src/domain/money/money';
import { CorrectionTag, LateTag, ReportStateTag } from './shared';

export function ProjectReportPhoneRow({
  report: r,
  superseded,
  photos,
  actions,
}: {
  report: Report;
  superseded: boolean;
  photos: ReactNode;
  /** The report's buttons, spaced from what is above them; null when there are none. */
  actions: ReactNode;
}) {
  const { tr, period } = useReportsI18n();
  return (
    <div
      data-testid={`project-report-${r.id}`}
      data-current={r.isCurrent ? 'true' : 'false'}
      style={{ padding: '10px 0', borderBottom: '1px solid #f0f0f0', opacity: superseded ? 0.5 : undefined }}
    >
      <div style={{ display: 'flex', flexWrap: 'wrap', gap: 6, alignItems: 'center' }}>
        <Typography.Text strong>{period(r.year, r.month)}</Typography.Text>
        <Typography.Text type="secondary">{tr('project.revisionN', { n: r.revision })}</Typography.Text>
        {r.revision > 1 && <CorrectionTag />}
        {superseded && <Tag style={{ marginInlineEnd: 0 }}>{tr('tag.superseded')}</Tag>}
        <ReportStateTag state={r.state} testId={`report-state-${r.id}`} />
        {r.isLate && <LateTag />}
      </div>
      <div style={{ marginTop: 4 }}>
        {tr('project.amount')} <Typography.Text strong>{formatWan(r.amountYuan)}</Typography.Text>
        {r.isCurrent && (
          <Typography.Text type="secondary">
            {' · '}
            {tr('project.cumulative')} {formatWan(r.yearCumulativeYuan)}
          </Typography.Text>
        )}
      </div>
      {r.revision > 1 && r.correctionReason && (
        <Typography.Text
          type="secondary"
          style={{ display: 'block', fontSize: 12 }}
          data-testid="report-correction-reason"
        >
          {r.correctionReason}
        </Typography.Text>
      )}
      {r.state === 'returned' && r.returnReason && (
        <Typography.Text type="danger" style={{ display: 'block', fontSize: 12 }} data-testid="report-return-reason">
          {r.returnReason}
        </Typography.Text>
      )}
      {(r.progressText || r.problems) && (
        <Typography.Paragraph
          type="secondary"
          ellipsis={{ rows: 2, expandable: true }}
          style={{ margin: '2px 0 0', fontSize: 12 }}
        >
          {[r.progressText, r.problems].filter(Boolean).join('；')}
        </Typography.Paragraph>
      )}
      {photos && <div style={{ marginTop: 6 }}>{photos}</div>}
      {actions}
    </div>
  );
}
