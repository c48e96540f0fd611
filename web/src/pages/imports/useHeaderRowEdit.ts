// Step 2 of an import, the header row as the person types it, kept by the card across its re-renders.
import { useEffect, useState } from 'react';
import type { ImportView } from '../../api-imports';

export function useHeaderRowEdit(view: ImportView, onHeaderRow: (row: number) => void) {
  // The header row being typed; a new header (another sheet, another row) starts it again.
  const [editingRow, setEditingRow] = useState(false);
  const [row, setRow] = useState<number | null>(view.headerRow);
  useEffect(() => {
    setRow(view.headerRow);
    setEditingRow(false);
  }, [view.id, view.sheet, view.headerRow]);
  const applyRow = () => {
    if (row && row !== view.headerRow) onHeaderRow(row);
  };
  return { editingRow, setEditingRow, row, setRow, applyRow };
}

export type HeaderRowEdit = ReturnType<typeof useHeaderRowEdit>;
