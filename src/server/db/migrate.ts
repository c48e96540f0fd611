import { Migrator, type Kysely, type Migration, type MigrationProvider } from 'kysely';
import type { Db } from './client.ts';
import { FEATURES } from '../features/index.ts';

export type MigrationDialect = 'sqlite' | 'postgres';

/** A migration that knows the dialect it runs on; the same list creates both schemas. */
export interface DialectMigration {
  up(db: Kysely<any>, dialect: MigrationDialect): Promise<void>;
  down?(db: Kysely<any>, dialect: MigrationDialect): Promise<void>;
}

/**
 * Every feature's migrations, in the order of their names. The names are history (each database
 * records the ones it ran), so two features claiming one name is a mistake caught here, not a merge.
 */
export function collectMigrations(
  features: readonly { name: string; migrations?: Readonly<Record<string, DialectMigration>> }[],
): Record<string, DialectMigration> {
  const owners = new Map<string, string>();
  const all: [string, DialectMigration][] = [];
  for (const feature of features)
    for (const [name, migration] of Object.entries(feature.migrations ?? {})) {
      const owner = owners.get(name);
      if (owner) throw new Error(`Migration ${name} is defined by both ${owner} and ${feature.name}`);
      owners.set(name, feature.name);
      all.push([name, migration]);
    }
  return Object.fromEntries(all.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

class StaticProvider implements MigrationProvider {
  constructor(private readonly dialect: MigrationDialect) {}
  async getMigrations(): Promise<Record<string, Migration>> {
    const out: Record<string, Migration> = {};
    for (const [name, m] of Object.entries(collectMigrations(FEATURES))) {
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
