import { Migrator, type Kysely, type Migration, type MigrationProvider } from 'kysely';
import type { Db } from './client.ts';
import * as m0001 from './migrations/0001_foundation.ts';
import * as m0002 from './migrations/0002_projects.ts';
import * as m0003 from './migrations/0003_project_search.ts';
import * as m0004 from './migrations/0004_reports.ts';
import * as m0005 from './migrations/0005_lights.ts';
import * as m0006 from './migrations/0006_report_settings.ts';
import * as m0007 from './migrations/0007_unit_stats.ts';
import * as m0008 from './migrations/0008_report_photos.ts';
import * as m0009 from './migrations/0009_race.ts';
import * as m0010 from './migrations/0010_imports.ts';
import * as m0011 from './migrations/0011_report_imports.ts';
import * as m0012 from './migrations/0012_history.ts';
import * as m0013 from './migrations/0013_bulletin_corrections.ts';

export type MigrationDialect = 'sqlite' | 'postgres';

interface DialectMigration {
  up(db: Kysely<any>, dialect: MigrationDialect): Promise<void>;
  down?(db: Kysely<any>, dialect: MigrationDialect): Promise<void>;
}

/** Every migration, in order. The same list creates both schemas; dialect differences stay inside each file. */
const migrations: Record<string, DialectMigration> = {
  '0001_foundation': m0001,
  '0002_projects': m0002,
  '0003_project_search': m0003,
  '0004_reports': m0004,
  '0005_lights': m0005,
  '0006_report_settings': m0006,
  '0007_unit_stats': m0007,
  '0008_report_photos': m0008,
  '0009_race': m0009,
  '0010_imports': m0010,
  '0011_report_imports': m0011,
  '0012_history': m0012,
  '0013_bulletin_corrections': m0013,
};

class StaticProvider implements MigrationProvider {
  constructor(private readonly dialect: MigrationDialect) {}
  async getMigrations(): Promise<Record<string, Migration>> {
    const out: Record<string, Migration> = {};
    for (const [name, m] of Object.entries(migrations)) {
      out[name] = {
        up: (db) => m.up(db, this.dialect),
        down: m.down ? (db) => m.down!(db, this.dialect) : undefined,
      };
    }
    return out;
  }
}

/** Brings the schema up to date; returns the names of the migrations it applied. */
export async function migrateToLatest(db: Db): Promise<string[]> {
  const migrator = new Migrator({ db: db.kysely, provider: new StaticProvider(db.dialect) });
  const { error, results } = await migrator.migrateToLatest();
  if (error) throw error instanceof Error ? error : new Error(String(error));
  return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}
