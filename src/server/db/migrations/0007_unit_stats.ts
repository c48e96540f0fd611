import type { Kysely } from 'kysely';
import type { MigrationDialect } from '../migrate.ts';
import { rebuildUnitStatsAsOf0009 } from './frozen-unit-stats-0009.ts';

/** Per-unit statistics kept current by difference (see src/domain/stats), filled from what is already stored. */
export async function up(db: Kysely<any>, dialect: MigrationDialect): Promise<void> {
  await db.schema
    .createTable('unit_stats')
    .addColumn('unit_id', 'integer', (c) => c.notNull().references('units.id').onDelete('cascade'))
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('month', 'integer', (c) => c.notNull())
    .addColumn('metric', 'varchar(24)', (c) => c.notNull())
    .addColumn('value', dialect === 'postgres' ? 'bigint' : 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('unit_stats_pk', ['unit_id', 'year', 'month', 'metric'])
    .execute();
  await rebuildUnitStatsAsOf0009(db, dialect);
}
