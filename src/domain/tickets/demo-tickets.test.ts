import { describe, expect, it } from 'vitest';
import { instantAt } from '../calendar/local-date.ts';
import { isWorkingDay } from '../calendar/working-days.ts';
import { DEMO_DEPARTMENTS, generateDemoProjects, type DemoUnitRef } from '../demo/demo-county.ts';
import { DEMO_PLATFORMS } from '../demo/places.ts';
import { TEST_TOWNSHIPS } from '../demo/test-units.ts';
import { demoEnterprises } from '../enterprises/demo-enterprises.ts';
import { TICKET_CATEGORIES } from './categories.ts';
import { UNIT } from './demo-ticket-texts.ts';
import { planDemoTickets, type DemoTicket, type DemoTicketInput } from './demo-tickets.ts';
import { SHIPPED_SLA_PROFILES, type Complexity } from './sla.ts';
import { duesAfter, NO_DUES, nextDue, type ClockEvent, type TicketDues } from './ticket-clocks.ts';
import { STEP_RULES, type TicketParty, type TicketState } from './ticket-flow.ts';

const TZ = 'Asia/Shanghai';
const PROFILE = SHIPPED_SLA_PROFILES['333'];

function inputAt(now: string, seed = 20260101): DemoTicketInput {
  const today = now.slice(0, 10);
  const enterprises = demoEnterprises(seed, today);
  const units: DemoUnitRef[] = [
    ...DEMO_DEPARTMENTS.map((name) => ({ name, kind: 'department' as const })),
    ...DEMO_PLATFORMS.map((name) => ({ name, kind: 'platform' as const })),
    ...TEST_TOWNSHIPS.map((name) => ({
      name,
      kind: name.endsWith('街道') ? ('street' as const) : ('township' as const),
    })),
  ];
  const projects = generateDemoProjects({ seed, today, count: 300, units, enterprises });
  const owners = new Set(projects.map((p) => p.ownerCreditCode));
  return {
    seed,
    now,
    earliest: `${today.slice(0, 4)}-01-15`,
    enterprises,
    projects,
    liaisonCreditCode: enterprises.find((e) => owners.has(e.creditCode))!.creditCode,
    departments: DEMO_DEPARTMENTS,
    profile: PROFILE,
  };
}

const NOW = '2026-12-02 10:00';
const input = inputAt(NOW);
const plan = planDemoTickets(input);
const { tickets } = plan;
const stateOf = (t: DemoTicket) => t.expected.state;
const share = (state: TicketState) => tickets.filter((t) => stateOf(t) === state).length / tickets.length;

/** Plays a ticket's steps on the flow's rules: each from a state it allows, by a party that may take it, with text when owed. */
function play(t: DemoTicket) {
  let state: TicketState = 'raised';
  let reopenCount = 0;
  const party: Record<string, TicketParty> = { office: 'office', handler: 'handler', raiser: 'raiser' };
  for (const s of t.steps.slice(1)) {
    if (s.step === 'raise') throw new Error('raised twice');
    const rule = STEP_RULES[s.step];
    expect(rule.from, `${t.title}: ${s.step} in ${state}`).toContain(state);
    expect(rule.parties).toContain(party[s.by]);
    if (rule.needsText) expect(s.text?.trim(), `${t.title}: ${s.step}`).toBeTruthy();
    if (s.step === 'reopen') reopenCount++;
    state = rule.to ?? state;
  }
  return { state, reopenCount };
}

/** The ticket's running deadlines at the end, by the service's own clock rules. */
function duesAtEnd(t: DemoTicket): TicketDues {
  let dues = NO_DUES;
  let assigned = false;
  for (const s of t.steps) {
    const at = instantAt(s.at.replace(' ', 'T'), TZ);
    const event: ClockEvent | null =
      s.step === 'raise'
        ? { kind: 'raise' }
        : s.step === 'assign'
          ? { kind: 'assign', first: !assigned }
          : s.step === 'reply'
            ? { kind: 'reply' }
            : s.step === 'answer'
              ? { kind: 'answer' }
              : s.step === 'reopen'
                ? { kind: 'reopen' }
                : s.step === 'rate' || s.step === 'reject'
                  ? { kind: 'close' }
                  : s.step === 'decideExtension' && s.approve
                    ? { kind: 'extend' }
                    : null;
    if (s.step === 'assign') assigned = true;
    if (event)
      dues = duesAfter(event, dues, {
        now: at,
        profile: PROFILE,
        complexity: t.complexity as Complexity,
        timeZone: TZ,
      });
  }
  return dues;
}

describe('the demo tickets', () => {
  it('are about 150, the same for the same seed and different for another', () => {
    expect(tickets).toHaveLength(150);
    expect(planDemoTickets(input)).toEqual(plan);
    expect(planDemoTickets({ ...input, seed: 7 }).tickets.map((t) => t.title)).not.toEqual(tickets.map((t) => t.title));
  });

  it('end in every state, in the shares asked for', () => {
    expect(share('raised') + share('accepted')).toBeCloseTo(0.15, 1);
    expect(share('handling')).toBeCloseTo(0.3, 1);
    expect(share('answered')).toBeCloseTo(0.15, 1);
    expect(share('closed')).toBeGreaterThan(0.3);
    expect(share('closed')).toBeLessThan(0.4);
    expect(share('rejected')).toBeGreaterThan(0.02);
    expect(share('rejected')).toBeLessThan(0.08);
    const ratings = tickets.flatMap((t) => t.steps.filter((s) => s.step === 'rate').map((s) => s.rating));
    expect(ratings).toHaveLength(tickets.filter((t) => stateOf(t) === 'closed').length);
    const satisfied = ratings.filter((r) => r === 'satisfied').length;
    expect(satisfied / ratings.length).toBeGreaterThan(0.6);
    expect(ratings).toContain('fair');
    expect(ratings).toContain('unsatisfied');
    for (const t of tickets.filter((x) => stateOf(x) === 'rejected'))
      expect(t.steps.at(-1)).toMatchObject({ step: 'reject', by: 'office', text: expect.stringMatching(/.{10,}/) });
  });

  it('take each step from a state that allows it, by a party that may, as the plan expects', () => {
    for (const t of tickets) {
      expect(t.steps[0]).toMatchObject({ step: 'raise', by: 'raiser' });
      expect(t.steps[0]!.text).toBe(t.description);
      expect(play(t)).toEqual({ state: t.expected.state, reopenCount: t.expected.reopenCount });
    }
  });

  it('reopen exactly one once (then closed) and one twice, and grant three extensions', () => {
    const reopened = tickets.filter((t) => t.expected.reopenCount > 0);
    expect(reopened.map((t) => [t.expected.reopenCount, t.expected.state]).sort()).toEqual([
      [1, 'closed'],
      [2, 'handling'],
    ]);
    expect(reopened.find((t) => t.expected.reopenCount === 2)!.expected.escalated).toBe(true);
    // Reopened by someone other than who answered: the office that wrote it down at its meeting.
    for (const t of reopened) expect(t.raiser).toBe('office');
    for (const t of reopened)
      expect(t.steps.filter((s) => s.step === 'answer').every((s) => s.by === 'handler')).toBe(true);
    const extended = tickets.filter((t) => t.steps.some((s) => s.step === 'requestExtension'));
    expect(extended).toHaveLength(3);
    for (const t of extended) {
      expect(t.steps.find((s) => s.step === 'decideExtension')).toMatchObject({ by: 'office', approve: true });
      // Asked by the handling township's editor, before the close clock ran out.
      const i = t.steps.findIndex((s) => s.step === 'requestExtension');
      const before = duesAtEnd({ ...t, steps: t.steps.slice(0, i) });
      expect(instantAt(t.steps[i]!.at.replace(' ', 'T'), TZ).toISOString() <= before.close!).toBe(true);
      expect(t.handlingUnitName).toBe(t.townshipName);
    }
  });

  it('leave some clocks run out at now and the others running, as the service counts them', () => {
    const now = instantAt(NOW.replace(' ', 'T'), TZ).toISOString();
    for (const t of tickets) {
      const next = nextDue(duesAtEnd(t));
      expect(next !== null && next < now, `${t.title} ${t.expected.state}`).toBe(t.expected.overdue);
    }
    const overdue = tickets.filter((t) => t.expected.overdue);
    expect(overdue.length).toBeGreaterThan(10);
    expect(overdue.length).toBeLessThan(40);
    // Those awaiting a rating were answered lately: their revisit clock still runs.
    expect(tickets.filter((t) => stateOf(t) === 'answered' && t.expected.overdue)).toEqual([]);
    for (const state of ['raised', 'accepted', 'handling'] as const) {
      expect(tickets.some((t) => stateOf(t) === state && t.expected.overdue)).toBe(true);
      expect(tickets.some((t) => stateOf(t) === state && !t.expected.overdue)).toBe(true);
    }
  });

  it('date every step after the registry is entered and before now, on working days in office hours, in order', () => {
    expect(plan.registerAt).toBe('2026-09-02 08:45');
    for (const t of tickets) {
      for (const [i, s] of t.steps.entries()) {
        expect(s.at > plan.registerAt && s.at < NOW, s.at).toBe(true);
        expect(isWorkingDay(s.at.slice(0, 10)), s.at).toBe(true);
        expect(s.at.slice(11) >= '08:30' && s.at.slice(11) <= '17:30', s.at).toBe(true);
        if (i > 0) expect(s.at > t.steps[i - 1]!.at, `${t.title} ${s.step}`).toBe(true);
      }
    }
    // Spread over the three months, not only the last days.
    const months = new Set(tickets.map((t) => t.steps[0]!.at.slice(0, 7)));
    expect(months).toEqual(new Set(['2026-09', '2026-10', '2026-11', '2026-12']));
    // The office raises at its Wednesday meeting and assigns there and then.
    const meetings = tickets.filter((t) => t.raiser === 'office');
    expect(meetings.length).toBeGreaterThan(10);
    for (const t of meetings) {
      const [raise, accept, assign] = t.steps;
      expect(new Date(`${raise!.at.slice(0, 10)}T00:00Z`).getUTCDay()).toBe(3);
      expect([accept!.step, assign!.step, accept!.at.slice(0, 10), assign!.at.slice(0, 10)]).toEqual([
        'accept',
        'assign',
        raise!.at.slice(0, 10),
        raise!.at.slice(0, 10),
      ]);
    }
  });

  it('concern enterprises of the registry, linked to projects they own, handled by their township or a department', () => {
    const byCode = new Map(input.enterprises.map((e) => [e.creditCode, e]));
    for (const t of tickets) {
      const e = byCode.get(t.creditCode)!;
      expect(t.townshipName).toBe(e.townshipName);
      expect(TICKET_CATEGORIES).toContain(t.category);
      expect(t.title.length).toBeLessThanOrEqual(40);
      for (const step of t.steps) expect(step.text ?? '').not.toMatch(/\{[pn]\}/);
      if (t.projectIndex !== null) {
        expect(input.projects[t.projectIndex]!.ownerCreditCode).toBe(t.creditCode);
        expect(input.projects[t.projectIndex]!.stage).not.toBe('dropped');
      }
      if (t.handlingUnitName === t.townshipName) for (const u of t.coUnitNames) expect(DEMO_DEPARTMENTS).toContain(u);
      else if (t.handlingUnitName) {
        expect(DEMO_DEPARTMENTS).toContain(t.handlingUnitName);
        expect(t.coUnitNames).toEqual([t.townshipName]);
        expect(t.raiser).not.toBe('office');
        // No department has an editor in the demo: the office answers for it.
        expect(t.steps.filter((s) => s.by === 'handler')).toEqual([]);
      }
    }
    expect(tickets.filter((t) => t.projectIndex !== null).length / tickets.length).toBeGreaterThan(0.5);
    expect(new Set(tickets.map((t) => t.creditCode)).size).toBeGreaterThan(60);
    expect(new Set(tickets.map((t) => t.category))).toEqual(new Set(TICKET_CATEGORIES));
    expect(tickets.some((t) => t.handlingUnitName && t.handlingUnitName !== t.townshipName)).toBe(true);
    // Every department the problems name is one of the demo county's.
    for (const name of Object.values(UNIT)) expect(DEMO_DEPARTMENTS).toContain(name);
  });

  it('give the liaison enterprise a few of its own, raised by its account, one answered for it to rate', () => {
    const own = tickets.filter((t) => t.creditCode === input.liaisonCreditCode);
    expect(own.length).toBeGreaterThanOrEqual(4);
    expect(own.every((t) => t.raiser === 'enterprise')).toBe(true);
    expect(
      tickets.filter((t) => t.raiser === 'enterprise').every((t) => t.creditCode === input.liaisonCreditCode),
    ).toBe(true);
    expect(new Set(own.map(stateOf))).toEqual(new Set(['closed', 'answered', 'handling', 'raised']));
    expect(own.find((t) => stateOf(t) === 'answered')!.expected.overdue).toBe(false);
  });

  it('hold at other moments: a short first month, in a holiday, on New Year’s Day', () => {
    for (const now of ['2026-02-05 10:30', '2026-10-03 16:00', '2027-01-01 23:50']) {
      const other = planDemoTickets({ ...inputAt(now), earliest: '2026-01-15' });
      const at = instantAt(now.replace(' ', 'T'), TZ).toISOString();
      expect(other.tickets, now).toHaveLength(150);
      for (const t of other.tickets) {
        expect(play(t)).toEqual({ state: t.expected.state, reopenCount: t.expected.reopenCount });
        const next = nextDue(duesAtEnd(t));
        expect(next !== null && next < at, `${now} ${t.title}`).toBe(t.expected.overdue);
        expect(t.steps[0]!.at > other.registerAt && t.steps.at(-1)!.at < now).toBe(true);
      }
      expect(other.tickets.filter((t) => t.expected.reopenCount === 2)).toHaveLength(1);
    }
  });

  it('keeps clear of holidays and plans nothing for a county set up only days ago', () => {
    // Right after National Day 2026 (10-01 … 10-07 off, Saturday 10-10 worked).
    const after = planDemoTickets(inputAt('2026-10-12 15:00'));
    expect(after.tickets.length).toBe(150);
    const days = new Set(after.tickets.flatMap((t) => t.steps.map((s) => s.at.slice(0, 10))));
    for (const d of ['2026-10-01', '2026-10-05', '2026-10-07', '2026-10-11']) expect(days.has(d)).toBe(false);
    expect(days.has('2026-10-10')).toBe(true);
    for (const t of after.tickets) expect(t.steps.at(-1)!.at < '2026-10-12 15:00').toBe(true);
    // Early on a working morning: nothing dated later today.
    const early = planDemoTickets(inputAt('2026-12-02 08:10'));
    for (const t of early.tickets) expect(t.steps.at(-1)!.at < '2026-12-02').toBe(true);
    expect(planDemoTickets({ ...inputAt('2026-01-20 10:00'), earliest: '2026-01-15' }).tickets).toEqual([]);
  });
});
