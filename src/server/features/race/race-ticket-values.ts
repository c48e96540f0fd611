import type { Kysely } from 'kysely';
import { endOfLocalDay, instantAt } from '../../../domain/calendar/local-date.ts';
import { periodDays } from '../../../domain/race/metrics.ts';
import type { RacePeriod } from '../../../domain/race/period.ts';
import type { RecordTicket } from '../../../contract/race.ts';
import {
  EMPTY_TALLY,
  tallyTicket,
  ticketAt,
  ticketCounts,
  ticketFigure,
  ticketRecordRole,
  type TicketAt,
  type TicketMetric,
  type TicketStepFact,
  type TicketTally,
} from '../../../domain/race/ticket-metrics.ts';
import type { DB } from '../../db/schema.ts';

/** The race's ticket indicators (处置率, 超期件数, 满意率) per ranked unit, read from the tickets' steps. */
export function createTicketFigures({ db, timeZone }: { db: Kysely<DB>; timeZone: string }) {
  /**
   * The tickets' figures per ranked unit, folded from the tickets' steps as they stood at the period's end
   * (or at `asOf`, when earlier): the same fold live and for a past bulletin (src/domain/race/ticket-metrics.ts).
   */
  return async function ticketFigures(
    period: RacePeriod,
    ownerOf: (path: string) => number | undefined,
    asOf: string | null,
  ) {
    const { from, to } = periodDays(period);
    const bounds = { from: instantAt(`${from}T00:00`, timeZone).toISOString(), to: endOfLocalDay(to, timeZone) };
    const until = asOf !== null && asOf < bounds.to ? asOf : bounds.to;
    const [events, units, homes] = await Promise.all([
      db
        .selectFrom('ticket_events')
        .select(['ticket_id', 'at', 'data_json'])
        .where('at', '<=', until)
        .orderBy('ticket_id')
        .orderBy('id')
        .execute(),
      db.selectFrom('units').select(['id', 'path']).execute(),
      db
        .selectFrom('tickets')
        .innerJoin('enterprises', 'enterprises.id', 'tickets.enterprise_id')
        .select(['tickets.id', 'tickets.title', 'enterprises.unit_path', 'enterprises.name as enterprise_name'])
        .execute(),
    ]);
    const pathOfUnit = new Map(units.map((u) => [u.id, u.path]));
    const homeOf = new Map(homes.map((h) => [h.id, h]));
    const tallies = new Map<number, TicketTally>();
    const counted = new Map<number, { ticketId: number; t: TicketAt; counts: TicketTally }[]>();
    const byTicket = new Map<number, TicketStepFact[]>();
    for (const e of events) {
      const data = JSON.parse(e.data_json) as { after?: TicketStepFact['after']; rating?: string };
      const steps = byTicket.get(e.ticket_id) ?? [];
      steps.push({ at: e.at, after: data.after ?? null, rating: data.rating ?? null });
      byTicket.set(e.ticket_id, steps);
    }
    for (const [ticketId, steps] of byTicket) {
      const t = ticketAt(steps, until);
      if (!t) continue;
      const path =
        (t.handlingUnitId !== null ? pathOfUnit.get(t.handlingUnitId) : undefined) ?? homeOf.get(ticketId)?.unit_path;
      const unitId = path ? ownerOf(path) : undefined;
      if (unitId === undefined) continue;
      tallies.set(unitId, tallyTicket(t, bounds, tallies.get(unitId) ?? { ...EMPTY_TALLY }));
      const mine = counted.get(unitId) ?? [];
      mine.push({ ticketId, t, counts: ticketCounts(t, bounds) });
      counted.set(unitId, mine);
    }
    return {
      figure: (metric: TicketMetric, unitId: number) => ticketFigure(metric, tallies.get(unitId) ?? EMPTY_TALLY),
      /** The tickets the unit's figure is made of, by ticket id, each as it stood then and whether it counts. */
      records: (metric: TicketMetric, unitId: number): RecordTicket[] =>
        (counted.get(unitId) ?? []).flatMap(({ ticketId, t, counts }) => {
          const role = ticketRecordRole(metric, counts);
          if (!role.inBase) return [];
          const home = homeOf.get(ticketId);
          return [
            {
              ticketId,
              title: home?.title ?? '',
              enterpriseName: home?.enterprise_name ?? '',
              state: t.state,
              closeDueAt: t.closeDue,
              rating: t.rating,
              counted: role.counted,
            },
          ];
        }),
    };
  };
}
