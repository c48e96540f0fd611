/**
 * What may be attached to a ticket (a photo of the site, a scanned letter, a drawing): images and PDFs,
 * recognised by their content, never by their name, within a size per file and a count per ticket.
 */
export const ATTACHMENT_TYPES = ['image/jpeg', 'image/png', 'image/webp', 'application/pdf'] as const;
export type AttachmentType = (typeof ATTACHMENT_TYPES)[number];

export const ATTACHMENT_LIMITS = {
  /** 10 MB: a phone photo or a scanned document of a few pages. */
  maxFileBytes: 10 * 1024 * 1024,
  perTicket: 10,
} as const;

export const isAttachmentType = (mime: string | undefined): mime is AttachmentType =>
  mime !== undefined && (ATTACHMENT_TYPES as readonly string[]).includes(mime);

/** The extension a download is named with, from the type found in the content. */
export const ATTACHMENT_EXTENSIONS: Record<AttachmentType, string> = {
  'image/jpeg': 'jpg',
  'image/png': 'png',
  'image/webp': 'webp',
  'application/pdf': 'pdf',
};
