// Step 2 of an import: what Lantern found in the file (sheet, title, header rows — the header row
// may be changed) and each column's field, which the person corrects; values for required fields the
// ledger has no column for (for monthly reports: the month, proposed from the title, and the state the
// reports take); and keeping the mapping for the unit's next ledgers.
import { useEffect, useState } from 'react';
import {
  Alert,
  Button,
  Card,
  DatePicker,
  Descriptions,
  InputNumber,
  Select,
  Table,
  Tag,
  Tooltip,
  Typography,
} from 'antd';
import { EditOutlined, SaveOutlined } from '@ant-design/icons';
import dayjs from 'dayjs';
import type {
  DefaultableField,
  ImportColumn,
  ImportView,
  LedgerField,
  MappingChange,
  ProjectDefaultableField,
  ReportImportState,
} from '../../api-imports';
import { FIELDS_OF, useImportsI18n } from '../../i18n-imports';
import { useProjectsI18n, type LabelTable } from '../../i18n-projects';
import { industryOptions } from '../projects/ProjectFilters';
import { useIndustries } from '../projects/shared';
import { STAGES, STAGE_LABELS } from '../../../../src/domain/projects/lifecycle';
import {
  APPROVAL_MODES,
  APPROVAL_MODE_LABELS,
  INVESTMENT_TYPES,
  INVESTMENT_TYPE_LABELS,
  LEVELS,
  LEVEL_LABELS,
  NATURES,
  NATURE_LABELS,
  PROJECT_KINDS,
  PROJECT_KIND_LABELS,
} from '../../../../src/domain/projects/project-fields';
import { periodInTitle } from '../../../../src/domain/exchange/report-columns';
import { LedgerTag, ReportStateSelect } from './shared';

/** The choices of each project field that may take one value for all rows (mapping.ts DEFAULTABLE_FIELDS). */
const DEFAULT_CHOICES: Record<
  Exclude<ProjectDefaultableField, 'industryCode'>,
  { values: readonly string[]; labels: LabelTable }
> = {
  stage: { values: STAGES, labels: STAGE_LABELS },
  nature: { values: NATURES, labels: NATURE_LABELS },
  kind: { values: PROJECT_KINDS, labels: PROJECT_KIND_LABELS },
  level: { values: LEVELS, labels: LEVEL_LABELS },
  investmentType: { values: INVESTMENT_TYPES, labels: INVESTMENT_TYPE_LABELS },
  approvalMode: { values: APPROVAL_MODES, labels: APPROVAL_MODE_LABELS },
};
/** Per kind of ledger, the fields one value may fill (column-sets.ts `defaultable`). */
const DEFAULTABLE: Record<ImportView['ledger'], ReadonlySet<string>> = {
  projects: new Set<string>([...Object.keys(DEFAULT_CHOICES), 'industryCode']),
  reports: new Set<string>(['reportPeriod']),
};

/** The mapping as the PUT body wants it: every column of the header, null where left out. */
export function mappingChange(view: ImportView): MappingChange {
  const columns: Record<string, LedgerField | null> = {};
  for (const c of view.columns) columns[c.letter] = view.mapping.columns[c.letter] ?? null;
  return { columns, defaults: { ...view.mapping.defaults } };
}

/** Whether (year, month) lies after the current month. */
const isFutureMonth = (d: dayjs.Dayjs) => d.isAfter(dayjs(), 'month');

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
  const { ti, tk, field, period: periodText } = useImportsI18n();
  const { label } = useProjectsI18n();
  const industries = useIndustries();
  const locked = busy || view.status === 'checking' || view.status === 'committing';
  const reports = view.ledger === 'reports';

  const fieldOptions = [
    { value: '', label: ti('imports.mapping.skip') },
    ...FIELDS_OF[view.ledger].map((f) => ({ value: f, label: field(f) })),
  ];

  // The header row being typed; a new header (another sheet, another row) starts it again.
  const [editingRow, setEditingRow] = useState(false);
  const [row, setRow] = useState<number | null>(view.headerRow);
  useEffect(() => {
    setRow(view.headerRow);
    setEditingRow(false);
  }, [view.id, view.sheet, view.headerRow]);
  const applyRow = () => {
    if (row && row !== view.headerRow) onHeaderRow(row);
  };

  const setColumn = (letter: string, next: LedgerField | null) => {
    const change = mappingChange(view);
    // A field belongs to one column: the column that had it lets it go.
    if (next) for (const l of Object.keys(change.columns)) if (change.columns[l] === next) change.columns[l] = null;
    change.columns[letter] = next;
    onChange(change);
  };

  const setDefault = (f: DefaultableField, value: string | null) => {
    const change = mappingChange(view);
    change.defaults = { ...change.defaults, [f]: value };
    onChange(change);
  };

  const setReportState = (reportState: ReportImportState) =>
    onChange({ ...mappingChange(view), options: { reportState } });

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

  // Required fields the ledger lacks, plus those already given a value for all rows. A report ledger
  // without a period or month column takes one month for all rows (proposed from the title).
  const defaultable = DEFAULTABLE[view.ledger];
  const mappedFields = new Set(Object.values(view.mapping.columns));
  const noPeriodColumn = reports && !mappedFields.has('reportPeriod') && !mappedFields.has('reportMonth');
  const defaultFields = [
    ...new Set([
      ...view.missingRequired,
      ...(Object.keys(view.mapping.defaults) as LedgerField[]),
      ...(noPeriodColumn ? (['reportPeriod'] as const) : []),
    ]),
  ].filter((f) => defaultable.has(f)) as DefaultableField[];
  const notDefaultable = view.missingRequired.filter((f) => !defaultable.has(f));
  const periodDefault = view.mapping.defaults.reportPeriod;
  const periodFromTitle = !!periodDefault && periodDefault === periodInTitle(view.title);

  const defaultOptions = (f: Exclude<DefaultableField, 'reportPeriod'>) =>
    f === 'industryCode'
      ? industryOptions(industries, false, (n) => n)
      : DEFAULT_CHOICES[f].values.map((v) => ({ value: v, label: label(DEFAULT_CHOICES[f].labels, v) }));

  const defaultControl = (f: DefaultableField) =>
    f === 'reportPeriod' ? (
      <DatePicker
        picker="month"
        size="small"
        allowClear
        placeholder={ti('imports.mapping.periodPlaceholder')}
        value={periodDefault ? dayjs(`${periodDefault}-01`) : null}
        format={(d) => periodText(d.format('YYYY-MM'))}
        disabledDate={isFutureMonth}
        disabled={locked}
        onChange={(d) => setDefault('reportPeriod', d ? d.format('YYYY-MM') : null)}
        style={{ width: 140 }}
        data-testid="import-default-reportPeriod"
      />
    ) : (
      <Select<string>
        size="small"
        allowClear
        showSearch={{ optionFilterProp: 'label' }}
        placeholder={ti('imports.mapping.defaultPlaceholder')}
        value={view.mapping.defaults[f] ?? undefined}
        options={defaultOptions(f)}
        disabled={locked}
        onChange={(v) => setDefault(f, v ?? null)}
        style={{ width: f === 'industryCode' ? 220 : 140 }}
        popupMatchSelectWidth={f === 'industryCode' ? 280 : undefined}
        data-testid={`import-default-${f}`}
      />
    );

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
            children: (
              <div>
                {headerRowControl}
                {editingRow && (
                  <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12, marginTop: 4 }}>
                    {headerRows} · {ti('imports.headerRowHint')}
                  </Typography.Text>
                )}
              </div>
            ),
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
      {(defaultFields.length > 0 || notDefaultable.length > 0) && (
        <Alert
          type={view.missingRequired.length ? 'warning' : 'info'}
          showIcon
          style={{ marginTop: 12 }}
          title={
            view.missingRequired.length
              ? tk('imports.mapping.missing', view.ledger, { fields: view.missingRequired.map(field).join('、') })
              : undefined
          }
          description={
            defaultFields.length > 0 && (
              <div>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {reports && noPeriodColumn
                    ? ti('imports.mapping.defaultsHint.reports')
                    : ti('imports.mapping.defaultsHint')}
                </Typography.Text>
                <div style={{ display: 'flex', flexWrap: 'wrap', gap: 12, marginTop: 8 }}>
                  {defaultFields.map((f) => (
                    <label key={f} style={{ display: 'flex', alignItems: 'center', flexWrap: 'wrap', gap: 6 }}>
                      <span>{field(f)}</span>
                      {defaultControl(f)}
                      {f === 'reportPeriod' && periodFromTitle && (
                        <Tooltip title={view.title}>
                          <Tag color="cyan" style={{ marginInlineEnd: 0 }} data-testid="import-period-from-title">
                            {ti('imports.mapping.periodFromTitle')}
                          </Tag>
                        </Tooltip>
                      )}
                    </label>
                  ))}
                </div>
              </div>
            )
          }
          data-testid="import-missing"
        />
      )}
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
