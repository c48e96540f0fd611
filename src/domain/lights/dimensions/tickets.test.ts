import { describe, expect, it } from 'vitest';
import { contextOn, factsWith } from '../fixtures.ts';
import { DEFAULT_RULE_SET } from '../rules.ts';
import type { Ticket } from '../types.ts';
import { tickets } from './tickets.ts';

const rules = DEFAULT_RULE_SET.tickets;
const today = contextOn('2026-10-20');
const ticket = (patch: Partial<Ticket> = {}): Ticket => ({
  title: '征地补偿未到位',
  deadline: '2026-10-19',
  closedAt: null,
  escalated: false,
  overdueWorkingDays: 1,
  ...patch,
});
const assess = (...list: Ticket[]) => tickets.assess(factsWith({ stage: 'construction', tickets: list }), rules, today);

describe('tickets (问题)', () => {
  it.each([
    ['due today', { deadline: '2026-10-20', overdueWorkingDays: 0 }, []],
    ['past its deadline over a weekend (0 working days)', { overdueWorkingDays: 0 }, [['yellow', 'TICKET_OVERDUE']]],
    ['1 working day past', {}, [['yellow', 'TICKET_OVERDUE']]],
    ['5 working days past', { deadline: '2026-10-13', overdueWorkingDays: 5 }, [['yellow', 'TICKET_OVERDUE']]],
    ['6 working days past', { deadline: '2026-10-12', overdueWorkingDays: 6 }, [['red', 'TICKET_OVERDUE']]],
    [
      'escalated before its deadline',
      { deadline: '2026-10-30', overdueWorkingDays: 0, escalated: true },
      [['red', 'TICKET_ESCALATED']],
    ],
    ['escalated and past', { escalated: true }, [['red', 'TICKET_OVERDUE']]],
    ['closed late', { closedAt: '2026-10-20', overdueWorkingDays: 1 }, []],
  ] as [string, Partial<Ticket>, [string, string][]][])('an open ticket %s', (_what, patch, expected) => {
    expect(assess(ticket(patch)).map((f) => [f.colour, f.code])).toEqual(expected);
  });

  it('says how late, in both languages', () => {
    expect(assess(ticket({ deadline: '2026-10-12', overdueWorkingDays: 6, escalated: true }))[0]).toEqual({
      dimension: 'tickets',
      colour: 'red',
      code: 'TICKET_OVERDUE',
      params: { title: '征地补偿未到位', deadline: '2026-10-12', workingDays: 6, escalated: 1 },
      text: {
        'zh-CN': '问题「征地补偿未到位」超期 6 个工作日未办结，已提级督办',
        en: 'Ticket “征地补偿未到位” is 6 working days past its deadline, escalated',
      },
    });
    expect(assess(ticket({ title: undefined, overdueWorkingDays: 0 }))[0]!.text).toEqual({
      'zh-CN': '期限为 2026-10-19 的问题已过办理期限未办结',
      en: 'The ticket due 2026-10-19 is past its deadline',
    });
  });

  it('uses the configured thresholds', () => {
    const lenient = { ...rules, redAboveWorkingDays: 10, escalatedIsRed: false };
    const found = tickets.assess(
      factsWith({
        stage: 'construction',
        tickets: [ticket({ overdueWorkingDays: 8 }), ticket({ deadline: '2026-10-30', escalated: true })],
      }),
      lenient,
      today,
    );
    expect(found.map((f) => f.colour)).toEqual(['yellow']);
  });

  it('has nothing to say without tickets, and is green with only closed ones', () => {
    expect(tickets.applies(factsWith({ stage: 'construction' }), today)).toBe(false);
    expect(assess()).toEqual([]);
    const closedOnly = factsWith({ stage: 'construction', tickets: [ticket({ closedAt: '2026-10-18' })] });
    expect(tickets.applies(closedOnly, today)).toBe(true);
    expect(tickets.assess(closedOnly, rules, today)).toEqual([]);
  });
});
