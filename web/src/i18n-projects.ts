// Strings of the project library (项目库, 四张清单), kept apart from the shell's dictionary.
// Enumeration labels (stages, natures, levels, …) come from src/domain and are not repeated here.
import { useMemo } from 'react';
import { useNamespace, type Lang, type Vars } from './i18n-setup';
import type { KeyOf } from './locales';

/** The keys of web/src/locales/<lang>/projects.json. */
export type ProjectMessageKey = KeyOf<'projects'>;

/** A label table of src/domain ({ 'zh-CN', en } per value). */
export type LabelTable = Record<string, { 'zh-CN': string; en: string }>;

export interface ProjectsI18n {
  lang: Lang;
  tp: (key: ProjectMessageKey, vars?: Vars) => string;
  /** The label of an enumerated value, the value itself when unknown, '—' when empty. */
  label: (table: LabelTable, value: string | null | undefined) => string;
}

/** The project strings in the current language. */
export function useProjectsI18n(): ProjectsI18n {
  const { lang, t } = useNamespace('projects');
  return useMemo<ProjectsI18n>(
    () => ({ lang, tp: t, label: (table, value) => (value ? (table[value]?.[lang] ?? value) : '—') }),
    [lang, t],
  );
}
