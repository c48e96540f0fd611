import { parseArgs } from 'node:util';
import { COLUMN_SETS, isLedgerKind, type LedgerKind } from '../domain/exchange/column-sets.ts';
import { REPORT_IMPORT_STATES, type ReportImportState } from '../domain/exchange/report-import-rules.ts';
import { describeRowError } from '../domain/exchange/row-validation.ts';
import type { Config } from '../server/config/config.ts';
import { systemClock } from '../server/clock.ts';
import { openDb } from '../server/db/client.ts';
import { migrateToLatest } from '../server/db/migrate.ts';
import { AppError } from '../server/http/errors.ts';
import { translate } from '../server/http/i18n.ts';
import type { ImportProgress } from '../server/features/imports/run/import-runner.ts';
import { toActor } from '../server/features/session/actor.ts';
import { createSessionRepository } from '../server/features/session/session.repository.ts';
import { createUserRepository } from '../server/features/users/users.repository.ts';
import { createStandaloneImports } from '../server/features/imports/imports.wiring.ts';

export const IMPORT_USAGE = `lantern import projects|reports|enterprises|deals FILE --unit UNIT [--dry-run] [--sheet NAME]
                                        [--as USERNAME] [--errors OUT.xlsx] [--state draft|submitted|approved]
                                        import a project ledger, a monthly-report ledger, an enterprise ledger
                                        (企业名录) or a deal ledger (招商台账; .xlsx or .csv) into a unit (id or
                                        name; for enterprises, the township of rows that name none; for deals, the
                                        lead unit of rows that name none): all rows or none; --dry-run checks every
                                        row and writes nothing; reports are filed as submitted unless --state says
                                        otherwise`;

/** What a ledger's rows are, and what they are checked against, as the summary says it. */
const NOUNS: Record<LedgerKind, { rows: string; stored: string }> = {
  projects: { rows: '项目', stored: '项目库' },
  reports: { rows: '月报', stored: '已报月报' },
  enterprises: { rows: '企业', stored: '企业库' },
  deals: { rows: '招商项目', stored: '招商项目库' },
};

const PHASES: Record<ImportProgress['phase'], string> = {
  checking: '校验',
  writing: '写入',
  lights: '亮灯',
  done: '完成',
};

/**
 * A progress bar on stderr: redrawn in place on a terminal, one line per step otherwise (a log or
 * another program reading it), so that stdout keeps only the result.
 */
function progressBar(stream: NodeJS.WriteStream) {
  let last = 0;
  let lastLine = '';
  return (p: ImportProgress, force = false) => {
    const now = Date.now();
    if (!force && now - last < (stream.isTTY ? 100 : 500)) return;
    last = now;
    const count =
      p.phase === 'writing'
        ? `${p.written}/${p.toWrite ?? '?'} 项`
        : `${p.rowsRead}${p.rowsTotal ? `/${p.rowsTotal}` : ''} 行`;
    const pct = p.percent === null ? '' : `${String(p.percent).padStart(3)}% `;
    if (stream.isTTY) {
      const width = 30;
      const filled = p.percent === null ? 0 : Math.round((p.percent / 100) * width);
      stream.write(`\r[${'#'.repeat(filled)}${'-'.repeat(width - filled)}] ${pct}${PHASES[p.phase]} ${count}   `);
      if (p.phase === 'done') stream.write('\n');
    } else {
      const line = `导入进度 ${PHASES[p.phase]} ${pct}${count}`;
      if (line !== lastLine) stream.write(`${line}\n`);
      lastLine = line;
    }
  };
}

/** `lantern import projects|reports|enterprises|deals FILE --unit …`: prints the outcome on stdout, the progress on stderr. */
export async function importCommand(args: string[], config: Config) {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      unit: { type: 'string' },
      'dry-run': { type: 'boolean', default: false },
      sheet: { type: 'string' },
      as: { type: 'string' },
      errors: { type: 'string' },
      state: { type: 'string' },
    },
  });
  const [what, file] = positionals;
  const stateOk = values.state === undefined || (REPORT_IMPORT_STATES as readonly string[]).includes(values.state);
  if (!isLedgerKind(what) || !file || !values.unit || !stateOk || (values.state && what !== 'reports')) {
    console.error(`Usage: ${IMPORT_USAGE}`);
    process.exitCode = 2;
    return;
  }
  const db = openDb(config.database);
  try {
    await migrateToLatest(db);
    const imports = createStandaloneImports(db, systemClock, config.timeZone);
    const units = await db.kysely
      .selectFrom('units')
      .select(['id', 'name'])
      .orderBy('depth')
      .orderBy('sort_order')
      .execute();
    const unit = units.find((u) => String(u.id) === values.unit) ?? units.find((u) => u.name === values.unit);
    if (!unit) throw new Error(`没有找到单位“${values.unit}”（可用单位 id 或名称）`);
    let actor = null;
    if (values.as) {
      const user = await createUserRepository(db.kysely).findByUsername(values.as);
      const row = user && (await createSessionRepository(db.kysely).findUserById(user.id));
      actor = row ? toActor(row, 'token') : null;
      if (!actor) throw new Error(`没有找到启用的用户“${values.as}”`);
    }
    const bar = progressBar(process.stderr);
    const reports = what === 'reports';
    const noun = NOUNS[what];
    const columns = new Map(COLUMN_SETS[what].columns.map((c) => [c.field, c.header]));
    const out = await imports.importLocalFile({
      ledger: what,
      options: reports ? { reportState: (values.state as ReportImportState | undefined) ?? 'submitted' } : {},
      file,
      unitId: unit.id,
      actor,
      dryRun: values['dry-run'],
      sheet: values.sheet,
      onProgress: (p) => bar(p, p.phase !== 'checking' && p.phase !== 'writing'),
    });

    const { analysis, mapping, result } = out;
    const mapped = analysis.header.columns
      .filter((c) => mapping.columns[c.letter])
      .map((c) => `${c.letter}“${c.header}”→${columns.get(mapping.columns[c.letter]!) ?? mapping.columns[c.letter]}`);
    console.log(`台账“${file}”：工作表“${analysis.sheet}”，表头在第 ${analysis.header.headerRows.join('–')} 行`);
    console.log(`列对应：${mapped.join('，')}`);
    if (reports && mapping.defaults.reportPeriod)
      console.log(
        `报告期：${mapping.defaults.reportPeriod.replace('-', '年').replace(/年0?/, '年')}月（台账中没有月份列，取自标题）`,
      );
    if (out.missingRequired.length)
      console.log(
        `注意：没有列对应 ${out.missingRequired.map((f) => `“${columns.get(f as never) ?? f}”`).join('、')}，${reports ? '各行' : `新建${noun.rows}`}会因此报错`,
      );
    const c = result.counts;
    console.log(
      `共 ${c.rows} 行${noun.rows}：新建 ${c.create}，修改 ${c.update}，未变 ${c.unchanged}；跳过标题/合计行 ${c.skipped}`,
    );
    if (c.errorRows) {
      for (const e of result.errors.slice(0, 30)) console.log(`  第 ${e.row} 行 ${describeRowError(e)}`);
      if (c.errors > 30) console.log(`  …… 另有 ${c.errors - 30} 处错误`);
      console.log(`${c.errorRows} 行共 ${c.errors} 处错误，未写入任何数据。`);
      if (values.errors) {
        await out.writeErrors(values.errors);
        console.log(`已将错误标注在 ${values.errors}（红色单元格，批注说明原因）`);
      } else console.log('加上 --errors 错误标注.xlsx 可得到标注了错误的工作簿。');
      process.exitCode = 1;
    } else if (values['dry-run']) console.log('试导入：校验通过，未写入任何数据。');
    else if (c.create + c.update === 0)
      console.log(`台账与${noun.stored}一致，没有需要写入的变化（导入记录 #${out.importId}）。`);
    else console.log(`已导入（导入记录 #${out.importId}）。`);
  } catch (err) {
    if (err instanceof AppError) throw new Error(translate(err.messageKey, config.locale, err.params), { cause: err });
    throw err;
  } finally {
    await db.close();
  }
}
