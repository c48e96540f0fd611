/**
 * 问题: each open ticket, one finding per ticket. Past its deadline (deadline < today) is yellow; red when
 * more than 5 working days past (counted outside, with the county's calendar) or when escalated, even
 * before its deadline. Closed tickets are history. No tickets: nothing to assess.
 */
import { finding, plural } from '../finding.ts';
import type { TicketRules } from '../rules.ts';
import type { Dimension, EvaluationContext, Finding, ProjectFacts, Ticket } from '../types.ts';

export function appliesTickets(facts: ProjectFacts): boolean {
  return facts.stage !== 'dropped' && facts.tickets.length > 0;
}

export function assessTickets(facts: ProjectFacts, rules: TicketRules, ctx: EvaluationContext): Finding[] {
  if (!appliesTickets(facts)) return [];
  const out: Finding[] = [];
  for (const t of facts.tickets) {
    if (t.closedAt) continue;
    const isPastDeadline = t.deadline < ctx.today;
    const isEscalated = t.escalated && rules.escalatedIsRed;
    if (!isPastDeadline && !isEscalated) continue;
    const colour = isEscalated || t.overdueWorkingDays > rules.redAboveWorkingDays ? 'red' : 'yellow';
    out.push(describe(t, colour, isPastDeadline));
  }
  return out;
}

function describe(t: Ticket, colour: Finding['colour'], isPastDeadline: boolean): Finding {
  const zhName = t.title ? `问题「${t.title}」` : `期限为 ${t.deadline} 的问题`;
  const enName = t.title ? `Ticket “${t.title}”` : `The ticket due ${t.deadline}`;
  const params = {
    title: t.title ?? '',
    deadline: t.deadline,
    workingDays: t.overdueWorkingDays,
    escalated: t.escalated ? 1 : 0,
  };
  const zhEscalated = t.escalated ? '，已提级督办' : '';
  const enEscalated = t.escalated ? ', escalated' : '';
  if (!isPastDeadline) {
    return finding(
      'tickets',
      colour,
      'TICKET_ESCALATED',
      params,
      `${zhName}已提级督办`,
      `${enName} has been escalated`,
    );
  }
  const n = t.overdueWorkingDays;
  const zh = n > 0 ? `${zhName}超期 ${n} 个工作日未办结${zhEscalated}` : `${zhName}已过办理期限未办结${zhEscalated}`;
  const en =
    n > 0
      ? `${enName} is ${plural(n, 'working day')} past its deadline${enEscalated}`
      : `${enName} is past its deadline${enEscalated}`;
  return finding('tickets', colour, 'TICKET_OVERDUE', params, zh, en);
}

export const tickets: Dimension<'tickets'> = { applies: appliesTickets, assess: assessTickets };
