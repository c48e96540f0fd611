// Step 2 of an import: what Lantern found in the file (sheet, title, header rows) and each column's
// field, which the person corrects; values for required fields the ledger has no column for; and
// keeping the mapping for the unit's next ledgers.
import { Alert, Button, Card, Descriptions, Select, Table, Tag, Tooltip, Typography } from 'antd';
import { SaveOutlined } from '@ant-design/icons';
import type { DefaultableField, ImportColumn, ImportView, MappingChange, ProjectField } from '../../api-imports';
import { PROJECT_FIELDS, useImportsI18n } from '../../i18n-imports';
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

/** The choices of each field that may take one value for all rows (mapping.ts DEFAULTABLE_FIELDS). */
const DEFAULT_CHOICES: Record<Exclude<DefaultableField, 'industryCode'>, { values: readonly string[]; labels: LabelTable }> = {
  stage: { values: STAGES, labels: STAGE_LABELS },
  nature: { values: NATURES, labels: NATURE_LABELS },
  kind: { values: PROJECT_KINDS, labels: PROJECT_KIND_LABELS },
  level: { values: LEVELS, labels: LEVEL_LABELS },
  investmentType: { values: INVESTMENT_TYPES, labels: INVESTMENT_TYPE_LABELS },
  approvalMode: { values: APPROVAL_MODES, labels: APPROVAL_MODE_LABELS },
};
const DEFAULTABLE = new Set<string>([...Object.keys(DEFAULT_CHOICES), 'industryCode']);

/** The mapping as the PUT body wants it: every column of the header, null where left out. */
export function mappingChange(view: ImportView): MappingChange {
  const columns: Record<string, ProjectField | null> = {};
  for (const c of view.columns) columns[c.letter] = view.mapping.columns[c.letter] ?? null;
  return { columns, defaults: { ...view.mapping.defaults } };
}

interface MappingCardProps {
  view: ImportView;
  /** A request changing the mapping is under way. */
  busy: boolean;
  isPhone: boolean;
  onChange: (change: MappingChange) => void;
  /** Keeps the current mapping for the unit. */
  onSave: () => void;
  onSheet: (sheet: string) => void;
}

export function MappingCard({ view, busy, isPhone, onChange, onSave, onSheet }: MappingCardProps) {
  const { ti, field } = useImportsI18n();
  const { label } = useProjectsI18n();
  const industries = useIndustries();
  const locked = busy || view.status === 'checking' || view.status === 'committing';

  const fieldOptions = [
    { value: '', label: ti('imports.mapping.skip') },
    ...PROJECT_FIELDS.map((f) => ({ value: f, label: field(f) })),
  ];

  const setColumn = (letter: string, next: ProjectField | null) => {
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

  const columns = [
    { key: 'letter', title: ti('imports.mapping.letter'), dataIndex: 'letter', width: 52, render: (letter: string) => <Typography.Text code>{letter}</Typography.Text> },
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
              onChange={(next) => setColumn(c.letter, (next || null) as ProjectField | null)}
              // A column the person changed shows in gold (on a phone instead of the 已改 tag).
              style={{ width: isPhone ? 132 : 180, flex: 'none', ...(changed && current ? { boxShadow: '0 0 0 1px #faad14', borderRadius: 4 } : {}) }}
              popupMatchSelectWidth={200}
              aria-label={`${c.letter} ${c.header}`}
              data-testid={`import-map-${c.letter}`}
            />
            {changed && current && !isPhone && <Tag color="gold" style={{ marginInlineEnd: 0 }}>{ti('imports.mapping.changed')}</Tag>}
            {!current && !c.proposedField && !isPhone && (
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {ti('imports.mapping.unrecognised')}
              </Typography.Text>
            )}
          </div>
        );
      },
    },
  ];

  // Required fields the ledger lacks, plus those already given a value for all rows.
  const defaultFields = [...new Set([...view.missingRequired, ...(Object.keys(view.mapping.defaults) as ProjectField[])])].filter((f) => DEFAULTABLE.has(f)) as DefaultableField[];
  const notDefaultable = view.missingRequired.filter((f) => !DEFAULTABLE.has(f));

  const defaultOptions = (f: DefaultableField) =>
    f === 'industryCode'
      ? industryOptions(industries, false, (n) => n)
      : DEFAULT_CHOICES[f].values.map((v) => ({ value: v, label: label(DEFAULT_CHOICES[f].labels, v) }));

  const unit = view.unitName ?? '';
  return (
    <Card size="small" title={ti('imports.mapping.title')} style={{ marginBottom: 16 }} data-testid="import-mapping">
      <Descriptions
        size="small"
        column={isPhone ? 1 : 3}
        style={{ marginBottom: 12 }}
        items={[
          { key: 'file', label: ti('imports.file'), children: <span style={{ wordBreak: 'break-all' }} data-testid="import-file-name">{view.fileName}</span> },
          {
            key: 'sheet',
            label: ti('imports.sheet'),
            children:
              view.sheets.length > 1 ? (
                <Select size="small" value={view.sheet ?? undefined} options={view.sheets.map((s) => ({ value: s, label: s }))} onChange={onSheet} disabled={locked} style={{ minWidth: 140 }} data-testid="import-sheet" />
              ) : (
                <span data-testid="import-sheet">{view.sheet}</span>
              ),
          },
          {
            key: 'header',
            label: ti('imports.headerRow'),
            children: (
              <span data-testid="import-header-rows">
                {ti('imports.headerRows', { rows: view.headerRows.join('–') })}
                {view.dataStartRow !== null && <Typography.Text type="secondary">{` · ${ti('imports.dataStart', { row: view.dataStartRow })}`}</Typography.Text>}
              </span>
            ),
          },
          ...(view.title ? [{ key: 'title', label: ti('imports.sheetTitle'), children: <span data-testid="import-title">{view.title}</span>, span: isPhone ? 1 : 3 }] : []),
        ]}
      />
      <Typography.Paragraph type="secondary" style={{ fontSize: 12, marginBottom: 8 }}>
        {ti('imports.mapping.hint')}
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
          title={view.missingRequired.length ? ti('imports.mapping.missing', { fields: view.missingRequired.map(field).join('、') }) : undefined}
          description={
            defaultFields.length > 0 && (
              <div>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {ti('imports.mapping.defaultsHint')}
                </Typography.Text>
                <div style={{ display: 'flex', flexWrap: 'wrap', gap: 12, marginTop: 8 }}>
                  {defaultFields.map((f) => (
                    <label key={f} style={{ display: 'flex', alignItems: 'center', gap: 6 }}>
                      <span>{field(f)}</span>
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
