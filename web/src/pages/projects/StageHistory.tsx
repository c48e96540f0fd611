import { Card, Empty, Timeline, Typography } from 'antd';
import type { StageChange } from '../../api-projects';
import { formatTime } from '../../format';
import { useProjectsI18n } from '../../i18n-projects';
import { isStepBack } from '../../../../src/domain/projects/lifecycle';
import { StageTag } from './shared';

/** The colour of one change: back or out in orange/grey, forward in blue, the entry in green. */
function colorOf(change: StageChange): string {
  if (!change.from) return 'green';
  if (change.to === 'dropped') return 'gray';
  if (change.to === 'suspended' || isStepBack(change.from, change.to)) return 'orange';
  return 'blue';
}

/** 阶段变更记录: who moved the project from which stage to which, when and why (newest first). */
export function StageHistory({ history }: { history: StageChange[] }) {
  const { tp } = useProjectsI18n();
  return (
    <Card title={tp('detail.history')} size="small" data-testid="stage-history" style={{ marginBottom: 16 }}>
      {history.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={tp('detail.historyEmpty')} />
      ) : (
        <Timeline
          style={{ marginTop: 8 }}
          items={history.map((change) => ({
            key: change.id,
            color: colorOf(change),
            content: (
              <div data-testid="stage-history-item">
                <div style={{ display: 'flex', alignItems: 'center', gap: 6, flexWrap: 'wrap' }}>
                  {change.from ? (
                    <>
                      <StageTag stage={change.from} />
                      <span>→</span>
                    </>
                  ) : (
                    <Typography.Text type="secondary">{tp('detail.entered')}</Typography.Text>
                  )}
                  <StageTag stage={change.to} />
                </div>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {formatTime(change.at)}
                  {change.actorName ? ` · ${change.actorName}` : ''}
                </Typography.Text>
                {change.reason && change.from && <div style={{ marginTop: 2 }}>{change.reason}</div>}
              </div>
            ),
          }))}
        />
      )}
    </Card>
  );
}
