// 招商小分队: the teams, their unit, leader and members, each with its weekly log a tap away.
import { useQuery } from '@tanstack/react-query';
import { Alert, Card, Empty, Grid, Skeleton, Table, Typography } from 'antd';
import { AimOutlined, ScheduleOutlined } from '@ant-design/icons';
import type { DealTeamView } from '../../api-deals';
import { dealTeamsQuery } from '../../features/deals/queries';
import { teamLogUrl } from '../../features/deals/search';
import { errorMessage } from '../../forms';
import { useDealsI18n } from '../../i18n-deals';
import { Link } from '../../components/Link';
import { PageHeader } from '../../components/PageHeader';

export function DealTeamsPage() {
  const { td } = useDealsI18n();
  const isPhone = Grid.useBreakpoint().md === false;
  const teams = useQuery(dealTeamsQuery);
  const members = (t: DealTeamView) => t.members.map((m) => m.name).join('、') || '—';
  const logLink = (t: DealTeamView) => (
    <Link to={teamLogUrl(t.id)} data-testid={`team-log-link-${t.id}`}>
      <ScheduleOutlined /> {td('teamLog.open')}
    </Link>
  );
  return (
    <div data-testid="deal-teams-page">
      <PageHeader
        title={td('teams.title')}
        extra={
          <Link to="/deal-teams/targets" data-testid="targets-link">
            <AimOutlined /> {td('targets.open')}
          </Link>
        }
      />
      {teams.error && <Alert type="error" showIcon title={errorMessage(teams.error)} style={{ marginBottom: 12 }} />}
      <Card styles={{ body: { padding: 12 } }}>
        {!teams.data ? (
          <Skeleton active />
        ) : teams.data.items.length === 0 ? (
          <Empty description={td('teams.empty')} />
        ) : (
          <Table<DealTeamView>
            rowKey="id"
            size="middle"
            pagination={false}
            dataSource={teams.data.items}
            columns={
              isPhone
                ? [
                    {
                      key: 'name',
                      title: td('teams.name'),
                      render: (_: unknown, t) => (
                        <div style={{ display: 'flex', flexDirection: 'column', gap: 2, minWidth: 0 }}>
                          <Typography.Text strong>{t.name}</Typography.Text>
                          <Typography.Text type="secondary" style={{ fontSize: 12, overflowWrap: 'anywhere' }}>
                            {[t.unit.name, t.leaderName].filter(Boolean).join(' · ')}
                          </Typography.Text>
                          <Typography.Text type="secondary" style={{ fontSize: 12, overflowWrap: 'anywhere' }}>
                            {td('teams.members')}：{members(t)}
                          </Typography.Text>
                          {logLink(t)}
                        </div>
                      ),
                    },
                  ]
                : [
                    {
                      key: 'name',
                      title: td('teams.name'),
                      render: (_: unknown, t) => <Typography.Text strong>{t.name}</Typography.Text>,
                    },
                    { key: 'unit', title: td('f.unit'), width: 160, render: (_: unknown, t) => t.unit.name },
                    {
                      key: 'leader',
                      title: td('teams.leader'),
                      width: 140,
                      render: (_: unknown, t) => t.leaderName ?? '—',
                    },
                    {
                      key: 'members',
                      title: td('teams.members'),
                      ellipsis: true,
                      render: (_: unknown, t) => members(t),
                    },
                    { key: 'log', title: '', width: 120, render: (_: unknown, t) => logLink(t) },
                  ]
            }
            data-testid="deal-teams-table"
          />
        )}
      </Card>
    </div>
  );
}
