/**
 * The OC4IDS 0.9.5 schema and codelists copied into the repository (src/server/features/oc4ids/schema/),
 * turned into a validator and code sets for the tests. Nothing here reads outside the repository.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import Ajv from 'ajv-draft-04';

export const SCHEMA_DIR = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  '../../src/server/features/oc4ids/schema',
);

const readJson = (name: string) =>
  JSON.parse(fs.readFileSync(path.join(SCHEMA_DIR, name), 'utf8')) as Record<string, unknown>;

/** RFC 4180 CSV: quoted fields may hold commas, doubled quotes and line breaks. */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') ((field += '"'), i++);
      else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') (row.push(field), (field = ''));
    else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      (row.push(field), rows.push(row), (row = []), (field = ''));
    } else field += ch;
  }
  if (field || row.length) (row.push(field), rows.push(row));
  return rows.filter((r) => r.some((cell) => cell !== ''));
}

/** The codes (first column, header dropped) of a copied codelist, e.g. codelist('projectStatus'). */
export function codelist(name: string): Set<string> {
  const [header, ...rows] = parseCsv(fs.readFileSync(path.join(SCHEMA_DIR, 'codelists', `${name}.csv`), 'utf8'));
  if (header?.[0] !== 'Code') throw new Error(`${name}.csv: the first column is not Code`);
  return new Set(rows.map((r) => r[0]!));
}

// RFC 3339 date-time, an absolute URI (RFC 3986 scheme and rest), a plain e-mail address: the three
// formats project-schema.json uses, written out so the check does not hang on an indirect dependency.
const FORMATS = {
  'date-time':
    /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])T([01]\d|2[0-3]):[0-5]\d:([0-5]\d|60)(\.\d+)?(Z|[+-]([01]\d|2[0-3]):[0-5]\d)$/i,
  uri: /^[a-z][a-z0-9+.-]*:[^\s]+$/i,
  email: /^[^\s@]+@[^\s@]+\.[^\s@]+$/,
};

/** A draft-04 validator of project-package-schema.json, which refers to project-schema.json by its id. */
export function packageValidator() {
  // Strict about unknown keywords; the published schema's type unions ("string" or "number") are its own style.
  const ajv = new Ajv({ allErrors: true, strict: true, strictTypes: false });
  // OCDS' own annotations: documentation for people, not constraints.
  ajv.addVocabulary(['codelist', 'openCodelist', 'versionId']);
  for (const [name, pattern] of Object.entries(FORMATS)) ajv.addFormat(name, pattern);
  ajv.addSchema(readJson('project-schema.json'));
  return ajv.compile(readJson('project-package-schema.json'));
}
