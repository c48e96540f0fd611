import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApiClient } from './support/client.ts';
import { databaseKinds } from './support/databases.ts';
import { setUpCounty } from './support/factories.ts';
import { buildProject } from './support/projects.ts';
import { startTestServer, type TestServer } from './support/server.ts';

const Y = new Date().getUTCFullYear();
const d = (year: number, md: string) => `${year}-${md}`;

describe.each(await databaseKinds())('project list, filters and the four lists on %s', (kind) => {
  let server: TestServer;
  let admin: ApiClient;
  let unit: (name: string) => { id: number };
  const ids: Record<string, number> = {};

  beforeAll(async () => {
    // The server's today is fixed late in the year, so this year's actual dates below are never in the future.
    server = await startTestServer(kind, { clock: () => new Date(`${Y}-11-23T10:00:00Z`) });
    ({ admin, unit } = await setUpCounty(server.url));
    const village = (
      await admin.post('/api/v1/units', { parentId: unit('兰江街道').id, name: '李渔社区', kind: 'village' })
    ).body.id;
    // A small library with one project per case the filters must tell apart.
    const make = async (key: string, lead: number, o: Record<string, unknown>) =>
      (ids[key] = (await buildProject(admin, lead, { name: key, ...o })).id);
    await make('兰溪纺织印染提升项目', unit('兰江街道').id, {
      stage: 'planning',
      totalInvestmentWan: 2000,
      tags: ['纺织'],
      industryCode: '17',
    });
    await make('兰江光膜新材料产业园', village, {
      stage: 'reserve',
      totalInvestmentWan: 80000,
      level: 'provincial',
      tags: ['光膜', '新材料'],
      industryCode: '29',
    });
    await make('上华街道农贸市场改造', unit('上华街道').id, {
      stage: 'preparing',
      totalInvestmentWan: 1500,
      plannedStartDate: d(Y, '03-01'),
      kind: 'social',
      industryCode: '52',
    });
    await make('游埠镇污水管网工程', unit('游埠镇').id, {
      stage: 'construction',
      totalInvestmentWan: 5000,
      plannedStartDate: d(Y, '02-01'),
      actualStartDate: d(Y, '02-20'),
      plannedProductionDate: d(Y, '12-31'),
      kind: 'ecology',
      industryCode: '46',
    });
    await make('诸葛镇中药材加工项目', unit('诸葛镇').id, {
      stage: 'production',
      totalInvestmentWan: 12000,
      plannedStartDate: d(Y - 1, '05-01'),
      actualStartDate: d(Y - 1, '05-01'),
      plannedProductionDate: d(Y, '03-31'),
      actualProductionDate: d(Y, '01-15'),
      industryCode: '27',
      level: 'municipal',
    });
    await make('黄店镇退库项目', unit('黄店镇').id, {
      stage: 'preparing',
      totalInvestmentWan: 3000,
      plannedStartDate: d(Y, '06-01'),
      industryCode: '47',
    });
    await admin.post(`/api/v1/projects/${ids['黄店镇退库项目']}/transitions`, {
      to: 'dropped',
      reason: '企业投资意向变化',
    });
  });
  afterAll(() => server.close());

  const names = async (query: string) =>
    ((await admin.get(`/api/v1/projects?${query}`)).body.items as { name: string }[]).map((p) => p.name).sort();

  it.each([
    [
      'unit subtree (兰江街道 includes its village)',
      `unitId=UNIT:兰江街道`,
      ['兰江光膜新材料产业园', '兰溪纺织印染提升项目'],
    ],
    ['stage', 'stage=construction,production', ['游埠镇污水管网工程', '诸葛镇中药材加工项目']],
    ['level', 'level=provincial', ['兰江光膜新材料产业园']],
    ['亿元以上', 'aboveYi=true', ['兰江光膜新材料产业园', '诸葛镇中药材加工项目']],
    ['industry division', 'industry=17', ['兰溪纺织印染提升项目']],
    ['industry section C', 'industry=C', ['兰江光膜新材料产业园', '兰溪纺织印染提升项目', '诸葛镇中药材加工项目']],
    ['tag', 'tag=新材料', ['兰江光膜新材料产业园']],
    [
      'investment range (万元)',
      'minInvestmentWan=1500&maxInvestmentWan=3000',
      ['上华街道农贸市场改造', '兰溪纺织印染提升项目', '黄店镇退库项目'],
    ],
    ['free text by characters', `q=${encodeURIComponent('纺织')}`, ['兰溪纺织印染提升项目']],
    ['free text by pinyin initials', 'q=lxfz', ['兰溪纺织印染提升项目']],
    ['pinyin initials, upper case', 'q=YBZ', ['游埠镇污水管网工程']],
    ['开工清单 of the year', `list=start&year=${Y}`, ['上华街道农贸市场改造', '游埠镇污水管网工程']],
    ['开工清单, started', `list=start&year=${Y}&listStatus=started`, ['游埠镇污水管网工程']],
    ['开工清单, not yet', `list=start&year=${Y}&listStatus=pending`, ['上华街道农贸市场改造']],
    ['投产清单, done', `list=production&year=${Y}&listStatus=done`, ['诸葛镇中药材加工项目']],
    ['谋划清单', 'list=planning', ['兰溪纺织印染提升项目']],
  ])('filters by %s', async (_what, query, expected) => {
    const q = query.replace(/UNIT:([^&]+)/, (_m, n: string) => String(unit(n).id));
    expect(await names(q)).toEqual([...expected].sort());
  });

  it('pages with a keyset cursor in any sort order without gaps or repeats', async () => {
    for (const [sort, order] of [
      ['id', 'desc'],
      ['totalInvestment', 'asc'],
      ['plannedStartDate', 'desc'],
      ['name', 'asc'],
    ]) {
      const all = (await admin.get(`/api/v1/projects?sort=${sort}&order=${order}&limit=200`)).body.items.map(
        (p: { id: number }) => p.id,
      );
      const paged: number[] = [];
      let cursor: string | null = null;
      do {
        const res: { body: { items: { id: number }[]; nextCursor: string | null } } = await admin.get(
          `/api/v1/projects?sort=${sort}&order=${order}&limit=2${cursor ? `&cursor=${cursor}` : ''}`,
        );
        paged.push(...res.body.items.map((p) => p.id));
        cursor = res.body.nextCursor;
      } while (cursor);
      expect(paged, `${sort} ${order}`).toEqual(all);
      expect(all).toHaveLength(6);
    }
    const byMoney = (await admin.get('/api/v1/projects?sort=totalInvestment&order=desc&limit=1')).body.items[0].name;
    expect(byMoney).toBe('兰江光膜新材料产业园');
  });

  it('finds a renamed project by its new name and initials, and no longer by the old', async () => {
    const id = ids['游埠镇污水管网工程'];
    expect((await admin.patch(`/api/v1/projects/${id}`, { name: '游埠镇雨污分流改造工程' })).status).toBe(200);
    expect(await names(`q=${encodeURIComponent('雨污分流')}`)).toEqual(['游埠镇雨污分流改造工程']);
    expect(await names('q=ybzyw')).toEqual(['游埠镇雨污分流改造工程']);
    expect(await names(`q=${encodeURIComponent('污水管网')}`)).toEqual([]);
    expect((await admin.patch(`/api/v1/projects/${id}`, { name: '游埠镇污水管网工程' })).status).toBe(200);
  });

  it('refuses a forged cursor and an unknown filter value', async () => {
    expect((await admin.get('/api/v1/projects?cursor=bm9uc2Vuc2U')).body.error.field).toBe('cursor');
    expect((await admin.get('/api/v1/projects?stage=flying')).status).toBe(400);
    expect((await admin.get('/api/v1/projects?minInvestmentWan=abc')).body.error.field).toBe('minInvestmentWan');
  });

  it('sums the four lists of the year per township, rolling villages up', async () => {
    const res = await admin.get(`/api/v1/project-lists?year=${Y}`);
    expect(res.status).toBe(200);
    const { planning, reserve, start, production } = res.body.lists;
    expect(planning).toMatchObject({ count: 1, totalInvestmentYuan: 20_000_000 });
    expect(reserve.byUnit).toEqual([
      {
        unitId: unit('兰江街道').id,
        unitName: '兰江街道',
        count: 1,
        totalInvestmentYuan: 800_000_000,
        done: 0,
        pending: 0,
      },
    ]);
    // The dropped project planned for this year is off the start list.
    expect(start).toMatchObject({ count: 2, done: 1, pending: 1, totalInvestmentYuan: 65_000_000 });
    expect(production).toMatchObject({ count: 2, done: 1, pending: 1 });
    expect(start.byUnit.map((u: { unitName: string }) => u.unitName).sort()).toEqual(['上华街道', '游埠镇']);
  });
});
