import { describe, expect, it } from 'vitest';
import { isPredictable, passwordProblem, passwordStrength } from './password-policy.ts';

const COMMON = new Set(['password1234', 'iloveyou1234', 'qwertyuiop123']);
const isCommon = (p: string) => COMMON.has(p);

describe('the password policy', () => {
  it.each([
    // password, username, the problem (null: accepted)
    ['          ', 'admin', 'PASSWORD_TOO_SHORT'],
    ['1234567890', 'admin', 'PASSWORD_TOO_SHORT'],
    ['aaaaaaaaaa', 'admin', 'PASSWORD_TOO_SHORT'],
    ['password12', 'admin', 'PASSWORD_TOO_SHORT'],
    ['short-1', 'admin', 'PASSWORD_TOO_SHORT'],
    ['x'.repeat(129), 'admin', 'PASSWORD_TOO_LONG'],
    ['            ', 'admin', 'PASSWORD_PATTERN'],
    ['aaaaaaaaaaaa', 'admin', 'PASSWORD_PATTERN'],
    ['abcabcabcabc', 'admin', 'PASSWORD_PATTERN'],
    ['123456789012', 'admin', 'PASSWORD_PATTERN'],
    ['0987654321098', 'admin', 'PASSWORD_PATTERN'],
    ['qwertyuiopasdf', 'admin', 'PASSWORD_PATTERN'],
    ['abcdefgh12345678', 'admin', 'PASSWORD_PATTERN'],
    ['Password1234', 'admin', 'PASSWORD_COMMON'],
    ['iloveyou1234', 'admin', 'PASSWORD_COMMON'],
    ['lantern-demo', 'admin', 'PASSWORD_DEMO'],
    ['Lantern-Demo', 'coordinator', 'PASSWORD_DEMO'],
    ['coordinator1', 'coordinator', 'PASSWORD_HAS_USERNAME'],
    ['my-Lanjiang-2026', 'lanjiang', 'PASSWORD_HAS_USERNAME'],
    ['admin-password-1', 'admin', 'PASSWORD_HAS_USERNAME'],
    ['my-lantern-2026', 'admin', 'PASSWORD_HAS_PRODUCT'],
    ['亮灯平台的密码很长很长', 'admin', 'PASSWORD_TOO_SHORT'],
    ['亮灯平台的密码真的很长很长', 'admin', 'PASSWORD_HAS_PRODUCT'],
    ['password-1234', 'admin', null],
    ['correct horse battery', 'admin', null],
    ['兰江街道的项目月报密码', 'lanjiang', 'PASSWORD_TOO_SHORT'],
    ['兰江街道的项目月报密码！', 'lanjiang', null],
    ['x'.repeat(3) + 'y9!Zq%2mQ#7w', 'admin', null],
    ['an 😀 emoji passphrase', 'admin', null],
  ] as const)('%j for %s: %s', (password, username, code) => {
    expect(passwordProblem(password, { username, isCommon })?.code ?? null).toBe(code);
  });

  it('counts characters, not UTF-16 units: twelve characters with emoji are twelve', () => {
    expect(passwordProblem('😀😀😀😀😀😀猫狗鸟鱼虫花', { username: 'admin' })).toBeNull();
    expect(passwordProblem('😀😀😀😀😀猫狗鸟鱼虫花', { username: 'admin' })?.code).toBe('PASSWORD_TOO_SHORT');
  });

  it('accepts 128 characters and says which limit a password passes', () => {
    expect(passwordProblem('correct horse '.repeat(9).slice(0, 128), { username: 'admin' })).toBeNull();
    expect(passwordProblem('ab', { username: 'admin' })).toEqual({ code: 'PASSWORD_TOO_SHORT', min: 12 });
    expect(passwordProblem('ab'.repeat(65) + 'c', { username: 'admin' })).toEqual({
      code: 'PASSWORD_TOO_LONG',
      max: 128,
    });
  });

  it('finds runs and repetitions, not ordinary words that touch a run', () => {
    expect(isPredictable('zyxwvutsrqpo')).toBe(true);
    expect(isPredictable('asdfghjkl;12')).toBe(false);
    expect(isPredictable('password-1234')).toBe(false);
  });

  it('rates strength from 0 (refused) to 4 for the meter', () => {
    expect(passwordStrength('aaaaaaaaaaaa')).toBe(0);
    expect(passwordStrength('short')).toBe(0);
    expect(passwordStrength('admin-secret-words', 'admin')).toBe(0);
    expect(passwordStrength('plainwordsxyz')).toBe(2);
    expect(passwordStrength('Tr0ub4dor&3-horse-staple')).toBe(4);
  });
});
