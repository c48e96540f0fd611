// i18next, set up once for the whole app with the bundled messages of web/src/locales; the hooks of
// i18n.ts and i18n-<area>.ts are thin wrappers over react-i18next's useTranslation.
import { useMemo } from 'react';
import i18next from 'i18next';
import { initReactI18next, useTranslation } from 'react-i18next';
import { NAMESPACES, resources, type KeyOf, type Namespace } from './locales';

/** The two UI languages; Chinese is the default, English is a switch. */
export type Lang = 'zh-CN' | 'en';

export const LANG_STORAGE_KEY = 'lantern.lang';

/** Values filling a message's `{name}` placeholders. */
export type Vars = Record<string, string | number>;

/** A message of one namespace by key, its placeholders filled from vars. */
export type Translate<K extends string> = (key: K, vars?: Vars) => string;

/** The stored choice, Chinese unless the user switched to English before. */
export function loadLang(): Lang {
  try {
    return localStorage.getItem(LANG_STORAGE_KEY) === 'en' ? 'en' : 'zh-CN';
  } catch {
    return 'zh-CN';
  }
}

export function storeLang(lang: Lang): void {
  try {
    localStorage.setItem(LANG_STORAGE_KEY, lang);
  } catch {
    // Private mode without storage: the choice lasts for this page only.
  }
}

/** Starts i18next (synchronously: the messages are bundled) unless it runs already. */
function ensureStarted(): void {
  if (i18next.isInitialized) return;
  void i18next.use(initReactI18next).init({
    resources,
    lng: loadLang(),
    fallbackLng: 'zh-CN',
    supportedLngs: ['zh-CN', 'en'],
    load: 'currentOnly',
    ns: NAMESPACES,
    defaultNS: 'common',
    initAsync: false,
    // Keys are flat ('common.save') and may hold any character.
    keySeparator: false,
    nsSeparator: false,
    // The messages' placeholders are `{name}`; a placeholder without a value stays as written.
    // React escapes what it renders, so values are not escaped here.
    interpolation: { prefix: '{', suffix: '}', escapeValue: false, skipOnVariables: true },
    react: { useSuspense: false },
  });
}

/**
 * Starts i18next in the stored language and calls `apply` with the language now and after each
 * switch (the API's Accept-Language, dayjs, the page's lang attribute).
 */
export function initI18n(apply: (lang: Lang) => void): void {
  ensureStarted();
  apply(currentLang());
  i18next.on('languageChanged', (lng) => apply(lng === 'en' ? 'en' : 'zh-CN'));
}

/** The language shown now. */
export function currentLang(): Lang {
  ensureStarted();
  return i18next.language === 'en' ? 'en' : 'zh-CN';
}

/** Switches the language and keeps the choice for the next visit. */
export function switchLang(lang: Lang): void {
  ensureStarted();
  storeLang(lang);
  void i18next.changeLanguage(lang);
}

/** The translator of one namespace in one language. */
export function fixedT<N extends Namespace>(lang: Lang, ns: N): Translate<KeyOf<N>> {
  ensureStarted();
  const t = i18next.getFixedT(lang, ns);
  return (key, vars) => t(key, vars) as string;
}

/**
 * The current language and the translator of one namespace; the component renders again on a
 * switch, and both stay the same objects until then.
 */
export function useNamespace<N extends Namespace>(ns: N): { lang: Lang; t: Translate<KeyOf<N>> } {
  ensureStarted();
  const { i18n } = useTranslation(ns);
  const lang: Lang = i18n.language === 'en' ? 'en' : 'zh-CN';
  return useMemo(() => ({ lang, t: fixedT(lang, ns) }), [lang, ns]);
}
