import { useEffect, useState, type CSSProperties } from 'react';
import { useQuery } from '@tanstack/react-query';
import { getRouteApi } from '@tanstack/react-router';
import {
  Alert,
  App,
  Button,
  Card,
  Grid,
  Input,
  Pagination,
  Select,
  Table,
  Typography,
  type TableColumnsType,
} from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import type { EnterpriseView } from '../../api-enterprises';
import {
  ENTERPRISE_PAGE_SIZE,
  enterpriseListQuery,
  enterpriseQuery,
  invalidateEnterprises,
} from '../../features/enterprises/queries';
import { queryClient } from '../../queries/client';
import type { EnterpriseListState } from '../../features/enterprises/search';
import { errorMessage } from '../../forms';
import { useEnterprisesI18n, type EnterprisesI18n } from '../../i18n-enterprises';
import { navigate } from '../../router';
import { useSession } from '../../session';
import { Link } from '../../components/Link';
import { lazyDialog } from '../../components/lazyDialog';
import { PageHeader } from '../../components/PageHeader';
import { ENTERPRISE_FLAGS, ENTERPRISE_SCALES } from '../../../../src/domain/enterprises/enterprise-fields';
import { enterpriseListUrl, FlagTags, rememberEnterpriseList, ScaleTag, useTownships } from './shared';

const EnterpriseFormModal = lazyDialog(() => import('./EnterpriseFormModal').then((m) => m.EnterpriseFormModal));

const nowrap: CSSProperties = { whiteSpace: 'nowrap' };

/** The table's columns; a phone keeps the name (with code, township and tags below it) and the project count. */
function columns({ te, field }: EnterprisesI18n, isPhone: boolean): TableColumnsType<EnterpriseView> {
  const name: TableColumnsType<EnterpriseView>[number] = {
    key: 'name',
    title: field('name'),
    render: (_: unknown, e) => (
      <>
        <Link to={`/enterprises/${e.id}`} data-testid={`enterprise-link-${e.id}`}>
          {e.name}
        </Link>
        {isPhone && (
          <div style={{ marginTop: 4, display: 'flex', flexDirection: 'column', gap: 4 }}>
            <Typography.Text type="secondary" style={{ fontSize: 12, overflowWrap: 'anywhere' }}>
              {[e.creditCode, e.townshipName].filter(Boolean).join(' · ')}
            </Typography.Text>
            <span style={{ display: 'flex', gap: 4, flexWrap: 'wrap' }}>
              <ScaleTag scale={e.scale} />
              {e.flags.length > 0 && <FlagTags flags={e.flags} />}
            </span>
          </div>
        )}
      </>
    ),
  };
  const projects: TableColumnsType<EnterpriseView>[number] = {
    key: 'projects',
    title: te('col.projects'),
    dataIndex: 'projectCount',
    align: 'right',
    width: isPhone ? 64 : 90,
    render: (count: number) => <span style={{ fontVariantNumeric: 'tabular-nums' }}>{count}</span>,
  };
  if (isPhone) return [name, projects];
  return [
    { ...name, width: 280 },
    {
      key: 'creditCode',
      title: field('creditCode'),
      dataIndex: 'creditCode',
      width: 190,
      render: (code: string | null) => <span style={{ ...nowrap, fontFamily: 'monospace' }}>{code ?? '—'}</span>,
    },
    { key: 'township', title: field('townshipUnitId'), dataIndex: 'townshipName', width: 120, ellipsis: true },
    {
      key: 'scale',
      title: field('scale'),
      dataIndex: 'scale',
      width: 90,
      render: (_: unknown, e) => <ScaleTag scale={e.scale} />,
    },
    { key: 'flags', title: field('flags'), render: (_: unknown, e) => <FlagTags flags={e.flags} /> },
    projects,
  ];
}

/** 企业库: the enterprises in the user's scope by name, filtered by the URL, twenty a page with the count. */
export function EnterpriseListPage() {
  const i18n = useEnterprisesI18n();
  const { te, field, scale, flag } = i18n;
  const { message } = App.useApp();
  const { can, me } = useSession();
  const state = getRouteApi('/enterprises').useSearch();
  const { townships } = useTownships();
  const isPhone = Grid.useBreakpoint().md === false;
  const [creating, setCreating] = useState(false);
  const pageNo = state.page ?? 1;
  const list = useQuery(enterpriseListQuery({ ...state, page: pageNo }));
  const items = list.data?.items ?? [];
  const total = list.data?.total ?? null;
  const error = list.error ? errorMessage(list.error) : null;
  const filtered = Boolean(state.q || state.townshipUnitId || state.scale || state.flag);

  useEffect(() => rememberEnterpriseList(enterpriseListUrl(state)), [state]);

  // An enterprise account reads only its own enterprise: the menu entry opens that enterprise's page.
  const own = me.role === 'enterprise' && !filtered && list.data?.total === 1 ? list.data.items[0] : undefined;
  useEffect(() => {
    if (own) navigate(`/enterprises/${own.id}`, { replace: true });
  }, [own]);

  // A filter starts again at page 1; only the pager moves between pages.
  const update = (patch: EnterpriseListState) =>
    navigate(enterpriseListUrl({ ...state, page: undefined, ...patch }), { replace: true });
  const control = (width: number): CSSProperties => (isPhone ? { flex: '1 1 40%', minWidth: 0 } : { width });

  return (
    <div data-testid="enterprises-page">
      <PageHeader
        title={te('list.title')}
        extra={
          can('enterprise.manage') && (
            <Button
              type="primary"
              icon={<PlusOutlined />}
              onClick={() => setCreating(true)}
              data-testid="enterprise-create"
            >
              {te('list.create')}
            </Button>
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
            placeholder={te('list.searchPlaceholder')}
            onSearch={(value) => update({ q: value.trim() || undefined })}
            style={isPhone ? { width: '100%' } : { width: 280 }}
            data-testid="enterprises-search"
          />
          <Select
            allowClear
            showSearch={{ optionFilterProp: 'label' }}
            placeholder={field('townshipUnitId')}
            value={state.townshipUnitId}
            onChange={(value?: number) => update({ townshipUnitId: value })}
            options={townships.map((unit) => ({ value: Number(unit.id), label: unit.name }))}
            style={control(160)}
            data-testid="enterprises-township"
          />
          <Select
            allowClear
            placeholder={field('scale')}
            value={state.scale}
            onChange={(value) => update({ scale: value })}
            options={ENTERPRISE_SCALES.map((value) => ({ value, label: scale(value) }))}
            style={control(120)}
            data-testid="enterprises-scale"
          />
          <Select
            allowClear
            placeholder={field('flags')}
            value={state.flag}
            onChange={(value) => update({ flag: value })}
            options={ENTERPRISE_FLAGS.map((value) => ({ value, label: flag(value) }))}
            style={control(170)}
            popupMatchSelectWidth={false}
            data-testid="enterprises-flag"
          />
          {filtered && (
            <Button onClick={() => navigate('/enterprises', { replace: true })} data-testid="enterprises-reset">
              {te('list.reset')}
            </Button>
          )}
        </div>
        <div style={{ marginBottom: 8 }}>
          <Typography.Text type="secondary" data-testid="enterprises-total" data-total={total ?? ''}>
            {total === null ? '\u00a0' : te('list.total', { count: total })}
          </Typography.Text>
        </div>
        <Table<EnterpriseView>
          rowKey="id"
          size="middle"
          columns={columns(i18n, isPhone)}
          dataSource={items}
          loading={list.isFetching}
          pagination={false}
          scroll={isPhone ? undefined : { x: 'max-content' }}
          locale={{ emptyText: filtered ? te('list.noMatch') : te('list.empty') }}
          data-testid="enterprises-table"
        />
        {total !== null && total > ENTERPRISE_PAGE_SIZE && (
          <Pagination
            current={pageNo}
            pageSize={ENTERPRISE_PAGE_SIZE}
            total={total}
            showSizeChanger={false}
            simple={isPhone}
            showTotal={isPhone ? undefined : (count) => te('list.total', { count })}
            onChange={(page) => navigate(enterpriseListUrl({ ...state, page: page > 1 ? page : undefined }))}
            align={isPhone ? 'center' : 'end'}
            style={{ marginTop: 12 }}
            data-testid="enterprises-pager"
          />
        )}
      </Card>
      {creating && (
        <EnterpriseFormModal
          onClose={() => setCreating(false)}
          onSaved={(saved) => {
            queryClient.setQueryData(enterpriseQuery(saved.id).queryKey, saved);
            void invalidateEnterprises();
            message.success(
              saved.linkedNow
                ? te('form.createdLinked', { name: saved.name, count: saved.linkedNow })
                : te('form.created', { name: saved.name }),
            );
            navigate(`/enterprises/${saved.id}`);
          }}
        />
      )}
    </div>
  );
}
