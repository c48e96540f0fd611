import { useMemo, useState } from 'react';
import { useInfiniteQuery } from '@tanstack/react-query';
import { Alert, Button, Card, Col, Row, Table, Tag, Typography, type TableColumnsType } from 'antd';
import type { AuditEvent } from '../api';
import { auditQuery } from '../features/admin/queries';
import { errorMessage } from '../forms';
import { formatTime } from '../format';
import { useI18n } from '../i18n';
import { AuditFilters, objectTypeLabel, type AuditFilter } from '../components/AuditFilters';
import { PageHeader } from '../components/PageHeader';

function JsonBlock({ title, value }: { title: string; value: unknown }) {
  return (
    <div>
      <Typography.Text strong>{title}</Typography.Text>
      <pre
        style={{
          margin: '6px 0 0',
          padding: 10,
          background: '#f6f8fa',
          border: '1px solid #e5e8ef',
          borderRadius: 6,
          fontSize: 12,
          maxHeight: 320,
          overflow: 'auto',
          whiteSpace: 'pre-wrap',
          wordBreak: 'break-all',
        }}
      >
        {value === null || value === undefined ? '—' : JSON.stringify(value, null, 2)}
      </pre>
    </div>
  );
}

/** The audit history, newest first, filtered, paged by cursor with 加载更多. */
export function AuditPage() {
  const { t } = useI18n();
  const [filter, setFilter] = useState<AuditFilter>({});
  // One query per applied filter, paged by cursor; the shown history stays until the next filter's answer.
  const list = useInfiniteQuery(auditQuery(filter));
  const events = useMemo<AuditEvent[]>(() => list.data?.pages.flatMap((page) => page.items) ?? [], [list.data]);
  const nextCursor = list.hasNextPage ? 'more' : null;
  const loading = list.isFetching;
  const error = list.error ? errorMessage(list.error) : null;

  const seenTypes = [...new Set(events.map((event) => event.objectType))];

  const columns: TableColumnsType<AuditEvent> = [
    { title: t('audit.at'), dataIndex: 'at', key: 'at', width: 150, render: (at: string) => formatTime(at) },
    {
      title: t('audit.actor'),
      dataIndex: 'actorName',
      key: 'actor',
      width: 120,
      render: (name: string | null, event) => name ?? (event.actorId === null ? '—' : String(event.actorId)),
    },
    {
      title: t('audit.action'),
      dataIndex: 'action',
      key: 'action',
      width: 150,
      render: (action: string) => <Tag>{action}</Tag>,
    },
    {
      title: t('audit.objectType'),
      dataIndex: 'objectType',
      key: 'objectType',
      width: 110,
      render: (type: string) => objectTypeLabel(t, type),
    },
    {
      title: t('audit.objectId'),
      dataIndex: 'objectId',
      key: 'objectId',
      width: 120,
      ellipsis: true,
      render: (id: string | number | null) => (id === null ? '—' : String(id)),
    },
    { title: t('audit.summary'), dataIndex: 'summary', key: 'summary', render: (s: string | null) => s ?? '' },
  ];

  return (
    <>
      <PageHeader title={t('audit.title')} />
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} />}
      <Card styles={{ body: { padding: 12 } }}>
        <AuditFilters seenTypes={seenTypes} onApply={setFilter} />
        <Table<AuditEvent>
          rowKey="id"
          size="middle"
          columns={columns}
          dataSource={events}
          loading={loading}
          pagination={false}
          scroll={{ x: 900 }}
          data-testid="audit-table"
          expandable={{
            rowExpandable: (event) => event.before != null || event.after != null,
            expandedRowRender: (event) => (
              <Row gutter={[12, 12]}>
                <Col xs={24} md={12}>
                  <JsonBlock title={t('audit.before')} value={event.before} />
                </Col>
                <Col xs={24} md={12}>
                  <JsonBlock title={t('audit.after')} value={event.after} />
                </Col>
              </Row>
            ),
          }}
        />
        <div style={{ textAlign: 'center', marginTop: 12 }}>
          {nextCursor ? (
            <Button onClick={() => void list.fetchNextPage()} loading={loading} data-testid="audit-load-more">
              {t('audit.loadMore')}
            </Button>
          ) : (
            events.length > 0 && <Typography.Text type="secondary">{t('audit.noMore')}</Typography.Text>
          )}
        </div>
      </Card>
    </>
  );
}
