import { Table, Tag } from 'antd';
import { formatWan } from '../../../../src/domain/money/money';
import type { RecordDeal } from '../../api-numbers';
import { Link } from '../../components/Link';
import { formatDate } from '../../format';
import { useNumbersI18n } from '../../i18n-numbers';

/**
 * The deals a deal figure is made of (签约项目's signed deals, 到位资金's deals with money arrived, 落地率's signed
 * deals), each as its events stood then, marked where it is in the numerator (落地 for the rate).
 */
export function RecordDealsTable({ deals, narrow }: { deals: RecordDeal[]; narrow: boolean }) {
  const { tn } = useNumbersI18n();
  return (
    <Table<RecordDeal>
      rowKey="dealId"
      size="small"
      pagination={{ pageSize: 50, hideOnSinglePage: true }}
      dataSource={deals}
      locale={{ emptyText: tn('records.empty') }}
      data-testid="records-deals"
      columns={[
        {
          title: tn('records.deal'),
          key: 'n',
          render: (_, r) => <Link to={`/deals/${r.dealId}`}>{r.name}</Link>,
        },
        ...(narrow
          ? []
          : [
              { title: tn('records.investor'), key: 'i', render: (_: unknown, r: RecordDeal) => r.investorName ?? '—' },
            ]),
        { title: tn('records.signedOn'), key: 's', width: 104, render: (_, r) => formatDate(r.signedOn) },
        {
          title: tn('records.signedAmount'),
          key: 'a',
          width: 120,
          align: 'right' as const,
          render: (_, r) => (r.signedAmountYuan === null ? '—' : formatWan(r.signedAmountYuan)),
        },
        ...(narrow
          ? []
          : [
              {
                title: tn('records.landedOn'),
                key: 'l',
                width: 104,
                render: (_: unknown, r: RecordDeal) => formatDate(r.landedOn),
              },
              {
                title: tn('records.funds'),
                key: 'f',
                width: 120,
                align: 'right' as const,
                render: (_: unknown, r: RecordDeal) => (r.fundsYuan ? formatWan(r.fundsYuan) : '—'),
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
