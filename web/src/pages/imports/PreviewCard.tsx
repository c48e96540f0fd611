// The first rows of the ledger as they will be stored: the row number, what happens to it (new,
// update, unchanged, error) and each mapped field's value, with the problems of a wrong cell. Fields
// given one value for all rows (a report's month) show that value.
import { Card, Table, Tooltip, Typography } from 'antd';
import type { ImportView, LedgerField, PreviewRow, RowError } from '../../api-imports';
import { useImportsI18n } from '../../i18n-imports';
import { RowActionTag } from './shared';

const letterOf = (cell: string) => cell.replace(/\d+$/, '');

export function PreviewCard({ view, preview }: { view: ImportView; preview: PreviewRow[] }) {
  const { ti, tk, field, period } = useImportsI18n();

  // Mapped columns in sheet order, then the fields given one value for all rows.
  const mapped = view.columns
    .filter((c) => view.mapping.columns[c.letter])
    .map((c) => ({ letter: c.letter as string | null, header: c.header, field: view.mapping.columns[c.letter]! }));
  const defaults = (Object.keys(view.mapping.defaults) as LedgerField[])
    .filter((f) => !mapped.some((m) => m.field === f))
    .map((f) => ({ letter: null, header: '', field: f }));
  /** A default as read, for rows whose display lacks it (a report's month is applied when checking). */
  const defaultText = (f: LedgerField) => {
    const value = view.mapping.defaults.reportPeriod;
    return f === 'reportPeriod' && value ? period(value) : '';
  };
  // A report's month given for all rows leads: it says which month each row files.
  const fields = view.ledger === 'reports' ? [...defaults, ...mapped] : [...mapped, ...defaults];

  const columns = [
    { key: 'row', title: ti('imports.preview.row'), dataIndex: 'row', width: 56, fixed: 'left' as const },
    {
      key: 'action',
      title: ti('imports.preview.action'),
      width: 72,
      render: (_: unknown, r: PreviewRow) => <RowActionTag action={r.action} />,
    },
    ...fields.map((f) => ({
      key: f.field,
      title: (
        <Tooltip title={f.letter ? `${f.letter} · ${f.header}` : ti('imports.preview.allRows')}>
          <span style={{ whiteSpace: 'nowrap' }}>
            {field(f.field)}
            {f.letter && (
              <Typography.Text type="secondary" style={{ fontSize: 11, marginInlineStart: 4 }}>
                {f.letter}
              </Typography.Text>
            )}
          </span>
        </Tooltip>
      ),
      render: (_: unknown, r: PreviewRow) => {
        const errors = f.letter ? r.errors.filter((e) => letterOf(e.cell) === f.letter) : [];
        const text = r.display[f.field] ?? (f.letter ? '' : defaultText(f.field));
        if (errors.length) {
          return (
            <Tooltip title={errors.map((e) => e.message).join('；')}>
              <Typography.Text
                type="danger"
                style={{ whiteSpace: 'nowrap' }}
                data-testid={`import-preview-error-${errors[0]!.cell}`}
              >
                {text || '—'} ⚠
              </Typography.Text>
            </Tooltip>
          );
        }
        return (
          <span
            style={{
              whiteSpace: 'nowrap',
              maxWidth: 260,
              display: 'inline-block',
              overflow: 'hidden',
              textOverflow: 'ellipsis',
              verticalAlign: 'bottom',
            }}
            title={text}
          >
            {text}
          </span>
        );
      },
    })),
    {
      key: 'problems',
      title: ti('imports.errors.message'),
      render: (_: unknown, r: PreviewRow) =>
        r.errors.length ? (
          <Typography.Text type="danger" style={{ fontSize: 12, display: 'block', minWidth: 200, maxWidth: 360 }}>
            {r.errors.map((e: RowError) => `${e.cell}：${e.message}`).join('；')}
          </Typography.Text>
        ) : null,
    },
  ];

  return (
    <Card
      size="small"
      title={ti('imports.preview.title')}
      extra={
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {ti('imports.preview.hint', { n: preview.length })}
        </Typography.Text>
      }
      style={{ marginBottom: 16 }}
      data-testid="import-preview"
      data-ledger={view.ledger}
    >
      <Table<PreviewRow>
        rowKey="row"
        size="small"
        columns={columns}
        dataSource={preview}
        pagination={false}
        scroll={{ x: 'max-content' }}
        locale={{ emptyText: tk('imports.preview.empty', view.ledger) }}
      />
    </Card>
  );
}
