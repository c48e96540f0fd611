import { parseArgs } from 'node:util';
import { benchFoundation } from './foundation.bench.ts';

/** `npm run bench -- <name> [--requests N]`: runs one benchmark and prints its figures. */
const BENCHES: Record<string, (args: { requests: number }) => Promise<void>> = {
  foundation: benchFoundation,
};

const { values, positionals } = parseArgs({ allowPositionals: true, options: { requests: { type: 'string', default: '1000' } } });
const name = positionals[0] ?? 'foundation';
const bench = BENCHES[name];
if (!bench) {
  console.error(`Unknown benchmark "${name}". Known: ${Object.keys(BENCHES).join(', ')}`);
  process.exit(2);
}
await bench({ requests: Number(values.requests) });
