import { sql, type Insertable, type Kysely, type SelectQueryBuilder, type SqlBool, type Updateable } from 'kysely';
import { OPEN_TICKET_STATES } from '../../../domain/tickets/ticket-flow.ts';
import type { DB } from '../../db/schema.ts';
import { subtreeRange } from '../../db/fragments.ts';
import type { EnterpriseScope } from '../../policies/enterprise.policy.ts';
import type { TicketAttachmentTable, TicketEventTable, TicketTable } from './tickets.tables.ts';

type TicketQuery = SelectQueryBuilder<DB, 'tickets', object>;

/**
 * Restricts a ticket query to what a scope reaches: a unit's subtree holds the tickets it handles (or whose
 * enterprise it registers, before assignment) and those it co-handles; an enterprise account its own.
 */
export function inTicketScope<Q extends TicketQuery>(q: Q, scope: EnterpriseScope): Q {
  switch (scope.kind) {
    case 'all':
      return q;
    case 'subtree': {
      const [lo, hi] = subtreeRange(scope.path);
      return q.where((eb) =>
        eb.or([
          eb.and([eb('tickets.unit_path', '>=', lo), eb('tickets.unit_path', '<', hi)]),
          eb.exists(
            eb
              .selectFrom('ticket_co_units as tc')
              .innerJoin('units as cu', 'cu.id', 'tc.unit_id')
              .select('tc.unit_id')
              .whereRef('tc.ticket_id', '=', 'tickets.id')
              .where('cu.path', '>=', lo)
              .where('cu.path', '<', hi),
          ),
        ]),
      ) as Q;
    }
    case 'enterprise':
      return q.where('tickets.enterprise_id', '=', scope.enterpriseId) as Q;
    case 'none':
      return q.where(sql<SqlBool>`1 = 0`) as Q;
  }
}

export interface TicketFilters {
  states?: readonly string[];
  unitPath?: string;
  category?: string;
  enterpriseId?: number;
  /** Past a running deadline at this instant. */
  overdueAt?: string;
  colour?: string;
}

/** Whose next step an inbox lists: the office's, a handler's, one raiser's or one enterprise's, escalations. */
export interface WaitingFor {
  office?: boolean;
  handler?: boolean;
  raiserId?: number;
  enterpriseId?: number;
  escalated?: boolean;
}

export type NewTicketRow = Insertable<TicketTable>;
export type TicketPatch = Updateable<TicketTable>;

export function createTicketRepository(db: Kysely<DB>) {
  const withNames = (ex: Kysely<DB>) =>
    ex
      .selectFrom('tickets')
      .innerJoin('enterprises', 'enterprises.id', 'tickets.enterprise_id')
      .innerJoin('users as raiser', 'raiser.id', 'tickets.raised_by')
      .leftJoin('projects', 'projects.id', 'tickets.project_id')
      .leftJoin('units as hu', 'hu.id', 'tickets.handling_unit_id')
      .leftJoin('units as eu', 'eu.id', 'tickets.escalated_unit_id')
      .selectAll('tickets')
      .select([
        'enterprises.name as enterprise_name',
        'enterprises.unit_path as enterprise_path',
        'raiser.display_name as raiser_name',
        'projects.name as project_name',
        'projects.patron_leader as patron_leader',
        'hu.name as handling_unit_name',
        'hu.path as handling_unit_path',
        'hu.parent_id as handling_parent_id',
        'eu.name as escalated_unit_name',
      ]);

  function filtered(scope: EnterpriseScope, f: TicketFilters, ex: Kysely<DB> = db) {
    let q = inTicketScope(withNames(ex), scope);
    if (f.states) q = q.where('tickets.state', 'in', f.states);
    if (f.unitPath) {
      const [lo, hi] = subtreeRange(f.unitPath);
      q = q.where('tickets.unit_path', '>=', lo).where('tickets.unit_path', '<', hi);
    }
    if (f.category) q = q.where('tickets.category', '=', f.category);
    if (f.enterpriseId) q = q.where('tickets.enterprise_id', '=', f.enterpriseId);
    if (f.overdueAt) q = q.where('tickets.next_due_at', '<', f.overdueAt);
    if (f.colour) q = q.where('tickets.light', '=', f.colour);
    return q;
  }

  return {
    async list(scope: EnterpriseScope, f: TicketFilters, page: number, pageSize: number) {
      const [items, count] = await Promise.all([
        filtered(scope, f)
          // The most pressing first: the earliest running deadline, then the newest without one.
          .orderBy(sql`case when tickets.next_due_at is null then 1 else 0 end`)
          .orderBy('tickets.next_due_at')
          .orderBy('tickets.id', 'desc')
          .limit(pageSize)
          .offset((page - 1) * pageSize)
          .execute(),
        filtered(scope, f)
          .clearSelect()
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .executeTakeFirstOrThrow(),
      ]);
      return { items, total: Number(count.n) };
    },

    findById: (id: number, ex: Kysely<DB> = db) => withNames(ex).where('tickets.id', '=', id).executeTakeFirst(),

    insert: (ex: Kysely<DB>, row: NewTicketRow) =>
      ex.insertInto('tickets').values(row).returning('id').executeTakeFirstOrThrow(),

    /** Applies a step's changes if nobody took one since `version`; false when someone did. */
    async update(ex: Kysely<DB>, id: number, version: number, patch: TicketPatch) {
      const res = await ex
        .updateTable('tickets')
        .set({ ...patch, version: version + 1 })
        .where('id', '=', id)
        .where('version', '=', version)
        .executeTakeFirst();
      return Number(res.numUpdatedRows) === 1;
    },

    addEvent: (ex: Kysely<DB>, row: Insertable<TicketEventTable>) =>
      ex.insertInto('ticket_events').values(row).execute(),

    events: (ticketId: number, withInternal: boolean, ex: Kysely<DB> = db) =>
      ex
        .selectFrom('ticket_events')
        .selectAll()
        .where('ticket_id', '=', ticketId)
        .$if(!withInternal, (q) => q.where('internal', '=', 0))
        .orderBy('id')
        .execute(),

    attachments: (ticketId: number, ex: Kysely<DB> = db) =>
      ex
        .selectFrom('ticket_attachments')
        .select(['id', 'file_name', 'content_type', 'bytes', 'created_at'])
        .where('ticket_id', '=', ticketId)
        .orderBy('id')
        .execute(),

    attachmentFile: (id: number, ex: Kysely<DB> = db) =>
      ex.selectFrom('ticket_attachments').selectAll().where('id', '=', id).executeTakeFirst(),

    insertAttachment: (ex: Kysely<DB>, row: Insertable<TicketAttachmentTable>) =>
      ex.insertInto('ticket_attachments').values(row).returning('id').executeTakeFirstOrThrow(),

    coUnits: (ticketId: number, ex: Kysely<DB> = db) =>
      ex
        .selectFrom('ticket_co_units')
        .innerJoin('units', 'units.id', 'ticket_co_units.unit_id')
        .select(['units.id', 'units.name', 'units.path'])
        .where('ticket_co_units.ticket_id', '=', ticketId)
        .orderBy('units.id')
        .execute(),

    async setCoUnits(ex: Kysely<DB>, ticketId: number, unitIds: readonly number[]) {
      await ex.deleteFrom('ticket_co_units').where('ticket_id', '=', ticketId).execute();
      if (unitIds.length)
        await ex
          .insertInto('ticket_co_units')
          .values(unitIds.map((unit_id) => ({ ticket_id: ticketId, unit_id })))
          .execute();
    },

    /**
     * Tickets waiting for someone to take their next step, in scope: `waiting` says which (the office's to
     * accept, assign and decide extensions; a handler's to answer; a raiser's to rate), the most pressing first.
     */
    async waiting(scope: EnterpriseScope, waiting: WaitingFor, limit: number) {
      const q = () =>
        inTicketScope(withNames(db), scope).where((eb) => {
          const arms = [];
          if (waiting.office)
            arms.push(
              eb('tickets.state', 'in', ['raised', 'accepted']),
              eb.and([eb('tickets.state', '=', 'handling'), eb('tickets.extension_state', '=', 'asked')]),
            );
          if (waiting.handler) arms.push(eb('tickets.state', '=', 'handling'));
          if (waiting.raiserId !== undefined)
            arms.push(eb.and([eb('tickets.state', '=', 'answered'), eb('tickets.raised_by', '=', waiting.raiserId)]));
          if (waiting.enterpriseId !== undefined)
            arms.push(
              eb.and([eb('tickets.state', '=', 'answered'), eb('tickets.enterprise_id', '=', waiting.enterpriseId)]),
            );
          if (waiting.escalated)
            arms.push(
              eb.and([eb('tickets.state', 'in', OPEN_TICKET_STATES), eb('tickets.escalated_at', 'is not', null)]),
            );
          return arms.length ? eb.or(arms) : sql<SqlBool>`1 = 0`;
        });
      const [items, count] = await Promise.all([
        q()
          .orderBy(sql`case when tickets.next_due_at is null then 1 else 0 end`)
          .orderBy('tickets.next_due_at')
          .orderBy('tickets.id')
          .limit(limit)
          .execute(),
        q()
          .clearSelect()
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .executeTakeFirstOrThrow(),
      ]);
      return { items, total: Number(count.n) };
    },

    /** The figures of the board's head and the dashboard card, in scope. */
    async summary(scope: EnterpriseScope, now: string, monthStart: string) {
      const row = await inTicketScope(db.selectFrom('tickets'), scope)
        .select((eb) => {
          const count = (cond: ReturnType<typeof eb.and>) =>
            eb.fn.sum<number>(eb.case().when(cond).then(1).else(0).end());
          const open = eb('tickets.state', 'in', OPEN_TICKET_STATES);
          return [
            count(eb.and([open])).as('open'),
            count(eb.and([open, eb('tickets.next_due_at', '<', now)])).as('overdue'),
            count(eb.and([open, eb('tickets.escalated_at', 'is not', null)])).as('escalated'),
            count(eb.and([eb('tickets.state', '=', 'closed'), eb('tickets.closed_at', '>=', monthStart)])).as(
              'closed_this_month',
            ),
            count(eb.and([eb('tickets.rating', 'is not', null)])).as('rated'),
            count(eb.and([eb('tickets.rating', 'in', ['satisfied', 'fair'])])).as('satisfied'),
          ];
        })
        .executeTakeFirstOrThrow();
      const n = (v: unknown) => Number(v ?? 0);
      return {
        open: n(row.open),
        overdue: n(row.overdue),
        escalated: n(row.escalated),
        closedThisMonth: n(row.closed_this_month),
        rated: n(row.rated),
        satisfied: n(row.satisfied),
      };
    },

    /** Open tickets after `afterId`, in id order, with what their light is computed from: the cutoff's batches. */
    openAfter: (afterId: number, limit: number, ex: Kysely<DB> = db) =>
      ex
        .selectFrom('tickets')
        .leftJoin('units as hu', 'hu.id', 'tickets.handling_unit_id')
        .leftJoin('enterprises', 'enterprises.id', 'tickets.enterprise_id')
        .select([
          'tickets.id',
          'tickets.project_id',
          'tickets.accept_due_at',
          'tickets.interim_due_at',
          'tickets.close_due_at',
          'tickets.revisit_due_at',
          'tickets.escalated_at',
          'tickets.next_due_at',
          'tickets.due_date',
          'tickets.light',
          'tickets.version',
          'hu.parent_id as handling_parent_id',
          'enterprises.township_unit_id',
        ])
        .where('tickets.state', 'in', OPEN_TICKET_STATES)
        .where('tickets.id', '>', afterId)
        .orderBy('tickets.id')
        .limit(limit)
        .execute(),

    /** The unit above a unit (its parent), for escalation; null at the top. */
    parentOf: (unitId: number, ex: Kysely<DB> = db) =>
      ex
        .selectFrom('units as u')
        .innerJoin('units as p', 'p.id', 'u.parent_id')
        .select(['p.id', 'p.name'])
        .where('u.id', '=', unitId)
        .executeTakeFirst(),

    projectOf: (projectId: number, ex: Kysely<DB> = db) =>
      ex
        .selectFrom('projects')
        .select(['id', 'name', 'enterprise_id', 'patron_leader'])
        .where('id', '=', projectId)
        .executeTakeFirst(),

    enterpriseOf: (enterpriseId: number, ex: Kysely<DB> = db) =>
      ex
        .selectFrom('enterprises')
        .select(['id', 'name', 'unit_path', 'township_unit_id'])
        .where('id', '=', enterpriseId)
        .executeTakeFirst(),
  };
}

export type TicketRepository = ReturnType<typeof createTicketRepository>;
export type TicketRow = NonNullable<Awaited<ReturnType<TicketRepository['findById']>>>;
