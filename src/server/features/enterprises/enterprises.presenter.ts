import type { EnterpriseView, LicenceView } from '../../../contract/enterprises.ts';
import {
  ENTERPRISE_FLAGS,
  flagsOfStored,
  LICENCE_TYPE_LABELS,
  licenceReminderWindow,
  type EnterpriseFlag,
  type EnterpriseScale,
  type LicenceType,
} from '../../../domain/enterprises/enterprise-fields.ts';
import type { EnterpriseTable } from './enterprises.tables.ts';
import type { EnterpriseRow } from './enterprises.repository.ts';

/** The audited view of an enterprise: its fields as the form names them (the registry and the import alike). */
export const enterpriseAuditView = (
  e: Omit<EnterpriseTable, 'id' | 'created_at' | 'updated_at' | 'name_key' | 'unit_path'>,
) => ({
  name: e.name,
  creditCode: e.credit_code,
  industryCode: e.industry_code,
  scale: e.scale,
  townshipUnitId: e.township_unit_id,
  address: e.address,
  contacts: JSON.parse(e.contacts_json) as unknown,
  flags: flagsOfStored(e.flags),
});

const isFlag = (f: string): f is EnterpriseFlag => (ENTERPRISE_FLAGS as readonly string[]).includes(f);

export function presentEnterprise(e: EnterpriseRow): EnterpriseView {
  return {
    id: e.id,
    name: e.name,
    creditCode: e.credit_code,
    industryCode: e.industry_code,
    scale: e.scale as EnterpriseScale,
    townshipUnitId: e.township_unit_id,
    townshipName: e.township_name,
    address: e.address,
    contacts: JSON.parse(e.contacts_json) as EnterpriseView['contacts'],
    flags: e.flags.split(',').filter(isFlag),
    projectCount: Number(e.project_count ?? 0),
    createdAt: e.created_at,
    updatedAt: e.updated_at,
  };
}

const dayNumber = (date: string) => Date.parse(`${date}T00:00:00Z`) / 86_400_000;

/** A licence as of the county's `today`: days left and whether it has expired or is within a reminder window. */
export function presentLicence(
  l: {
    id: number;
    enterprise_id: number;
    enterprise_name: string;
    type: string;
    number: string;
    issuer: string | null;
    valid_from: string | null;
    valid_to: string;
  },
  today: string,
): LicenceView {
  const window = licenceReminderWindow(l.valid_to, today);
  return {
    id: l.id,
    enterpriseId: l.enterprise_id,
    enterpriseName: l.enterprise_name,
    type: l.type as LicenceType,
    typeLabel: LICENCE_TYPE_LABELS[l.type as LicenceType]?.['zh-CN'] ?? l.type,
    number: l.number,
    issuer: l.issuer,
    validFrom: l.valid_from,
    validTo: l.valid_to,
    daysLeft: Math.round(dayNumber(l.valid_to) - dayNumber(today)),
    status: window === 'expired' ? 'expired' : window === null ? 'valid' : 'expiring',
  };
}
