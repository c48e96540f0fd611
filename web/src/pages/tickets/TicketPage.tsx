import type { ReactNode } from 'react';
import { useQuery } from '@tanstack/react-query';
import { getRouteApi } from '@tanstack/react-router';
import { Alert, App, Button, Card, Col, Descriptions, Grid, Result, Row, Skeleton, Tag, Typography } from 'antd';
import { ArrowLeftOutlined } from '@ant-design/icons';
import { ApiError } from '../../api';
import type { TicketDetail } from '../../api-tickets';
import { invalidateTickets, ticketQuery } from '../../features/tickets/queries';
import { errorMessage } from '../../forms';
import { formatTime } from '../../format';
import { useLightsI18n } from '../../i18n-lights';
import { useTicketsI18n, type TicketMessageKey } from '../../i18n-tickets';
import { queryClient } from '../../queries/client';
import { navigate } from '../../router';
import { useSession } from '../../session';
import { Link } from '../../components/Link';
import { PageHeader } from '../../components/PageHeader';
import { OPEN_TICKET_STATES, type TicketStep } from '../../../../src/domain/tickets/ticket-flow';
import { ClockText, TicketDot, TicketStateTag, useTicketTextsFollowLanguage } from './shared';
import { TicketActions } from './TicketActions';
import { TicketAttachments } from './TicketAttachments';
import { TicketTimeline } from './TicketTimeline';

const route = getRouteApi('/tickets/$id');

const dash = (value: ReactNode) => (value === null || value === undefined || value === '' ? '—' : value);

/**
 * A ticket's page: its state, light and clocks, the escalation if any, what the enterprise said and sent, the
 * steps the person may take, and every step so far.
 */
export function TicketPage() {
  const { id } = route.useParams();
  const { tt, category, complexity, rating, step } = useTicketsI18n();
  const { colour } = useLightsI18n();
  const { message } = App.useApp();
  const { can, me } = useSession();
  const isPhone = Grid.useBreakpoint().md === false;
  const query = useQuery(ticketQuery(id));
  useTicketTextsFollowLanguage();
  const ticket = query.data ?? null;

  const back =
    can('ticket.read') && me.role !== 'enterprise' ? (
      <Button icon={<ArrowLeftOutlined />} onClick={() => navigate('/tickets')}>
        {tt('detail.backToList')}
      </Button>
    ) : (
      <Button icon={<ArrowLeftOutlined />} onClick={() => navigate('/inbox')}>
        {tt('inbox.title')}
      </Button>
    );

  if (query.error && !ticket) {
    const status = query.error instanceof ApiError ? query.error.status : 0;
    if (status === 404 || status === 403) return <Result status="404" title={tt('detail.notFound')} extra={back} />;
    return <Alert type="error" showIcon title={errorMessage(query.error)} />;
  }
  if (!ticket) return <Skeleton active paragraph={{ rows: 10 }} />;

  const isOpen = OPEN_TICKET_STATES.includes(ticket.state);
  // Any party may add a file while the ticket is open: those with a step to take, and the enterprise that raised
  // it (which has none until the answer comes). The server decides; a refusal shows its message.
  const canUpload =
    isOpen && (ticket.steps.length > 0 || me.role === 'enterprise' || ticket.raisedBy === me.displayName);

  const stepped = (next: TicketDetail, taken: TicketStep) => {
    queryClient.setQueryData(ticketQuery(id).queryKey, next);
    void invalidateTickets();
    void message.success(tt('action.done', { step: step(taken) }));
  };
  // The ticket with the others: every list and the inbox may show it.
  const reload = () => void invalidateTickets();

  const facts = [
    {
      key: 'enterprise',
      label: tt('col.enterprise'),
      children: can('enterprise.read') ? (
        <Link to={`/enterprises/${ticket.enterprise.id}`}>{ticket.enterprise.name}</Link>
      ) : (
        ticket.enterprise.name
      ),
    },
    {
      key: 'project',
      label: tt('detail.project'),
      children:
        ticket.project &&
        (can('project.read') ? (
          <Link to={`/projects/${ticket.project.id}`}>{ticket.project.name}</Link>
        ) : (
          ticket.project.name
        )),
    },
    { key: 'raised', label: tt('detail.raised'), children: `${ticket.raisedBy} · ${formatTime(ticket.raisedAt)}` },
    {
      key: 'unit',
      label: tt('col.handlingUnit'),
      children: ticket.handlingUnit?.name,
    },
    {
      key: 'coUnits',
      label: tt('action.coUnits'),
      children: ticket.coUnits.map((u) => u.name).join('、'),
    },
    {
      key: 'sla',
      label: tt('detail.sla'),
      children: (
        <span style={{ display: 'inline-flex', flexWrap: 'wrap', gap: '4px 6px', alignItems: 'center' }}>
          <span>{ticket.slaProfile.name}</span>
          {ticket.slaProfile.toConfirm && (
            <Tag style={{ marginInlineEnd: 0 }} color="orange">
              {tt('detail.toConfirm')}
            </Tag>
          )}
        </span>
      ),
    },
    ...(ticket.closedAt
      ? [{ key: 'closed', label: tt('detail.closedAt'), children: formatTime(ticket.closedAt) }]
      : []),
  ];

  return (
    <div data-testid="ticket-page" data-ticket-id={ticket.id} data-state={ticket.state} data-version={ticket.version}>
      <PageHeader title={ticket.title} extra={back} />
      {ticket.escalated && (
        <Alert
          type="error"
          showIcon
          style={{ marginBottom: 12 }}
          title={
            ticket.escalatedTo ? tt('detail.escalatedTo', { unit: ticket.escalatedTo.name }) : tt('detail.escalated')
          }
          data-testid="ticket-escalated"
        />
      )}
      <Card size="small" style={{ marginBottom: 12 }} data-testid="ticket-summary">
        <div style={{ display: 'flex', flexWrap: 'wrap', gap: 8, alignItems: 'center' }}>
          <span style={{ display: 'inline-flex', alignItems: 'center', gap: 6 }} data-colour={ticket.colour}>
            <TicketDot colour={ticket.colour} size={14} />
            {colour(ticket.colour)}
          </span>
          <span data-testid="ticket-state">
            <TicketStateTag state={ticket.state} />
          </span>
          <Tag style={{ marginInlineEnd: 0 }}>{category(ticket.category)}</Tag>
          <Tag style={{ marginInlineEnd: 0 }}>{tt('detail.complexity', { value: complexity(ticket.complexity) })}</Tag>
          {ticket.extension && (
            <Tag color="purple" style={{ marginInlineEnd: 0 }} data-testid="ticket-extension">
              {tt(`detail.extension.${ticket.extension}` as TicketMessageKey)}
            </Tag>
          )}
          {ticket.reopenCount > 0 && (
            <Tag color="volcano" style={{ marginInlineEnd: 0 }}>
              {tt('detail.reopened', { n: ticket.reopenCount })}
            </Tag>
          )}
          {ticket.rating && (
            <Tag color="green" style={{ marginInlineEnd: 0 }} data-testid="ticket-rating">
              {tt('detail.rating', { rating: rating(ticket.rating) })}
            </Tag>
          )}
        </div>
        {ticket.clocks.length > 0 && (
          <div
            style={{ display: 'flex', flexDirection: 'column', gap: 4, marginTop: 10, fontSize: 15 }}
            data-testid="ticket-clocks"
          >
            {ticket.clocks.map((c) => (
              <div key={c.kind} style={{ display: 'flex', flexWrap: 'wrap', gap: '0 10px', alignItems: 'baseline' }}>
                <ClockText clock={c} />
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {tt('clock.due', { time: formatTime(c.dueAt) })}
                </Typography.Text>
              </div>
            ))}
          </div>
        )}
      </Card>

      <Row gutter={[12, 0]}>
        <Col xs={{ span: 24, order: 2 }} lg={{ span: 14, order: 1 }}>
          <Card size="small" title={tt('detail.description')} style={{ marginBottom: 12 }}>
            <div style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }} data-testid="ticket-description">
              {ticket.description}
            </div>
          </Card>
          <Card size="small" title={tt('detail.files')} style={{ marginBottom: 12 }}>
            <TicketAttachments ticket={ticket} canUpload={canUpload} onUploaded={reload} />
          </Card>
          <Card size="small" title={tt('detail.timeline')} style={{ marginBottom: 12 }}>
            <TicketTimeline events={ticket.events} />
          </Card>
        </Col>
        <Col xs={{ span: 24, order: 1 }} lg={{ span: 10, order: 2 }}>
          {ticket.steps.length > 0 && (
            <Card
              size="small"
              title={tt('detail.actions')}
              style={{ marginBottom: 12, borderTop: '3px solid #1d4f91' }}
            >
              <TicketActions ticket={ticket} onDone={stepped} onStale={reload} />
            </Card>
          )}
          <Card size="small" title={tt('detail.facts')} style={{ marginBottom: 12 }}>
            <Descriptions
              size="small"
              column={1}
              styles={{ label: isPhone ? { width: 88 } : { width: 110, whiteSpace: 'nowrap' } }}
              items={facts.map((item) => ({ ...item, children: dash(item.children) }))}
              data-testid="ticket-facts"
            />
          </Card>
        </Col>
      </Row>
    </div>
  );
}
