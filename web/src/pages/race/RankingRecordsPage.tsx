import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Card, Grid, Skeleton, Table, Typography } from 'antd';
import { ArrowLeftOutlined } from '@ant-design/icons';
import { formatWan } from '../../../../src/domain/money/money';
import { indicatorByKey, isIndicatorKey } from '../../../../src/domain/race/indicators';
import { isTicketMetric } from '../../../../src/domain/race/ticket-metrics';
import { isDealMetric } from '../../../../src/domain/race/deal-metrics';
import { STAGE_LABELS, type Stage } from '../../../../src/domain/projects/lifecycle';
import { numbersApi, type FigureRecords, type RecordProject } from '../../api-numbers';
import { errorMessage } from '../../forms';
import { formatTime } from '../../format';
import { useNumbersI18n } from '../../i18n-numbers';
import { useRaceI18n } from '../../i18n-race';
import { navigate } from '../../router';
import { getRouteApi } from '@tanstack/react-router';
import { Link } from '../../components/Link';
import { PageHeader } from '../../components/PageHeader';
import { RecordDealsTable } from './RecordDealsTable';
import { RecordTicketsTable } from './RecordTicketsTable';

/**
 * 数据来源 (/races/:id/records?year&period&unitId&indicator[&asOf]): exactly the records a figure of
 * the ranking counts — the projects started, overdue or red, or the approved report revisions an
 * investment figure sums, or the tickets a ticket figure is made of — as the server selects them with the
 * figure's own rule.
 */
const route = getRouteApi('/races/$id/records');

export function RankingRecordsPage() {
  const raceId = route.useParams().id;
  const search = route.useSearch();
  const { tn } = useNumbersI18n();
  const { text } = useRaceI18n();
  const narrow = !Grid.useBreakpoint().md;
  const q = {
    year: Number(search.year),
    period: Number(search.period),
    unitId: Number(search.unitId),
    indicator: search.indicator ?? '',
    asOf: search.asOf ?? null,
  };
  const query = useQuery({ queryKey: ['race', raceId, 'records', q], queryFn: () => numbersApi.records(raceId, q) });
  const data: FigureRecords | null = query.data ?? null;
  const error = query.error ? errorMessage(query.error) : null;

  const back = `/races/${raceId}?year=${q.year}&period=${q.period}${q.asOf ? `&asOf=${encodeURIComponent(q.asOf)}` : ''}`;
  const header = (
    <PageHeader
      title={tn('records.title')}
      extra={
        <Button icon={<ArrowLeftOutlined />} onClick={() => navigate(back)} data-testid="records-back">
          {narrow ? null : tn('records.back')}
        </Button>
      }
    />
  );
  if (error)
    return (
      <>
        {header}
        <Alert type="error" showIcon title={error} />
      </>
    );
  if (!data)
    return (
      <>
        {header}
        <Skeleton active paragraph={{ rows: 8 }} />
      </>
    );

  const label = isIndicatorKey(data.indicator) ? text(indicatorByKey(data.indicator).label) : data.indicator;
  const vars = { unit: data.unitName, indicator: label, period: text(data.period.labels) };
  const ticketFigure = data.metric !== null && isTicketMetric(data.metric);
  const dealFigure = data.metric !== null && isDealMetric(data.metric);
  const summary = ticketFigure
    ? tn('records.summaryTickets', {
        ...vars,
        n: data.count,
        counted: data.tickets.filter((t) => t.counted).length,
      })
    : dealFigure
      ? tn('records.summaryDeals', { ...vars, n: data.count, counted: data.deals.filter((d) => d.counted).length })
      : data.sumYuan !== null
        ? tn('records.summarySum', { ...vars, n: data.count, sum: `${formatWan(data.sumYuan)} 万元` })
        : tn('records.summaryCount', { ...vars, n: data.count });
  const projectName = (r: { projectId: number; name?: string; projectName?: string }) => (
    <Link to={`/projects/${r.projectId}`}>{r.name ?? r.projectName}</Link>
  );

  return (
    <div data-testid="records-page">
      {header}
      <Typography.Paragraph strong data-testid="records-summary" style={{ marginBottom: 4 }}>
        {summary}
      </Typography.Paragraph>
      <Typography.Paragraph type="secondary" style={{ fontSize: 12 }} data-testid="records-as-of">
        {data.asOf ? tn('records.asOf', { at: formatTime(data.asOf) }) : tn('records.live')}
      </Typography.Paragraph>
      <Card size="small" styles={{ body: { padding: narrow ? 0 : 12 } }}>
        {ticketFigure ? (
          <RecordTicketsTable tickets={data.tickets} narrow={narrow} />
        ) : dealFigure ? (
          <RecordDealsTable deals={data.deals} narrow={narrow} />
        ) : data.sumYuan !== null ? (
          <Table
            rowKey="reportId"
            size="small"
            pagination={{ pageSize: 50, hideOnSinglePage: true }}
            dataSource={data.reports}
            locale={{ emptyText: tn('records.empty') }}
            data-testid="records-reports"
            columns={[
              { title: tn('records.project'), key: 'p', render: (_, r) => projectName(r) },
              { title: tn('records.month'), dataIndex: 'month', width: 64, align: 'center' },
              ...(narrow
                ? []
                : [{ title: tn('records.revision'), dataIndex: 'revision', width: 64, align: 'center' as const }]),
              {
                title: tn('records.amount'),
                key: 'a',
                align: 'right',
                width: 120,
                render: (_, r) => formatWan(r.amountYuan),
              },
              ...(narrow
                ? []
                : [
                    {
                      title: tn('records.approvedAt'),
                      key: 't',
                      width: 150,
                      render: (_: unknown, r: FigureRecords['reports'][number]) => formatTime(r.approvedAt),
                    },
                  ]),
            ]}
          />
        ) : (
          <Table<RecordProject>
            rowKey="projectId"
            size="small"
            pagination={{ pageSize: 50, hideOnSinglePage: true }}
            dataSource={data.projects}
            locale={{ emptyText: tn('records.empty') }}
            data-testid="records-projects"
            columns={[
              { title: tn('records.project'), key: 'p', render: (_, r) => projectName(r) },
              ...(narrow
                ? []
                : [
                    {
                      title: tn('records.stage'),
                      key: 's',
                      width: 80,
                      render: (_: unknown, r: RecordProject) => text(STAGE_LABELS[r.stage as Stage] ?? r.stage),
                    },
                  ]),
              ...(data.metric === 'red'
                ? [
                    {
                      title: tn('records.reasons'),
                      key: 'r',
                      render: (_: unknown, r: RecordProject) => (r.reasons ?? []).map((x) => text(x)).join('；'),
                    },
                  ]
                : [
                    { title: tn('records.plannedStart'), dataIndex: 'plannedStartDate', width: 104 },
                    { title: tn('records.actualStart'), dataIndex: 'actualStartDate', width: 104 },
                  ]),
              ...(narrow
                ? []
                : [
                    {
                      title: tn('records.investment'),
                      key: 'i',
                      align: 'right' as const,
                      width: 130,
                      render: (_: unknown, r: RecordProject) => formatWan(r.totalInvestmentYuan),
                    },
                  ]),
            ]}
          />
        )}
      </Card>
    </div>
  );
}
