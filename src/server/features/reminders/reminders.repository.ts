import type { Kysely } from 'kysely';
import { OPEN_TICKET_STATES } from '../../../domain/tickets/ticket-flow.ts';
import { claimJobRun, finishJobRun } from '../../db/job-runs.ts';
import type { DB } from '../../db/schema.ts';

export function createReminderRepository(db: Kysely<DB>) {
  return {
    /** Claims a reminder's key: true for the one writer that gets it, false when it was written before. */
    async claim(ex: Kysely<DB>, key: string, at: string) {
      const res = await ex
        .insertInto('reminder_keys')
        .values({ key, created_at: at })
        .onConflict((oc) => oc.column('key').doNothing())
        .executeTakeFirst();
      return Number(res.numInsertedOrUpdatedRows ?? 0) === 1;
    },

    /** The day's run of the job: the run key's primary key lets only the first server do it. */
    startRun: (key: string, at: string) => claimJobRun(db, key, at),
    finishRun: (key: string, at: string, result: string) => finishJobRun(db, key, at, result),

    /** Licences ending on or before `until` (expired ones included), with their enterprise. */
    licencesEndingBy: (until: string) =>
      db
        .selectFrom('licences')
        .innerJoin('enterprises', 'enterprises.id', 'licences.enterprise_id')
        .select([
          'licences.id',
          'licences.type',
          'licences.number',
          'licences.valid_to',
          'enterprises.id as enterprise_id',
          'enterprises.name as enterprise_name',
          'enterprises.unit_path',
        ])
        .where('licences.valid_to', '<=', until)
        .orderBy('licences.id')
        .execute(),

    /** Active enterprise accounts of these enterprises. */
    enterpriseAccounts: (enterpriseIds: readonly number[], ex: Kysely<DB> = db) =>
      enterpriseIds.length
        ? ex
            .selectFrom('users')
            .select(['id', 'enterprise_id'])
            .where('role', '=', 'enterprise')
            .where('is_active', '=', 1)
            .where('enterprise_id', 'in', enterpriseIds)
            .execute()
        : Promise.resolve([]),

    /** The project office: active coordinators. */
    coordinators: (ex: Kysely<DB> = db) =>
      ex
        .selectFrom('users')
        .select('id')
        .where('role', '=', 'coordinator')
        .where('is_active', '=', 1)
        .execute()
        .then((rows) => rows.map((r) => r.id)),

    /** Open tickets whose earliest running deadline is on or before `until`, with where they are handled. */
    ticketsDueBy: (until: string) =>
      db
        .selectFrom('tickets')
        .innerJoin('enterprises', 'enterprises.id', 'tickets.enterprise_id')
        .leftJoin('units as hu', 'hu.id', 'tickets.handling_unit_id')
        .select([
          'tickets.id',
          'tickets.title',
          'tickets.state',
          'tickets.next_due_at',
          'enterprises.name as enterprise_name',
          'hu.path as handling_path',
        ])
        .where('tickets.state', 'in', OPEN_TICKET_STATES)
        .where('tickets.next_due_at', '<=', until)
        .orderBy('tickets.id')
        .execute(),

    people: (ids: readonly number[]) =>
      ids.length
        ? db
            .selectFrom('users')
            .leftJoin('notification_settings as ns', 'ns.user_id', 'users.id')
            .select(['users.id', 'users.display_name', 'ns.email', 'ns.events_json'])
            .where('users.id', 'in', ids)
            .execute()
        : Promise.resolve([]),

    settingsOf: (userId: number) =>
      db.selectFrom('notification_settings').selectAll().where('user_id', '=', userId).executeTakeFirst(),

    putSettings: (row: { user_id: number; email: string | null; events_json: string; updated_at: string }) =>
      db
        .insertInto('notification_settings')
        .values(row)
        .onConflict((oc) =>
          oc
            .column('user_id')
            .doUpdateSet({ email: row.email, events_json: row.events_json, updated_at: row.updated_at }),
        )
        .execute(),

    recordDelivery: (row: {
      channel: string;
      event: string;
      key: string;
      recipient_user_id: number;
      ok: number;
      attempts: number;
      status: number | null;
      error: string | null;
      at: string;
    }) => db.insertInto('notification_deliveries').values(row).execute(),

    async deliveries(page: number, pageSize: number) {
      const [items, count] = await Promise.all([
        db
          .selectFrom('notification_deliveries as d')
          .leftJoin('users', 'users.id', 'd.recipient_user_id')
          .selectAll('d')
          .select('users.display_name as recipient_name')
          .orderBy('d.id', 'desc')
          .limit(pageSize)
          .offset((page - 1) * pageSize)
          .execute(),
        db
          .selectFrom('notification_deliveries')
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .executeTakeFirstOrThrow(),
      ]);
      return { items, total: Number(count.n) };
    },
  };
}

export type ReminderRepository = ReturnType<typeof createReminderRepository>;
