// Strings of the targets (目标任务), the horse race (赛马), its ranking and the bulletins (晾晒通报).
// Indicator names come with the indicators themselves (GET /indicators, the ranking), not from here.
import { useMemo } from 'react';
import { useNamespace, type Lang, type Vars } from './i18n-setup';
import type { KeyOf } from './locales';
import type { LocalisedText } from '../../src/domain/lights/types';
import type { MethodKey, RacePeriodKind, ScoreNote } from './api-race';

/** The keys of web/src/locales/<lang>/race.json (the race, its targets, bulletins and corrections). */
export type RaceMessageKey = KeyOf<'race'>;

const QUARTER_ORDINALS = ['一', '二', '三', '四'];

export interface RaceI18n {
  lang: Lang;
  tk: (key: RaceMessageKey, vars?: Vars) => string;
  /** A server or domain text in the current language; a plain string stays as it is. */
  text: (value: LocalisedText | string | null | undefined) => string;
  method: (key: MethodKey) => string;
  periodKind: (kind: RacePeriodKind) => string;
  /** "2026年10月", "2026年第三季度", "2026年度". */
  period: (kind: RacePeriodKind, year: number, index: number) => string;
  /** "10月", "第三季度", "全年" — for the period select. */
  periodShort: (kind: RacePeriodKind, index: number) => string;
  note: (note: ScoreNote) => string;
  /** A unit after a label: "（亿元）" in Chinese, " (100M yuan)" in English. */
  inUnit: (unit: string) => string;
}

/** The race strings in the current language. */
export function useRaceI18n(): RaceI18n {
  const { lang, t: tk } = useNamespace('race');
  return useMemo(() => makeRaceI18n(lang, tk), [lang, tk]);
}

function makeRaceI18n(lang: Lang, tk: RaceI18n['tk']): RaceI18n {
  const text: RaceI18n['text'] = (value) =>
    value === null || value === undefined ? '' : typeof value === 'string' ? value : (value[lang] ?? value['zh-CN']);
  const periodVars = (year: number, index: number) => ({
    year,
    index,
    index2: String(index).padStart(2, '0'),
    ordinal: QUARTER_ORDINALS[index - 1] ?? index,
  });
  return {
    lang,
    tk,
    text,
    method: (key) => tk(`method.${key}` as RaceMessageKey),
    periodKind: (kind) => tk(`periodKind.${kind}` as RaceMessageKey),
    period: (kind, year, index) => tk(`period.${kind}` as RaceMessageKey, periodVars(year, index)),
    periodShort: (kind, index) => tk(`period.${kind}Short` as RaceMessageKey, periodVars(0, index)),
    note: (note) => tk(`note.${note}` as RaceMessageKey),
    inUnit: (unit) => (!unit ? '' : lang === 'en' ? ` (${unit})` : `（${unit}）`),
  };
}
