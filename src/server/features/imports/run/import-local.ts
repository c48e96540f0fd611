import fs from 'node:fs';
import path from 'node:path';
import type { Kysely } from 'kysely';
import { IMPORT_LIMITS } from '../../../../domain/exchange/import-limits.ts';
import { COLUMN_SETS, type LedgerKind } from '../../../../domain/exchange/column-sets.ts';
import {
  checkMapping,
  describeMappingProblem,
  missingForCreate,
  proposeMapping,
  type ImportMapping,
  type SavedMapping,
} from '../../../../domain/exchange/mapping.ts';
import type { ImportOptions } from '../../../../domain/exchange/report-import-rules.ts';
import type { RowError } from '../../../../domain/exchange/row-validation.ts';
import type { Clock } from '../../../clock.ts';
import type { DB } from '../../../db/schema.ts';
import { AppError, forbidden, invalid } from '../../../http/errors.ts';
import { importPolicy } from '../../../policies/import.policy.ts';
import type { ActorContext } from '../../session/actor.ts';
import { writeErrorWorkbook } from '../errors/error-workbook.ts';
import type { ImportProgress, ImportRunner, RunResult } from './import-runner.ts';
import type { StoredHeader } from '../imports.presenter.ts';
import type { ImportRepository } from '../imports.repository.ts';
import { openLedger } from '../read/open-ledger.ts';
import { initialMapping } from '../records/mapping-input.ts';
import { commitSummary } from './import-job.ts';
import { readLedgerRows } from '../read/ledger-reader.ts';
import type { Analysis } from '../read/ledger-analysis.ts';

/**
 * An import from a file on this machine, for `lantern import projects FILE --unit …`: the same
 * analysis, mapping (the unit's saved one, else the proposal), check and commit as over HTTP, in one
 * go. A dry run writes nothing at all; a commit records the import inside its own transaction, so a
 * commit that is killed leaves the database exactly as it was.
 */
export interface LocalImportInput {
  /** Project ledgers (default), monthly reports or enterprises. */
  ledger?: LedgerKind;
  options?: ImportOptions;
  file: string;
  unitId: number;
  /** The person the import acts as; null for the command line's own authority (all units). */
  actor: ActorContext | null;
  dryRun: boolean;
  sheet?: string;
  onProgress?: (p: ImportProgress) => void;
}

export interface LocalImportResult {
  importId: number | null;
  analysis: Analysis;
  mapping: ImportMapping;
  missingRequired: string[];
  result: RunResult;
  /** Writes the workbook with the errors marked to `out` (a path). */
  writeErrors: (out: string) => Promise<void>;
}

export function createLocalImport(deps: {
  db: Kysely<DB>;
  imports: ImportRepository;
  runner: ImportRunner;
  clock: Clock;
}) {
  const { imports, runner } = deps;

  return async function importLocalFile(input: LocalImportInput): Promise<LocalImportResult> {
    const fileName = path.basename(input.file);
    const units = await imports.units();
    const unit = units.find((u) => u.id === input.unitId);
    if (!unit) throw invalid('NOT_FOUND', { what: '@unitId' }, 'unitId');
    const root = units.reduce((a, b) => (b.path.length < a.path.length ? b : a));
    const actor: ActorContext = input.actor ?? {
      id: 0,
      role: 'admin',
      unitId: root.id,
      unitPath: root.path,
      username: 'cli',
      displayName: '命令行导入',
      unitName: root.name,
      locale: null,
      via: 'token',
    };
    if (!importPolicy.canImportInto(actor, unit, input.ledger ?? 'projects')) throw forbidden();
    const bytes = (await fs.promises.stat(input.file)).size;
    if (bytes > IMPORT_LIMITS.maxFileBytes)
      throw new AppError(
        413,
        'FILE_TOO_LARGE',
        'IMPORT_TOO_LARGE',
        { name: fileName, mb: IMPORT_LIMITS.maxFileBytes / 1024 / 1024 },
        'file',
      );
    const ledger = input.ledger ?? 'projects';
    const set = COLUMN_SETS[ledger];
    const { kind, analysis } = await openLedger(input.file, fileName, { sheet: input.sheet ?? null, set });
    const saved = await imports.savedMapping(unit.id, ledger);
    const mapping = initialMapping(ledger, analysis, saved ? (JSON.parse(saved.mapping_json) as SavedMapping) : null);
    const problems = checkMapping(mapping, analysis.header.columns, set);
    if (problems.length) throw invalid('IMPORT_MAPPING', { problems: problems.map(describeMappingProblem).join('；') });
    const auditActor = { id: input.actor?.id ?? null, name: actor.displayName };
    let importId: number | null = null;

    const options = ledger === 'reports' ? (input.options ?? {}) : {};
    const result = await runner.run({
      ledger,
      options,
      file: input.file,
      kind,
      fileName,
      sheet: analysis.sheet,
      header: analysis.header,
      mapping,
      target: unit,
      actor,
      auditActor,
      ip: null,
      importId: null,
      mode: input.dryRun ? 'check' : 'commit',
      before: null,
      onProgress: input.onProgress,
      onCommit: async (trx, { counts, sheetRows, at }) => {
        const stored: StoredHeader = {
          sheets: analysis.sheets,
          header: analysis.header,
          proposed: proposeMapping(analysis.header.columns, set),
        };
        ({ id: importId } = await imports.insert(
          {
            unit_id: unit.id,
            unit_path: unit.path,
            file_name: fileName,
            file_kind: kind,
            file_bytes: bytes,
            status: 'committed',
            sheet: analysis.sheet,
            header_json: JSON.stringify(stored),
            mapping_json: JSON.stringify(mapping),
            counts_json: JSON.stringify({ ...counts, sheetRows }),
            error_count: 0,
            message: null,
            progress_json: null,
            ledger,
            options_json: ledger === 'reports' ? JSON.stringify(options) : null,
            created_by_id: input.actor?.id ?? null,
            created_by: actor.displayName,
            created_at: at,
            updated_at: at,
            committed_at: at,
            heartbeat_at: null,
          },
          trx,
        ));
        await imports.insertAuditEvents(trx, [
          {
            at,
            actor_id: auditActor.id,
            actor_name: auditActor.name,
            action: 'import.commit',
            object_type: 'import',
            object_id: String(importId),
            unit_path: unit.path,
            summary: commitSummary(ledger, fileName, counts),
            before_json: null,
            after_json: JSON.stringify({ fileName, ...counts }),
            ip: null,
          },
        ]);
      },
    });

    const errors: RowError[] = result.errors;
    return {
      importId,
      analysis,
      mapping,
      missingRequired: missingForCreate(mapping, set),
      result,
      writeErrors: async (out: string) => {
        async function* list() {
          yield* errors;
        }
        await writeErrorWorkbook({
          sheetName: analysis.sheet,
          rows: readLedgerRows(input.file, kind, { sheet: analysis.sheet }),
          errors: list(),
          headerRow: analysis.header.headerRow,
          width: Math.max(0, ...analysis.header.columns.map((c) => c.index + 1)),
          out: fs.createWriteStream(out),
        });
      },
    };
  };
}

export type LocalImport = ReturnType<typeof createLocalImport>;
