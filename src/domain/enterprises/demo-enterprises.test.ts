import { describe, expect, it } from 'vitest';
import { TEST_TOWNSHIPS } from '../demo/test-units.ts';
import { isIndustryCode } from '../industry/gbt4754.ts';
import { creditCodeProblem, organisationCodeCheckChar } from './credit-code.ts';
import { DEMO_REGION, demoEnterprises } from './demo-enterprises.ts';
import {
  ENTERPRISE_FLAGS,
  ENTERPRISE_SCALES,
  LICENCE_TYPES,
  type EnterpriseFlag,
  licenceReminderWindow,
  parseEnterpriseFlags,
  phoneProblem,
} from './enterprise-fields.ts';
import { buildOwnerIndex, enterpriseNameKey, matchOwner } from './enterprise-match.ts';

const TODAY = '2025-06-15';
const list = demoEnterprises(7, TODAY);
const licences = list.flatMap((e) => e.licences);

describe('demo enterprises', () => {
  it('are about two hundred, the same for the same seed and different for another', () => {
    expect(list.length).toBeGreaterThanOrEqual(180);
    expect(list.length).toBeLessThanOrEqual(220);
    expect(demoEnterprises(7, TODAY)).toEqual(list);
    expect(demoEnterprises(8, TODAY).map((e) => e.name)).not.toEqual(list.map((e) => e.name));
  });

  it('have valid, unique credit codes, mostly of the county, a few of 金华市 or 浙江省', () => {
    for (const e of list) {
      expect(creditCodeProblem(e.creditCode), e.creditCode).toBeNull();
      expect(e.creditCode.slice(0, 2)).toBe('91');
      expect(organisationCodeCheckChar(e.creditCode.slice(8, 16))).toBe(e.creditCode[16]);
    }
    expect(new Set(list.map((e) => e.creditCode)).size).toBe(list.length);
    const regions = list.map((e) => e.creditCode.slice(2, 8));
    expect(new Set(regions)).toEqual(new Set([DEMO_REGION, '330700', '330000']));
    expect(regions.filter((r) => r === DEMO_REGION).length).toBeGreaterThan(list.length * 0.8);
  });

  it('have unique names, also by the name key projects are matched with', () => {
    expect(new Set(list.map((e) => enterpriseNameKey(e.name))).size).toBe(list.length);
    for (const e of list) expect(e.name).toMatch(/(有限公司|分公司|厂)$/);
    // The short name (brand and trade) a project it owns may be named after, as it stands in the full name.
    for (const e of list) expect(e.name, e.shortName).toContain(e.shortName);
    for (const e of list) expect(e.shortName).toMatch(/^\p{Script=Han}{3,7}$/u);
    expect(list.some((e) => e.name.startsWith('兰溪市'))).toBe(true);
    expect(list.some((e) => e.name.startsWith('浙江') && e.name.endsWith('股份有限公司'))).toBe(true);
  });

  it('hold GB/T 4754 divisions, scales, townships and addresses', () => {
    for (const e of list) {
      expect(e.industryCode).toMatch(/^\d{2}$/);
      expect(isIndustryCode(e.industryCode)).toBe(true);
      expect(ENTERPRISE_SCALES).toContain(e.scale);
      expect(TEST_TOWNSHIPS).toContain(e.townshipName);
      expect(e.address.startsWith(`浙江省兰溪市${e.townshipName}`)).toBe(true);
    }
    expect(new Set(list.map((e) => e.industryCode)).size).toBeGreaterThan(15);
    expect(list.filter((e) => e.industryCode === '17').length).toBeGreaterThan(10);
    expect(new Set(list.map((e) => e.scale))).toEqual(new Set(ENTERPRISE_SCALES));
    expect(new Set(list.map((e) => e.townshipName)).size).toBeGreaterThan(10);
  });

  it('have contacts with valid phone numbers, the first one a mobile', () => {
    for (const e of list) {
      expect(e.contacts.length).toBeGreaterThanOrEqual(1);
      expect(e.contacts.length).toBeLessThanOrEqual(3);
      expect(e.contacts[0]!.phone).toMatch(/^1[3-9]\d{9}$/);
      for (const c of e.contacts) {
        expect(phoneProblem(c.phone), c.phone).toBeNull();
        expect(c.name).toMatch(/^\p{Script=Han}{2,4}$/u);
      }
    }
    expect(list.some((e) => e.contacts.some((c) => c.phone.startsWith('0579-')))).toBe(true);
    expect(list.some((e) => e.contacts.some((c) => c.role === undefined))).toBe(true);
  });

  it('flag a few, never listed and to-be-listed together', () => {
    for (const e of list) {
      expect(parseEnterpriseFlags(e.flags)).toEqual({ flags: e.flags });
      if (e.flags.includes('littleGiant')) expect(e.flags).toContain('specialised');
      if (e.flags.includes('listed') || e.flags.includes('toBeListed')) expect(e.name).toMatch(/股份有限公司$/);
    }
    for (const seed of [1, 7, 2025]) {
      const flagged = demoEnterprises(seed, TODAY);
      const count = (flag: EnterpriseFlag) => flagged.filter((e) => e.flags.includes(flag)).length;
      expect(count('listed')).toBe(2);
      expect(count('toBeListed')).toBe(3);
      expect(count('littleGiant')).toBe(2);
      for (const flag of ENTERPRISE_FLAGS) expect(count(flag), flag).toBeGreaterThan(0);
    }
    expect(list.filter((e) => e.flags.length > 0).length).toBeLessThan(list.length / 3);
  });

  it('give some enterprises licences with unique numbers, issued before today', () => {
    expect(list.filter((e) => e.licences.length > 0).length).toBeGreaterThan(40);
    expect(list.filter((e) => e.licences.length === 0).length).toBeGreaterThan(40);
    for (const l of licences) {
      expect(LICENCE_TYPES).toContain(l.type);
      expect(l.validFrom < l.validTo).toBe(true);
      expect(l.validFrom <= TODAY).toBe(true);
      expect(l.number).not.toBe('');
      expect(l.issuer).toMatch(/(局|厅)$/);
    }
    expect(new Set(licences.map((l) => l.number)).size).toBe(licences.length);
    expect(new Set(licences.map((l) => l.type))).toEqual(new Set(LICENCE_TYPES));
  });

  it.each([
    ['expired', 2],
    [7, 1],
    [30, 1],
    [60, 1],
    [90, 1],
  ] as const)('put licences in the %s reminder window (at least %i)', (window, least) => {
    for (const seed of [1, 7, 2025])
      expect(
        demoEnterprises(seed, TODAY)
          .flatMap((e) => e.licences)
          .filter((l) => licenceReminderWindow(l.validTo, TODAY) === window).length,
      ).toBeGreaterThanOrEqual(least);
  });

  it('leaves most licences valid beyond ninety days', () => {
    const later = licences.filter((l) => licenceReminderWindow(l.validTo, TODAY) === null).length;
    expect(later).toBeGreaterThan(licences.length / 2);
  });

  it('dates licences from the given today', () => {
    const other = demoEnterprises(7, '2026-01-31').flatMap((e) => e.licences);
    expect(other.filter((l) => licenceReminderWindow(l.validTo, '2026-01-31') === 7).length).toBeGreaterThan(0);
    expect(other.every((l) => l.validFrom <= '2026-01-31')).toBe(true);
  });

  it('can be matched by the owner index, by code and by name', () => {
    const index = buildOwnerIndex(list.map((e, i) => ({ id: i + 1, name: e.name, creditCode: e.creditCode })));
    list.forEach((e, i) => {
      expect(matchOwner({ ownerName: null, ownerCreditCode: e.creditCode }, index)).toEqual({
        enterpriseId: i + 1,
        by: 'creditCode',
      });
      expect(matchOwner({ ownerName: e.name, ownerCreditCode: null }, index)).toEqual({
        enterpriseId: i + 1,
        by: 'name',
      });
    });
  });

  it('refuses a bad today or no townships, and uses the townships given', () => {
    expect(() => demoEnterprises(7, '2025-02-30')).toThrow(RangeError);
    expect(() => demoEnterprises(7, TODAY, [])).toThrow(RangeError);
    expect(new Set(demoEnterprises(7, TODAY, ['游埠镇']).map((e) => e.townshipName))).toEqual(new Set(['游埠镇']));
  });
});
