import { spawn, type ChildProcess } from 'node:child_process';
import { createInterface } from 'node:readline';
import { parseConfig, type Database } from '../src/server/config/config.ts';
import { openDb, type Db } from '../src/server/db/client.ts';
import { buildApp } from '../src/server/http/app.ts';

/**
 * The server under load, in a process of its own so that the load tool does not share its event
 * loop: `node --import tsx bench/load-server.ts '<json>'` with the database and the clock's start;
 * it prints `{"port":N}` once listening and closes on SIGTERM or when its stdin closes. The clock starts at the given instant
 * (the deadline day) and runs on in real time.
 */
interface ServerArgs {
  database: Database;
  clockStart: string;
  /** The built web app to serve too (bench/phone.bench.ts), none by default. */
  webDir?: string;
}

async function main(args: ServerArgs) {
  const offset = new Date(args.clockStart).getTime() - Date.now();
  const config = {
    ...parseConfig({ PORT: '0', HOST: '127.0.0.1', LANTERN_WEB_DIR: args.webDir ?? '' }),
    database: args.database,
  };
  const db = openDb(config.database);
  if (process.env.LOAD_SERVER_SQL_STATS && db.sqlite) timeStatements(db.sqlite);
  const { app } = await buildApp({ config, db, clock: () => new Date(Date.now() + offset) });
  await app.listen({ port: 0, host: '127.0.0.1' });
  console.log(JSON.stringify({ port: (app.server.address() as { port: number }).port }));
  const stop = () =>
    void app
      .close()
      .then(() => db.close())
      .then(() => process.exit(0));
  process.once('SIGTERM', stop);
  // The parent gone (killed, interrupted): its end of stdin closes, and the server stops too.
  process.stdin.once('close', stop).resume();
}

/**
 * LOAD_SERVER_SQL_STATS=1 (SQLite): times every statement (better-sqlite3 runs them synchronously,
 * so the time is the statement's own) and prints the ten costliest on stderr when the server stops.
 */
function timeStatements(sqlite: NonNullable<Db['sqlite']>) {
  const totals = new Map<string, { ms: number; n: number }>();
  const prepare = sqlite.prepare.bind(sqlite);
  sqlite.prepare = ((source: string) => {
    const stmt = prepare(source);
    for (const method of ['all', 'get', 'run', 'iterate'] as const) {
      const original = (stmt[method] as (...a: unknown[]) => unknown).bind(stmt);
      (stmt as unknown as Record<string, unknown>)[method] = (...a: unknown[]) => {
        const t = performance.now();
        try {
          return original(...a);
        } finally {
          const e = totals.get(source) ?? { ms: 0, n: 0 };
          totals.set(source, { ms: e.ms + performance.now() - t, n: e.n + 1 });
        }
      };
    }
    return stmt;
  }) as typeof sqlite.prepare;
  process.once('exit', () => {
    for (const [source, { ms, n }] of [...totals].sort(([, a], [, b]) => b.ms - a.ms).slice(0, 10))
      console.error(`${ms.toFixed(0).padStart(7)} ms ${String(n).padStart(6)}× ${source.slice(0, 300)}`);
  });
}

/** Starts the server process and resolves with its address and a function that stops it. */
export async function spawnLoadServer(args: ServerArgs): Promise<{ url: string; stop: () => Promise<void> }> {
  // LOAD_SERVER_NODE_ARGS, e.g. "--cpu-prof --cpu-prof-dir=prof": extra node flags for the server (to profile it).
  const extra = process.env.LOAD_SERVER_NODE_ARGS?.split(' ').filter(Boolean) ?? [];
  const argv = [...extra, '--import', 'tsx', import.meta.filename, JSON.stringify(args)];
  const child: ChildProcess = spawn(process.execPath, argv, {
    stdio: ['pipe', 'pipe', 'inherit'],
  });
  const port = await new Promise<number>((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`load server exited with ${code}`)));
    createInterface({ input: child.stdout! }).once('line', (line) => resolve(JSON.parse(line).port));
  });
  return {
    url: `http://127.0.0.1:${port}`,
    stop: () =>
      new Promise((resolve) => {
        child.removeAllListeners('exit');
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}

if (process.argv[1] === import.meta.filename) await main(JSON.parse(process.argv[2]!) as ServerArgs);
