import { describe, expect, it } from 'vitest';
import {
  CREDIT_CODE_CHARS,
  creditCodeCheckChar,
  creditCodeProblem,
  isValidCreditCode,
  makeCreditCode,
  normaliseCreditCode,
  organisationCodeCheckChar,
} from './credit-code.ts';

/** Codes published on the companies' business licences and in the public enterprise credit system. */
const PUBLISHED: readonly (readonly [name: string, code: string])[] = [
  ['阿里巴巴（中国）有限公司', '91330100799655058B'],
  ['华为技术有限公司', '914403001922038216'],
  ['腾讯科技（深圳）有限公司', '9144030071526726XG'],
  ['小米科技有限责任公司', '91110108551385082Q'],
  ['北京百度网讯科技有限公司', '91110000802100433B'],
  ['中国石油天然气股份有限公司', '91110000710925462X'],
  ['比亚迪股份有限公司', '91440300192317458F'],
];

describe('unified social credit code (GB 32100-2015)', () => {
  it('has 31 characters without I, O, S, V, Z', () => {
    expect(CREDIT_CODE_CHARS).toHaveLength(31);
    expect(CREDIT_CODE_CHARS).not.toMatch(/[IOSVZ]/);
  });

  it.each(PUBLISHED)('accepts the published code of %s', (_name, code) => {
    expect(creditCodeProblem(code)).toBeNull();
    expect(isValidCreditCode(code)).toBe(true);
    expect(creditCodeCheckChar(code.slice(0, 17))).toBe(code[17]);
    expect(makeCreditCode(code.slice(0, 17))).toBe(code);
  });

  it('writes a computed 31 as 0 and 30 as Y', () => {
    // Σ ≡ 0 (mod 31) gives 31 → '0'; Σ ≡ 1 gives 30 → 'Y'.
    expect(creditCodeCheckChar('00000000000000000')).toBe('0');
    expect(creditCodeCheckChar('10000000000000000')).toBe('Y');
  });

  it.each([
    ['91330100799655058C', 'CHECK'],
    ['914403001922038217', 'CHECK'],
    ['9133010079965505', 'LENGTH'],
    ['91330100799655058', 'LENGTH'],
    ['91330100799655058BB', 'LENGTH'],
    ['', 'LENGTH'],
    ['91330100I99655058B', 'CHARSET'],
    ['91330100O99655058B', 'CHARSET'],
    ['91330100Z99655058B', 'CHARSET'],
    ['91330100S99655058B', 'CHARSET'],
    ['91330100799655058b', 'CHARSET'],
    ['91330100-99655058B', 'CHARSET'],
    ['9133A100799655058B', 'REGION'],
    ['91MA0100799655058B', 'REGION'],
  ])('refuses %s (%s)', (code, problem) => {
    expect(creditCodeProblem(code)).toBe(problem);
    expect(isValidCreditCode(code)).toBe(false);
  });

  it('does not enforce the organisation code’s own check character (position 17)', () => {
    const huawei = '914403001922038216';
    expect(organisationCodeCheckChar(huawei.slice(8, 16))).toBe(huawei[16]);
    const innerWrong = makeCreditCode(`${huawei.slice(0, 16)}3`);
    expect(organisationCodeCheckChar(innerWrong.slice(8, 16))).not.toBe(innerWrong[16]);
    expect(creditCodeProblem(innerWrong)).toBeNull();
  });

  it.each([
    ['91330100799655058b', '91330100799655058B'],
    ['  91330100799655058B\t', '91330100799655058B'],
    ['9133 0100 7996 5505 8B', '91330100799655058B'],
    ['９１３３０１００７９９６５５０５８Ｂ', '91330100799655058B'],
    ['９１３３０１００７９９６５５０５８ｂ', '91330100799655058B'],
    ['\u3000914403001922038216\u3000', '914403001922038216'],
  ])('normalises %s to a valid code', (input, code) => {
    expect(normaliseCreditCode(input)).toBe(code);
    expect(creditCodeProblem(normaliseCreditCode(input))).toBeNull();
  });

  it('normalises without validating', () => {
    expect(normaliseCreditCode(' 9133a1oo ')).toBe('9133A1OO');
    expect(creditCodeProblem(normaliseCreditCode('9133A100799655058B'))).toBe('REGION');
  });

  it('refuses to compute a check character from anything but 17 characters of the set', () => {
    expect(() => creditCodeCheckChar('9133010079965505')).toThrow(RangeError);
    expect(() => creditCodeCheckChar('91330100799655O58')).toThrow(RangeError);
    expect(() => makeCreditCode('91330100799655058b')).toThrow(RangeError);
  });

  it.each([
    ['79965505', '8'],
    ['19220382', '1'],
    ['71526726', 'X'],
  ])('computes the organisation code check of %s as %s', (body, check) => {
    expect(organisationCodeCheckChar(body)).toBe(check);
  });
});
