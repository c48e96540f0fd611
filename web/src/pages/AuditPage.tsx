import { useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import {
  Alert,
  App,
  Button,
  Card,
  Empty,
  Grid,
  List,
  Pagination,
  Table,
  Tag,
  Typography,
  type TableColumnsType,
} from 'antd';
import { DownloadOutlined } from '@ant-design/icons';
import { downloadFile, query, type AuditEvent } from '../api';
import { auditParams, auditQuery } from '../features/admin/queries';
import { errorMessage } from '../forms';
import { formatTime } from '../format';
import { useAuditI18n } from '../i18n-audit';
import { AuditDiff } from '../components/AuditDiff';
import { AuditFilters, type AuditFilter } from '../components/AuditFilters';
import { PageHeader } from '../components/PageHeader';

const PAGE_SIZES = [20, 50, 100];

/** 亮灯规则 #3: the object's type in words and its id. */
const objectText = (typeName: string, event: AuditEvent) => `${typeName} #${event.objectId}`;

/** One event on a phone: a card with time, person, action and summary, the change below on demand. */
function EventCard({ event }: { event: AuditEvent }) {
  const { ta, action, objectType } = useAuditI18n();
  const [open, setOpen] = useState(false);
  const hasChange = event.before != null || event.after != null;
  return (
    <List.Item style={{ display: 'block', padding: '10px 0' }} data-testid="audit-card">
      <div style={{ display: 'flex', justifyContent: 'space-between', gap: 8, flexWrap: 'wrap' }}>
        <Tag color="blue">{action(event.action)}</Tag>
        <Typography.Text type="secondary">{formatTime(event.at)}</Typography.Text>
      </div>
      <div style={{ marginTop: 4 }}>
        <Typography.Text strong>{event.actorName}</Typography.Text>
        {event.unitName && <Typography.Text type="secondary"> · {event.unitName}</Typography.Text>}
        <Typography.Text type="secondary"> · {objectText(objectType(event.objectType), event)}</Typography.Text>
      </div>
      <div style={{ marginTop: 4, overflowWrap: 'anywhere' }}>{event.summary}</div>
      {hasChange && (
        <>
          <Button type="link" size="small" style={{ padding: 0 }} onClick={() => setOpen(!open)}>
            {open ? ta('diff.hide') : ta('diff.show')}
          </Button>
          {open && <AuditDiff event={event} />}
        </>
      )}
    </List.Item>
  );
}

/** The audit history, newest first: filters, a page of events with the count, each change as before → after. */
export function AuditPage() {
  const { ta, action, objectType } = useAuditI18n();
  const { message } = App.useApp();
  const isPhone = Grid.useBreakpoint().md === false;
  const [filter, setFilter] = useState<AuditFilter>({});
  const [page, setPage] = useState(1);
  const [pageSize, setPageSize] = useState(PAGE_SIZES[0]!);
  const [exporting, setExporting] = useState(false);
  const list = useQuery(auditQuery(filter, page, pageSize));
  const events = list.data?.items ?? [];
  const total = list.data?.total ?? 0;
  const error = list.error ? errorMessage(list.error) : null;

  const apply = (next: AuditFilter) => {
    setFilter(next);
    setPage(1);
  };

  const exportExcel = async () => {
    setExporting(true);
    try {
      const params = auditParams(filter);
      await downloadFile(`/audit/export.xlsx${query(params)}`, 'audit.xlsx');
    } catch (e) {
      void message.error(errorMessage(e));
    } finally {
      setExporting(false);
    }
  };

  const columns: TableColumnsType<AuditEvent> = [
    { title: ta('col.at'), dataIndex: 'at', key: 'at', width: 150, render: (at: string) => formatTime(at) },
    { title: ta('col.actor'), dataIndex: 'actorName', key: 'actor', width: 110 },
    {
      title: ta('col.unit'),
      dataIndex: 'unitName',
      key: 'unit',
      width: 130,
      ellipsis: true,
      render: (name: string | null) => name ?? '—',
    },
    {
      title: ta('col.action'),
      dataIndex: 'action',
      key: 'action',
      width: 150,
      render: (a: string) => <Tag color="blue">{action(a)}</Tag>,
    },
    {
      title: ta('col.object'),
      key: 'object',
      width: 130,
      render: (_: unknown, event) => objectText(objectType(event.objectType), event),
    },
    { title: ta('col.summary'), dataIndex: 'summary', key: 'summary' },
  ];

  const pagination = (
    <Pagination
      current={page}
      pageSize={pageSize}
      total={total}
      showTotal={(count) => ta('total', { count })}
      showSizeChanger={!isPhone}
      pageSizeOptions={PAGE_SIZES}
      size={isPhone ? 'small' : undefined}
      onChange={(next, size) => {
        setPage(size !== pageSize ? 1 : next);
        setPageSize(size);
      }}
      style={{ marginTop: 12, textAlign: 'right', flexWrap: 'wrap' }}
      data-testid="audit-pagination"
    />
  );

  return (
    <>
      <PageHeader
        title={ta('title')}
        extra={
          <Button
            icon={<DownloadOutlined />}
            loading={exporting}
            onClick={() => void exportExcel()}
            data-testid="audit-export"
          >
            {exporting ? ta('exporting') : ta('export')}
          </Button>
        }
      />
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} />}
      <Card styles={{ body: { padding: 12 } }}>
        <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }}>
          {ta('intro')}
        </Typography.Paragraph>
        <AuditFilters onApply={apply} />
        {isPhone ? (
          <List<AuditEvent>
            dataSource={events}
            loading={list.isFetching}
            locale={{ emptyText: <Empty description={ta('empty')} /> }}
            renderItem={(event) => <EventCard key={event.id} event={event} />}
            data-testid="audit-cards"
          />
        ) : (
          <Table<AuditEvent>
            rowKey="id"
            size="middle"
            columns={columns}
            dataSource={events}
            loading={list.isFetching}
            pagination={false}
            locale={{ emptyText: <Empty description={ta('empty')} /> }}
            data-testid="audit-table"
            expandable={{
              rowExpandable: (event) => event.before != null || event.after != null,
              expandedRowRender: (event) => <AuditDiff event={event} />,
            }}
          />
        )}
        {pagination}
      </Card>
    </>
  );
}
