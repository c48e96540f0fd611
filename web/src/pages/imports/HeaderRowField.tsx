// Step 2 of an import, the header row: which rows Lantern read as the header and where the data
// starts, and typing another row to read the header from.
import { Button, InputNumber, Tooltip, Typography } from 'antd';
import { EditOutlined } from '@ant-design/icons';
import type { ImportView } from '../../api-imports';
import { useImportsI18n } from '../../i18n-imports';
import type { HeaderRowEdit } from './useHeaderRowEdit';

interface HeaderRowFieldProps {
  view: ImportView;
  /** A request changing the mapping is under way. */
  busy: boolean;
  /** The mapping may not change now. */
  locked: boolean;
  edit: HeaderRowEdit;
}

export function HeaderRowField({ view, busy, locked, edit }: HeaderRowFieldProps) {
  const { ti } = useImportsI18n();
  const { editingRow, setEditingRow, row, setRow, applyRow } = edit;

  const headerRows = (
    <span data-testid="import-header-rows">
      {ti('imports.headerRows', { rows: view.headerRows.join('–') })}
      {view.dataStartRow !== null && (
        <Typography.Text type="secondary">{` · ${ti('imports.dataStart', { row: view.dataStartRow })}`}</Typography.Text>
      )}
    </span>
  );
  const headerRowControl = editingRow ? (
    <span style={{ display: 'inline-flex', alignItems: 'center', flexWrap: 'wrap', gap: 6 }}>
      <InputNumber<number>
        size="small"
        min={1}
        max={1000}
        precision={0}
        value={row}
        onChange={setRow}
        onPressEnter={applyRow}
        prefix={ti('imports.headerRow.prefix')}
        suffix={ti('imports.headerRow.suffix') || undefined}
        disabled={locked}
        autoFocus
        style={{ width: 104 }}
        aria-label={ti('imports.headerRow')}
        data-testid="import-header-row-input"
      />
      <Button
        size="small"
        type="primary"
        onClick={applyRow}
        disabled={locked || !row || row === view.headerRow}
        loading={busy}
        data-testid="import-header-row-apply"
      >
        {ti('imports.headerRow.apply')}
      </Button>
      <Button size="small" type="text" onClick={() => (setEditingRow(false), setRow(view.headerRow))} disabled={busy}>
        {ti('imports.headerRow.cancel')}
      </Button>
    </span>
  ) : (
    <span style={{ display: 'inline-flex', alignItems: 'baseline', flexWrap: 'wrap', columnGap: 8 }}>
      {headerRows}
      <Tooltip title={ti('imports.headerRowHint')}>
        <Button
          size="small"
          type="link"
          icon={<EditOutlined />}
          onClick={() => setEditingRow(true)}
          disabled={locked}
          style={{ padding: 0, height: 'auto' }}
          data-testid="import-header-row-edit"
        >
          {ti('imports.headerRow.edit')}
        </Button>
      </Tooltip>
    </span>
  );

  return (
    <div>
      {headerRowControl}
      {editingRow && (
        <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12, marginTop: 4 }}>
          {headerRows} · {ti('imports.headerRowHint')}
        </Typography.Text>
      )}
    </div>
  );
}
