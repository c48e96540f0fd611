import { useMemo, useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { Alert, App, Button, Card, Empty, Grid, Pagination, Progress, Table, Typography } from 'antd';
import { FormOutlined } from '@ant-design/icons';
import { reportsApi, type Report } from '../../api-reports';
import { invalidateReports, projectReportsQuery } from '../../features/reports/queries';
import type { ProjectDetail } from '../../api-projects';
import { errorMessage } from '../../forms';
import { useReportsI18n } from '../../i18n-reports';
import { queryClient } from '../../queries/client';
import { useSession } from '../../session';
import { formatWan, sumYuan } from '../../../../src/domain/money/money';
import { roundHalfUp, yearCompletion } from '../../../../src/domain/progress/time-progress';
import { localDate } from '../../../../src/domain/calendar/local-date';
import { CorrectionModal } from './CorrectionModal';
import { ProjectReportPhoneRow } from './ProjectReportPhoneRow';
import { projectReportColumns } from './projectReportColumns';
import { ReportActionButtons } from './ReportActionButtons';
import { ReportFormModal, type ReportFormTarget } from './ReportFormModal';
import { ReportPhotos } from './ReportPhotos';
import { ReturnModal } from './ReturnModal';
import { previousMonth } from './shared';

const PHONE_PAGE = 6;

/** 月度报表 of one project: every month and revision, with 填报, 修改/报送, 更正 and 审核/退回 where allowed. */
export function ProjectReportsCard({ project }: { project: ProjectDetail }) {
  const { tr, period } = useReportsI18n();
  const { message } = App.useApp();
  const { can } = useSession();
  const canFile = can('report.file');
  const [busyId, setBusyId] = useState<number | null>(null);
  const [formTarget, setFormTarget] = useState<ReportFormTarget | null>(null);
  const [correcting, setCorrecting] = useState<Report | null>(null);
  const [returning, setReturning] = useState<Report | null>(null);
  const [phonePage, setPhonePage] = useState(1);
  const isPhone = Grid.useBreakpoint().md === false;

  const reportsKey = projectReportsQuery(project.id).queryKey;
  const query = useQuery(projectReportsQuery(project.id));
  const items = query.data ?? null;
  const error = query.error ? errorMessage(query.error) : null;
  // A change to a report: this list, and what the report feeds (the project, its light, the lists).
  const load = invalidateReports;

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
  const thisYear = Number(localDate(new Date()).slice(0, 4));
  const yearDone = sumYuan(
    rows.filter((r) => r.year === thisYear && r.isCurrent && r.state === 'approved').map((r) => r.amountYuan),
  );
  const plan = project.annualPlans.find((p) => p.year === thisYear)?.amountYuan ?? null;
  const completion = yearCompletion(yearDone, plan);
  const superseded = (r: Report) => !r.isCurrent && r.state === 'approved';
  const photosEditable = (r: Report) => r.can.edit;
  const showPhotos = (r: Report) => r.photoCount > 0 || photosEditable(r);
  const setPhotoCount = (id: number, photoCount: number) =>
    queryClient.setQueryData(reportsKey, (old) => old && old.map((x) => (x.id === id ? { ...x, photoCount } : x)));
  const photoStrip = (r: Report, size: number) => (
    <ReportPhotos
      reportId={r.id}
      editable={photosEditable(r)}
      size={size}
      expectedCount={r.photoCount}
      onCountChange={(n) => setPhotoCount(r.id, n)}
    />
  );

  const actions = (r: Report, style?: React.CSSProperties) => (
    <ReportActionButtons
      style={style}
      report={r}
      busy={busyId === r.id}
      onEdit={() => setFormTarget({ projectId: project.id, projectName: project.name, reportId: r.id })}
      onAct={(action) => void act(r, action)}
      onReturn={() => setReturning(r)}
      onCorrect={() => setCorrecting(r)}
    />
  );
  const phoneRow = (r: Report) => (
    <ProjectReportPhoneRow
      key={r.id}
      report={r}
      superseded={superseded(r)}
      photos={showPhotos(r) ? photoStrip(r, 72) : null}
      actions={actions(r, { marginTop: 6 })}
    />
  );
  const columns = projectReportColumns({ tr, period, superseded, actions });

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
          {completion !== null && (
            <Progress percent={roundHalfUp(completion, 1)} size="small" style={{ width: 180, margin: 0 }} />
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
