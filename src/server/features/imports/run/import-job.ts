import fs from 'node:fs';
import { randomBytes } from 'node:crypto';
import type { LedgerKind } from '../../../../domain/exchange/column-sets.ts';
import type { ImportMapping } from '../../../../domain/exchange/mapping.ts';
import type { Clock } from '../../../clock.ts';
import type { MigrationDialect } from '../../../db/migrate.ts';
import { AppError } from '../../../http/errors.ts';
import type { AuditLog } from '../../audit/audit.repository.ts';
import type { ActorContext } from '../../session/actor.ts';
import { ImportConflictError } from '../projects/import-apply.ts';
import type { UnitRef } from './check-pass.ts';
import {
  ledgerOf,
  optionsOf,
  type ImportStatus,
  type StoredCounts,
  type StoredHeader,
  type StoredMessage,
} from '../imports.presenter.ts';
import type { ImportRepository } from '../imports.repository.ts';
import type { FileKind } from '../read/ledger-reader.ts';
import type { ImportFiles } from '../records/import-files.ts';
import type { ImportRecord } from '../records/import-records.repository.ts';
import type { ImportProgress, ImportRunner } from './import-runner.ts';

/** The summary of a committed import in the audit log. */
export function commitSummary(
  ledger: LedgerKind,
  fileName: string,
  counts: { create: number; update: number; unchanged: number },
) {
  if (ledger === 'deals')
    return `导入招商台账“${fileName}”：新增 ${counts.create} 个、修改 ${counts.update} 个招商项目，${counts.unchanged} 个未变`;
  if (ledger === 'enterprises')
    return `导入企业名录“${fileName}”：新登记 ${counts.create} 家、修改 ${counts.update} 家企业，${counts.unchanged} 家未变`;
  return ledger === 'reports'
    ? `导入月报“${fileName}”：新建 ${counts.create} 份、修改 ${counts.update} 份月报，${counts.unchanged} 份未变`
    : `导入台账“${fileName}”：新建 ${counts.create} 个、修改 ${counts.update} 个项目，${counts.unchanged} 个未变`;
}

/**
 * The checks and commits running on this server: each one's progress in memory, beating on its record
 * every two seconds so that any server can report it, and its outcome stored when it ends.
 */
export function createImportJobs({
  dialect,
  imports,
  files,
  runner,
  audit,
  clock,
  logError,
}: {
  dialect: MigrationDialect;
  imports: ImportRepository;
  files: Pick<ImportFiles, 'materialise'>;
  runner: ImportRunner;
  audit: AuditLog;
  clock: Clock;
  logError?: (reference: string, error: unknown) => void;
}) {
  const jobs = new Map<number, { progress: ImportProgress }>();
  const now = () => clock().toISOString();

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
        await imports.inTransaction(async (trx) => {
          await imports.update(
            rec.id,
            {
              status,
              counts_json: JSON.stringify(counts),
              error_count: counts.errors,
              message: message && JSON.stringify(message),
              progress_json: null,
              heartbeat_at: null,
              updated_at: now(),
            },
            trx,
          );
          // A dry run changes the record it reports into: audited like every change. (A refused commit
          // reports into it too, but writes nothing else: it is the commit's refusal, not a change.)
          if (mode === 'check')
            await audit.record(
              {
                actor,
                action: 'import.check',
                objectType: 'import',
                objectId: String(rec.id),
                unitPath: rec.unit_path,
                summary: `检查台账《${rec.file_name}》：${counts.rows} 行，${counts.errorRows} 行有问题`,
                after: { fileName: rec.file_name, status, ...counts },
                ip,
              },
              trx,
            );
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

  return { jobs, execute };
}
