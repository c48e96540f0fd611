import { describe, expect, it } from 'vitest';
import { INDUSTRY_DIVISIONS, INDUSTRY_SECTIONS, findIndustry, isIndustryCode } from './gbt4754.ts';

describe('GB/T 4754-2017 data', () => {
  it('has 20 sections A–T and 97 divisions 01–97', () => {
    expect(INDUSTRY_SECTIONS.map((s) => s.code).join('')).toBe('ABCDEFGHIJKLMNOPQRST');
    expect(INDUSTRY_DIVISIONS).toHaveLength(97);
    expect(INDUSTRY_DIVISIONS.map((d) => Number(d.code))).toEqual(Array.from({ length: 97 }, (_, i) => i + 1));
    expect(new Set(INDUSTRY_DIVISIONS.map((d) => d.name)).size).toBe(97);
  });

  it.each([
    ['A', '01', '05'],
    ['B', '06', '12'],
    ['C', '13', '43'],
    ['D', '44', '46'],
    ['E', '47', '50'],
    ['F', '51', '52'],
    ['G', '53', '60'],
    ['H', '61', '62'],
    ['I', '63', '65'],
    ['J', '66', '69'],
    ['K', '70', '70'],
    ['L', '71', '72'],
    ['M', '73', '75'],
    ['N', '76', '79'],
    ['O', '80', '82'],
    ['P', '83', '83'],
    ['Q', '84', '85'],
    ['R', '86', '90'],
    ['S', '91', '96'],
    ['T', '97', '97'],
  ])('section %s holds exactly the divisions %s–%s', (section, first, last) => {
    const codes = INDUSTRY_DIVISIONS.filter((d) => d.section === section).map((d) => Number(d.code));
    const expected = Array.from({ length: Number(last) - Number(first) + 1 }, (_, i) => Number(first) + i);
    expect(codes).toEqual(expected);
  });

  it.each([
    ['13', '农副食品加工业'],
    ['17', '纺织业'],
    ['26', '化学原料和化学制品制造业'],
    ['39', '计算机、通信和其他电子设备制造业'],
    ['44', '电力、热力生产和供应业'],
    ['48', '土木工程建筑业'],
    ['54', '道路运输业'],
    ['83', '教育'],
  ])('names division %s %s', (code, name) => {
    expect(INDUSTRY_DIVISIONS.find((d) => d.code === code)?.name).toBe(name);
  });
});

describe('findIndustry', () => {
  it.each([
    ['17', { code: '17', section: 'C', name: '纺织业', sectionName: '制造业' }],
    ['C17', { code: '17', section: 'C', name: '纺织业', sectionName: '制造业' }],
    ['c17', { code: '17', section: 'C', name: '纺织业', sectionName: '制造业' }],
    [' 48 ', { code: '48', section: 'E', name: '土木工程建筑业', sectionName: '建筑业' }],
    ['01', { code: '01', section: 'A', name: '农业', sectionName: '农、林、牧、渔业' }],
    ['T97', { code: '97', section: 'T', name: '国际组织', sectionName: '国际组织' }],
    ['C', { code: 'C', section: 'C', name: '制造业', sectionName: '制造业' }],
    ['n', { code: 'N', section: 'N', name: '水利、环境和公共设施管理业', sectionName: '水利、环境和公共设施管理业' }],
  ])('finds %j', (input, expected) => {
    expect(findIndustry(input)).toEqual(expected);
    expect(isIndustryCode(input)).toBe(true);
  });

  it.each(['99', '00', '98', 'Z', 'U', 'C99', 'A17', '7', '170', 'C1', '', 'CC17', '纺织业'])('refuses %j', (input) => {
    expect(findIndustry(input)).toBeUndefined();
    expect(isIndustryCode(input)).toBe(false);
  });
});
