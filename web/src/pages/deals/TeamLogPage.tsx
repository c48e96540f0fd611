// 周日志 / 月汇报: what a team (招商小分队) did in a week (Monday to Sunday) or a month, read on a phone as well as a
// desk: the counts per kind, then the entries by date, each with its deal.
import { useQuery } from '@tanstack/react-query';
import { getRouteApi } from '@tanstack/react-router';
import { Alert, Button, Card, DatePicker, Empty, Result, Segmented, Skeleton, Typography } from 'antd';
import { ArrowLeftOutlined, LeftOutlined, RightOutlined } from '@ant-design/icons';
import dayjs, { type Dayjs } from 'dayjs';
import { ApiError } from '../../api';
import type { DealActivity } from '../../api-deals';
import { teamLogQuery } from '../../features/deals/queries';
import { teamLogUrl, type TeamLogState } from '../../features/deals/search';
import { errorMessage } from '../../forms';
import { useDealsI18n } from '../../i18n-deals';
import { navigate } from '../../router';
import { countyNow } from '../../today';
import { Link } from '../../components/Link';
import { PageHeader } from '../../components/PageHeader';
import { ActivityKindTag } from './DealLog';
import { dealUrl, useDealTextsFollowLanguage } from './shared';

const route = getRouteApi('/deal-teams/$id/log');
const ISO = 'YYYY-MM-DD';

/** The Monday of the week a day lies in (a county's week runs Monday to Sunday, whatever the locale says). */
const mondayOf = (day: Dayjs) => day.subtract((day.day() + 6) % 7, 'day').startOf('day');

/** The span the address names: a month, or the week of a day (this week when none). */
function spanOf(search: TeamLogState) {
  if (search.month) {
    const start = dayjs(`${search.month}-01`);
    return { kind: 'month' as const, start, end: start.endOf('month').startOf('day') };
  }
  const start = mondayOf(search.week ? dayjs(search.week) : countyNow());
  return { kind: 'week' as const, start, end: start.add(6, 'day') };
}

export function TeamLogPage() {
  const { id } = route.useParams();
  const search = route.useSearch();
  const { td } = useDealsI18n();
  useDealTextsFollowLanguage();
  const span = spanOf(search);
  const from = span.start.format(ISO);
  const to = span.end.format(ISO);
  const log = useQuery(teamLogQuery(id, from, to));
  const go = (state: TeamLogState) => navigate(teamLogUrl(id, state), { replace: true });
  const shift = (n: number) =>
    span.kind === 'month'
      ? go({ month: span.start.add(n, 'month').format('YYYY-MM') })
      : go({ week: span.start.add(7 * n, 'day').format(ISO) });

  const back = (
    <Button icon={<ArrowLeftOutlined />} onClick={() => navigate('/deal-teams')}>
      {td('teams.title')}
    </Button>
  );
  if (log.error && !log.data) {
    const status = log.error instanceof ApiError ? log.error.status : 0;
    if (status === 404 || status === 403) return <Result status="404" title={td('teamLog.notFound')} extra={back} />;
    return <Alert type="error" showIcon title={errorMessage(log.error)} />;
  }

  // The entries by date, in the order of the days; within a day, as entered.
  const byDate = new Map<string, DealActivity[]>();
  for (const e of [...(log.data?.entries ?? [])].sort((a, b) =>
    a.onDate < b.onDate ? -1 : a.onDate > b.onDate ? 1 : a.id - b.id,
  )) {
    byDate.set(e.onDate, [...(byDate.get(e.onDate) ?? []), e]);
  }
  const title = log.data
    ? td(span.kind === 'week' ? 'teamLog.weekTitle' : 'teamLog.monthTitle', { team: log.data.team.name })
    : td('teamLog.title');

  return (
    <div data-testid="team-log-page" data-from={from} data-to={to} data-kind={span.kind}>
      <PageHeader title={title} extra={back} />
      <Card size="small" style={{ marginBottom: 12 }}>
        <div style={{ display: 'flex', flexWrap: 'wrap', gap: 8, alignItems: 'center' }}>
          <Segmented
            value={span.kind}
            onChange={(v) =>
              v === 'month' ? go({ month: span.start.format('YYYY-MM') }) : go({ week: span.start.format(ISO) })
            }
            options={[
              { value: 'week', label: td('teamLog.week') },
              { value: 'month', label: td('teamLog.month') },
            ]}
            data-testid="team-log-kind"
          />
          <div style={{ display: 'flex', gap: 4, alignItems: 'center', flex: '1 1 240px', minWidth: 0 }}>
            <Button
              icon={<LeftOutlined />}
              onClick={() => shift(-1)}
              aria-label={td('teamLog.previous')}
              data-testid="team-log-prev"
            />
            {span.kind === 'week' ? (
              <DatePicker
                value={span.start}
                allowClear={false}
                inputReadOnly
                format={(d) => `${mondayOf(d).format(ISO)} ~ ${mondayOf(d).add(6, 'day').format(ISO)}`}
                onChange={(d) => d && go({ week: mondayOf(d).format(ISO) })}
                style={{ flex: 1, minWidth: 0 }}
                data-testid="team-log-week"
              />
            ) : (
              <DatePicker
                picker="month"
                value={span.start}
                allowClear={false}
                inputReadOnly
                onChange={(d) => d && go({ month: d.format('YYYY-MM') })}
                style={{ flex: 1, minWidth: 0 }}
                data-testid="team-log-month"
              />
            )}
            <Button
              icon={<RightOutlined />}
              onClick={() => shift(1)}
              aria-label={td('teamLog.next')}
              data-testid="team-log-next"
            />
          </div>
        </div>
        {log.data && (
          <div style={{ display: 'flex', flexWrap: 'wrap', gap: 8, marginTop: 12 }} data-testid="team-log-counts">
            <Typography.Text strong data-testid="team-log-total" data-total={log.data.entries.length}>
              {td('teamLog.total', { n: log.data.entries.length, deals: log.data.deals })}
            </Typography.Text>
            {log.data.counts.map((c) => (
              <span
                key={c.kind}
                data-testid={`team-log-count-${c.kind}`}
                data-count={c.count}
                style={{ whiteSpace: 'nowrap' }}
              >
                <ActivityKindTag kind={c.kind} label={`${c.label} ${c.count}`} />
              </span>
            ))}
          </div>
        )}
      </Card>
      {!log.data ? (
        <Skeleton active paragraph={{ rows: 6 }} />
      ) : byDate.size === 0 ? (
        <Card size="small">
          <Empty description={td('teamLog.empty')} />
        </Card>
      ) : (
        <div style={{ display: 'flex', flexDirection: 'column', gap: 12 }} data-testid="team-log-days">
          {[...byDate].map(([date, entries]) => (
            <Card
              key={date}
              size="small"
              title={
                <span>
                  {dayjs(date).format(td('teamLog.dayFormat'))}{' '}
                  <Typography.Text type="secondary" style={{ fontWeight: 400 }}>
                    {td('teamLog.entries', { n: entries.length })}
                  </Typography.Text>
                </span>
              }
              data-testid={`team-log-day-${date}`}
            >
              {entries.map((e, i) => (
                <div
                  key={e.id}
                  style={{ padding: '6px 0', borderTop: i ? '1px solid #f0f0f0' : undefined, minWidth: 0 }}
                  data-testid="team-log-entry"
                >
                  <div style={{ display: 'flex', flexWrap: 'wrap', gap: '2px 8px', alignItems: 'center' }}>
                    <ActivityKindTag kind={e.kind} label={e.kindLabel} />
                    <Link to={dealUrl({ id: e.dealId })}>{e.dealName}</Link>
                  </div>
                  <div style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere', marginTop: 2 }}>{e.summary}</div>
                  <Typography.Text type="secondary" style={{ fontSize: 12, overflowWrap: 'anywhere' }}>
                    {e.attendees} · {td('log.by', { actor: e.actor })}
                  </Typography.Text>
                </div>
              ))}
            </Card>
          ))}
        </div>
      )}
    </div>
  );
}
