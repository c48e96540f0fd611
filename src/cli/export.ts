import fs from 'node:fs';
import path from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import type { Config } from '../server/config/config.ts';
import { systemClock } from '../server/clock.ts';
import { openDb } from '../server/db/client.ts';
import { AppError } from '../server/http/errors.ts';
import { label, translate } from '../server/http/i18n.ts';
import { createServices } from '../server/services.ts';
import { STAGES, type Stage } from '../domain/projects/lifecycle.ts';

const FORMATS = ['oc4ids'] as const;

/**
 * `lantern export oc4ids [--out FILE] [--unit ID] [--stage a,b]`: the whole project library (or a
 * unit's subtree) as one OC4IDS project package, streamed from the database a batch at a time.
 * With --out the package goes to FILE.partial first and is renamed when complete, so a failed run
 * never leaves a truncated FILE; without it, to standard output.
 */
export async function exportData(args: string[], config: Config) {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { out: { type: 'string' }, unit: { type: 'string' }, stage: { type: 'string' } },
  });
  const format = positionals[0];
  if (!FORMATS.includes(format as (typeof FORMATS)[number]))
    throw new Error(
      `lantern export: name a format (${FORMATS.join(', ')}), e.g. lantern export oc4ids --out lanxi.json`,
    );
  const unitId = values.unit === undefined ? undefined : Number(values.unit);
  if (unitId !== undefined && !(Number.isInteger(unitId) && unitId > 0))
    throw new Error(`--unit takes a unit id (a positive whole number), not "${values.unit}"`);
  const stages = values.stage?.split(',').filter(Boolean);
  const unknown = stages?.filter((s) => !(STAGES as readonly string[]).includes(s));
  if (unknown?.length) throw new Error(`--stage: unknown stage ${unknown.join(', ')}; stages are ${STAGES.join(', ')}`);

  const out = values.out ? path.resolve(values.out) : null;
  const uri = out ? pathToFileURL(out).href : `urn:lantern:oc4ids:${new Date().toISOString()}`;
  const db = openDb(config.database);
  try {
    const { oc4ids } = createServices(db, config, systemClock);
    const exported = await oc4ids.openAll({ unitId, stage: stages as Stage[] | undefined }, uri);
    if (!out) {
      // Standard output is not ours to close.
      await pipeline(Readable.from(exported.chunks), process.stdout, { end: false });
      return;
    }
    const partial = `${out}.partial`;
    try {
      await pipeline(Readable.from(exported.chunks), fs.createWriteStream(partial));
      fs.renameSync(partial, out);
    } catch (err) {
      fs.rmSync(partial, { force: true });
      throw err;
    }
    console.log(
      `Wrote ${exported.written()} projects to ${out} (${(fs.statSync(out).size / 1024 / 1024).toFixed(1)} MB, OC4IDS 0.9).`,
    );
  } catch (err) {
    if (err instanceof AppError) {
      const params = { ...err.params };
      if (typeof params.what === 'string') params.what = label(params.what, config.locale);
      throw new Error(translate(err.messageKey, config.locale, params), { cause: err });
    }
    throw err;
  } finally {
    await db.close();
  }
}
