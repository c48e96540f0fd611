import { useEffect, useMemo, useState } from 'react';
import { ImportOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Col, DatePicker, Row, Space, Typography } from 'antd';
import dayjs from 'dayjs';
import { reportsApi, type TodoItem } from '../../api-reports';
import { useQuery } from '@tanstack/react-query';
import { invalidateReports, reportMonthQuery, reportMonthWants } from '../../features/reports/queries';
import { errorMessage } from '../../forms';
import { useReportsI18n } from '../../i18n-reports';
import { navigate } from '../../router';
import { getRouteApi } from '@tanstack/react-router';
import { useSession } from '../../session';
import { PageHeader } from '../../components/PageHeader';
import { lazyDialog } from '../../components/lazyDialog';
import { submitDeadline } from '../../../../src/domain/reports/report-rules';
import type { ReportFormTarget } from './ReportFormModal';
import { ReportTodoList } from './ReportTodoList';
import { ReviewQueue, reviewEntries, type ReviewEntry } from './ReviewQueue';
import { DeadlineText, isFuturePeriod, previousMonth, todayText, useMonthRevisions, type Period } from './shared';
import { UnitStatusTable } from './UnitStatusTable';
import { MissingProjectsDrawer } from './MissingProjectsDrawer';
import { useRemind } from './useRemind';

/** The month the address names (the route validated both parts), or null. */
function periodFrom({ year, month }: { year?: number; month?: number }): Period | null {
  return year !== undefined && month !== undefined ? { year, month } : null;
}

const route = getRouteApi('/reports');

// The dialogs download when first opened: most visitors (leaders, reviewers) never file on this page.
const ReportFormModal = lazyDialog(() => import('./ReportFormModal').then((m) => m.ReportFormModal));
const ReturnModal = lazyDialog(() => import('./ReturnModal').then((m) => m.ReturnModal));

const reportsUrl = ({ year, month }: Period) => `/reports?year=${year}&month=${month}`;

/**
 * 固投月报 for one month (the one just ended unless the URL says otherwise). What shows depends on
 * the permissions: 本月待报 to file (report.file), 待审核 and 各单位报送情况 to review (report.review),
 * and 各单位报送情况 alone for those who only read.
 */
export function ReportsPage() {
  const { tr, period: periodText } = useReportsI18n();
  const { message } = App.useApp();
  const { can } = useSession();
  const fromUrl = periodFrom(route.useSearch());
  const period = fromUrl ?? previousMonth();
  const { year, month } = period;
  const canFile = can('report.file');
  const canReview = can('report.review');
  const { wantTodo, wantStatus } = reportMonthWants(can);

  const [busyId, setBusyId] = useState<number | null>(null);
  const [formTarget, setFormTarget] = useState<ReportFormTarget | null>(null);
  const [returning, setReturning] = useState<ReviewEntry | null>(null);
  const [openUnit, setOpenUnit] = useState<{ unitId: number; unitName: string } | null>(null);
  const reminder = useRemind(period);

  // The address always names the month, so that a shared link shows the same month.
  const named = fromUrl !== null;
  useEffect(() => {
    if (!named) navigate(reportsUrl({ year, month }), { replace: true });
  }, [named, year, month]);

  // Keyed by month: another month starts empty; after a change the shown lists stay until the new answer.
  const monthQuery = useQuery(reportMonthQuery(year, month, wantTodo, wantStatus));
  const todo = monthQuery.data?.todo ?? null;
  const status = monthQuery.data?.status ?? null;
  const loading = monthQuery.isFetching;
  const error = monthQuery.error ? errorMessage(monthQuery.error) : null;
  const load = invalidateReports;

  const revisions = useMonthRevisions(todo?.items ?? null, period);
  const entries = useMemo(
    () => (todo ? reviewEntries(todo.items, revisions.byProject) : []),
    [todo, revisions.byProject],
  );

  /** After a change to one project's report: the lists again, and that project's revisions. */
  const changed = (projectId: number) => {
    void load();
    void revisions.refresh(projectId);
  };

  const act = async (item: TodoItem, reportId: number, action: 'submit' | 'approve') => {
    setBusyId(reportId);
    try {
      await (action === 'submit' ? reportsApi.submit(reportId) : reportsApi.approve(reportId));
      message.success(tr(action === 'submit' ? 'done.submitted' : 'done.approved'));
      changed(item.projectId);
    } catch (e) {
      message.error(errorMessage(e));
    } finally {
      setBusyId(null);
    }
  };

  /** Approves the selected entries in one request; says how many went through and why any did not. */
  const approveMany = async (batch: ReviewEntry[]) => {
    try {
      const result = await reportsApi.approveMany(
        batch.map((e) => ({ id: e.reportId, submittedAt: e.report!.submittedAt! })),
      );
      if (result.approved) message.success(tr('done.approvedMany', { n: result.approved }));
      const names = new Map(batch.map((e) => [e.reportId, e.item.projectName]));
      const refused = result.items.flatMap((i) => (i.ok ? [] : [`${names.get(i.id) ?? i.id}：${i.error.message}`]));
      if (refused.length)
        message.warning(tr('done.refusedSome', { n: refused.length, reasons: refused.slice(0, 3).join('；') }), 8);
      void load();
      for (const projectId of new Set(batch.map((e) => e.item.projectId))) void revisions.refresh(projectId);
    } catch (e) {
      message.error(errorMessage(e));
    }
  };

  const deadline = todo?.deadline ?? status?.deadline ?? submitDeadline(year, month);
  // The server's date once it has answered: the reader's clock may be wrong.
  const today = todo?.today ?? status?.today ?? todayText();
  const pastDeadline = today > deadline;

  const totals = useMemo(() => {
    if (todo) {
      const filed = todo.items.filter((i) => i.state === 'submitted' || i.state === 'approved').length;
      return {
        due: todo.items.length,
        filed,
        missing: todo.items.length - filed,
        late: todo.items.filter((i) => i.isLate).length,
      };
    }
    if (status) {
      return status.units.reduce(
        (t, u) => ({
          due: t.due + u.due,
          filed: t.filed + u.filed,
          missing: t.missing + u.missing,
          late: t.late + u.late,
        }),
        { due: 0, filed: 0, missing: 0, late: 0 },
      );
    }
    return null;
  }, [todo, status]);

  const figure = (key: 'due' | 'filed' | 'missing' | 'late', danger: boolean) => (
    <div style={{ minWidth: 56 }} data-testid={`reports-total-${key}`}>
      <div
        style={{
          fontSize: 22,
          fontWeight: 600,
          lineHeight: 1.2,
          color: danger && totals && totals[key] > 0 ? '#cf1322' : undefined,
        }}
      >
        {totals ? totals[key] : '–'}
      </div>
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {tr(`reports.${key}`)}
      </Typography.Text>
    </div>
  );

  const statusCard = (
    <UnitStatusTable
      units={status?.units ?? null}
      loading={loading && !status}
      pastDeadline={pastDeadline}
      reviewDeadline={status?.reviewDeadline}
      onOpen={canReview && todo ? setOpenUnit : undefined}
      onRemind={canReview ? reminder.remind : undefined}
      reminding={reminder.busy}
    />
  );

  return (
    <div data-testid="reports-page">
      <PageHeader
        title={tr('reports.title')}
        extra={
          <Space wrap>
            {canFile && can('project.manage') && (
              <Button
                icon={<ImportOutlined />}
                onClick={() => navigate('/imports?ledger=reports')}
                data-testid="reports-import"
              >
                {tr('reports.import')}
              </Button>
            )}
            <DatePicker
              picker="month"
              allowClear={false}
              value={dayjs(`${year}-${String(month).padStart(2, '0')}-01`)}
              format={(value) => periodText(value.year(), value.month() + 1)}
              disabledDate={(d) => isFuturePeriod({ year: d.year(), month: d.month() + 1 })}
              onChange={(d) => d && navigate(reportsUrl({ year: d.year(), month: d.month() + 1 }), { replace: true })}
              style={{ width: 140 }}
              data-testid="reports-month"
            />
          </Space>
        }
      />
      {error && (
        <Alert
          type="error"
          showIcon
          title={tr('reports.loadFailed', { message: error })}
          style={{ marginBottom: 16 }}
        />
      )}
      <Card
        size="small"
        style={{ marginBottom: 16, borderLeft: `4px solid ${pastDeadline ? '#cf1322' : '#1d5fb4'}` }}
        data-testid="reports-summary"
      >
        <div
          style={{ display: 'flex', flexWrap: 'wrap', alignItems: 'center', justifyContent: 'space-between', gap: 16 }}
        >
          <div>
            <Typography.Title level={5} style={{ margin: '0 0 4px' }}>
              {tr('reports.heading', { period: periodText(year, month) })}
            </Typography.Title>
            <DeadlineText deadline={deadline} period={period} today={today} size={18} />
          </div>
          <div style={{ display: 'flex', gap: 20, textAlign: 'center' }}>
            {figure('due', false)}
            {figure('filed', false)}
            {figure('missing', pastDeadline)}
            {figure('late', true)}
          </div>
        </div>
      </Card>
      {canReview ? (
        // Side by side only on a wide screen: the units' table needs some 640 px to show every column.
        <Row gutter={16}>
          <Col xs={24} xxl={12}>
            <ReviewQueue
              entries={entries}
              loading={loading && !todo}
              scanning={revisions.scanning}
              actions={{
                busyId,
                onApprove: (entry) => void act(entry.item, entry.reportId, 'approve'),
                onReturn: setReturning,
                onApproveMany: approveMany,
              }}
            />
          </Col>
          <Col xs={24} xxl={12}>
            {statusCard}
          </Col>
        </Row>
      ) : (
        !canFile && statusCard
      )}
      {canFile && (
        <ReportTodoList
          items={todo?.items ?? (error ? [] : null)}
          revisions={revisions.byProject}
          canFile={canFile}
          filingLink={`/reports/filing?year=${year}&month=${month}`}
          actions={{
            busyId,
            onFile: (item) => setFormTarget({ projectId: item.projectId, projectName: item.projectName, period }),
            onEdit: (item, reportId) =>
              setFormTarget({ projectId: item.projectId, projectName: item.projectName, reportId }),
            onSubmit: (item, reportId) => void act(item, reportId, 'submit'),
          }}
        />
      )}
      <MissingProjectsDrawer
        unit={openUnit}
        items={todo?.items ?? []}
        onClose={() => setOpenUnit(null)}
        onRemind={(unit) => reminder.remind([unit])}
        reminding={reminder.busy}
      />
      {formTarget && (
        <ReportFormModal
          target={formTarget}
          onClose={() => setFormTarget(null)}
          onChanged={(report) => changed(report.projectId)}
        />
      )}
      {returning && (
        <ReturnModal
          reportId={returning.reportId}
          title={`${returning.item.projectName} · ${periodText(year, month)}`}
          onClose={() => setReturning(null)}
          onDone={(report) => {
            setReturning(null);
            changed(report.projectId);
          }}
        />
      )}
    </div>
  );
}
