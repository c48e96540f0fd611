import fs from 'node:fs';
import type { Kysely } from 'kysely';
import { IMPORT_LIMITS } from '../../../domain/exchange/import-limits.ts';
import { COLUMN_SETS, type LedgerKind } from '../../../domain/exchange/column-sets.ts';
import {
  proposeMapping,
  toSavedMapping,
  type ImportMapping,
  type SavedMapping,
} from '../../../domain/exchange/mapping.ts';
import type { ImportOptions } from '../../../domain/exchange/report-import-rules.ts';
import type { Clock } from '../../clock.ts';
import type { MigrationDialect } from '../../db/migrate.ts';
import type { DB } from '../../db/schema.ts';
import { AppError, conflict, forbidden, invalid, notFound } from '../../http/errors.ts';
import type { Locale } from '../../http/i18n.ts';
import { importPolicy } from '../../policies/import.policy.ts';
import type { AuditLog } from '../audit/audit.repository.ts';
import type { ActorContext } from '../session/actor.ts';
import type { UnitRef } from './run/check-pass.ts';
import type { ImportProgress, ImportRunner } from './run/import-runner.ts';
import {
  ledgerOf,
  optionsOf,
  presentImport,
  presentRowError,
  type ImportStatus,
  type StoredHeader,
} from './imports.presenter.ts';
import type { ImportRepository } from './imports.repository.ts';
import { storedRowError, type ImportRecord } from './records/import-records.repository.ts';
import type { Analysis } from './read/ledger-analysis.ts';
import type { FileKind } from './read/ledger-reader.ts';
import { createImportFiles } from './records/import-files.ts';
import { openLedger } from './read/open-ledger.ts';
import { initialMapping, mappingFrom, type MappingInput } from './records/mapping-input.ts';
import { createImportJobs } from './run/import-job.ts';
import { listScope } from '../../policies/list-scope.ts';

/**
 * Ledger imports over HTTP: upload (analysed at once: sheet, header, proposed mapping, preview),
 * mapping corrections, a check (dry run) and a commit run as jobs with progress, the history, the
 * errors and the workbook with them marked. Jobs run on the server that received the request; their
 * progress is kept in memory and, every two seconds, on the record, so that any server can report it.
 */
export interface ImportServiceDeps {
  db: Kysely<DB>;
  dialect: MigrationDialect;
  imports: ImportRepository;
  runner: ImportRunner;
  audit: AuditLog;
  clock: Clock;
  /** Unexpected failures of background jobs, with the reference shown to the person. */
  logError?: (reference: string, error: unknown) => void;
}

export interface UploadedFile {
  path: string;
  fileName: string;
  bytes: number;
}

const RUNNING: ImportStatus[] = ['checking', 'committing'];
/** A header row chosen by hand that names none of a kind's keys (project name or code, enterprise name or code). */
const NO_KEY = {
  projects: 'IMPORT_HEADER_NO_KEY',
  reports: 'IMPORT_HEADER_NO_KEY',
  enterprises: 'IMPORT_HEADER_NO_KEY_ENTERPRISES',
  deals: 'IMPORT_HEADER_NO_KEY_DEALS',
} as const satisfies Record<LedgerKind, string>;
/** A running step whose record has not been touched for this long was interrupted. */
const STALE_MS = 30_000;
/** Uploads never committed keep their file this long. */
const KEEP_FILES_MS = 7 * 24 * 3600_000;

export function createImportService({ db, dialect, imports, runner, audit, clock, logError }: ImportServiceDeps) {
  const files = createImportFiles(imports);
  const { jobs, execute } = createImportJobs({ dialect, imports, files, runner, audit, clock, logError });
  const now = () => clock().toISOString();

  async function unitOf(id: number): Promise<UnitRef | undefined> {
    return (await imports.units()).find((u) => u.id === id);
  }

  /** The unit of an import that names none: the county for a coordinator, else the person's own unit. */
  async function defaultUnit(actor: ActorContext): Promise<UnitRef | undefined> {
    const all = await imports.units();
    if (!importPolicy.importsIntoCountyByDefault(actor)) return all.find((u) => u.id === actor.unitId);
    return all.reduce<UnitRef | undefined>((top, u) => (!top || u.path.length < top.path.length ? u : top), undefined);
  }

  async function load(actor: ActorContext, id: number): Promise<ImportRecord> {
    const rec = await imports.findById(id);
    const scope = importPolicy.readScope(actor);
    const visible = rec && (scope.kind === 'all' || (scope.kind === 'subtree' && rec.unit_path.startsWith(scope.path)));
    if (!rec || !visible) throw notFound('import');
    return rec;
  }

  async function loadForChange(actor: ActorContext, id: number) {
    const rec = await load(actor, id);
    const unit = await unitOf(rec.unit_id);
    if (!unit || !importPolicy.canImportInto(actor, unit, ledgerOf(rec))) throw forbidden();
    return { rec, unit };
  }

  /** The status as a person should read it: a running step nobody runs any more was interrupted. */
  function statusOf(rec: ImportRecord): ImportStatus {
    const status = rec.status as ImportStatus;
    if (!RUNNING.includes(status) || jobs.has(rec.id)) return status;
    const beat = Date.parse(rec.heartbeat_at ?? rec.updated_at);
    return clock().getTime() - beat > STALE_MS ? 'interrupted' : status;
  }

  async function present(
    rec: ImportRecord,
    locale: Locale,
    extra: Pick<Parameters<typeof presentImport>[1], 'preview' | 'errors'> = {},
    units?: UnitRef[],
  ) {
    const status = statusOf(rec);
    // Progress belongs to a running step: once the commit is recorded, the lights that follow it are not
    // the import's any more (a committed import reads as done, whatever this server still recomputes).
    const running = RUNNING.includes(status);
    const progress = !running
      ? null
      : (jobs.get(rec.id)?.progress ?? (rec.progress_json ? (JSON.parse(rec.progress_json) as ImportProgress) : null));
    const message = status === 'interrupted' ? { key: 'IMPORT_INTERRUPTED_RUN' as const, params: {} } : undefined;
    const unit = units ? units.find((u) => u.id === rec.unit_id) : await unitOf(rec.unit_id);
    return presentImport(rec, { locale, status, progress, unitName: unit?.name ?? null, ...extra, message });
  }

  /** The mapping a newly read header starts with, the person's defaults over it. */
  async function freshColumns(
    unitId: number,
    ledger: LedgerKind,
    analysis: Analysis,
    defaults: MappingInput['defaults'],
  ): Promise<Pick<MappingInput, 'columns' | 'defaults'>> {
    const saved = await imports.savedMapping(unitId, ledger);
    const start = initialMapping(ledger, analysis, saved ? (JSON.parse(saved.mapping_json) as SavedMapping) : null);
    return {
      columns: start.columns,
      defaults: { ...start.defaults, ...Object.fromEntries(Object.entries(defaults ?? {}).filter(([, v]) => v)) },
    };
  }

  async function previewOf(rec: ImportRecord, actor: ActorContext, unit: UnitRef, file: string) {
    const stored = JSON.parse(rec.header_json!) as StoredHeader;
    return runner.preview({
      ledger: ledgerOf(rec),
      options: optionsOf(rec),
      file,
      kind: rec.file_kind as FileKind,
      fileName: rec.file_name,
      sheet: rec.sheet!,
      header: stored.header,
      mapping: JSON.parse(rec.mapping_json!) as ImportMapping,
      target: unit,
      actor,
    });
  }

  return {
    async upload(
      actor: ActorContext,
      upload: UploadedFile,
      input: { unitId?: number; sheet?: string; ledger?: LedgerKind; options?: ImportOptions },
      ip: string | null,
      locale: Locale,
    ) {
      const ledger = input.ledger ?? 'projects';
      const set = COLUMN_SETS[ledger];
      const unit = input.unitId !== undefined ? await unitOf(input.unitId) : await defaultUnit(actor);
      if (!unit) throw invalid('NOT_FOUND', { what: '@unitId' }, 'unitId');
      if (!importPolicy.canImportInto(actor, unit, ledger)) throw forbidden();
      if (upload.bytes > IMPORT_LIMITS.maxFileBytes)
        throw new AppError(
          413,
          'FILE_TOO_LARGE',
          'IMPORT_TOO_LARGE',
          { name: upload.fileName, mb: IMPORT_LIMITS.maxFileBytes / 1024 / 1024 },
          'file',
        );
      const { kind, analysis } = await openLedger(upload.path, upload.fileName, { sheet: input.sheet ?? null, set });
      const saved = await imports.savedMapping(unit.id, ledger);
      const mapping = initialMapping(ledger, analysis, saved ? (JSON.parse(saved.mapping_json) as SavedMapping) : null);
      const stored: StoredHeader = {
        sheets: analysis.sheets,
        header: analysis.header,
        proposed: proposeMapping(analysis.header.columns, set),
      };
      const at = now();
      const id = await db.transaction().execute(async (trx) => {
        const { id } = await imports.insert(
          {
            unit_id: unit.id,
            unit_path: unit.path,
            file_name: upload.fileName,
            file_kind: kind,
            file_bytes: upload.bytes,
            status: 'uploaded',
            sheet: analysis.sheet,
            header_json: JSON.stringify(stored),
            mapping_json: JSON.stringify(mapping),
            counts_json: null,
            error_count: 0,
            message: null,
            progress_json: null,
            ledger,
            options_json: ledger === 'reports' ? JSON.stringify(input.options ?? {}) : null,
            created_by_id: actor.id,
            created_by: actor.displayName,
            created_at: at,
            updated_at: at,
            committed_at: null,
            heartbeat_at: null,
          },
          trx,
        );
        await files.store(trx, id, upload.path);
        await audit.record(
          {
            actor,
            action: 'import.upload',
            objectType: 'import',
            objectId: String(id),
            unitPath: unit.path,
            summary: `上传台账《${upload.fileName}》`,
            after: { fileName: upload.fileName, bytes: upload.bytes, ledger, sheet: analysis.sheet },
            ip,
          },
          trx,
        );
        return id;
      });
      void imports.purgeFilesBefore(new Date(clock().getTime() - KEEP_FILES_MS).toISOString()).catch(() => undefined);
      const rec = (await imports.findById(id))!;
      return present(rec, locale, { preview: await previewOf(rec, actor, unit, upload.path) });
    },

    async setMapping(actor: ActorContext, id: number, input: MappingInput, locale: Locale, ip: string | null = null) {
      const { rec, unit } = await loadForChange(actor, id);
      if (rec.status === 'committed') throw conflict('IMPORT_COMMITTED');
      if (jobs.has(id) || RUNNING.includes(statusOf(rec))) throw conflict('IMPORT_RUNNING');
      const file = await files.materialise(id, rec.file_kind as FileKind);
      if (!file) throw conflict('IMPORT_FILE_GONE');
      try {
        const ledger = ledgerOf(rec);
        const set = COLUMN_SETS[ledger];
        let stored = JSON.parse(rec.header_json!) as StoredHeader;
        let sheet = rec.sheet!;
        let reread: Analysis | null = null;
        const headerNow = stored.header.headerRows;
        if (
          (input.sheet && input.sheet !== rec.sheet) ||
          (input.headerRow && (headerNow.length !== 1 || headerNow[0] !== input.headerRow))
        ) {
          ({ analysis: reread } = await openLedger(file, rec.file_name, {
            sheet: input.sheet ?? rec.sheet,
            headerRow: input.headerRow ?? null,
            set,
          }));
          stored = {
            sheets: reread.sheets,
            header: reread.header,
            proposed: proposeMapping(reread.header.columns, set),
          };
          sheet = reread.sheet;
        }
        // Another header with no columns given: its own mapping as at upload (saved, proposed, the title's month).
        const fresh =
          reread && !Object.keys(input.columns).length
            ? await freshColumns(unit.id, ledger, reread, input.defaults)
            : null;
        if (fresh && !Object.values(fresh.columns).some((f) => f !== null && set.keys.includes(f)))
          throw invalid(NO_KEY[ledger], { row: reread!.header.headerRow }, 'headerRow');
        const mapping = mappingFrom(fresh ?? input, stored, set);
        const options =
          ledger === 'reports' && input.options
            ? JSON.stringify({ ...optionsOf(rec), ...input.options })
            : rec.options_json;
        await imports.replaceErrors(id, []);
        await imports.inTransaction(async (trx) => {
          await imports.update(
            id,
            {
              sheet,
              header_json: JSON.stringify(stored),
              mapping_json: JSON.stringify(mapping),
              options_json: options,
              status: 'uploaded',
              counts_json: null,
              error_count: 0,
              message: null,
              updated_at: now(),
            },
            trx,
          );
          const saved = input.save ? toSavedMapping(mapping, stored.header.columns) : null;
          if (saved)
            await imports.saveMapping(
              {
                unit_id: unit.id,
                ledger,
                mapping_json: JSON.stringify(saved),
                updated_by: actor.displayName,
                updated_at: now(),
              },
              trx,
            );
          await audit.record(
            {
              actor,
              action: saved ? 'import.mapping.save' : 'import.mapping',
              objectType: 'import',
              objectId: String(id),
              unitPath: rec.unit_path,
              summary: saved ? `设置并保存《${rec.file_name}》的列对应` : `设置《${rec.file_name}》的列对应`,
              before: { sheet: rec.sheet, mapping: JSON.parse(rec.mapping_json!) },
              after: { sheet, mapping, ...(saved ? { savedFor: { unitId: unit.id, ledger } } : {}) },
              ip,
            },
            trx,
          );
        });
        const next = (await imports.findById(id))!;
        return present(next, locale, { preview: await previewOf(next, actor, unit, file) });
      } finally {
        await fs.promises.rm(file, { force: true });
      }
    },

    /** Starts a check or a commit; with `wait`, answers once it has finished. */
    async start(
      actor: ActorContext,
      id: number,
      mode: 'check' | 'commit',
      options: { wait: boolean; ip: string | null; locale: Locale },
    ) {
      const { rec, unit } = await loadForChange(actor, id);
      if (rec.status === 'committed') throw conflict('IMPORT_COMMITTED');
      if (jobs.has(id) || statusOf(rec) === 'checking' || statusOf(rec) === 'committing')
        throw conflict('IMPORT_RUNNING');
      const status: ImportStatus = mode === 'commit' ? 'committing' : 'checking';
      await imports.update(id, { status, message: null, heartbeat_at: now(), updated_at: now(), progress_json: null });
      const job = {
        progress: {
          phase: 'checking',
          rowsRead: 0,
          rowsTotal: null,
          written: 0,
          toWrite: null,
          percent: null,
        } as ImportProgress,
      };
      jobs.set(id, job);
      const done = execute({ ...rec, status }, actor, unit, mode, options.ip);
      if (options.wait) await done;
      const after = (await imports.findById(id))!;
      const errors =
        options.wait && after.error_count
          ? (await imports.errorsOf(id, -1, IMPORT_LIMITS.inlineErrors)).map(storedRowError)
          : undefined;
      return present(after, options.locale, { errors });
    },

    get: async (actor: ActorContext, id: number, locale: Locale) => present(await load(actor, id), locale),

    async list(actor: ActorContext, q: { unitId?: number; cursor?: number; limit: number }, locale: Locale) {
      const unitPath = q.unitId ? (await unitOf(q.unitId))?.path : undefined;
      if (q.unitId && !unitPath) return { items: [], nextCursor: null };
      const rows = await imports.list(listScope(actor, 'project'), { unitPath, cursor: q.cursor, limit: q.limit });
      const units = await imports.units();
      const items = await Promise.all(rows.map((r) => present(r, locale, {}, units)));
      return { items, nextCursor: rows.length === q.limit ? String(rows.at(-1)!.id) : null };
    },

    async errors(actor: ActorContext, id: number, after: number, limit: number, locale: Locale) {
      await load(actor, id);
      const rows = await imports.errorsOf(id, after, limit);
      return {
        items: rows.map((e) => presentRowError(storedRowError(e), locale)),
        nextCursor: rows.length === limit ? String(rows.at(-1)!.seq) : null,
      };
    },

    /** The workbook with the last check's errors marked, to stream to the person. */
    async errorWorkbook(actor: ActorContext, id: number) {
      const rec = await load(actor, id);
      if (rec.status === 'committed') throw conflict('IMPORT_COMMITTED');
      if (!rec.error_count) throw conflict(rec.counts_json ? 'IMPORT_NO_ERRORS' : 'IMPORT_NOT_CHECKED');
      const stored = JSON.parse(rec.header_json!) as StoredHeader;
      const file = await files.materialise(id, rec.file_kind as FileKind);
      if (!file) throw conflict('IMPORT_FILE_GONE');
      return {
        fileName: `${rec.file_name.replace(/\.[^.]*$/, '')}-错误标注.xlsx`,
        write: (out: NodeJS.WritableStream) =>
          files.writeMarked(file, rec.file_kind as FileKind, rec.sheet!, stored.header, imports.allErrors(id), out),
      };
    },
  };
}

export type ImportService = ReturnType<typeof createImportService>;
