/** Builds findings and their wording; English needs plurals, Chinese does not. */
import type { DimensionKey, Finding } from './types.ts';

/** "1 month" / "2 months". */
export function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

export function finding(
  dimension: DimensionKey,
  colour: Finding['colour'],
  code: string,
  params: Finding['params'],
  zh: string,
  en: string,
): Finding {
  return { dimension, colour, code, params, text: { 'zh-CN': zh, en } };
}
