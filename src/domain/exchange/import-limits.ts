/**
 * The limits of a ledger import, in one place for the server, the command line and the web page.
 * A 100,000-row ledger of thirty columns is about 12 MB as .xlsx; DESIGN §3.11 wants no row limit
 * below 100,000, so the file limit leaves room above that and refuses what is clearly not a ledger.
 */
export const IMPORT_LIMITS = {
  /** Largest file accepted, in bytes. */
  maxFileBytes: 30 * 1024 * 1024,
  /** Errors kept per import (listed and marked in the error workbook); beyond, they are only counted. */
  maxStoredErrors: 20_000,
  /** Rows shown in the preview. */
  previewRows: 10,
  /** Errors returned inline by a check; the rest page through GET …/errors. */
  inlineErrors: 100,
} as const;
