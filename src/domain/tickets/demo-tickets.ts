/**
 * A pure, deterministic plan of the demo county's enterprise problems (涉企问题) over the last three
 * months before `now`: about 150 tickets raised by enterprises (or for them, by their township's editor
 * or by the project office at its weekly coordination meeting), each step dated at a county-local time
 * on a working day, so that at `now` every state is present: a few just raised or accepted, some being
 * handled (a share past the close deadline), some answered awaiting the enterprise's rating, most closed
 * with a rating, a few rejected with a reason, one reopened once and closed, one reopened twice (and so
 * escalated), three with an extension granted. The server replays the steps through the tickets service
 * on its travelling clock (features/demo/demo-tickets.ts), so every step is checked and kept.
 *
 * The clocks are planned on the list of working days of the window (indices), which is how the service
 * counts them: a limit of 3 working days from a step on day i runs out at the end of day i + 3. A ticket
 * meant to be "in time" at `now` ends its clock on a day not before today's.
 *
 *   planDemoTickets({ seed: 20260101, now: '2026-12-02 10:00', earliest: '2026-01-15', … })
 *   → { registerAt: '2026-09-02 08:45', tickets: [{ category: 'land', steps: [{ at: '2026-09-03 09:12', step: 'raise', … }, …] }, …] }
 */
import { allocate, createRng } from '../demo/random.ts';
import type { Stage } from '../projects/lifecycle.ts';
import { TICKET_CATEGORIES, type TicketCategory } from './categories.ts';
import {
  assignedPlan,
  isAssignedShape,
  isExtendedShape,
  isReopenedShape,
  LIAISON_SHAPES,
  raisedRange,
  SHAPE_SHARES,
  SINGLE_SHAPES,
  type Shape,
  type ShapeContext,
} from './demo-ticket-shapes.ts';
import { BUSINESS_PROBLEMS } from './demo-ticket-problems-business.ts';
import { SITE_PROBLEMS } from './demo-ticket-problems-site.ts';
import { DEMO_ON_BEHALF, DEMO_RATING_TEXTS, DEMO_REJECTED, type DemoTicketText } from './demo-ticket-texts.ts';
import {
  daysOf,
  MEETING_WEEKDAY,
  outcomeOf,
  ticketWindow,
  timeSteps,
  weekdayOf,
  type DemoTicketParty,
  type DemoTicketRaiser,
  type DemoTicketStep,
  type PlacedStep,
} from './demo-ticket-window.ts';
import type { Complexity, SlaProfile } from './sla.ts';
import type { Rating, TicketState } from './ticket-flow.ts';

export type { DemoTicketParty, DemoTicketRaiser, DemoTicketStep };

export interface DemoTicket {
  creditCode: string;
  townshipName: string;
  /** The enterprise's project it concerns (index into the input's projects), or null. */
  projectIndex: number | null;
  category: TicketCategory;
  complexity: Complexity;
  title: string;
  description: string;
  raiser: DemoTicketRaiser;
  /**
   * The unit it is assigned to: the enterprise's township, or a department (the office then answers for it,
   * and the township helps: a raiser who cannot see the ticket could not rate it).
   */
  handlingUnitName: string | null;
  coUnitNames: string[];
  steps: DemoTicketStep[];
  /** What the plan leads to at `now`; escalated counts only what is certain (a clock run out, two reopenings). */
  expected: { state: TicketState; reopenCount: number; overdue: boolean; escalated: boolean; extended: boolean };
}

export interface DemoTicketPlan {
  /** When the townships enter the registry: the working morning before the first ticket. */
  registerAt: string;
  tickets: DemoTicket[];
}

export interface DemoTicketInput {
  seed: number;
  /** County-local 'YYYY-MM-DD HH:mm': every step is before it. */
  now: string;
  /** The first day the registry may be entered: once the library (the projects tickets name) is in. */
  earliest: string;
  enterprises: readonly { creditCode: string; shortName: string; townshipName: string }[];
  projects: readonly { name: string; ownerCreditCode: string | null; stage: Stage }[];
  /** The enterprise of the demo's `enterprise` account: a few tickets raised by that account. */
  liaisonCreditCode: string;
  /** The county's departments by name: those a template names help as co-units. */
  departments: readonly string[];
  /** The profile new tickets get (the county's default). */
  profile: SlaProfile;
  count?: number;
  windowDays?: number;
}

export const DEMO_TICKET_COUNT = 150;
const WINDOW_DAYS = 91;
/** Fewer working days than this since the registry: too young a county for tickets. */
const MIN_DAYS = 10;

/** What the enterprises write, by category. */
const PROBLEMS: Record<TicketCategory, readonly DemoTicketText[]> = { ...SITE_PROBLEMS, ...BUSINESS_PROBLEMS };
const CATEGORY_WEIGHTS: Record<TicketCategory, number> = {
  land: 15,
  energy: 10,
  funds: 14,
  approval: 18,
  clearance: 12,
  hiring: 10,
  financing: 10,
  other: 11,
};
const RATINGS: readonly (readonly [Rating, number])[] = [
  ['satisfied', 80],
  ['fair', 15],
  ['unsatisfied', 5],
];
const RATINGS_LATE: readonly (readonly [Rating, number])[] = [
  ['satisfied', 50],
  ['fair', 35],
  ['unsatisfied', 15],
];
/** Tickets of one enterprise at most, while others have room. */
const PER_ENTERPRISE = 3;
const NOTE_UNASSIGNED = '主办单位待明确，下周例会研究。';

export function planDemoTickets(input: DemoTicketInput): DemoTicketPlan {
  const { seed, enterprises, projects, liaisonCreditCode, profile } = input;
  const rng = createRng(seed ^ 0x7e7);
  const w = ticketWindow(input.now, input.earliest, input.windowDays ?? WINDOW_DAYS);
  const { days, last: L, open } = w;
  if (days.length < MIN_DAYS) return { registerAt: w.registerAt, tickets: [] };

  const clamp = (i: number) => Math.min(L, Math.max(0, i));
  const between = (lo: number, hi: number) => {
    const [a, b] = [clamp(lo), clamp(hi)];
    return a <= b ? rng.int(a, b) : b;
  };
  /** Mostly even, a quarter rising: the registry is new, and raising problems in it catches on. */
  const rising = () => (rng.chance(0.75) ? rng.next() : Math.sqrt(rng.next()));
  const spread = (lo: number, hi: number) => {
    const [a, b] = [clamp(lo), clamp(hi)];
    return a <= b ? a + Math.min(b - a, Math.floor(rising() * (b - a + 1))) : b;
  };

  const counts = allocate(Math.max(0, (input.count ?? DEMO_TICKET_COUNT) - SINGLE_SHAPES.length), SHAPE_SHARES);
  const pool: Shape[] = [
    ...SINGLE_SHAPES,
    ...Object.entries(counts).flatMap(([s, n]) => Array<Shape>(n).fill(s as Shape)),
  ];
  const liaison = enterprises.find((e) => e.creditCode === liaisonCreditCode);
  const liaisonShapes = liaison
    ? LIAISON_SHAPES.flatMap((s) => (pool.includes(s) ? pool.splice(pool.indexOf(s), 1) : []))
    : [];

  const liveProjects = new Map<string, number[]>();
  projects.forEach((p, i) => {
    if (!p.ownerCreditCode || p.stage === 'dropped') return;
    liveProjects.set(p.ownerCreditCode, [...(liveProjects.get(p.ownerCreditCode) ?? []), i]);
  });
  // Enterprises that own projects raise most problems.
  const others = enterprises.filter((e) => e.creditCode !== liaisonCreditCode);
  const used = new Map<string, number>();
  const pickEnterprise = () => {
    const room = others.filter((e) => (used.get(e.creditCode) ?? 0) < PER_ENTERPRISE);
    const e = rng.weighted((room.length ? room : others).map((x) => [x, liveProjects.has(x.creditCode) ? 5 : 1]));
    used.set(e.creditCode, (used.get(e.creditCode) ?? 0) + 1);
    return e;
  };
  const places = [...new Set(enterprises.map((e) => e.townshipName))];
  /** A project as its owner names it: without the county, township or platform, and its own brand, in front. */
  const projectName = (i: number, shortName: string) => {
    let name = projects[i]!.name.replace(/^兰溪(市|经济开发区|高新技术产业园区|光膜小镇)/, '');
    const place = places.find((p) => name.startsWith(p));
    if (place) name = name.slice(place.length);
    if (name.startsWith(shortName)) name = name.slice(shortName.length);
    return name.endsWith('项目') && name.length > 3 ? name : projects[i]!.name;
  };
  const rejections = rng.shuffle(DEMO_REJECTED);
  const told = new Map<string, Set<DemoTicketText>>();
  let liaisonClosed = 0;

  const planned = [
    ...liaisonShapes.map((shape) => ({ shape, e: liaison!, own: true })),
    ...rng.shuffle(pool).map((shape) => ({ shape, e: pickEnterprise(), own: false })),
  ];
  const tickets = planned.map(({ shape, e, own }): DemoTicket => {
    const live = liveProjects.get(e.creditCode) ?? [];
    const projectIndex = shape !== 'rejected' && live.length && (own || rng.chance(0.85)) ? rng.pick(live) : null;
    const rejection = shape === 'rejected' ? rng.pick(rejections) : null;
    const readable = (t: DemoTicketText) => projectIndex !== null || !t.project;
    const category =
      rejection?.category ??
      rng.weighted(
        TICKET_CATEGORIES.filter((c) => PROBLEMS[c].some(readable)).map((c) => [c, CATEGORY_WEIGHTS[c]] as const),
      );
    // Never the same problem twice for one enterprise while the category has another; one that needs an
    // extension or comes back is not a simple one, when the category has others.
    const seen = told.get(e.creditCode) ?? new Set<DemoTicketText>();
    const usable = PROBLEMS[category].filter(readable);
    const fresh = usable.filter((t) => !seen.has(t));
    const fits = fresh.length ? fresh : usable;
    const hard = fits.filter((t) => t.complexity !== 'simple');
    const template = rng.pick((isExtendedShape(shape) || isReopenedShape(shape)) && hard.length ? hard : fits);
    told.set(e.creditCode, seen.add(template));
    const n = template.n ? rng.int(template.n[0], template.n[1]) : 0;
    const fill = (text: string) =>
      text
        .replaceAll('{p}', projectIndex === null ? '' : projectName(projectIndex, e.shortName))
        .replaceAll('{n}', String(n));
    const complexity = rejection ? 'simple' : template.complexity;
    const limits = {
      accept: daysOf(profile.accept),
      close: daysOf(profile.close[complexity]),
      revisit: daysOf(profile.revisit),
    };
    const helpers = (template.departments ?? []).filter((d) => input.departments.includes(d));
    const isAssigned = isAssignedShape(shape);
    // The office keeps the reopened ones from its meeting: whoever answered never reopens its own answer.
    let raiser: DemoTicketRaiser = own
      ? 'enterprise'
      : isReopenedShape(shape) || (isAssigned && rng.chance(0.35))
        ? 'office'
        : 'township';
    // A department leads some, the office answering for it: never one the office raised (it would answer itself).
    const byDepartment =
      isAssigned && !isExtendedShape(shape) && raiser !== 'office' && helpers.length > 0 && rng.chance(0.25);
    const handler: DemoTicketParty = byDepartment ? 'office' : 'handler';
    /** The enterprise's words, as whoever writes them down for it begins. */
    const raiseText = (words: string) => (raiser === 'enterprise' ? '' : rng.pick(DEMO_ON_BEHALF[raiser])) + words;

    const steps: PlacedStep[] = [];
    if (!isAssigned) {
      const [lo, hi] = raisedRange(shape, { last: L, open, limits });
      const r = shape === 'rejected' ? spread(lo, hi) : between(lo, hi);
      const text = raiseText(rejection?.description ?? fill(template.description));
      steps.push({ idx: r, step: 'raise', by: 'raiser', text });
      if (rejection) steps.push({ idx: between(r, r + 1), step: 'reject', by: 'office', text: rejection.reason });
      if (shape.startsWith('accepted')) {
        const accepted = between(r, r + 1);
        steps.push({ idx: accepted, step: 'accept', by: 'office' });
        if (shape === 'acceptedLate' && rng.chance(0.5))
          steps.push({ idx: between(accepted + 1, L), step: 'note', by: 'office', text: NOTE_UNASSIGNED });
      }
    } else {
      const ctx: ShapeContext = {
        rng,
        last: L,
        open,
        limits,
        isSimple: complexity === 'simple',
        handler,
        reply: () => fill(rng.pick(template.replies)),
        answer: () => fill(rng.pick(template.answers)),
        rate: (late, fixed) => {
          const rating =
            fixed ??
            (own ? (liaisonClosed++ === 0 ? 'satisfied' : 'fair') : rng.weighted(late ? RATINGS_LATE : RATINGS));
          const said = rng.pick(DEMO_RATING_TEXTS[raiser === 'enterprise' ? 'enterprise' : 'onBehalf'][rating]);
          return { step: 'rate', by: 'raiser', rating, ...(said ? { text: said } : {}) };
        },
      };
      const plan = assignedPlan(shape, ctx);
      const [lo, hi] = [clamp(plan.range[0]), clamp(plan.range[1])];
      // The office writes a problem down at its Wednesday meeting and assigns it there and then.
      const meetings =
        raiser === 'office'
          ? days.flatMap((d, i) => (i >= lo && i <= hi && weekdayOf(d) === MEETING_WEEKDAY ? [i] : []))
          : [];
      if (raiser === 'office' && !meetings.length) raiser = 'township';
      let s: number;
      if (raiser === 'office') {
        s =
          meetings[
            plan.spread
              ? Math.min(meetings.length - 1, Math.floor(rising() * meetings.length))
              : rng.int(0, meetings.length - 1)
          ]!;
        steps.push(
          { idx: s, step: 'raise', by: 'raiser', text: raiseText(fill(template.description)) },
          { idx: s, step: 'accept', by: 'office' },
          { idx: s, step: 'assign', by: 'office' },
        );
      } else {
        // Accepted and assigned within the accept limit, mostly the day it is raised.
        s = plan.spread ? spread(lo, hi) : between(lo, hi);
        const toAssign = rng.chance(0.75) ? 0 : 1;
        const toAccept = Math.min(
          Math.max(0, limits.accept - 1 - toAssign),
          rng.weighted([
            [0, 55],
            [1, 35],
            [2, 10],
          ] as const),
        );
        steps.push(
          {
            idx: clamp(s - toAssign - toAccept),
            step: 'raise',
            by: 'raiser',
            text: raiseText(fill(template.description)),
          },
          { idx: clamp(s - toAssign), step: 'accept', by: 'office' },
          { idx: s, step: 'assign', by: 'office' },
        );
      }
      for (const { off, ...rest } of plan.tail.sort((a, b) => a.off - b.off))
        steps.push({ ...rest, idx: clamp(s + off) });
    }
    // Days never go back within a ticket (a clamp at the window's ends may have folded two together).
    for (let i = 1; i < steps.length; i++) steps[i]!.idx = Math.max(steps[i]!.idx, steps[i - 1]!.idx);
    // Someone reopening for the enterprise passes on what it says.
    for (const st of steps) if (st.step === 'reopen' && raiser !== 'enterprise') st.text = `企业反映：${st.text}`;

    const timed = timeSteps(w, rng, steps, raiser);
    return {
      creditCode: e.creditCode,
      townshipName: e.townshipName,
      projectIndex,
      category,
      complexity,
      title: rejection?.title ?? template.title,
      description: timed[0]!.text!,
      raiser,
      handlingUnitName: isAssigned ? (byDepartment ? helpers[0]! : e.townshipName) : null,
      // A department leads with the township helping (and keeping sight of it); a township leads with the departments.
      coUnitNames: !isAssigned ? [] : byDepartment ? [e.townshipName] : rng.chance(0.7) ? helpers : [],
      steps: timed,
      expected: { ...outcomeOf(steps, limits, open), extended: isExtendedShape(shape) },
    };
  });
  return { registerAt: w.registerAt, tickets };
}
