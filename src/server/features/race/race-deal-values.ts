import type { Kysely } from 'kysely';
import { endOfLocalDay } from '../../../domain/calendar/local-date.ts';
import type { RecordDeal } from '../../../contract/race.ts';
import {
  addDealTally,
  dealCounts,
  dealFigure,
  dealRecordRole,
  EMPTY_DEAL_TALLY,
  type DealMetric,
  type DealRaceFacts,
  type DealTally,
} from '../../../domain/race/deal-metrics.ts';
import { periodDays } from '../../../domain/race/metrics.ts';
import type { RacePeriod } from '../../../domain/race/period.ts';
import type { DB } from '../../db/schema.ts';

/** What a deal's event says it became: the contract, the landing, the termination, or funds arrived. */
interface EventData {
  signedOn?: string | null;
  signedAmountYuan?: number | null;
  landedOn?: string | null;
  onDate?: string;
  amountYuan?: number;
}

/**
 * The race's deal indicators (签约项目, 签约亿元以上项目, 招商到位资金, 签约项目落地率) per ranked unit, folded from
 * the deals' events up to the period's end (or `asOf`, when earlier): events are never changed, so a past
 * bulletin's figures come from the same fold as the live ranking (src/domain/race/deal-metrics.ts counts).
 * A deal counts for the unit responsible for it (牵头单位).
 */
export function createDealFigures({ db, timeZone }: { db: Kysely<DB>; timeZone: string }) {
  return async function dealFigures(
    period: RacePeriod,
    ownerOf: (path: string) => number | undefined,
    asOf: string | null,
  ) {
    const days = periodDays(period);
    const end = endOfLocalDay(days.to, timeZone);
    const until = asOf !== null && asOf < end ? asOf : end;
    const [events, homes] = await Promise.all([
      db
        .selectFrom('deal_events')
        .select(['deal_id', 'step', 'to_stage', 'on_date', 'data_json'])
        .where('at', '<=', until)
        .where('step', 'in', ['create', 'move', 'funds'])
        .orderBy('deal_id')
        .orderBy('id')
        .execute(),
      db.selectFrom('deals').select(['id', 'unit_path', 'name', 'investor_name']).execute(),
    ]);
    const facts = new Map<number, DealRaceFacts & { funds: { on: string; amountYuan: number }[] }>();
    for (const e of events) {
      const f = facts.get(e.deal_id) ?? {
        signedOn: null,
        signedAmountYuan: null,
        landedOn: null,
        terminatedOn: null,
        funds: [],
      };
      const data = JSON.parse(e.data_json) as EventData;
      if (e.step === 'funds' && data.onDate && typeof data.amountYuan === 'number')
        f.funds.push({ on: data.onDate, amountYuan: data.amountYuan });
      // A deal enters its stage by a move, or, imported from a ledger, by its creation at that stage.
      const entered = e.step === 'move' || e.step === 'create' ? e.to_stage : null;
      if (entered === 'signed') {
        f.signedOn = data.signedOn ?? e.on_date;
        f.signedAmountYuan = data.signedAmountYuan ?? null;
      }
      if (entered === 'landed') f.landedOn = data.landedOn ?? e.on_date;
      if (entered === 'terminated') f.terminatedOn = e.on_date;
      facts.set(e.deal_id, f);
    }
    const homeOf = new Map(homes.map((h) => [h.id, h]));
    const tallies = new Map<number, DealTally>();
    const counted = new Map<number, { dealId: number; f: DealRaceFacts; counts: DealTally }[]>();
    for (const [dealId, f] of facts) {
      const path = homeOf.get(dealId)?.unit_path;
      const unitId = path ? ownerOf(path) : undefined;
      if (unitId === undefined) continue;
      const counts = dealCounts(f, days);
      tallies.set(unitId, addDealTally(tallies.get(unitId) ?? EMPTY_DEAL_TALLY, counts));
      const mine = counted.get(unitId) ?? [];
      mine.push({ dealId, f, counts });
      counted.set(unitId, mine);
    }
    return {
      figure: (metric: DealMetric, unitId: number) => dealFigure(metric, tallies.get(unitId) ?? EMPTY_DEAL_TALLY),
      /** The deals the unit's figure is made of, in id order, each as its events stood then and whether it counts. */
      records: (metric: DealMetric, unitId: number): RecordDeal[] =>
        (counted.get(unitId) ?? []).flatMap(({ dealId, f, counts }) => {
          const role = dealRecordRole(metric, counts);
          if (!role.inBase) return [];
          const home = homeOf.get(dealId);
          return [
            {
              dealId,
              name: home?.name ?? '',
              investorName: home?.investor_name ?? null,
              signedOn: f.signedOn,
              signedAmountYuan: f.signedAmountYuan,
              landedOn: f.landedOn,
              fundsYuan: counts.fundsYuan,
              counted: role.counted,
            },
          ];
        }),
    };
  };
}
