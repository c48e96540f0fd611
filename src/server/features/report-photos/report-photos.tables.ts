// The report-photos tables as Kysely sees them; src/server/db/schema.ts joins every feature's tables into DB.
import type { Generated } from 'kysely';

/** A site photo of one report revision, stored in the database (blob / bytea) with its thumbnail. */
export interface ReportPhotoTable {
  id: Generated<number>;
  report_id: number;
  /** The name the file had on the uploader's device, shown and used when downloading. */
  file_name: string;
  caption: string;
  /** JPEG, upright, without metadata, at most 2048 px on the long side. */
  photo: Buffer;
  width: number;
  height: number;
  bytes: number;
  /** JPEG, at most 320 px on the long side. */
  thumb: Buffer;
  thumb_width: number;
  thumb_height: number;
  thumb_bytes: number;
  created_by_id: number | null;
  created_by: string;
  created_at: string;
}

/** The tables this feature adds to the database. */
export interface ReportPhotoTables {
  report_photos: ReportPhotoTable;
}
