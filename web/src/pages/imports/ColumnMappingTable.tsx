// Step 2 of an import, the columns: each column of the header and its field, which the person corrects.
import { Select, Table, Tag, Typography } from 'antd';
import type { ImportColumn, ImportView, LedgerField, MappingChange } from '../../api-imports';
import { FIELDS_OF, useImportsI18n } from '../../i18n-imports';
import { mappingChange } from './mappingChange';

interface ColumnMappingTableProps {
  view: ImportView;
  /** The mapping may not change now. */
  locked: boolean;
  isPhone: boolean;
  onChange: (change: MappingChange) => void;
}

export function ColumnMappingTable({ view, locked, isPhone, onChange }: ColumnMappingTableProps) {
  const { ti, field } = useImportsI18n();

  const fieldOptions = [
    { value: '', label: ti('imports.mapping.skip') },
    ...FIELDS_OF[view.ledger].map((f) => ({ value: f, label: field(f) })),
  ];

  const setColumn = (letter: string, next: LedgerField | null) => {
    const change = mappingChange(view);
    // A field belongs to one column: the column that had it lets it go.
    if (next) for (const l of Object.keys(change.columns)) if (change.columns[l] === next) change.columns[l] = null;
    change.columns[letter] = next;
    onChange(change);
  };

  const columns = [
    {
      key: 'letter',
      title: ti('imports.mapping.letter'),
      dataIndex: 'letter',
      width: 52,
      render: (letter: string) => <Typography.Text code>{letter}</Typography.Text>,
    },
    {
      key: 'header',
      title: ti('imports.mapping.header'),
      render: (_: unknown, c: ImportColumn) => (
        <div style={{ minWidth: isPhone ? 96 : 140, wordBreak: 'break-all' }}>
          {c.group && (
            <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>
              {c.group}
            </Typography.Text>
          )}
          <Typography.Text>{c.header}</Typography.Text>
        </div>
      ),
    },
    {
      key: 'field',
      title: ti('imports.mapping.field'),
      width: isPhone ? 140 : 260,
      render: (_: unknown, c: ImportColumn) => {
        const current = view.mapping.columns[c.letter] ?? null;
        const changed = current !== c.proposedField;
        return (
          <div style={{ display: 'flex', alignItems: 'center', gap: 6 }}>
            <Select<string>
              size="small"
              value={current ?? ''}
              options={fieldOptions}
              disabled={locked}
              showSearch={{ optionFilterProp: 'label' }}
              onChange={(next) => setColumn(c.letter, (next || null) as LedgerField | null)}
              // A column the person changed shows in gold (on a phone instead of the 已改 tag).
              style={{
                width: isPhone ? 132 : 180,
                flex: 'none',
                ...(changed && current ? { boxShadow: '0 0 0 1px #faad14', borderRadius: 4 } : {}),
              }}
              popupMatchSelectWidth={200}
              aria-label={`${c.letter} ${c.header}`}
              data-testid={`import-map-${c.letter}`}
            />
            {changed && current && !isPhone && (
              <Tag color="gold" style={{ marginInlineEnd: 0 }}>
                {ti('imports.mapping.changed')}
              </Tag>
            )}
            {!current && !c.proposedField && !isPhone && (
              <Typography.Text type="secondary" style={{ fontSize: 12, whiteSpace: 'nowrap' }}>
                {ti('imports.mapping.unrecognised')}
              </Typography.Text>
            )}
          </div>
        );
      },
    },
  ];

  return (
    <Table<ImportColumn>
      rowKey="letter"
      size="small"
      columns={columns}
      dataSource={view.columns}
      pagination={false}
      scroll={{ x: 'max-content', y: view.columns.length > 12 ? 480 : undefined }}
      style={{ maxWidth: 760 }}
      data-testid="import-columns"
    />
  );
}
