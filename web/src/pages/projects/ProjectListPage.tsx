import { useEffect, useMemo, useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { Alert, Badge, Button, Card, Drawer, Grid, Input, Pagination, Table, Tooltip, Typography } from 'antd';
import { DownloadOutlined, FilterOutlined, PlusOutlined } from '@ant-design/icons';
import type { ProjectSummary } from '../../api-projects';
import { LIST_PAGE_SIZES, projectListQuery } from '../../features/projects/queries';
import { errorMessage } from '../../forms';
import { useProjectsI18n } from '../../i18n-projects';
import { navigate } from '../../router';
import { getRouteApi } from '@tanstack/react-router';
import { useSession } from '../../session';
import { useUnits } from '../../useUnits';
import { PageHeader } from '../../components/PageHeader';
import {
  activeFilterCount,
  apiParams,
  chosenColumns,
  DEFAULT_COLUMNS,
  listUrl,
  rememberListUrl,
  showsLightReasons,
  type ColumnKey,
  type ListState,
} from './listQuery';
import { ColumnChooser, projectColumns } from './projectColumns';
import { ProjectFilters } from './ProjectFilters';
import { useIndustries } from './shared';

/**
 * GET /projects/export.xlsx for the list as shown: its filters and sort, and the visible columns in
 * order. The light and 亿元以上, drawn inside 阶段 and 级别 here, are columns of their own in Excel.
 */
function exportHref(state: ListState, columns: ColumnKey[]): string {
  const params = new URLSearchParams(apiParams(state) as Record<string, string>);
  const cols = columns.flatMap((key) =>
    key === 'stage'
      ? ['stage', 'light', ...(showsLightReasons(state) ? ['lightReasons'] : [])]
      : key === 'level'
        ? ['level', 'aboveYi']
        : [key],
  );
  params.set('columns', cols.join(','));
  return `/api/v1/projects/export.xlsx?${params.toString().replace(/%2C/gi, ',')}`;
}

/** 项目库: the projects in the user's scope, filtered and sorted by the URL, in numbered pages with the count. */
export function ProjectListPage() {
  const i18n = useProjectsI18n();
  const { tp } = i18n;
  const { can } = useSession();
  const state = getRouteApi('/projects').useSearch();
  const { roots } = useUnits();
  const industries = useIndustries();
  const screens = Grid.useBreakpoint();
  const isPhone = screens.md === false;
  const [drawerOpen, setDrawerOpen] = useState(false);
  const params = useMemo(() => apiParams(state), [state]);

  useEffect(() => {
    rememberListUrl(listUrl(state));
  }, [state]);

  // One query per filter, sort and page; the shown page stays until the next one's answer.
  const size = (LIST_PAGE_SIZES as readonly number[]).includes(Number(state.size))
    ? Number(state.size)
    : LIST_PAGE_SIZES[0];
  const pageNo = Number(state.page ?? 1);
  const list = useQuery(projectListQuery(params, pageNo, size));
  const items = useMemo<ProjectSummary[]>(() => list.data?.items ?? [], [list.data]);
  const total = list.data?.total ?? null;
  const loading = list.isFetching;
  const error = list.error ? errorMessage(list.error) : null;

  // A filter or sort starts again at page 1; only the pager moves between pages.
  const update = (patch: ListState) => navigate(listUrl({ ...state, page: undefined, ...patch }), { replace: true });
  const reset = () =>
    navigate(listUrl({ cols: state.cols, sort: state.sort, order: state.order, size: state.size }), {
      replace: true,
    });
  const turn = (page: number, pageSize: number) =>
    navigate(
      listUrl({
        ...state,
        page: pageSize !== size || page <= 1 ? undefined : String(page),
        size: pageSize === LIST_PAGE_SIZES[0] ? undefined : String(pageSize),
      }),
    );

  const chosen = chosenColumns(state);
  const columns = projectColumns(i18n, chosen, { key: state.sort, order: state.order }, isPhone, {
    reasons: showsLightReasons(state),
  });
  const filterCount = activeFilterCount(state);

  const filters = (stacked: boolean) => (
    <ProjectFilters
      state={state}
      onChange={update}
      onReset={reset}
      roots={roots}
      industries={industries}
      stacked={stacked}
    />
  );

  return (
    <>
      <PageHeader
        title={tp('projects.title')}
        extra={
          can('project.manage') && (
            <>
              {/* A plain link: the session cookie goes along and the browser saves the file itself. */}
              <a
                href="/api/v1/templates/projects.xlsx"
                download
                style={{ alignSelf: 'center' }}
                data-testid="projects-template"
              >
                {tp('projects.template')}
              </a>
              <Button
                type="primary"
                icon={<PlusOutlined />}
                onClick={() => navigate('/projects/new')}
                data-testid="project-create"
              >
                {tp('projects.create')}
              </Button>
            </>
          )
        }
      />
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} />}
      <Card styles={{ body: { padding: 12 } }}>
        <div style={{ display: 'flex', flexWrap: 'wrap', gap: 8, marginBottom: 12 }}>
          <Input.Search
            key={`q-${state.q ?? ''}`}
            allowClear
            defaultValue={state.q}
            placeholder={tp('projects.searchPlaceholder')}
            onSearch={(value) => update({ q: value.trim() || undefined })}
            style={isPhone ? { width: '100%' } : { width: 280 }}
            data-testid="projects-search"
          />
          {isPhone && (
            <Badge count={filterCount} size="small">
              <Button
                icon={<FilterOutlined />}
                onClick={() => setDrawerOpen(true)}
                data-testid="projects-filters-toggle"
              >
                {tp('projects.filters')}
              </Button>
            </Badge>
          )}
          {!isPhone && <div style={{ flex: 1 }} />}
          <Tooltip title={total === null ? undefined : tp('projects.exportHint', { count: total })}>
            <Button
              icon={<DownloadOutlined />}
              href={exportHref(state, chosen)}
              download
              disabled={total === 0}
              data-testid="projects-export"
            >
              {tp('projects.export')}
            </Button>
          </Tooltip>
          <ColumnChooser
            chosen={chosen}
            onChange={(next) => {
              const same = next.length === DEFAULT_COLUMNS.length && next.every((key) => DEFAULT_COLUMNS.includes(key));
              update({ cols: same ? undefined : next.join(',') });
            }}
          />
        </div>
        {!isPhone && <div style={{ marginBottom: 12 }}>{filters(false)}</div>}
        <div style={{ marginBottom: 8 }}>
          <Typography.Text type="secondary" data-testid="projects-total" data-total={total ?? ''}>
            {total === null ? '\u00a0' : tp('projects.total', { count: total })}
          </Typography.Text>
        </div>
        <Table<ProjectSummary>
          rowKey="id"
          size="middle"
          columns={columns}
          dataSource={items}
          loading={loading}
          pagination={false}
          scroll={{ x: 'max-content' }}
          locale={{ emptyText: tp('projects.empty') }}
          onChange={(_pagination, _filters, sorter, extra) => {
            if (extra.action !== 'sort' || Array.isArray(sorter)) return;
            const key = sorter.order ? String(sorter.columnKey) : undefined;
            update({ sort: key, order: key ? (sorter.order === 'ascend' ? 'asc' : 'desc') : undefined });
          }}
          data-testid="projects-table"
        />
        {total !== null && total > 0 && (
          <Pagination
            current={pageNo}
            pageSize={size}
            total={total}
            pageSizeOptions={LIST_PAGE_SIZES.map(String)}
            showSizeChanger={!isPhone}
            simple={isPhone}
            showTotal={isPhone ? undefined : (count) => tp('projects.total', { count })}
            onChange={turn}
            align={isPhone ? 'center' : 'end'}
            style={{ marginTop: 12 }}
            data-testid="projects-pager"
          />
        )}
      </Card>
      {isPhone && (
        <Drawer
          title={filterCount ? tp('projects.filtersActive', { count: filterCount }) : tp('projects.filters')}
          placement="bottom"
          size="80%"
          open={drawerOpen}
          onClose={() => setDrawerOpen(false)}
          data-testid="projects-filters-drawer"
        >
          {filters(true)}
        </Drawer>
      )}
    </>
  );
}
