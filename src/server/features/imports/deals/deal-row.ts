import { creditCodeProblem, normaliseCreditCode } from '../../../../domain/enterprises/credit-code.ts';
import { choicesOf, dealStageOfWord, listingOfWord, optionOfWord } from '../../../../domain/exchange/deal-columns.ts';
import type { DealLedgerField, LedgerField } from '../../../../domain/exchange/project-columns.ts';
import { cellOf, type ColumnPlan, type RowError } from '../../../../domain/exchange/row-validation.ts';
import {
  LISTING_STATUS_LABELS,
  LISTING_STATUSES,
  type DealSettings,
  type ListingStatus,
} from '../../../../domain/deals/deal-fields.ts';
import { DEAL_STAGE_LABELS, DEAL_STAGES, type DealStage } from '../../../../domain/deals/deal-stages.ts';
import { dealPolicy } from '../../../policies/deal.policy.ts';
import { DEAL_MESSAGES } from '../../deals/deals.messages.ts';
import { ENTERPRISE_MESSAGES } from '../../enterprises/enterprises.messages.ts';
import type { MessageEntry } from '../../feature.ts';
import type { ActorContext } from '../../session/actor.ts';
import type { PreparedRow } from '../read/ledger-parse.ts';
import type { UnitRef } from '../run/check-pass.ts';

/**
 * One row of a deal ledger read on its own, against the county's lists (GET /deal-settings), its units and
 * its teams: each cell's value as a deal stores it, or a problem at the cell in Chinese and English. What
 * the row does to a stored deal, and what its stage needs, is the checker's (deal-check.ts).
 */
export type DealField = DealLedgerField | Extract<LedgerField, 'name' | 'creditCode' | 'leadUnit' | 'patronLeader'>;

export interface DealRowContext {
  settings: DealSettings;
  plans: readonly ColumnPlan[];
  target: UnitRef;
  actor: ActorContext;
  /** Units of the target's subtree by name (a lead unit is one of them). */
  unitsByName: ReadonlyMap<string, readonly UnitRef[]>;
  /** Teams by name. */
  teams: ReadonlyMap<string, number>;
}

/** A row's cells as a deal stores them; undefined where the cell is empty (or wrong, its problem reported). */
export interface DealRowFacts {
  name?: string;
  investorName?: string;
  creditCode?: string;
  listing?: ListingStatus;
  hqRegion?: string;
  sourceRegion?: string;
  chainKey?: string;
  linkKey?: string;
  kind?: string;
  /** 元. */
  intendedYuan?: number;
  /** The lead unit: the one named, else the unit imported into. */
  unit?: UnitRef;
  teamId?: number;
  patronLeader?: string;
  stage?: DealStage;
  signedOn?: string;
  /** 元. */
  signedYuan?: number;
  note?: string;
}

/** A problem at a field's cell (the name's when the field has no column), in both languages. */
export const problemAt = (plans: readonly ColumnPlan[], field: DealField, row: number, zh: string, en: string) => ({
  ...cellOf(field, row, plans),
  message: zh,
  en,
});

/** A platform message of the registry or of deals, in both languages, its {params} filled. */
export function bilingual(entry: MessageEntry, params: Record<string, string | number> = {}) {
  const fill = (text: string) => text.replace(/\{(\w+)\}/g, (_, k: string) => String(params[k] ?? ''));
  return { zh: fill(entry['zh-CN']), en: fill(entry.en) };
}

const STAGE_CHOICES = {
  zh: DEAL_STAGES.map((s) => DEAL_STAGE_LABELS[s]['zh-CN']).join('、'),
  en: DEAL_STAGES.map((s) => `${DEAL_STAGE_LABELS[s]['zh-CN']} (${DEAL_STAGE_LABELS[s].en})`).join(', '),
};
const LISTING_CHOICES = {
  zh: LISTING_STATUSES.map((s) => LISTING_STATUS_LABELS[s]['zh-CN']).join('、'),
  en: LISTING_STATUSES.map((s) => `${LISTING_STATUS_LABELS[s]['zh-CN']} (${LISTING_STATUS_LABELS[s].en})`).join(', '),
};

export function readDealRow(r: PreparedRow, c: DealRowContext): { facts: DealRowFacts; errors: RowError[] } {
  const errors: RowError[] = [];
  const facts: DealRowFacts = {};
  const at = (field: DealField, zh: string, en: string) => errors.push(problemAt(c.plans, field, r.row, zh, en));
  const text = (f: DealField) => (typeof r.values[f] === 'string' ? (r.values[f] as string) : undefined);
  const amount = (f: DealField) => (typeof r.values[f] === 'number' ? (r.values[f] as number) : undefined);
  const mapped = (f: DealField) => c.plans.some((p) => p.column.field === f);
  /** Whether the cell's own parse already named a problem there. */
  const refused = (f: DealField) => mapped(f) && r.errors.some((e) => e.cell === cellOf(f, r.row, c.plans).cell);

  facts.name = text('name');
  if (!facts.name && !refused('name')) {
    if (mapped('name')) at('name', '须填写项目名称', 'Enter the project name');
    else
      at(
        'name',
        '台账中没有“项目名称”列，请在列对应中指定',
        'The ledger has no 项目名称 column: choose it in the mapping',
      );
  }

  facts.investorName = text('investorName');
  const rawCode = text('creditCode');
  if (rawCode) {
    const code = normaliseCreditCode(rawCode);
    const problem = creditCodeProblem(code);
    if (problem) {
      const m = bilingual(ENTERPRISE_MESSAGES[`CREDIT_CODE_${problem}`], { code, length: code.length });
      at('creditCode', m.zh, m.en);
    } else facts.creditCode = code;
  }

  const listing = text('investorListing');
  if (listing) {
    const found = listingOfWord(listing);
    if (found) facts.listing = found;
    else
      at(
        'investorListing',
        `“${listing}”不是可选的上市情况，应为 ${LISTING_CHOICES.zh} 之一`,
        `"${listing}" is not a listing: write one of ${LISTING_CHOICES.en}`,
      );
  }
  facts.hqRegion = text('investorHqRegion');

  const { sourceRegions, kinds, chains } = c.settings;
  const region = text('sourceRegion');
  if (region) {
    const found = optionOfWord(sourceRegions, region);
    if (found) facts.sourceRegion = found.key;
    else
      at(
        'sourceRegion',
        `“${region}”不是本县的来源地区，应为 ${choicesOf(sourceRegions)} 之一`,
        `"${region}" is not one of the county's source regions: ${choicesOf(sourceRegions, 'en')}`,
      );
  }
  const kind = text('dealKind');
  if (kind) {
    const found = optionOfWord(kinds, kind);
    if (found) facts.kind = found.key;
    else
      at(
        'dealKind',
        `“${kind}”不是本县的招商项目类别，应为 ${choicesOf(kinds)} 之一`,
        `"${kind}" is not one of the county's kinds of deal: ${choicesOf(kinds, 'en')}`,
      );
  }

  const chainWord = text('chain');
  const linkWord = text('chainLink');
  const chain = chainWord ? optionOfWord(chains, chainWord) : null;
  if (chainWord && !chain)
    at(
      'chain',
      `“${chainWord}”不是本县的产业链，应为 ${choicesOf(chains)} 之一`,
      `"${chainWord}" is not one of the county's chains: ${choicesOf(chains, 'en')}`,
    );
  if (chain) facts.chainKey = chain.key;
  if (linkWord && !chainWord && !refused('chain')) {
    const m = bilingual(DEAL_MESSAGES.DEAL_LINK_WITHOUT_CHAIN);
    at('chainLink', m.zh, m.en);
  } else if (linkWord && chain) {
    const link = optionOfWord(chain.links, linkWord);
    if (link) facts.linkKey = link.key;
    else
      at(
        'chainLink',
        `“${linkWord}”不是产业链“${chain.label['zh-CN']}”的环节${chain.links.length ? `，应为 ${choicesOf(chain.links)} 之一` : '（该产业链尚无环节）'}`,
        `"${linkWord}" is not a link of the chain ${chain.label.en}${chain.links.length ? `: ${choicesOf(chain.links, 'en')}` : ' (it has no links yet)'}`,
      );
  }

  facts.intendedYuan = amount('intendedInvestmentWan');
  facts.signedYuan = amount('signedAmountWan');
  facts.signedOn = text('signedOn');
  facts.patronLeader = text('patronLeader');
  facts.note = text('dealNote');

  const unitName = text('leadUnit');
  if (!unitName) facts.unit = c.target;
  else {
    const found = c.unitsByName.get(unitName) ?? [];
    if (found.length === 1 && dealPolicy.canCreateFor(c.actor, found[0]!)) facts.unit = found[0];
    else if (found.length === 1)
      at('leadUnit', `您不能为“${unitName}”导入招商项目`, `You may not import deals led by "${unitName}"`);
    else if (found.length > 1)
      at(
        'leadUnit',
        `有 ${found.length} 个单位名为“${unitName}”，无法确定`,
        `${found.length} units are named "${unitName}": which one is meant cannot be told`,
      );
    else
      at(
        'leadUnit',
        `“${unitName}”不是“${c.target.name}”或其下级单位`,
        `"${unitName}" is not ${c.target.name} or a unit below it`,
      );
  }

  const team = text('dealTeam');
  if (team) {
    const id = c.teams.get(team);
    if (id !== undefined) facts.teamId = id;
    else at('dealTeam', `没有名为“${team}”的招商小分队`, `There is no team named "${team}"`);
  }

  const stage = text('dealStage');
  if (stage) {
    const found = dealStageOfWord(stage);
    if (found) facts.stage = found;
    else
      at(
        'dealStage',
        `“${stage}”不是可选的阶段，应为 ${STAGE_CHOICES.zh} 之一`,
        `"${stage}" is not a stage: write one of ${STAGE_CHOICES.en}`,
      );
  }
  return { facts, errors };
}
