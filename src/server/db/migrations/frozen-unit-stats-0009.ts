import { sql, type Kysely, type RawBuilder } from 'kysely';
import type { MigrationDialect } from '../migrate.ts';

/** 1 亿元 in 元, the threshold of startsAboveYi as it stood when 0009 ran (frozen, not imported). */
export const FROZEN_YI = 100_000_000;

/**
 * The rebuild of unit_stats frozen as it stood when migrations 0007 and 0009 ran (copied from
 * src/server/features/stats/unit-stats.rebuild.ts): migrations are history and import no feature or
 * domain code, so a later change to what unit_stats counts (or to the schema the live rebuild reads)
 * cannot change what an old migration does. A migrated database is rebuilt with today's rules at the
 * next daily cutoff; test/frozen-migrations.test.ts checks the frozen copy still gives today's rows
 * on today's schema, which it must as long as those rules are unchanged.
 */
export async function rebuildUnitStatsAsOf0009(db: Kysely<any>, dialect: MigrationDialect): Promise<void> {
  const year = (col: string): RawBuilder<number> => sql<number>`cast(substr(${sql.ref(col)}, 1, 4) as integer)`;
  const month = (col: string): RawBuilder<number> => sql<number>`cast(substr(${sql.ref(col)}, 6, 2) as integer)`;
  const zero = sql<number>`0`;
  const fill = (metric: string | RawBuilder<string>, select: (q: any) => any) => (ex: Kysely<any>) =>
    ex
      .insertInto('unit_stats')
      .columns(['unit_id', 'year', 'month', 'metric', 'value'])
      .expression(select(typeof metric === 'string' ? sql.lit(metric) : metric))
      .execute();
  const projects = (ex: Kysely<any>) => ex.selectFrom('projects as p');

  // Migrations already run inside a transaction; elsewhere the rebuild is its own.
  const inTransaction = <T>(fn: (trx: Kysely<any>) => Promise<T>) =>
    db.isTransaction ? fn(db) : db.transaction().execute(fn);
  await inTransaction(async (trx) => {
    if (dialect === 'postgres') await sql`LOCK TABLE unit_stats IN EXCLUSIVE MODE`.execute(trx);
    await trx.deleteFrom('unit_stats').execute();
    const steps = [
      fill('done', (m) =>
        trx
          .selectFrom('monthly_reports as r')
          .innerJoin('projects as p', 'p.id', 'r.project_id')
          .where('r.is_current', '=', 1)
          .where('r.state', '=', 'approved')
          .select(['p.lead_unit_id', 'r.year', 'r.month', m.as('metric'), sql`sum(r.amount)`.as('value')])
          .groupBy(['p.lead_unit_id', 'r.year', 'r.month']),
      ),
      fill('plan', (m) =>
        trx
          .selectFrom('project_annual_plans as a')
          .innerJoin('projects as p', 'p.id', 'a.project_id')
          .select(['p.lead_unit_id', 'a.year', zero.as('month'), m.as('metric'), sql`sum(a.amount)`.as('value')])
          .groupBy(['p.lead_unit_id', 'a.year']),
      ),
      fill(sql<string>`'light.' || l.colour`, (m) =>
        trx
          .selectFrom('project_lights as l')
          .innerJoin('projects as p', 'p.id', 'l.project_id')
          .select(['p.lead_unit_id', zero.as('year'), zero.as('month'), m.as('metric'), sql`count(*)`.as('value')])
          .groupBy(['p.lead_unit_id', 'l.colour']),
      ),
      ...['planning', 'reserve'].flatMap((stage) => [
        fill(`${stage}.count`, (m) =>
          projects(trx)
            .where('p.stage', '=', stage)
            .select(['p.lead_unit_id', zero.as('year'), zero.as('month'), m.as('metric'), sql`count(*)`.as('value')])
            .groupBy('p.lead_unit_id'),
        ),
        fill(`${stage}.investment`, (m) =>
          projects(trx)
            .where('p.stage', '=', stage)
            .select([
              'p.lead_unit_id',
              zero.as('year'),
              zero.as('month'),
              m.as('metric'),
              sql`sum(p.total_investment)`.as('value'),
            ])
            .groupBy('p.lead_unit_id'),
        ),
      ]),
      ...[
        ['start', 'planned_start_date', 'actual_start_date'],
        ['production', 'planned_production_date', 'actual_production_date'],
      ].flatMap(([list, planned, actual]) => {
        const listed = (m: RawBuilder<string>, value: RawBuilder<unknown>) =>
          projects(trx)
            .where('p.stage', '<>', 'dropped')
            .where(`p.${planned}`, 'is not', null)
            .select([
              'p.lead_unit_id',
              year(`p.${planned}`).as('year'),
              zero.as('month'),
              m.as('metric'),
              value.as('value'),
            ])
            .groupBy(['p.lead_unit_id', year(`p.${planned}`)]);
        return [
          fill(`${list}.count`, (m) => listed(m, sql`count(*)`)),
          fill(`${list}.investment`, (m) => listed(m, sql`sum(p.total_investment)`)),
          fill(`${list}.done`, (m) =>
            listed(m, sql`sum(case when ${sql.ref(`p.${actual}`)} is not null then 1 else 0 end)`),
          ),
        ];
      }),
      fill('startDue', (m) =>
        projects(trx)
          .where('p.stage', '<>', 'dropped')
          .where('p.planned_start_date', 'is not', null)
          .where('p.actual_start_date', 'is', null)
          .select([
            'p.lead_unit_id',
            year('p.planned_start_date').as('year'),
            month('p.planned_start_date').as('month'),
            m.as('metric'),
            sql`count(*)`.as('value'),
          ])
          .groupBy(['p.lead_unit_id', year('p.planned_start_date'), month('p.planned_start_date')]),
      ),
      fill('starts', (m) =>
        projects(trx)
          .where('p.actual_start_date', 'is not', null)
          .select([
            'p.lead_unit_id',
            year('p.actual_start_date').as('year'),
            month('p.actual_start_date').as('month'),
            m.as('metric'),
            sql`count(*)`.as('value'),
          ])
          .groupBy(['p.lead_unit_id', year('p.actual_start_date'), month('p.actual_start_date')]),
      ),
      fill('startsAboveYi', (m) =>
        projects(trx)
          .where('p.actual_start_date', 'is not', null)
          .where('p.total_investment', '>=', FROZEN_YI)
          .select([
            'p.lead_unit_id',
            year('p.actual_start_date').as('year'),
            month('p.actual_start_date').as('month'),
            m.as('metric'),
            sql`count(*)`.as('value'),
          ])
          .groupBy(['p.lead_unit_id', year('p.actual_start_date'), month('p.actual_start_date')]),
      ),
    ];
    for (const step of steps) await step(trx);
    // Grouped sums of nothing (a list with no started project) are zeros; the incremental path never writes those.
    await trx.deleteFrom('unit_stats').where('value', '=', 0).execute();
  });
}
