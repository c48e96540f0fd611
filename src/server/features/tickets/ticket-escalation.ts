import type { Kysely } from 'kysely';
import { escalationDue } from '../../../domain/tickets/ticket-clocks.ts';
import type { Clock } from '../../clock.ts';
import type { DB } from '../../db/schema.ts';
import type { AuditEventInput, AuditLog } from '../audit/audit.repository.ts';
import type { ActorContext } from '../session/actor.ts';
import { afterOf, isoOf, lightColumns } from './ticket-columns.ts';
import { duesOf } from './tickets.presenter.ts';
import type { TicketRepository, TicketRow } from './tickets.repository.ts';

/** How many open tickets one round of the cutoff reads. */
const CUTOFF_BATCH = 2000;

/** Why the cutoff escalates a ticket, as its event and audit record say. */
const RUN_OUT = '办理时限已到';

/** What an escalation needs of a ticket: a row of findById, or of the cutoff's batch. */
type Escalated = Pick<
  TicketRow,
  | 'id'
  | 'title'
  | 'state'
  | 'unit_path'
  | 'handling_unit_id'
  | 'patron_leader'
  | 'accept_due_at'
  | 'interim_due_at'
  | 'close_due_at'
  | 'revisit_due_at'
>;

/** The unit a ticket escalates to, null above the county. */
type Above = { id: number; name: string } | null;

/**
 * One escalation as it is written, whether by a step or by the cutoff: the ticket's columns, its event and
 * its audit record, all from the ticket, the unit above and the instant.
 */
function escalationOf(t: Escalated, above: Above, why: string, by: ActorContext | null, at: Date, timeZone: string) {
  const dues = duesOf(t);
  const patron = t.patron_leader ? `，报联系领导${t.patron_leader}` : '';
  const to = `升级至${above?.name ?? '县级'}督办${patron}`;
  return {
    columns: { escalated_unit_id: above?.id ?? null, ...lightColumns(dues, true, at, timeZone) },
    event: {
      ticket_id: t.id,
      step: 'escalate',
      actor_id: by?.id ?? null,
      actor_name: by?.displayName ?? '系统',
      at: isoOf(at),
      text: `${why}，${to}`,
      internal: 0,
      data_json: JSON.stringify({
        unitId: above?.id ?? null,
        patronLeader: t.patron_leader ?? null,
        after: afterOf(t.state, t.handling_unit_id, dues, true),
      }),
    },
    audit: {
      actor: by,
      action: 'ticket.escalate',
      objectType: 'ticket',
      objectId: String(t.id),
      unitPath: t.unit_path,
      summary: `涉企问题“${t.title}”${why}，${to}`,
      before: { escalated: false },
      after: { escalated: true, unitId: above?.id ?? null },
      ip: null,
    } satisfies AuditEventInput,
  };
}

/**
 * 升级督办: a ticket escalated to the unit above the one handling it, naming the project's patron leader —
 * at the daily cutoff when a clock has run out, or by a step (the second reopening).
 */
export function createTicketEscalation(deps: {
  db: Kysely<DB>;
  tickets: TicketRepository;
  audit: AuditLog;
  clock: Clock;
  timeZone: string;
}) {
  const { db, tickets, audit, clock, timeZone } = deps;

  /**
   * Escalates a ticket to the unit above the one handling it (or above its enterprise's township before
   * assignment), inside the caller's transaction, as a step; false when someone moved it meanwhile.
   */
  async function escalate(trx: Kysely<DB>, t: TicketRow, why: string, by: ActorContext | null, version: number) {
    const fromUnit = t.handling_unit_id ?? (await tickets.enterpriseOf(t.enterprise_id, trx))!.township_unit_id;
    const above = (await tickets.parentOf(fromUnit, trx)) ?? null;
    const at = clock();
    const e = escalationOf(t, above, why, by, at, timeZone);
    const ok = await tickets.update(
      trx,
      t.id,
      version,
      { ...e.columns, escalated_at: isoOf(at), updated_at: isoOf(at) },
      { bump: false },
    );
    if (!ok) return false;
    await tickets.addEvent(trx, e.event);
    await audit.record(e.audit, trx);
    return true;
  }

  /**
   * The unit above each unit, read once for a cutoff (a county has a few thousand units): one query where
   * each escalation asked two. A unit added since is looked up on its own.
   */
  async function unitsAbove(): Promise<(unitId: number, ex: Kysely<DB>) => Promise<Above>> {
    const units = new Map((await tickets.unitParents()).map((u) => [u.id, u]));
    return async (unitId, ex) => {
      const unit = units.get(unitId);
      if (!unit) return (await tickets.parentOf(unitId, ex)) ?? null;
      const parent = unit.parent_id === null ? undefined : units.get(unit.parent_id);
      return parent ? { id: parent.id, name: parent.name } : null;
    };
  }

  return {
    escalate,

    /**
     * The daily cutoff's ticket part: every open ticket's light recomputed on today's calendar, and each
     * whose clock has run out escalated once. Returns the counts; lights of the projects follow in the
     * project cutoff, which reads the tickets' stored deadlines.
     *
     * Each batch is read once, outside the transaction, and written in a few statements: the lights, the
     * escalations, their events and their audit records. Each write holds only while the ticket is at the
     * version read, so a ticket a person moved in between is left as they left it (its light follows their
     * step; should its clock still have run out, the next cutoff escalates it).
     */
    async cutoff() {
      const now = clock();
      const aboveOf = await unitsAbove();
      let after = 0;
      let open = 0;
      let changed = 0;
      let escalated = 0;
      for (;;) {
        const batch = await tickets.openForCutoff(after, CUTOFF_BATCH);
        if (!batch.length) break;
        open += batch.length;
        after = batch.at(-1)!.id;
        const runOut = new Set(batch.filter((t) => t.escalated_at === null && escalationDue(duesOf(t), isoOf(now))));
        const updates = batch
          .map((t) => ({
            t,
            columns: lightColumns(duesOf(t), t.escalated_at !== null || runOut.has(t), now, timeZone),
          }))
          .filter(({ t, columns }) => columns.light !== t.light || columns.due_date !== t.due_date);
        await db.transaction().execute(async (trx) => {
          const lights = updates.filter(({ t }) => !runOut.has(t));
          await tickets.updateLights(
            trx,
            lights.map(({ t, columns }) => ({ id: t.id, version: t.version, ...columns })),
          );
          const at = clock();
          const planned = [];
          for (const t of runOut) {
            const above = await aboveOf(t.handling_unit_id ?? t.township_unit_id, trx);
            planned.push({ t, ...escalationOf(t, above, RUN_OUT, null, at, timeZone) });
          }
          const rows = planned.map(({ t, columns }) => ({ id: t.id, version: t.version, ...columns }));
          const written = new Set(await tickets.escalateAll(trx, rows, isoOf(at)));
          // In the batch's order, as one escalation after another wrote them.
          const done = planned.filter(({ t }) => written.has(t.id));
          await tickets.addEvents(
            trx,
            done.map((e) => e.event),
          );
          await audit.recordMany(
            done.map((e) => e.audit),
            trx,
          );
          escalated += done.length;
        });
        changed += updates.length;
      }
      return { open, changed, escalated };
    },
  };
}

export type TicketEscalation = ReturnType<typeof createTicketEscalation>;
