import {
  sql,
  type Expression,
  type ExpressionBuilder,
  type Insertable,
  type Kysely,
  type RawBuilder,
  type SelectQueryBuilder,
  type SqlBool,
  type Updateable,
} from 'kysely';
import { OPEN_TICKET_STATES } from '../../../domain/tickets/ticket-flow.ts';
import { chunks, perStatement } from '../../db/bulk-insert.ts';
import type { DB } from '../../db/schema.ts';
import { subtreeRange } from '../../db/fragments.ts';
import type { EnterpriseScope } from '../../policies/enterprise.policy.ts';
import type { TicketAttachmentTable, TicketEventTable, TicketTable } from './tickets.tables.ts';

type TicketQuery = SelectQueryBuilder<DB, 'tickets', object>;

type TicketCondition = (eb: ExpressionBuilder<DB, 'tickets'>) => Expression<SqlBool>;

/**
 * What a person reaches of the tickets: their scope, and in a unit's subtree the tickets they raised
 * themselves wherever those went (a township's editor raises one for an enterprise, the office assigns it to
 * a county department: the editor still follows it, and rates the answer).
 */
export type TicketScope = EnterpriseScope & {
  /** The person, and the states in which their own tickets come beyond their scope (all when omitted). */
  raisedBy?: { id: number; states?: readonly string[] };
};

/**
 * The parts of a scope, disjoint: a unit's subtree is the tickets living in it, then those only a co-unit in
 * it brings, then those only having raised them brings.
 */
function scopeParts(ex: Kysely<DB>, scope: TicketScope): ((q: TicketQuery) => TicketQuery)[] {
  switch (scope.kind) {
    case 'all':
      return [(q) => q];
    case 'subtree': {
      const [lo, hi] = subtreeRange(scope.path);
      const inSubtree: TicketCondition = (eb) =>
        eb.and([eb('tickets.unit_path', '>=', lo), eb('tickets.unit_path', '<', hi)]);
      const coHandled = ex
        .selectFrom('ticket_co_units as tc')
        .innerJoin('units as cu', 'cu.id', 'tc.unit_id')
        .select('tc.ticket_id')
        .where('cu.path', '>=', lo)
        .where('cu.path', '<', hi);
      const parts = [
        (q: TicketQuery) => q.where(inSubtree),
        (q: TicketQuery) => q.where('tickets.id', 'in', coHandled).where((eb) => eb.not(inSubtree(eb))),
      ];
      const raiser = scope.raisedBy;
      if (raiser)
        parts.push((q) => {
          const own = q
            .where('tickets.raised_by', '=', raiser.id)
            .where((eb) => eb.not(inSubtree(eb)))
            .where('tickets.id', 'not in', coHandled);
          return raiser.states ? own.where('tickets.state', 'in', raiser.states) : own;
        });
      return parts;
    }
    case 'enterprise':
      return [(q) => q.where('tickets.enterprise_id', '=', scope.enterpriseId)];
    case 'none':
      return [(q) => q.where(sql<SqlBool>`1 = 0`)];
  }
}

/**
 * The tickets a scope reaches that one of `keeps` keeps (each adds its filters and selects the columns; they
 * must be disjoint, or a ticket kept by two comes twice), as one set of rows. A unit's subtree holds the
 * tickets it handles (or whose enterprise it registers, before assignment) and those it co-handles; an
 * enterprise account its own enterprise's. Each part of the scope and each keep is a SELECT of its own,
 * joined by UNION ALL, so that each reads one range of an index: as one WHERE, with the co-units in an OR
 * EXISTS, both databases read every ticket of the county for one township's inbox (half a second at 100,000).
 *
 *   scopedTickets(db, { kind: 'subtree', path: '/1/4/' }, [(q) => q.where('tickets.state', '=', 'handling').select('tickets.id')])
 *   → select id from tickets where (unit_path >= '/1/4/' and unit_path < '/1/40') and state = 'handling'
 *     union all
 *     select id from tickets where id in (select tc.ticket_id from ticket_co_units tc join units cu … path in the range)
 *       and not (unit_path >= '/1/4/' and unit_path < '/1/40') and state = 'handling'
 */
function scopedTickets<O>(
  ex: Kysely<DB>,
  scope: TicketScope,
  keeps: readonly ((q: TicketQuery) => SelectQueryBuilder<DB, 'tickets', O>)[],
) {
  const parts = scopeParts(ex, scope).flatMap((within) => keeps.map((keep) => keep(within(ex.selectFrom('tickets')))));
  return parts.slice(1).reduce((all, part) => all.unionAll(part), parts[0]!);
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

  /**
   * One page of the tickets in scope that `keep` keeps, the most pressing first (the earliest running
   * deadline, those without one last, then by id), with their names, and how many there are in all,
   * counted over `parts`: the same tickets as disjoint parts, each counted from an index alone (PostgreSQL
   * then counts the office's inbox from three index ranges instead of a whole index; a page, though, is
   * found fastest by walking the deadlines in order through the one condition). The page is chosen among
   * the tickets alone and the names joined to its rows only: joined first, every candidate was joined to
   * five tables before the sort kept twenty. The joins lose no ticket (each has its enterprise and its
   * raiser), so the count reads the tickets alone too.
   */
  async function pageOf(
    scope: TicketScope,
    keep: (q: TicketQuery) => TicketQuery,
    parts: readonly ((q: TicketQuery) => TicketQuery)[],
    ids: 'asc' | 'desc',
    limit: number,
    offset: number,
  ) {
    const matching = scopedTickets(db, scope, [(q) => keep(q).select(['tickets.id', 'tickets.next_due_at'])]);
    const page = db
      .selectFrom(matching.as('m'))
      .select('m.id')
      .orderBy('m.next_due_at', (o) => o.asc().nullsLast())
      .orderBy('m.id', ids)
      .limit(limit)
      .offset(offset);
    const [items, count] = await Promise.all([
      withNames(db)
        .where('tickets.id', 'in', page)
        .orderBy('tickets.next_due_at', (o) => o.asc().nullsLast())
        .orderBy('tickets.id', ids)
        .execute(),
      countOf(scope, parts).executeTakeFirstOrThrow(),
    ]);
    return { items, total: Number(count.n) };
  }

  /** How many tickets in scope `keeps` keep (disjoint). */
  const countOf = (scope: TicketScope, keeps: readonly ((q: TicketQuery) => TicketQuery)[]) =>
    db
      .selectFrom(
        scopedTickets(
          db,
          scope,
          keeps.map((keep) => (q: TicketQuery) => keep(q).select('tickets.id')),
        ).as('m'),
      )
      .select((eb) => eb.fn.countAll<number>().as('n'));

  const filtersOf = (f: TicketFilters) => (q: TicketQuery) => {
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
  };

  return {
    /** A page of the tickets in scope that the filters keep, the most pressing first, the newest first among equals. */
    list: (scope: TicketScope, f: TicketFilters, page: number, pageSize: number) =>
      pageOf(scope, filtersOf(f), [filtersOf(f)], 'desc', pageSize, (page - 1) * pageSize),

    findById: (id: number, ex: Kysely<DB> = db) => withNames(ex).where('tickets.id', '=', id).executeTakeFirst(),

    insert: (ex: Kysely<DB>, row: NewTicketRow) =>
      ex.insertInto('tickets').values(row).returning('id').executeTakeFirstOrThrow(),

    /** Applies a step's changes if nobody took one since `version`; false when someone did. */
    /**
     * Writes `patch` when the ticket is still at `version`, and moves it to the next one, so that a person who
     * read it before is told (409). The clock's own writes (a light changing at the cutoff, an escalation)
     * keep the version (`bump: false`): a page opened yesterday still takes its step this morning.
     */
    async update(ex: Kysely<DB>, id: number, version: number, patch: TicketPatch, { bump = true } = {}) {
      const res = await ex
        .updateTable('tickets')
        .set({ ...patch, version: bump ? version + 1 : version })
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
    async waiting(scope: TicketScope, waiting: WaitingFor, limit: number) {
      // What waits, state by state: all of a state's tickets (true) or those one of its conditions keeps.
      const byState = new Map<string, TicketCondition[] | true>();
      const add = (state: string, condition?: TicketCondition) => {
        const had = byState.get(state);
        if (had !== true) byState.set(state, condition ? [...(had ?? []), condition] : true);
      };
      if (waiting.office) {
        add('raised');
        add('accepted');
        add('handling', (eb) => eb('tickets.extension_state', '=', 'asked'));
      }
      if (waiting.handler) add('handling');
      if (waiting.raiserId !== undefined) add('answered', (eb) => eb('tickets.raised_by', '=', waiting.raiserId!));
      if (waiting.enterpriseId !== undefined)
        add('answered', (eb) => eb('tickets.enterprise_id', '=', waiting.enterpriseId!));
      if (waiting.escalated)
        for (const state of OPEN_TICKET_STATES) add(state, (eb) => eb('tickets.escalated_at', 'is not', null));
      const inStates = [...byState].map(
        ([state, conditions]): TicketCondition =>
          (eb) =>
            conditions === true
              ? eb('tickets.state', '=', state)
              : eb.and([eb('tickets.state', '=', state), eb.or(conditions.map((c) => c(eb)))]),
      );
      if (!inStates.length) inStates.push(() => sql<SqlBool>`1 = 0`);
      const keep = (q: TicketQuery) => q.where((eb) => eb.or(inStates.map((c) => c(eb))));
      // Counted state by state where the state leads the index (the county's inbox: three ranges of
      // tickets_state, where the one OR read all of another index); in a subtree the path leads, one range
      // holds every state already, and more parts only repeat the co-units' subquery.
      const parts = scope.kind === 'subtree' ? [keep] : inStates.map((c) => (q: TicketQuery) => q.where(c));
      return pageOf(scope, keep, parts, 'asc', limit, 0);
    },

    /** The figures of the board's head and the dashboard card, in scope. */
    async summary(scope: EnterpriseScope, now: string, monthStart: string) {
      // One count per figure, each through an index: a single pass summing cases read every ticket ever raised.
      const open = (q: TicketQuery) => q.where('tickets.state', 'in', OPEN_TICKET_STATES);
      const row = await db
        .selectNoFrom([
          countOf(scope, [open]).as('open'),
          countOf(scope, [(q) => open(q).where('tickets.next_due_at', '<', now)]).as('overdue'),
          countOf(scope, [(q) => open(q).where('tickets.escalated_at', 'is not', null)]).as('escalated'),
          countOf(scope, [
            (q) => q.where('tickets.state', '=', 'closed').where('tickets.closed_at', '>=', monthStart),
          ]).as('closed_this_month'),
          countOf(scope, [(q) => q.where('tickets.rating', 'is not', null)]).as('rated'),
          countOf(scope, [(q) => q.where('tickets.rating', 'in', ['satisfied', 'fair'])]).as('satisfied'),
        ])
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

    /**
     * Open tickets after `afterId`, in id order, with all the cutoff needs of each: what its light is computed
     * from, and, should it escalate, the unit it escalates from (its handler, or its enterprise's township
     * before assignment), its project's patron leader and what its event and audit record say — so that a
     * batch of 2,000 is one query, not one more per ticket that runs out.
     */
    openForCutoff: (afterId: number, limit: number, ex: Kysely<DB> = db) =>
      ex
        .selectFrom('tickets')
        .innerJoin('enterprises', 'enterprises.id', 'tickets.enterprise_id')
        .leftJoin('projects', 'projects.id', 'tickets.project_id')
        .select([
          'tickets.id',
          'tickets.project_id',
          'tickets.title',
          'tickets.state',
          'tickets.unit_path',
          'tickets.handling_unit_id',
          'tickets.accept_due_at',
          'tickets.interim_due_at',
          'tickets.close_due_at',
          'tickets.revisit_due_at',
          'tickets.escalated_at',
          'tickets.next_due_at',
          'tickets.due_date',
          'tickets.light',
          'tickets.version',
          'enterprises.township_unit_id',
          'projects.patron_leader',
        ])
        .where('tickets.state', 'in', OPEN_TICKET_STATES)
        .where('tickets.id', '>', afterId)
        .orderBy('tickets.id')
        .limit(limit)
        .execute(),

    /** Every unit's parent and name: the cutoff finds the unit above each escalated ticket's in memory. */
    unitParents: (ex: Kysely<DB> = db) => ex.selectFrom('units').select(['id', 'parent_id', 'name']).execute(),

    /**
     * The lights the cutoff recomputed, each written if its ticket is still at the version read (a step
     * taken meanwhile wins), the version kept; the ids written.
     */
    updateLights: (ex: Kysely<DB>, rows: readonly CutoffLight[]) =>
      updateAtVersions(ex, rows, { next_due_at: 'text', due_date: 'text', light: 'text' }),

    /**
     * Escalations at `at`, each written if its ticket is still at the version read and not escalated yet,
     * the version kept (the clock's write: a page opened before still takes its step); the ids written.
     */
    escalateAll: (ex: Kysely<DB>, rows: readonly CutoffEscalation[], at: string) =>
      updateAtVersions(
        ex,
        rows,
        { escalated_unit_id: 'integer', next_due_at: 'text', due_date: 'text', light: 'text' },
        { set: { escalated_at: at, updated_at: at }, where: sql`tickets.escalated_at IS NULL` },
      ),

    /** Events of many tickets, in the order given, in multi-row INSERTs. */
    async addEvents(ex: Kysely<DB>, rows: readonly Insertable<TicketEventTable>[]) {
      if (!rows.length) return;
      for (const part of chunks([...rows], perStatement([...rows])))
        await ex.insertInto('ticket_events').values(part).execute();
    },
  };
}

/** A light recomputed at the cutoff: the ticket, the version it was read at, its three light columns. */
export interface CutoffLight {
  id: number;
  version: number;
  next_due_at: string | null;
  due_date: string | null;
  light: string;
}

/** An escalation at the cutoff: the light columns (red) and the unit it goes to (null: the county). */
export interface CutoffEscalation extends CutoffLight {
  escalated_unit_id: number | null;
}

/** Rows per UPDATE of updateAtVersions: far below both databases' limits on bound parameters. */
const UPDATE_ROWS = 1000;

/**
 * Writes each row's `columns` (and the same `also.set` for all) to the ticket of its id if it is still at
 * the row's version (and `also.where` holds), many rows per statement, the version kept; returns the ids
 * written. One statement for both databases:
 *
 *   WITH v(id, version, light) AS (VALUES (?, ?, ?), (?, ?, ?))
 *   UPDATE tickets SET light = v.light FROM v
 *   WHERE tickets.id = CAST(v.id AS INTEGER) AND tickets.version = CAST(v.version AS INTEGER)
 *   RETURNING tickets.id
 *
 * The CASTs are PostgreSQL's: it reads the parameters of a VALUES list as text. (SQLite names a bare VALUES
 * list's columns column1…, so the names come from the CTE, which both accept.)
 */
async function updateAtVersions<R extends { id: number; version: number }>(
  ex: Kysely<DB>,
  rows: readonly R[],
  columns: Partial<Record<keyof R & string, 'text' | 'integer'>>,
  also: { set?: Record<string, string>; where?: RawBuilder<unknown> } = {},
): Promise<number[]> {
  const names = Object.keys(columns) as (keyof R & string)[];
  const value = (name: string) =>
    columns[name as keyof R & string] === 'integer'
      ? sql`CAST(v.${sql.ref(name)} AS INTEGER)`
      : sql`v.${sql.ref(name)}`;
  const sets = [
    ...names.map((name) => sql`${sql.ref(name)} = ${value(name)}`),
    ...Object.entries(also.set ?? {}).map(([name, v]) => sql`${sql.ref(name)} = ${v}`),
  ];
  const written: number[] = [];
  for (let i = 0; i < rows.length; i += UPDATE_ROWS) {
    const part = rows.slice(i, i + UPDATE_ROWS);
    const tuples = part.map((r) => sql`(${sql.join([r.id, r.version, ...names.map((n) => r[n])])})`);
    const result = await sql<{ id: number }>`
      WITH v(${sql.join(['id', 'version', ...names].map((n) => sql.ref(n)))}) AS (VALUES ${sql.join(tuples)})
      UPDATE tickets SET ${sql.join(sets)} FROM v
      WHERE tickets.id = CAST(v.id AS INTEGER) AND tickets.version = CAST(v.version AS INTEGER)
      ${also.where ? sql`AND ${also.where}` : sql``}
      RETURNING tickets.id`.execute(ex);
    for (const r of result.rows) written.push(Number(r.id));
  }
  return written;
}

export type TicketRepository = ReturnType<typeof createTicketRepository>;
export type TicketRow = NonNullable<Awaited<ReturnType<TicketRepository['findById']>>>;
