import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ERROR_FILL } from '../src/server/features/imports/error-workbook.ts';
import type { ApiClient } from './support/client.ts';
import { databaseKinds } from './support/databases.ts';
import { buildUser, setUpCounty } from './support/factories.ts';
import { excelDate, tmpDir, writeLedger, type LedgerCell, type LedgerSpec } from './support/ledgers.ts';
import { buildProject } from './support/projects.ts';
import { startTestServer, type TestServer } from './support/server.ts';

/** Imports are checked against a fixed today: 2026-11-23. */
const TODAY = new Date('2026-11-23T10:00:00Z');

const HEADER = [
  '序号',
  '项目名称',
  '项目代码',
  '建设性质',
  '项目类别',
  '国民经济行业',
  '投资类型',
  '审批方式',
  '项目阶段',
  '总投资（万元）',
  '计划开工时间',
  '实际开工时间',
  '标签',
];
/** A good row of the standard ledger: 序号, name, code, …, total 万元, planned start, actual start, tags. */
const good = (
  n: number,
  name: string,
  code: string | null,
  overrides: Partial<Record<number, LedgerCell>> = {},
): LedgerCell[] => {
  const row: LedgerCell[] = [
    n,
    name,
    code,
    '新建',
    '产业',
    'C17',
    '企业投资',
    '备案',
    '前期',
    3000,
    '2027年3月',
    null,
    '纺织',
  ];
  for (const [i, v] of Object.entries(overrides)) row[Number(i)] = v as LedgerCell;
  return row;
};
const code = (n: number) => `2403-330781-04-01-${String(n).padStart(6, '0')}`;

/** GB18030 bytes of a text, from the decoder's own table (Node encodes only UTF-8). */
function gb18030(text: string): Buffer {
  const decoder = new TextDecoder('gb18030');
  const table = new Map<string, number[]>();
  for (let hi = 0x81; hi <= 0xfe; hi++)
    for (let lo = 0x40; lo <= 0xfe; lo++)
      if (lo !== 0x7f) table.set(decoder.decode(new Uint8Array([hi, lo])), [hi, lo]);
  return Buffer.from([...text].flatMap((ch) => (ch.charCodeAt(0) < 0x80 ? [ch.charCodeAt(0)] : table.get(ch)!)));
}

describe.each(await databaseKinds())('ledger imports on %s', (kind) => {
  let server: TestServer;
  let admin: ApiClient;
  let editor: ApiClient;
  let unit: (name: string) => { id: number };
  const dir = tmpDir();
  let fileNo = 0;

  beforeAll(async () => {
    server = await startTestServer(kind, { clock: () => TODAY });
    ({ admin, unit } = await setUpCounty(server.url));
    editor = (
      await buildUser(admin, server.url, {
        username: 'lanjiang',
        role: 'unit_editor',
        unitId: unit('兰江街道').id,
        displayName: '兰江填报员',
      })
    ).client;
  });
  afterAll(async () => {
    await server.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  const ledger = (spec: Partial<LedgerSpec> & { rows: Iterable<LedgerCell[]> }) =>
    writeLedger(path.join(dir, `ledger-${fileNo++}.xlsx`), {
      title: '兰江街道2026年重点项目台账',
      header: HEADER,
      ...spec,
    });
  const upload = (client: ApiClient, bytes: Buffer, fileName: string, unitName = '兰江街道') => {
    const form = new FormData();
    form.append('unitId', String(unit(unitName).id));
    form.append('file', new Blob([new Uint8Array(bytes)]), fileName);
    return client.postMultipart('/api/v1/imports', form);
  };
  const uploadFile = async (client: ApiClient, file: string, unitName = '兰江街道') => {
    const res = await upload(client, fs.readFileSync(file), path.basename(file), unitName);
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    return res.body;
  };
  const projectCount = async () =>
    Number(
      (
        await server.db.kysely
          .selectFrom('projects')
          .select((eb) => eb.fn.countAll().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );
  const importCount = async () =>
    Number(
      (
        await server.db.kysely
          .selectFrom('imports')
          .select((eb) => eb.fn.countAll().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );
  const byCode = (c: string) =>
    server.db.kysely.selectFrom('projects').selectAll().where('code', '=', c).executeTakeFirst();

  it('finds the header under a merged title, joins a two-row header, maps Chinese names and variants, and converts 亿元', async () => {
    const file = await ledger({
      note: '单位：亿元',
      groupRow: [
        '序号',
        '名称',
        '统一项目代码',
        '性质',
        '类别',
        '所属行业',
        '投资主体类型',
        '立项方式',
        '状态',
        '投资情况（亿元）',
        null,
        '计划开工日期',
      ],
      header: [null, null, null, null, null, null, null, null, null, '总投资', '其中：固定资产投资', null],
      rows: [
        [
          1,
          '兰江光膜新材料项目',
          code(1),
          '新建',
          '产业',
          '纺织业',
          '企业',
          '备案制',
          '储备',
          1.5,
          '1.23456789',
          '2027.3',
        ],
      ],
    });
    const body = await uploadFile(admin, file);
    expect(body).toMatchObject({
      status: 'uploaded',
      sheet: '项目台账',
      headerRows: [3, 4],
      headerRow: 4,
      dataStartRow: 5,
      title: '兰江街道2026年重点项目台账',
    });
    expect(
      Object.fromEntries(
        body.columns.map((c: { letter: string; proposedField: string | null }) => [c.letter, c.proposedField]),
      ),
    ).toEqual({
      A: null,
      B: 'name',
      C: 'code',
      D: 'nature',
      E: 'kind',
      F: 'industryCode',
      G: 'investmentType',
      H: 'approvalMode',
      I: 'stage',
      J: 'totalInvestmentWan',
      K: 'fixedAssetInvestmentWan',
      L: 'plannedStartDate',
    });
    expect(body.preview[0]).toMatchObject({
      row: 5,
      action: 'create',
      values: {
        totalInvestmentWan: 150_000_000,
        fixedAssetInvestmentWan: 123_456_789,
        industryCode: '17',
        investmentType: 'enterprise',
        stage: 'reserve',
        plannedStartDate: '2027-03-01',
      },
      display: { totalInvestmentWan: '1.50 亿元', stage: '储备', industryCode: 'C17 纺织业' },
      errors: [],
    });
    expect(body.missingRequired).toEqual([]);
  });

  it('reads dates in every form a ledger holds them', async () => {
    const forms: [LedgerCell, string][] = [
      [excelDate('2027-03-15'), '2027-03-15'],
      [{ numFmt: '0', value: 46461 }, '2027-03-15'],
      ['2027年3月', '2027-03-01'],
      [2027.3, '2027-03-01'],
      ['2027-03-15', '2027-03-15'],
      ['2027/3/15', '2027-03-15'],
      [20270315, '2027-03-15'],
      ['2027.10', '2027-10-01'],
      ['2027年3月15日', '2027-03-15'],
      ['2027年6月底', '2027-06-30'],
    ];
    const file = await ledger({ rows: forms.map(([cell], i) => good(i + 1, `日期项目${i + 1}`, null, { 10: cell })) });
    const body = await uploadFile(admin, file);
    expect(body.preview.map((r: { values: { plannedStartDate: string } }) => r.values.plannedStartDate)).toEqual(
      forms.map(([, iso]) => iso),
    );
  });

  it('names the row, the cell as Excel shows it, the column and what is wrong, for every kind of row error', async () => {
    const other = await buildProject(admin, unit('上华街道').id, { name: '上华已有项目', code: code(900) });
    const rows: LedgerCell[][] = [
      good(1, '金额不对的项目', null, { 9: '约三千万' }),
      good(2, '阶段不对的项目', null, { 8: '在干' }),
      good(3, '日期不对的项目', null, { 10: '明年' }),
      good(4, '行业不对的项目', null, { 5: 'A17' }),
      good(5, '代码不对的项目', '2403-330781-04-01'),
      good(6, '代码重复甲', code(5)),
      good(7, '代码重复乙', code(5)),
      good(8, '公式没有结果的项目', null, { 9: { formula: 'SUM(J1:J3)' } }),
      good(9, null as never, null),
      good(10, '实际开工在将来', null, { 8: '在建', 10: '2027-05-01', 11: '2027-06-01' }),
      good(11, '在建没有实际开工', null, { 8: '在建' }),
      good(12, '别的单位的项目', other.code as string),
      good(13, '零投资项目', null, { 9: 0 }),
      good(14, '重名项目', null),
      good(15, '重名项目', null),
    ];
    const file = await ledger({ rows });
    const { id } = await uploadFile(admin, file);
    const res = await admin.post(`/api/v1/imports/${id}/dry-run`);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ status: 'invalid', counts: { rows: 15, errorRows: 13, create: 2 } });
    const errors = res.body.errors as { row: number; cell: string; column: string; message: string }[];
    const expected: [number, string, string, string][] = [
      [3, 'J3', '总投资（万元）', '“约三千万”不是金额'],
      [4, 'I4', '项目阶段', '“在干”不是可选的项目阶段'],
      [5, 'K5', '计划开工时间', '“明年”不是日期'],
      [6, 'F6', '国民经济行业', '“A17”不是国民经济行业大类代码'],
      [7, 'C7', '项目代码', '不是 24 位统一项目代码'],
      [9, 'C9', '项目代码', '与第 8 行的项目代码相同'],
      [10, 'J10', '总投资（万元）', '是公式（=SUM(J1:J3)），文件中没有保存计算结果'],
      [11, 'B11', '项目名称', '新建项目须填写“项目名称”'],
      [12, 'L12', '实际开工时间', '实际开工时间（2027-06-01）不能晚于今天'],
      [13, 'L13', '实际开工时间', '阶段为“在建”的项目须填写实际开工时间'],
      [14, 'C14', '项目代码', `项目代码 ${code(900)} 已被“上华街道”的项目“上华已有项目”使用，不在本次导入的单位范围内`],
      [15, 'J15', '总投资（万元）', '总投资必须大于 0'],
      [17, 'B17', '项目名称', '与第 16 行的项目名称相同'],
    ];
    for (const [row, cell, column, message] of expected) {
      expect(errors, `row ${row}`).toContainEqual(
        expect.objectContaining({ row, cell, column, message: expect.stringContaining(message) }),
      );
    }
    // The same errors page through GET …/errors.
    const listed = await admin.get(`/api/v1/imports/${id}/errors?limit=5`);
    expect(listed.body.items).toHaveLength(5);
    expect(listed.body.items[0]).toEqual(errors[0]);
  });

  it('hands the workbook back with the error cells filled red and a comment on each', async () => {
    const file = await ledger({ rows: [good(1, '好项目', null), good(2, '坏项目', null, { 9: 'abc', 8: '在干' })] });
    const { id } = await uploadFile(admin, file);
    await admin.post(`/api/v1/imports/${id}/dry-run`);
    const res = await admin.getBytes(`/api/v1/imports/${id}/errors.xlsx`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('spreadsheetml');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.body as unknown as ArrayBuffer);
    const ws = wb.worksheets[0]!;
    for (const ref of ['J4', 'I4']) {
      const cell = ws.getCell(ref);
      expect((cell.fill as ExcelJS.FillPattern).fgColor?.argb, ref).toBe(ERROR_FILL);
      expect(String(typeof cell.note === 'string' ? cell.note : cell.note?.texts?.map((t) => t.text).join(''))).toMatch(
        /abc|在干/,
      );
    }
    expect(
      ws.getCell('J3').fill?.type === 'pattern' && (ws.getCell('J3').fill as ExcelJS.FillPattern).fgColor?.argb,
    ).not.toBe(ERROR_FILL);
    expect(ws.getCell('B4').value).toBe('坏项目');
    expect(ws.getCell('N2').value).toBe('导入错误');
    expect(String(ws.getCell('N4').value)).toContain('J4（总投资（万元））：“abc”不是金额');
  });

  it('writes nothing when one row among 10,000 is bad', async () => {
    const rows = function* () {
      for (let i = 1; i <= 10_000; i++)
        yield good(i, `批量项目${i}`, code(10_000 + i), i === 6_543 ? { 9: '三千' } : {});
    };
    const file = await ledger({ rows: rows() });
    const { id } = await uploadFile(admin, file);
    const [projects, audits] = [
      await projectCount(),
      await server.db.kysely
        .selectFrom('audit_events')
        .select((eb) => eb.fn.countAll().as('n'))
        .executeTakeFirstOrThrow(),
    ];
    const res = await admin.post(`/api/v1/imports/${id}/commit`);
    expect(res.body).toMatchObject({
      status: 'invalid',
      counts: { rows: 10_000, errorRows: 1, create: 9_999 },
      errors: [{ row: 6_545, cell: 'J6545', column: '总投资（万元）' }],
    });
    expect(res.body.message).toContain('未写入任何数据');
    expect(await projectCount()).toBe(projects);
    expect(
      (
        await server.db.kysely
          .selectFrom('audit_events')
          .select((eb) => eb.fn.countAll().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    ).toBe(audits.n);
  });

  it('commits, audits each project, keeps the unit figures right, and changes nothing when the same file is imported again', async () => {
    const rows = [
      good(1, '兰江幂等项目一', code(101)),
      good(2, '兰江幂等项目二', code(102), { 8: '在建', 11: '2026-04-20', 12: '纺织、新材料' }),
      good(3, '兰江无代码项目', null, { 9: 20000 }),
    ];
    const file = await ledger({ rows });
    const first = await uploadFile(editor, file);
    const res = await editor.post(`/api/v1/imports/${first.id}/commit`);
    expect(res.body).toMatchObject({
      status: 'committed',
      counts: { rows: 3, create: 3, update: 0, unchanged: 0, errorRows: 0 },
    });
    const p2 = (await byCode(code(102)))!;
    expect(p2).toMatchObject({
      name: '兰江幂等项目二',
      stage: 'construction',
      actual_start_date: '2026-04-20',
      total_investment: 30_000_000,
      lead_unit_id: unit('兰江街道').id,
      tags: ',纺织,新材料,',
    });
    const audit = (await admin.get(`/api/v1/audit?objectType=project&objectId=${p2.id}`)).body.items;
    expect(audit[0]).toMatchObject({
      action: 'project.create',
      actorName: '兰江填报员',
      after: { name: '兰江幂等项目二', total_investment: 30_000_000 },
    });
    expect(audit[0].summary).toContain(`第 4 行，导入 #${first.id}`);

    const stats = await server.services.stats.all();
    await server.services.stats.rebuild();
    expect(await server.services.stats.all()).toEqual(stats);

    const snapshot = async () => ({
      projects: await server.db.kysely.selectFrom('projects').selectAll().orderBy('id').execute(),
      audit: await projectCount().then(() =>
        server.db.kysely.selectFrom('audit_events').select(['id']).where('object_type', '=', 'project').execute(),
      ),
      stats: await server.services.stats.all(),
    });
    const before = await snapshot();
    const again = await uploadFile(editor, file);
    const second = await editor.post(`/api/v1/imports/${again.id}/commit`);
    expect(second.body).toMatchObject({ status: 'committed', counts: { rows: 3, create: 0, update: 0, unchanged: 3 } });
    expect(await snapshot()).toEqual(before);

    const history = (await editor.get('/api/v1/imports')).body.items;
    expect(history[0]).toMatchObject({
      id: again.id,
      fileName: path.basename(file),
      createdBy: '兰江填报员',
      status: 'committed',
      counts: { unchanged: 3 },
    });
    expect(history[0].committedAt).toBeTruthy();
  });

  it('updates the project a code names, records the stage change, and shows the change in its history', async () => {
    const file = await ledger({ rows: [good(1, '兰江更新项目', code(201))] });
    await admin.post(`/api/v1/imports/${(await uploadFile(admin, file)).id}/commit`);
    const changed = await ledger({
      rows: [good(1, '兰江更新项目（一期）', code(201), { 8: '在建', 9: 4500, 11: excelDate('2026-10-08') })],
    });
    const res = await admin.post(`/api/v1/imports/${(await uploadFile(admin, changed)).id}/commit`);
    expect(res.body.counts).toMatchObject({ update: 1, create: 0 });
    const p = (await byCode(code(201)))!;
    expect(p).toMatchObject({
      name: '兰江更新项目（一期）',
      stage: 'construction',
      total_investment: 45_000_000,
      actual_start_date: '2026-10-08',
    });
    const detail = (await admin.get(`/api/v1/projects/${p.id}`)).body;
    expect(detail.stageHistory[0]).toMatchObject({ from: 'preparing', to: 'construction' });
    const audit = (await admin.get(`/api/v1/audit?objectType=project&objectId=${p.id}`)).body.items;
    expect(audit[0]).toMatchObject({
      action: 'project.update',
      before: { total_investment: 30_000_000, stage: 'preparing' },
      after: { total_investment: 45_000_000, stage: 'construction' },
    });
  });

  it('refuses a stage change the lifecycle forbids, at the stage cell', async () => {
    const file = await ledger({ rows: [good(1, '兰江跳级项目', code(301), { 8: '储备' })] });
    await admin.post(`/api/v1/imports/${(await uploadFile(admin, file)).id}/commit`);
    const jump = await ledger({ rows: [good(1, '兰江跳级项目', code(301), { 8: '竣工', 11: '2026-01-05' })] });
    const res = await admin.post(`/api/v1/imports/${(await uploadFile(admin, jump)).id}/dry-run`);
    expect(res.body.errors).toEqual([
      {
        row: 3,
        cell: 'I3',
        column: '项目阶段',
        message: '项目当前为“储备”，不能直接改为“竣工”（可改为：谋划、前期、退库）',
      },
    ]);
  });

  it('keeps a township editor to their own unit', async () => {
    const file = await ledger({ rows: [good(1, '越权项目', null)] });
    const before = await importCount();
    const res = await upload(editor, fs.readFileSync(file), 'x.xlsx', '上华街道');
    expect(res.status).toBe(403);
    expect(await importCount()).toBe(before);
    const other = await ledger({
      header: [...HEADER, '责任单位'],
      rows: [[...good(1, '指到别处的项目', null), '上华街道']],
    });
    const { id } = await uploadFile(editor, other);
    const check = await editor.post(`/api/v1/imports/${id}/dry-run`);
    expect(check.body.errors).toEqual([
      expect.objectContaining({ cell: 'N3', column: '责任单位', message: '“上华街道”不是“兰江街道”或其下级单位' }),
    ]);
    // Another unit's import is not even visible.
    const shanghua = await uploadFile(admin, file, '上华街道');
    expect((await editor.get(`/api/v1/imports/${shanghua.id}`)).status).toBe(404);
    expect((await editor.post(`/api/v1/imports/${shanghua.id}/commit`)).status).toBe(404);
  });

  it('saves a corrected mapping for the unit and proposes it on the next upload', async () => {
    const header = [
      '项目名称',
      '总投资（万元）',
      '牵头科室联系人',
      '建设性质',
      '项目类别',
      '国民经济行业',
      '投资类型',
      '审批方式',
    ];
    const file = await ledger({
      header,
      rows: [['映射项目', 3000, '王五 13900000000', '新建', '产业', 'C17', '企业投资', '备案']],
    });
    const first = await uploadFile(admin, file, '上华街道');
    expect(first.columns[2]).toMatchObject({ header: '牵头科室联系人', proposedField: null, field: null });
    const res = await admin.request('PUT', `/api/v1/imports/${first.id}/mapping`, {
      columns: { ...first.mapping.columns, C: 'contact' },
      defaults: { stage: '前期' },
      save: true,
    });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body.preview[0].values).toMatchObject({ contact: '王五 13900000000' });
    const next = await uploadFile(admin, file, '上华街道');
    expect(next.mapping).toEqual({ columns: { ...first.mapping.columns, C: 'contact' }, defaults: { stage: '前期' } });
    const wrong = await admin.request('PUT', `/api/v1/imports/${first.id}/mapping`, {
      columns: { A: 'name', B: 'name' },
    });
    expect(wrong.status).toBe(400);
    expect(wrong.body.error.message).toContain('A、B 列都对应“项目名称”');
  });

  it('imports a CSV saved by Excel in GB18030, and shows progress while committing', async () => {
    const text = [
      '项目名称,建设性质,项目类别,国民经济行业,投资类型,审批方式,总投资（万元）,计划开工时间',
      '"兰江CSV项目,一期",新建,产业,C17,企业投资,备案,"1,200",2027年5月',
      '兰江CSV项目二,扩建,产业,29,企业投资,备案,800,2027.6',
    ].join('\r\n');
    const res = await upload(admin, gb18030(text), '台账.csv');
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(res.body.preview.map((r: { values: Record<string, unknown> }) => r.values)).toMatchObject([
      { name: '兰江CSV项目,一期', totalInvestmentWan: 12_000_000, plannedStartDate: '2027-05-01' },
      { name: '兰江CSV项目二', nature: 'expansion', industryCode: '29' },
    ]);
    const started = await admin.post(`/api/v1/imports/${res.body.id}/commit?wait=false`);
    expect(started.status).toBe(202);
    expect(['committing', 'committed']).toContain(started.body.status);
    // Wait for the commit to finish, however busy the machine is.
    let view = started.body;
    await expect
      .poll(async () => (view = (await admin.get(`/api/v1/imports/${res.body.id}`)).body).status, {
        timeout: 120_000,
        interval: 50,
      })
      .not.toBe('committing');
    expect(view).toMatchObject({ status: 'committed', counts: { create: 2 }, progress: null });
  }, 180_000);

  it('uses the cached result of a formula', async () => {
    const file = await ledger({ rows: [good(1, '公式项目', null, { 9: { formula: '1000+2000', result: 3000 } })] });
    const body = await uploadFile(admin, file);
    expect(body.preview[0]).toMatchObject({ action: 'create', values: { totalInvestmentWan: 30_000_000 }, errors: [] });
  });

  describe('bad files', () => {
    const docx = async () => {
      const zip = new JSZip();
      zip.file('[Content_Types].xml', '<Types/>');
      zip.file('word/document.xml', '<w:document/>');
      return zip.generateAsync({ type: 'nodebuffer' });
    };
    const ole = (...streams: string[]) =>
      Buffer.concat([
        Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]),
        Buffer.alloc(1000),
        ...streams.map((s) => Buffer.from(s, 'utf16le')),
        Buffer.alloc(2000),
      ]);
    const damaged = Buffer.concat([Buffer.from('PK\x03\x04'), Buffer.from('xl/workbook.xml'), Buffer.alloc(300, 7)]);

    it.each([
      [
        'a picture',
        () => Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0]), Buffer.alloc(500)]),
        'photo.png',
        400,
        '不是 Excel 工作簿（.xlsx）或 CSV 文件',
      ],
      ['a Word file', docx, '台账.docx', 400, '不是 Excel 工作簿'],
      ['an empty file', () => Buffer.alloc(0), '台账.xlsx', 400, '是空文件'],
      [
        'a password-protected workbook',
        () => ole('EncryptionInfo', 'EncryptedPackage'),
        '台账.xlsx',
        400,
        '设置了打开密码',
      ],
      ['an old .xls workbook', () => ole('Workbook'), '台账.xls', 400, 'Excel 97-2003'],
      ['a damaged workbook', () => damaged, '台账.xlsx', 400, '文件可能已损坏'],
      ['a 50 MB file', () => Buffer.alloc(50 * 1024 * 1024, 1), '台账.xlsx', 413, '超过 30 MB'],
    ] as [string, () => Buffer | Promise<Buffer>, string, number, string][])(
      'refuses %s with a clear message and writes nothing',
      async (_what, bytes, name, status, message) => {
        const before = [await importCount(), await projectCount()];
        const res = await upload(admin, await bytes(), name);
        expect(res.status).toBe(status);
        expect(res.body.error.message).toContain(message);
        expect([await importCount(), await projectCount()]).toEqual(before);
      },
    );

    it.each([
      [
        'a sheet with nothing but a title',
        { title: '兰江街道重点项目台账', header: [], rows: [] },
        '只有标题“兰江街道重点项目台账”',
      ],
      [
        'a thousand columns',
        { header: ['项目名称', '总投资', ...Array.from({ length: 998 }, (_, i) => `备用列${i + 1}`)], rows: [] },
        '有 1000 列，超过上限 200 列',
      ],
      [
        'a table that is not a ledger',
        { title: null, header: ['姓名', '电话'], rows: [['张三', '138']] },
        '没有找到表头',
      ],
    ] as [string, Partial<LedgerSpec>, string][])('refuses %s', async (_what, spec, message) => {
      const file = await ledger({ rows: [], ...spec });
      const before = await importCount();
      const res = await upload(admin, fs.readFileSync(file), 'x.xlsx');
      expect(res.status).toBe(400);
      expect(res.body.error.message).toContain(message);
      expect(await importCount()).toBe(before);
    });

    it('says so when the header has no rows below it', async () => {
      const { id } = await uploadFile(admin, await ledger({ rows: [] }));
      const res = await admin.post(`/api/v1/imports/${id}/commit`);
      expect(res.body).toMatchObject({ status: 'invalid', message: '表头以下没有项目数据' });
    });
  });
});
