import { formatPoints } from '../../../../src/domain/progress/time-progress';
import { gapWords, percentText } from './dashboard-format';
import { useMemo } from 'react';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Alert, Card, Col, Empty, Grid, Row, Skeleton, Typography } from 'antd';
import type { Colour } from '../../api-lights';
import { dashboardQuery } from '../../features/dashboard/queries';
import { errorMessage } from '../../forms';
import { useLightsI18n } from '../../i18n-lights';
import { useProjectsI18n } from '../../i18n-projects';
import { navigate } from '../../router';
import { getRouteApi } from '@tanstack/react-router';
import { useUnits } from '../../useUnits';
import { EChart } from '../../components/EChart';
import { Link } from '../../components/Link';
import { PageHeader } from '../../components/PageHeader';
import dayjs from 'dayjs';
import { DatePicker } from 'antd';
import { localDate } from '../../../../src/domain/calendar/local-date';
import { useNumbersI18n } from '../../i18n-numbers';
import { UnitTreeSelect } from '../../components/UnitTreeSelect';
import { formatYi } from '../../../../src/domain/money/money';
import { curveChartOption, unitsChartOption } from './dashboard-charts';
import { DashboardRedList } from './DashboardRedList';
import { LISTS, LIST_LABELS } from '../../../../src/domain/projects/four-lists';
import { listLink } from '../projects/ListCard';
import { COLOURS, COLOUR_TEXT, LightDot, lightListHref } from '../lights/shared';
import { DashboardRaceCards } from '../race/DashboardRaceCards';
import { DashboardTicketsCard } from '../tickets/DashboardTicketsCard';
import { useSession } from '../../session';

/** 驾驶舱: the year's investment against 序时进度, the lights by unit, the red list and the four lists. */
export function DashboardPage() {
  const { tl, colour } = useLightsI18n();
  const { label } = useProjectsI18n();
  const screens = Grid.useBreakpoint();
  const narrow = !screens.md;
  const search = getRouteApi('/dashboard').useSearch();
  const unitId = search.unitId;
  const asOf = search.asOf ?? null;
  const { tn } = useNumbersI18n();
  const { can } = useSession();
  const { roots } = useUnits();
  // Keyed by unit and day: an older answer never replaces a newer choice, and going back is instant.
  const query = useQuery({ ...dashboardQuery(unitId, asOf), placeholderData: keepPreviousData });
  const data = query.data ?? null;
  const error = query.error ? errorMessage(query.error) : null;

  const unitsOption = useMemo(
    () => (data ? unitsChartOption(data.units, { narrow, colour }) : null),
    [data, narrow, colour],
  );
  const curveOption = useMemo(() => (data ? curveChartOption(data.monthly, tl) : null), [data, tl]);

  const dashboardUrl = (id: number | undefined, at: string | null) => {
    const q = new URLSearchParams();
    if (id) q.set('unitId', String(id));
    if (at) q.set('asOf', at);
    return q.size ? `/dashboard?${q}` : '/dashboard';
  };
  const goUnit = (id: number | undefined) => navigate(dashboardUrl(id, asOf), { replace: true });

  const header = (
    <PageHeader
      title={tl('dash.title')}
      extra={
        <>
          <DatePicker
            value={asOf ? dayjs(asOf.length > 10 ? localDate(new Date(asOf)) : asOf) : null}
            onChange={(d) => navigate(dashboardUrl(unitId, d ? d.format('YYYY-MM-DD') : null), { replace: true })}
            disabledDate={(d) => d.format('YYYY-MM-DD') > localDate(new Date())}
            placeholder={tn('asOf.placeholder')}
            prefix={tn('asOf.label')}
            allowClear
            style={{ width: 170 }}
            aria-label={tn('asOf.label')}
            data-testid="dashboard-as-of"
          />
          <UnitTreeSelect
            roots={roots}
            value={unitId}
            onChange={(id) => goUnit(id === undefined ? undefined : Number(id))}
            allowClear
            placeholder={tl('dash.allUnits')}
            style={{ width: 220, maxWidth: '100%' }}
            data-testid="dashboard-unit"
          />
        </>
      }
    />
  );

  if (!data) {
    return (
      <div data-testid="dashboard">
        {header}
        {error ? <Alert type="error" showIcon title={error} /> : <Skeleton active paragraph={{ rows: 10 }} />}
      </div>
    );
  }

  const { totals } = data;
  const gap = totals.gapPoints;
  const gapLine = gapWords(gap);
  const gapColour = gap === null ? undefined : gap >= 0 ? '#2fa84f' : '#e5322d';
  const bigNumber = { fontSize: narrow ? 24 : 30, fontWeight: 600, lineHeight: 1.2 } as const;
  const unitsHeight = Math.max(200, data.units.length * (narrow ? 30 : 28) + 60);

  return (
    <div data-testid="dashboard">
      {header}
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} />}
      <Typography.Text type="secondary" style={{ display: 'block', marginTop: -8, marginBottom: 12 }}>
        {tl('dash.period', { year: data.year, month: data.month })}
      </Typography.Text>

      <Row gutter={[12, 12]} style={{ marginBottom: 12 }} data-testid="dashboard-totals">
        <Col xs={12} md={8}>
          <Card size="small" style={{ height: '100%' }}>
            <Typography.Text type="secondary">{tl('dash.plan')}</Typography.Text>
            <div style={bigNumber} data-testid="dashboard-plan">
              {formatYi(totals.planYuan)} <span style={{ fontSize: 14, fontWeight: 400 }}>{tl('dash.yi')}</span>
            </div>
          </Card>
        </Col>
        <Col xs={12} md={8}>
          <Card size="small" style={{ height: '100%' }}>
            <Typography.Text type="secondary">{tl('dash.completed')}</Typography.Text>
            <div style={bigNumber} data-testid="dashboard-completed">
              {formatYi(totals.completedYuan)} <span style={{ fontSize: 14, fontWeight: 400 }}>{tl('dash.yi')}</span>
            </div>
          </Card>
        </Col>
        <Col xs={24} md={8}>
          <Card size="small" style={{ height: '100%', borderTop: gapColour ? `3px solid ${gapColour}` : undefined }}>
            <Typography.Text type="secondary">{tl('dash.rate')}</Typography.Text>
            <div style={{ display: 'flex', alignItems: 'baseline', gap: 12, flexWrap: 'wrap' }}>
              <span style={{ ...bigNumber, color: gapColour }} data-testid="dashboard-rate">
                {percentText(totals.completionPct)}
              </span>
              {totals.timePct !== null && (
                <Typography.Text type="secondary">
                  {tl('dash.timePct', { pct: formatPoints(totals.timePct) })}
                </Typography.Text>
              )}
            </div>
            <div style={{ color: gapColour, fontSize: 13 }} data-testid="dashboard-gap" data-gap={gap ?? ''}>
              {gapLine.direction === 'none'
                ? tl('dash.noPlan')
                : gapLine.direction === 'even'
                  ? tl('dash.even')
                  : tl(gapLine.direction === 'ahead' ? 'dash.ahead' : 'dash.behind', { gap: gapLine.points })}
            </div>
          </Card>
        </Col>
      </Row>

      <DashboardRaceCards race={data.race} bulletin={data.latestBulletin} />

      <Row gutter={[12, 12]} style={{ marginBottom: 12 }}>
        <Col xs={24} lg={10}>
          <Card
            size="small"
            title={tl('dash.colours')}
            extra={
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {tl('dash.coloursHint')}
              </Typography.Text>
            }
            style={{ height: '100%' }}
            data-testid="dashboard-colours"
          >
            <div style={{ display: 'grid', gridTemplateColumns: 'repeat(4, minmax(0, 1fr))', gap: 8 }}>
              {COLOURS.map((c) => (
                <ColourCount key={c} colour={c} count={data.colours[c]} unitId={unitId} label={colour(c)} />
              ))}
            </div>
          </Card>
        </Col>
        <Col xs={24} lg={14}>
          <Card size="small" title={tl('dash.lists')} style={{ height: '100%' }} data-testid="dashboard-lists">
            {!data.lists && (
              <Typography.Text type="secondary" data-testid="dashboard-lists-as-of">
                {tn('asOf.noLists')}
              </Typography.Text>
            )}
            <div
              style={{
                display: 'grid',
                gridTemplateColumns: narrow ? 'repeat(2, minmax(0, 1fr))' : 'repeat(4, minmax(0, 1fr))',
                gap: 8,
              }}
            >
              {LISTS.map((list) => {
                const totalsOf = data.lists?.[list];
                if (!totalsOf) return null;
                const split = list === 'start' || list === 'production';
                return (
                  <div key={list} style={{ padding: '4px 8px', borderLeft: '3px solid #d9e2ef', minWidth: 0 }}>
                    <Typography.Text type="secondary" style={{ fontSize: 13 }}>
                      {label(LIST_LABELS, list)}
                    </Typography.Text>
                    <div>
                      <Link
                        to={listLink(list, data.year, unitId)}
                        style={{ fontSize: 24, fontWeight: 600 }}
                        data-testid={`dashboard-list-${list}`}
                      >
                        {totalsOf.count}
                      </Link>
                    </div>
                    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                      {formatYi(totalsOf.totalInvestmentYuan)} {tl('dash.yi')}
                    </Typography.Text>
                    {split && (
                      <div style={{ fontSize: 12, display: 'flex', gap: 8, flexWrap: 'wrap' }}>
                        <Link to={listLink(list, data.year, unitId, 'done')}>
                          {tl(`dash.listDone.${list}`, { n: totalsOf.done })}
                        </Link>
                        <Link to={listLink(list, data.year, unitId, 'pending')}>
                          {tl(`dash.listPending.${list}`, { n: totalsOf.pending })}
                        </Link>
                      </div>
                    )}
                  </div>
                );
              })}
            </div>
          </Card>
        </Col>
      </Row>

      {can('ticket.read') && <DashboardTicketsCard />}

      <Row gutter={[12, 12]} style={{ marginBottom: 12 }}>
        <Col xs={{ span: 24, order: 2 }} lg={{ span: 12, order: 1 }}>
          <Card size="small" title={tl('dash.units')} style={{ height: '100%' }}>
            {data.units.length && unitsOption ? (
              <EChart
                option={unitsOption}
                height={unitsHeight}
                data-testid="dashboard-units-chart"
                onClick={(p) => {
                  const unit = data.units[p.dataIndex];
                  if (unit && p.seriesId && (COLOURS as string[]).includes(p.seriesId))
                    navigate(lightListHref(p.seriesId as Colour, unit.unitId));
                }}
              />
            ) : (
              <div data-testid="dashboard-units-chart">
                <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={tl('dash.noUnits')} />
              </div>
            )}
          </Card>
        </Col>
        <Col xs={{ span: 24, order: 1 }} lg={{ span: 12, order: 2 }}>
          <Card size="small" title={tl('dash.curve')} style={{ marginBottom: 12 }}>
            {curveOption && (
              <EChart option={curveOption} height={narrow ? 260 : 320} data-testid="dashboard-curve-chart" />
            )}
          </Card>
          <DashboardRedList redList={data.redList} redCount={data.colours.red} unitId={unitId} />
        </Col>
      </Row>
    </div>
  );
}

/** One colour's count as a big link to its projects. */
function ColourCount({
  colour,
  count,
  unitId,
  label,
}: {
  colour: Colour;
  count: number;
  unitId?: number;
  label: string;
}) {
  return (
    <div style={{ textAlign: 'center', minWidth: 0 }}>
      <div style={{ display: 'inline-flex', alignItems: 'center', gap: 6, fontSize: 13, color: 'rgba(0,0,0,0.65)' }}>
        <LightDot colour={colour} size={10} /> {label}
      </div>
      <div>
        <Link
          to={lightListHref(colour, unitId)}
          style={{ fontSize: 30, fontWeight: 600, color: COLOUR_TEXT[colour] }}
          data-testid={`colour-count-${colour}`}
        >
          {count}
        </Link>
      </div>
    </div>
  );
}
