/** Plain facts for the OC4IDS export's tests: a road under construction, to be patched per case. */
import type { ProjectDates } from '../projects/project-fields.ts';
import type { Oc4idsProjectFacts } from './oc4ids.ts';

export const NO_DATES: ProjectDates = {
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
export function road(patch: Partial<Oc4idsProjectFacts> = {}): Oc4idsProjectFacts {
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
export const OPTIONS = { idPrefix: 'oc4ids-lantern-', today: '2026-06-15' };
