import { parseArgs } from 'node:util';
import { databaseKinds, type DatabaseKind } from '../test/support/databases.ts';
import { benchFoundation } from './foundation.bench.ts';
import { benchProjects } from './projects.bench.ts';
import { benchLights } from './lights.bench.ts';
import { benchRace } from './race.bench.ts';
import { benchExport } from './export.bench.ts';
import { benchImport } from './import.bench.ts';
import { benchDemo } from './demo.bench.ts';

/**
 * `npm run bench -- <name> [--projects N] [--requests N] [--db sqlite|postgres]`: runs one benchmark
 * (default: projects) and prints its figures.
 */
interface BenchArgs {
  projects: number;
  requests: number;
  databases: DatabaseKind[];
}

const BENCHES: Record<string, (args: BenchArgs) => Promise<void>> = {
  foundation: benchFoundation,
  projects: benchProjects,
  lights: benchLights,
  race: benchRace,
  export: benchExport,
  import: benchImport,
  demo: benchDemo,
};

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    projects: { type: 'string', default: '100000' },
    requests: { type: 'string', default: '200' },
    db: { type: 'string' },
  },
});
const name = positionals[0] ?? 'projects';
const bench = BENCHES[name];
if (!bench) {
  console.error(`Unknown benchmark "${name}". Known: ${Object.keys(BENCHES).join(', ')}`);
  process.exit(2);
}
const databases = values.db ? [values.db as DatabaseKind] : await databaseKinds();
await bench({ projects: Number(values.projects), requests: Number(values.requests), databases });
