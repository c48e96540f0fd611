import { useMemo, useState } from 'react';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Alert, Button, Card, Col, DatePicker, Row, Table, Tabs, Tooltip, type TableColumnsType } from 'antd';
import { DownloadOutlined } from '@ant-design/icons';
import dayjs from 'dayjs';
import { projectsApi, type FourLists, type ListUnitTotals } from '../../api-projects';
import { errorMessage } from '../../forms';
import { useProjectsI18n } from '../../i18n-projects';
import { navigate } from '../../router';
import { getRouteApi } from '@tanstack/react-router';
import { useUnits } from '../../useUnits';
import { Link } from '../../components/Link';
import { PageHeader } from '../../components/PageHeader';
import { UnitTreeSelect } from '../../components/UnitTreeSelect';
import { formatYi } from '../../../../src/domain/money/money';
import { LISTS, LIST_LABELS, type ListName } from '../../../../src/domain/projects/four-lists';
import { ListCard, listLink } from './ListCard';

/** 四张清单: the year's planning, reserve, start and production lists; every number opens the matching projects. */
export function ProjectListsPage() {
  const { tp, label } = useProjectsI18n();
  const search = getRouteApi('/project-lists').useSearch();
  const thisYear = new Date().getFullYear();
  const year = search.year ?? thisYear;
  const unitId = search.unitId;
  const { roots } = useUnits();
  // Keyed by year and unit; the shown lists stay until the next choice's answer.
  const query = useQuery({
    queryKey: ['project-lists', { year, unitId }],
    queryFn: () => projectsApi.fourLists({ year, unitId }),
    placeholderData: keepPreviousData,
  });
  const data: FourLists | null = query.data ?? null;
  const loading = query.isFetching;
  const error = query.error ? errorMessage(query.error) : null;
  const [tab, setTab] = useState<ListName>('start');

  const go = (next: { year?: number; unitId?: number }) => {
    const query = new URLSearchParams();
    if (next.year && next.year !== thisYear) query.set('year', String(next.year));
    if (next.unitId) query.set('unitId', String(next.unitId));
    const text = query.toString();
    navigate(`/project-lists${text ? `?${text}` : ''}`, { replace: true });
  };

  const columns = useMemo((): TableColumnsType<ListUnitTotals> => {
    const split = tab === 'start' || tab === 'production';
    const cell = (value: number, row: ListUnitTotals, status?: 'done' | 'pending') => (
      <Link to={listLink(tab, year, row.unitId, status)}>{value}</Link>
    );
    return [
      { title: tp('lists.unitName'), dataIndex: 'unitName', key: 'unit', width: 150 },
      {
        title: tp('lists.count'),
        dataIndex: 'count',
        key: 'count',
        width: 80,
        align: 'right',
        sorter: (a, b) => a.count - b.count,
        render: (v: number, row) => cell(v, row),
      },
      {
        title: tp('lists.investment'),
        dataIndex: 'totalInvestmentYuan',
        key: 'investment',
        width: 120,
        align: 'right',
        sorter: (a, b) => a.totalInvestmentYuan - b.totalInvestmentYuan,
        render: (yuan: number, row) => <Link to={listLink(tab, year, row.unitId)}>{formatYi(yuan)}</Link>,
      },
      ...(split
        ? ([
            {
              title: tp(tab === 'start' ? 'list.started' : 'list.produced'),
              dataIndex: 'done',
              key: 'done',
              width: 90,
              align: 'right',
              sorter: (a: ListUnitTotals, b: ListUnitTotals) => a.done - b.done,
              render: (v: number, row: ListUnitTotals) => cell(v, row, 'done'),
            },
            {
              title: tp(tab === 'start' ? 'list.notStarted' : 'list.notProduced'),
              dataIndex: 'pending',
              key: 'pending',
              width: 90,
              align: 'right',
              sorter: (a: ListUnitTotals, b: ListUnitTotals) => a.pending - b.pending,
              render: (v: number, row: ListUnitTotals) => cell(v, row, 'pending'),
            },
          ] as TableColumnsType<ListUnitTotals>)
        : []),
    ];
  }, [tab, year, tp]);

  return (
    <>
      <PageHeader
        title={tp('lists.title')}
        extra={
          <>
            <DatePicker
              picker="year"
              allowClear={false}
              value={dayjs(`${year}-01-01`)}
              onChange={(date) => date && go({ year: date.year(), unitId })}
              style={{ width: 110 }}
              data-testid="lists-year"
            />
            <UnitTreeSelect
              roots={roots}
              value={unitId}
              onChange={(id) => go({ year, unitId: id === undefined ? undefined : Number(id) })}
              allowClear
              placeholder={tp('lists.allUnits')}
              style={{ width: 200, maxWidth: '100%' }}
              data-testid="lists-unit"
            />
            <Tooltip title={tp('lists.exportHint')}>
              <Button
                icon={<DownloadOutlined />}
                href={`/api/v1/project-lists/export.xlsx?year=${year}${unitId ? `&unitId=${unitId}` : ''}`}
                download
                data-testid="lists-export"
              >
                {tp('lists.export')}
              </Button>
            </Tooltip>
          </>
        }
      />
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} />}
      <Row gutter={[16, 16]} align="stretch" style={{ marginBottom: 16 }}>
        {LISTS.map((list) => (
          <Col key={list} xs={24} sm={12} xl={6}>
            {data ? (
              <ListCard
                list={list}
                totals={data.lists[list]}
                year={year}
                unitId={unitId}
                selected={tab === list}
                onSelect={() => setTab(list)}
              />
            ) : (
              <Card loading size="small" data-testid={`list-card-${list}`} />
            )}
          </Col>
        ))}
      </Row>
      <Card size="small" title={tp('lists.byUnit')} styles={{ body: { paddingTop: 0 } }}>
        <Tabs
          activeKey={tab}
          onChange={(key) => setTab(key as ListName)}
          items={LISTS.map((list) => ({ key: list, label: label(LIST_LABELS, list) }))}
        />
        <Table<ListUnitTotals>
          rowKey="unitId"
          size="small"
          loading={loading}
          columns={columns}
          dataSource={data?.lists[tab].byUnit ?? []}
          pagination={false}
          scroll={{ x: 480 }}
          locale={{ emptyText: tp('lists.empty') }}
          data-testid={`lists-units-${tab}`}
        />
      </Card>
    </>
  );
}
