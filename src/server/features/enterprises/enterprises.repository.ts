import { sql, type Insertable, type Kysely, type SelectQueryBuilder, type SqlBool } from 'kysely';
import { OPEN_TICKET_STATES } from '../../../domain/tickets/ticket-flow.ts';
import type { DB } from '../../db/schema.ts';
import { likeSafe, subtreeRange } from '../../db/fragments.ts';
import type { EnterpriseScope } from '../../policies/enterprise.policy.ts';
import type { EnterpriseTable, LicenceTable } from './enterprises.tables.ts';

type EnterpriseQuery = SelectQueryBuilder<DB, 'enterprises', object>;

/** Restricts an enterprise query to what a scope reaches: the township's path, or the account's own. */
export function inEnterpriseScope<Q extends EnterpriseQuery>(q: Q, scope: EnterpriseScope): Q {
  switch (scope.kind) {
    case 'all':
      return q;
    case 'subtree': {
      const [lo, hi] = subtreeRange(scope.path);
      return q.where('enterprises.unit_path', '>=', lo).where('enterprises.unit_path', '<', hi) as Q;
    }
    case 'enterprise':
      return q.where('enterprises.id', '=', scope.enterpriseId) as Q;
    case 'none':
      return q.where(sql<SqlBool>`1 = 0`) as Q;
  }
}

export interface EnterpriseFilters {
  q?: string;
  townshipPath?: string;
  scale?: string;
  flag?: string;
}

export type NewEnterpriseRow = Insertable<EnterpriseTable>;
export type NewLicenceRow = Insertable<LicenceTable>;

export function createEnterpriseRepository(db: Kysely<DB>) {
  const withTownship = (ex: Kysely<DB>) =>
    ex
      .selectFrom('enterprises')
      .innerJoin('units', 'units.id', 'enterprises.township_unit_id')
      .selectAll('enterprises')
      .select('units.name as township_name')
      .select((eb) =>
        eb
          .selectFrom('projects')
          .select(eb.fn.countAll<number>().as('n'))
          .whereRef('projects.enterprise_id', '=', 'enterprises.id')
          .as('project_count'),
      );

  function filtered(scope: EnterpriseScope, f: EnterpriseFilters, ex: Kysely<DB> = db) {
    let q = inEnterpriseScope(withTownship(ex), scope);
    if (f.townshipPath) {
      const [lo, hi] = subtreeRange(f.townshipPath);
      q = q.where('enterprises.unit_path', '>=', lo).where('enterprises.unit_path', '<', hi);
    }
    if (f.scale) q = q.where('enterprises.scale', '=', f.scale);
    if (f.flag) q = q.where('enterprises.flags', 'like', `%,${likeSafe(f.flag)},%`);
    const text = f.q ? likeSafe(f.q) : '';
    if (text)
      q = q.where((eb) =>
        eb.or([
          eb('enterprises.name', 'like', `%${text}%`),
          eb('enterprises.credit_code', 'like', `%${text.toUpperCase()}%`),
        ]),
      );
    return q;
  }

  return {
    async list(scope: EnterpriseScope, f: EnterpriseFilters, page: number, pageSize: number) {
      const base = filtered(scope, f);
      const [items, count] = await Promise.all([
        base
          .orderBy('enterprises.name')
          .orderBy('enterprises.id')
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

    findById: (id: number, ex: Kysely<DB> = db) => withTownship(ex).where('enterprises.id', '=', id).executeTakeFirst(),

    findByCreditCode: (code: string, ex: Kysely<DB> = db) =>
      ex.selectFrom('enterprises').select(['id', 'name']).where('credit_code', '=', code).executeTakeFirst(),

    insert: (ex: Kysely<DB>, row: NewEnterpriseRow) =>
      ex.insertInto('enterprises').values(row).returning('id').executeTakeFirstOrThrow(),

    update: (ex: Kysely<DB>, id: number, patch: Partial<NewEnterpriseRow>) =>
      ex.updateTable('enterprises').set(patch).where('id', '=', id).execute(),

    /**
     * Links the projects whose owner is this enterprise and that are linked to none: by credit code, and by
     * the exact name (its key) where the project records no credit code. Returns how many it linked.
     */
    async linkOwnedProjects(
      ex: Kysely<DB>,
      e: { id: number; credit_code: string | null; name_key: string },
      keyOf: (name: string) => string,
    ) {
      const candidates = await ex
        .selectFrom('projects')
        .select(['id', 'owner_name', 'owner_credit_code'])
        .where('enterprise_id', 'is', null)
        .where((eb) =>
          eb.or([
            ...(e.credit_code ? [eb('owner_credit_code', '=', e.credit_code)] : []),
            eb.and([
              eb.or([eb('owner_credit_code', 'is', null), eb('owner_credit_code', '=', '')]),
              eb('owner_name', 'is not', null),
            ]),
          ]),
        )
        .execute();
      const ids = candidates
        .filter((p) =>
          e.credit_code && p.owner_credit_code === e.credit_code
            ? true
            : !p.owner_credit_code && p.owner_name !== null && keyOf(p.owner_name) === e.name_key,
        )
        .map((p) => p.id);
      if (ids.length) await ex.updateTable('projects').set({ enterprise_id: e.id }).where('id', 'in', ids).execute();
      return ids.length;
    },

    /** The projects it owns, with what its own account follows of them: the light and its open problems. */
    projectsOf: (enterpriseId: number, ex: Kysely<DB> = db) =>
      ex
        .selectFrom('projects')
        .leftJoin('project_lights as pl', 'pl.project_id', 'projects.id')
        .select(['projects.id', 'projects.name', 'projects.stage', 'projects.code', 'projects.total_investment'])
        .select('pl.colour as light')
        .select((eb) =>
          eb
            .selectFrom('tickets')
            .select(eb.fn.countAll<number>().as('n'))
            .whereRef('tickets.project_id', '=', 'projects.id')
            .where('tickets.state', 'in', OPEN_TICKET_STATES)
            .as('open_tickets'),
        )
        .where('projects.enterprise_id', '=', enterpriseId)
        .orderBy('projects.id')
        .limit(200)
        .execute(),

    licencesOf: (enterpriseId: number, ex: Kysely<DB> = db) =>
      ex
        .selectFrom('licences')
        .innerJoin('enterprises', 'enterprises.id', 'licences.enterprise_id')
        .selectAll('licences')
        .select('enterprises.name as enterprise_name')
        .where('licences.enterprise_id', '=', enterpriseId)
        .orderBy('licences.valid_to')
        .orderBy('licences.id')
        .execute(),

    /** Licences in scope ending on or before `until`, soonest first, with the count and how many have expired. */
    async licencesEndingBy(scope: EnterpriseScope, until: string, today: string, page: number, pageSize: number) {
      const base = () =>
        inEnterpriseScope(
          db.selectFrom('enterprises').innerJoin('licences', 'licences.enterprise_id', 'enterprises.id'),
          scope,
        ).where('licences.valid_to', '<=', until);
      const [items, counts] = await Promise.all([
        base()
          .selectAll('licences')
          .select('enterprises.name as enterprise_name')
          .orderBy('licences.valid_to')
          .orderBy('licences.id')
          .limit(pageSize)
          .offset((page - 1) * pageSize)
          .execute(),
        base()
          .select((eb) => [
            eb.fn.countAll<number>().as('n'),
            eb.fn.sum<number>(eb.case().when('licences.valid_to', '<', today).then(1).else(0).end()).as('expired'),
          ])
          .executeTakeFirstOrThrow(),
      ]);
      return { items, total: Number(counts.n), expired: Number(counts.expired ?? 0) };
    },

    findLicence: (id: number, ex: Kysely<DB> = db) =>
      ex
        .selectFrom('licences')
        .innerJoin('enterprises', 'enterprises.id', 'licences.enterprise_id')
        .selectAll('licences')
        .select(['enterprises.name as enterprise_name', 'enterprises.unit_path'])
        .where('licences.id', '=', id)
        .executeTakeFirst(),

    insertLicence: (ex: Kysely<DB>, row: NewLicenceRow) =>
      ex.insertInto('licences').values(row).returning('id').executeTakeFirstOrThrow(),

    updateLicence: (ex: Kysely<DB>, id: number, patch: Partial<NewLicenceRow>) =>
      ex.updateTable('licences').set(patch).where('id', '=', id).execute(),

    deleteLicence: (ex: Kysely<DB>, id: number) => ex.deleteFrom('licences').where('id', '=', id).execute(),
  };
}

export type EnterpriseRepository = ReturnType<typeof createEnterpriseRepository>;
export type EnterpriseRow = NonNullable<Awaited<ReturnType<EnterpriseRepository['findById']>>>;
export type LicenceRow = Awaited<ReturnType<EnterpriseRepository['licencesOf']>>[number];
