import { gunzipSync } from 'node:zlib';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { normalizePassword } from '../../../domain/access/password-policy.ts';

const FILE = path.join(import.meta.dirname, 'breached', 'passwords.txt.gz');

let loaded: Set<string> | null = null;

/** The 100,000 most common breached passwords (see breached/README.md), lower-cased, read once on first use. */
function breached(): Set<string> {
  if (!loaded) {
    const lines = gunzipSync(readFileSync(FILE)).toString('utf8').split('\n');
    loaded = new Set(lines.map((line) => normalizePassword(line.trim())).filter((line) => line !== ''));
  }
  return loaded;
}

/** Whether a normalised (lower-cased, NFC) password is in the breached list. */
export const isBreachedPassword = (normalized: string) => breached().has(normalized);
