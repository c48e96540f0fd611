// Strings of the lights (亮灯), the rules page and the leaders' dashboard (驾驶舱).
import { useMemo } from 'react';
import { useNamespace, type Lang, type Vars } from './i18n-setup';
import type { KeyOf } from './locales';
import zh from './locales/zh-CN/lights.json';
import type { Colour, DimensionKey, LocalisedText } from '../../src/domain/lights/types';

/** The keys of web/src/locales/<lang>/lights.json. */
export type LightsMessageKey = KeyOf<'lights'>;

export interface LightsI18n {
  lang: Lang;
  tl: (key: LightsMessageKey, vars?: Vars) => string;
  /** A colour's name (红灯…). */
  colour: (colour: Colour) => string;
  /** A dimension's name (开工…). */
  dimension: (key: DimensionKey | string) => string;
  /** A server text in the current language. */
  text: (value: LocalisedText) => string;
}

/** The lights strings in the current language. */
export function useLightsI18n(): LightsI18n {
  const { lang, t: tl } = useNamespace('lights');
  return useMemo<LightsI18n>(
    () => ({
      lang,
      tl,
      colour: (c) => tl(`colour.${c}` as LightsMessageKey),
      dimension: (key) => (`dim.${key}` in zh ? tl(`dim.${key}` as LightsMessageKey) : key),
      text: (value) => value[lang] ?? value['zh-CN'],
    }),
    [lang, tl],
  );
}
