import { describe, expect, it } from 'vitest';
import type { Stage } from '../projects/lifecycle.ts';
import type { Nature, ProjectKind } from '../projects/project-fields.ts';
import { sectorsOf, statusOf, TYPE_BY_NATURE } from './oc4ids-codes.ts';
import { NO_DATES, OPTIONS, road } from './oc4ids-fixtures.ts';
import { toOc4idsProject } from './oc4ids.ts';

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
