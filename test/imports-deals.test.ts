import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiClient } from './support/client.ts';
import { databaseKinds } from './support/databases.ts';
import { creditCodeFor } from './support/enterprises.ts';
import { ADMIN_PASSWORD, buildUser, setUpCounty } from './support/factories.ts';
import { excelDate, tmpDir, writeLedger, type LedgerCell } from './support/ledgers.ts';
import { startTestServer, type TestServer } from './support/server.ts';

// Deals from an Excel ledger (招商台账) as an investment office keeps it: a title and a unit note above the
// header, amounts in 亿元, the county's lists by their labels; each stage entered with what it needs, one
// 'create' event each so the funnel counts them, updated (never moved) on a second import; refused row by
// row naming the cells, in Chinese or English, with nothing written; limited to the uploader's units.

const HEADER = [
  '序号',
  '项目名称',
  '客商名称',
  '统一社会信用代码',
  '是否上市',
  '总部所在地',
  '来源地',
  '所属产业链',
  '产业链环节',
  '项目类型',
  '意向投资额',
  '牵头单位',
  '招商小分队',
  '包联领导',
  '当前阶段',
  '签约时间',
  '签约金额（万元）',
  '备注/原因',
];
/** A credit code whose check character is wrong. */
const badCheck = (n: number) => {
  const good = creditCodeFor(n);
  return good.slice(0, 17) + (good[17] === '0' ? '1' : '0');
};
/** One ledger row: 序号, name, investor, then the other columns of HEADER by name. */
const dealRow = (n: number, name: string, cells: Partial<Record<(typeof HEADER)[number], LedgerCell>>): LedgerCell[] =>
  HEADER.map((h, i) => (i === 0 ? n : i === 1 ? name : (cells[h] ?? null)));

describe.each(await databaseKinds())('deal ledger imports on %s', (kind) => {
  let server: TestServer;
  let admin: ApiClient;
  let english: ApiClient;
  let editor: ApiClient;
  let unit: (name: string) => { id: number };
  let teamId: number;
  const dir = tmpDir();
  let fileNo = 0;
  // Wednesday 2026-09-30, 10:00 in Lanxi: a lead entered today is to be called by 10-08 (National Day off).
  let now = new Date('2026-09-30T02:00:00Z');

  const ledger = (rows: LedgerCell[][]) =>
    writeLedger(path.join(dir, `deals-${fileNo++}.xlsx`), {
      title: '兰溪市2026年招商引资项目台账',
      note: '填报单位：兰溪市投资促进中心　单位：亿元',
      header: HEADER,
      sheetName: '招商台账',
      rows,
    });
  const upload = (client: ApiClient, file: string, o: { unitName?: string; ledger?: string } = {}) => {
    const form = new FormData();
    if (o.unitName) form.append('unitId', String(unit(o.unitName).id));
    form.append('ledger', o.ledger ?? 'deals');
    form.append('file', new Blob([new Uint8Array(fs.readFileSync(file))]), path.basename(file));
    return client.postMultipart('/api/v1/imports', form);
  };
  const uploaded = async (client: ApiClient, file: string, o: Parameters<typeof upload>[2] = {}) => {
    const res = await upload(client, file, o);
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    return res.body;
  };
  const deals = () => server.db.kysely.selectFrom('deals').selectAll().orderBy('id').execute();
  const byName = async (name: string) => (await deals()).find((d) => d.name === name)!;

  beforeAll(async () => {
    server = await startTestServer(kind, { clock: () => now });
    ({ admin, unit } = await setUpCounty(server.url));
    english = new ApiClient(server.url, { language: 'en' });
    await english.signIn('admin', ADMIN_PASSWORD);
    editor = (
      await buildUser(admin, server.url, { username: 'lanjiang', role: 'unit_editor', unitId: unit('兰江街道').id })
    ).client;
    const team = await admin.post('/api/v1/deal-teams', {
      name: '沪苏招商小分队',
      unitId: unit('兰江街道').id,
      leaderName: '王副镇长',
      memberIds: [],
    });
    expect(team.status, JSON.stringify(team.body)).toBeLessThan(300);
    teamId = team.body.id;
  });
  afterAll(async () => {
    await server.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('enters the deals of a ledger as an office keeps it, each at its stage, and updates their fields on a second import', async () => {
    const rows = [
      dealRow(1, '高端装备产业园项目', {
        客商名称: '苏州精工装备股份有限公司',
        统一社会信用代码: creditCodeFor(501),
        是否上市: '上市',
        总部所在地: '江苏苏州',
        来源地: '沪苏',
        所属产业链: '先进装备制造',
        产业链环节: '智能装备',
        项目类型: '产业项目',
        意向投资额: 15,
        牵头单位: '兰江街道',
        招商小分队: '沪苏招商小分队',
        包联领导: '张副县长',
        当前阶段: '已签约',
        签约时间: excelDate('2026-09-15'),
        '签约金额（万元）': 120000.5,
      }),
      dealRow(2, '生物医药研发中心', {
        客商名称: '杭州某某生物科技有限公司',
        是否上市: '拟上市',
        来源地: '杭州',
        所属产业链: '生物医药',
        产业链环节: '医疗器械',
        项目类型: '科技人才项目',
        意向投资额: 0.8,
        牵头单位: '上华街道',
        当前阶段: '在谈',
        '备注/原因': '已对接三次，企业考察在即',
      }),
      dealRow(3, '新型建材生产线', {
        客商名称: '温州某建材有限公司',
        来源地: 'wenzhou',
        所属产业链: '新材料',
        项目类型: '产业项目',
        意向投资额: '2.5',
        牵头单位: '兰江街道',
      }),
      dealRow(4, '现代物流园', {
        客商名称: '深圳某物流集团有限公司',
        是否上市: '否',
        来源地: '深圳',
        项目类型: '现代服务业',
        意向投资额: 3,
        当前阶段: '搁置',
        '备注/原因': '企业资金链紧张，暂缓投资',
      }),
      [null, '合计', null, null, null, null, null, null, null, null, 21.3],
    ];
    const file = await ledger(rows);
    const body = await uploaded(admin, file);
    expect(body).toMatchObject({ ledger: 'deals', headerRow: 3, missingRequired: [], suggestedLedger: null });
    expect(
      Object.fromEntries(
        body.columns.map((c: { letter: string; proposedField: string | null }) => [c.letter, c.proposedField]),
      ),
    ).toEqual({
      A: null,
      B: 'name',
      C: 'investorName',
      D: 'creditCode',
      E: 'investorListing',
      F: 'investorHqRegion',
      G: 'sourceRegion',
      H: 'chain',
      I: 'chainLink',
      J: 'dealKind',
      K: 'intendedInvestmentWan',
      L: 'leadUnit',
      M: 'dealTeam',
      N: 'patronLeader',
      O: 'dealStage',
      P: 'signedOn',
      Q: 'signedAmountWan',
      R: 'dealNote',
    });
    expect(body.preview.map((p: { action: string }) => p.action)).toEqual(['create', 'create', 'create', 'create']);

    const committed = await admin.post(`/api/v1/imports/${body.id}/commit`);
    expect(committed.status, JSON.stringify(committed.body)).toBe(200);
    expect(committed.body).toMatchObject({
      status: 'committed',
      counts: { rows: 4, create: 4, skipped: 1, errorRows: 0 },
    });

    expect(await byName('高端装备产业园项目')).toMatchObject({
      investor_name: '苏州精工装备股份有限公司',
      investor_credit_code: creditCodeFor(501),
      investor_listing: 'listed',
      investor_hq_region: '江苏苏州',
      source_region: 'shanghaiJiangsu',
      chain_key: 'advancedEquipment',
      link_key: 'smartEquipment',
      kind: 'industry',
      unit_id: unit('兰江街道').id,
      team_id: teamId,
      patron_leader: '张副县长',
      stage: 'signed',
      stage_entered_on: '2026-09-30',
      created_on: '2026-09-30',
      signed_on: '2026-09-15',
    });
    const signed = await byName('高端装备产业园项目');
    // 15 亿元 by the unit note, 120000.5 万元 by its own header: exact 元.
    expect(Number(signed.intended_investment)).toBe(1_500_000_000);
    expect(Number(signed.signed_amount)).toBe(1_200_005_000);
    expect(await byName('生物医药研发中心')).toMatchObject({
      investor_listing: 'toBeListed',
      source_region: 'hangzhou',
      chain_key: 'biomedicine',
      link_key: 'medicalDevices',
      kind: 'techTalent',
      unit_id: unit('上华街道').id,
      stage: 'negotiating',
      signed_on: null,
    });
    expect(Number((await byName('生物医药研发中心')).intended_investment)).toBe(80_000_000);
    // No stage: a lead, whose first clock (respond, one working day) falls after National Day.
    expect(await byName('新型建材生产线')).toMatchObject({
      source_region: 'wenzhou',
      chain_key: 'newMaterials',
      link_key: null,
      stage: 'lead',
      investor_listing: 'unlisted',
      next_due_on: '2026-10-08',
      light: 'green',
    });
    // No lead unit: the unit imported into (the county); shelved with its reason, resumable as a lead.
    expect(await byName('现代物流园')).toMatchObject({
      unit_id: unit('兰溪市').id,
      stage: 'shelved',
      shelved_from: 'lead',
      exit_reason: '企业资金链紧张，暂缓投资',
    });

    const events = await server.db.kysely
      .selectFrom('deal_events')
      .innerJoin('deals', 'deals.id', 'deal_events.deal_id')
      .select(['deals.name', 'deal_events.step', 'deal_events.to_stage', 'deal_events.on_date', 'deal_events.text'])
      .select('deal_events.data_json')
      .orderBy('deal_events.id')
      .execute();
    expect(events.map((e) => [e.name, e.step, e.to_stage, e.on_date])).toEqual([
      ['高端装备产业园项目', 'create', 'signed', '2026-09-30'],
      ['生物医药研发中心', 'create', 'negotiating', '2026-09-30'],
      ['新型建材生产线', 'create', 'lead', '2026-09-30'],
      ['现代物流园', 'create', 'shelved', '2026-09-30'],
    ]);
    expect(events[1]!.text).toBe('台账导入：已对接三次，企业考察在即');
    expect(JSON.parse(events[0]!.data_json)).toMatchObject({
      import: { id: body.id, row: 4 },
      signedOn: '2026-09-15',
      signedAmountYuan: 1_200_005_000,
    });
    const audits = await server.db.kysely
      .selectFrom('audit_events')
      .select(['action', 'summary', 'after_json'])
      .where('object_type', '=', 'deal')
      .orderBy('id')
      .execute();
    expect(audits.map((a) => a.action)).toEqual(['deal.create', 'deal.create', 'deal.create', 'deal.create']);
    expect(audits[0]!.summary).toContain('第 4 行');
    expect(JSON.parse(audits[0]!.after_json!)).toMatchObject({ stage: 'signed', signedAmountYuan: 1_200_005_000 });

    // The funnel counts them from their events: 在谈 reached 线索 and 研判, 签约 everything before it.
    const funnel = await admin.get('/api/v1/deals/funnel');
    expect(funnel.status, JSON.stringify(funnel.body)).toBe(200);
    const reached = Object.fromEntries(
      funnel.body.rows.map((r: { stage: string; reached: number }) => [r.stage, r.reached]),
    );
    expect(reached).toMatchObject({ lead: 3, assessing: 2, negotiating: 2, signed: 1, landed: 0 });
    expect(funnel.body.exits).toEqual({ shelved: 1, terminated: 0 });
    // The race counts the signing the ledger records (signed 2026-09-15, led by 兰江街道): from September on.
    const race = await admin.post('/api/v1/races', {
      name: '招商导入赛马',
      periodKind: 'month',
      indicators: [{ key: 'signedDeals', weight: 100, method: 'efficacyCoefficient', params: {} }],
      topN: 1,
      bottomN: 1,
    });
    expect(race.status, JSON.stringify(race.body)).toBe(201);
    const signedIn = async (period: number) => {
      const res = await admin.get(`/api/v1/races/${race.body.id}/ranking?year=2026&period=${period}`);
      expect(res.status, JSON.stringify(res.body)).toBe(200);
      const ranking = res.body;
      const rows = ranking.groups.flatMap((g: { rows: unknown[] }) => g.rows) as {
        unitId: number;
        breakdown: { value: number | null }[];
      }[];
      return rows.find((r) => r.unitId === unit('兰江街道').id)!.breakdown[0]!.value;
    };
    // September ranks once it has ended: the county's clock moves on a day, the admin signs in again.
    now = new Date('2026-10-01T02:00:00Z');
    await admin.signIn('admin', ADMIN_PASSWORD);
    expect([await signedIn(8), await signedIn(9)]).toEqual([0, 1]);
    now = new Date('2026-09-30T02:00:00Z');
    await admin.signIn('admin', ADMIN_PASSWORD);

    // The same file again changes nothing.
    const again = await uploaded(admin, file);
    const second = await admin.post(`/api/v1/imports/${again.id}/commit`);
    expect(second.body).toMatchObject({ status: 'committed', counts: { create: 0, update: 0, unchanged: 4 } });
    // A new amount and team update the deal found by lead unit, name and investor; its stage stays.
    rows[1]![10] = 1;
    rows[1]![12] = '沪苏招商小分队';
    const changed = await uploaded(admin, await ledger(rows));
    const third = await admin.post(`/api/v1/imports/${changed.id}/commit`);
    expect(third.body).toMatchObject({ status: 'committed', counts: { create: 0, update: 1, unchanged: 3 } });
    const updated = await byName('生物医药研发中心');
    expect(updated).toMatchObject({ stage: 'negotiating', team_id: teamId });
    expect(Number(updated.intended_investment)).toBe(100_000_000);
    expect(await deals()).toHaveLength(4);
    const edit = await server.db.kysely
      .selectFrom('audit_events')
      .select(['before_json', 'after_json'])
      .where('object_type', '=', 'deal')
      .where('action', '=', 'deal.update')
      .executeTakeFirstOrThrow();
    expect(JSON.parse(edit.before_json!)).toMatchObject({ team_id: null });
    expect(JSON.parse(edit.after_json!)).toMatchObject({ intended_investment: 100_000_000, team_id: teamId });

    // Moving it on is the deal page's: an import that says 签约 is refused at the stage cell.
    rows[1]![14] = '签约';
    const moved = await uploaded(admin, await ledger(rows));
    const refused = await admin.post(`/api/v1/imports/${moved.id}/dry-run`);
    expect(refused.body).toMatchObject({ status: 'invalid', counts: { errorRows: 1 } });
    expect(refused.body.errors).toEqual([
      expect.objectContaining({ cell: 'O5', message: expect.stringContaining('导入不修改阶段') }),
    ]);
  });

  it('names each bad cell, in Chinese or in English, and writes nothing', async () => {
    const before = await deals();
    const ok = { 客商名称: '某某集团', 来源地: '沪苏', 项目类型: '产业项目', 意向投资额: 1 };
    const file = await ledger([
      dealRow(1, '甲项目', { ...ok, 统一社会信用代码: badCheck(601) }),
      dealRow(2, '乙项目', { ...ok, 来源地: '北京' }),
      dealRow(3, '丙项目', { ...ok, 产业链环节: '智能装备' }),
      dealRow(4, '丁项目', { ...ok, 当前阶段: '签约', '签约金额（万元）': 5000 }),
      dealRow(5, '戊项目', { ...ok, 当前阶段: '搁置' }),
      dealRow(6, '己项目', { ...ok, 当前阶段: '落地', 签约时间: excelDate('2026-09-01'), '签约金额（万元）': 1 }),
      dealRow(7, '庚项目', { ...ok, 项目类型: null }),
      dealRow(8, '辛项目', { ...ok, 当前阶段: '签约', 签约时间: excelDate('2026-10-08'), '签约金额（万元）': 1 }),
      dealRow(9, '壬项目', { ...ok, 招商小分队: '不存在的小分队' }),
      dealRow(10, '癸项目', { ...ok, 意向投资额: '约一亿' }),
      dealRow(11, '子项目', { ...ok }),
    ]);
    const body = await uploaded(admin, file);
    const checked = await admin.post(`/api/v1/imports/${body.id}/dry-run`);
    expect(checked.body).toMatchObject({
      status: 'invalid',
      counts: { rows: 11, create: 1, errorRows: 10, errors: 10 },
    });
    const messages = Object.fromEntries(
      checked.body.errors.map((e: { cell: string; message: string }) => [e.cell, e.message]),
    );
    expect(messages).toEqual({
      D4: `统一社会信用代码“${badCheck(601)}”的校验位不对，请核对是否录错`,
      G5: '“北京”不是本县的来源地区，应为 沪苏、杭州、深圳、温州、省内其他、境外、其他 之一',
      I6: '请先选择产业链，再选择环节',
      P7: '请填写签约日期',
      R8: '请填写搁置原因',
      O9: '请先将签约项目转入项目库：导入最多登记到「签约」，转入项目库后再在招商项目中登记落地',
      J10: '新建招商项目须填写“项目类别”',
      P11: '签约日期不能晚于今天',
      M12: '没有名为“不存在的小分队”的招商小分队',
      K13: '“约一亿”不是金额',
    });
    expect(checked.body.errors.find((e: { cell: string }) => e.cell === 'G5')).toMatchObject({
      row: 5,
      column: '来源地',
    });

    // The same problems in English for a reader who asks for it, the Chinese for the others.
    const inEnglish = await english.post(`/api/v1/imports/${body.id}/dry-run`);
    const en = Object.fromEntries(
      inEnglish.body.errors.map((e: { cell: string; message: string }) => [e.cell, e.message]),
    );
    expect(en).toMatchObject({
      D4: `The check character of the credit code "${badCheck(601)}" is wrong: please check it for a typing error`,
      I6: 'Choose the chain before its link',
      P7: 'Enter the signing date',
      R8: 'Enter why the deal is shelved',
      J10: 'A new deal needs its kind (项目类别)',
      P11: 'The signing date cannot be later than today',
      M12: 'There is no team named "不存在的小分队"',
      K13: '"约一亿" is not an amount',
    });
    expect(en.G5).toMatch(/^"北京" is not one of the county's source regions: Shanghai and Jiangsu, Hangzhou/);
    expect(inEnglish.body.message).toMatch(/rows/);
    const listed = await english.get(`/api/v1/imports/${body.id}/errors`);
    expect(listed.body.items[0]).toMatchObject({ cell: 'D4', message: expect.stringMatching(/^The check character/) });
    const zh = await admin.get(`/api/v1/imports/${body.id}/errors`);
    expect(zh.body.items[0]).toMatchObject({ cell: 'D4', message: expect.stringContaining('校验位不对') });

    const committed = await admin.post(`/api/v1/imports/${body.id}/commit`);
    expect(committed.body).toMatchObject({ status: 'invalid', counts: { errorRows: 10 } });
    expect(await deals()).toEqual(before);
  });

  it('limits a township editor to the deals its township leads', async () => {
    const ok = { 客商名称: '某某集团', 来源地: '杭州', 项目类型: '产业项目', 意向投资额: 1 };
    const file = await ledger([
      dealRow(1, '兰江新引进项目', { ...ok, 牵头单位: '兰江街道' }),
      dealRow(2, '上华新引进项目', { ...ok, 牵头单位: '上华街道' }),
      dealRow(3, '没写牵头单位的项目', ok),
    ]);
    const body = await uploaded(editor, file, { unitName: '兰江街道' });
    const checked = await editor.post(`/api/v1/imports/${body.id}/dry-run`);
    expect(checked.body).toMatchObject({ status: 'invalid', counts: { rows: 3, create: 2, errorRows: 1 } });
    expect(checked.body.errors).toEqual([
      expect.objectContaining({ cell: 'L5', message: '“上华街道”不是“兰江街道”或其下级单位' }),
    ]);
    // Nor may they import into another township.
    expect((await upload(editor, file, { unitName: '上华街道' })).status).toBe(403);
  });

  it('suggests the deal kind for a deal ledger uploaded as projects, and serves its template with the lists', async () => {
    const file = await ledger([
      dealRow(1, '某招商项目', { 客商名称: '某某集团', 来源地: '沪苏', 项目类型: '产业项目', 意向投资额: 1 }),
    ]);
    const res = await upload(admin, file, { ledger: 'projects' });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(res.body.suggestedLedger).toBe('deals');

    const template = await editor.getBytes('/api/v1/templates/deals.xlsx');
    expect(template.status).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(template.body as unknown as ArrayBuffer);
    const sheet = wb.worksheets[0]!;
    const headers = (sheet.getRow(1).values as unknown[]).slice(1);
    expect(headers).toEqual([
      '项目名称',
      '投资方',
      '统一社会信用代码',
      '上市情况',
      '总部所在地',
      '来源地区',
      '产业链',
      '环节',
      '项目类别',
      '意向投资额（万元）',
      '牵头单位',
      '招商小分队',
      '联系领导',
      '阶段',
      '签约日期',
      '签约金额（万元）',
      '备注',
    ]);
    // Each list column's drop-down reads its values from the hidden 选项 sheet (header in row 1, values below).
    const options = wb.getWorksheet('选项')!;
    const listOf = (header: string) => {
      const validation = sheet.getCell(3, headers.indexOf(header) + 1).dataValidation;
      expect(validation, header).toMatchObject({ type: 'list' });
      const letter = /\$([A-Z]+)\$/.exec(String(validation.formulae?.[0]))![1]!;
      const col = options.getColumn(letter).number;
      return Array.from({ length: options.rowCount - 1 }, (_, i) => options.getCell(i + 2, col).value).filter(Boolean);
    };
    expect(listOf('来源地区')).toEqual(['沪苏', '杭州', '深圳', '温州', '省内其他', '境外', '其他']);
    expect(listOf('产业链')).toContain('先进装备制造');
    expect(listOf('环节')).toContain('智能装备');
    expect(listOf('项目类别')).toEqual(['产业项目', '科技人才项目', '总部经济', '现代服务业']);
    expect(listOf('阶段')).toEqual(['线索', '研判', '在谈', '签约', '落地', '搁置', '终止']);
    expect(listOf('上市情况')).toEqual(['上市', '拟上市', '未上市']);
    expect(listOf('招商小分队')).toEqual(['沪苏招商小分队']);
    // An editor leads deals from their township only.
    expect(listOf('牵头单位')).toEqual(['兰江街道']);
  });
});
