// The enterprise form's values: from a stored enterprise, to the body of POST /enterprises, and the part of it
// that changed (PATCH sends only that: an enterprise account may not send its name or township at all).
import type { EnterpriseBody, EnterpriseDetail, EnterprisePatch } from '../../api-enterprises';
import type { EnterpriseFlag, EnterpriseScale } from '../../../../src/domain/enterprises/enterprise-fields';

export interface EnterpriseFormValues {
  name?: string;
  creditCode?: string;
  industryCode?: string | null;
  scale?: EnterpriseScale;
  townshipUnitId?: number;
  address?: string;
  contacts?: { name?: string; phone?: string; role?: string }[];
  flags?: EnterpriseFlag[];
}

const textOrNull = (value: string | null | undefined) => value?.trim() || null;

/** A stored enterprise as the form's values. */
export function valuesFromEnterprise(e: EnterpriseDetail): EnterpriseFormValues {
  return {
    name: e.name,
    creditCode: e.creditCode ?? '',
    industryCode: e.industryCode,
    scale: e.scale,
    townshipUnitId: e.townshipUnitId,
    address: e.address ?? '',
    contacts: e.contacts.map((c) => ({ name: c.name, phone: c.phone, role: c.role ?? '' })),
    flags: [...e.flags],
  };
}

/** The form's values as the body of POST /enterprises (required fields are checked by the form first). */
export function bodyFromValues(v: EnterpriseFormValues): EnterpriseBody {
  return {
    name: (v.name ?? '').trim(),
    creditCode: textOrNull(v.creditCode),
    industryCode: v.industryCode ?? null,
    scale: v.scale!,
    townshipUnitId: v.townshipUnitId!,
    address: textOrNull(v.address),
    contacts: (v.contacts ?? []).map((c) => {
      const role = c.role?.trim();
      return { name: (c.name ?? '').trim(), phone: (c.phone ?? '').trim(), ...(role ? { role } : {}) };
    }),
    flags: v.flags ?? [],
  };
}

/** The fields of `body` that differ from the stored enterprise: an empty patch means nothing to save. */
export function changedFields(stored: EnterpriseDetail, body: EnterpriseBody): EnterprisePatch {
  const before = bodyFromValues(valuesFromEnterprise(stored));
  const patch: Record<string, unknown> = {};
  for (const key of Object.keys(body) as (keyof EnterpriseBody)[]) {
    if (JSON.stringify(body[key]) !== JSON.stringify(before[key])) patch[key] = body[key];
  }
  return patch as EnterprisePatch;
}
