import type { CSSProperties, ReactNode } from 'react';
import { Button, Input, InputNumber, Select, Switch } from 'antd';
import { ClearOutlined } from '@ant-design/icons';
import type { Industries } from '../../api-projects';
import { useProjectsI18n } from '../../i18n-projects';
import type { UnitNode } from '../../units';
import { UnitTreeSelect } from '../../components/UnitTreeSelect';
import { STAGES, STAGE_LABELS } from '../../../../src/domain/projects/lifecycle';
import { LEVELS, LEVEL_LABELS } from '../../../../src/domain/projects/project-fields';
import { LISTS, LIST_LABELS } from '../../../../src/domain/projects/four-lists';
import { LIGHT_FILTERS, type ListState } from './listQuery';
import { LightDot } from '../lights/shared';

interface ProjectFiltersProps {
  state: ListState;
  onChange: (patch: ListState) => void;
  onReset: () => void;
  roots: UnitNode[];
  industries: Industries | null;
  /** Stacked one per row (inside the phone's drawer) instead of wrapping in a row. */
  stacked?: boolean;
}

/** Sections with their divisions as option groups; a section itself filters the whole section. */
export function industryOptions(
  industries: Industries | null,
  withSections: boolean,
  allLabel: (name: string) => string,
) {
  if (!industries) return [];
  return industries.sections.map((section) => ({
    label: `${section.code} ${section.name}`,
    title: section.name,
    options: [
      ...(withSections ? [{ value: section.code, label: allLabel(`${section.code} ${section.name}`) }] : []),
      ...industries.divisions
        .filter((division) => division.section === section.code)
        .map((division) => ({ value: division.code, label: `${division.code} ${division.name}` })),
    ],
  }));
}

const LIGHT_LABEL_KEYS = {
  red: 'projects.filter.lightRed',
  yellow: 'projects.filter.lightYellow',
  green: 'projects.filter.lightGreen',
  grey: 'projects.filter.lightGrey',
} as const;

/** Money text typed into a filter: digits with up to 4 decimals, else nothing. */
const wanOrUndefined = (value: string | number | null) => {
  const text = value === null ? '' : String(value).trim();
  return /^\d+(\.\d{1,4})?$/.test(text) ? text : undefined;
};

/** The filters of the project list; every change goes straight into the URL. */
export function ProjectFilters({ state, onChange, onReset, roots, industries, stacked = false }: ProjectFiltersProps) {
  const { tp, label } = useProjectsI18n();
  const thisYear = new Date().getFullYear();
  const width = (w: number): CSSProperties => (stacked ? { width: '100%' } : { width: w });
  const field = (title: string, control: ReactNode) =>
    stacked ? (
      <div style={{ display: 'flex', flexDirection: 'column', gap: 4 }}>
        <span style={{ color: 'rgba(0,0,0,0.55)', fontSize: 13 }}>{title}</span>
        {control}
      </div>
    ) : (
      control
    );
  const years = Array.from({ length: 8 }, (_, i) => thisYear - 4 + i);
  const statusOptions =
    state.list === 'start'
      ? [
          { value: 'started', label: tp('list.started') },
          { value: 'pending', label: tp('list.notStarted') },
        ]
      : [
          { value: 'done', label: tp('list.produced') },
          { value: 'pending', label: tp('list.notProduced') },
        ];

  return (
    <div
      style={
        stacked
          ? { display: 'flex', flexDirection: 'column', gap: 14 }
          : { display: 'flex', flexWrap: 'wrap', gap: 8, alignItems: 'center' }
      }
      data-testid="projects-filters"
    >
      {field(
        tp('projects.filter.unit'),
        <UnitTreeSelect
          roots={roots}
          value={state.unitId ? Number(state.unitId) : undefined}
          onChange={(id) => onChange({ unitId: id === undefined ? undefined : String(id) })}
          allowClear
          placeholder={tp('projects.filter.unit')}
          style={width(180)}
          data-testid="projects-filter-unit"
        />,
      )}
      {field(
        tp('projects.filter.stage'),
        <Select
          mode="multiple"
          allowClear
          maxTagCount="responsive"
          placeholder={tp('projects.filter.stage')}
          value={state.stage ? state.stage.split(',') : []}
          onChange={(stages: string[]) => onChange({ stage: stages.join(',') || undefined })}
          options={STAGES.map((stage) => ({ value: stage, label: label(STAGE_LABELS, stage) }))}
          style={width(200)}
          data-testid="projects-filter-stage"
        />,
      )}
      {field(
        tp('projects.filter.light'),
        <Select
          allowClear
          placeholder={tp('projects.filter.light')}
          value={state.light}
          onChange={(light?: string) => onChange({ light })}
          options={LIGHT_FILTERS.map((light) => ({
            value: light,
            label: (
              <span style={{ display: 'inline-flex', alignItems: 'center', gap: 6 }}>
                <LightDot colour={light} size={10} />
                {tp(LIGHT_LABEL_KEYS[light])}
              </span>
            ),
          }))}
          style={width(120)}
          data-testid="projects-filter-light"
        />,
      )}
      {field(
        tp('projects.filter.level'),
        <Select
          allowClear
          placeholder={tp('projects.filter.level')}
          value={state.level}
          onChange={(level?: string) => onChange({ level })}
          options={LEVELS.map((level) => ({ value: level, label: label(LEVEL_LABELS, level) }))}
          style={width(110)}
          data-testid="projects-filter-level"
        />,
      )}
      {field(
        tp('projects.filter.industry'),
        <Select
          allowClear
          showSearch={{ optionFilterProp: 'label' }}
          placeholder={tp('projects.filter.industry')}
          value={state.industry}
          onChange={(industry?: string) => onChange({ industry })}
          options={industryOptions(industries, true, (name) => tp('projects.filter.industryAll', { name }))}
          style={width(200)}
          popupMatchSelectWidth={280}
          data-testid="projects-filter-industry"
        />,
      )}
      {field(
        tp('projects.filter.tag'),
        <Input
          key={`tag-${state.tag ?? ''}`}
          allowClear
          defaultValue={state.tag}
          placeholder={stacked ? tp('projects.filter.tagPlaceholder') : tp('projects.filter.tag')}
          onPressEnter={(e) => onChange({ tag: e.currentTarget.value.trim() || undefined })}
          onBlur={(e) =>
            e.target.value.trim() !== (state.tag ?? '') && onChange({ tag: e.target.value.trim() || undefined })
          }
          onClear={() => onChange({ tag: undefined })}
          style={width(110)}
          data-testid="projects-filter-tag"
        />,
      )}
      {field(
        tp('projects.filter.investment'),
        <span style={{ display: 'inline-flex', alignItems: 'center', gap: 4, ...(stacked ? { width: '100%' } : {}) }}>
          {(['minInvestmentWan', 'maxInvestmentWan'] as const).map((key, index) => (
            <span key={key} style={{ display: 'contents' }}>
              {index === 1 && <span>–</span>}
              <InputNumber<string>
                key={`${key}-${state[key] ?? ''}`}
                stringMode
                min="0"
                defaultValue={state[key]}
                placeholder={`${tp(index === 0 ? 'projects.filter.min' : 'projects.filter.max')}${stacked ? '' : ` (${tp('p.wan')})`}`}
                onBlur={(e) => {
                  const next = wanOrUndefined(e.target.value);
                  if (next !== state[key]) onChange({ [key]: next });
                }}
                onPressEnter={(e) => onChange({ [key]: wanOrUndefined(e.currentTarget.value) })}
                style={stacked ? { flex: 1 } : { width: 120 }}
                data-testid={`projects-filter-${index === 0 ? 'min' : 'max'}`}
              />
            </span>
          ))}
        </span>,
      )}
      {field(
        tp('projects.filter.aboveYi'),
        <span style={{ display: 'inline-flex', alignItems: 'center', gap: 6 }}>
          <Switch
            size="small"
            checked={state.aboveYi === 'true'}
            onChange={(on) => onChange({ aboveYi: on ? 'true' : undefined })}
            data-testid="projects-filter-above-yi"
          />
          {!stacked && <span>{tp('projects.filter.aboveYi')}</span>}
        </span>,
      )}
      {field(
        tp('projects.filter.list'),
        <span style={{ display: 'inline-flex', gap: 4, flexWrap: 'wrap', ...(stacked ? { width: '100%' } : {}) }}>
          <Select
            allowClear
            placeholder={tp('projects.filter.list')}
            value={state.list}
            onChange={(list?: string) =>
              onChange({ list, year: list ? (state.year ?? String(thisYear)) : undefined, listStatus: undefined })
            }
            options={LISTS.map((list) => ({ value: list, label: label(LIST_LABELS, list) }))}
            style={stacked ? { flex: 2, minWidth: 110 } : { width: 120 }}
            data-testid="projects-filter-list"
          />
          {state.list && (
            <Select
              value={state.year ?? String(thisYear)}
              onChange={(year: string) => onChange({ year })}
              options={years.map((year) => ({ value: String(year), label: String(year) }))}
              style={stacked ? { flex: 1, minWidth: 80 } : { width: 90 }}
              data-testid="projects-filter-year"
            />
          )}
          {(state.list === 'start' || state.list === 'production') && (
            <Select
              allowClear
              placeholder={tp('projects.filter.all')}
              value={state.listStatus}
              onChange={(listStatus?: string) => onChange({ listStatus })}
              options={statusOptions}
              style={stacked ? { flex: 1, minWidth: 100 } : { width: 110 }}
              data-testid="projects-filter-list-status"
            />
          )}
        </span>,
      )}
      <Button icon={<ClearOutlined />} onClick={onReset} data-testid="projects-filter-reset">
        {tp('projects.resetFilters')}
      </Button>
    </div>
  );
}
