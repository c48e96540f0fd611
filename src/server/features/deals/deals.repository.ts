import { sql, type Expression, type ExpressionBuilder, type Insertable, type Kysely, type SqlBool } from 'kysely';
import { OPEN_DEAL_STAGES } from '../../../domain/deals/deal-stages.ts';
import type { DB } from '../../db/schema.ts';
import { likeSafe, subtreeRange } from '../../db/fragments.ts';
import type { DealScope } from '../../policies/deal.policy.ts';
import type {
  DealActivityTable,
  DealEventTable,
  DealFundTable,
  DealTable,
  DealTargetTable,
  DealTeamTable,
} from './deals.tables.ts';

type DealCondition = (eb: ExpressionBuilder<DB, 'deals'>) => Expression<SqlBool>;

/** The deals a scope reaches: its unit range, or one of its teams. */
export function inDealScope(scope: DealScope): DealCondition {
  return (eb) => {
    const parts: Expression<SqlBool>[] = [];
    switch (scope.unit.kind) {
      case 'all':
        return sql<SqlBool>`1 = 1`;
      case 'subtree': {
        const [lo, hi] = subtreeRange(scope.unit.path);
        parts.push(eb.and([eb('deals.unit_path', '>=', lo), eb('deals.unit_path', '<', hi)]));
        break;
      }
      default:
        break;
    }
    if (scope.teamIds.length) parts.push(eb('deals.team_id', 'in', [...scope.teamIds]));
    return parts.length ? eb.or(parts) : sql<SqlBool>`1 = 0`;
  };
}

/** The filters of the list, the kanban and the figures (each optional). */
export interface DealFilters {
  stage?: string;
  stages?: readonly string[];
  unitPath?: string;
  teamId?: number;
  sourceRegion?: string;
  chainKey?: string;
  kind?: string;
  light?: string;
  /** The least amount (元) a deal's signed or intended investment reaches. */
  minYuan?: number;
  q?: string;
  createdFrom?: string;
  createdTo?: string;
}

function filtered(f: DealFilters): DealCondition {
  return (eb) => {
    const c: Expression<SqlBool>[] = [];
    if (f.stage) c.push(eb('deals.stage', '=', f.stage));
    if (f.stages) c.push(eb('deals.stage', 'in', [...f.stages]));
    if (f.unitPath) {
      const [lo, hi] = subtreeRange(f.unitPath);
      c.push(eb('deals.unit_path', '>=', lo), eb('deals.unit_path', '<', hi));
    }
    if (f.teamId !== undefined) c.push(eb('deals.team_id', '=', f.teamId));
    if (f.sourceRegion) c.push(eb('deals.source_region', '=', f.sourceRegion));
    if (f.chainKey) c.push(eb('deals.chain_key', '=', f.chainKey));
    if (f.kind) c.push(eb('deals.kind', '=', f.kind));
    if (f.light) c.push(eb('deals.light', '=', f.light));
    if (f.minYuan !== undefined)
      c.push(eb(eb.fn.coalesce('deals.signed_amount', 'deals.intended_investment'), '>=', f.minYuan));
    if (f.createdFrom) c.push(eb('deals.created_on', '>=', f.createdFrom));
    if (f.createdTo) c.push(eb('deals.created_on', '<=', f.createdTo));
    if (f.q) {
      const like = `%${likeSafe(f.q)}%`;
      c.push(eb.or([eb('deals.name', 'like', like), eb('deals.investor_name', 'like', like)]));
    }
    return eb.and(c);
  };
}

export function createDealRepository(db: Kysely<DB>) {
  /** A deal with the names of its unit, team and project: what a card, a list row and the page show. */
  const withNames = (ex: Kysely<DB>) =>
    ex
      .selectFrom('deals')
      .innerJoin('units', 'units.id', 'deals.unit_id')
      .leftJoin('deal_teams', 'deal_teams.id', 'deals.team_id')
      .leftJoin('projects', 'projects.id', 'deals.project_id')
      .selectAll('deals')
      .select(['units.name as unit_name', 'deal_teams.name as team_name', 'projects.name as project_name']);

  return {
    findById: (id: number, ex: Kysely<DB> = db) => withNames(ex).where('deals.id', '=', id).executeTakeFirst(),

    findByProject: (projectId: number, ex: Kysely<DB> = db) =>
      ex.selectFrom('deals').select(['id', 'name']).where('project_id', '=', projectId).executeTakeFirst(),

    /** One page of the deals a scope reaches matching the filters, newest first, and their count. */
    async list(scope: DealScope, f: DealFilters, page: { offset: number; limit: number }) {
      const where = (eb: ExpressionBuilder<DB, 'deals'>) => eb.and([inDealScope(scope)(eb), filtered(f)(eb)]);
      const [rows, total] = await Promise.all([
        withNames(db).where(where).orderBy('deals.id', 'desc').offset(page.offset).limit(page.limit).execute(),
        db
          .selectFrom('deals')
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .where(where)
          .executeTakeFirstOrThrow(),
      ]);
      return { rows, total: Number(total.n) };
    },

    /** The count of each stage's deals the scope reaches matching the filters. */
    stageCounts: (scope: DealScope, f: DealFilters) =>
      db
        .selectFrom('deals')
        .select((eb) => ['deals.stage', eb.fn.countAll<number>().as('n')])
        .where(inDealScope(scope))
        .where(filtered(f))
        .groupBy('deals.stage')
        .execute(),

    /** A stage's first cards: latest moved first. */
    stageCards: (scope: DealScope, f: DealFilters, stage: string, limit: number) =>
      withNames(db)
        .where(inDealScope(scope))
        .where(filtered(f))
        .where('deals.stage', '=', stage)
        .orderBy('deals.stage_entered_on', 'desc')
        .orderBy('deals.id', 'desc')
        .limit(limit)
        .execute(),

    /** What the figures read of each deal in scope: its stage, amounts, grouping keys and dates. */
    figureRows: (scope: DealScope, f: DealFilters) =>
      db
        .selectFrom('deals')
        .select([
          'deals.id',
          'deals.stage',
          'deals.source_region',
          'deals.chain_key',
          'deals.team_id',
          'deals.intended_investment',
          'deals.signed_amount',
          'deals.signed_on',
          'deals.created_on',
        ])
        .where(inDealScope(scope))
        .where(filtered(f))
        .execute(),

    /** The stage moves of the given deals, in order: the funnel's visits. */
    async movesOf(dealIds: readonly number[]) {
      const out: { deal_id: number; from_stage: string | null; to_stage: string | null; on_date: string }[] = [];
      for (let i = 0; i < dealIds.length; i += 900) {
        const part = dealIds.slice(i, i + 900);
        out.push(
          ...(await db
            .selectFrom('deal_events')
            .select(['deal_id', 'from_stage', 'to_stage', 'on_date'])
            .where('deal_id', 'in', part)
            .where('to_stage', 'is not', null)
            .orderBy('deal_id')
            .orderBy('id')
            .execute()),
        );
      }
      return out;
    },

    insert: (ex: Kysely<DB>, row: Insertable<DealTable>) =>
      ex.insertInto('deals').values(row).returning('id').executeTakeFirstOrThrow(),

    /** Writes `set` if the deal is still at `version`, bumping it; false when someone changed it meanwhile. */
    async update(ex: Kysely<DB>, id: number, version: number, set: Partial<Insertable<DealTable>>) {
      const r = await ex
        .updateTable('deals')
        .set({ ...set, version: sql<number>`version + 1` })
        .where('id', '=', id)
        .where('version', '=', version)
        .executeTakeFirst();
      return Number(r.numUpdatedRows) === 1;
    },

    addEvent: (ex: Kysely<DB>, row: Insertable<DealEventTable>) => ex.insertInto('deal_events').values(row).execute(),
    eventsOf: (dealId: number) =>
      db.selectFrom('deal_events').selectAll().where('deal_id', '=', dealId).orderBy('id').execute(),

    addActivity: (ex: Kysely<DB>, row: Insertable<DealActivityTable>) =>
      ex.insertInto('deal_activities').values(row).returning('id').executeTakeFirstOrThrow(),
    /** Activities with their deal's and team's names: a deal's log, or a team's between two dates. */
    activities: (where: { dealId?: number; teamId?: number; from?: string; to?: string }) => {
      let q = db
        .selectFrom('deal_activities as a')
        .innerJoin('deals', 'deals.id', 'a.deal_id')
        .leftJoin('deal_teams as t', 't.id', 'a.team_id')
        .select([
          'a.id',
          'a.deal_id',
          'deals.name as deal_name',
          'a.on_date',
          'a.kind',
          'a.attendees',
          'a.summary',
          'a.team_id',
          't.name as team_name',
          'a.actor_name',
        ]);
      if (where.dealId !== undefined) q = q.where('a.deal_id', '=', where.dealId);
      if (where.teamId !== undefined) q = q.where('a.team_id', '=', where.teamId);
      if (where.from) q = q.where('a.on_date', '>=', where.from);
      if (where.to) q = q.where('a.on_date', '<=', where.to);
      return q.orderBy('a.on_date', 'desc').orderBy('a.id', 'desc').limit(2000).execute();
    },

    addFund: (ex: Kysely<DB>, row: Insertable<DealFundTable>) => ex.insertInto('deal_funds').values(row).execute(),
    fundsOf: (dealId: number) =>
      db.selectFrom('deal_funds').selectAll().where('deal_id', '=', dealId).orderBy('on_date').orderBy('id').execute(),

    /** Signed deals not landed, in scope, oldest signing first. */
    signedNotLanded: (scope: DealScope, f: DealFilters) =>
      withNames(db)
        .where(inDealScope(scope))
        .where(filtered(f))
        .where('deals.stage', '=', 'signed')
        .orderBy('deals.signed_on')
        .orderBy('deals.id')
        .limit(1000)
        .execute(),

    targetExists: async (id: number, ex: Kysely<DB> = db) =>
      !!(await ex.selectFrom('deal_targets').select('id').where('id', '=', id).executeTakeFirst()),
    userExists: async (id: number, ex: Kysely<DB> = db) =>
      !!(await ex.selectFrom('users').select('id').where('id', '=', id).executeTakeFirst()),
    /** A project a signed deal may be linked to, with its sign date. */
    projectForLink: (id: number, ex: Kysely<DB> = db) =>
      ex.selectFrom('projects').select(['id', 'actual_sign_date']).where('id', '=', id).executeTakeFirst(),
    /** A unit's target of 签约亿元以上项目 for a year, when it has one. */
    aboveYiTarget: (unitId: number, year: number) =>
      db
        .selectFrom('targets')
        .select('value')
        .where('unit_id', '=', unitId)
        .where('year', '=', year)
        .where('indicator', '=', 'signedDealsAboveYi')
        .executeTakeFirst(),
    /** Open deals after `afterId`, in id order, with what their clock colour is computed from. */
    openForCutoff: (afterId: number, limit: number) =>
      db
        .selectFrom('deals')
        .select(['id', 'stage', 'created_on', 'stage_entered_on', 'first_activity_on', 'last_activity_on'])
        .select(['light', 'next_due_on'])
        .where('stage', 'in', [...OPEN_DEAL_STAGES])
        .where('id', '>', afterId)
        .orderBy('id')
        .limit(limit)
        .execute(),
    /** The clock's write: the colour and next due date, the version kept (a page opened before still saves). */
    setClock: (id: number, cols: { light: string; next_due_on: string | null }) =>
      db.updateTable('deals').set(cols).where('id', '=', id).execute(),

    insertTeam: (ex: Kysely<DB>, row: Insertable<DealTeamTable>) =>
      ex.insertInto('deal_teams').values(row).returning('id').executeTakeFirstOrThrow(),
    updateTeam: (ex: Kysely<DB>, id: number, set: Partial<Insertable<DealTeamTable>>) =>
      ex.updateTable('deal_teams').set(set).where('id', '=', id).execute(),
    /** Target enterprises of a chain (and link) with their unit's name, in the order entered. */
    targets: (f: { chainKey?: string; linkKey?: string; id?: number }, ex: Kysely<DB> = db) => {
      let q = ex
        .selectFrom('deal_targets')
        .innerJoin('units', 'units.id', 'deal_targets.unit_id')
        .selectAll('deal_targets')
        .select('units.name as unit_name');
      if (f.chainKey) q = q.where('deal_targets.chain_key', '=', f.chainKey);
      if (f.linkKey) q = q.where('deal_targets.link_key', '=', f.linkKey);
      if (f.id !== undefined) q = q.where('deal_targets.id', '=', f.id);
      return q.orderBy('deal_targets.chain_key').orderBy('deal_targets.id').limit(2000).execute();
    },
    insertTarget: (ex: Kysely<DB>, row: Insertable<DealTargetTable>) =>
      ex.insertInto('deal_targets').values(row).returning('id').executeTakeFirstOrThrow(),
    updateTarget: (ex: Kysely<DB>, id: number, set: Partial<Insertable<DealTargetTable>>) =>
      ex.updateTable('deal_targets').set(set).where('id', '=', id).execute(),
    /** The deals that came from the given targets. */
    dealsOfTargets: (targetIds: readonly number[]) =>
      targetIds.length
        ? db
            .selectFrom('deals')
            .select(['id', 'name', 'stage', 'target_id'])
            .where('target_id', 'in', [...targetIds])
            .orderBy('id')
            .execute()
        : Promise.resolve([]),
    /** The teams the person is a member of. */
    teamIdsOf: async (userId: number) =>
      (await db.selectFrom('deal_team_members').select('team_id').where('user_id', '=', userId).execute()).map(
        (r) => r.team_id,
      ),

    teams: (ex: Kysely<DB> = db) =>
      ex
        .selectFrom('deal_teams')
        .innerJoin('units', 'units.id', 'deal_teams.unit_id')
        .selectAll('deal_teams')
        .select('units.name as unit_name')
        .orderBy('deal_teams.id')
        .execute(),
    team: (id: number, ex: Kysely<DB> = db) =>
      ex
        .selectFrom('deal_teams')
        .innerJoin('units', 'units.id', 'deal_teams.unit_id')
        .selectAll('deal_teams')
        .select('units.name as unit_name')
        .where('deal_teams.id', '=', id)
        .executeTakeFirst(),
    members: (ex: Kysely<DB> = db) =>
      ex
        .selectFrom('deal_team_members as m')
        .innerJoin('users', 'users.id', 'm.user_id')
        .select(['m.team_id', 'users.id', 'users.display_name', 'users.username'])
        .orderBy('users.id')
        .execute(),
    async replaceMembers(ex: Kysely<DB>, teamId: number, userIds: readonly number[]) {
      await ex.deleteFrom('deal_team_members').where('team_id', '=', teamId).execute();
      if (userIds.length)
        await ex
          .insertInto('deal_team_members')
          .values([...new Set(userIds)].map((user_id) => ({ team_id: teamId, user_id })))
          .execute();
    },
  };
}

export type DealRepository = ReturnType<typeof createDealRepository>;
export type DealRow = NonNullable<Awaited<ReturnType<DealRepository['findById']>>>;
