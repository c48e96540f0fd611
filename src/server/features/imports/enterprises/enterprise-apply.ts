import type { Kysely } from 'kysely';
import { enterpriseNameKey } from '../../../../domain/enterprises/enterprise-match.ts';
import type { DB } from '../../../db/schema.ts';
import { enterpriseAuditView } from '../../enterprises/enterprises.presenter.ts';
import type { EnterpriseRepository } from '../../enterprises/enterprises.repository.ts';
import type { ImportRepository } from '../imports.repository.ts';
import { importStamps, type ApplyOptions } from '../projects/import-apply.ts';
import { COLUMNS } from '../projects/ledger-writes.repository.ts';
import type { PlannedEnterpriseOp } from './enterprise-check.ts';

/**
 * Writing an enterprise commit inside its one transaction, as registration and editing in the
 * registry do (enterprises.service.ts): each new or changed enterprise then links the projects it
 * owns that are linked to none (by credit code, else by exact name), and one audit event per
 * enterprise names the ledger's row. Enterprises are few per ledger, so they are written one by one.
 */
export function createEnterpriseWriter({
  imports,
  enterprises,
}: {
  imports: ImportRepository;
  enterprises: Pick<EnterpriseRepository, 'insert' | 'update' | 'linkOwnedProjects'>;
}) {
  return {
    begin(trx: Kysely<DB>, o: ApplyOptions) {
      const { where, audit } = importStamps(o, 'enterprise');
      const created: number[] = [];
      const updated: number[] = [];
      let written = 0;

      return {
        async write(batch: PlannedEnterpriseOp[]) {
          const events: ReturnType<typeof audit>[] = [];
          for (const x of batch) {
            if (x.op === 'create') {
              const { id } = await enterprises.insert(trx, { ...x.values, created_at: o.at, updated_at: o.at });
              const linked = await enterprises.linkOwnedProjects(trx, { id, ...x.values }, enterpriseNameKey);
              events.push(
                audit(
                  id,
                  'enterprise.create',
                  x.values.unit_path,
                  `导入企业“${x.values.name}”${linked ? `，关联项目 ${linked} 个` : ''}${where(x.row)}`,
                  null,
                  JSON.stringify(enterpriseAuditView(x.values)),
                ),
              );
              created.push(id);
            } else {
              const s = x.stored;
              await enterprises.update(trx, s.id, { ...x.patch, updated_at: o.at });
              const after = { ...s, ...x.patch };
              const linked = await enterprises.linkOwnedProjects(trx, after, enterpriseNameKey);
              events.push(
                audit(
                  s.id,
                  'enterprise.update',
                  after.unit_path,
                  `导入修改企业“${after.name}”${linked ? `，关联项目 ${linked} 个` : ''}${where(x.row)}`,
                  JSON.stringify(enterpriseAuditView(s)),
                  JSON.stringify(enterpriseAuditView(after)),
                ),
              );
              updated.push(s.id);
            }
          }
          await imports.insertRows(trx, 'audit_events', COLUMNS.audit, events);
          written += batch.length;
          o.onWritten?.(written);
        },

        // Enterprises have no lights: no project's light is recomputed for them.
        async finish() {
          return { created, updated, projects: [] };
        },
      };
    },
  };
}

export type EnterpriseWriter = ReturnType<typeof createEnterpriseWriter>;
