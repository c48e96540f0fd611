// Strings of the monthly reports (固投月报), kept apart from the shell's dictionary.
// Report states come from REPORT_STATE_LABELS in src/domain/reports and are not repeated here.
import { useMemo } from 'react';
import { useNamespace, type Lang, type Vars } from './i18n-setup';
import type { KeyOf } from './locales';

/** The keys of web/src/locales/<lang>/reports.json. */
export type ReportMessageKey = KeyOf<'reports'>;

export interface ReportsI18n {
  lang: Lang;
  tr: (key: ReportMessageKey, vars?: Vars) => string;
  /** "2026年10月" / "2026-10". */
  period: (year: number, month: number) => string;
}

/** The report strings in the current language. */
export function useReportsI18n(): ReportsI18n {
  const { lang, t: tr } = useNamespace('reports');
  return useMemo<ReportsI18n>(
    () => ({
      lang,
      tr,
      period: (year, month) => tr('reports.period', { year, month, month2: String(month).padStart(2, '0') }),
    }),
    [lang, tr],
  );
}
