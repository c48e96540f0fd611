import fs from 'node:fs';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApiClient } from './support/client.ts';
import { databaseKinds } from './support/databases.ts';
import { code, good, ledgerImports, startImportsCounty, type UnitByName } from './support/imports.ts';
import { excelDate, type LedgerCell, type LedgerSpec } from './support/ledgers.ts';
import type { TestServer } from './support/server.ts';

// Reading a ledger: where the header is, what each column means, cells in every form, CSV, and files refused.

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
  let unit: UnitByName;
  const { dir, ledger, upload, uploadFile, projectCount, importCount } = ledgerImports(() => ({ server, unit }));

  beforeAll(async () => {
    ({ server, admin, unit } = await startImportsCounty(kind));
  });
  afterAll(async () => {
    await server.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

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

  it('shows a header cell with a control character as "_" and checks the ledger, on both databases', async () => {
    const text = [
      '项目名称,建设性质,项目类别,国民经济行业,投资类型,审批方式,总投资（万元）,备\u0000注',
      '兰江控制字符项目,新建,产业,C17,企业投资,备案,900,无',
    ].join('\r\n');
    const res = await upload(admin, Buffer.from(text, 'utf8'), '台账.csv');
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(res.body.columns.map((c: { header: string }) => c.header)).toContain('备_注');
    const check = await admin.post(`/api/v1/imports/${res.body.id}/dry-run`);
    expect(check.status, JSON.stringify(check.body)).toBe(200);
    expect(check.body.status).not.toBe('failed');
  });

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
