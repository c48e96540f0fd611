import { Table, Tag } from 'antd';
import type { RecordTicket } from '../../api-numbers';
import { Link } from '../../components/Link';
import { formatDate } from '../../format';
import { useNumbersI18n } from '../../i18n-numbers';
import { useTicketsI18n } from '../../i18n-tickets';
import type { Rating, TicketState } from '../../../../src/domain/tickets/ticket-flow';

/**
 * The tickets a ticket figure is made of (处置率's tickets due, 超期件数's overdue ones, 满意率's ratings), each
 * as it stood then, marked where it is in the numerator (已办结, 满意或基本满意).
 */
export function RecordTicketsTable({ tickets, narrow }: { tickets: RecordTicket[]; narrow: boolean }) {
  const { tn } = useNumbersI18n();
  const { state, rating } = useTicketsI18n();
  return (
    <Table<RecordTicket>
      rowKey="ticketId"
      size="small"
      pagination={{ pageSize: 50, hideOnSinglePage: true }}
      dataSource={tickets}
      locale={{ emptyText: tn('records.empty') }}
      data-testid="records-tickets"
      columns={[
        {
          title: tn('records.ticket'),
          key: 't',
          render: (_, r) => <Link to={`/tickets/${r.ticketId}`}>{r.title}</Link>,
        },
        ...(narrow ? [] : [{ title: tn('records.enterprise'), dataIndex: 'enterpriseName' }]),
        {
          title: tn('records.ticketState'),
          key: 's',
          width: 96,
          render: (_, r) => (
            <>
              {state(r.state as TicketState)}
              {r.rating ? ` · ${rating(r.rating as Rating)}` : ''}
            </>
          ),
        },
        ...(narrow
          ? []
          : [
              {
                title: tn('records.closeDue'),
                key: 'd',
                width: 104,
                render: (_: unknown, r: RecordTicket) => formatDate(r.closeDueAt),
              },
            ]),
        {
          title: tn('records.counted'),
          key: 'c',
          width: 72,
          align: 'center' as const,
          render: (_, r) => (r.counted ? <Tag color="green">{tn('records.countedYes')}</Tag> : '—'),
        },
      ]}
    />
  );
}
