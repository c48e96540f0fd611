import { Timeline, Typography } from 'antd';
import type { DealEvent } from '../../api-deals';
import { formatTime } from '../../format';
import { useDealsI18n, type DealMessageKey } from '../../i18n-deals';
import { isDealStage } from '../../../../src/domain/deals/deal-stages';

const STEP_COLOURS: Record<string, string> = { create: 'gray', convert: 'green', funds: 'green', edit: 'gray' };
const KNOWN_STEPS = ['create', 'move', 'edit', 'convert', 'funds'];

/** Every event of a deal, oldest first: what happened (a move from one stage to the next), by whom and when. */
export function DealTimeline({ events }: { events: DealEvent[] }) {
  const { td, stage } = useDealsI18n();
  const stageOf = (s: string | null) => (s && isDealStage(s) ? stage(s) : (s ?? ''));
  return (
    <Timeline
      data-testid="deal-timeline"
      items={events.map((e) => {
        const isMove = e.step === 'move' && e.toStage;
        const title = isMove
          ? td('timeline.move', { from: stageOf(e.fromStage), to: stageOf(e.toStage) })
          : KNOWN_STEPS.includes(e.step)
            ? td(`timeline.${e.step}` as DealMessageKey)
            : e.step;
        // The words a move carries are the person's (a reason); the fixed words of the other steps are their title.
        const said = isMove ? e.text : '';
        return {
          key: e.id,
          color: e.toStage === 'terminated' ? 'red' : (STEP_COLOURS[e.step] ?? 'blue'),
          content: (
            <div data-testid={`deal-event-${e.step}`} style={{ minWidth: 0 }}>
              <div style={{ display: 'flex', flexWrap: 'wrap', gap: '0 8px', alignItems: 'baseline' }}>
                <Typography.Text strong>{title}</Typography.Text>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {e.actor} · {formatTime(e.at)}
                </Typography.Text>
              </div>
              {said && <div style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere', marginTop: 2 }}>{said}</div>}
            </div>
          ),
        };
      })}
    />
  );
}
