// Strings of 涉企问题 and the inbox (待办); the labels of categories, states, steps, ratings and complexity come
// from src/domain/tickets and are not repeated here.
import { useMemo } from 'react';
import { useNamespace, type Lang, type Vars } from './i18n-setup';
import type { KeyOf } from './locales';
import { TICKET_CATEGORY_LABELS, type TicketCategory } from '../../src/domain/tickets/categories';
import { COMPLEXITY_LABELS, type Complexity } from '../../src/domain/tickets/sla';
import {
  RATING_LABELS,
  TICKET_STATE_LABELS,
  TICKET_STEP_LABELS,
  type Rating,
  type TicketState,
  type TicketStep,
} from '../../src/domain/tickets/ticket-flow';

/** The keys of web/src/locales/<lang>/tickets.json. */
export type TicketMessageKey = KeyOf<'tickets'>;

export interface TicketsI18n {
  lang: Lang;
  tt: (key: TicketMessageKey, vars?: Vars) => string;
  category: (category: TicketCategory) => string;
  state: (state: TicketState) => string;
  /** A step's name as the timeline and the buttons call it (受理, 办结答复…). */
  step: (step: TicketStep | 'raise' | 'escalate' | 'attach') => string;
  rating: (rating: Rating) => string;
  complexity: (complexity: Complexity) => string;
}

/** The ticket strings in the current language. */
export function useTicketsI18n(): TicketsI18n {
  const { lang, t: tt } = useNamespace('tickets');
  return useMemo<TicketsI18n>(
    () => ({
      lang,
      tt,
      category: (c) => TICKET_CATEGORY_LABELS[c]?.[lang] ?? c,
      state: (s) => TICKET_STATE_LABELS[s]?.[lang] ?? s,
      step: (s) => TICKET_STEP_LABELS[s]?.[lang] ?? s,
      rating: (r) => RATING_LABELS[r]?.[lang] ?? r,
      complexity: (c) => COMPLEXITY_LABELS[c]?.[lang] ?? c,
    }),
    [lang, tt],
  );
}
