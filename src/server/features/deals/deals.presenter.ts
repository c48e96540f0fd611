import type { DealActivityView, DealView } from '../../../contract/deals.ts';
import { DEAL_CLOCK_LABELS, dealClockState, runningDealClocks } from '../../../domain/deals/deal-clocks.ts';
import {
  ACTIVITY_KIND_LABELS,
  findChainLink,
  tiersOf,
  type ActivityKind,
  type DealSettings,
  type ListingStatus,
  type Option,
} from '../../../domain/deals/deal-fields.ts';
import { DEAL_STAGE_LABELS, type DealStage } from '../../../domain/deals/deal-stages.ts';
import type { Locale } from '../../http/i18n.ts';
import type { DealRow } from './deals.repository.ts';

/** The label of a key in one of the county's lists, or the key itself when the list no longer has it. */
export const labelIn = (options: readonly Option[], key: string, lang: Locale) =>
  options.find((o) => o.key === key)?.label[lang] ?? key;

/** The clock columns of a deal on `today`: its colour and the date its next clock falls due. */
export function clockColumns(row: DealClockRow, settings: DealSettings, today: string) {
  const state = dealClockState(runningDealClocks(clockFacts(row), settings.clocks), today);
  return { light: state.colour, next_due_on: state.next?.due ?? null };
}

type DealClockRow = Pick<
  DealRow,
  'stage' | 'created_on' | 'stage_entered_on' | 'first_activity_on' | 'last_activity_on'
>;

const clockFacts = (row: DealClockRow) => ({
  stage: row.stage as DealStage,
  createdOn: row.created_on,
  stageEnteredOn: row.stage_entered_on,
  firstActivityOn: row.first_activity_on,
  lastActivityOn: row.last_activity_on,
});

/** A deal as a card, a list row and the top of its page show it, in the reader's language. */
export function presentDeal(
  row: DealRow,
  ctx: { settings: DealSettings; today: string; lang: Locale; moves: DealStage[] },
): DealView {
  const { settings, lang } = ctx;
  const found = row.chain_key ? findChainLink(settings.chains, row.chain_key, row.link_key) : null;
  const state = dealClockState(runningDealClocks(clockFacts(row), settings.clocks), ctx.today);
  const amount = Number(row.signed_amount ?? row.intended_investment);
  return {
    id: row.id,
    name: row.name,
    investorName: row.investor_name,
    investorCreditCode: row.investor_credit_code,
    investorListing: row.investor_listing as ListingStatus,
    investorHqRegion: row.investor_hq_region,
    sourceRegion: row.source_region,
    sourceRegionLabel: labelIn(settings.sourceRegions, row.source_region, lang),
    chainKey: row.chain_key,
    chainLabel: found?.chain.label[lang] ?? row.chain_key,
    linkKey: row.link_key,
    linkLabel: found?.link?.label[lang] ?? row.link_key,
    kind: row.kind,
    kindLabel: labelIn(settings.kinds, row.kind, lang),
    intendedInvestmentYuan: Number(row.intended_investment),
    tiers: tiersOf(amount, settings.tiers),
    unit: { id: row.unit_id, name: row.unit_name },
    team: row.team_id !== null ? { id: row.team_id, name: row.team_name ?? '' } : null,
    patronLeader: row.patron_leader,
    stage: row.stage as DealStage,
    stageLabel: DEAL_STAGE_LABELS[row.stage as DealStage][lang],
    stageEnteredOn: row.stage_entered_on,
    shelvedFrom: (row.shelved_from as DealStage | null) ?? null,
    exitReason: row.exit_reason,
    signedOn: row.signed_on,
    signedAmountYuan: row.signed_amount === null ? null : Number(row.signed_amount),
    landedOn: row.landed_on,
    project: row.project_id !== null ? { id: row.project_id, name: row.project_name ?? '' } : null,
    fundsInPlaceYuan: Number(row.funds_in_place),
    colour: state.colour,
    clock:
      state.next && state.text
        ? {
            clock: state.next.clock,
            clockLabel: DEAL_CLOCK_LABELS[state.next.clock][lang],
            due: state.next.due,
            text: state.text[lang],
          }
        : null,
    lastActivityOn: row.last_activity_on,
    moves: ctx.moves,
    version: row.version,
  };
}

export interface ActivityRow {
  id: number;
  deal_id: number;
  deal_name: string;
  on_date: string;
  kind: string;
  attendees: string;
  summary: string;
  team_id: number | null;
  team_name: string | null;
  actor_name: string;
}

export const presentActivity = (a: ActivityRow, lang: Locale): DealActivityView => ({
  id: a.id,
  dealId: a.deal_id,
  dealName: a.deal_name,
  onDate: a.on_date,
  kind: a.kind as ActivityKind,
  kindLabel: ACTIVITY_KIND_LABELS[a.kind as ActivityKind]?.[lang] ?? a.kind,
  attendees: a.attendees,
  summary: a.summary,
  team: a.team_id !== null ? { id: a.team_id, name: a.team_name ?? '' } : null,
  actor: a.actor_name,
});
