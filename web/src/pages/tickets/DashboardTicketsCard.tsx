import { useQuery } from '@tanstack/react-query';
import { Card, Typography } from 'antd';
import { RightOutlined } from '@ant-design/icons';
import { ticketSummaryQuery } from '../../features/tickets/queries';
import { useTicketsI18n } from '../../i18n-tickets';
import { Link } from '../../components/Link';
import { OVERDUE_RED } from './shared';

/** The dashboard's 涉企问题: open, overdue, closed this month and satisfaction, leading to the overdue board. */
export function DashboardTicketsCard() {
  const { tt } = useTicketsI18n();
  const { data } = useQuery(ticketSummaryQuery);
  if (!data) return null;
  const figures: { key: string; label: string; value: string | number; colour?: string }[] = [
    { key: 'open', label: tt('summary.open'), value: data.open },
    {
      key: 'overdue',
      label: tt('summary.overdue'),
      value: data.overdue,
      colour: data.overdue ? OVERDUE_RED : undefined,
    },
    { key: 'closed', label: tt('summary.closedThisMonth'), value: data.closedThisMonth },
    {
      key: 'satisfaction',
      label: tt('summary.satisfaction'),
      value: data.satisfactionPercent === null ? '—' : `${data.satisfactionPercent}%`,
    },
  ];
  return (
    <Card
      size="small"
      title={tt('dash.title')}
      extra={
        <Link to="/tickets/overdue" data-testid="dashboard-tickets-board">
          {tt('board.title')} <RightOutlined style={{ fontSize: 10 }} />
        </Link>
      }
      style={{ marginBottom: 12 }}
      data-testid="dashboard-tickets"
    >
      <div style={{ display: 'grid', gridTemplateColumns: 'repeat(auto-fit, minmax(120px, 1fr))', gap: 8 }}>
        {figures.map((f) => (
          <div key={f.key} style={{ padding: '4px 8px', borderLeft: '3px solid #d9e2ef', minWidth: 0 }}>
            <Typography.Text type="secondary" style={{ fontSize: 13 }}>
              {f.label}
            </Typography.Text>
            <div
              style={{ fontSize: 24, fontWeight: 600, color: f.colour, fontVariantNumeric: 'tabular-nums' }}
              data-testid={`dashboard-tickets-${f.key}`}
            >
              {f.value}
            </div>
          </div>
        ))}
      </div>
    </Card>
  );
}
