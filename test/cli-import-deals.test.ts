import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ADMIN_PASSWORD } from './support/factories.ts';
import { excelDate, tmpDir, writeLedger } from './support/ledgers.ts';

// `lantern import deals`: the deal ledger (招商台账) from the command line, as the web imports it.

describe('lantern import deals', () => {
  const dir = tmpDir();
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
  const lantern = async (...args: string[]) => {
    const { DATABASE_URL: _pg, ...env } = process.env;
    const child = spawn(process.execPath, ['bin/lantern.mjs', ...args], {
      env: { ...env, LANTERN_DATA: path.join(dir, 'lantern.db') },
    });
    let output = '';
    child.stdout.on('data', (c: Buffer) => (output += c.toString()));
    child.stderr.on('data', (c: Buffer) => (output += c.toString()));
    const code = await new Promise((resolve) => child.once('close', resolve));
    return { code, output };
  };
  const header = [
    '序号',
    '项目名称',
    '投资方',
    '来源地区',
    '项目类别',
    '意向投资额（亿元）',
    '牵头单位',
    '阶段',
    '签约日期',
    '签约金额（亿元）',
  ];

  it('enters the rows, reports a second run unchanged, and names a signed row without its date without writing', async () => {
    expect((await lantern('setup', '--region', '330781', '--password', ADMIN_PASSWORD)).code).toBe(0);
    const file = path.join(dir, 'deals.xlsx');
    await writeLedger(file, {
      title: '兰溪市招商引资项目台账',
      header,
      sheetName: '招商台账',
      rows: [
        [1, '命令行一号招商项目', '苏州某某股份有限公司', '沪苏', '产业项目', 2, '兰江街道', '在谈', null, null],
        [
          2,
          '命令行二号招商项目',
          '杭州某某有限公司',
          '杭州',
          '产业项目',
          1.5,
          '上华街道',
          '签约',
          excelDate('2026-01-05'),
          1.2,
        ],
      ],
    });
    const first = await lantern('import', 'deals', file, '--unit', '兰溪市');
    expect(first.code, first.output).toBe(0);
    expect(first.output).toContain('共 2 行招商项目：新建 2');
    expect(first.output).toContain('“来源地区”');
    const again = await lantern('import', 'deals', file, '--unit', '兰溪市');
    expect(again.output).toContain('台账与招商项目库一致');

    const bad = path.join(dir, 'bad.xlsx');
    await writeLedger(bad, {
      title: '兰溪市招商引资项目台账',
      header,
      sheetName: '招商台账',
      rows: [[1, '命令行三号招商项目', '某某集团', '沪苏', '产业项目', 1, '兰江街道', '签约', null, 1]],
    });
    const refused = await lantern('import', 'deals', bad, '--unit', '兰溪市');
    expect(refused.code, refused.output).toBe(1);
    expect(refused.output).toContain('第 3 行 I3（签约日期）：请填写签约日期');
    expect(refused.output).toContain('未写入任何数据');
  }, 120_000);

  it('names the four kinds in its usage', async () => {
    const res = await lantern('import', 'suppliers', 'x.xlsx', '--unit', '兰溪市');
    expect(res.code).toBe(2);
    expect(res.output).toContain('projects|reports|enterprises|deals');
  });
});
