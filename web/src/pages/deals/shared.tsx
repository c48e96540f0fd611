// Pieces shared by the 招商 pages: the stage tag, the light's dot, the lead clock as text, money in 万元, the county's
// lists as select options, who may enter and keep deals, and reading the server's words again after a language switch.
import { useEffect, useMemo, useRef } from 'react';
import { useQuery } from '@tanstack/react-query';
import { Tag, Typography } from 'antd';
import type { DealSettings, DealView } from '../../api-deals';
import { dealSettingsQuery, dealTeamsQuery } from '../../features/deals/queries';
import { useDealsI18n } from '../../i18n-deals';
import { useLightsI18n } from '../../i18n-lights';
import { queryClient } from '../../queries/client';
import { COLOUR_TEXT, LightDot } from '../lights/shared';
import { reachOf, type Role } from '../../../../src/domain/access/roles';
import { formatWan } from '../../../../src/domain/money/money';
import type { DealStage } from '../../../../src/domain/deals/deal-stages';

export const STAGE_COLOURS: Record<DealStage, string> = {
  lead: 'gold',
  assessing: 'cyan',
  negotiating: 'processing',
  signed: 'orange',
  landed: 'success',
  shelved: 'default',
  terminated: 'error',
};

/** The moves that ask for something before they are made (a reason, the contract, the landing date). */
export const MOVES_WITH_FORM: readonly DealStage[] = ['signed', 'landed', 'shelved', 'terminated'];

/** Whether the role enters leads (the server still decides for the unit chosen). */
export const mayEnterDeals = (role: Role) => reachOf(role, 'deal', 'create') !== 'none';
/** Whether the role keeps deals it reads (logs, funds, edits); the server decides for each deal. */
export const mayKeepDeals = (role: Role) => reachOf(role, 'deal', 'update') !== 'none';

/** 线索, 在谈, 签约… in their colours. */
export function DealStageTag({ stage, large = false }: { stage: DealStage; large?: boolean }) {
  const { stage: label } = useDealsI18n();
  return (
    <Tag
      color={STAGE_COLOURS[stage]}
      style={
        large ? { fontSize: 15, padding: '3px 12px', lineHeight: '22px', marginInlineEnd: 0 } : { marginInlineEnd: 0 }
      }
      data-stage={stage}
    >
      {label(stage)}
    </Tag>
  );
}

/** The deal's light: red when a lead clock ran out, yellow when one is near its end. */
export function DealDot({ colour, size = 10 }: { colour: DealView['colour']; size?: number }) {
  const { colour: label } = useLightsI18n();
  return <LightDot colour={colour} size={size} title={label(colour)} />;
}

/** "响应 还剩 1 个工作日" / "跟进 已超期 3 个工作日" in the deal's colour; a dash when no clock runs. */
export function DealClockText({ deal, withKind = true }: { deal: DealView; withKind?: boolean }) {
  const { td } = useDealsI18n();
  const { clock } = deal;
  if (!clock) return <Typography.Text type="secondary">—</Typography.Text>;
  const colour = deal.colour === 'green' ? undefined : COLOUR_TEXT[deal.colour];
  return (
    <span
      title={td('clock.due', { date: clock.due })}
      style={{ color: colour, fontWeight: deal.colour === 'red' ? 500 : undefined }}
      data-testid="deal-clock"
      data-colour={deal.colour}
    >
      {withKind && <span style={{ opacity: 0.75, whiteSpace: 'nowrap' }}>{clock.clockLabel} </span>}
      {/* The text may wrap (English runs longer than a card is wide); the clock's name stays whole. */}
      <span>{clock.text}</span>
    </span>
  );
}

/** An amount of integer 元 as "12,000.00 万元" (the domain's formatWan: the one place that converts). */
export function useWan(): (yuan: number) => string {
  const { td } = useDealsI18n();
  return (yuan) => `${formatWan(yuan)} ${td('unit.wan')}`;
}

/** The amount a deal is counted at: signed once signed, else intended. */
export const dealAmountYuan = (deal: DealView) => deal.signedAmountYuan ?? deal.intendedInvestmentYuan;

/** The county's lists as select options in the current language; empty until they arrive. */
export function useDealOptions() {
  const { option } = useDealsI18n();
  const settings = useQuery(dealSettingsQuery).data ?? null;
  const teams = useQuery(dealTeamsQuery).data?.items ?? null;
  return useMemo(() => {
    const opts = (list: { key: string; label: { 'zh-CN': string; en: string } }[] | undefined) =>
      (list ?? []).map((o) => ({ value: o.key, label: option(o.label) }));
    const s: DealSettings | null = settings;
    return {
      settings: s,
      teams: teams ?? [],
      regions: opts(s?.sourceRegions),
      kinds: opts(s?.kinds),
      chains: (s?.chains ?? []).map((c) => ({ value: c.key, label: option(c.label) })),
      /** The links (环节) of a chain. */
      links: (chainKey: string | null | undefined) => opts(s?.chains.find((c) => c.key === chainKey)?.links),
      teamOptions: (teams ?? []).map((t) => ({ value: t.id, label: t.name })),
    };
  }, [option, settings, teams]);
}

/**
 * The server words the clocks (还剩 1 个工作日), stages and the county's labels in the request's language: after a
 * switch every deal on the page is read again, in the new one.
 */
export function useDealTextsFollowLanguage(): void {
  const { lang } = useDealsI18n();
  const shown = useRef(lang);
  useEffect(() => {
    if (shown.current === lang) return;
    shown.current = lang;
    void queryClient.invalidateQueries({ queryKey: ['deals'] });
  }, [lang]);
}

/** A deal's address. */
export const dealUrl = (deal: Pick<DealView, 'id'>) => `/deals/${deal.id}`;
