// Reading a ledger's header again from the row the person names (表头行).
import { importsApi, type ImportView } from '../../api-imports';

/**
 * Reads the header from `headerRow`: sent without columns, the server maps the new header's columns
 * afresh (the unit's saved mapping, else its proposal; for monthly reports without a month column,
 * the month the title names). The person's defaults (审批方式 for all rows, 报告期) are kept. A row
 * with no project name or code column is refused with a message saying so.
 */
export function rereadHeader(view: ImportView, headerRow: number): Promise<ImportView> {
  const options = view.ledger === 'reports' ? { options: { reportState: view.options.reportState } } : {};
  return importsApi.setMapping(view.id, { headerRow, columns: {}, defaults: { ...view.mapping.defaults }, ...options });
}
