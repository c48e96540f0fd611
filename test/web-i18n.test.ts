// The web's messages are complete in both languages: every namespace of web/src/locales has the same keys in
// Chinese and English, no empty text, and the same `{name}` placeholders in each message; and i18next fills
// them as the hand-made translators did.
import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { NAMESPACES, resources, type Messages } from '../web/src/locales/index.ts';
import { fixedT } from '../web/src/i18n-setup.ts';

type Table = Record<string, string>;

/** Where the two languages may differ on purpose, by namespace and key. */
interface Allowed {
  /** A message filled by a helper that offers several forms of a value (10, '10'); each language picks its own. */
  offered?: Record<string, string[]>;
  /** A text one language leaves empty (a measure word English has no need of). */
  emptyIn?: Record<string, 'zh-CN' | 'en'>;
}

const ALLOWED: Partial<Record<string, Allowed>> = {
  reports: { offered: { 'reports.period': ['year', 'month', 'month2'] } },
  imports: {
    offered: { 'imports.period': ['year', 'month', 'month2'] },
    emptyIn: { 'imports.headerRow.suffix': 'en' },
  },
  race: {
    offered: Object.fromEntries(
      ['period.month', 'period.quarter', 'period.quarterShort'].map((key) => [
        key,
        ['year', 'index', 'index2', 'ordinal'],
      ]),
    ),
    emptyIn: { 'unit.count': 'en' },
  },
};

/** The placeholders of a message, sorted: "{year}年{month}月" → ['month', 'year']. */
function placeholders(text: string): string[] {
  return [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!).sort();
}

/** What is wrong between the Chinese and English tables of one namespace; empty when they agree. */
function problems(ns: string, zh: Table, en: Table, allowed: Allowed = {}): string[] {
  const found: string[] = [];
  for (const key of Object.keys(zh)) if (!(key in en)) found.push(`${ns}: "${key}" missing in en`);
  for (const key of Object.keys(en)) if (!(key in zh)) found.push(`${ns}: "${key}" missing in zh-CN`);
  for (const [lang, table] of [['zh-CN', zh] as const, ['en', en] as const]) {
    for (const [key, text] of Object.entries(table)) {
      if (allowed.emptyIn?.[key] === lang && text === '') continue;
      if (typeof text !== 'string' || text.trim() === '') found.push(`${ns}: "${key}" empty in ${lang}`);
    }
  }
  for (const key of Object.keys(zh)) {
    if (!(key in en)) continue;
    const [a, b] = [placeholders(zh[key]!), placeholders(en[key]!)];
    const offered = allowed.offered?.[key];
    if (offered) {
      const unknown = [...a, ...b].filter((name) => !offered.includes(name));
      if (unknown.length) found.push(`${ns}: "${key}" has {${unknown}}, not among {${offered}}`);
    } else if (a.join() !== b.join()) found.push(`${ns}: "${key}" has {${a}} in zh-CN but {${b}} in en`);
  }
  return found;
}

/** Every problem of every namespace of two languages' messages. */
function allProblems(zh: Messages, en: Messages): string[] {
  return NAMESPACES.flatMap((ns) => problems(ns, zh[ns], en[ns], ALLOWED[ns]));
}

/** The interpolation the hand-made translators did, for comparison with i18next's. */
function handMade(text: string, vars?: Record<string, string | number>): string {
  if (!vars) return text;
  return text.replace(/\{(\w+)\}/g, (whole, name: string) => (name in vars ? String(vars[name]) : whole));
}

describe('the web messages', () => {
  it('have the same keys, no empty text and the same placeholders in zh-CN and en', () => {
    expect(allProblems(resources['zh-CN'], resources.en)).toEqual([]);
  });

  it('bundle every file of web/src/locales', () => {
    for (const lang of ['zh-CN', 'en']) {
      const files = readdirSync(new URL(`../web/src/locales/${lang}`, import.meta.url)).sort();
      expect(files).toEqual(NAMESPACES.map((ns) => `${ns}.json`).sort());
    }
  });

  it('fail on a key missing in either language, an empty text or a placeholder that differs', () => {
    const zh = { 'a.title': '标题', 'a.count': '共 {n} 项', 'a.only': '只有中文', 'a.empty': '空' };
    const en = { 'a.title': 'Title', 'a.count': '{total} items', 'a.extra': 'English only', 'a.empty': ' ' };
    expect(problems('demo', zh, en)).toEqual([
      'demo: "a.only" missing in en',
      'demo: "a.extra" missing in zh-CN',
      'demo: "a.empty" empty in en',
      'demo: "a.count" has {n} in zh-CN but {total} in en',
    ]);
    const broken = { ...resources.en, common: { ...resources.en.common } };
    delete broken.common['common.save'];
    expect(allProblems(resources['zh-CN'], broken)).toEqual(['common: "common.save" missing in en']);
  });

  it('are filled by i18next exactly as before: {name} placeholders, missing values kept, nothing escaped', () => {
    for (const lang of ['zh-CN', 'en'] as const) {
      for (const ns of NAMESPACES) {
        const t = fixedT(lang, ns) as (key: string, vars?: Record<string, string | number>) => string;
        for (const [key, text] of Object.entries(resources[lang][ns])) {
          const names = placeholders(text);
          const vars = Object.fromEntries(names.map((name, i) => [name, i % 2 ? i : `<${name}&>`]));
          expect(t(key)).toBe(text);
          expect(t(key, vars)).toBe(handMade(text, vars));
          const numbers = Object.fromEntries(names.map((name, i) => [name, i + 1]));
          expect(t(key, numbers)).toBe(handMade(text, numbers));
          const some = Object.fromEntries(names.slice(1).map((name) => [name, 7]));
          expect(t(key, some)).toBe(handMade(text, some));
        }
      }
    }
  });
});
