// The licence table's columns, shared by an enterprise's page and 证照临期: on a phone, two columns (the licence,
// its end and state) instead of six, so the table fits the screen.
import type { ReactNode } from 'react';
import { Typography, type TableColumnsType } from 'antd';
import type { LicenceView } from '../../api-enterprises';
import type { EnterprisesI18n } from '../../i18n-enterprises';
import { Link } from '../../components/Link';
import { DaysLeft, LicenceStatusTag } from './shared';

type Column = TableColumnsType<LicenceView>[number];

/**
 * The width below which the desktop table scrolls inside itself (a narrow tablet): the fixed columns plus room for
 * the one that takes what is left (the enterprise, or the number).
 */
export const LICENCE_TABLE_MIN_WIDTH = 960;

export function licenceColumns(
  { te, licenceType }: EnterprisesI18n,
  {
    isPhone,
    withEnterprise = false,
    actions,
  }: { isPhone: boolean; withEnterprise?: boolean; actions?: (licence: LicenceView) => ReactNode },
): TableColumnsType<LicenceView> {
  const enterprise = (l: LicenceView) => (
    <Link to={`/enterprises/${l.enterpriseId}`} data-testid={`licence-enterprise-${l.id}`}>
      {l.enterpriseName}
    </Link>
  );
  const validity = (l: LicenceView) => (l.validFrom ? `${l.validFrom} ~ ${l.validTo}` : `~ ${l.validTo}`);
  const actionColumn: Column[] = actions
    ? [
        {
          key: 'actions',
          title: isPhone ? '' : te('col.actions'),
          width: isPhone ? 72 : 120,
          render: (_, l) => actions(l),
        },
      ]
    : [];

  if (isPhone)
    return [
      {
        key: 'licence',
        title: te('licence.licence'),
        render: (_, l) => (
          <div style={{ display: 'flex', flexDirection: 'column', gap: 2, minWidth: 0 }}>
            {withEnterprise && enterprise(l)}
            <span>{licenceType(l.type)}</span>
            <Typography.Text type="secondary" style={{ fontSize: 12, overflowWrap: 'anywhere' }}>
              {l.number}
            </Typography.Text>
          </div>
        ),
      },
      {
        key: 'status',
        title: te('licence.validTo'),
        width: 112,
        render: (_, l) => (
          <div style={{ display: 'flex', flexDirection: 'column', gap: 4, alignItems: 'flex-start' }}>
            <span style={{ fontVariantNumeric: 'tabular-nums' }}>{l.validTo}</span>
            <LicenceStatusTag licence={l} />
            <span style={{ fontSize: 12 }}>
              <DaysLeft days={l.daysLeft} />
            </span>
          </div>
        ),
      },
      ...actionColumn,
    ];

  return [
    ...(withEnterprise
      ? [{ key: 'enterprise', title: te('licence.enterprise'), render: (_, l) => enterprise(l) } as Column]
      : []),
    { key: 'type', title: te('licence.type'), width: 140, render: (_, l) => licenceType(l.type) },
    // Beside an enterprise's name the number has a fixed width; in an enterprise's own table it takes the rest.
    { key: 'number', title: te('licence.number'), dataIndex: 'number', width: withEnterprise ? 170 : undefined },
    ...(withEnterprise
      ? []
      : [
          {
            key: 'issuer',
            title: te('licence.issuer'),
            dataIndex: 'issuer',
            width: 200,
            render: (i: string | null) => i ?? '—',
          } as Column,
        ]),
    {
      key: 'validity',
      title: te('licence.validity'),
      width: 180,
      render: (_, l) => <span style={{ whiteSpace: 'nowrap', fontVariantNumeric: 'tabular-nums' }}>{validity(l)}</span>,
    },
    {
      key: 'daysLeft',
      title: te('licence.daysLeftTitle'),
      width: 104,
      align: 'right',
      render: (_, l) => <DaysLeft days={l.daysLeft} />,
    },
    { key: 'status', title: te('licence.statusTitle'), width: 90, render: (_, l) => <LicenceStatusTag licence={l} /> },
    ...actionColumn,
  ];
}
