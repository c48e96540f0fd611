import { parseArgs } from 'node:util';
import { databaseKinds, type DatabaseKind } from '../test/support/databases.ts';
import { benchFoundation } from './foundation.bench.ts';
import { benchProjects } from './projects.bench.ts';
import { benchLights } from './lights.bench.ts';
import { benchRace } from './race.bench.ts';
import { benchExport } from './export.bench.ts';
import { benchImport } from './import.bench.ts';
import { benchDemo } from './demo.bench.ts';
import { benchLoad } from './load.bench.ts';
import { benchPhone } from './phone.bench.ts';
import { benchTickets } from './tickets.bench.ts';

/**
 * `npm run bench -- <name> [--projects N] [--tickets N] [--requests N] [--db sqlite|postgres] [--duration S]
 * [--connections N] [--rate N] [--saturation S]`: runs one benchmark (default: projects) and prints its figures;
 * `--tickets` is the tickets benchmark's open tickets; `--duration`, `--connections`, `--rate` (requests a second
 * per user) and `--saturation` (seconds without pauses) are the load's.
 */
interface BenchArgs {
  projects: number;
  tickets: number;
  requests: number;
  databases: DatabaseKind[];
  duration: number;
  connections: number;
  rate: number;
  saturation: number;
}

const BENCHES: Record<string, (args: BenchArgs) => Promise<void>> = {
  foundation: benchFoundation,
  projects: benchProjects,
  lights: benchLights,
  race: benchRace,
  export: benchExport,
  import: benchImport,
  demo: benchDemo,
  load: benchLoad,
  phone: benchPhone,
  tickets: benchTickets,
};

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    projects: { type: 'string' },
    tickets: { type: 'string', default: '100000' },
    requests: { type: 'string', default: '200' },
    db: { type: 'string' },
    duration: { type: 'string', default: '60' },
    connections: { type: 'string', default: '200' },
    rate: { type: 'string', default: '1' },
    saturation: { type: 'string', default: '30' },
  },
});
const name = positionals[0] ?? 'projects';
const bench = BENCHES[name];
if (!bench) {
  console.error(`Unknown benchmark "${name}". Known: ${Object.keys(BENCHES).join(', ')}`);
  process.exit(2);
}
const databases = values.db ? [values.db as DatabaseKind] : await databaseKinds();
await bench({
  // The load runs against a county of a few thousand projects; the others against 100,000.
  projects: Number(values.projects ?? (name === 'load' ? 5000 : 100_000)),
  tickets: Number(values.tickets),
  requests: Number(values.requests),
  databases,
  duration: Number(values.duration),
  connections: Number(values.connections),
  rate: Number(values.rate),
  saturation: Number(values.saturation),
});
