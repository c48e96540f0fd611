import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';

/** Temporary files of imports (uploads on their way in, copies of stored files being read). */
export const IMPORT_TMP_DIR = path.join(os.tmpdir(), 'lantern-imports');

export const tempPath = (suffix: string) => {
  fs.mkdirSync(IMPORT_TMP_DIR, { recursive: true });
  return path.join(IMPORT_TMP_DIR, `${Date.now()}-${randomBytes(6).toString('hex')}${suffix}`);
};
