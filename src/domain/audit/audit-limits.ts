/**
 * The most events one Excel export of the audit log holds. A longer list is refused with its count,
 * so that the reader narrows the dates or the object type instead of waiting for a file Excel
 * struggles to open.
 */
export const AUDIT_EXPORT_MAX_ROWS = 20_000;
