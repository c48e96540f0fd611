import { Button, Checkbox, Popover, type TableColumnsType } from 'antd';
import { SettingOutlined } from '@ant-design/icons';
import type { ProjectSummary } from '../../api-projects';
import { formatTime } from '../../format';
import { useProjectsI18n, type ProjectMessageKey, type ProjectsI18n } from '../../i18n-projects';
import { Link } from '../../components/Link';
import { formatWan } from '../../../../src/domain/money/money';
import { COLUMN_KEYS, SORTABLE, type ColumnKey } from './listQuery';
import { LevelTags, StageTag } from './shared';
import { LightDot } from '../lights/shared';

export const COLUMN_TITLES: Record<ColumnKey, ProjectMessageKey> = {
  name: 'col.name',
  code: 'col.code',
  stage: 'col.stage',
  leadUnit: 'col.leadUnit',
  township: 'col.township',
  industry: 'col.industry',
  level: 'col.level',
  totalInvestment: 'col.totalInvestment',
  plannedStartDate: 'col.plannedStart',
  actualStartDate: 'col.actualStart',
  plannedProductionDate: 'col.plannedProduction',
  updatedAt: 'col.updatedAt',
};

const dash = (value: string | null | undefined) => value || '—';

/** The table columns in the chosen set, with the server-side sort shown on its header. */
export function projectColumns(
  { tp, lang }: ProjectsI18n,
  chosen: ColumnKey[],
  sort: { key?: string; order?: string },
  isPhone: boolean,
): TableColumnsType<ProjectSummary> {
  const all: Record<ColumnKey, TableColumnsType<ProjectSummary>[number]> = {
    name: {
      dataIndex: 'name',
      width: isPhone ? 170 : 260,
      fixed: 'left',
      render: (name: string, p) => (
        <Link to={`/projects/${p.id}`} data-testid={`project-link-${p.id}`}>
          {name}
        </Link>
      ),
    },
    code: { dataIndex: 'code', width: 220, render: dash },
    stage: {
      dataIndex: 'stage',
      width: lang === 'en' ? 150 : 90,
      render: (_: unknown, p) => (
        <span style={{ whiteSpace: 'nowrap' }}>
          <LightDot colour={p.light} size={10} style={{ marginRight: 6 }} />
          <StageTag stage={p.stage} />
        </span>
      ),
    },
    leadUnit: { dataIndex: 'leadUnitName', width: 140, ellipsis: true },
    township: { dataIndex: 'townshipName', width: 110, ellipsis: true, render: dash },
    industry: {
      dataIndex: 'industryName',
      width: 160,
      ellipsis: true,
      render: (name: string | null, p) => (name ? `${p.industryCode} ${name}` : p.industryCode),
    },
    level: {
      dataIndex: 'level',
      width: lang === 'en' ? 190 : 150,
      render: (_: unknown, p) => <LevelTags level={p.level} aboveYi={p.isAboveYi} />,
    },
    totalInvestment: {
      dataIndex: 'totalInvestmentYuan',
      width: 140,
      align: 'right',
      render: (yuan: number) => <span style={{ fontVariantNumeric: 'tabular-nums' }}>{formatWan(yuan)}</span>,
    },
    plannedStartDate: { dataIndex: 'plannedStartDate', width: 110, render: dash },
    actualStartDate: { dataIndex: 'actualStartDate', width: 110, render: dash },
    plannedProductionDate: { dataIndex: 'plannedProductionDate', width: 110, render: dash },
    updatedAt: { dataIndex: 'updatedAt', width: 150, render: (at: string) => formatTime(at) },
  };
  return chosen.map((key) => ({
    ...all[key],
    key,
    title: tp(COLUMN_TITLES[key]),
    ...(isPhone && key === 'name' ? { fixed: undefined } : {}),
    ...(SORTABLE.has(key)
      ? {
          sorter: true,
          sortOrder: sort.key === key ? (sort.order === 'asc' ? 'ascend' : 'descend') : null,
        }
      : {}),
  }));
}

/** A 显示列 button with a checkbox per column; the name always stays. */
export function ColumnChooser({ chosen, onChange }: { chosen: ColumnKey[]; onChange: (next: ColumnKey[]) => void }) {
  const { tp } = useProjectsI18n();
  const content = (
    <Checkbox.Group
      value={chosen}
      onChange={(values) => onChange(COLUMN_KEYS.filter((key) => key === 'name' || values.includes(key)))}
      style={{ display: 'flex', flexDirection: 'column', gap: 6 }}
      data-testid="projects-columns"
    >
      {COLUMN_KEYS.map((key) => (
        <Checkbox key={key} value={key} disabled={key === 'name'} data-testid={`projects-column-${key}`}>
          {tp(COLUMN_TITLES[key])}
        </Checkbox>
      ))}
    </Checkbox.Group>
  );
  return (
    <Popover content={content} trigger="click" placement="bottomRight" title={tp('projects.columns')}>
      <Button icon={<SettingOutlined />} data-testid="projects-columns-button">
        {tp('projects.columns')}
      </Button>
    </Popover>
  );
}
