import { useMemo } from 'react';
import { useQuery } from '@tanstack/react-query';
import { Alert, Card, Col, Empty, List, Row, Skeleton, Tag, Typography } from 'antd';
import type { TicketSummary, TicketView } from '../../api-tickets';
import { BOARD_SIZE, overdueTicketsQuery, ticketSummaryQuery } from '../../features/tickets/queries';
import { ticketListUrl } from '../../features/tickets/search';
import { errorMessage } from '../../forms';
import { useTicketsI18n } from '../../i18n-tickets';
import { Link } from '../../components/Link';
import { PageHeader } from '../../components/PageHeader';
import {
  ClockText,
  OVERDUE_RED,
  pressingClock,
  TicketDot,
  TicketStateTag,
  ticketUrl,
  useTicketTextsFollowLanguage,
} from './shared';

interface UnitGroup {
  key: string;
  unitId: number | null;
  name: string | null;
  tickets: TicketView[];
}

/** The overdue tickets by handling unit, the unit with most first; within one, the longest overdue first. */
function byUnit(tickets: readonly TicketView[]): UnitGroup[] {
  const groups = new Map<string, UnitGroup>();
  for (const t of tickets) {
    const key = t.handlingUnit ? String(t.handlingUnit.id) : 'none';
    const group = groups.get(key) ?? {
      key,
      unitId: t.handlingUnit?.id ?? null,
      name: t.handlingUnit?.name ?? null,
      tickets: [],
    };
    group.tickets.push(t);
    groups.set(key, group);
  }
  const due = (t: TicketView) => pressingClock(t.clocks)?.dueAt ?? '';
  for (const group of groups.values()) group.tickets.sort((a, b) => due(a).localeCompare(due(b)));
  return [...groups.values()].sort(
    (a, b) => b.tickets.length - a.tickets.length || due(a.tickets[0]!).localeCompare(due(b.tickets[0]!)),
  );
}

/** One figure of the board's head. */
function Figure({
  label,
  value,
  colour,
  to,
  testId,
}: {
  label: string;
  value: string | number;
  colour?: string;
  to?: string;
  testId: string;
}) {
  const number = (
    <span style={{ fontSize: 26, fontWeight: 600, lineHeight: 1.2, color: colour }} data-testid={testId}>
      {value}
    </span>
  );
  return (
    <Card size="small" style={{ height: '100%' }}>
      <Typography.Text type="secondary" style={{ fontSize: 13 }}>
        {label}
      </Typography.Text>
      <div>{to ? <Link to={to}>{number}</Link> : number}</div>
    </Card>
  );
}

/** The summary's figures: open, overdue, escalated, closed this month, satisfaction. */
export function SummaryFigures({ summary }: { summary: TicketSummary }) {
  const { tt } = useTicketsI18n();
  return (
    <Row gutter={[12, 12]} style={{ marginBottom: 12 }} data-testid="ticket-summary-figures">
      <Col xs={12} sm={8} lg={{ flex: '1 1 0' }}>
        <Figure
          label={tt('summary.open')}
          value={summary.open}
          to={ticketListUrl({ state: 'open' })}
          testId="summary-open"
        />
      </Col>
      <Col xs={12} sm={8} lg={{ flex: '1 1 0' }}>
        <Figure
          label={tt('summary.overdue')}
          value={summary.overdue}
          colour={summary.overdue ? OVERDUE_RED : undefined}
          to={ticketListUrl({ overdue: 'true' })}
          testId="summary-overdue"
        />
      </Col>
      <Col xs={12} sm={8} lg={{ flex: '1 1 0' }}>
        <Figure
          label={tt('summary.escalated')}
          value={summary.escalated}
          colour={summary.escalated ? OVERDUE_RED : undefined}
          testId="summary-escalated"
        />
      </Col>
      <Col xs={12} sm={12} lg={{ flex: '1 1 0' }}>
        <Figure
          label={tt('summary.closedThisMonth')}
          value={summary.closedThisMonth}
          to={ticketListUrl({ state: 'closed' })}
          testId="summary-closed"
        />
      </Col>
      <Col xs={24} sm={12} lg={{ flex: '1 1 0' }}>
        <Card size="small" style={{ height: '100%' }}>
          <Typography.Text type="secondary" style={{ fontSize: 13 }}>
            {tt('summary.satisfaction')}
          </Typography.Text>
          <div style={{ display: 'flex', alignItems: 'baseline', gap: 8, flexWrap: 'wrap' }}>
            <span style={{ fontSize: 26, fontWeight: 600, lineHeight: 1.2 }} data-testid="summary-satisfaction">
              {summary.satisfactionPercent === null ? '—' : `${summary.satisfactionPercent}%`}
            </span>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {tt('summary.rated', { rated: summary.rated })}
            </Typography.Text>
          </div>
        </Card>
      </Col>
    </Row>
  );
}

/**
 * 超期督办 (/tickets/overdue): the county's figures on top, then every ticket past a running deadline now, by the
 * unit handling it (those not yet assigned wait on the office), each with how far overdue it is.
 */
export function OverdueBoardPage() {
  const { tt, category } = useTicketsI18n();
  const summary = useQuery(ticketSummaryQuery);
  const overdue = useQuery(overdueTicketsQuery);
  useTicketTextsFollowLanguage();
  const groups = useMemo(() => byUnit(overdue.data?.items ?? []), [overdue.data]);
  const error = summary.error ?? overdue.error;

  return (
    <div data-testid="overdue-board">
      <PageHeader title={tt('board.title')} />
      {error && <Alert type="error" showIcon title={errorMessage(error)} style={{ marginBottom: 12 }} />}
      {summary.data ? <SummaryFigures summary={summary.data} /> : <Skeleton active paragraph={{ rows: 2 }} />}
      {overdue.data && overdue.data.total > BOARD_SIZE && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 12 }}
          title={tt('board.more', { shown: BOARD_SIZE, total: overdue.data.total })}
        />
      )}
      {!overdue.data ? (
        !overdue.error && <Skeleton active paragraph={{ rows: 6 }} />
      ) : groups.length === 0 ? (
        <Card>
          <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={tt('board.none')} data-testid="board-empty" />
        </Card>
      ) : (
        <Row gutter={[12, 12]}>
          {groups.map((group) => (
            <Col key={group.key} xs={24} xl={12}>
              <Card
                size="small"
                style={{ height: '100%' }}
                title={
                  <span style={{ display: 'inline-flex', gap: 8, alignItems: 'baseline', flexWrap: 'wrap' }}>
                    {group.name ?? tt('board.unassigned')}
                    <Typography.Text type="danger" style={{ fontSize: 13, fontWeight: 400 }}>
                      {tt('board.count', { n: group.tickets.length })}
                    </Typography.Text>
                  </span>
                }
                extra={
                  group.unitId !== null && (
                    <Link to={ticketListUrl({ unitId: group.unitId, overdue: 'true' })}>{tt('board.all')}</Link>
                  )
                }
                data-testid={`board-unit-${group.unitId ?? 'none'}`}
              >
                <List
                  size="small"
                  dataSource={group.tickets}
                  renderItem={(t) => {
                    const clock = pressingClock(t.clocks);
                    return (
                      <List.Item style={{ paddingInline: 0, display: 'block' }} data-testid={`board-ticket-${t.id}`}>
                        <div style={{ display: 'flex', gap: 8, alignItems: 'baseline', minWidth: 0 }}>
                          <TicketDot colour={t.colour} />
                          <Link
                            to={ticketUrl(t)}
                            style={{
                              flex: 1,
                              minWidth: 0,
                              overflow: 'hidden',
                              textOverflow: 'ellipsis',
                              whiteSpace: 'nowrap',
                            }}
                          >
                            {t.title}
                          </Link>
                          <ClockText clock={clock} withKind={false} />
                        </div>
                        <div
                          style={{
                            display: 'flex',
                            gap: 8,
                            flexWrap: 'wrap',
                            alignItems: 'center',
                            marginTop: 4,
                            paddingInlineStart: 18,
                          }}
                        >
                          <TicketStateTag state={t.state} />
                          {t.escalated && (
                            <Tag color="red" style={{ marginInlineEnd: 0 }}>
                              {tt('board.escalated')}
                            </Tag>
                          )}
                          <Typography.Text type="secondary" style={{ fontSize: 12, overflowWrap: 'anywhere' }}>
                            {t.enterprise.name} · {category(t.category)}
                          </Typography.Text>
                        </div>
                      </List.Item>
                    );
                  }}
                />
              </Card>
            </Col>
          ))}
        </Row>
      )}
    </div>
  );
}
