import fs from 'node:fs';
import { randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import { IMPORT_LIMITS } from '../../../domain/exchange/import-limits.ts';
import { HEADER_SCAN_ROWS } from '../../../domain/exchange/header-detect.ts';
import { COLUMN_SETS, PROJECT_SET, type ColumnSet, type LedgerKind } from '../../../domain/exchange/column-sets.ts';
import {
  applySavedMapping,
  checkMapping,
  describeMappingProblem,
  missingForCreate,
  otherKindSuggested,
  proposeMapping,
  toSavedMapping,
  type ImportMapping,
  type SavedMapping,
} from '../../../domain/exchange/mapping.ts';
import type { LedgerField } from '../../../domain/exchange/project-columns.ts';
import { periodInTitle } from '../../../domain/exchange/report-columns.ts';
import type { ImportOptions } from '../../../domain/exchange/report-import-rules.ts';
import type { Clock } from '../../clock.ts';
import type { MigrationDialect } from '../../db/migrate.ts';
import type { DB } from '../../db/schema.ts';
import { AppError, conflict, forbidden, invalid, notFound } from '../../http/errors.ts';
import type { Locale } from '../../http/i18n.ts';
import { importPolicy } from '../../policies/import.policy.ts';
import type { AuditLog } from '../audit/audit.repository.ts';
import type { ActorContext } from '../session/actor.ts';
import { ImportConflictError } from './import-apply.ts';
import type { UnitRef } from './import-check.ts';
import type { ImportProgress, ImportRunner } from './import-runner.ts';
import {
  ledgerOf,
  optionsOf,
  presentImport,
  type ImportStatus,
  type StoredCounts,
  type StoredHeader,
  type StoredMessage,
} from './imports.presenter.ts';
import type { ImportRecord, ImportRepository } from './imports.repository.ts';
import { analyseLedger, isAnalysisProblem, type Analysis, type AnalysisProblem } from './ledger-analysis.ts';
import { sniffFile, type FileKind } from './ledger-reader.ts';
import { createImportFiles } from './import-files.ts';

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

export interface MappingInput {
  sheet?: string;
  headerRow?: number;
  columns: Record<string, LedgerField | null>;
  defaults?: Partial<Record<string, string | null>>;
  save?: boolean;
  options?: ImportOptions;
}

const RUNNING: ImportStatus[] = ['checking', 'committing'];
/** A running step whose record has not been touched for this long was interrupted. */
const STALE_MS = 30_000;
/** Uploads never committed keep their file this long. */
const KEEP_FILES_MS = 7 * 24 * 3600_000;

/** The message key of a file that cannot be read as a ledger. */
export function problemMessage(
  p: AnalysisProblem | { code: 'EMPTY_FILE' | 'ENCRYPTED' | 'XLS' | 'NOT_EXCEL' | 'TOO_LARGE' },
  fileName: string,
): StoredMessage {
  switch (p.code) {
    case 'EMPTY_FILE':
      return { key: 'IMPORT_EMPTY', params: { name: fileName } };
    case 'ENCRYPTED':
      return { key: 'IMPORT_ENCRYPTED', params: { name: fileName } };
    case 'XLS':
      return { key: 'IMPORT_XLS', params: { name: fileName } };
    case 'NOT_EXCEL':
      return { key: 'IMPORT_NOT_EXCEL', params: { name: fileName } };
    case 'TOO_LARGE':
      return { key: 'IMPORT_TOO_LARGE', params: { name: fileName, mb: IMPORT_LIMITS.maxFileBytes / 1024 / 1024 } };
    case 'DAMAGED':
      return { key: 'IMPORT_DAMAGED', params: { name: fileName } };
    case 'NO_SHEET':
      return { key: 'IMPORT_NO_SHEET', params: { sheet: p.sheet } };
    case 'EMPTY':
      return { key: 'IMPORT_SHEET_EMPTY', params: { sheet: p.sheet } };
    case 'TITLE_ONLY':
      return { key: 'IMPORT_TITLE_ONLY', params: { sheet: p.sheet, title: p.title.slice(0, 60) } };
    case 'NO_HEADER':
      return { key: 'IMPORT_NO_HEADER', params: { sheet: p.sheet, rows: HEADER_SCAN_ROWS } };
    case 'TOO_MANY_COLUMNS':
      return { key: 'IMPORT_TOO_MANY_COLUMNS', params: { sheet: p.sheet, count: p.count, max: p.max } };
  }
}

/** Reads a file's kind and head; throws the 400 a person should see when it is not a usable ledger. */
export async function openLedger(
  file: string,
  fileName: string,
  options: { sheet: string | null; headerRow?: number | null; set?: ColumnSet },
): Promise<{ kind: FileKind; analysis: Analysis }> {
  const sniffed = await sniffFile(file, fileName);
  const fail = (m: StoredMessage) => invalid(m.key, m.params, 'file');
  if ('problem' in sniffed)
    throw fail(problemMessage({ code: sniffed.problem === 'EMPTY' ? 'EMPTY_FILE' : sniffed.problem }, fileName));
  const analysis = await analyseLedger(file, sniffed.kind, options);
  if (isAnalysisProblem(analysis)) {
    // A monthly-report ledger uploaded as a project ledger (or the reverse) has no header of the kind chosen.
    if (analysis.code === 'NO_HEADER' && options.set && !options.headerRow) {
      const chosen = options.set.kind;
      const other = await analyseLedger(file, sniffed.kind, {
        ...options,
        set: COLUMN_SETS[chosen === 'projects' ? 'reports' : 'projects'],
      });
      if (!isAnalysisProblem(other) && otherKindSuggested(other.header.columns, chosen))
        throw invalid(
          chosen === 'projects' ? 'IMPORT_LOOKS_LIKE_REPORTS' : 'IMPORT_LOOKS_LIKE_PROJECTS',
          { name: fileName },
          'ledger',
        );
    }
    throw fail(problemMessage(analysis, fileName));
  }
  return { kind: sniffed.kind, analysis };
}

/** A mapping from the request, checked against the sheet's columns. */
export function mappingFrom(
  input: Pick<MappingInput, 'columns' | 'defaults'>,
  stored: StoredHeader,
  set: ColumnSet = PROJECT_SET,
): ImportMapping {
  const mapping: ImportMapping = { columns: {}, defaults: {} };
  for (const [letter, field] of Object.entries(input.columns)) if (field) mapping.columns[letter] = field;
  for (const [field, value] of Object.entries(input.defaults ?? {}))
    if (value) (mapping.defaults as Record<string, string>)[field] = value;
  const problems = checkMapping(mapping, stored.header.columns, set);
  if (problems.length)
    throw invalid('IMPORT_MAPPING', { problems: problems.map(describeMappingProblem).join('；') }, 'columns');
  return mapping;
}

/**
 * The mapping an analysed ledger starts with: the unit's saved one for the kind, else the proposal;
 * a report ledger with no month column takes its period from the sheet's title ("2026年10月…").
 */
export function initialMapping(ledger: LedgerKind, analysis: Analysis, saved: SavedMapping | null): ImportMapping {
  const { mapping } = applySavedMapping(analysis.header.columns, saved, COLUMN_SETS[ledger]);
  if (ledger === 'reports' && missingForCreate(mapping, COLUMN_SETS.reports).includes('reportPeriod')) {
    const period = periodInTitle(analysis.header.title);
    if (period) mapping.defaults.reportPeriod = period;
  }
  return mapping;
}

/** The summary of a committed import in the audit log. */
export function commitSummary(
  ledger: LedgerKind,
  fileName: string,
  counts: { create: number; update: number; unchanged: number },
) {
  return ledger === 'reports'
    ? `导入月报“${fileName}”：新建 ${counts.create} 份、修改 ${counts.update} 份月报，${counts.unchanged} 份未变`
    : `导入台账“${fileName}”：新建 ${counts.create} 个、修改 ${counts.update} 个项目，${counts.unchanged} 个未变`;
}

export function createImportService({ db, dialect, imports, runner, audit, clock, logError }: ImportServiceDeps) {
  const jobs = new Map<number, { progress: ImportProgress }>();
  const files = createImportFiles(imports);
  const now = () => clock().toISOString();

  async function unitOf(id: number): Promise<UnitRef | undefined> {
    return (await imports.units()).find((u) => u.id === id);
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
    if (!unit || !importPolicy.canImportInto(actor, unit)) throw forbidden();
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
    const progress =
      jobs.get(rec.id)?.progress ??
      (RUNNING.includes(status) && rec.progress_json ? (JSON.parse(rec.progress_json) as ImportProgress) : null);
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

  /** Runs a check or commit to its end, keeping the record current; never throws. */
  async function execute(
    rec: ImportRecord,
    actor: ActorContext,
    unit: UnitRef,
    mode: 'check' | 'commit',
    ip: string | null,
  ) {
    const job = jobs.get(rec.id)!;
    const stored = JSON.parse(rec.header_json!) as StoredHeader;
    const previous = rec.counts_json ? (JSON.parse(rec.counts_json) as StoredCounts) : null;
    let file: string | null = null;
    const beat = setInterval(() => {
      // On SQLite the commit's transaction holds the one connection: the record waits for it.
      if (dialect === 'sqlite' && job.progress.phase === 'writing') return;
      void imports
        .update(rec.id, { progress_json: JSON.stringify(job.progress), heartbeat_at: now() })
        .catch(() => undefined);
    }, 2000);
    try {
      file = await files.materialise(rec.id, rec.file_kind as FileKind);
      if (!file) throw new AppError(409, 'CONFLICT', 'IMPORT_FILE_GONE');
      const result = await runner.run({
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
        auditActor: { id: actor.id, name: actor.displayName },
        ip,
        importId: rec.id,
        mode,
        before: previous ? { sheetRows: previous.sheetRows, changes: previous.create + previous.update } : null,
        onProgress: (p) => (job.progress = p),
        onCommit: async (trx, { counts, sheetRows, at }) => {
          await imports.update(
            rec.id,
            {
              status: 'committed',
              counts_json: JSON.stringify({ ...counts, sheetRows }),
              error_count: 0,
              message: null,
              progress_json: null,
              heartbeat_at: null,
              committed_at: at,
              updated_at: at,
            },
            trx,
          );
          await imports.deleteFile(rec.id, trx);
          const summary = commitSummary(ledgerOf(rec), rec.file_name, counts);
          await audit.record(
            {
              actor,
              action: 'import.commit',
              objectType: 'import',
              objectId: String(rec.id),
              unitPath: rec.unit_path,
              summary,
              after: { fileName: rec.file_name, ...counts },
              ip,
            },
            trx,
          );
        },
      });
      await imports.replaceErrors(rec.id, result.errors);
      if (!result.committed) {
        const counts: StoredCounts = { ...result.counts, sheetRows: result.sheetRows };
        const message: StoredMessage | null = counts.errorRows
          ? { key: 'IMPORT_HAS_ERRORS', params: { rows: counts.errorRows, count: counts.errors } }
          : counts.rows === 0
            ? { key: 'IMPORT_NO_ROWS', params: {} }
            : null;
        const status: ImportStatus = message ? 'invalid' : 'checked';
        await imports.update(rec.id, {
          status,
          counts_json: JSON.stringify(counts),
          error_count: counts.errors,
          message: message && JSON.stringify(message),
          progress_json: null,
          heartbeat_at: null,
          updated_at: now(),
        });
      }
    } catch (e) {
      let message: StoredMessage;
      if (e instanceof ImportConflictError)
        message = { key: e.reason === 'changed' ? 'IMPORT_CHANGED' : 'IMPORT_DUPLICATE', params: { row: e.row } };
      else if (e instanceof AppError) message = { key: e.messageKey, params: e.params };
      else {
        const reference = randomBytes(4).toString('hex');
        logError?.(reference, e);
        message = { key: 'IMPORT_FAILED', params: { id: reference } };
      }
      await imports
        .update(rec.id, {
          status: 'failed',
          message: JSON.stringify(message),
          progress_json: null,
          heartbeat_at: null,
          updated_at: now(),
        })
        .catch(() => undefined);
    } finally {
      clearInterval(beat);
      if (file) await fs.promises.rm(file, { force: true });
      jobs.delete(rec.id);
    }
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
      const unit = await unitOf(input.unitId ?? actor.unitId);
      if (!unit) throw invalid('NOT_FOUND', { what: '@unitId' }, 'unitId');
      if (!importPolicy.canImportInto(actor, unit)) throw forbidden();
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
        return id;
      });
      void imports.purgeFilesBefore(new Date(clock().getTime() - KEEP_FILES_MS).toISOString()).catch(() => undefined);
      const rec = (await imports.findById(id))!;
      return present(rec, locale, { preview: await previewOf(rec, actor, unit, upload.path) });
    },

    async setMapping(actor: ActorContext, id: number, input: MappingInput, locale: Locale) {
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
        if (fresh && !Object.values(fresh.columns).some((f) => f === 'name' || f === 'code'))
          throw invalid('IMPORT_HEADER_NO_KEY', { row: reread!.header.headerRow }, 'headerRow');
        const mapping = mappingFrom(fresh ?? input, stored, set);
        const options =
          ledger === 'reports' && input.options
            ? JSON.stringify({ ...optionsOf(rec), ...input.options })
            : rec.options_json;
        await imports.replaceErrors(id, []);
        await imports.update(id, {
          sheet,
          header_json: JSON.stringify(stored),
          mapping_json: JSON.stringify(mapping),
          options_json: options,
          status: 'uploaded',
          counts_json: null,
          error_count: 0,
          message: null,
          updated_at: now(),
        });
        if (input.save)
          await imports.saveMapping({
            unit_id: unit.id,
            ledger,
            mapping_json: JSON.stringify(toSavedMapping(mapping, stored.header.columns)),
            updated_by: actor.displayName,
            updated_at: now(),
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
          ? (await imports.errorsOf(id, -1, IMPORT_LIMITS.inlineErrors)).map((e) => ({
              row: e.row_number,
              cell: e.cell,
              column: e.column_header,
              message: e.message,
            }))
          : undefined;
      return present(after, options.locale, { errors });
    },

    get: async (actor: ActorContext, id: number, locale: Locale) => present(await load(actor, id), locale),

    async list(actor: ActorContext, q: { unitId?: number; cursor?: number; limit: number }, locale: Locale) {
      const unitPath = q.unitId ? (await unitOf(q.unitId))?.path : undefined;
      if (q.unitId && !unitPath) return { items: [], nextCursor: null };
      const rows = await imports.list(importPolicy.readScope(actor), { unitPath, cursor: q.cursor, limit: q.limit });
      const units = await imports.units();
      const items = await Promise.all(rows.map((r) => present(r, locale, {}, units)));
      return { items, nextCursor: rows.length === q.limit ? String(rows.at(-1)!.id) : null };
    },

    async errors(actor: ActorContext, id: number, after: number, limit: number) {
      await load(actor, id);
      const rows = await imports.errorsOf(id, after, limit);
      return {
        items: rows.map((e) => ({ row: e.row_number, cell: e.cell, column: e.column_header, message: e.message })),
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
