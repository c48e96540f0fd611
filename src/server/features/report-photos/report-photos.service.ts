import type { Kysely } from 'kysely';
import { hasRoomForPhoto, PHOTO_LIMITS } from '../../../domain/reports/photo-rules.ts';
import { canDo, type ReportState } from '../../../domain/reports/report-rules.ts';
import type { Clock } from '../../clock.ts';
import type { DB } from '../../db/schema.ts';
import { AppError, conflict, forbidden, invalid, notFound } from '../../http/errors.ts';
import { reportPolicy } from '../../policies/report.policy.ts';
import type { AuditLog } from '../audit/audit.repository.ts';
import type { ReportSettings } from '../reports/report-settings.service.ts';
import type { ActorContext } from '../session/actor.ts';
import { PhotoImageError, processPhoto } from './photo-image.ts';
import { presentPhoto } from './report-photos.presenter.ts';
import type { ReportPhotoRepository } from './report-photos.repository.ts';

export interface ReportPhotoServiceDeps {
  db: Kysely<DB>;
  photos: ReportPhotoRepository;
  audit: AuditLog;
  clock: Clock;
  /** A locked month's first revision takes no change, photos included. */
  locks: Pick<ReportSettings, 'isLocked'>;
}

/** One file as it arrived: its bytes, the name the uploader's device gave it, and a caption. */
export interface PhotoUpload {
  data: Buffer;
  fileName: string;
  caption: string;
}

type ReportFacts = NonNullable<Awaited<ReturnType<ReportPhotoRepository['reportOf']>>>;

/** The error a client sees for a picture Lantern does not keep, naming the file. */
function refusal(e: unknown, name: string): unknown {
  if (!(e instanceof PhotoImageError)) return e;
  switch (e.problem) {
    case 'HEIC':
      return new AppError(415, 'UNSUPPORTED_MEDIA', 'PHOTO_HEIC', { name }, 'file');
    case 'FORMAT':
      return new AppError(415, 'UNSUPPORTED_MEDIA', 'PHOTO_FORMAT', { name, format: e.format.toUpperCase() }, 'file');
    case 'TOO_MANY_PIXELS':
      return invalid('PHOTO_TOO_MANY_PIXELS', { name, mp: PHOTO_LIMITS.maxInputPixels / 1_000_000 }, 'file');
    case 'NOT_IMAGE':
      return invalid('PHOTO_NOT_IMAGE', { name }, 'file');
  }
}

/**
 * Site photos of monthly reports (现场照片). Whoever may edit a report (its filer, while it is a draft
 * or returned, in an open month) adds and removes its photos; whoever may read the report sees them.
 */
export function createReportPhotoService({ db, photos, audit, clock, locks }: ReportPhotoServiceDeps) {
  async function readableReport(actor: ActorContext, reportId: number, ex: Kysely<DB> = db) {
    const r = await photos.reportOf(reportId, ex);
    if (!r || !reportPolicy.canRead(actor, r)) throw notFound('report');
    return r;
  }

  /** The same refusals as editing the report's figures: permission, state, locked month. */
  async function assertEditable(actor: ActorContext, r: ReportFacts, ex: Kysely<DB>) {
    if (!reportPolicy.canFile(actor, r)) throw forbidden();
    if (!canDo('edit', r.state as ReportState)) {
      if (r.state === 'approved') throw conflict('REPORT_APPROVED');
      throw conflict('REPORT_WRONG_STATE', { state: `@reportState.${r.state}`, action: '@reportAction.edit' });
    }
    if (r.revision === 1 && (await locks.isLocked(r.year, r.month, ex)))
      throw conflict('REPORT_MONTH_LOCKED', { year: r.year, month: r.month });
  }

  async function assertRoom(reportId: number, ex: Kysely<DB>) {
    if (!hasRoomForPhoto(await photos.count(reportId, ex)))
      throw invalid('PHOTO_LIMIT', { max: PHOTO_LIMITS.perReport }, 'file');
  }

  const describe = (r: ReportFacts) => `${r.project_name} ${r.year}年${r.month}月月报（第 ${r.revision} 版）`;

  return {
    /** The photos of a report, oldest first, without their bytes. */
    async list(actor: ActorContext, reportId: number) {
      await readableReport(actor, reportId);
      return { reportId, items: (await photos.list(reportId)).map(presentPhoto) };
    },

    /**
     * Adds a photo: checks who, which state and how many before decoding anything, turns the upload into
     * the stored photo and thumbnail, then checks again under the report's lock and stores both with
     * the audit event in one transaction.
     */
    async upload(actor: ActorContext, reportId: number, upload: PhotoUpload, ip: string | null) {
      await assertEditable(actor, await readableReport(actor, reportId), db);
      await assertRoom(reportId, db);
      const processed = await processPhoto(upload.data).catch((e: unknown) => {
        throw refusal(e, upload.fileName);
      });
      const id = await db.transaction().execute(async (trx) => {
        const at = clock().toISOString();
        await photos.lockReport(trx, reportId, at);
        const r = await readableReport(actor, reportId, trx);
        await assertEditable(actor, r, trx);
        await assertRoom(reportId, trx);
        const { photo, thumb } = processed;
        const { id } = await photos.insert(trx, {
          report_id: reportId,
          file_name: upload.fileName,
          caption: upload.caption,
          photo: photo.data,
          width: photo.width,
          height: photo.height,
          bytes: photo.bytes,
          thumb: thumb.data,
          thumb_width: thumb.width,
          thumb_height: thumb.height,
          thumb_bytes: thumb.bytes,
          created_by_id: actor.id,
          created_by: actor.displayName,
          created_at: at,
        });
        const after = {
          photoId: Number(id),
          fileName: upload.fileName,
          caption: upload.caption,
          sourceFormat: processed.sourceFormat,
          uploadedBytes: upload.data.length,
          width: photo.width,
          height: photo.height,
          bytes: photo.bytes,
        };
        await audit.record(
          {
            actor,
            action: 'report.addPhoto',
            objectType: 'report',
            objectId: String(reportId),
            unitPath: r.unit_path,
            summary: `${describe(r)}：添加照片“${upload.fileName}”`,
            after,
            ip,
          },
          trx,
        );
        return Number(id);
      });
      return presentPhoto((await photos.findMeta(id))!);
    },

    /** Removes a photo while its report is editable; a photo the actor cannot see is not found. */
    async remove(actor: ActorContext, photoId: number, ip: string | null) {
      await db.transaction().execute(async (trx) => {
        const photo = await photos.findMeta(photoId, trx);
        if (!photo) throw notFound('photo');
        await photos.lockReport(trx, photo.report_id, clock().toISOString());
        const r = await readableReport(actor, photo.report_id, trx).catch(() => {
          throw notFound('photo');
        });
        await assertEditable(actor, r, trx);
        await photos.delete(trx, photoId);
        const before = {
          photoId,
          fileName: photo.file_name,
          caption: photo.caption,
          width: photo.width,
          height: photo.height,
          bytes: photo.bytes,
          createdBy: photo.created_by,
          createdAt: photo.created_at,
        };
        await audit.record(
          {
            actor,
            action: 'report.deletePhoto',
            objectType: 'report',
            objectId: String(photo.report_id),
            unitPath: r.unit_path,
            summary: `${describe(r)}：删除照片“${photo.file_name}”`,
            before,
            ip,
          },
          trx,
        );
      });
    },

    /** The JPEG bytes of a photo or its thumbnail, for whoever may read its report; anyone else gets 404. */
    async picture(actor: ActorContext, photoId: number, which: 'photo' | 'thumb') {
      const found = await photos.picture(photoId, which);
      if (!found || !reportPolicy.canRead(actor, found)) throw notFound('photo');
      return { data: found.data, fileName: found.file_name };
    },

    /**
     * Gives a new revision copies of the photos of the revision it corrects, inside the caller's
     * transaction: the correction starts from what was approved, and the approved revision keeps its own
     * rows whatever the correction later adds or removes. Returns how many photos were copied.
     */
    copyPhotos: (fromReportId: number, toReportId: number, trx: Kysely<DB>) =>
      photos.copy(trx, fromReportId, toReportId),
  };
}

export type ReportPhotoService = ReturnType<typeof createReportPhotoService>;
