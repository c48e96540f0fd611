import type { CSSProperties } from 'react';
import { useQuery } from '@tanstack/react-query';
import { getRouteApi } from '@tanstack/react-router';
import {
  Alert,
  Button,
  Card,
  Checkbox,
  Grid,
  Pagination,
  Select,
  Table,
  Typography,
  type TableColumnsType,
} from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import type { TicketView } from '../../api-tickets';
import { TICKET_PAGE_SIZE, ticketListQuery } from '../../features/tickets/queries';
import {
  TICKET_COLOURS,
  TICKET_STATE_FILTERS,
  ticketListUrl,
  type TicketListState,
} from '../../features/tickets/search';
import { errorMessage } from '../../forms';
import { formatDate } from '../../format';
import { useLightsI18n } from '../../i18n-lights';
import { useTicketsI18n, type TicketsI18n } from '../../i18n-tickets';
import { navigate } from '../../router';
import { useSession } from '../../session';
import { useUnits } from '../../useUnits';
import { Link } from '../../components/Link';
import { PageHeader } from '../../components/PageHeader';
import { UnitTreeSelect } from '../../components/UnitTreeSelect';
import { LightDot } from '../lights/shared';
import { TICKET_CATEGORIES } from '../../../../src/domain/tickets/categories';
import { ClockText, pressingClock, TicketDot, TicketStateTag, ticketUrl, useTicketTextsFollowLanguage } from './shared';

const nowrap: CSSProperties = { whiteSpace: 'nowrap' };

/** Roles that look across units (the office, leaders, auditors): the list offers them a unit filter. */
const ACROSS_UNITS = new Set(['admin', 'coordinator', 'leader', 'auditor']);

/** The table's columns; a phone keeps one column, the title with the rest below it. */
function columns({ tt, category }: TicketsI18n, isPhone: boolean): TableColumnsType<TicketView> {
  const title: TableColumnsType<TicketView>[number] = {
    key: 'title',
    title: tt('col.title'),
    render: (_: unknown, t) => {
      const clock = pressingClock(t.clocks);
      return (
        <div style={{ display: 'flex', gap: 8, alignItems: 'baseline', minWidth: 0 }}>
          <TicketDot colour={t.colour} />
          <div style={{ minWidth: 0, flex: 1 }}>
            <Link to={ticketUrl(t)} data-testid={`ticket-link-${t.id}`}>
              {t.title}
            </Link>
            {isPhone && (
              <div style={{ marginTop: 4, display: 'flex', flexDirection: 'column', gap: 4 }}>
                <Typography.Text type="secondary" style={{ fontSize: 12, overflowWrap: 'anywhere' }}>
                  {[t.enterprise.name, category(t.category), t.handlingUnit?.name].filter(Boolean).join(' · ')}
                </Typography.Text>
                <span style={{ display: 'flex', gap: 8, flexWrap: 'wrap', alignItems: 'center', fontSize: 12 }}>
                  <TicketStateTag state={t.state} />
                  {clock && <ClockText clock={clock} />}
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {formatDate(t.raisedAt)}
                  </Typography.Text>
                </span>
              </div>
            )}
          </div>
        </div>
      );
    },
  };
  if (isPhone) return [title];
  // The title and the enterprise share what the fixed columns leave; the table never scrolls sideways.
  return [
    title,
    {
      key: 'enterprise',
      title: tt('col.enterprise'),
      render: (_: unknown, t) => t.enterprise.name,
      width: '22%',
      ellipsis: { showTitle: true },
    },
    {
      key: 'category',
      title: tt('col.category'),
      render: (_: unknown, t) => <span style={nowrap}>{category(t.category)}</span>,
      width: 84,
    },
    {
      key: 'state',
      title: tt('col.state'),
      render: (_: unknown, t) => <TicketStateTag state={t.state} />,
      width: 96,
    },
    {
      key: 'unit',
      title: tt('col.handlingUnit'),
      render: (_: unknown, t) => t.handlingUnit?.name ?? <Typography.Text type="secondary">—</Typography.Text>,
      width: 112,
      ellipsis: true,
    },
    {
      key: 'clock',
      title: tt('col.clock'),
      render: (_: unknown, t) => <ClockText clock={pressingClock(t.clocks)} />,
      width: 196,
    },
    {
      key: 'raisedAt',
      title: tt('col.raisedAt'),
      render: (_: unknown, t) => <span style={nowrap}>{formatDate(t.raisedAt)}</span>,
      width: 110,
    },
  ];
}

/** 涉企问题: the tickets in the user's scope, the most pressing deadline first, filtered by the URL, paged. */
export function TicketListPage() {
  const i18n = useTicketsI18n();
  const { tt, state: stateLabel, category } = i18n;
  const { colour } = useLightsI18n();
  const { can, me } = useSession();
  const { roots } = useUnits();
  const search = getRouteApi('/tickets').useSearch();
  const isPhone = Grid.useBreakpoint().md === false;
  const pageNo = search.page ?? 1;
  const list = useQuery(ticketListQuery({ ...search, page: pageNo }));
  useTicketTextsFollowLanguage();
  const items = list.data?.items ?? [];
  const total = list.data?.total ?? null;
  const error = list.error ? errorMessage(list.error) : null;
  const filtered = Boolean(search.state || search.category || search.overdue || search.colour || search.unitId);

  // A filter starts again at page 1; only the pager moves between pages.
  const update = (patch: TicketListState) =>
    navigate(ticketListUrl({ ...search, page: undefined, ...patch }), { replace: true });
  const control = (width: number): CSSProperties => (isPhone ? { flex: '1 1 40%', minWidth: 0 } : { width });

  return (
    <div data-testid="tickets-page">
      <PageHeader
        title={tt('list.title')}
        extra={
          <>
            {ACROSS_UNITS.has(me.role) && (
              <Button onClick={() => navigate('/tickets/overdue')} data-testid="tickets-board-link">
                {tt('board.title')}
              </Button>
            )}
            {can('ticket.raise') && (
              <Button
                type="primary"
                icon={<PlusOutlined />}
                onClick={() => navigate('/tickets/new')}
                data-testid="ticket-raise"
              >
                {tt('list.raise')}
              </Button>
            )}
          </>
        }
      />
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} />}
      <Card styles={{ body: { padding: 12 } }}>
        <div style={{ display: 'flex', flexWrap: 'wrap', gap: 8, marginBottom: 12, alignItems: 'center' }}>
          <Select
            allowClear
            placeholder={tt('col.state')}
            value={search.state}
            onChange={(value) => update({ state: value })}
            options={TICKET_STATE_FILTERS.map((value) => ({
              value,
              label: value === 'open' ? tt('filter.open') : stateLabel(value),
            }))}
            style={control(130)}
            data-testid="tickets-state"
          />
          <Select
            allowClear
            placeholder={tt('col.category')}
            value={search.category}
            onChange={(value) => update({ category: value })}
            options={TICKET_CATEGORIES.map((value) => ({ value, label: category(value) }))}
            style={control(130)}
            data-testid="tickets-category"
          />
          <Select
            allowClear
            placeholder={tt('filter.colour')}
            value={search.colour}
            onChange={(value) => update({ colour: value })}
            options={TICKET_COLOURS.map((value) => ({
              value,
              label: (
                <span style={{ display: 'inline-flex', alignItems: 'center', gap: 6 }}>
                  <LightDot colour={value} size={10} />
                  {colour(value)}
                </span>
              ),
            }))}
            style={control(120)}
            data-testid="tickets-colour"
          />
          {ACROSS_UNITS.has(me.role) && (
            <UnitTreeSelect
              roots={roots}
              value={search.unitId}
              onChange={(id) => update({ unitId: id === undefined ? undefined : Number(id) })}
              allowClear
              placeholder={tt('col.handlingUnit')}
              style={control(180)}
              data-testid="tickets-unit"
            />
          )}
          <Checkbox
            checked={search.overdue === 'true'}
            onChange={(e) => update({ overdue: e.target.checked ? 'true' : undefined })}
            data-testid="tickets-overdue"
          >
            {tt('filter.overdue')}
          </Checkbox>
          {filtered && (
            <Button onClick={() => navigate('/tickets', { replace: true })} data-testid="tickets-reset">
              {tt('filter.reset')}
            </Button>
          )}
        </div>
        <div style={{ marginBottom: 8 }}>
          <Typography.Text type="secondary" data-testid="tickets-total" data-total={total ?? ''}>
            {total === null ? '\u00a0' : tt('list.total', { count: total })}
          </Typography.Text>
        </div>
        <Table<TicketView>
          rowKey="id"
          size="middle"
          columns={columns(i18n, isPhone)}
          dataSource={items}
          loading={list.isFetching}
          pagination={false}
          locale={{ emptyText: filtered ? tt('list.noMatch') : tt('list.empty') }}
          data-testid="tickets-table"
        />
        {total !== null && total > TICKET_PAGE_SIZE && (
          <Pagination
            current={pageNo}
            pageSize={TICKET_PAGE_SIZE}
            total={total}
            showSizeChanger={false}
            simple={isPhone}
            showTotal={isPhone ? undefined : (count) => tt('list.total', { count })}
            onChange={(page) => navigate(ticketListUrl({ ...search, page: page > 1 ? page : undefined }))}
            align={isPhone ? 'center' : 'end'}
            style={{ marginTop: 12 }}
            data-testid="tickets-pager"
          />
        )}
      </Card>
    </div>
  );
}
