import { describe, expect, it } from 'vitest';
import {
  CONTACT_LABELS,
  ENTERPRISE_FIELDS,
  ENTERPRISE_FLAG_LABELS,
  ENTERPRISE_FLAGS,
  ENTERPRISE_LABELS,
  ENTERPRISE_SCALE_FULL_LABELS,
  ENTERPRISE_SCALE_LABELS,
  ENTERPRISE_SCALES,
  LICENCE_TYPE_LABELS,
  LICENCE_TYPES,
  LICENCE_VALIDITY_YEARS,
  licenceReminderWindow,
  listedAndToBeListedConflict,
  normalisePhone,
  parseEnterpriseFlags,
  phoneProblem,
} from './enterprise-fields.ts';

describe('enterprise labels', () => {
  it.each([
    ['fields', ENTERPRISE_FIELDS, ENTERPRISE_LABELS],
    ['scales', ENTERPRISE_SCALES, ENTERPRISE_SCALE_LABELS],
    ['full scales', ENTERPRISE_SCALES, ENTERPRISE_SCALE_FULL_LABELS],
    ['flags', ENTERPRISE_FLAGS, ENTERPRISE_FLAG_LABELS],
    ['contacts', ['name', 'phone', 'role'], CONTACT_LABELS],
    ['licences', LICENCE_TYPES, LICENCE_TYPE_LABELS],
  ] as const)('label every one of the %s in both languages, once each', (_what, values, labels) => {
    expect(Object.keys(labels).sort()).toEqual([...values].sort());
    const all = Object.values(labels) as { 'zh-CN': string; en: string }[];
    for (const label of all) {
      expect(label['zh-CN']).toMatch(/\p{Script=Han}/u);
      expect(label.en).toMatch(/^[A-Z“]/);
    }
    expect(new Set(all.map((l) => l['zh-CN'])).size).toBe(all.length);
  });

  it('uses the names people know', () => {
    expect(ENTERPRISE_LABELS.creditCode['zh-CN']).toBe('统一社会信用代码');
    expect(ENTERPRISE_LABELS.townshipUnitId['zh-CN']).toBe('所在乡镇');
    expect(ENTERPRISE_SCALE_LABELS.above['zh-CN']).toBe('规上');
    expect(ENTERPRISE_SCALE_FULL_LABELS.above['zh-CN']).toBe('规模以上');
    expect(ENTERPRISE_FLAG_LABELS.littleGiant['zh-CN']).toBe('专精特新“小巨人”');
    expect(ENTERPRISE_FLAGS.map((f) => ENTERPRISE_FLAG_LABELS[f]['zh-CN'])).toEqual([
      '专精特新',
      '专精特新“小巨人”',
      '高新技术企业',
      '上市',
      '拟上市',
    ]);
  });

  it('gives every licence type a validity', () => {
    for (const t of LICENCE_TYPES) expect(LICENCE_VALIDITY_YEARS[t]).toBeGreaterThan(0);
  });
});

describe('enterprise flags', () => {
  it('refuses listed together with to-be-listed', () => {
    expect(listedAndToBeListedConflict(['listed', 'toBeListed'])).toBe(true);
    expect(listedAndToBeListedConflict(['listed', 'highTech'])).toBe(false);
    expect(listedAndToBeListedConflict(['toBeListed', 'specialised', 'littleGiant'])).toBe(false);
    expect(listedAndToBeListedConflict([])).toBe(false);
  });

  it.each([
    [[], []],
    [['highTech'], ['highTech']],
    [
      ['listed', 'specialised', 'highTech'],
      ['specialised', 'highTech', 'listed'],
    ],
    [
      ['littleGiant', 'specialised', 'littleGiant'],
      ['specialised', 'littleGiant'],
    ],
  ])('parses %j as %j', (input, flags) => {
    expect(parseEnterpriseFlags(input)).toEqual({ flags });
  });

  it.each([
    [null, 'NOT_A_LIST'],
    ['highTech', 'NOT_A_LIST'],
    [{ highTech: true }, 'NOT_A_LIST'],
    [['hightech'], 'UNKNOWN_FLAG'],
    [['高新技术企业'], 'UNKNOWN_FLAG'],
    [['highTech', 1], 'UNKNOWN_FLAG'],
    [['toString'], 'UNKNOWN_FLAG'],
    [['listed', 'toBeListed'], 'LISTED_CONFLICT'],
  ])('refuses %j (%s)', (input, error) => {
    expect(parseEnterpriseFlags(input)).toEqual({ error });
  });
});

describe('contact phone numbers', () => {
  it.each([
    '13800000000',
    '19912345678',
    '0579-88888888',
    '057988888888',
    '0579-8888888',
    '010-66666666',
    '01066666666',
    '(0579)88888888',
    '0579-88888888-123',
    '0579-88888888转8021',
    '057988888888#12',
    '0579-88888888ext12',
  ])('accepts %s', (phone) => {
    expect(phoneProblem(phone)).toBeNull();
  });

  it.each([
    ['', 'EMPTY'],
    ['12800000000', 'FORMAT'],
    ['1380000000', 'FORMAT'],
    ['138000000000', 'FORMAT'],
    ['88888888', 'FORMAT'],
    ['0579-08888888', 'FORMAT'],
    ['0579-888888', 'FORMAT'],
    ['0579-888888888', 'FORMAT'],
    ['0579-88888888-', 'FORMAT'],
    ['+86 13800000000', 'FORMAT'],
    ['138 0000 0000', 'FORMAT'],
  ])('refuses %j (%s)', (phone, problem) => {
    expect(phoneProblem(phone)).toBe(problem);
  });

  it.each([
    ['138 0000 0000', '13800000000'],
    [' １３８００００００００ ', '13800000000'],
    ['０５７９－８８８８８８８８', '0579-88888888'],
    ['0579—88888888', '0579-88888888'],
  ])('normalises %j to %s, which is accepted', (input, phone) => {
    expect(normalisePhone(input)).toBe(phone);
    expect(phoneProblem(normalisePhone(input))).toBeNull();
  });
});

describe('licence reminder windows', () => {
  it.each([
    ['2025-06-14', 'expired'],
    ['2025-03-01', 'expired'],
    ['2025-06-15', 7],
    ['2025-06-22', 7],
    ['2025-06-23', 30],
    ['2025-07-15', 30],
    ['2025-07-16', 60],
    ['2025-08-14', 60],
    ['2025-08-15', 90],
    ['2025-09-13', 90],
    ['2025-09-14', null],
    ['2030-01-01', null],
  ])('on 2025-06-15 a licence valid to %s is in window %s', (validTo, window) => {
    expect(licenceReminderWindow(validTo, '2025-06-15')).toBe(window);
  });

  it('counts calendar days across a leap day and the year end', () => {
    expect(licenceReminderWindow('2024-03-07', '2024-02-28')).toBe(30);
    expect(licenceReminderWindow('2024-03-06', '2024-02-28')).toBe(7);
    expect(licenceReminderWindow('2026-01-01', '2025-12-31')).toBe(7);
  });
});
