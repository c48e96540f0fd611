// Strings of the audit page (审计日志); the actions' and object types' names come from the domain.
import { useMemo } from 'react';
import { useNamespace, type Lang, type Vars } from './i18n-setup';
import type { KeyOf } from './locales';
import { auditActionLabel, auditObjectTypeLabel } from '../../src/domain/audit/audit-labels';

/** The keys of web/src/locales/<lang>/audit.json. */
export type AuditMessageKey = KeyOf<'audit'>;

export interface AuditI18n {
  lang: Lang;
  ta: (key: AuditMessageKey, vars?: Vars) => string;
  /** An action's name (修改亮灯规则…). */
  action: (action: string) => string;
  /** An object type's name (亮灯规则…). */
  objectType: (type: string) => string;
}

/** The audit page's strings in the current language. */
export function useAuditI18n(): AuditI18n {
  const { lang, t: ta } = useNamespace('audit');
  return useMemo<AuditI18n>(
    () => ({
      lang,
      ta,
      action: (action) => auditActionLabel(action, lang),
      objectType: (type) => auditObjectTypeLabel(type, lang),
    }),
    [lang, ta],
  );
}
