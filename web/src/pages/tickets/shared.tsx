// Pieces shared by the ticket pages: the state tag, the light's dot, a clock as text, the most pressing clock of a
// ticket, and the link a licence or a ticket opens.
import { useEffect, useRef } from 'react';
import { Tag, Typography } from 'antd';
import type { TicketClock, TicketColour, TicketView } from '../../api-tickets';
import { formatTime } from '../../format';
import { useLightsI18n } from '../../i18n-lights';
import { useTicketsI18n, type TicketMessageKey } from '../../i18n-tickets';
import { queryClient } from '../../queries/client';
import { LightDot } from '../lights/shared';
import type { TicketState } from '../../../../src/domain/tickets/ticket-flow';

export const STATE_COLOURS: Record<TicketState, string> = {
  raised: 'gold',
  accepted: 'orange',
  rejected: 'default',
  handling: 'processing',
  answered: 'cyan',
  closed: 'success',
};

/** The overdue red of the app's texts. */
export const OVERDUE_RED = '#cf1322';

/** 待受理, 办理中, 已办结… in their colours. */
export function TicketStateTag({ state }: { state: TicketState }) {
  const { state: label } = useTicketsI18n();
  return (
    <Tag color={STATE_COLOURS[state]} style={{ marginInlineEnd: 0 }} data-state={state}>
      {label(state)}
    </Tag>
  );
}

/** The ticket's light: red when a clock ran out or it was escalated, yellow when one nears its end. */
export function TicketDot({ colour, size = 10 }: { colour: TicketColour; size?: number }) {
  const { colour: label } = useLightsI18n();
  return <LightDot colour={colour} size={size} title={label(colour)} />;
}

/**
 * The clock that presses most: the one overdue longest, else the one ending first; null when none runs (a
 * rejected or closed ticket).
 */
export function pressingClock(clocks: readonly TicketClock[]): TicketClock | null {
  const overdue = clocks.filter((c) => c.overdue);
  const pool = overdue.length ? overdue : clocks;
  return pool.reduce<TicketClock | null>((soonest, c) => (!soonest || c.dueAt < soonest.dueAt ? c : soonest), null);
}

/** "办结 还剩 1 个工作日", red once overdue; the deadline itself in the tooltip. */
export function ClockText({ clock, withKind = true }: { clock: TicketClock | null; withKind?: boolean }) {
  const { tt } = useTicketsI18n();
  if (!clock) return <Typography.Text type="secondary">—</Typography.Text>;
  return (
    <span
      title={tt('clock.due', { time: formatTime(clock.dueAt) })}
      style={{ color: clock.overdue ? OVERDUE_RED : undefined, fontWeight: clock.overdue ? 500 : undefined }}
      data-overdue={clock.overdue}
      data-testid="ticket-clock"
    >
      {withKind && (
        <span style={{ opacity: 0.75, whiteSpace: 'nowrap' }}>{tt(`clock.${clock.kind}` as TicketMessageKey)} </span>
      )}
      <span style={{ whiteSpace: 'nowrap' }}>{clock.text}</span>
    </span>
  );
}

/**
 * The server words the clocks (还剩 1 个工作日) and labels in the request's language: after a switch the tickets and
 * the inbox on the page are read again, in the new one.
 */
export function useTicketTextsFollowLanguage(): void {
  const { lang } = useTicketsI18n();
  const shown = useRef(lang);
  useEffect(() => {
    if (shown.current === lang) return;
    shown.current = lang;
    void queryClient.invalidateQueries({ queryKey: ['tickets'] });
    void queryClient.invalidateQueries({ queryKey: ['inbox'] });
  }, [lang]);
}

/** The ticket's address. */
export const ticketUrl = (ticket: Pick<TicketView, 'id'>) => `/tickets/${ticket.id}`;
