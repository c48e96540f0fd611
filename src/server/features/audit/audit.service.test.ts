import { describe, expect, it } from 'vitest';
import { AUDIT_EXPORT_MAX_ROWS } from '../../../domain/audit/audit-limits.ts';
import { AppError } from '../../http/errors.ts';
import type { ActorContext } from '../session/actor.ts';
import type { AuditRow } from './audit.presenter.ts';
import type { AuditFilters, AuditPage } from './audit.repository.ts';
import { createAuditService } from './audit.service.ts';

const auditor = { id: 1, role: 'auditor', unitPath: '/1/', username: 'jiwei' } as unknown as ActorContext;

/** A trail of `n` events with ids n…1, newest first, that records what it was asked. */
function fakeTrail(n: number) {
  const asked: { filters: AuditFilters; page?: AuditPage }[] = [];
  return {
    asked,
    audit: {
      count: async (_scope: unknown, filters: AuditFilters) => {
        asked.push({ filters });
        return n;
      },
      list: async (_scope: unknown, filters: AuditFilters, page: AuditPage) => {
        asked.push({ filters, page });
        const below = page.cursor ?? n + 1;
        const ids = Array.from({ length: Math.max(0, Math.min(page.limit, below - 1)) }, (_, i) => below - 1 - i);
        return ids.map((id) => ({ id }) as AuditRow);
      },
    },
  };
}

describe('the audit export', () => {
  it(`refuses more than ${AUDIT_EXPORT_MAX_ROWS} events with the count, naming the dates`, async () => {
    const { audit } = fakeTrail(AUDIT_EXPORT_MAX_ROWS + 1);
    const refusal = await createAuditService({ audit })
      .forExport(auditor, {})
      .catch((e: unknown) => e);
    expect(refusal).toBeInstanceOf(AppError);
    expect(refusal).toMatchObject({
      status: 400,
      messageKey: 'AUDIT_EXPORT_TOO_MANY',
      params: { count: AUDIT_EXPORT_MAX_ROWS + 1, max: AUDIT_EXPORT_MAX_ROWS },
      field: 'from',
    });
  });

  it('reads exactly the maximum in batches, by cursor, every event once', async () => {
    const { audit, asked } = fakeTrail(2_500);
    const { batches } = await createAuditService({ audit, batchSize: 1000 }).forExport(auditor, {
      objectType: 'project',
    });
    const ids: number[] = [];
    for await (const batch of batches) ids.push(...batch.map((r) => r.id));
    expect(ids).toHaveLength(2_500);
    expect(new Set(ids).size).toBe(2_500);
    expect(asked.filter((a) => a.page).map((a) => a.page!.cursor)).toEqual([undefined, 1501, 501]);
    expect(asked.every((a) => a.filters.objectType === 'project' && a.filters.includeSignIns === false)).toBe(true);
  });
});
