import type { ReportPhoto } from '../../../contract/reports.ts';
import type { ReportPhotoMeta } from './report-photos.repository.ts';

/** Where the two pictures of a photo are served; the same scoping as reading its report. */
export const photoUrls = (id: number) => ({
  photo: `/api/v1/report-photos/${id}`,
  thumb: `/api/v1/report-photos/${id}/thumb`,
});

/** A photo as the API returns it: its metadata and the addresses of its pictures, never the bytes. */
export function presentPhoto(p: ReportPhotoMeta): ReportPhoto {
  const id = Number(p.id);
  return {
    id,
    reportId: Number(p.report_id),
    caption: p.caption,
    fileName: p.file_name,
    width: p.width,
    height: p.height,
    bytes: p.bytes,
    createdAt: p.created_at,
    createdBy: p.created_by,
    urls: photoUrls(id),
  };
}
