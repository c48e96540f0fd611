import { sql, type Insertable, type Kysely, type Selectable } from 'kysely';
import type { DB, ReportPhotoTable } from '../../db/schema.ts';

export type ReportPhotoRow = Selectable<ReportPhotoTable>;
export type NewReportPhoto = Omit<Insertable<ReportPhotoTable>, 'id'>;

/** Every column but the two pictures: what a listing reads, so that no megabytes travel for a list. */
const metadataColumns = [
  'id',
  'report_id',
  'file_name',
  'caption',
  'width',
  'height',
  'bytes',
  'thumb_width',
  'thumb_height',
  'thumb_bytes',
  'created_by_id',
  'created_by',
  'created_at',
] as const;

/** The columns a copy carries over unchanged, pictures included (copied inside the database). */
const copiedColumns = [
  'file_name',
  'caption',
  'photo',
  'width',
  'height',
  'bytes',
  'thumb',
  'thumb_width',
  'thumb_height',
  'thumb_bytes',
  'created_by_id',
  'created_by',
  'created_at',
] as const;

export type ReportPhotoMeta = Pick<ReportPhotoRow, (typeof metadataColumns)[number]>;

/** Typed queries over report photos; decisions live in the service. */
export function createReportPhotoRepository(db: Kysely<DB>) {
  return {
    /** A report with what deciding about its photos needs: its state and revision, and its project's unit. */
    reportOf: (reportId: number, ex: Kysely<DB> = db) =>
      ex
        .selectFrom('monthly_reports as r')
        .innerJoin('projects as p', 'p.id', 'r.project_id')
        .select(['r.id', 'r.state', 'r.revision', 'r.year', 'r.month', 'p.name as project_name', 'p.unit_path'])
        .where('r.id', '=', reportId)
        .executeTakeFirst(),

    /**
     * Touches the report inside an upload's transaction. On PostgreSQL the update locks the report's
     * row until the commit, so two uploads at once count each other's photos (a plain count would let
     * both see 8 and store 10) and a submit cannot slip between the state check and the insert.
     * SQLite runs one writing transaction at a time anyway.
     */
    lockReport: (ex: Kysely<DB>, reportId: number, at: string) =>
      ex.updateTable('monthly_reports').set({ updated_at: at }).where('id', '=', reportId).execute(),

    list: (reportId: number, ex: Kysely<DB> = db): Promise<ReportPhotoMeta[]> =>
      ex.selectFrom('report_photos').select(metadataColumns).where('report_id', '=', reportId).orderBy('id').execute(),

    count: async (reportId: number, ex: Kysely<DB> = db) =>
      Number(
        (
          await ex
            .selectFrom('report_photos')
            .select((eb) => eb.fn.countAll().as('n'))
            .where('report_id', '=', reportId)
            .executeTakeFirstOrThrow()
        ).n,
      ),

    findMeta: (photoId: number, ex: Kysely<DB> = db) =>
      ex.selectFrom('report_photos').select(metadataColumns).where('id', '=', photoId).executeTakeFirst(),

    /** One of the two pictures of a photo, with the unit of its report's project (for the read check). */
    picture: (photoId: number, which: 'photo' | 'thumb') =>
      db
        .selectFrom('report_photos as f')
        .innerJoin('monthly_reports as r', 'r.id', 'f.report_id')
        .innerJoin('projects as p', 'p.id', 'r.project_id')
        .select(['f.file_name', 'p.unit_path', which === 'photo' ? 'f.photo as data' : 'f.thumb as data'])
        .where('f.id', '=', photoId)
        .executeTakeFirst(),

    insert: (ex: Kysely<DB>, row: NewReportPhoto) =>
      ex.insertInto('report_photos').values(row).returning('id').executeTakeFirstOrThrow(),

    delete: (ex: Kysely<DB>, photoId: number) => ex.deleteFrom('report_photos').where('id', '=', photoId).execute(),

    /**
     * Copies every photo of one report to another in a single INSERT … SELECT, so the pictures never
     * leave the database. Returns how many were copied.
     */
    async copy(ex: Kysely<DB>, fromReportId: number, toReportId: number) {
      const result = await ex
        .insertInto('report_photos')
        .columns(['report_id', ...copiedColumns])
        .expression((eb) =>
          eb
            .selectFrom('report_photos')
            .select([sql<number>`cast(${toReportId} as integer)`.as('report_id'), ...copiedColumns])
            .where('report_id', '=', fromReportId)
            .orderBy('id'),
        )
        .executeTakeFirst();
      return Number(result.numInsertedOrUpdatedRows ?? 0);
    },
  };
}

export type ReportPhotoRepository = ReturnType<typeof createReportPhotoRepository>;
