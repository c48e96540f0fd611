import { Tag, Timeline, Typography } from 'antd';
import type { TicketEvent } from '../../api-tickets';
import { formatTime } from '../../format';
import { useTicketsI18n } from '../../i18n-tickets';
import { TICKET_STEP_LABELS } from '../../../../src/domain/tickets/ticket-flow';

const STEP_COLOURS: Record<string, string> = {
  reject: 'red',
  escalate: 'red',
  answer: 'green',
  rate: 'green',
  note: 'gray',
  attach: 'gray',
};

const isKnownStep = (step: string): step is keyof typeof TICKET_STEP_LABELS => step in TICKET_STEP_LABELS;

/** Every step of a ticket, oldest first: what was done, by whom, when (the county's time) and what they said. */
export function TicketTimeline({ events }: { events: TicketEvent[] }) {
  const { tt, step } = useTicketsI18n();
  return (
    <Timeline
      data-testid="ticket-timeline"
      items={events.map((e) => ({
        key: e.id,
        color: STEP_COLOURS[e.step] ?? 'blue',
        content: (
          <div data-testid={`ticket-event-${e.step}`} data-internal={e.internal} style={{ minWidth: 0 }}>
            <div style={{ display: 'flex', flexWrap: 'wrap', gap: '0 8px', alignItems: 'baseline' }}>
              <Typography.Text strong>{isKnownStep(e.step) ? step(e.step) : e.stepLabel}</Typography.Text>
              {e.internal && (
                <Tag color="default" style={{ marginInlineEnd: 0 }} data-testid="ticket-event-internal">
                  {tt('timeline.internal')}
                </Tag>
              )}
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {e.actor} · {formatTime(e.at)}
              </Typography.Text>
            </div>
            {e.text && (
              <div
                style={{
                  whiteSpace: 'pre-wrap',
                  overflowWrap: 'anywhere',
                  marginTop: 2,
                  color: e.internal ? 'rgba(0,0,0,0.55)' : undefined,
                }}
              >
                {e.text}
              </div>
            )}
          </div>
        ),
      }))}
    />
  );
}
