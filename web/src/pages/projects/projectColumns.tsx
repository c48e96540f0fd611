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

/** The reasons of a project's light, one short line each with its colour's dot, as the light card words them. */
export function LightReasons({ project, lang }: { project: ProjectSummary; lang: ProjectsI18n['lang'] }) {
  if (project.lightReasons.length === 0) return <span>—</span>;
  return (
    <ul style={{ margin: 0, padding: 0, listStyle: 'none' }} data-testid={`project-reasons-${project.id}`}>
      {project.lightReasons.map((r) => (
        <li key={`${r.dimension}-${r.code}`} style={{ display: 'flex', gap: 6, lineHeight: 1.5, fontSize: 13 }}>
          <LightDot colour={r.colour} size={8} style={{ marginTop: 6, flex: 'none' }} />
          <span>{r.text[lang]}</span>
        </li>
      ))}
    </ul>
  );
}

/** The table columns in the chosen set, with the server-side sort shown on its header. */
export function projectColumns(
  { tp, lang }: ProjectsI18n,
  chosen: ColumnKey[],
  sort: { key?: string; order?: string },
  isPhone: boolean,
  { reasons = false }: { reasons?: boolean } = {},
): TableColumnsType<ProjectSummary> {
  const all: Record<ColumnKey, TableColumnsType<ProjectSummary>[number]> = {
    name: {
      dataIndex: 'name',
      width: isPhone ? 170 : 260,
      fixed: 'left',
      render: (name: string, p) => (
        <>
          <Link to={`/projects/${p.id}`} data-testid={`project-link-${p.id}`}>
            {name}
          </Link>
          {/* On a phone the reasons go under the name, like a card, instead of a wide column. */}
          {reasons && isPhone && (
            <div style={{ marginTop: 4, whiteSpace: 'normal' }}>
              <LightReasons project={p} lang={lang} />
            </div>
          )}
        </>
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
  const shown: TableColumnsType<ProjectSummary> = chosen.map((key) => ({
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
  // The red (or yellow) list: 亮灯原因 right after the name, where the eye is.
  if (reasons && !isPhone)
    shown.splice(1, 0, {
      key: 'lightReasons',
      title: tp('col.lightReasons'),
      width: 300,
      render: (_: unknown, p) => <LightReasons project={p} lang={lang} />,
    });
  return shown;
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
