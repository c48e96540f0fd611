import { describe, expect, it } from 'vitest';
import type { Stage } from '../projects/lifecycle.ts';
import type { Nature, ProjectDates, ProjectKind } from '../projects/project-fields.ts';
import { sectorsOf, statusOf, TYPE_BY_NATURE } from './oc4ids-codes.ts';
import {
  financialProgressOf,
  milestonesOf,
  monthPeriod,
  packageJsonParts,
  partiesOf,
  locationsOf,
  toOc4idsPackage,
  toOc4idsProject,
  type Oc4idsProjectFacts,
} from './oc4ids.ts';

const NO_DATES: ProjectDates = {
  plannedSignDate: null,
  actualSignDate: null,
  plannedStartDate: null,
  actualStartDate: null,
  plannedCompletionDate: null,
  actualCompletionDate: null,
  plannedProductionDate: null,
  actualProductionDate: null,
  plannedCapacityDate: null,
  actualCapacityDate: null,
};

/** A 在建 road in 游埠镇, owned by the county's transport company, with two approved months. */
function road(patch: Partial<Oc4idsProjectFacts> = {}): Oc4idsProjectFacts {
  return {
    id: 42,
    code: '2503-330781-48-01-000123',
    name: '游埠至诸葛公路改建工程',
    stage: 'construction',
    nature: 'renovation',
    kind: 'infrastructure',
    investmentType: 'government',
    industryCode: '48',
    totalInvestmentYuan: 123_456_789,
    updatedAt: '2026-05-02T08:00:00.000Z',
    leadUnit: { id: 7, name: '市交通运输局' },
    township: { name: '游埠镇' },
    countyName: '兰溪市',
    owner: { name: '兰溪市交通投资集团有限公司', creditCode: '91330781MA2D8G4X1Y' },
    address: '游埠镇振兴路',
    longitude: 119.4512,
    latitude: 29.1733,
    dates: {
      ...NO_DATES,
      plannedStartDate: '2026-03-01',
      actualStartDate: '2026-03-18',
      plannedCompletionDate: '2027-12-31',
    },
    annualPlans: [
      { year: 2027, amountYuan: 60_000_000 },
      { year: 2026, amountYuan: 50_000_000 },
    ],
    approvedMonths: [
      { year: 2026, month: 4, amountYuan: 8_000_000 },
      { year: 2026, month: 3, amountYuan: 2_500_000 },
    ],
    stageHistory: [
      { from: null, to: 'preparing', at: '2026-01-05T02:00:00.000Z', reason: null },
      { from: 'preparing', to: 'construction', at: '2026-03-18T02:00:00.000Z', reason: null },
    ],
    ...patch,
  };
}
const OPTIONS = { idPrefix: 'oc4ids-lantern-', today: '2026-06-15' };

describe('OC4IDS export: one project', () => {
  it('maps a 在建 road in full (the worked example)', () => {
    expect(toOc4idsProject(road(), OPTIONS)).toEqual({
      id: 'oc4ids-lantern-42',
      updated: '2026-05-02T08:00:00.000Z',
      language: 'zh',
      identifiers: [
        { id: '42', scheme: 'LANTERN' },
        { id: '2503-330781-48-01-000123', scheme: 'CN-GBT40058' },
      ],
      title: '游埠至诸葛公路改建工程',
      status: 'implementation',
      type: 'rehabilitation',
      sector: ['transport', 'transport.road'],
      additionalClassifications: [{ scheme: 'CN-GBT4754-2017', id: 'E48', description: '土木工程建筑业' }],
      publicAuthority: { id: 'lantern-unit-7', name: '市交通运输局' },
      parties: [
        {
          id: 'lantern-unit-7',
          name: '市交通运输局',
          roles: ['publicAuthority'],
          address: { region: '兰溪市', countryName: '中国' },
        },
        {
          id: 'CN-USCC-91330781MA2D8G4X1Y',
          name: '兰溪市交通投资集团有限公司',
          roles: ['buyer'],
          identifier: { scheme: 'CN-USCC', id: '91330781MA2D8G4X1Y', legalName: '兰溪市交通投资集团有限公司' },
        },
      ],
      budget: { amount: { amount: 123_456_789, currency: 'CNY' } },
      period: { startDate: '2026-03-01T00:00:00+08:00', endDate: '2027-12-31T23:59:59+08:00' },
      locations: [
        {
          id: '1',
          description: '游埠镇振兴路',
          geometry: { type: 'Point', coordinates: [119.4512, 29.1733] },
          address: { streetAddress: '游埠镇振兴路', locality: '游埠镇', region: '兰溪市', countryName: '中国' },
        },
      ],
      milestones: [
        {
          id: 'start',
          title: '开工 Start',
          type: 'delivery',
          code: 'commencement',
          status: 'met',
          dueDate: '2026-03-01T00:00:00+08:00',
          dateMet: '2026-03-18T00:00:00+08:00',
        },
        {
          id: 'completion',
          title: '竣工 Completion',
          type: 'delivery',
          code: 'completion',
          status: 'scheduled',
          dueDate: '2027-12-31T00:00:00+08:00',
          dateModified: '2026-06-15T00:00:00+08:00',
        },
      ],
      metrics: [
        {
          id: 'financialProgress',
          title: '完成投资 Investment completed',
          description: expect.stringContaining('approved monthly reports'),
          observations: [
            {
              id: '2026-03',
              period: { startDate: '2026-03-01T00:00:00+08:00', endDate: '2026-03-31T23:59:59+08:00' },
              value: { amount: 2_500_000, currency: 'CNY' },
            },
            {
              id: '2026-04',
              period: { startDate: '2026-04-01T00:00:00+08:00', endDate: '2026-04-30T23:59:59+08:00' },
              value: { amount: 8_000_000, currency: 'CNY' },
            },
          ],
        },
      ],
      forecasts: [
        {
          id: 'financialProgress',
          title: '年度计划投资 Annual investment plan',
          description: expect.any(String),
          observations: [
            {
              id: '2026',
              period: { startDate: '2026-01-01T00:00:00+08:00', endDate: '2026-12-31T23:59:59+08:00' },
              value: { amount: 50_000_000, currency: 'CNY' },
            },
            {
              id: '2027',
              period: { startDate: '2027-01-01T00:00:00+08:00', endDate: '2027-12-31T23:59:59+08:00' },
              value: { amount: 60_000_000, currency: 'CNY' },
            },
          ],
        },
      ],
    });
  });

  it('leaves out what Lantern does not know instead of writing empty values', () => {
    const bare = toOc4idsProject(
      road({
        code: null,
        industryCode: '99',
        owner: { name: null, creditCode: null },
        address: null,
        longitude: null,
        latitude: null,
        dates: NO_DATES,
        annualPlans: [],
        approvedMonths: [],
        stageHistory: [],
      }),
      OPTIONS,
    );
    expect(Object.keys(bare).sort()).toEqual([
      'budget',
      'id',
      'identifiers',
      'language',
      'parties',
      'publicAuthority',
      'sector',
      'status',
      'title',
      'type',
      'updated',
    ]);
    expect(bare.identifiers).toEqual([{ id: '42', scheme: 'LANTERN' }]);
    // '99' is no GB/T 4754 division: the kind decides the sector.
    expect(bare.sector).toEqual(['transport']);
  });

  it('takes the id prefix from the options', () => {
    expect(toOc4idsProject(road(), { ...OPTIONS, idPrefix: 'oc4ids-abc123-' }).id).toBe('oc4ids-abc123-42');
  });

  it('reports the completion date and the latest change, stage moves included', () => {
    const done = toOc4idsProject(
      road({
        stage: 'completed',
        dates: { ...road().dates, actualCompletionDate: '2026-06-01' },
        stageHistory: [
          ...road().stageHistory,
          { from: 'construction', to: 'completed', at: '2026-06-01T09:00:00.000Z', reason: null },
        ],
      }),
      OPTIONS,
    );
    expect(done.status).toBe('completion');
    expect(done.completion).toEqual({ endDate: '2026-06-01T23:59:59+08:00' });
    expect(done.updated).toBe('2026-06-01T09:00:00.000Z');
  });
});

describe('OC4IDS export: status, type and sector tables', () => {
  it.each([
    ['planning', 'identification'],
    ['reserve', 'identification'],
    ['preparing', 'preparation'],
    ['construction', 'implementation'],
    ['completed', 'completion'],
    ['production', 'maintenance'],
    ['capacity', 'maintenance'],
    ['dropped', 'cancelled'],
  ] as [Stage, string][])('stage %s → status %s', (stage, status) => {
    expect(statusOf(stage, null, false)).toBe(status);
    expect(toOc4idsProject(road({ stage }), OPTIONS).status).toBe(status);
  });

  it.each([
    ['suspended from 在建', 'construction', false, 'implementation'],
    ['suspended from 前期 (even with a start date typed)', 'preparing', true, 'preparation'],
    ['suspended, no history, started', null, true, 'implementation'],
    ['suspended, no history, not started', null, false, 'preparation'],
  ] as [string, Stage | null, boolean, string][])('%s → %s', (_what, from, started, status) => {
    expect(statusOf('suspended', from, started)).toBe(status);
  });

  it('says since when and why a project is suspended, from its stage history', () => {
    const suspended = toOc4idsProject(
      road({
        stage: 'suspended',
        stageHistory: [
          ...road().stageHistory,
          { from: 'construction', to: 'suspended', at: '2026-05-20T01:00:00.000Z', reason: '征地未完成' },
        ],
      }),
      OPTIONS,
    );
    expect(suspended.status).toBe('implementation');
    expect(suspended.description).toBe('停缓建 Suspended 2026-05-20：征地未完成');
    const dropped = toOc4idsProject(
      road({
        stage: 'dropped',
        stageHistory: [
          { from: 'preparing', to: 'dropped', at: '2026-02-01T00:00:00.000Z', reason: '企业投资意向变化' },
        ],
      }),
      OPTIONS,
    );
    expect(dropped.status).toBe('cancelled');
    expect(dropped.description).toBe('退库 Dropped 2026-02-01：企业投资意向变化');
    expect(toOc4idsProject(road(), OPTIONS).description).toBeUndefined();
  });

  it.each([
    ['new', 'construction'],
    ['expansion', 'expansion'],
    ['renovation', 'rehabilitation'],
    ['relocation', 'replacement'],
    ['techUpgrade', 'rehabilitation'],
  ] as [Nature, string][])('nature %s → type %s', (nature, type) => {
    expect(TYPE_BY_NATURE[nature]).toBe(type);
  });

  it.each([
    ['17', 'industry', ['economy']], // 纺织业
    ['C', 'industry', ['economy']], // a section alone
    ['01', 'infrastructure', ['economy']], // 高标准农田: agriculture
    ['44', 'industry', ['energy']], // 光伏
    ['46', 'ecology', ['waterAndWaste']], // 污水
    ['47', 'social', ['socialHousing']], // 安置房, 老旧小区
    ['47', 'industry', ['economy']], // 标准厂房
    ['48', 'infrastructure', ['transport', 'transport.road']],
    ['55', 'infrastructure', ['transport', 'transport.water']], // 港区
    ['58', 'industry', ['transport']], // 多式联运: the section decides
    ['65', 'infrastructure', ['communications']], // 数字政府
    ['70', 'social', ['socialHousing']],
    ['70', 'other', ['economy']], // 城市综合体
    ['76', 'infrastructure', ['naturalResources']], // 水库, 堤防
    ['78', 'ecology', ['waterAndWaste']], // 垃圾处理
    ['78', 'social', ['cultureSportsAndRecreation']], // 景区, 街区
    ['83', 'social', ['education']],
    ['85', 'social', ['health']], // 养老
    ['88', 'social', ['cultureSportsAndRecreation']],
    ['E', 'ecology', ['naturalResources']], // 建筑业 alone: by kind
    ['99', 'social', ['governance']], // not a division: by kind
  ] as [string, ProjectKind, string[]][])('industry %s of a %s project → sector %j', (industry, kind, sector) => {
    expect(sectorsOf(industry, kind)).toEqual(sector);
  });
});

describe('OC4IDS export: milestones', () => {
  const dates = (patch: Partial<ProjectDates>) => ({ ...NO_DATES, ...patch });
  it.each([
    [
      'met when the actual date is there, early or late',
      { plannedStartDate: '2026-03-01', actualStartDate: '2026-04-02' },
      'construction',
      { status: 'met', dateMet: '2026-04-02T00:00:00+08:00' },
    ],
    [
      'met without a planned date',
      { actualStartDate: '2026-04-02' },
      'construction',
      { status: 'met', dueDate: undefined },
    ],
    [
      'not met once the planned day has passed',
      { plannedStartDate: '2026-06-14' },
      'preparing',
      { status: 'notMet', dateModified: '2026-06-15T00:00:00+08:00' },
    ],
    ['scheduled on the planned day itself', { plannedStartDate: '2026-06-15' }, 'preparing', { status: 'scheduled' }],
    [
      'scheduled before it',
      { plannedStartDate: '2026-09-01' },
      'reserve',
      { status: 'scheduled', dueDate: '2026-09-01T00:00:00+08:00' },
    ],
    ['not met, whatever the date, once dropped', { plannedStartDate: '2026-09-01' }, 'dropped', { status: 'notMet' }],
  ] as [string, Partial<ProjectDates>, Stage, Record<string, unknown>][])(
    'a start milestone is %s',
    (_what, patch, stage, expected) => {
      const [start] = milestonesOf(dates(patch), stage, '2026-06-15');
      expect(start).toMatchObject({ id: 'start', type: 'delivery', code: 'commencement' });
      for (const [key, value] of Object.entries(expected))
        expect(start![key as keyof typeof start], key).toEqual(value);
    },
  );

  it('writes one milestone per date pair in schedule order, with codes where the codelist has one', () => {
    const all = milestonesOf(
      dates({
        plannedSignDate: '2025-01-01',
        plannedStartDate: '2025-02-01',
        plannedCompletionDate: '2025-03-01',
        plannedProductionDate: '2025-04-01',
        plannedCapacityDate: '2025-05-01',
      }),
      'production',
      '2026-06-15',
    );
    expect(all.map((m) => [m.id, m.type, m.code ?? null])).toEqual([
      ['sign', 'approval', null],
      ['start', 'delivery', 'commencement'],
      ['completion', 'delivery', 'completion'],
      ['production', 'delivery', 'commissioning'],
      ['capacity', 'delivery', null],
    ]);
    expect(milestonesOf(NO_DATES, 'planning', '2026-06-15')).toEqual([]);
  });
});

describe('OC4IDS export: money, parties, locations', () => {
  it('turns approved months into monthly observations in 元, oldest first, each month to its last day', () => {
    const metric = financialProgressOf([
      { year: 2028, month: 2, amountYuan: 1 },
      { year: 2027, month: 12, amountYuan: 990_000_000_001 },
    ]);
    expect(metric!.observations).toEqual([
      {
        id: '2027-12',
        period: { startDate: '2027-12-01T00:00:00+08:00', endDate: '2027-12-31T23:59:59+08:00' },
        value: { amount: 990_000_000_001, currency: 'CNY' },
      },
      {
        id: '2028-02',
        period: { startDate: '2028-02-01T00:00:00+08:00', endDate: '2028-02-29T23:59:59+08:00' },
        value: { amount: 1, currency: 'CNY' },
      },
    ]);
    expect(financialProgressOf([])).toBeNull();
    expect(monthPeriod(2026, 2).endDate).toBe('2026-02-28T23:59:59+08:00');
  });

  it.each([
    [
      'an enterprise owner with a credit code: buyer and funder',
      { name: '浙江某某纺织有限公司', creditCode: '91330781MA28XXXX0Q' },
      'enterprise',
      [
        ['lantern-unit-7', ['publicAuthority']],
        ['CN-USCC-91330781MA28XXXX0Q', ['buyer', 'funder']],
      ],
    ],
    [
      'a government owner without a code',
      { name: '兰溪市城市建设投资集团有限公司', creditCode: null },
      'government',
      [
        ['lantern-unit-7', ['publicAuthority']],
        ['owner', ['buyer']],
      ],
    ],
    [
      'the lead unit owning its own project: one party',
      { name: '市交通运输局', creditCode: null },
      'government',
      [['lantern-unit-7', ['publicAuthority', 'buyer']]],
    ],
    ['no owner at all', { name: null, creditCode: null }, 'government', [['lantern-unit-7', ['publicAuthority']]]],
  ] as const)('parties: %s', (_what, owner, investmentType, expected) => {
    const parties = partiesOf({
      leadUnit: { id: 7, name: '市交通运输局' },
      owner,
      investmentType,
      countyName: '兰溪市',
    });
    expect(parties.map((p) => [p.id, p.roles])).toEqual(expected);
    expect(new Set(parties.map((p) => p.id)).size).toBe(parties.length);
  });

  it('writes the site as a GeoJSON point, longitude first, or the address alone', () => {
    const base = { township: null, countyName: '兰溪市' };
    expect(locationsOf({ ...base, address: null, longitude: 119.45, latitude: 29.17 })).toEqual([
      {
        id: '1',
        geometry: { type: 'Point', coordinates: [119.45, 29.17] },
        address: { region: '兰溪市', countryName: '中国' },
      },
    ]);
    expect(locationsOf({ ...base, address: '云山街道', longitude: null, latitude: null })[0]).not.toHaveProperty(
      'geometry',
    );
    expect(locationsOf({ ...base, address: null, longitude: null, latitude: null })).toEqual([]);
  });
});

describe('OC4IDS export: the package', () => {
  const meta = {
    uri: 'https://lantern.example/api/v1/oc4ids',
    publishedDate: '2026-06-15T01:00:00.000Z',
    publisher: { name: '兰溪市' },
    license: 'https://creativecommons.org/licenses/by/4.0/',
  };

  it('writes the same JSON streamed piece by piece as in one go', () => {
    const projects = [toOc4idsProject(road(), OPTIONS), toOc4idsProject(road({ id: 43 }), OPTIONS)];
    const { head, tail } = packageJsonParts(meta);
    const streamed = head + projects.map((p) => JSON.stringify(p)).join(',') + tail;
    expect(JSON.parse(streamed)).toEqual(toOc4idsPackage(meta, projects));
    expect(toOc4idsPackage(meta, projects)).toMatchObject({
      version: '0.9',
      uri: meta.uri,
      publisher: { name: '兰溪市' },
      license: meta.license,
    });
  });

  it('states no licence when none is configured', () => {
    expect(toOc4idsPackage({ ...meta, license: null }, [])).not.toHaveProperty('license');
  });
});
