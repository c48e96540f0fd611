// Strings of the ledger import page (导入台账), kept apart like the other areas' dictionaries. The
// server's own messages (a file that is not a ledger, a row's problem) arrive translated already.
import { useMemo } from 'react';
import { useNamespace, type Lang, type Vars } from './i18n-setup';
import type { KeyOf } from './locales';
import zh from './locales/zh-CN/imports.json';
import type { ImportStatus, LedgerField, LedgerKind, ReportImportState, RowAction } from './api-imports';
import { FIELD_LABELS } from './import-fields';

export { FIELD_LABELS, FIELDS_OF, PROJECT_FIELDS, REPORT_FIELDS } from './import-fields';

/** The keys of web/src/locales/<lang>/imports.json. */
export type ImportMessageKey = KeyOf<'imports'>;

export interface ImportsI18n {
  lang: Lang;
  ti: (key: ImportMessageKey, vars?: Vars) => string;
  /** The string of a kind of ledger: `key.reports` for monthly reports where it exists, else `key`. */
  tk: (key: ImportMessageKey, ledger: LedgerKind, vars?: Vars) => string;
  field: (field: LedgerField) => string;
  action: (action: RowAction) => string;
  status: (status: ImportStatus) => string;
  ledger: (kind: LedgerKind) => string;
  /** A report state as chosen (保存为草稿…) or, short, as shown beside a ledger (草稿…). */
  reportState: (state: ReportImportState, short?: boolean) => string;
  /** A 'YYYY-MM' period as read: 2026年10月, 2026-10. */
  period: (period: string) => string;
}

/** The import strings in the current language. */
export function useImportsI18n(): ImportsI18n {
  const { lang, t: ti } = useNamespace('imports');
  return useMemo(() => makeImportsI18n(lang, ti), [lang, ti]);
}

function makeImportsI18n(lang: Lang, ti: ImportsI18n['ti']): ImportsI18n {
  const tk: ImportsI18n['tk'] = (key, ledger, vars) => {
    const own = `${key}.${ledger}`;
    return ti(own in zh ? (own as ImportMessageKey) : key, vars);
  };
  return {
    lang,
    ti,
    tk,
    field: (f) => FIELD_LABELS[f]?.[lang] ?? f,
    action: (a) => ti(`imports.action.${a}` as ImportMessageKey),
    status: (s) => ti(`imports.status.${s}` as ImportMessageKey),
    ledger: (k) => ti(`imports.ledger.${k}` as ImportMessageKey),
    reportState: (s, short = false) =>
      ti(`imports.${short ? 'reportStateShort' : 'reportState'}.${s}` as ImportMessageKey),
    period: (p) => {
      const [year, month] = p.split('-');
      if (!year || !month) return p;
      return ti('imports.period', { year, month: Number(month), month2: month.padStart(2, '0') });
    },
  };
}
