// Step 2 of an import: what Lantern found in the file (sheet, title, header rows — the header row
// may be changed) and each column's field, which the person corrects; values for required fields the
// ledger has no column for (for monthly reports: the month, proposed from the title, and the state the
// reports take); and keeping the mapping for the unit's next ledgers. The columns, the header row and
// the values for all rows are their own components in this folder.
import { Button, Card, Descriptions, Select, Tooltip, Typography } from 'antd';
import { SaveOutlined } from '@ant-design/icons';
import type { ImportView, MappingChange, ReportImportState } from '../../api-imports';
import { useImportsI18n } from '../../i18n-imports';
import { ColumnMappingTable } from './ColumnMappingTable';
import { HeaderRowField } from './HeaderRowField';
import { mappingChange } from './mappingChange';
import { MappingDefaults } from './MappingDefaults';
import { LedgerTag, ReportStateSelect } from './shared';
import { useHeaderRowEdit } from './useHeaderRowEdit';

export { mappingChange };

interface MappingCardProps {
  view: ImportView;
  /** A request changing the mapping is under way. */
  busy: boolean;
  isPhone: boolean;
  onChange: (change: MappingChange) => void;
  /** Keeps the current mapping for the unit. */
  onSave: () => void;
  onSheet: (sheet: string) => void;
  /** Reads the header again from another row. */
  onHeaderRow: (row: number) => void;
  /** Whether the person may import approved reports (report.review). */
  canReview: boolean;
}

export function MappingCard({
  view,
  busy,
  isPhone,
  onChange,
  onSave,
  onSheet,
  onHeaderRow,
  canReview,
}: MappingCardProps) {
  const { ti, tk } = useImportsI18n();
  const locked = busy || view.status === 'checking' || view.status === 'committing';
  const reports = view.ledger === 'reports';
  const headerRowEdit = useHeaderRowEdit(view, onHeaderRow);

  const setReportState = (reportState: ReportImportState) =>
    onChange({ ...mappingChange(view), options: { reportState } });

  const unit = view.unitName ?? '';
  return (
    <Card size="small" title={ti('imports.mapping.title')} style={{ marginBottom: 16 }} data-testid="import-mapping">
      <Descriptions
        size="small"
        column={isPhone ? 1 : 3}
        style={{ marginBottom: 12 }}
        items={[
          {
            key: 'file',
            label: ti('imports.file'),
            children: (
              <span style={{ wordBreak: 'break-all' }} data-testid="import-file-name">
                {view.fileName}
              </span>
            ),
          },
          {
            key: 'sheet',
            label: ti('imports.sheet'),
            children:
              view.sheets.length > 1 ? (
                <Select
                  size="small"
                  value={view.sheet ?? undefined}
                  options={view.sheets.map((s) => ({ value: s, label: s }))}
                  onChange={onSheet}
                  disabled={locked}
                  style={{ minWidth: 140 }}
                  data-testid="import-sheet"
                />
              ) : (
                <span data-testid="import-sheet">{view.sheet}</span>
              ),
          },
          {
            key: 'header',
            label: ti('imports.headerRow'),
            children: <HeaderRowField view={view} busy={busy} locked={locked} edit={headerRowEdit} />,
          },
          {
            key: 'ledger',
            label: ti('imports.ledger'),
            children: (
              <span style={{ display: 'inline-flex', alignItems: 'center', flexWrap: 'wrap', gap: 8 }}>
                <LedgerTag ledger={view.ledger} testId="import-ledger-kind" />
                {reports && (
                  <Tooltip title={ti(`imports.reportStateHint.${view.options.reportState ?? 'submitted'}`)}>
                    <span>
                      <ReportStateSelect
                        value={view.options.reportState}
                        canReview={canReview}
                        disabled={locked}
                        onChange={setReportState}
                        size="small"
                        testId="import-mapping-report-state"
                      />
                    </span>
                  </Tooltip>
                )}
              </span>
            ),
          },
          ...(view.title
            ? [
                {
                  key: 'title',
                  label: ti('imports.sheetTitle'),
                  children: (
                    <span style={{ wordBreak: 'break-all' }} data-testid="import-title">
                      {view.title}
                    </span>
                  ),
                  span: 'filled' as const,
                },
              ]
            : []),
        ]}
      />
      <Typography.Paragraph type="secondary" style={{ fontSize: 12, marginBottom: 8 }}>
        {tk('imports.mapping.hint', view.ledger)}
      </Typography.Paragraph>
      <ColumnMappingTable view={view} locked={locked} isPhone={isPhone} onChange={onChange} />
      <MappingDefaults view={view} locked={locked} onChange={onChange} />
      <div style={{ display: 'flex', alignItems: 'center', flexWrap: 'wrap', gap: 8, marginTop: 12 }}>
        <Tooltip title={ti('imports.mapping.saveHint', { unit })}>
          <Button icon={<SaveOutlined />} onClick={onSave} disabled={locked} data-testid="import-save-mapping">
            {ti('imports.mapping.save')}
          </Button>
        </Tooltip>
        {busy && (
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {ti('imports.mapping.updating')}
          </Typography.Text>
        )}
      </div>
    </Card>
  );
}
