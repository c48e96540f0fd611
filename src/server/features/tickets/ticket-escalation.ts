import type { Kysely } from 'kysely';
import { escalationDue } from '../../../domain/tickets/ticket-clocks.ts';
import type { Clock } from '../../clock.ts';
import type { DB } from '../../db/schema.ts';
import type { AuditLog } from '../audit/audit.repository.ts';
import type { ActorContext } from '../session/actor.ts';
import { afterOf, isoOf, lightColumns } from './ticket-columns.ts';
import { duesOf } from './tickets.presenter.ts';
import type { TicketRepository, TicketRow } from './tickets.repository.ts';

/** How many open tickets one round of the cutoff reads. */
const CUTOFF_BATCH = 2000;

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
    const above = await tickets.parentOf(fromUnit, trx);
    const at = clock();
    const dues = duesOf(t);
    const ok = await tickets.update(
      trx,
      t.id,
      version,
      {
        escalated_at: isoOf(at),
        escalated_unit_id: above?.id ?? null,
        ...lightColumns(dues, true, at, timeZone),
        updated_at: isoOf(at),
      },
      { bump: false },
    );
    if (!ok) return false;
    const patron = t.patron_leader ? `，报联系领导${t.patron_leader}` : '';
    const to = `升级至${above?.name ?? '县级'}督办${patron}`;
    await tickets.addEvent(trx, {
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
    });
    await audit.record(
      {
        actor: by,
        action: 'ticket.escalate',
        objectType: 'ticket',
        objectId: String(t.id),
        unitPath: t.unit_path,
        summary: `涉企问题“${t.title}”${why}，${to}`,
        before: { escalated: false },
        after: { escalated: true, unitId: above?.id ?? null },
        ip: null,
      },
      trx,
    );
    return true;
  }

  return {
    escalate,

    /**
     * The daily cutoff's ticket part: every open ticket's light recomputed on today's calendar, and each
     * whose clock has run out escalated once. Returns the counts; lights of the projects follow in the
     * project cutoff, which reads the tickets' stored deadlines.
     */
    async cutoff() {
      const now = clock();
      let after = 0;
      let open = 0;
      let changed = 0;
      let escalated = 0;
      for (;;) {
        const batch = await tickets.openAfter(after, CUTOFF_BATCH);
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
          for (const { t, columns } of updates) {
            if (runOut.has(t)) continue;
            await tickets.update(trx, t.id, t.version, columns, { bump: false });
          }
          for (const t of runOut) {
            const row = (await tickets.findById(t.id, trx))!;
            if (await escalate(trx, row, '办理时限已到', null, row.version)) escalated++;
          }
        });
        changed += updates.length;
      }
      return { open, changed, escalated };
    },
  };
}

export type TicketEscalation = ReturnType<typeof createTicketEscalation>;
