import { DEMO_DEPARTMENTS, DEMO_PLATFORMS, type DemoUnitRef } from './demo-county.ts';

/** 兰溪市's townships and streets, for the demo generator's tests. */
export const TEST_TOWNSHIPS = [
  '兰江街道',
  '云山街道',
  '永昌街道',
  '赤溪街道',
  '女埠街道',
  '上华街道',
  '游埠镇',
  '诸葛镇',
  '黄店镇',
  '香溪镇',
  '马涧镇',
  '梅江镇',
  '横溪镇',
  '灵洞乡',
  '水亭畲族乡',
  '柏社乡',
];

/** The units the demo county would have: the county, its departments, platforms, townships and a village. */
export const TEST_UNITS: DemoUnitRef[] = [
  { name: '兰溪市', kind: 'county' },
  ...DEMO_DEPARTMENTS.map((name) => ({ name, kind: 'department' as const })),
  ...DEMO_PLATFORMS.map((name) => ({ name, kind: 'platform' as const })),
  ...TEST_TOWNSHIPS.map((name) => ({
    name,
    kind: name.endsWith('街道') ? ('street' as const) : ('township' as const),
  })),
  { name: '芝堰村', kind: 'village' },
];
