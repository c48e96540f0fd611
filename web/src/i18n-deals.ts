// Strings of 招商; the labels of stages, listing, activity kinds and clocks come from src/domain/deals, and those of
// the county's lists (source regions, kinds, chains, tiers) from its settings, and are not repeated here.
import { useMemo } from 'react';
import { useNamespace, type Lang, type Vars } from './i18n-setup';
import type { KeyOf } from './locales';
import { DEAL_CLOCK_LABELS, type DealClock } from '../../src/domain/deals/deal-clocks';
import {
  ACTIVITY_KIND_LABELS,
  LISTING_STATUS_LABELS,
  type ActivityKind,
  type ListingStatus,
} from '../../src/domain/deals/deal-fields';
import { DEAL_STAGE_LABELS, type DealStage } from '../../src/domain/deals/deal-stages';

/** The keys of web/src/locales/<lang>/deals.json. */
export type DealMessageKey = KeyOf<'deals'>;

export interface DealsI18n {
  lang: Lang;
  td: (key: DealMessageKey, vars?: Vars) => string;
  stage: (stage: DealStage) => string;
  listing: (listing: ListingStatus) => string;
  activityKind: (kind: ActivityKind) => string;
  clock: (clock: DealClock | string) => string;
  /** An item of the county's lists in the current language. */
  option: (label: { 'zh-CN': string; en: string }) => string;
}

/** The 招商 strings in the current language. */
export function useDealsI18n(): DealsI18n {
  const { lang, t: td } = useNamespace('deals');
  return useMemo<DealsI18n>(
    () => ({
      lang,
      td,
      stage: (s) => DEAL_STAGE_LABELS[s]?.[lang] ?? s,
      listing: (l) => LISTING_STATUS_LABELS[l]?.[lang] ?? l,
      activityKind: (k) => ACTIVITY_KIND_LABELS[k]?.[lang] ?? k,
      clock: (c) => DEAL_CLOCK_LABELS[c as DealClock]?.[lang] ?? c,
      option: (label) => label[lang] ?? label['zh-CN'],
    }),
    [lang, td],
  );
}
