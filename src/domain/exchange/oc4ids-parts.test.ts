import { describe, expect, it } from 'vitest';
import type { Stage } from '../projects/lifecycle.ts';
import type { ProjectDates } from '../projects/project-fields.ts';
import { NO_DATES, OPTIONS, road } from './oc4ids-fixtures.ts';
import {
  financialProgressOf,
  milestonesOf,
  monthPeriod,
  packageJsonParts,
  partiesOf,
  locationsOf,
  toOc4idsPackage,
  toOc4idsProject,
} from './oc4ids.ts';

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
