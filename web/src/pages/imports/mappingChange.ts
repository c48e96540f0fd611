// The mapping of step 2 as the PUT body wants it, for the card's changes and for keeping it.
import type { ImportView, LedgerField, MappingChange } from '../../api-imports';

/** The mapping as the PUT body wants it: every column of the header, null where left out. */
export function mappingChange(view: ImportView): MappingChange {
  const columns: Record<string, LedgerField | null> = {};
  for (const c of view.columns) columns[c.letter] = view.mapping.columns[c.letter] ?? null;
  return { columns, defaults: { ...view.mapping.defaults } };
}
