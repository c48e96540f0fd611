import { useCallback, useEffect, useMemo, useState } from 'react';
import {
  Alert,
  App,
  Button,
  Card,
  Empty,
  Grid,
  Pagination,
  Progress,
  Table,
  Tag,
  Tooltip,
  Typography,
  type TableColumnsType,
} from 'antd';
import {
  CameraOutlined,
  CheckOutlined,
  EditOutlined,
  FormOutlined,
  RollbackOutlined,
  SendOutlined,
  SwapOutlined,
} from '@ant-design/icons';
import { reportsApi, type Report } from '../../api-reports';
import type { ProjectDetail } from '../../api-projects';
import { errorMessage } from '../../forms';
import { formatTime } from '../../format';
import { useReportsI18n } from '../../i18n-reports';
import { useSession } from '../../session';
import { formatWan } from '../../../../src/domain/money/money';
import { CorrectionModal } from './CorrectionModal';
import { ReportFormModal, type ReportFormTarget } from './ReportFormModal';
import { ReportPhotos } from './ReportPhotos';
import { ReturnModal } from './ReturnModal';
import { CorrectionTag, LateTag, previousMonth, ReportStateTag } from './shared';

const PHONE_PAGE = 6;

/** 月度报表 of one project: every month and revision, with 填报, 修改/报送, 更正 and 审核/退回 where allowed. */
export function ProjectReportsCard({ project }: { project: ProjectDetail }) {
  const { tr, period } = useReportsI18n();
  const { message } = App.useApp();
  const { can } = useSession();
  const canFile = can('report.file');
  const [items, setItems] = useState<Report[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busyId, setBusyId] = useState<number | null>(null);
  const [formTarget, setFormTarget] = useState<ReportFormTarget | null>(null);
  const [correcting, setCorrecting] = useState<Report | null>(null);
  const [returning, setReturning] = useState<Report | null>(null);
  const [phonePage, setPhonePage] = useState(1);
  const isPhone = Grid.useBreakpoint().md === false;

  const load = useCallback(async () => {
    try {
      const result = await reportsApi.forProject(project.id);
      setItems([...result.items].sort((a, b) => b.year - a.year || b.month - a.month || b.revision - a.revision));
      setError(null);
    } catch (e) {
      setError(errorMessage(e));
    }
  }, [project.id]);

  useEffect(() => {
    void load();
  }, [load]);

  const act = async (report: Report, action: 'submit' | 'approve') => {
    setBusyId(report.id);
    try {
      await (action === 'submit' ? reportsApi.submit(report.id) : reportsApi.approve(report.id));
      message.success(tr(action === 'submit' ? 'done.submitted' : 'done.approved'));
      await load();
    } catch (e) {
      message.error(errorMessage(e));
    } finally {
      setBusyId(null);
    }
  };

  const rows = items ?? [];
  const taken = useMemo(() => new Set(rows.map((r) => `${r.year}-${r.month}`)), [rows]);
  const suggested = previousMonth();
  const thisYear = new Date().getFullYear();
  const yearDone = rows
    .filter((r) => r.year === thisYear && r.isCurrent && r.state === 'approved')
    .reduce((s, r) => s + r.amountYuan, 0);
  const plan = project.annualPlans.find((p) => p.year === thisYear)?.amountYuan ?? null;
  const superseded = (r: Report) => !r.isCurrent && r.state === 'approved';
  const photosEditable = (r: Report) => r.can.edit;
  const showPhotos = (r: Report) => r.photoCount > 0 || photosEditable(r);
  const setPhotoCount = (id: number, photoCount: number) =>
    setItems((old) => old && old.map((x) => (x.id === id ? { ...x, photoCount } : x)));
  const photoStrip = (r: Report, size: number) => (
    <ReportPhotos
      reportId={r.id}
      editable={photosEditable(r)}
      size={size}
      expectedCount={r.photoCount}
      onCountChange={(n) => setPhotoCount(r.id, n)}
    />
  );

  const actions = (r: Report) => {
    const busy = busyId === r.id;
    const buttons = [];
    if (r.can.edit) {
      buttons.push(
        <Button
          key="edit"
          size="small"
          icon={<EditOutlined />}
          disabled={busy}
          onClick={() => setFormTarget({ projectId: project.id, projectName: project.name, reportId: r.id })}
          data-testid={`report-edit-${r.id}`}
        >
          {tr('action.edit')}
        </Button>,
      );
    }
    if (r.can.submit) {
      buttons.push(
        <Button
          key="submit"
          size="small"
          type="primary"
          icon={<SendOutlined />}
          loading={busy}
          onClick={() => void act(r, 'submit')}
          data-testid={`report-submit-${r.id}`}
        >
          {tr('action.submit')}
        </Button>,
      );
    }
    if (r.can.approve) {
      buttons.push(
        <Button
          key="approve"
          size="small"
          type="primary"
          icon={<CheckOutlined />}
          loading={busy}
          onClick={() => void act(r, 'approve')}
          data-testid={`report-approve-${r.id}`}
        >
          {tr('action.approve')}
        </Button>,
      );
    }
    if (r.can.return) {
      buttons.push(
        <Button
          key="return"
          size="small"
          danger
          icon={<RollbackOutlined />}
          disabled={busy}
          onClick={() => setReturning(r)}
          data-testid={`report-return-${r.id}`}
        >
          {tr('action.return')}
        </Button>,
      );
    }
    if (r.can.correct) {
      buttons.push(
        <Button
          key="correct"
          size="small"
          icon={<SwapOutlined />}
          onClick={() => setCorrecting(r)}
          data-testid={`report-correct-${r.id}`}
        >
          {tr('action.correct')}
        </Button>,
      );
    }
    return buttons.length ? <div style={{ display: 'flex', gap: 6, flexWrap: 'wrap' }}>{buttons}</div> : null;
  };

  /** One report as a block on a phone: month and revision, state, amounts, actions. */
  const phoneRow = (r: Report) => (
    <div
      key={r.id}
      data-testid={`project-report-${r.id}`}
      data-current={r.isCurrent ? 'true' : 'false'}
      style={{ padding: '10px 0', borderBottom: '1px solid #f0f0f0', opacity: superseded(r) ? 0.5 : undefined }}
    >
      <div style={{ display: 'flex', flexWrap: 'wrap', gap: 6, alignItems: 'center' }}>
        <Typography.Text strong>{period(r.year, r.month)}</Typography.Text>
        <Typography.Text type="secondary">{tr('project.revisionN', { n: r.revision })}</Typography.Text>
        {r.revision > 1 && <CorrectionTag />}
        {superseded(r) && <Tag style={{ marginInlineEnd: 0 }}>{tr('tag.superseded')}</Tag>}
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
      {showPhotos(r) && <div style={{ marginTop: 6 }}>{photoStrip(r, 72)}</div>}
      {actions(r) && <div style={{ marginTop: 6 }}>{actions(r)}</div>}
    </div>
  );

  const columns: TableColumnsType<Report> = [
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

  return (
    <Card
      size="small"
      title={tr('project.title')}
      style={{ marginBottom: 16 }}
      data-testid="project-reports"
      extra={
        canFile && (
          <Button
            type="primary"
            size="small"
            icon={<FormOutlined />}
            disabled={items === null}
            onClick={() =>
              setFormTarget({
                projectId: project.id,
                projectName: project.name,
                taken,
                suggested: taken.has(`${suggested.year}-${suggested.month}`) ? undefined : suggested,
              })
            }
            data-testid={`report-file-${project.id}`}
          >
            {tr('project.file')}
          </Button>
        )
      }
    >
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} />}
      {items !== null && (
        <div
          style={{ display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: '4px 16px', marginBottom: 12 }}
          data-testid="project-reports-year"
        >
          <Typography.Text>
            {tr('project.yearSummary', { year: thisYear, amount: formatWan(yearDone) })}
            <Typography.Text type="secondary">
              {' · '}
              {plan !== null ? tr('project.yearPlan', { amount: formatWan(plan) }) : tr('project.noPlan')}
            </Typography.Text>
          </Typography.Text>
          {plan !== null && plan > 0 && (
            <Progress
              percent={Math.round((yearDone / plan) * 1000) / 10}
              size="small"
              style={{ width: 180, margin: 0 }}
            />
          )}
          <Typography.Text type="secondary" style={{ marginInlineStart: 'auto', fontSize: 12 }}>
            {tr('project.unit')}
          </Typography.Text>
        </div>
      )}
      {isPhone ? (
        <div data-testid="project-reports-list">
          {items !== null && rows.length === 0 && (
            <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={tr('project.empty')} />
          )}
          {rows.slice((phonePage - 1) * PHONE_PAGE, phonePage * PHONE_PAGE).map(phoneRow)}
          {rows.length > PHONE_PAGE && (
            <Pagination
              simple
              size="small"
              current={phonePage}
              pageSize={PHONE_PAGE}
              total={rows.length}
              onChange={setPhonePage}
              style={{ marginTop: 8, justifyContent: 'center' }}
            />
          )}
        </div>
      ) : (
        <Table<Report>
          rowKey="id"
          size="small"
          loading={items === null && !error}
          columns={columns}
          dataSource={rows}
          pagination={{ pageSize: 12, hideOnSinglePage: true, size: 'small' }}
          scroll={{ x: 940 }}
          tableLayout="fixed"
          locale={{ emptyText: tr('project.empty') }}
          onRow={(r) =>
            ({
              'data-testid': `project-report-${r.id}`,
              'data-current': r.isCurrent ? 'true' : 'false',
              style: superseded(r) ? { opacity: 0.5 } : undefined,
            }) as React.HTMLAttributes<HTMLElement>
          }
          expandable={{
            rowExpandable: (r) => Boolean(r.progressText || r.problems) || showPhotos(r),
            expandedRowRender: (r) => (
              <div style={{ fontSize: 13 }}>
                {r.progressText && (
                  <div>
                    <Typography.Text type="secondary">{tr('review.progress')}：</Typography.Text>
                    {r.progressText}
                  </div>
                )}
                {r.problems && (
                  <div>
                    <Typography.Text type="secondary">{tr('review.problems')}：</Typography.Text>
                    {r.problems}
                  </div>
                )}
                {showPhotos(r) && (
                  <div style={{ marginTop: r.progressText || r.problems ? 8 : 0 }}>{photoStrip(r, 88)}</div>
                )}
              </div>
            ),
          }}
        />
      )}
      {formTarget && (
        <ReportFormModal target={formTarget} onClose={() => setFormTarget(null)} onChanged={() => void load()} />
      )}
      {correcting && (
        <CorrectionModal
          report={correcting}
          onClose={() => setCorrecting(null)}
          onDone={() => {
            setCorrecting(null);
            void load();
          }}
        />
      )}
      {returning && (
        <ReturnModal
          reportId={returning.id}
          title={`${project.name} · ${period(returning.year, returning.month)} · ${tr('project.revisionN', { n: returning.revision })}`}
          onClose={() => setReturning(null)}
          onDone={() => {
            setReturning(null);
            void load();
          }}
        />
      )}
    </Card>
  );
}
