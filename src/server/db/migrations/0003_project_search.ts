import { sql, type Kysely } from 'kysely';
import type { MigrationDialect } from '../migrate.ts';

/**
 * Substring search over project names and their pinyin initials that does not scan the whole
 * library: trigram indexes (an FTS5 trigram table kept in step by triggers on SQLite; pg_trgm GIN
 * indexes on PostgreSQL, which LIKE '%…%' uses by itself). Trigrams need three characters; shorter
 * search text falls back to a scan, which common two-character words end early.
 */
export async function up(db: Kysely<any>, dialect: MigrationDialect): Promise<void> {
  if (dialect === 'postgres') {
    await sql`CREATE EXTENSION IF NOT EXISTS pg_trgm`.execute(db);
    await sql`CREATE INDEX projects_name_trgm ON projects USING gin (name gin_trgm_ops)`.execute(db);
    await sql`CREATE INDEX projects_initials_trgm ON projects USING gin (name_initials gin_trgm_ops)`.execute(db);
    return;
  }
  await sql`CREATE VIRTUAL TABLE projects_fts USING fts5(name, name_initials, content='projects', content_rowid='id', tokenize='trigram')`.execute(
    db,
  );
  await sql`CREATE TRIGGER projects_fts_insert AFTER INSERT ON projects BEGIN
    INSERT INTO projects_fts(rowid, name, name_initials) VALUES (new.id, new.name, new.name_initials);
  END`.execute(db);
  await sql`CREATE TRIGGER projects_fts_delete AFTER DELETE ON projects BEGIN
    INSERT INTO projects_fts(projects_fts, rowid, name, name_initials) VALUES ('delete', old.id, old.name, old.name_initials);
  END`.execute(db);
  await sql`CREATE TRIGGER projects_fts_update AFTER UPDATE OF name, name_initials ON projects BEGIN
    INSERT INTO projects_fts(projects_fts, rowid, name, name_initials) VALUES ('delete', old.id, old.name, old.name_initials);
    INSERT INTO projects_fts(rowid, name, name_initials) VALUES (new.id, new.name, new.name_initials);
  END`.execute(db);
  await sql`INSERT INTO projects_fts(projects_fts) VALUES ('rebuild')`.execute(db);
}
