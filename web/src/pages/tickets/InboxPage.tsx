import { useQuery } from '@tanstack/react-query';
import { Alert, Badge, Button, Card, List, Skeleton, Typography } from 'antd';
import { PlusOutlined, RightOutlined } from '@ant-design/icons';
import { inboxQuery } from '../../features/tickets/queries';
import { errorMessage } from '../../forms';
import { useReportsI18n } from '../../i18n-reports';
import { useTicketsI18n } from '../../i18n-tickets';
import { navigate } from '../../router';
import { useSession } from '../../session';
import { Link } from '../../components/Link';
import { PageHeader } from '../../components/PageHeader';
import { DaysLeft } from '../enterprises/shared';
import { ClockText, pressingClock, TicketDot, TicketStateTag, ticketUrl, useTicketTextsFollowLanguage } from './shared';

/** A group's title with its count. */
function GroupTitle({ title, count }: { title: string; count: number }) {
  return (
    <span style={{ display: 'inline-flex', alignItems: 'center', gap: 8 }}>
      {title}
      <Badge count={count} showZero color={count ? '#cf1322' : '#b8bec6'} />
    </span>
  );
}

/**
 * 待办 (/inbox): what waits for the signed-in person — the tickets waiting for their next step, last month's
 * reports still to file, the licences ending soon — each leading to where it is done.
 */
export function InboxPage() {
  const { tt, category } = useTicketsI18n();
  const { period } = useReportsI18n();
  const { can } = useSession();
  const query = useQuery(inboxQuery);
  useTicketTextsFollowLanguage();
  const inbox = query.data ?? null;

  return (
    <div data-testid="inbox-page" data-total={inbox?.total ?? ''}>
      <PageHeader
        title={tt('inbox.title')}
        extra={
          <>
            {can('ticket.read') && (
              <Button onClick={() => navigate('/tickets')} data-testid="inbox-all-tickets">
                {tt('inbox.allTickets')}
              </Button>
            )}
            {can('ticket.raise') && (
              <Button
                type="primary"
                icon={<PlusOutlined />}
                onClick={() => navigate('/tickets/new')}
                data-testid="inbox-raise"
              >
                {tt('list.raise')}
              </Button>
            )}
          </>
        }
      />
      {query.error && <Alert type="error" showIcon title={errorMessage(query.error)} style={{ marginBottom: 12 }} />}
      {!inbox ? (
        !query.error && <Skeleton active paragraph={{ rows: 8 }} />
      ) : (
        <div style={{ display: 'grid', gap: 12 }}>
          {can('ticket.read') && (
            <Card
              size="small"
              title={<GroupTitle title={tt('inbox.tickets')} count={inbox.tickets.count} />}
              data-testid="inbox-tickets"
              data-count={inbox.tickets.count}
            >
              {inbox.tickets.items.length === 0 ? (
                <Typography.Text type="secondary">{tt('inbox.noTickets')}</Typography.Text>
              ) : (
                <List
                  size="small"
                  dataSource={inbox.tickets.items}
                  renderItem={(t) => (
                    <List.Item style={{ paddingInline: 0, display: 'block' }} data-testid={`inbox-ticket-${t.id}`}>
                      <div style={{ display: 'flex', gap: 8, alignItems: 'baseline', minWidth: 0 }}>
                        <TicketDot colour={t.colour} />
                        <Link to={ticketUrl(t)} style={{ flex: 1, minWidth: 0, overflowWrap: 'anywhere' }}>
                          {t.title}
                        </Link>
                      </div>
                      <div
                        style={{
                          display: 'flex',
                          gap: 8,
                          flexWrap: 'wrap',
                          alignItems: 'center',
                          marginTop: 4,
                          paddingInlineStart: 18,
                          fontSize: 12,
                        }}
                      >
                        <TicketStateTag state={t.state} />
                        <ClockText clock={pressingClock(t.clocks)} />
                        <Typography.Text type="secondary" style={{ fontSize: 12, overflowWrap: 'anywhere' }}>
                          {t.enterprise.name} · {category(t.category)}
                        </Typography.Text>
                      </div>
                    </List.Item>
                  )}
                />
              )}
              {inbox.tickets.count > inbox.tickets.items.length && (
                <Typography.Text type="secondary" style={{ display: 'block', marginTop: 8 }}>
                  {tt('inbox.moreTickets', { n: inbox.tickets.count - inbox.tickets.items.length })}
                </Typography.Text>
              )}
            </Card>
          )}

          {can('report.file') && (
            <Card
              size="small"
              title={<GroupTitle title={tt('inbox.reports')} count={inbox.reports.count} />}
              data-testid="inbox-reports"
              data-count={inbox.reports.count}
            >
              {inbox.reports.count === 0 ? (
                <Typography.Text type="secondary">
                  {tt('inbox.noReports', { period: period(inbox.reports.year, inbox.reports.month) })}
                </Typography.Text>
              ) : (
                <Link
                  to={`/reports/filing?year=${inbox.reports.year}&month=${inbox.reports.month}`}
                  data-testid="inbox-reports-link"
                >
                  {tt('inbox.reportsToFile', {
                    period: period(inbox.reports.year, inbox.reports.month),
                    n: inbox.reports.count,
                  })}
                  {inbox.reports.deadline && ` · ${tt('inbox.deadline', { date: inbox.reports.deadline })}`}{' '}
                  <RightOutlined style={{ fontSize: 10 }} />
                </Link>
              )}
            </Card>
          )}

          {can('enterprise.read') && (
            <Card
              size="small"
              title={<GroupTitle title={tt('inbox.licences')} count={inbox.licences.count} />}
              extra={
                inbox.licences.count > 0 && (
                  <Link to={`/licences?withinDays=${inbox.licences.withinDays}`}>{tt('inbox.allLicences')}</Link>
                )
              }
              data-testid="inbox-licences"
              data-count={inbox.licences.count}
            >
              {inbox.licences.items.length === 0 ? (
                <Typography.Text type="secondary">
                  {tt('inbox.noLicences', { days: inbox.licences.withinDays })}
                </Typography.Text>
              ) : (
                <List
                  size="small"
                  dataSource={inbox.licences.items}
                  renderItem={(l) => (
                    <List.Item
                      style={{ paddingInline: 0, gap: 8, flexWrap: 'wrap' }}
                      data-testid={`inbox-licence-${l.id}`}
                    >
                      <span style={{ minWidth: 0, flex: '1 1 200px' }}>
                        <Link to={`/enterprises/${l.enterpriseId}`}>{l.enterpriseName}</Link>
                        <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>
                          {l.typeLabel} · {l.number}
                        </Typography.Text>
                      </span>
                      <DaysLeft days={l.daysLeft} />
                    </List.Item>
                  )}
                />
              )}
            </Card>
          )}
        </div>
      )}
    </div>
  );
}
