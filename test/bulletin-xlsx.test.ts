import { createHash } from 'node:crypto';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatWan, formatYi } from '../src/domain/money/money.ts';
import { formatPoints, formatScore } from '../src/domain/progress/time-progress.ts';
import { ApiClient } from './support/client.ts';
import { databaseKinds } from './support/databases.ts';
import { buildUser, PASSWORD } from './support/factories.ts';
import { buildProject } from './support/projects.ts';
import { buildRaceCounty, publishFromDraft, type RankedUnit } from './support/race-county.ts';
import { startTestServer, type TestServer } from './support/server.ts';

/** 10:00 in Beijing on 23 November 2026: October is over. */
const T0 = new Date('2026-11-23T02:00:00Z');
const HOUR = 3600 * 1000;
const DAY = 24 * HOUR;

/** Investment and starts come from the projects' records; 财政收入 from the race county's entered figures. */
const RACE = {
  name: '2026年项目建设赛马（明细）',
  periodKind: 'month',
  indicators: [
    { key: 'fixedAssetInvestment', weight: 40, method: 'efficacyCoefficient', params: {} },
    { key: 'projectsStarted', weight: 30, method: 'efficacyCoefficient', params: {} },
    { key: 'fiscalRevenue', weight: 30, method: 'ratioToTarget', params: { cap: 1.2 } },
  ],
  topN: 3,
  bottomN: 3,
};
const NOTES: Record<string, string> = { noTarget: '无目标', badTarget: '目标无效', noValue: '无数据' };

type Cell = { indicator: string; value: number | null; score: number | null; note: string | null };
type Row = { unitId: number; name: string; rank: number; rankChange: number | null; total: number; breakdown: Cell[] };
type Group = { group: string; label: { 'zh-CN': string }; rows: Row[]; tooSmall?: boolean };
type Bulletin = {
  id: number;
  title: string;
  docNumber: string;
  publishedAt: string;
  ranking: { groups: Group[]; indicators: { key: string; label: { 'zh-CN': string } }[] };
  files: Record<string, { sha256: string; bytes: number } | null>;
};

const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

/** The text Excel shows for a cell: a number in its number format ('#,##0.00', '0.0', '0'), else the text. */
function shown(cell: ExcelJS.Cell): string {
  const v = cell.value;
  if (typeof v !== 'number') return v === null || v === undefined ? '' : String(v);
  const fmt = cell.numFmt ?? '0';
  const decimals = /\.(0+)$/.exec(fmt)?.[1]!.length ?? 0;
  return v.toLocaleString('en-US', {
    minimumFractionDigits: decimals,
    maximumFractionDigits: decimals,
    useGrouping: fmt.startsWith('#,##0'),
  });
}

/** The appendix as plain rows: 单位, 指标, 项目名称, 项目代码, 月份, 版本, 金额（万元）, 审核时间, 审核人, 说明. */
function appendixRows(sheet: ExcelJS.Worksheet) {
  const rows: {
    unit: string;
    indicator: string;
    project: string;
    code: string;
    month: string;
    revision: number | null;
    amountWan: number | null;
    approvedAt: Date | null;
    note: string;
    isTotal: boolean;
  }[] = [];
  sheet.eachRow((row, n) => {
    if (n <= 2) return;
    const v = (c: number) => row.getCell(c).value;
    rows.push({
      unit: String(v(1) ?? ''),
      indicator: String(v(2) ?? ''),
      project: String(v(3) ?? ''),
      code: String(v(4) ?? ''),
      month: String(v(5) ?? ''),
      revision: (v(6) as number | null) ?? null,
      amountWan: (v(7) as number | null) ?? null,
      approvedAt: (v(8) as Date | null) ?? null,
      note: String(v(10) ?? ''),
      isTotal: v(3) === '合计',
    });
  });
  return rows;
}

describe.each(await databaseKinds())('a published bulletin as Excel, with its records appendix, on %s', (kind) => {
  let server: TestServer;
  let county: Awaited<ReturnType<typeof buildRaceCounty>>;
  let now = T0;
  let coordinator: ApiClient;
  let editor: ApiClient;
  let enterprise: ApiClient;
  let raceId: number;
  let bulletin: Bulletin;
  let first: Buffer;
  let busy: RankedUnit;
  let quiet: RankedUnit;
  let empty: RankedUnit;
  const projects: Record<'a' | 'b' | 'c', { id: number; name: string }> = {} as never;
  const reports: { aSeptember?: number } = {};

  /** Moves the injected clock on; days later the sessions have expired, so everyone signs in again. */
  const later = async (ms: number) => {
    now = new Date(now.getTime() + ms);
    coordinator = new ApiClient(server.url);
    await coordinator.signIn('coordinator', PASSWORD);
    editor = new ApiClient(server.url);
    await editor.signIn('lanjiang', PASSWORD);
    enterprise = new ApiClient(server.url);
    await enterprise.signIn('qiye', PASSWORD);
  };

  async function approve(projectId: number, month: number, amountWan: string) {
    const filed = await coordinator.post(`/api/v1/projects/${projectId}/reports`, {
      year: 2026,
      month,
      amountWan,
      progressText: '按计划推进',
    });
    expect(filed.status, JSON.stringify(filed.body)).toBe(201);
    expect((await coordinator.post(`/api/v1/reports/${filed.body.id}/submit`)).status).toBe(200);
    const approved = await coordinator.post(`/api/v1/reports/${filed.body.id}/approve`);
    expect(approved.body.state).toBe('approved');
    return filed.body.id as number;
  }

  const download = (client: ApiClient = coordinator) => client.getBytes(`/api/v1/bulletins/${bulletin.id}/xlsx`);
  const open = async (bytes: Buffer) => {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
    return workbook;
  };

  beforeAll(async () => {
    server = await startTestServer(kind, { clock: () => now });
    county = await buildRaceCounty(server.url);
    coordinator = county.coordinator;
    editor = county.editor;
    const root = (await county.admin.get('/api/v1/units')).body.items.find(
      (u: { parentId: number | null }) => u.parentId === null,
    );
    enterprise = (await buildUser(county.admin, server.url, { username: 'qiye', role: 'enterprise', unitId: root.id }))
      .client;
    await county.fill();
    [busy, quiet, empty] = county.townships as [RankedUnit, RankedUnit, RankedUnit];
    raceId = (await coordinator.post('/api/v1/races', RACE)).body.id;

    // Two projects of one township started this year, one of another started last year.
    const build = (unit: RankedUnit, name: string, actualStartDate: string, extra: Record<string, unknown> = {}) =>
      buildProject(coordinator, unit.unitId, {
        name,
        stage: 'construction',
        plannedStartDate: actualStartDate,
        actualStartDate,
        totalInvestmentWan: 20000,
        annualPlans: [{ year: 2026, amountWan: 12000 }],
        ...extra,
      });
    projects.a = await build(busy, `${busy.unitName}智能装备制造基地`, '2026-03-05', {
      code: '2403-330781-04-01-123456',
    });
    projects.b = await build(busy, `${busy.unitName}冷链物流中心`, '2026-09-10');
    projects.c = await build(quiet, `${quiet.unitName}安置房工程`, '2025-06-01');
    await approve(projects.a.id, 3, '1500.2567');
    reports.aSeptember = await approve(projects.a.id, 9, '800');
    await approve(projects.b.id, 9, '300.5');
    await approve(projects.c.id, 10, '1200');

    now = new Date(T0.getTime() + HOUR);
    const published = await publishFromDraft(coordinator, raceId, 2026, 10);
    expect(published.status, JSON.stringify(published.body)).toBe(201);

    // After publication: a correction of A's September and B's first October report.
    now = new Date(T0.getTime() + 2 * HOUR);
    const correction = await coordinator.post(`/api/v1/reports/${reports.aSeptember}/corrections`, {
      amountWan: 900,
      reason: '补录设备款',
    });
    expect(correction.status).toBe(201);
    expect((await coordinator.post(`/api/v1/reports/${correction.body.id}/approve`)).body.state).toBe('approved');
    await approve(projects.b.id, 10, '450');

    bulletin = (await coordinator.get(`/api/v1/bulletins/${published.body.id}`)).body;
  });
  afterAll(() => server?.close());

  it('gives the same bytes on every download however much later (a project renamed meanwhile), with the SHA-256 the bulletin lists', async () => {
    const listed = bulletin.files.xlsx!;
    const res = await download();
    expect(res.status).toBe(200);
    first = res.body;
    expect(res.headers.get('content-type')).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    expect(res.headers.get('content-disposition')).toBe(
      `attachment; filename="bulletin.xlsx"; filename*=UTF-8''${encodeURIComponent(`${bulletin.title}（${bulletin.docNumber}）.xlsx`)}`,
    );
    expect(res.headers.get('x-content-sha256')).toBe(sha256(first));
    expect(listed).toEqual({ sha256: sha256(first), bytes: first.length });

    await later(3 * DAY + 1234);
    expect((await coordinator.patch(`/api/v1/projects/${projects.a.id}`, { name: '改名后的项目' })).status).toBe(200);
    const again = await download();
    expect(again.body.equals(first)).toBe(true);
    expect(again.headers.get('x-content-sha256')).toBe(sha256(first));
    expect((await coordinator.get(`/api/v1/bulletins/${bulletin.id}`)).body.files).toEqual({
      ...bulletin.files,
      xlsx: listed,
    });
  });

  // JSZip (under ExcelJS) reads the machine's clock, not the injected one, to 2 s in DOS time: two quick
  // downloads could agree by luck, so the entries' dates are checked themselves.
  it('dates the workbook and every zip entry at publication, whatever the clock says now', async () => {
    const zip = await JSZip.loadAsync(first);
    for (const entry of Object.values(zip.files))
      expect(entry.date.toISOString(), entry.name).toBe(bulletin.publishedAt);
    const core = await zip.file('docProps/core.xml')!.async('string');
    const stamp = bulletin.publishedAt.replace(/\.\d{3}Z$/, 'Z');
    expect(core).toContain(`<dcterms:created xsi:type="dcterms:W3CDTF">${stamp}</dcterms:created>`);
    expect(core).toContain(`<dcterms:modified xsi:type="dcterms:W3CDTF">${stamp}</dcterms:modified>`);
    expect(core).toContain(`<cp:lastPrinted>${stamp}</cp:lastPrinted>`);
  });

  it('prints in sheet 通报 every figure of the bulletin as Word does, one unit per column', async () => {
    const sheet = (await open(first)).getWorksheet('通报')!;
    const lines: { row: ExcelJS.Row; texts: string[] }[] = [];
    sheet.eachRow((row) =>
      lines.push({ row, texts: Array.from({ length: sheet.columnCount }, (_, c) => shown(row.getCell(c + 1))) }),
    );
    const at = (text: string) => lines.findIndex((l) => l.texts[0] === text);
    expect(lines[2]!.texts[0]).toBe(bulletin.title);
    expect(lines[1]!.texts[0]).toBe(bulletin.docNumber);

    const { groups, indicators } = bulletin.ranking;
    expect(groups.length).toBeGreaterThan(1);
    let cells = 0;
    groups.forEach((group, g) => {
      const caption = at(`表${g + 1}  ${group.label['zh-CN']}项目绩效晾晒排名（2026年10月）`);
      expect(caption, group.label['zh-CN']).toBeGreaterThan(0);
      const [head, units] = [lines[caption + 1]!.texts, lines[caption + 2]!.texts];
      expect(head.slice(0, 4)).toEqual(['名次', '名次\n变化', '单位', '总分']);
      indicators.forEach((ind, i) =>
        expect(head[4 + 2 * i]).toBe(`${ind.label['zh-CN']}\n（${RACE.indicators[i]!.weight}分）`),
      );
      group.rows.forEach((row, r) => {
        const texts = lines[caption + 3 + r]!.texts;
        expect(texts.slice(0, 4)).toEqual([
          String(row.rank),
          row.rankChange ? (row.rankChange > 0 ? `↑${row.rankChange}` : `↓${-row.rankChange}`) : '—',
          row.name,
          formatScore(row.total),
        ]);
        row.breakdown.forEach((c, i) => {
          // The column's one unit is in its header; money in 亿元 or 万元, counts bare.
          const unit = /（(.+)）$/.exec(units[4 + 2 * i]!)?.[1];
          const value =
            c.value === null
              ? '—'
              : unit === '亿元'
                ? formatYi(c.value)
                : unit === '万元'
                  ? formatWan(c.value)
                  : unit === '%'
                    ? formatPoints(c.value)
                    : String(c.value);
          expect([texts[4 + 2 * i], texts[5 + 2 * i]], `${row.name} ${c.indicator}`).toEqual([
            value,
            c.score === null ? (c.note ? NOTES[c.note] : '—') : formatScore(c.score),
          ]);
          cells++;
        });
      });
      expect(lines[caption + 3 + group.rows.length]!.texts[0]).toMatch(
        new RegExp(`^${group.label['zh-CN'].replace(/[()（）]/g, '.')}骏马：`),
      );
    });
    expect(cells).toBe(groups.reduce((n, g) => n + g.rows.length, 0) * indicators.length);
    // Figures are numbers where Excel shows them as printed; a total is one.
    const lanes = lines[at(`表1  ${groups[0]!.label['zh-CN']}项目绩效晾晒排名（2026年10月）`) + 3]!.row;
    expect(typeof lanes.getCell(4).value).toBe('number');
  });

  it('lists in sheet 明细 the records each computed figure counts as of publication: sums and counts equal the figures', async () => {
    const rows = appendixRows((await open(first)).getWorksheet('明细')!);
    const all = bulletin.ranking.groups.flatMap((g) => g.rows);
    const figure = (unitId: number, indicator: string) =>
      all.find((r) => r.unitId === unitId)!.breakdown.find((c) => c.indicator === indicator)!.value;
    for (const unit of all) {
      const investment = rows.filter((r) => r.unit === unit.name && r.indicator === '固定资产投资');
      const records = investment.filter((r) => !r.isTotal);
      const yuan = Math.round(records.reduce((s, r) => s + r.amountWan!, 0) * 10_000);
      expect(yuan, unit.name).toBe(figure(unit.unitId, 'fixedAssetInvestment'));
      expect(
        investment.filter((r) => r.isTotal).map((r) => Math.round(r.amountWan! * 10_000)),
        unit.name,
      ).toEqual([yuan]);
      const starts = rows.filter((r) => r.unit === unit.name && r.indicator === '新开工项目数' && !r.isTotal);
      expect(starts.length, unit.name).toBe(figure(unit.unitId, 'projectsStarted'));
      // Entered statistics have no records.
      expect(rows.some((r) => r.unit === unit.name && r.indicator === '财政收入')).toBe(false);
    }

    // The busy township: A's March and September (revision 1, as approved before publication) and B's September.
    const busyInvestment = rows.filter((r) => r.unit === busy.unitName && r.indicator === '固定资产投资' && !r.isTotal);
    expect(busyInvestment.map((r) => [r.project, r.code, r.month, r.revision, r.amountWan])).toEqual([
      [projects.a.name, '2403-330781-04-01-123456', '2026年3月', 1, 1500.2567],
      [projects.a.name, '2403-330781-04-01-123456', '2026年9月', 1, 800],
      [projects.b.name, '', '2026年9月', 1, 300.5],
    ]);
    expect(figure(busy.unitId, 'fixedAssetInvestment')).toBe(26_007_567);
    // Approved at 10:00 in the county (02:00 UTC): the cell shows the county's wall-clock time.
    expect(busyInvestment[0]!.approvedAt!.toISOString()).toBe('2026-11-23T10:00:00.000Z');
    const total = rows.find((r) => r.unit === busy.unitName && r.indicator === '固定资产投资' && r.isTotal)!;
    expect(total.note).toMatch(/^3 条月报（2 个项目）；通报数值 [\d,.]+ (万元|亿元)$/);
    expect(
      rows
        .filter((r) => r.unit === busy.unitName && r.indicator === '新开工项目数' && !r.isTotal)
        .map((r) => [r.project, r.note]),
    ).toEqual([
      [projects.a.name, '实际开工 2026-03-05'],
      [projects.b.name, '实际开工 2026-09-10'],
    ]);
    // A unit with nothing to count still has its total line.
    expect(
      rows
        .filter((r) => r.unit === empty.unitName && r.indicator === '固定资产投资')
        .map((r) => [r.project, r.amountWan, r.note]),
    ).toEqual([['合计', 0, expect.stringMatching(/^0 条月报（0 个项目）；/)]]);
    expect(
      rows.filter((r) => r.unit === quiet.unitName && r.indicator === '新开工项目数').map((r) => r.project),
    ).toEqual(['合计']);
  });

  it('leaves out what was approved after publication, which the live drill-through does show', async () => {
    const rows = appendixRows((await open(first)).getWorksheet('明细')!);
    expect(rows.filter((r) => r.revision === 2)).toEqual([]);
    expect(rows.filter((r) => r.project === projects.b.name && r.month === '2026年10月')).toEqual([]);
    const live = (
      await coordinator.get(
        `/api/v1/races/${raceId}/records?year=2026&period=10&unitId=${busy.unitId}&indicator=fixedAssetInvestment`,
      )
    ).body;
    expect(live.reports.map((r: { month: number; revision: number }) => [r.month, r.revision])).toEqual([
      [3, 1],
      [9, 2],
      [9, 1],
      [10, 1],
    ]);
  });

  it('is downloaded by whoever may read the bulletin, as the bulletin itself is', async () => {
    const anonymous = new ApiClient(server.url);
    for (const [who, client] of [
      ['editor', editor],
      ['enterprise', enterprise],
      ['signed out', anonymous],
    ] as const) {
      const [page, file] = [await client.get(`/api/v1/bulletins/${bulletin.id}`), await download(client)];
      expect(file.status, who).toBe(page.status);
      if (file.status === 200) expect(file.body.equals(first), who).toBe(true);
    }
    expect((await download(editor)).status).toBe(200);
    expect((await download(enterprise)).status).toBe(403);
    expect((await download(anonymous)).status).toBe(401);
    expect((await coordinator.getBytes('/api/v1/bulletins/999999/xlsx')).status).toBe(404);
  });
});
