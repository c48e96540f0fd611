// 招商分析: the funnel (how many deals reached each stage, how many sit there, the conversion from the stage before and
// the median days spent), the breakdowns by source region, chain and team, the signed deals per tier against the
// unit's target, and the signed deals not started with their age against the promise. Filtered by unit, team, year.
import type { CSSProperties } from 'react';
import { useQuery } from '@tanstack/react-query';
import { getRouteApi } from '@tanstack/react-router';
import { Alert, Card, Col, Grid, Row, Select, Skeleton, Table, Tag, Typography, type TableColumnsType } from 'antd';
import type { DealBreakdown, DealFunnel, SignedNotStarted } from '../../api-deals';
import type { EChartOption } from '../../components/EChart';
import { EChart } from '../../components/EChart';
import { dealBreakdownQuery, dealFunnelQuery, signedNotStartedQuery } from '../../features/deals/queries';
import { dealFiguresUrl, teamLogUrl, type DealFiguresState } from '../../features/deals/search';
import { errorMessage } from '../../forms';
import { useDealsI18n, type DealsI18n } from '../../i18n-deals';
import { navigate } from '../../router';
import { countyNow } from '../../today';
import { useUnits } from '../../useUnits';
import { Link } from '../../components/Link';
import { PageHeader } from '../../components/PageHeader';
import { UnitTreeSelect } from '../../components/UnitTreeSelect';
import { OVERDUE_RED } from '../tickets/shared';
import { formatWan } from '../../../../src/domain/money/money';
import { DealStageTag, dealUrl, useDealOptions, useDealTextsFollowLanguage, useWan } from './shared';

const route = getRouteApi('/deals/figures');
const num: CSSProperties = { fontVariantNumeric: 'tabular-nums', whiteSpace: 'nowrap' };
const YEARS_BACK = 4;
const nowrapHeader = () => ({ style: { whiteSpace: 'nowrap' as const } });

type FunnelRow = DealFunnel['rows'][number];
type BreakdownRow = DealBreakdown['bySource'][number];
type TierRow = DealBreakdown['tiers'][number];

/** The funnel as bars: reached and current per stage, the first stage on top. */
function funnelOption(rows: FunnelRow[], { td }: DealsI18n, narrow: boolean): EChartOption {
  return {
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' }, confine: true },
    legend: { top: 0 },
    grid: { left: 8, right: 24, top: 32, bottom: 8, containLabel: true },
    xAxis: { type: 'value', minInterval: 1 },
    yAxis: {
      type: 'category',
      inverse: true,
      data: rows.map((r) => r.stageLabel),
      axisLabel: { width: narrow ? 48 : 80, overflow: 'truncate' },
    },
    series: [
      {
        name: td('funnel.reached'),
        type: 'bar',
        barMaxWidth: 22,
        itemStyle: { color: '#1d5fb4' },
        label: { show: true, position: 'right' },
        data: rows.map((r) => r.reached),
      },
      {
        name: td('funnel.current'),
        type: 'bar',
        barMaxWidth: 22,
        itemStyle: { color: '#f5b400' },
        data: rows.map((r) => r.current),
      },
    ],
  };
}

export function DealFiguresPage() {
  const i18n = useDealsI18n();
  const { td } = i18n;
  const search = route.useSearch();
  const { roots } = useUnits();
  const { teamOptions } = useDealOptions();
  const isPhone = Grid.useBreakpoint().md === false;
  useDealTextsFollowLanguage();
  const params = { unitId: search.unitId, teamId: search.teamId, year: search.year };
  const funnel = useQuery(dealFunnelQuery(params));
  const breakdown = useQuery(dealBreakdownQuery(params));
  const late = useQuery(signedNotStartedQuery({ unitId: search.unitId, teamId: search.teamId }));
  const thisYear = countyNow().year();
  const years = Array.from({ length: YEARS_BACK + 1 }, (_, i) => thisYear - i);
  const update = (patch: DealFiguresState) => navigate(dealFiguresUrl({ ...search, ...patch }), { replace: true });
  const control = (width: number): CSSProperties => (isPhone ? { flex: '1 1 40%', minWidth: 0 } : { width });
  const error = funnel.error ?? breakdown.error ?? late.error;

  const breakdownColumns = (title: string): TableColumnsType<BreakdownRow> => [
    { key: 'label', title, dataIndex: 'label', ellipsis: true },
    {
      key: 'count',
      title: td('figures.count'),
      dataIndex: 'count',
      align: 'right',
      width: 56,
      render: (n: number) => <span style={num}>{n}</span>,
    },
    {
      key: 'amount',
      title: td('figures.amountWan'),
      align: 'right',
      width: isPhone ? 116 : 128,
      onHeaderCell: nowrapHeader,
      render: (_: unknown, r) => <span style={num}>{formatWan(r.amountYuan)}</span>,
    },
  ];
  const breakdownCard = (title: string, rows: BreakdownRow[] | undefined, testId: string, first: string) => (
    <Col xs={24} lg={8}>
      <Card size="small" title={title} style={{ marginBottom: 12 }}>
        <Table<BreakdownRow>
          rowKey="key"
          size="small"
          pagination={false}
          columns={breakdownColumns(first)}
          dataSource={rows ?? []}
          loading={breakdown.isFetching && !rows}
          locale={{ emptyText: td('figures.none') }}
          data-testid={testId}
        />
      </Card>
    </Col>
  );

  return (
    <div data-testid="deal-figures-page">
      <PageHeader title={td('figures.title')} />
      <div style={{ display: 'flex', flexWrap: 'wrap', gap: 8, marginBottom: 12, alignItems: 'center' }}>
        <UnitTreeSelect
          roots={roots}
          value={search.unitId}
          onChange={(id) => update({ unitId: id === undefined ? undefined : Number(id) })}
          allowClear
          placeholder={td('f.unit')}
          style={control(180)}
          data-testid="figures-filter-unit"
        />
        <Select
          allowClear
          placeholder={td('f.team')}
          value={search.teamId}
          onChange={(value?: number) => update({ teamId: value })}
          options={teamOptions}
          style={control(180)}
          data-testid="figures-filter-team"
        />
        <Select
          value={search.year ?? 0}
          onChange={(value: number) => update({ year: value || undefined })}
          options={[
            { value: 0, label: td('figures.allYears') },
            ...years.map((y) => ({ value: y, label: td('figures.year', { year: y }) })),
          ]}
          style={control(120)}
          data-testid="figures-filter-year"
        />
        {search.teamId && (
          <Link to={teamLogUrl(search.teamId)} data-testid="figures-team-log">
            {td('teamLog.open')}
          </Link>
        )}
      </div>
      {error && <Alert type="error" showIcon title={errorMessage(error)} style={{ marginBottom: 12 }} />}

      <Card
        size="small"
        title={td('funnel.title')}
        style={{ marginBottom: 12 }}
        data-testid="deal-funnel"
        extra={
          funnel.data && (
            <span style={{ display: 'inline-flex', gap: 8, flexWrap: 'wrap' }}>
              <Tag color="blue" style={{ marginInlineEnd: 0 }} data-testid="funnel-signed-pct">
                {td('funnel.signedPct', { pct: funnel.data.signedPct ?? '—' })}
              </Tag>
              {!isPhone && (
                <Tag style={{ marginInlineEnd: 0 }}>
                  {td('funnel.exits', { shelved: funnel.data.exits.shelved, terminated: funnel.data.exits.terminated })}
                </Tag>
              )}
            </span>
          )
        }
      >
        {!funnel.data ? (
          <Skeleton active paragraph={{ rows: 5 }} />
        ) : (
          <Row gutter={[16, 12]}>
            <Col xs={24} lg={11}>
              <EChart option={funnelOption(funnel.data.rows, i18n, isPhone)} height={240} data-testid="funnel-chart" />
            </Col>
            <Col xs={24} lg={13}>
              <Table<FunnelRow>
                rowKey="stage"
                size="small"
                pagination={false}
                dataSource={funnel.data.rows}
                columns={[
                  { key: 'stage', title: td('f.stage'), render: (_: unknown, r) => <DealStageTag stage={r.stage} /> },
                  {
                    key: 'reached',
                    title: isPhone ? td('funnel.reachedShort') : td('funnel.reached'),
                    dataIndex: 'reached',
                    align: 'right',
                    onHeaderCell: nowrapHeader,
                    render: (n: number) => <span style={num}>{n}</span>,
                  },
                  {
                    key: 'current',
                    title: td('funnel.current'),
                    dataIndex: 'current',
                    align: 'right',
                    onHeaderCell: nowrapHeader,
                    render: (n: number) => <span style={num}>{n}</span>,
                  },
                  {
                    key: 'pct',
                    title: td('funnel.conversion'),
                    align: 'right',
                    onHeaderCell: nowrapHeader,
                    render: (_: unknown, r) => (
                      <span style={num}>{r.conversionPct === null ? '—' : `${r.conversionPct}%`}</span>
                    ),
                  },
                  {
                    key: 'days',
                    title: isPhone ? td('funnel.medianShort') : td('funnel.medianDays'),
                    align: 'right',
                    onHeaderCell: nowrapHeader,
                    render: (_: unknown, r) => (
                      <span style={num}>{r.medianDays === null ? '—' : td('funnel.days', { n: r.medianDays })}</span>
                    ),
                  },
                ]}
                data-testid="funnel-table"
              />
              {isPhone && (
                <Typography.Text type="secondary" style={{ fontSize: 12, display: 'block', marginTop: 8 }}>
                  {td('funnel.exits', { shelved: funnel.data.exits.shelved, terminated: funnel.data.exits.terminated })}
                </Typography.Text>
              )}
            </Col>
          </Row>
        )}
      </Card>

      <Row gutter={12}>
        {breakdownCard(td('figures.bySource'), breakdown.data?.bySource, 'breakdown-source', td('f.sourceRegion'))}
        {breakdownCard(td('figures.byChain'), breakdown.data?.byChain, 'breakdown-chain', td('f.chain'))}
        {breakdownCard(td('figures.byTeam'), breakdown.data?.byTeam, 'breakdown-team', td('f.team'))}
      </Row>

      <Card size="small" title={td('figures.tiers')} style={{ marginBottom: 12 }}>
        <Table<TierRow>
          rowKey="key"
          size="small"
          pagination={false}
          dataSource={breakdown.data?.tiers ?? []}
          loading={breakdown.isFetching && !breakdown.data}
          columns={[
            { key: 'label', title: td('figures.tier'), dataIndex: 'label' },
            {
              key: 'signed',
              title: td('figures.signed'),
              dataIndex: 'signed',
              align: 'right',
              render: (n: number) => <span style={num}>{n}</span>,
            },
            {
              key: 'target',
              title: td('figures.target'),
              align: 'right',
              render: (_: unknown, r) => <span style={num}>{r.target ?? '—'}</span>,
            },
            {
              key: 'status',
              title: td('figures.status'),
              align: 'right',
              render: (_: unknown, r) =>
                r.target === null ? (
                  <Typography.Text type="secondary">{td('figures.noTarget')}</Typography.Text>
                ) : r.signed >= r.target ? (
                  <Tag color="success" style={{ marginInlineEnd: 0 }}>
                    {td('figures.met')}
                  </Tag>
                ) : (
                  <Tag color="warning" style={{ marginInlineEnd: 0 }}>
                    {td('figures.short', { n: r.target - r.signed })}
                  </Tag>
                ),
            },
          ]}
          data-testid="breakdown-tiers"
        />
      </Card>

      <SignedNotStartedCard items={late.data?.items ?? null} isPhone={isPhone} />
    </div>
  );
}

/** 签约未落地: the signed deals not landed, the oldest first, those past the promise in red. */
function SignedNotStartedCard({ items, isPhone }: { items: SignedNotStarted[] | null; isPhone: boolean }) {
  const { td } = useDealsI18n();
  const wan = useWan();
  const sorted = items ? [...items].sort((a, b) => b.daysSinceSigned - a.daysSinceSigned) : [];
  const days = (r: SignedNotStarted) => (
    <span
      style={{ ...num, color: r.late ? OVERDUE_RED : undefined, fontWeight: r.late ? 600 : undefined }}
      data-testid="late-days"
      data-late={r.late}
    >
      {td('late.days', { n: r.daysSinceSigned, promise: r.promiseDays })}
    </span>
  );
  const name = (r: SignedNotStarted) => (
    <div style={{ minWidth: 0 }}>
      <Link to={dealUrl(r)} data-testid={`late-deal-${r.id}`}>
        {r.name}
      </Link>
      {r.late && (
        <Tag color="error" style={{ marginInlineStart: 6, marginInlineEnd: 0 }}>
          {td('late.tag')}
        </Tag>
      )}
      {isPhone && (
        <div style={{ fontSize: 12, display: 'flex', flexWrap: 'wrap', gap: '2px 10px', marginTop: 2 }}>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {r.unit.name} · {td('late.signedOn', { date: r.signedOn ?? '—' })}
          </Typography.Text>
          {days(r)}
        </div>
      )}
    </div>
  );
  const columns: TableColumnsType<SignedNotStarted> = isPhone
    ? [{ key: 'name', title: td('f.name'), render: (_: unknown, r) => name(r) }]
    : [
        { key: 'name', title: td('f.name'), render: (_: unknown, r) => name(r) },
        { key: 'unit', title: td('f.unit'), width: 130, ellipsis: true, render: (_: unknown, r) => r.unit.name },
        {
          key: 'signedOn',
          title: td('f.signedOn'),
          width: 110,
          render: (_: unknown, r) => <span style={num}>{r.signedOn}</span>,
        },
        {
          key: 'amount',
          title: td('f.signedAmount'),
          width: 150,
          align: 'right',
          render: (_: unknown, r) => <span style={num}>{wan(r.signedAmountYuan ?? r.intendedInvestmentYuan)}</span>,
        },
        {
          key: 'project',
          title: td('f.project'),
          width: 90,
          render: (_: unknown, r) => (r.project ? td('late.converted') : td('late.notConverted')),
        },
        { key: 'days', title: td('late.age'), width: 190, align: 'right', render: (_: unknown, r) => days(r) },
      ];
  return (
    <Card size="small" title={td('late.title')} style={{ marginBottom: 12 }}>
      <Table<SignedNotStarted>
        rowKey="id"
        size="small"
        pagination={false}
        dataSource={sorted}
        loading={items === null}
        columns={columns}
        onRow={(r) => ({ style: r.late ? { background: '#fff1f0' } : undefined, 'data-late': r.late }) as object}
        locale={{ emptyText: td('late.none') }}
        data-testid="signed-not-started"
      />
    </Card>
  );
}
