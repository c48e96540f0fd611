// The shell's messages (web/src/locales/<lang>/common.json) and the language switch, over react-i18next.
import { useMemo } from 'react';
import { fixedT, switchLang, useNamespace, type Lang, type Vars } from './i18n-setup';
import type { KeyOf } from './locales';

export { LANG_STORAGE_KEY, initI18n, loadLang, storeLang, type Lang, type Vars } from './i18n-setup';

/** Every key of the shell's messages; the English file must have exactly the same keys. */
export type MessageKey = KeyOf<'common'>;

export const ROLES = ['admin', 'coordinator', 'unit_editor', 'leader', 'enterprise', 'auditor'] as const;
export type Role = (typeof ROLES)[number];

export const UNIT_KINDS = ['county', 'street', 'township', 'department', 'platform', 'village', 'other'] as const;
export type UnitKind = (typeof UNIT_KINDS)[number];

/** Translates a key, filling `{name}` placeholders from vars. */
export function translate(lang: Lang, key: MessageKey, vars?: Vars): string {
  return fixedT(lang, 'common')(key, vars);
}

/** Label of a role code; unknown codes are shown as they are. */
export function roleLabel(lang: Lang, role: string): string {
  return (ROLES as readonly string[]).includes(role) ? translate(lang, `role.${role}` as MessageKey) : role;
}

/** Label of a unit kind code; unknown codes are shown as they are. */
export function kindLabel(lang: Lang, kind: string): string {
  return (UNIT_KINDS as readonly string[]).includes(kind) ? translate(lang, `kind.${kind}` as MessageKey) : kind;
}

export interface I18n {
  lang: Lang;
  setLang: (lang: Lang) => void;
  t: (key: MessageKey, vars?: Vars) => string;
  roleLabel: (role: string) => string;
  kindLabel: (kind: string) => string;
}

/** The current language, its translator and label helpers. */
export function useI18n(): I18n {
  const { lang, t } = useNamespace('common');
  return useMemo<I18n>(
    () => ({
      lang,
      setLang: switchLang,
      t,
      roleLabel: (role) => roleLabel(lang, role),
      kindLabel: (kind) => kindLabel(lang, kind),
    }),
    [lang, t],
  );
}
