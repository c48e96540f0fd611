/**
 * A published bulletin's Word, PDF and Excel files (DESIGN §3.12a: byte-identical on every download).
 * They are rendered from the frozen snapshot each time and stored nowhere; since the renderers write no
 * time but the publication's, the same bulletin always gives the same bytes, which is what lets the
 * bulletin page print a SHA-256 that a downloaded file can be checked against. The Excel appendix is
 * read from history as of publication, which later approvals do not change.
 */
import { createHash } from 'node:crypto';
import { toBulletinDocument } from './bulletin.presenter.ts';
import type { BulletinSnapshot } from './bulletins.service.ts';
import { renderBulletinDocx } from './render-docx.ts';
import { PdfFontNotFoundError, renderBulletinPdf } from './render-pdf.ts';
import { renderBulletinXlsx } from './render-xlsx.ts';
import { toBulletinAppendix, type PeriodRecords } from './bulletin-appendix.ts';

export const BULLETIN_FILE_KINDS = ['docx', 'pdf', 'xlsx'] as const;
export type BulletinFileKind = (typeof BULLETIN_FILE_KINDS)[number];

/** What GET /bulletins/:id says of each file: its SHA-256 (hex) and size in bytes. */
export interface BulletinFileDigest {
  sha256: string;
  bytes: number;
}

/** The stored bulletin as far as its files need it. */
export interface BulletinFileSource {
  id: number;
  race_id: number;
  year: number;
  period_index: number;
  title: string;
  issuer: string;
  doc_number: string;
  published_at: string;
  commentary: string;
  snapshot_json: string;
}

export const sha256Hex = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

/**
 * Renders and describes bulletin files. Digests are kept in memory per bulletin and kind once known
 * (a published bulletin never changes); a render in flight is shared, so the page and a download
 * arriving together render once. `pdfFont` is config.pdfFont; `timeZone` dates the printed 成文日期 and
 * the appendix's approval times; `records` reads the records behind a bulletin's figures as of its
 * publication (RaceService.bulletinRecords).
 */
export function createBulletinFiles({
  pdfFont,
  timeZone,
  records,
}: {
  pdfFont: string | null;
  timeZone: string;
  records: (b: BulletinFileSource) => Promise<PeriodRecords>;
}) {
  const digests = new Map<string, Promise<BulletinFileDigest>>();

  async function renderBytes(b: BulletinFileSource, kind: BulletinFileKind): Promise<Buffer> {
    const snapshot = JSON.parse(b.snapshot_json) as BulletinSnapshot;
    const doc = toBulletinDocument(b, snapshot, { timeZone });
    if (kind === 'docx') return renderBulletinDocx(doc);
    if (kind === 'pdf') return renderBulletinPdf(doc, { fontPath: pdfFont });
    return renderBulletinXlsx(doc, toBulletinAppendix(snapshot, doc, await records(b)), { timeZone });
  }

  return {
    /** The file's bytes and digest; remembers the digest for `describe`. */
    async render(b: BulletinFileSource, kind: BulletinFileKind): Promise<{ body: Buffer } & BulletinFileDigest> {
      const body = await renderBytes(b, kind);
      const digest = { sha256: sha256Hex(body), bytes: body.length };
      digests.set(`${b.id}:${kind}`, Promise.resolve(digest));
      return { body, ...digest };
    },

    /**
     * The file's digest, rendering it the first time. Null for a PDF while the server has no CJK font:
     * the page still shows, and the download says what to install.
     */
    async describe(b: BulletinFileSource, kind: BulletinFileKind): Promise<BulletinFileDigest | null> {
      const key = `${b.id}:${kind}`;
      let digest = digests.get(key);
      if (!digest) {
        digest = renderBytes(b, kind).then((body) => ({ sha256: sha256Hex(body), bytes: body.length }));
        digests.set(key, digest);
        // A failure is not remembered: the font may be installed before the next request.
        digest.catch(() => digests.delete(key));
      }
      try {
        return await digest;
      } catch (e) {
        if (e instanceof PdfFontNotFoundError) return null;
        throw e;
      }
    },
  };
}

export type BulletinFiles = ReturnType<typeof createBulletinFiles>;
