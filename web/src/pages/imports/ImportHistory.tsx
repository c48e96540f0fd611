// 导入记录: past imports the person may see, newest first: who, when, which kind of ledger (项目台账 or
// 月报) from which file, what came of it.
import { useEffect, useMemo, useRef } from 'react';
import { useInfiniteQuery } from '@tanstack/react-query';
import { Alert, Button, Card, Table, Typography } from 'antd';
import { DownloadOutlined } from '@ant-design/icons';
import type { ImportView } from '../../api-imports';
import { Link } from '../../components/Link';
import { importHistoryQuery, invalidateImports } from '../../features/imports/queries';
import { errorMessage } from '../../forms';
import { formatTime } from '../../format';
import { useImportsI18n } from '../../i18n-imports';
import { projectsOfUnit, reportPeriodOf, reportsOfPeriod } from './ImportResult';
import { ImportStatusTag, LedgerTag } from './shared';

/** `reloadKey` changes when the page started, checked or committed an import: the list reads again. */
export function ImportHistory({ reloadKey, isPhone }: { reloadKey: number; isPhone: boolean }) {
  const { ti } = useImportsI18n();
  const history = useInfiniteQuery(importHistoryQuery);
  const items = useMemo(() => history.data?.pages.flatMap((page) => page.items) ?? null, [history.data]);
  const nextCursor = history.hasNextPage ? 'more' : null;
  const loading = history.isFetching;
  const error = history.error ? errorMessage(history.error) : null;

  // The first key is the mount, which reads already; every later one reads the history again.
  const firstKey = useRef(reloadKey);
  useEffect(() => {
    if (reloadKey !== firstKey.current) void invalidateImports();
  }, [reloadKey]);

  const count = (v: ImportView) => {
    const c = v.counts;
    if (!c) return <Typography.Text type="secondary">—</Typography.Text>;
    return (
      <span style={{ whiteSpace: 'nowrap' }}>
        <span style={{ color: '#389e0d' }}>{c.create}</span> / <span style={{ color: '#0958d9' }}>{c.update}</span> /{' '}
        {c.unchanged} / <span style={{ color: c.errors ? '#cf1322' : undefined }}>{c.errors}</span>
      </span>
    );
  };

  const columns = [
    {
      key: 'time',
      title: ti('imports.history.time'),
      width: 140,
      render: (_: unknown, v: ImportView) => (
        <span style={{ whiteSpace: 'nowrap' }}>{formatTime(v.committedAt ?? v.createdAt)}</span>
      ),
    },
    ...(isPhone
      ? []
      : [
          {
            key: 'kind',
            title: ti('imports.history.kind'),
            render: (_: unknown, v: ImportView) => (
              <LedgerTag ledger={v.ledger} testId={`import-history-kind-${v.id}`} />
            ),
          },
        ]),
    {
      key: 'file',
      title: ti('imports.history.file'),
      render: (_: unknown, v: ImportView) => (
        <div style={{ minWidth: isPhone ? 140 : 200, maxWidth: 320, wordBreak: 'break-all' }}>
          {isPhone && (
            <span style={{ marginInlineEnd: 6 }}>
              <LedgerTag ledger={v.ledger} testId={`import-history-kind-${v.id}`} />
            </span>
          )}
          {v.status === 'committed' ? (
            <Link
              to={
                v.ledger === 'reports'
                  ? reportsOfPeriod(reportPeriodOf(v))
                  : v.ledger === 'enterprises'
                    ? '/enterprises'
                    : v.ledger === 'deals'
                      ? '/deals'
                      : projectsOfUnit(v.unitId)
              }
            >
              {v.fileName}
            </Link>
          ) : (
            v.fileName
          )}
          {isPhone && (
            <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>
              {v.unitName} · {v.createdBy}
            </Typography.Text>
          )}
        </div>
      ),
    },
    ...(isPhone
      ? []
      : [
          {
            key: 'unit',
            title: ti('imports.history.unit'),
            dataIndex: 'unitName',
            render: (u: string | null) => <span style={{ whiteSpace: 'nowrap' }}>{u}</span>,
          },
          {
            key: 'by',
            title: ti('imports.history.by'),
            dataIndex: 'createdBy',
            render: (u: string) => <span style={{ whiteSpace: 'nowrap' }}>{u}</span>,
          },
        ]),
    {
      key: 'status',
      title: ti('imports.history.status'),
      render: (_: unknown, v: ImportView) => <ImportStatusTag status={v.status} />,
    },
    { key: 'counts', title: ti('imports.history.counts'), render: (_: unknown, v: ImportView) => count(v) },
    {
      key: 'errors',
      title: '',
      render: (_: unknown, v: ImportView) =>
        v.links.errorsXlsx && (
          <a
            href={v.links.errorsXlsx}
            download
            style={{ whiteSpace: 'nowrap' }}
            data-testid={`import-history-errors-${v.id}`}
          >
            <DownloadOutlined /> {ti('imports.history.errorsXlsx')}
          </a>
        ),
    },
  ];

  return (
    <Card size="small" title={ti('imports.history.title')} data-testid="import-history">
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} />}
      <Table<ImportView>
        rowKey="id"
        size="small"
        columns={columns}
        dataSource={items ?? []}
        loading={loading && !items}
        pagination={false}
        scroll={{ x: 'max-content' }}
        locale={{ emptyText: ti('imports.history.empty') }}
        onRow={(v) =>
          ({ 'data-testid': `import-history-${v.id}`, 'data-status': v.status }) as React.HTMLAttributes<HTMLElement>
        }
      />
      {nextCursor && (
        <div style={{ textAlign: 'center', marginTop: 12 }}>
          <Button onClick={() => void history.fetchNextPage()} loading={loading} data-testid="import-history-more">
            {ti('imports.history.more')}
          </Button>
        </div>
      )}
    </Card>
  );
}
