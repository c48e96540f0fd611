// Step 2 of an import, the values for all rows: required fields the ledger has no column for, and
// those already given one value (for monthly reports: the month, proposed from the title).
import { Alert, DatePicker, Select, Tag, Tooltip, Typography } from 'antd';
import dayjs from 'dayjs';
import type {
  DefaultableField,
  ImportView,
  LedgerField,
  MappingChange,
  ProjectDefaultableField,
} from '../../api-imports';
import { useImportsI18n } from '../../i18n-imports';
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
import { mappingChange } from './mappingChange';
import { countyNow } from '../../today';

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
  enterprises: new Set<string>(),
  deals: new Set<string>(),
};

/** Whether (year, month) lies after the current month. */
const isFutureMonth = (d: dayjs.Dayjs) => d.isAfter(countyNow(), 'month');

interface MappingDefaultsProps {
  view: ImportView;
  /** The mapping may not change now. */
  locked: boolean;
  onChange: (change: MappingChange) => void;
}

/** The values for all rows, in an alert under the columns; nothing when no field needs one. */
export function MappingDefaults({ view, locked, onChange }: MappingDefaultsProps) {
  const { ti, tk, field, period: periodText } = useImportsI18n();
  const { label } = useProjectsI18n();
  const industries = useIndustries();
  const reports = view.ledger === 'reports';

  const setDefault = (f: DefaultableField, value: string | null) => {
    const change = mappingChange(view);
    change.defaults = { ...change.defaults, [f]: value };
    onChange(change);
  };

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

  if (defaultFields.length === 0 && notDefaultable.length === 0) return null;
  return (
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
  );
}
