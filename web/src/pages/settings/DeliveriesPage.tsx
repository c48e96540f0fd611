import { useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { Alert, Card, Empty, Grid, Pagination, Table, Tag, Typography, type TableColumnsType } from 'antd';
import type { Delivery } from '../../api-settings';
import { deliveriesQuery } from '../../features/admin/queries';
import { errorMessage } from '../../forms';
import { formatTime } from '../../format';
import { useSettingsI18n } from '../../i18n-settings';
import { PageHeader } from '../../components/PageHeader';

const PAGE_SIZE = 50;
/** The table's columns add up to this; narrower screens scroll the table, not the page. */
const TABLE_MIN_WIDTH = 960;

const orDash = (value: string | number | null) => (value === null || value === '' ? '—' : value);

/** 通知发送记录: every delivery by e-mail, webhook or robot, newest first, a page at a time (administrators). */
export function DeliveriesPage() {
  const { ts, channel, event } = useSettingsI18n();
  const isPhone = Grid.useBreakpoint().md === false;
  const [page, setPage] = useState(1);
  const list = useQuery(deliveriesQuery(page, PAGE_SIZE));
  const items = list.data?.items ?? [];
  const total = list.data?.total ?? 0;
  const error = list.error ? errorMessage(list.error) : null;

  const columns: TableColumnsType<Delivery> = [
    { title: ts('col.at'), dataIndex: 'at', key: 'at', width: 150, render: (at: string) => formatTime(at) },
    { title: ts('col.channel'), dataIndex: 'channel', key: 'channel', width: 170, render: (c: string) => channel(c) },
    { title: ts('col.event'), dataIndex: 'event', key: 'event', width: 190, render: (e: string) => event(e) },
    {
      title: ts('col.recipient'),
      dataIndex: 'recipient',
      key: 'recipient',
      width: 120,
      render: (name: string | null) => orDash(name),
    },
    {
      title: ts('col.result'),
      dataIndex: 'ok',
      key: 'ok',
      width: 80,
      render: (ok: boolean) =>
        ok ? (
          <Tag color="success" data-testid="delivery-ok">
            {ts('deliveries.ok')}
          </Tag>
        ) : (
          <Tag color="error" data-testid="delivery-failed">
            {ts('deliveries.failed')}
          </Tag>
        ),
    },
    { title: ts('col.attempts'), dataIndex: 'attempts', key: 'attempts', width: 90, align: 'right' },
    {
      title: ts('col.status'),
      dataIndex: 'status',
      key: 'status',
      width: 80,
      align: 'right',
      render: (status: number | null) => orDash(status),
    },
    {
      title: ts('col.error'),
      dataIndex: 'error',
      key: 'error',
      ellipsis: { showTitle: true },
      render: (text: string | null) => (text ? <Typography.Text type="danger">{text}</Typography.Text> : orDash(text)),
    },
  ];

  return (
    <>
      <PageHeader title={ts('deliveries.title')} />
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} />}
      <Card styles={{ body: { padding: isPhone ? 8 : 12 } }}>
        <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }}>
          {ts('deliveries.intro')}
        </Typography.Paragraph>
        <Table<Delivery>
          rowKey="id"
          size="middle"
          columns={columns}
          dataSource={items}
          loading={list.isFetching}
          pagination={false}
          scroll={{ x: TABLE_MIN_WIDTH }}
          locale={{ emptyText: <Empty description={ts('deliveries.empty')} /> }}
          data-testid="deliveries-table"
        />
        {total > 0 && (
          <Pagination
            current={page}
            pageSize={PAGE_SIZE}
            total={total}
            showTotal={(count) => ts('deliveries.total', { count })}
            showSizeChanger={false}
            size={isPhone ? 'small' : undefined}
            onChange={setPage}
            style={{ marginTop: 12, justifyContent: 'flex-end', flexWrap: 'wrap' }}
            data-testid="deliveries-pagination"
          />
        )}
      </Card>
    </>
  );
}
