import { parseArgs } from 'node:util';
import { ConfigError, parseConfig } from '../server/config/config.ts';
import { backup } from './backup.ts';
import { demo } from './demo.ts';
import { exportData } from './export.ts';
import { importCommand } from './import.ts';
import { migrate } from './migrate.ts';
import { restore } from './restore.ts';
import { serve } from './serve.ts';
import { setup } from './setup.ts';

const USAGE = `lantern — 项目绩效管理平台 · 亮灯

Usage:
  lantern serve                         start the server (PORT, default 8080)
  lantern setup --region 330781 [--username admin] [--password …] [--display-name …]
                                        first-run setup: the county's units and the first admin
  lantern demo [--seed N] [--projects N] fill an empty database with the demo county 兰溪市 (password lantern-demo)
  lantern migrate                       bring the database schema up to date
  lantern backup [--out FILE]           consistent copy of the database while servers run (SQLite file, or pg_dump)
  lantern restore FILE [--force]        a backup becomes the configured database (stop the servers first;
                                        --force replaces a database that holds data)
  lantern export oc4ids [--out FILE] [--unit ID] [--stage a,b]
                                        the project library as an OC4IDS 0.9 package (open data; stdout without --out)
  lantern import projects|reports|enterprises|deals FILE --unit UNIT [--dry-run] [--sheet NAME] [--as USERNAME]
                [--errors OUT.xlsx] [--state draft|submitted|approved]
                                        import a project, monthly-report, enterprise (企业名录) or deal (招商台账)
                                        ledger (.xlsx/.csv) into a unit (id or name): all rows or none; --dry-run
                                        checks every row and writes nothing; reports are filed as submitted unless
                                        --state says otherwise; progress on stderr

Environment: PORT, HOST, LANTERN_DATA (SQLite file, default ./data/lantern.db),
DATABASE_URL (postgres://… to use PostgreSQL), LANTERN_LOCALE (zh-CN | en),
LANTERN_OC4IDS_PREFIX (OC4IDS project id prefix), LANTERN_OC4IDS_LICENSE (licence URL of the open data).`;

const COMMANDS: Record<string, (args: string[], config: ReturnType<typeof parseConfig>) => Promise<void>> = {
  serve: (_args, config) => serve(config),
  setup: (args, config) => setup(args, config),
  migrate: (_args, config) => migrate(config),
  demo: (args, config) => demo(args, config),
  backup: (args, config) => backup(args, config),
  restore: (args, config) => restore(args, config),
  export: (args, config) => exportData(args, config),
  import: (args, config) => importCommand(args, config),
};

async function main(argv: string[]) {
  const { positionals } = parseArgs({ args: argv, allowPositionals: true, strict: false });
  const name = positionals[0];
  if (!name || name === 'help' || argv.includes('--help')) {
    console.log(USAGE);
    return;
  }
  const command = COMMANDS[name];
  if (!command) {
    console.error(`Unknown command "${name}".\n\n${USAGE}`);
    process.exitCode = 2;
    return;
  }
  await command(argv.slice(argv.indexOf(name) + 1), parseConfig());
}

main(process.argv.slice(2)).catch((err: unknown) => {
  console.error(
    err instanceof ConfigError ? err.message : `lantern: ${err instanceof Error ? err.message : String(err)}`,
  );
  process.exitCode = 1;
});
