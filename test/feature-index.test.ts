// The feature index (src/server/features/index.ts) is the one list of the server's features: what it
// misses is neither migrated, wired, routed nor translated. These checks catch a feature left off it.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { collectMigrations } from '../src/server/db/migrate.ts';
import { FEATURES } from '../src/server/features/index.ts';
import { installMessages, PLATFORM_MESSAGES, translate, type MessageKey } from '../src/server/http/i18n.ts';

const FEATURES_DIR = path.join(import.meta.dirname, '../src/server/features');
const MIGRATIONS_DIR = path.join(import.meta.dirname, '../src/server/db/migrations');
const folders = fs.readdirSync(FEATURES_DIR, { withFileTypes: true }).filter((d) => d.isDirectory());
const read = (...parts: string[]) => fs.readFileSync(path.join(FEATURES_DIR, ...parts), 'utf8');

describe('the feature index', () => {
  it('lists every feature folder that has routes, and each folder’s index registers all of its route files', () => {
    const index = read('index.ts');
    for (const { name } of folders) {
      const routes = fs.readdirSync(path.join(FEATURES_DIR, name)).filter((f) => f.endsWith('.routes.ts'));
      if (routes.length === 0) continue;
      expect(fs.existsSync(path.join(FEATURES_DIR, name, 'index.ts')), `${name}/index.ts`).toBe(true);
      expect(index, `features/index.ts imports ./${name}/index.ts`).toContain(`from './${name}/index.ts'`);
      const own = read(name, 'index.ts');
      for (const file of routes) expect(own, `${name}/index.ts imports ${file}`).toContain(`from './${file}'`);
    }
  });

  it('imports every folder’s index.ts, and gives each feature one name', () => {
    const index = read('index.ts');
    for (const { name } of folders)
      if (fs.existsSync(path.join(FEATURES_DIR, name, 'index.ts')))
        expect(index, `features/index.ts imports ./${name}/index.ts`).toContain(`from './${name}/index.ts'`);
    const names = FEATURES.map((f) => f.name);
    expect(new Set(names).size).toBe(names.length);
  });

  it('gives every migration file to exactly one feature, under its recorded name, in order', () => {
    const files = fs
      .readdirSync(MIGRATIONS_DIR)
      .filter((f) => /^\d{4}_[\w-]+\.ts$/.test(f))
      .map((f) => f.replace(/\.ts$/, ''))
      .sort();
    const names = FEATURES.flatMap((f) => Object.keys(f.migrations ?? {}));
    expect(new Set(names).size).toBe(names.length);
    expect(Object.keys(collectMigrations(FEATURES))).toEqual(files);
    // Numbered 0001, 0002, … without a gap or a number taken twice.
    expect(files[0]).toBe('0001_foundation');
    expect(files.map((f) => Number(f.slice(0, 4)))).toEqual(files.map((_, i) => i + 1));
  });

  it('refuses two features claiming one migration name', () => {
    const m = { up: async () => {} };
    expect(() =>
      collectMigrations([
        { name: 'one', migrations: { '0099_x': m } },
        { name: 'two', migrations: { '0099_x': m } },
      ]),
    ).toThrow(/0099_x is defined by both one and two/);
  });

  it('has each message in both languages, each key defined once, and every feature message installed', () => {
    const seen = new Map<string, string>(Object.keys(PLATFORM_MESSAGES).map((k) => [k, 'the platform']));
    for (const feature of FEATURES)
      for (const [key, entry] of Object.entries(feature.messages ?? {})) {
        expect(seen.get(key), `${key} of ${feature.name} is also defined by ${seen.get(key)}`).toBeUndefined();
        seen.set(key, feature.name);
        expect(entry['zh-CN'].trim(), `${key} zh-CN`).not.toBe('');
        expect(entry.en.trim(), `${key} en`).not.toBe('');
      }
    for (const feature of FEATURES)
      for (const [key, entry] of Object.entries(feature.messages ?? {})) {
        expect(translate(key as MessageKey, 'zh-CN'), key).toBe(entry['zh-CN']);
        expect(translate(key as MessageKey, 'en'), key).toBe(entry.en);
      }
  });

  it('refuses a message key that a second feature defines again', () => {
    const [feature] = FEATURES.filter((f) => Object.keys(f.messages ?? {}).length > 0);
    const [key] = Object.keys(feature!.messages!);
    expect(() =>
      installMessages([{ owner: 'copycat', messages: { [key!]: { 'zh-CN': '另一条', en: 'another' } } }]),
    ).toThrow(new RegExp(`${key} is defined by both ${feature!.name} and copycat`));
    expect(translate(key as MessageKey, 'en')).toBe(feature!.messages![key!]!.en);
  });
});
