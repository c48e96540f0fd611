import { describe, expect, it } from 'vitest';
import { findIndustry } from '../industry/gbt4754.ts';
import { normaliseProjectCode } from '../projects/project-code.ts';
import { chainBackward } from './dates.ts';
import {
  checkDemoProject,
  DEMO_DEPARTMENTS,
  DEMO_PLATFORMS,
  generateDemoProjects,
  type DemoProject,
} from './demo-county.ts';
import { TEST_TOWNSHIPS, TEST_UNITS } from './test-units.ts';
import { demoEnterprises } from '../enterprises/demo-enterprises.ts';
import { isCreditCode } from './parties.ts';
import { allocate, createRng } from './random.ts';
import { STAGE_SHARES } from './schedule.ts';

const TOWNSHIPS = TEST_TOWNSHIPS;
const UNITS = TEST_UNITS;
const TODAY = '2025-06-15';
const run = (seed = 20250615, today = TODAY, count = 300, units = UNITS) =>
  generateDemoProjects({ seed, today, count, units });
const projects = run();
const kindOf = new Map(UNITS.map((u) => [u.name, u.kind]));

describe('generateDemoProjects', () => {
  it('gives exactly the same projects for the same seed and inputs', () => {
    expect(run(7)).toEqual(run(7));
  });

  it('gives different projects for a different seed', () => {
    expect(run(8).map((p) => p.name)).not.toEqual(run(7).map((p) => p.name));
  });

  it.each([0, 1, 7, 300, 1200])('returns exactly %i projects', (count) => {
    expect(run(1, TODAY, count)).toHaveLength(count);
  });

  it.each(['2025-06-15', '2025-01-01', '2025-12-31', '2024-02-29'])(
    'passes every rule for every project of a 300-project run on %s',
    (today) => {
      const problems = run(3, today).flatMap((p) => checkDemoProject(p, today).map((e) => `${p.name}: ${e}`));
      expect(problems).toEqual([]);
    },
  );

  it('passes every rule at 3,000 projects, with unique names and codes', () => {
    const many = run(11, TODAY, 3000);
    expect(many.flatMap((p) => checkDemoProject(p, TODAY))).toEqual([]);
    expect(new Set(many.map((p) => p.name)).size).toBe(3000);
    const codes = many.flatMap((p) => (p.code ? [p.code] : []));
    expect(new Set(codes).size).toBe(codes.length);
  });

  it('is long-tailed: over 40% under 5,000 万元, at least one over 10 亿, none over 50 亿', () => {
    const amounts = projects.map((p) => p.totalInvestmentWan);
    expect(amounts.filter((a) => a < 5_000).length / amounts.length).toBeGreaterThan(0.4);
    expect(amounts.some((a) => a > 100_000)).toBe(true);
    expect(Math.max(...amounts)).toBeLessThanOrEqual(500_000);
    expect(amounts.filter((a) => a >= 10_000).length).toBeLessThan(amounts.filter((a) => a < 10_000).length / 2);
  });

  it('gives about 60% of projects a unique, valid GB/T 40058 code of region 330781 naming the industry and approval mode', () => {
    const coded = projects.filter((p) => p.code !== null);
    expect(coded.length / projects.length).toBeGreaterThan(0.5);
    expect(coded.length / projects.length).toBeLessThan(0.75);
    expect(new Set(coded.map((p) => p.code)).size).toBe(coded.length);
    for (const p of coded) {
      expect(normaliseProjectCode(p.code!)).toEqual({ code: p.code });
      const [yymm, region, division, type] = p.code!.split('-');
      expect(region).toBe('330781');
      expect(division).toBe(p.industryCode);
      expect(type).toBe({ approval: '01', ratification: '02', filing: '03' }[p.approvalMode]);
      expect(`20${yymm!.slice(0, 2)}-${yymm!.slice(2)}` <= TODAY.slice(0, 7)).toBe(true);
    }
  });

  it('names every project uniquely', () => {
    expect(new Set(projects.map((p) => p.name)).size).toBe(projects.length);
  });

  it('uses valid GB/T 4754 division codes', () => {
    for (const p of projects) expect(findIndustry(p.industryCode)?.code).toBe(p.industryCode);
  });

  it.each([
    [/学校|小学|中学|幼儿园/, ['83']],
    [/公路|道路|大桥/, ['48']],
    [/医院|卫生院|卫生服务中心/, ['84']],
    [/面料|纺纱|家纺|针织服装|差别化纤维|坯布/, ['17', '18', '28']],
    [/光学|偏光片|背光|复合膜/, ['29', '39']],
    [/水库|防洪堤|圩区/, ['76']],
    [/制剂|原料药|中药饮片/, ['27']],
    [/养老|福利|颐养/, ['85']],
  ])('gives names matching %s an industry among %j', (pattern, codes) => {
    const matching = run(5, TODAY, 1000).filter((p) => pattern.test(p.name));
    expect(matching.length).toBeGreaterThan(0);
    for (const p of matching) expect(codes, p.name).toContain(p.industryCode);
  });

  it('keeps the stage mix within two points of the target shares', () => {
    for (const [stage, share] of Object.entries(STAGE_SHARES)) {
      const actual = projects.filter((p) => p.stage === stage).length / projects.length;
      expect(Math.abs(actual * 100 - share), stage).toBeLessThanOrEqual(2);
    }
  });

  it('leaves work for the start warnings and shows most of this year’s due starts begun', () => {
    const late = projects.filter(
      (p) => p.stage === 'preparing' && p.plannedStartDate !== null && p.plannedStartDate < TODAY,
    );
    expect(late.length).toBeGreaterThanOrEqual(10);
    const due = projects.filter((p) => p.plannedStartDate?.startsWith('2025') && p.plannedStartDate <= TODAY);
    const started = due.filter((p) => p.actualStartDate !== null);
    expect(started.length / due.length).toBeGreaterThan(0.4);
    expect(started.length / due.length).toBeLessThan(0.95);
  });

  it('spreads dates over last year, this year and next year', () => {
    const years = new Set(
      projects
        .flatMap((p) => [p.plannedStartDate, p.actualStartDate, p.plannedCompletionDate])
        .filter(Boolean)
        .map((d) => d!.slice(0, 4)),
    );
    expect([...years].sort()).toEqual(['2024', '2025', '2026']);
  });

  it('lets departments or townships lead government projects and platforms or townships lead industrial ones', () => {
    for (const p of projects) {
      const lead = kindOf.get(p.leadUnitName);
      if (p.investmentType === 'government') {
        expect(['infrastructure', 'social', 'ecology']).toContain(p.kind);
        expect(p.approvalMode).toBe('approval');
        expect(['department', 'street', 'township'], p.name).toContain(lead);
      }
      if (p.kind === 'industry') expect(['platform', 'street', 'township'], p.name).toContain(lead);
      if (p.townshipName !== null) expect(TOWNSHIPS).toContain(p.townshipName);
    }
    expect(
      projects.filter((p) => p.investmentType === 'enterprise' && p.approvalMode === 'filing').length,
    ).toBeGreaterThan(projects.filter((p) => p.investmentType === 'enterprise').length * 0.8);
  });

  it('gives few provincial, more municipal and many county or unranked projects', () => {
    const count = (level: DemoProject['level']) => projects.filter((p) => p.level === level).length;
    expect(count('provincial')).toBeGreaterThan(0);
    expect(count('provincial')).toBeLessThan(count('municipal'));
    expect(count('municipal')).toBeLessThan(count('county') + count(null));
  });

  it('gives owners well-formed credit codes, one per owner', () => {
    const byOwner = new Map<string, string>();
    for (const p of projects.filter((x) => x.ownerCreditCode !== null)) {
      expect(isCreditCode(p.ownerCreditCode!)).toBe(true);
      expect(p.ownerCreditCode!.startsWith('91330781')).toBe(true);
      expect(byOwner.get(p.ownerName!) ?? p.ownerCreditCode).toBe(p.ownerCreditCode);
      byOwner.set(p.ownerName!, p.ownerCreditCode!);
    }
    expect(new Set(byOwner.values()).size).toBe(byOwner.size);
    expect(projects.filter((p) => p.investmentType === 'enterprise').every((p) => p.ownerName !== null)).toBe(true);
  });

  describe('with the county’s registered enterprises', () => {
    const registry = demoEnterprises(20250615, TODAY, TOWNSHIPS);
    const byCode = new Map(registry.map((e) => [e.creditCode, e]));
    const withRegistry = generateDemoProjects({
      seed: 20250615,
      today: TODAY,
      count: 300,
      units: UNITS,
      enterprises: registry,
    });
    const enterpriseProjects = withRegistry.filter((p) => p.investmentType === 'enterprise');
    const owned = enterpriseProjects.filter((p) => byCode.has(p.ownerCreditCode!));

    it('gives a good share of the enterprise projects to enterprises of their township and division', () => {
      expect(owned.length).toBeGreaterThan(enterpriseProjects.length * 0.3);
      expect(owned.length).toBeLessThan(enterpriseProjects.length);
      expect(new Set(owned.map((p) => p.ownerCreditCode)).size).toBeGreaterThan(30);
      for (const p of owned) {
        const e = byCode.get(p.ownerCreditCode!)!;
        expect(p.ownerName).toBe(e.name);
        expect(p.townshipName).toBe(e.townshipName);
        expect(p.industryCode).toBe(e.industryCode);
      }
      expect(withRegistry.flatMap((p) => checkDemoProject(p, TODAY))).toEqual([]);
    });

    it('never gives a government project to them, nor their names to other owners', () => {
      const names = new Set(registry.map((e) => e.name));
      for (const p of withRegistry.filter((x) => !byCode.has(x.ownerCreditCode ?? ''))) {
        expect(names.has(p.ownerName ?? '')).toBe(false);
      }
      expect(
        withRegistry.filter((p) => p.investmentType === 'government' && byCode.has(p.ownerCreditCode ?? '')),
      ).toEqual([]);
    });

    it('are the same projects as before when the registry is empty', () => {
      expect(generateDemoProjects({ seed: 20250615, today: TODAY, count: 300, units: UNITS, enterprises: [] })).toEqual(
        projects,
      );
    });
  });

  it('plans 90–100% of the fixed assets over the years of work once a project is in 前期 or later', () => {
    const planned = projects.filter((p) => p.annualPlans.length > 0);
    expect(planned.length).toBeGreaterThan(projects.length / 2);
    for (const p of planned) {
      const sum = p.annualPlans.reduce((s, x) => s + Math.round(x.amountWan * 100), 0);
      const base = Math.round((p.fixedAssetInvestmentWan ?? p.totalInvestmentWan) * 100);
      expect(sum).toBeLessThanOrEqual(base);
      expect(sum).toBeGreaterThanOrEqual(Math.floor(base * 0.9) - 100);
    }
    expect(
      projects
        .filter((p) => ['planning', 'reserve', 'dropped'].includes(p.stage))
        .every((p) => p.annualPlans.length === 0),
    ).toBe(true);
  });

  it('falls back to townships when no departments or platforms are given', () => {
    const townshipsOnly = UNITS.filter((u) => u.kind === 'street' || u.kind === 'township');
    const list = run(4, TODAY, 120, townshipsOnly);
    expect(list.flatMap((p) => checkDemoProject(p, TODAY))).toEqual([]);
    expect(list.every((p) => TOWNSHIPS.includes(p.leadUnitName))).toBe(true);
  });

  it.each([
    [{ count: -1 }, /count/],
    [{ count: 2.5 }, /count/],
    [{ today: '2025-13-01' }, /today/],
    [{ units: [] }, /units/],
  ])('refuses bad options %j', (override, message) => {
    expect(() => generateDemoProjects({ seed: 1, today: TODAY, count: 10, units: UNITS, ...override })).toThrow(
      message,
    );
  });

  it('ships realistic department and platform names for the demo loader', () => {
    for (const d of [
      '发改局',
      '经信局',
      '财政局',
      '自然资源和规划局',
      '住建局',
      '交通运输局',
      '水务局',
      '教育局',
      '卫健局',
      '商务局',
      '农业农村局',
      '文广旅体局',
      '生态环境',
    ]) {
      expect(
        DEMO_DEPARTMENTS.some((name) => name.includes(d)),
        d,
      ).toBe(true);
    }
    expect(DEMO_PLATFORMS.length).toBeGreaterThanOrEqual(2);
    expect(DEMO_PLATFORMS.length).toBeLessThanOrEqual(3);
  });
});

describe('checkDemoProject', () => {
  const good: DemoProject = {
    name: '兰溪市年产5万吨差别化纤维项目',
    code: '2403-330781-28-03-000123',
    nature: 'new',
    kind: 'industry',
    industryCode: '28',
    level: 'county',
    investmentType: 'enterprise',
    approvalMode: 'filing',
    leadUnitName: '兰溪经济开发区',
    townshipName: '上华街道',
    ownerName: '浙江恒丰化纤有限公司',
    ownerCreditCode: '91330781MA2ABCDEXR', // both check characters correct
    patronLeader: '张副市长',
    address: '兰溪经济开发区光膜大道8号',
    longitude: 119.51,
    latitude: 29.19,
    landAreaMu: 86.5,
    totalInvestmentWan: 52000,
    fixedAssetInvestmentWan: 45000,
    annualPlans: [
      { year: 2024, amountWan: 15000 },
      { year: 2025, amountWan: 28000 },
    ],
    plannedSignDate: '2024-01-10',
    actualSignDate: '2024-01-20',
    plannedStartDate: '2024-04-01',
    actualStartDate: '2024-05-06',
    plannedCompletionDate: '2025-10-31',
    actualCompletionDate: null,
    plannedProductionDate: '2025-12-31',
    actualProductionDate: null,
    plannedCapacityDate: '2026-12-31',
    actualCapacityDate: null,
    stage: 'construction',
    tags: ['纺织'],
  };
  it('accepts a sound project', () => {
    expect(checkDemoProject(good, TODAY)).toEqual([]);
  });

  it.each([
    ['91350100M000100Y43', true], // the example printed in GB 32100-2015
    ['91330781MA2ABCDEXR', true],
    ['91330781MA2ABCDEXQ', false],
    ['91330781MA2ABCDE0R', false],
    ['91330781MA2ABCDEI1', false],
  ])('checks the credit code %s → %s', (code, valid) => {
    expect(isCreditCode(code)).toBe(valid);
  });

  it.each<[string, Partial<DemoProject>, RegExp]>([
    ['an actual start after today', { actualStartDate: '2025-07-01' }, /^actualStartDate: FUTURE_ACTUAL/],
    ['an actual sign date after today', { actualSignDate: '2025-06-16' }, /^actualSignDate: FUTURE_ACTUAL/],
    ['construction without an actual start', { actualStartDate: null }, /^actualStartDate: STAGE_NEEDS_DATE/],
    ['preparing with an actual start', { stage: 'preparing' }, /^actualStartDate: DATE_BEFORE_STAGE/],
    ['completed without a completion date', { stage: 'completed' }, /^actualCompletionDate: STAGE_NEEDS_DATE/],
    [
      'capacity without a capacity date',
      { stage: 'capacity', actualProductionDate: '2025-05-01' },
      /^actualCapacityDate: STAGE_NEEDS_DATE/,
    ],
    [
      'construction with a completion date',
      { actualCompletionDate: '2025-05-01' },
      /^actualCompletionDate: set while the stage is construction/,
    ],
    [
      'planned completion before planned start',
      { plannedCompletionDate: '2024-03-01' },
      /^plannedCompletionDate: DATE_ORDER/,
    ],
    [
      'planned capacity before planned production',
      { plannedCapacityDate: '2025-11-30' },
      /^plannedCapacityDate: DATE_ORDER/,
    ],
    [
      'a date outside the demo years',
      { plannedCapacityDate: '2027-03-01' },
      /^plannedCapacityDate: outside the demo years/,
    ],
    ['an impossible date', { plannedStartDate: '2024-02-30' }, /^plannedStartDate: not a date/],
    ['fixed assets above the total', { fixedAssetInvestmentWan: 60000 }, /^fixedAssetInvestmentWan: FIXED_ABOVE_TOTAL/],
    [
      'annual plans above the fixed assets',
      { annualPlans: [{ year: 2025, amountWan: 46000 }] },
      /^annualPlans: sum above the fixed-asset investment/,
    ],
    ['a code with month 13', { code: '2413-330781-28-03-000123' }, /^code: not a GB\/T 40058 code/],
    ['a code of the wrong shape', { code: '2024-330781-28-03-12345' }, /^code: not a GB\/T 40058 code/],
    ['an unknown industry division', { industryCode: '99' }, /^industryCode: not a GB\/T 4754 division/],
    ['a section letter as industry', { industryCode: 'C' }, /^industryCode: not a GB\/T 4754 division/],
    [
      'government investment filed',
      { investmentType: 'government', kind: 'infrastructure' },
      /^approvalMode: government investment is approved/,
    ],
    [
      'government investment in industry',
      { investmentType: 'government', approvalMode: 'approval' },
      /^kind: government investment of kind industry/,
    ],
    [
      'a credit code with a wrong check character',
      { ownerCreditCode: '913307811234567890' },
      /^ownerCreditCode: malformed/,
    ],
    ['a point outside 兰溪', { longitude: 120.2 }, /^longitude: outside 兰溪/],
    ['a latitude without a longitude', { longitude: null }, /^longitude: longitude and latitude go together/],
    ['industrial land above 300 亩', { landAreaMu: 450 }, /^landAreaMu: industrial land outside 10–300 亩/],
    ['an amount with three decimals', { totalInvestmentWan: 52000.125 }, /^totalInvestmentWan: not a positive amount/],
    ['an empty name', { name: ' ' }, /^name: empty/],
  ])('reports %s', (_, change, expected) => {
    const errors = checkDemoProject({ ...good, ...change }, TODAY);
    expect(
      errors.some((e) => expected.test(e)),
      errors.join('\n'),
    ).toBe(true);
  });
});

describe('demo helpers', () => {
  it.each([
    [300, 300],
    [7, 7],
    [0, 0],
  ])('allocates exactly %i items over the stage shares', (count, total) => {
    const counts = allocate(count, STAGE_SHARES);
    expect(Object.values(counts).reduce((s, n) => s + n, 0)).toBe(total);
  });

  it('allocates 300 projects as 30/36/75/90/24/24/9/6/6', () => {
    expect(allocate(300, STAGE_SHARES)).toEqual({
      planning: 30,
      reserve: 36,
      preparing: 75,
      construction: 90,
      completed: 24,
      production: 24,
      capacity: 9,
      suspended: 6,
      dropped: 6,
    });
  });

  it('repeats the seeded sequence', () => {
    const a = createRng(42);
    const b = createRng(42);
    const xs = Array.from({ length: 5 }, () => a.next());
    expect(xs).toEqual(Array.from({ length: 5 }, () => b.next()));
    expect(new Set(xs).size).toBe(5);
    expect(xs.every((x) => x >= 0 && x < 1)).toBe(true);
  });

  it.each<[string, number[], string, string[]]>([
    ['2025-06-30', [100, 50], '2024-01-01', ['2025-01-31', '2025-05-11', '2025-06-30']],
    // 60 days of room for 600 wished: every gap shrinks to a tenth.
    ['2024-03-01', [300, 300], '2024-01-01', ['2024-01-01', '2024-01-31', '2024-03-01']],
  ])('lays out milestones back from %s within the floor', (end, gaps, floor, expected) => {
    expect(chainBackward(end, gaps, floor)).toEqual(expected);
  });
});
