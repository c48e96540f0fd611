import { Card, Col, Row, Typography } from 'antd';
import { FileTextOutlined, RightOutlined } from '@ant-design/icons';
import { bulletinFileUrl, type DashboardBulletin, type DashboardRace, type DashboardRaceUnit } from '../../api-race';
import { formatTime } from '../../format';
import { useRaceI18n } from '../../i18n-race';
import { Link } from '../../components/Link';
import { formatScore } from './amounts';
import { BOTTOM_COLOUR, BOTTOM_TINT, TOP_COLOUR, TOP_TINT } from './shared';

/** The dashboard's 赛马排名 (each group's 骏马 and 蜗牛) and 最新通报; renders nothing when neither exists. */
export function DashboardRaceCards({
  race,
  bulletin,
}: {
  race: DashboardRace | null | undefined;
  bulletin: DashboardBulletin | null | undefined;
}) {
  if (!race && !bulletin) return null;
  return (
    <Row gutter={[12, 12]} style={{ marginBottom: 12 }}>
      {race && (
        <Col xs={24} lg={bulletin ? 16 : 24}>
          <RaceCard race={race} />
        </Col>
      )}
      {bulletin && (
        <Col xs={24} lg={race ? 8 : 24}>
          <BulletinCard bulletin={bulletin} />
        </Col>
      )}
    </Row>
  );
}

function RaceCard({ race }: { race: DashboardRace }) {
  const { tk, text } = useRaceI18n();
  const href = `/races/${race.raceId}`;
  return (
    <Card
      size="small"
      style={{ height: '100%' }}
      title={
        <span style={{ display: 'inline-flex', flexWrap: 'wrap', alignItems: 'baseline', gap: '0 8px' }}>
          {tk('dash.race')}
          <Typography.Text type="secondary" style={{ fontSize: 12, fontWeight: 400 }}>
            {race.name} · {race.period.label}
          </Typography.Text>
        </span>
      }
      extra={
        <Link to={href} data-testid="dashboard-race-all">
          {tk('dash.raceAll')} <RightOutlined style={{ fontSize: 10 }} />
        </Link>
      }
      data-testid="dashboard-race"
    >
      <div style={{ display: 'grid', gridTemplateColumns: 'repeat(auto-fit, minmax(230px, 1fr))', gap: 12 }}>
        {race.groups.map((group, i) => (
          <div key={i} style={{ minWidth: 0 }} data-testid="dashboard-race-group">
            <Typography.Text strong style={{ display: 'block', marginBottom: 6 }}>
              {text(group.label)}
            </Typography.Text>
            {group.tooSmall ? (
              <Typography.Text type="secondary" style={{ fontSize: 12 }} data-testid="dashboard-race-too-small">
                {tk('ranking.tooSmall')}
              </Typography.Text>
            ) : (
              <div style={{ display: 'grid', gridTemplateColumns: '1fr 1fr', gap: 8 }}>
                <UnitColumn
                  title={tk('tag.top')}
                  colour={TOP_COLOUR}
                  tint={TOP_TINT}
                  units={group.top}
                  href={href}
                  testId="dashboard-race-top"
                />
                <UnitColumn
                  title={tk('tag.bottom')}
                  colour={BOTTOM_COLOUR}
                  tint={BOTTOM_TINT}
                  units={group.bottom}
                  href={href}
                  testId="dashboard-race-bottom"
                />
              </div>
            )}
          </div>
        ))}
      </div>
    </Card>
  );
}

function UnitColumn({
  title,
  colour,
  tint,
  units,
  href,
  testId,
}: {
  title: string;
  colour: string;
  tint: string;
  units: DashboardRaceUnit[];
  href: string;
  testId: string;
}) {
  return (
    <div style={{ background: tint, borderRadius: 6, padding: '6px 8px', minWidth: 0 }} data-testid={testId}>
      <div style={{ color: colour, fontWeight: 600, fontSize: 12, marginBottom: 2 }}>{title}</div>
      {units.length === 0 ? (
        <Typography.Text type="secondary">—</Typography.Text>
      ) : (
        units.map((u) => (
          <Link
            key={u.unitId}
            to={href}
            style={{
              display: 'flex',
              gap: 6,
              alignItems: 'baseline',
              color: 'inherit',
              fontSize: 13,
              lineHeight: 1.8,
              minWidth: 0,
            }}
          >
            <span style={{ color: colour, fontWeight: 600, minWidth: 16 }}>{u.rank}</span>
            <span style={{ flex: 1, minWidth: 0, overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' }}>
              {u.name}
            </span>
            <span style={{ fontVariantNumeric: 'tabular-nums', color: 'rgba(0,0,0,0.55)' }}>
              {formatScore(u.total)}
            </span>
          </Link>
        ))
      )}
    </div>
  );
}

function BulletinCard({ bulletin }: { bulletin: DashboardBulletin }) {
  const { tk } = useRaceI18n();
  return (
    <Card size="small" title={tk('dash.bulletin')} style={{ height: '100%' }} data-testid="dashboard-bulletin">
      <div style={{ display: 'flex', gap: 10, alignItems: 'flex-start' }}>
        <FileTextOutlined style={{ fontSize: 28, color: '#cf1322', marginTop: 2 }} />
        <div style={{ minWidth: 0 }}>
          <Link to={`/bulletins/${bulletin.id}`} style={{ fontWeight: 500 }}>
            {bulletin.title}
          </Link>
          <div>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {bulletin.docNumber} · {formatTime(bulletin.publishedAt)}
            </Typography.Text>
          </div>
          <div style={{ display: 'flex', gap: 12, marginTop: 6 }}>
            <a href={bulletinFileUrl(bulletin.id, 'docx')} download data-testid="dashboard-bulletin-docx">
              {tk('bulletins.downloadWord')}
            </a>
            <a href={bulletinFileUrl(bulletin.id, 'pdf')} download>
              {tk('bulletins.downloadPdf')}
            </a>
          </div>
        </div>
      </div>
    </Card>
  );
}
