/**
 * How each demo ticket goes (demo-tickets.ts): the shape it ends in at `now` and the steps that lead
 * there, on the window's working days (demo-ticket-window.ts). An assigned ticket's steps are laid out
 * from its assignment (offsets), with the range of days the assignment may fall on for the shape to hold
 * at now: a clock still running for one handled in time, run out for one handled late.
 */
import type { Rng } from '../demo/random.ts';
import { DEMO_EXTENSION, DEMO_FOLLOW_UPS, DEMO_NOTES, DEMO_REOPEN_TEXTS } from './demo-ticket-texts.ts';
import type { DemoTicketParty, PlacedStep } from './demo-ticket-window.ts';
import type { Rating } from './ticket-flow.ts';

export type Shape =
  | 'raised'
  | 'raisedLate'
  | 'accepted'
  | 'acceptedLate'
  | 'rejected'
  | 'handling'
  | 'handlingLate'
  | 'handlingExtended'
  | 'handlingExtendedLate'
  | 'reopenedTwice'
  | 'answered'
  | 'closed'
  | 'closedLate'
  | 'closedExtended'
  | 'reopenedOnce';

/** One of each: the reopenings and the extensions are single cases, not shares. */
export const SINGLE_SHAPES: readonly Shape[] = [
  'reopenedOnce',
  'reopenedTwice',
  'closedExtended',
  'handlingExtended',
  'handlingExtendedLate',
];
/** The rest, by share: ~15% raised or accepted, ~30% handled, ~15% answered, ~35% closed, ~5% rejected. */
export const SHAPE_SHARES = {
  raised: 8,
  raisedLate: 2,
  accepted: 9,
  acceptedLate: 3,
  handling: 24,
  handlingLate: 18,
  answered: 22,
  closed: 44,
  closedLate: 8,
  rejected: 7,
} as const;
/** The liaison enterprise's own: two closed, one answered for its account to rate, one being handled, one just raised. */
export const LIAISON_SHAPES: readonly Shape[] = ['closed', 'closed', 'answered', 'handling', 'raised'];

const UNASSIGNED: ReadonlySet<Shape> = new Set(['raised', 'raisedLate', 'accepted', 'acceptedLate', 'rejected']);
const EXTENDED: ReadonlySet<Shape> = new Set(['closedExtended', 'handlingExtended', 'handlingExtendedLate']);
export const isAssignedShape = (s: Shape) => !UNASSIGNED.has(s);
export const isExtendedShape = (s: Shape) => EXTENDED.has(s);
export const isReopenedShape = (s: Shape) => s === 'reopenedOnce' || s === 'reopenedTwice';

export interface ShapeContext {
  rng: Rng;
  /** The window's last index and its first open one (demo-ticket-window.ts). */
  last: number;
  open: number;
  /** The profile's limits in working days: accept, close (for this ticket's complexity), revisit. */
  limits: { accept: number; close: number; revisit: number };
  isSimple: boolean;
  /** Who replies and answers: the township's editor, or the office for a department. */
  handler: DemoTicketParty;
  reply: () => string;
  answer: () => string;
  /** A rating step's rating and what the raiser adds to it. */
  rate: (late: boolean, rating?: Rating) => Omit<PlacedStep, 'idx'>;
}

type Offset = Omit<PlacedStep, 'idx'> & { off: number };

/** An assigned ticket's steps after the assignment, and the range of days its assignment may fall on. */
export interface AssignedPlan {
  tail: Offset[];
  range: readonly [number, number];
  /** Closed long ago or lately, later days somewhat likelier (see demo-tickets.ts). */
  spread: boolean;
}

const NOTE_LATE = '已超期，请主办单位加快办理。';
const SECOND_REOPEN = '第二次反映了，问题还是没有解决，请领导督办。';
const AFTER_ESCALATION = '已提级督办，由联系领导牵头专题协调，本周内召开协调会。';

/** The steps of an assigned ticket from its assignment on, by shape. */
export function assignedPlan(shape: Shape, ctx: ShapeContext): AssignedPlan {
  const { rng, last: L, open, limits, handler } = ctx;
  const { close: C, revisit: R } = limits;
  const tail: Offset[] = [];
  const add = (off: number, s: Omit<PlacedStep, 'idx'>) => tail.push({ off, ...s });
  const answer = () => ({ step: 'answer' as const, by: handler, text: ctx.answer() });
  const reply = () => ({ step: 'reply' as const, by: handler, text: ctx.reply() });
  /** A first interim reply somewhere in [from, to] (offsets), with probability p. */
  const maybeReply = (from: number, to: number, p: number) => {
    if (to >= from && rng.chance(p)) add(rng.int(from, to), reply());
  };
  /** Working days from assignment to answer: within the close limit, or 1–6 days past it. */
  const answerGap = (late: boolean) =>
    late
      ? C + rng.int(1, 6)
      : Math.min(
          C,
          rng.weighted([
            [0, ctx.isSimple ? 2 : 0],
            [1, 3],
            [2, 4],
            [3, 3],
          ] as const),
        );
  /** Rated within the revisit limit (回访), so that clock never runs out. */
  const rateGap = () => rng.int(0, Math.max(0, Math.min(2, R - 1)));
  const reopenGap = () => rng.int(1, Math.max(1, Math.min(2, R - 1)));
  /** An extension asked before the close clock runs out, granted the same day or the next. */
  const extension = () => {
    const q = rng.int(1, Math.max(1, C - 1));
    add(q, { step: 'requestExtension', by: 'handler', text: DEMO_EXTENSION.request });
    add(Math.min(q + rng.int(0, 1), C), {
      step: 'decideExtension',
      by: 'office',
      approve: true,
      text: DEMO_EXTENSION.grant,
    });
  };

  switch (shape) {
    case 'closed':
    case 'closedLate': {
      const late = shape === 'closedLate';
      const h = answerGap(late);
      maybeReply(1, h - 1, late ? 0.8 : 0.5);
      if (rng.chance(0.1)) add(0, { step: 'note', by: 'office', text: rng.pick(DEMO_NOTES) });
      add(h, answer());
      const k = h + rateGap();
      add(k, ctx.rate(late));
      return { tail, range: [0, L - k], spread: true };
    }
    case 'closedExtended': {
      extension();
      const a = C + rng.int(1, C);
      add(a - 1, reply());
      add(a, answer());
      const k = a + rateGap();
      add(k, ctx.rate(false));
      return { tail, range: [0, L - k], spread: true };
    }
    case 'reopenedOnce':
    case 'reopenedTwice': {
      const a1 = answerGap(false);
      add(a1, answer());
      const re1 = a1 + reopenGap();
      add(re1, { step: 'reopen', by: 'raiser', text: rng.pick(DEMO_REOPEN_TEXTS) });
      const a2 = re1 + rng.int(1, Math.max(1, C));
      add(a2, { step: 'answer', by: handler, text: rng.pick(DEMO_FOLLOW_UPS) });
      if (shape === 'reopenedOnce') {
        const k = a2 + rateGap();
        add(k, ctx.rate(false, 'fair'));
        return { tail, range: [0, L - k - 5], spread: true };
      }
      // The second reopening escalates at once; the handler answers to the escalation the next day.
      const re2 = a2 + reopenGap();
      add(re2, { step: 'reopen', by: 'raiser', text: SECOND_REOPEN });
      add(re2 + 1, { step: 'reply', by: handler, text: AFTER_ESCALATION });
      return { tail, range: [L - 12 - re2, L - 3 - re2], spread: false };
    }
    case 'handling':
      maybeReply(0, L, 0.4);
      return { tail, range: [open - C, L], spread: false };
    case 'handlingLate':
      maybeReply(1, C, 0.7);
      if (rng.chance(0.3)) add(C + 1, { step: 'note', by: 'office', text: NOTE_LATE });
      return { tail, range: [open - C - 25, open - C - 1], spread: false };
    case 'handlingExtended':
    case 'handlingExtendedLate':
      extension();
      add(C, reply());
      return {
        tail,
        range: shape === 'handlingExtended' ? [open - 2 * C, open - C - 1] : [open - 2 * C - 8, open - 2 * C - 1],
        spread: false,
      };
    case 'answered': {
      const h = answerGap(rng.chance(0.35));
      maybeReply(1, h - 1, 0.5);
      add(h, answer());
      // Answered in the last working days: the revisit clock still runs at now.
      return { tail, range: [open - R + 1 - h, L - h], spread: false };
    }
    default:
      throw new RangeError(`not an assigned shape: ${shape}`);
  }
}

/** The days an unassigned ticket is raised on: lately (its accept clock running) or long enough ago for it to have run out. */
export function raisedRange(shape: Shape, ctx: Pick<ShapeContext, 'last' | 'open' | 'limits'>): [number, number] {
  const { last: L, open, limits } = ctx;
  if (shape === 'rejected') return [0, L - 1];
  if (shape === 'raisedLate') return [open - limits.accept - 10, open - limits.accept - 1];
  if (shape === 'acceptedLate') return [open - limits.accept - 8, open - limits.accept - 1];
  return [open - limits.accept, L];
}
