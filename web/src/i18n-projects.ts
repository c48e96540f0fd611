// Strings of the project library (项目库, 四张清单), kept apart from the shell's dictionary.
// Enumeration labels (stages, natures, levels, …) come from src/domain and are not repeated here.
import { useI18n, type Lang } from './i18n';
import { PROJECTS_EN as en, PROJECTS_ZH as zh, type ProjectMessageKey } from './i18n-projects-strings';

export type { ProjectMessageKey };

const dictionaries: Record<Lang, Record<ProjectMessageKey, string>> = { 'zh-CN': zh, en };

/** A label table of src/domain ({ 'zh-CN', en } per value). */
export type LabelTable = Record<string, { 'zh-CN': string; en: string }>;

export interface ProjectsI18n {
  lang: Lang;
  tp: (key: ProjectMessageKey, vars?: Record<string, string | number>) => string;
  /** The label of an enumerated value, the value itself when unknown, '—' when empty. */
  label: (table: LabelTable, value: string | null | undefined) => string;
}

/** The project strings in the current language. */
export function useProjectsI18n(): ProjectsI18n {
  const { lang } = useI18n();
  return {
    lang,
    tp: (key, vars) => {
      const text = dictionaries[lang][key] ?? zh[key];
      if (!vars) return text;
      return text.replace(/\{(\w+)\}/g, (whole, name: string) => (name in vars ? String(vars[name]) : whole));
    },
    label: (table, value) => (value ? (table[value]?.[lang] ?? value) : '—'),
  };
}
