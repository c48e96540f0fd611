// 招商项目: the deals in the user's reach as a kanban (drag a card to move it) or a list, filtered by the address;
// 登记线索 enters a lead.
import type { CSSProperties } from 'react';
import { useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { getRouteApi } from '@tanstack/react-router';
import {
  Alert,
  App,
  Button,
  Card,
  Grid,
  Pagination,
  Segmented,
  Select,
  Skeleton,
  Table,
  Typography,
  type TableColumnsType,
} from 'antd';
import { AppstoreOutlined, BarsOutlined, FunnelPlotOutlined, PlusOutlined } from '@ant-design/icons';
import type { DealView } from '../../api-deals';
import { DEAL_PAGE_SIZE, dealBoardQuery, dealListQuery, invalidateDeals } from '../../features/deals/queries';
import { DEAL_STAGE_FILTERS, dealBoardUrl, type DealBoardState } from '../../features/deals/search';
import { errorMessage } from '../../forms';
import { useDealsI18n, type DealsI18n } from '../../i18n-deals';
import { navigate } from '../../router';
import { useSession } from '../../session';
import { Link } from '../../components/Link';
import { PageHeader } from '../../components/PageHeader';
import type { DealStage } from '../../../../src/domain/deals/deal-stages';
import { DealFilters } from './DealFilters';
import { DealFormModal } from './DealFormModal';
import { DealKanban } from './DealKanban';
import { useDealMoves } from './MoveModal';
import {
  DealClockText,
  DealDot,
  DealStageTag,
  dealAmountYuan,
  dealUrl,
  mayEnterDeals,
  useDealTextsFollowLanguage,
  useWan,
} from './shared';

const route = getRouteApi('/deals');
const nowrap: CSSProperties = { whiteSpace: 'nowrap' };

export function DealBoardPage() {
  const i18n = useDealsI18n();
  const { td } = i18n;
  const { message } = App.useApp();
  const { me } = useSession();
  const search = route.useSearch();
  const isPhone = Grid.useBreakpoint().md === false;
  const [creating, setCreating] = useState(false);
  const moves = useDealMoves();
  useDealTextsFollowLanguage();
  const isList = search.view === 'list';
  const filters = {
    unitId: search.unitId,
    teamId: search.teamId,
    sourceRegion: search.sourceRegion,
    chainKey: search.chainKey,
    q: search.q,
  };
  const board = useQuery({ ...dealBoardQuery(filters), enabled: !isList });

  // A filter starts the list again at page 1; the view and the list's stage stay.
  const update = (patch: DealBoardState) =>
    navigate(dealBoardUrl({ ...search, page: undefined, ...patch }), { replace: true });
  const reset = () => navigate(dealBoardUrl({ view: search.view }), { replace: true });

  return (
    <div data-testid="deals-page" data-view={isList ? 'list' : 'board'}>
      <PageHeader
        title={td('board.title')}
        extra={
          <>
            <Segmented
              value={isList ? 'list' : 'board'}
              onChange={(v) => update({ view: v === 'list' ? 'list' : undefined, stage: undefined })}
              options={[
                { value: 'board', icon: <AppstoreOutlined />, label: td('board.viewBoard') },
                { value: 'list', icon: <BarsOutlined />, label: td('board.viewList') },
              ]}
              data-testid="deals-view"
            />
            {!isPhone && (
              <Button
                icon={<FunnelPlotOutlined />}
                onClick={() => navigate('/deals/figures')}
                data-testid="deals-figures-link"
              >
                {td('figures.title')}
              </Button>
            )}
            {mayEnterDeals(me.role) && (
              <Button
                type="primary"
                icon={<PlusOutlined />}
                onClick={() => setCreating(true)}
                data-testid="deal-create"
              >
                {td('board.create')}
              </Button>
            )}
          </>
        }
      />
      <DealFilters state={search} isPhone={isPhone} onChange={update} onReset={reset} />
      {isList ? (
        <DealList search={search} isPhone={isPhone} i18n={i18n} onStage={(stage) => update({ stage })} />
      ) : board.error ? (
        <Alert type="error" showIcon title={errorMessage(board.error)} />
      ) : !board.data ? (
        <Skeleton active paragraph={{ rows: 8 }} />
      ) : (
        <>
          {!isPhone && (
            <Typography.Paragraph type="secondary" style={{ marginBottom: 8, fontSize: 12 }}>
              {td('board.hint')}
            </Typography.Paragraph>
          )}
          <DealKanban
            columns={board.data.columns}
            isPhone={isPhone}
            onMove={moves.request}
            busy={moves.busy}
            moreHref={(stage) => dealBoardUrl({ ...filters, view: 'list', stage })}
          />
        </>
      )}
      {moves.modal}
      {creating && (
        <DealFormModal
          onClose={() => setCreating(false)}
          onSaved={(saved) => {
            setCreating(false);
            void message.success(td('form.created', { name: saved.name }));
            void invalidateDeals();
          }}
        />
      )}
    </div>
  );
}

/** The list: a page of deals under the filters, newest first; a phone keeps one column. */
function DealList({
  search,
  isPhone,
  i18n,
  onStage,
}: {
  search: DealBoardState;
  isPhone: boolean;
  i18n: DealsI18n;
  onStage: (stage: DealStage | undefined) => void;
}) {
  const { td, stage: stageLabel } = i18n;
  const wan = useWan();
  const pageNo = search.page ?? 1;
  const { view: _view, ...params } = search;
  const list = useQuery(dealListQuery({ ...params, page: pageNo }));
  const total = list.data?.total ?? null;
  const name = (d: DealView) => (
    <div style={{ display: 'flex', gap: 8, alignItems: 'baseline', minWidth: 0 }}>
      <DealDot colour={d.colour} />
      <div style={{ minWidth: 0, flex: 1 }}>
        <Link to={dealUrl(d)} data-testid={`deal-row-${d.id}`}>
          {d.name}
        </Link>
        {isPhone && (
          <div style={{ marginTop: 4, display: 'flex', flexDirection: 'column', gap: 4, fontSize: 12 }}>
            <Typography.Text type="secondary" style={{ fontSize: 12, overflowWrap: 'anywhere' }}>
              {[d.investorName, d.sourceRegionLabel, d.unit.name].filter(Boolean).join(' · ')}
            </Typography.Text>
            <span style={{ display: 'flex', gap: 8, flexWrap: 'wrap', alignItems: 'center' }}>
              <DealStageTag stage={d.stage} />
              <span style={nowrap}>{wan(dealAmountYuan(d))}</span>
              <DealClockText deal={d} />
            </span>
          </div>
        )}
      </div>
    </div>
  );
  const columns: TableColumnsType<DealView> = isPhone
    ? [{ key: 'name', title: td('f.name'), render: (_: unknown, d) => name(d) }]
    : [
        { key: 'name', title: td('f.name'), render: (_: unknown, d) => name(d) },
        { key: 'stage', title: td('f.stage'), width: 76, render: (_: unknown, d) => <DealStageTag stage={d.stage} /> },
        {
          key: 'investor',
          title: td('f.investor'),
          width: 180,
          ellipsis: { showTitle: true },
          render: (_: unknown, d) => d.investorName ?? '—',
        },
        {
          key: 'amount',
          title: td('f.amount'),
          width: 136,
          align: 'right',
          render: (_: unknown, d) => (
            <span style={{ ...nowrap, fontVariantNumeric: 'tabular-nums' }}>{wan(dealAmountYuan(d))}</span>
          ),
        },
        { key: 'region', title: td('f.sourceRegion'), width: 76, render: (_: unknown, d) => d.sourceRegionLabel },
        {
          key: 'unit',
          title: td('f.unit'),
          width: 140,
          render: (_: unknown, d) => (
            <div style={{ minWidth: 0 }}>
              <div>{d.unit.name}</div>
              {d.team && (
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {d.team.name}
                </Typography.Text>
              )}
            </div>
          ),
        },
        { key: 'clock', title: td('f.clock'), width: 176, render: (_: unknown, d) => <DealClockText deal={d} /> },
      ];
  return (
    <Card styles={{ body: { padding: 12 } }}>
      <div style={{ display: 'flex', gap: 8, alignItems: 'center', flexWrap: 'wrap', marginBottom: 8 }}>
        <Select
          allowClear
          placeholder={td('f.stage')}
          value={search.stage}
          onChange={(value?: DealStage) => onStage(value)}
          options={DEAL_STAGE_FILTERS.map((value) => ({ value, label: stageLabel(value) }))}
          style={{ width: 120 }}
          data-testid="deals-filter-stage"
        />
        <Typography.Text type="secondary" data-testid="deals-total" data-total={total ?? ''}>
          {total === null ? '\u00a0' : td('list.total', { count: total })}
        </Typography.Text>
      </div>
      {list.error && <Alert type="error" showIcon title={errorMessage(list.error)} style={{ marginBottom: 8 }} />}
      <Table<DealView>
        rowKey="id"
        size="middle"
        columns={columns}
        dataSource={list.data?.items ?? []}
        loading={list.isFetching}
        pagination={false}
        locale={{ emptyText: td('list.empty') }}
        data-testid="deals-table"
      />
      {total !== null && total > DEAL_PAGE_SIZE && (
        <Pagination
          current={pageNo}
          pageSize={DEAL_PAGE_SIZE}
          total={total}
          showSizeChanger={false}
          simple={isPhone}
          onChange={(page) => navigate(dealBoardUrl({ ...search, page: page > 1 ? page : undefined }))}
          align={isPhone ? 'center' : 'end'}
          style={{ marginTop: 12 }}
        />
      )}
    </Card>
  );
}
