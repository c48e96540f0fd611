import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { creditCodeFor } from './support/enterprises.ts';
import { ADMIN_PASSWORD } from './support/factories.ts';
import { tmpDir, writeLedger } from './support/ledgers.ts';

// `lantern import enterprises`: the enterprise ledger (企业名录) from the command line, as the web imports it.

describe('lantern import enterprises', () => {
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

  it('registers the rows, reports a second run unchanged, and names a bad credit code without writing', async () => {
    expect((await lantern('setup', '--region', '330781', '--password', ADMIN_PASSWORD)).code).toBe(0);
    const header = ['序号', '企业名称', '统一社会信用代码', '行业代码', '规模', '所在乡镇'];
    const file = path.join(dir, 'enterprises.xlsx');
    await writeLedger(file, {
      title: '兰溪市企业名录',
      header,
      sheetName: '企业名录',
      rows: [
        [1, '兰溪市命令行一号公司', creditCodeFor(401), '17', '规上', '兰江街道'],
        [2, '兰溪市命令行二号公司', creditCodeFor(402), '33', '规下', '上华街道'],
      ],
    });
    const first = await lantern('import', 'enterprises', file, '--unit', '兰溪市');
    expect(first.code, first.output).toBe(0);
    expect(first.output).toContain('共 2 行企业：新建 2');
    expect(first.output).toContain('“统一社会信用代码”');
    const again = await lantern('import', 'enterprises', file, '--unit', '兰溪市');
    expect(again.output).toContain('台账与企业库一致');

    const bad = path.join(dir, 'bad.xlsx');
    const code = creditCodeFor(403);
    await writeLedger(bad, {
      title: '兰溪市企业名录',
      header,
      sheetName: '企业名录',
      rows: [[1, '兰溪市命令行三号公司', code.slice(0, 17) + (code[17] === '0' ? '1' : '0'), '17', '规上', '兰江街道']],
    });
    const refused = await lantern('import', 'enterprises', bad, '--unit', '兰溪市');
    expect(refused.code, refused.output).toBe(1);
    expect(refused.output).toContain('第 3 行');
    expect(refused.output).toContain('未写入任何数据');
  }, 120_000);

  it('prints the usage, naming the three kinds, for an unknown one', async () => {
    const res = await lantern('import', 'suppliers', 'x.xlsx', '--unit', '兰溪市');
    expect(res.code).toBe(2);
    expect(res.output).toContain('projects|reports|enterprises');
  });
});
