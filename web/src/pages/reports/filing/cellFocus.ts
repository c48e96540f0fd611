// Spreadsheet moves between the filing grid's cells: Enter / ArrowDown down a column, ArrowUp up,
// Tab across (the browser's own order). Cells are found by their test ids, so the desktop grid and the
// phone cards move the same way; a row that cannot be edited is stepped over.
import type { KeyboardEvent } from 'react';
import type { FilingCell } from './filingRows';

export const cellId = (cell: FilingCell, index: number) => `filing-${cell}-${index}`;

function focusFrom(cell: FilingCell, index: number, step: 1 | -1, count: number): void {
  for (let i = index + step; i >= 0 && i < count; i += step) {
    const el = document.querySelector<HTMLInputElement | HTMLTextAreaElement>(`[data-testid="${cellId(cell, i)}"]`);
    if (el && !el.disabled) {
      el.focus();
      el.select();
      return;
    }
  }
}

/** The key handler of a cell: Enter never submits anything, it moves down like a spreadsheet. */
export function cellKeys(cell: FilingCell, index: number, count: number) {
  return (event: KeyboardEvent<HTMLElement>) => {
    if (event.nativeEvent.isComposing) return; // an IME choosing characters owns Enter and the arrows
    const down = event.key === 'Enter' || event.key === 'ArrowDown';
    if (down) {
      event.preventDefault();
      focusFrom(cell, index, 1, count);
    } else if (event.key === 'ArrowUp') {
      event.preventDefault();
      focusFrom(cell, index, -1, count);
    }
  };
}
