import { describe, expect, it } from 'vitest';
import { ConfigError, parseConfig } from './config.ts';

describe('configuration of the OC4IDS export', () => {
  it('defaults to the prefix oc4ids-lantern- and no licence', () => {
    expect(parseConfig({}).oc4ids).toEqual({ idPrefix: 'oc4ids-lantern-', license: null });
  });

  it('takes a deployment’s own prefix and licence', () => {
    const config = parseConfig({
      LANTERN_OC4IDS_PREFIX: 'oc4ids-lx7781-',
      LANTERN_OC4IDS_LICENSE: 'https://creativecommons.org/licenses/by/4.0/',
    });
    expect(config.oc4ids).toEqual({
      idPrefix: 'oc4ids-lx7781-',
      license: 'https://creativecommons.org/licenses/by/4.0/',
    });
  });

  it.each([
    ['a prefix with a space', { LANTERN_OC4IDS_PREFIX: 'oc4ids lantern' }, /LANTERN_OC4IDS_PREFIX/],
    ['an empty prefix', { LANTERN_OC4IDS_PREFIX: '' }, /LANTERN_OC4IDS_PREFIX/],
    [
      'a licence that is not a URL',
      { LANTERN_OC4IDS_LICENSE: 'CC-BY 4.0' },
      /LANTERN_OC4IDS_LICENSE must be an http\(s\) URL/,
    ],
  ])('stops the start on %s, naming the variable', (_what, env, message) => {
    expect(() => parseConfig(env)).toThrow(ConfigError);
    expect(() => parseConfig(env)).toThrow(message);
  });
});
