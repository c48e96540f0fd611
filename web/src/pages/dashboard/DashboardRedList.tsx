// The red list of the dashboard: the first ten red projects with their reasons, the rest one click away.
import { useState } from 'react';
import { Button, Card, Empty, Tag, Typography } from 'antd';
import type { Dashboard } from '../../api-lights';
import { useLightsI18n } from '../../i18n-lights';
import { Link } from '../../components/Link';
import { LightDot, lightListHref } from '../lights/shared';

const RED_PREVIEW = 10;

export function DashboardRedList({
  redList,
  redCount,
  unitId,
}: {
  redList: Dashboard['redList'];
  redCount: number;
  unitId?: number;
}) {
  const { tl, text } = useLightsI18n();
  const [showAllRed, setShowAllRed] = useState(false);
  return (
    <Card
      size="small"
      title={
        <span style={{ display: 'inline-flex', alignItems: 'center', gap: 8 }}>
          <LightDot colour="red" /> {tl('dash.redList')}
          <Tag color="red" style={{ marginInlineEnd: 0 }}>
            {redCount}
          </Tag>
        </span>
      }
      data-testid="dashboard-red-list"
    >
      {redList.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={tl('dash.redEmpty')} />
      ) : (
        <div>
          {(showAllRed ? redList : redList.slice(0, RED_PREVIEW)).map((item, index) => (
            <div
              key={item.projectId}
              data-testid="dashboard-red-item"
              style={{ padding: '10px 0', borderTop: index ? '1px solid #f0f0f0' : undefined, minWidth: 0 }}
            >
              <div style={{ display: 'flex', flexWrap: 'wrap', alignItems: 'baseline', gap: '4px 12px' }}>
                <Link to={`/projects/${item.projectId}`} style={{ fontWeight: 500, wordBreak: 'break-all' }}>
                  {item.name}
                </Link>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {item.unitName}
                </Typography.Text>
              </div>
              {item.reasons.map((reason, i) => (
                <div key={i} style={{ color: '#cf1322', fontSize: 12, lineHeight: 1.6 }}>
                  {text(reason)}
                </div>
              ))}
            </div>
          ))}
          <div
            style={{
              display: 'flex',
              justifyContent: 'center',
              alignItems: 'center',
              flexWrap: 'wrap',
              gap: '0 16px',
            }}
          >
            {redList.length > RED_PREVIEW && (
              <Button type="link" onClick={() => setShowAllRed((v) => !v)} data-testid="dashboard-red-more">
                {showAllRed ? tl('dash.redLess') : tl('dash.redAll', { count: redList.length })}
              </Button>
            )}
            {redCount > redList.length && (
              <Link to={lightListHref('red', unitId)}>{tl('dash.redInList', { count: redCount })}</Link>
            )}
          </div>
        </div>
      )}
    </Card>
  );
}
