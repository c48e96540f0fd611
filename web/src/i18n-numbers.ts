// Strings of figures as of a moment (截至), a published period beside its live recomputation, and
// the records behind a figure (数据来源).
import { useMemo } from 'react';
import { useNamespace } from './i18n-setup';

/** The strings of as-of figures and drill-through in the current language. */
export function useNumbersI18n() {
  const { lang, t: tn } = useNamespace('numbers');
  return useMemo(() => ({ lang, tn }), [lang, tn]);
}
