// Pieces shared by the registry's pages: scale, flag and licence-status tags, a licence's days left, the units an
// enterprise can be registered in, and the list's address.
import { useMemo } from 'react';
import { Tag, Typography } from 'antd';
import type { Unit } from '../../api';
import type { EnterpriseView, LicenceStatus, LicenceView } from '../../api-enterprises';
import { useEnterprisesI18n } from '../../i18n-enterprises';
import { stringifySearch } from '../../routes/search';
import { useUnits } from '../../useUnits';
import type { EnterpriseListState } from '../../features/enterprises/search';
import type { EnterpriseFlag, EnterpriseScale } from '../../../../src/domain/enterprises/enterprise-fields';

/** The unit kinds an enterprise is registered in (the server refuses any other): townships, streets, platforms. */
const TOWNSHIP_KINDS = new Set(['township', 'street', 'platform']);

/** The townships, streets and platforms (开发区) the user can see, in the units' order. */
export function useTownships(): { townships: Unit[]; units: Unit[]; loading: boolean } {
  const { units, loading } = useUnits();
  const townships = useMemo(() => units.filter((unit) => TOWNSHIP_KINDS.has(unit.kind)), [units]);
  return { townships, units, loading };
}

/** The registry's address for a filter and page (/enterprises?townshipUnitId=5&page=2). */
export const enterpriseListUrl = (state: EnterpriseListState) =>
  `/enterprises${stringifySearch(state as Record<string, unknown>)}`;

let lastList = '/enterprises';
/** Remembers the list as last shown, so that an enterprise's 返回列表 goes back to the same filter and page. */
export function rememberEnterpriseList(url: string): void {
  lastList = url;
}
export const lastEnterpriseList = () => lastList;

/** 规上 in blue, 规下 plain. */
export function ScaleTag({ scale }: { scale: EnterpriseScale }) {
  const { scale: label } = useEnterprisesI18n();
  return (
    <Tag color={scale === 'above' ? 'blue' : 'default'} style={{ marginInlineEnd: 0 }} data-scale={scale}>
      {label(scale)}
    </Tag>
  );
}

const FLAG_COLORS: Record<EnterpriseFlag, string> = {
  specialised: 'purple',
  littleGiant: 'magenta',
  highTech: 'cyan',
  listed: 'gold',
  toBeListed: 'orange',
};

/** The enterprise's recognitions and listing status as tags ('—' when none). */
export function FlagTags({ flags }: { flags: EnterpriseView['flags'] }) {
  const { flag } = useEnterprisesI18n();
  if (flags.length === 0) return <Typography.Text type="secondary">—</Typography.Text>;
  return (
    <span style={{ display: 'inline-flex', gap: 4, flexWrap: 'wrap' }}>
      {flags.map((f) => (
        <Tag key={f} color={FLAG_COLORS[f]} variant="outlined" style={{ marginInlineEnd: 0 }}>
          {flag(f)}
        </Tag>
      ))}
    </span>
  );
}

export const STATUS_COLORS: Record<LicenceStatus, string> = { expired: 'red', expiring: 'orange', valid: 'green' };

/** 已过期 red, 即将到期 orange, 有效 green. */
export function LicenceStatusTag({ licence }: { licence: LicenceView }) {
  const { te } = useEnterprisesI18n();
  return (
    <Tag
      color={STATUS_COLORS[licence.status]}
      style={{ marginInlineEnd: 0 }}
      data-testid={`licence-status-${licence.id}`}
      data-status={licence.status}
    >
      {te(`licence.status.${licence.status}`)}
    </Tag>
  );
}

/** 剩 12 天, 今天到期, 已过期 3 天: the days to a licence's last valid day. */
export function DaysLeft({ days }: { days: number }) {
  const { te } = useEnterprisesI18n();
  const text =
    days > 0
      ? te('licence.daysLeft', { days })
      : days === 0
        ? te('licence.lastDay')
        : te('licence.daysAgo', { days: -days });
  return (
    <span style={{ whiteSpace: 'nowrap', fontVariantNumeric: 'tabular-nums', color: days < 0 ? '#cf1322' : undefined }}>
      {text}
    </span>
  );
}
