import { ApiClient } from './client.ts';
import { buildUser, setUpCounty } from './factories.ts';

const YI = 100_000_000;

/** A race of two statistics entered by hand, so that no project is needed: 财政收入 against target, 税收 within the group. */
export const STATISTICS_RACE = {
  name: '2026年财税赛马',
  periodKind: 'month',
  indicators: [
    { key: 'fiscalRevenue', weight: 60, method: 'ratioToTarget', params: { cap: 1.2 } },
    { key: 'taxRevenue', weight: 40, method: 'efficacyCoefficient', params: {} },
  ],
  topN: 3,
  bottomN: 3,
};

export interface RankedUnit {
  unitId: number;
  unitName: string;
  kind: string;
}

/**
 * 兰溪市 set up from the division list (its townships and streets), two county departments added — a
 * group too small to name 3 骏马 and 3 蜗牛 — a coordinator, a township editor, and STATISTICS_RACE.
 * `fill` gives every ranked unit a 2026 revenue target and September and October figures of both
 * statistics, except the cells named in `skip`.
 */
export async function buildRaceCounty(url: string) {
  const { admin, unit } = await setUpCounty(url);
  const root = (await admin.get('/api/v1/units')).body.items.find(
    (u: { parentId: number | null }) => u.parentId === null,
  );
  for (const name of ['发改局', '住建局']) {
    const res = await admin.post('/api/v1/units', { parentId: root.id, name, kind: 'department' });
    if (res.status !== 201) throw new Error(`unit ${name}: ${res.status} ${JSON.stringify(res.body)}`);
  }
  const coordinator = (await buildUser(admin, url, { username: 'coordinator', role: 'coordinator', unitId: root.id }))
    .client;
  const editor = (
    await buildUser(admin, url, { username: 'lanjiang', role: 'unit_editor', unitId: unit('兰江街道').id })
  ).client;
  const units: RankedUnit[] = (await coordinator.get('/api/v1/targets?year=2026')).body.units;
  const townships = units.filter((u) => u.kind === 'township' || u.kind === 'street');
  const race = await coordinator.post('/api/v1/races', STATISTICS_RACE);
  if (race.status !== 201) throw new Error(`race: ${race.status} ${JSON.stringify(race.body)}`);

  /** Unit i's figures: distinct, so that ranks do not tie. */
  const revenue = (i: number, month: number) => Math.round(((20 + i) * YI * month) / 12);
  async function put(path: string, body: unknown) {
    const res = await coordinator.request('PUT', path, body);
    if (res.status !== 200) throw new Error(`${path}: ${res.status} ${JSON.stringify(res.body)}`);
    return res.body;
  }
  async function fill(skip: { target?: number[]; tax?: number[] } = {}) {
    await put('/api/v1/targets', {
      year: 2026,
      items: units
        .filter((u) => !skip.target?.includes(u.unitId))
        .map((u, i) => ({ unitId: u.unitId, indicator: 'fiscalRevenue', value: (24 + i) * YI })),
    });
    for (const month of [9, 10]) {
      await put('/api/v1/indicator-values', {
        indicator: 'fiscalRevenue',
        year: 2026,
        month,
        items: units.map((u, i) => ({ unitId: u.unitId, value: revenue(i, month), source: '县财政局' })),
      });
      await put('/api/v1/indicator-values', {
        indicator: 'taxRevenue',
        year: 2026,
        month,
        items: units
          .filter((u) => !skip.tax?.includes(u.unitId))
          .map((u, i) => ({ unitId: u.unitId, value: revenue(units.length - i, month), source: '县税务局' })),
      });
    }
  }

  return { admin, coordinator, editor, units, townships, raceId: race.body.id as number, fill, put };
}

/** Publishes a period of a race from its draft, acknowledging the check's findings unless told otherwise. */
export async function publishFromDraft(
  client: ApiClient,
  raceId: number,
  year: number,
  period: number,
  extra: Record<string, unknown> = { acknowledged: true },
) {
  const draft = (await client.get(`/api/v1/races/${raceId}/bulletin-draft?year=${year}&period=${period}`)).body;
  return client.post('/api/v1/bulletins', {
    raceId,
    year,
    period,
    title: draft.title,
    docNumber: draft.docNumber,
    commentary: draft.commentary,
    ...extra,
  });
}
