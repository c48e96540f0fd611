import { useQuery } from '@tanstack/react-query';
import { Alert, App, Button, Card, Popconfirm, Table, Tag, Tooltip, type TableColumnsType } from 'antd';
import { BarChartOutlined, DeleteOutlined, EditOutlined, PlusOutlined } from '@ant-design/icons';
import { raceApi, type RacePeriodKind, type RaceSummary } from '../../api-race';
import { errorMessage } from '../../forms';
import { formatTime } from '../../format';
import { useRaceI18n } from '../../i18n-race';
import { navigate } from '../../router';
import { useSession } from '../../session';
import { Link } from '../../components/Link';
import { invalidateRaces, racesQuery } from '../../features/race/queries';
import { PageHeader } from '../../components/PageHeader';

/** 赛马: the races, each opening on its ranking; coordinators create, edit and delete them. */
export function RacesPage() {
  const { tk, periodKind } = useRaceI18n();
  const { can } = useSession();
  const { message } = App.useApp();
  const canManage = can('race.manage');
  const query = useQuery(racesQuery);
  const races: RaceSummary[] | null = query.data?.items ?? null;
  const error = query.error ? errorMessage(query.error) : null;

  const remove = async (race: RaceSummary) => {
    try {
      await raceApi.deleteRace(race.id);
      message.success(tk('races.deleted'));
      await invalidateRaces();
    } catch (e) {
      message.error(errorMessage(e));
    }
  };

  const columns: TableColumnsType<RaceSummary> = [
    {
      title: tk('races.name'),
      key: 'name',
      render: (_, race) => (
        <div style={{ display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: 6 }}>
          <Link to={`/races/${race.id}`} style={{ fontWeight: 500 }} data-testid={`race-link-${race.id}`}>
            {race.name}
          </Link>
          {race.warnings.map((w) => (
            <Tooltip key={w.code} title={w.message}>
              <Tag color="warning" style={{ marginInlineEnd: 0 }}>
                {tk('races.weightTag', { sum: w.sum })}
              </Tag>
            </Tooltip>
          ))}
        </div>
      ),
    },
    {
      title: tk('races.periodKind'),
      key: 'periodKind',
      width: 90,
      render: (_, race) => periodKind(race.periodKind as RacePeriodKind),
    },
    {
      title: tk('races.indicatorCount'),
      dataIndex: 'indicatorCount',
      key: 'indicatorCount',
      width: 90,
      align: 'right',
    },
    { title: tk('races.updatedAt'), key: 'updatedAt', width: 160, render: (_, race) => formatTime(race.updatedAt) },
    {
      title: '',
      key: 'actions',
      width: canManage ? 250 : 110,
      render: (_, race) => (
        <div style={{ display: 'flex', gap: 4, flexWrap: 'wrap' }}>
          <Button size="small" type="link" icon={<BarChartOutlined />} onClick={() => navigate(`/races/${race.id}`)}>
            {tk('races.ranking')}
          </Button>
          {canManage && (
            <>
              <Button
                size="small"
                type="link"
                icon={<EditOutlined />}
                onClick={() => navigate(`/races/${race.id}/edit`)}
                data-testid={`race-edit-${race.id}`}
              >
                {tk('races.edit')}
              </Button>
              <Popconfirm title={tk('races.deleteConfirm', { name: race.name })} onConfirm={() => remove(race)}>
                <Button
                  size="small"
                  type="link"
                  danger
                  icon={<DeleteOutlined />}
                  data-testid={`race-delete-${race.id}`}
                >
                  {tk('races.delete')}
                </Button>
              </Popconfirm>
            </>
          )}
        </div>
      ),
    },
  ];

  return (
    <div data-testid="races-page">
      <PageHeader
        title={tk('races.title')}
        extra={
          canManage && (
            <Button
              type="primary"
              icon={<PlusOutlined />}
              onClick={() => navigate('/races/new')}
              data-testid="race-new"
            >
              {tk('races.new')}
            </Button>
          )
        }
      />
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} />}
      <Card size="small">
        <Table<RaceSummary>
          rowKey="id"
          size="middle"
          loading={races === null && !error}
          columns={columns}
          dataSource={races ?? []}
          pagination={false}
          scroll={{ x: 720 }}
          locale={{ emptyText: tk('races.empty') }}
          data-testid="races-table"
        />
      </Card>
    </div>
  );
}
