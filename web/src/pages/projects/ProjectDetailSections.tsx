import { localDate } from '../../../../src/domain/calendar/local-date';
import type { ReactNode } from 'react';
import { Card, Descriptions, Grid, Table, Tag, Typography, type DescriptionsProps } from 'antd';
import type { ProjectDetail } from '../../api-projects';
import { formatTime } from '../../format';
import { useProjectsI18n, type ProjectsI18n } from '../../i18n-projects';
import { formatMoney, formatWan, sumYuan } from '../../../../src/domain/money/money';
import {
  APPROVAL_MODE_LABELS,
  INVESTMENT_TYPE_LABELS,
  MILESTONES,
  MILESTONE_LABELS,
  NATURE_LABELS,
  PROJECT_KIND_LABELS,
  type Milestone,
} from '../../../../src/domain/projects/project-fields';
import { LevelTags } from './shared';

type Items = NonNullable<DescriptionsProps['items']>;

const text = (value: ReactNode) => (value === null || value === undefined || value === '' ? '—' : value);

function Group({ title, items, testId, extra }: { title: string; items: Items; testId: string; extra?: ReactNode }) {
  const isPhone = Grid.useBreakpoint().sm === false;
  return (
    <Card title={title} size="small" data-testid={testId} style={{ marginBottom: 16 }}>
      <Descriptions
        size="small"
        bordered
        column={{ xs: 1, sm: 2, xxl: 3 }}
        items={items.map((item) => ({ ...item, children: text(item.children) }))}
        styles={{ label: isPhone ? { width: 100, padding: '8px 10px' } : { width: 130, whiteSpace: 'nowrap' } }}
      />
      {extra}
    </Card>
  );
}

export const milestoneField = (kind: 'planned' | 'actual', m: Milestone) =>
  `${kind}${m[0]!.toUpperCase()}${m.slice(1)}Date` as `${'planned' | 'actual'}${Capitalize<Milestone>}Date`;

const daysBetween = (a: string, b: string) => Math.round((Date.parse(b) - Date.parse(a)) / 86_400_000);

function deviation({ tp }: ProjectsI18n, planned: string | null, actual: string | null, today: string): ReactNode {
  if (planned && actual) {
    const days = daysBetween(planned, actual);
    if (days === 0) return <Tag color="green">{tp('p.onTime')}</Tag>;
    return days > 0 ? (
      <Tag color="orange">{tp('p.daysLate', { days })}</Tag>
    ) : (
      <Tag color="green">{tp('p.daysEarly', { days: -days })}</Tag>
    );
  }
  if (planned && !actual && planned < today) return <Tag color="orange">{tp('p.overdue')}</Tag>;
  return '—';
}

/** 基本信息, 参建单位, 投资, 进度计划, 要素 and 标签 of one project. */
export function ProjectDetailSections({ project: p }: { project: ProjectDetail }) {
  const i18n = useProjectsI18n();
  const { tp, label, lang } = i18n;
  const today = localDate(new Date());
  const industry = p.industryName
    ? `${p.industryCode} ${p.industryName}${p.sectionName ? `（${p.sectionName}）` : ''}`
    : p.industryCode;

  const basic: Items = [
    { key: 'name', label: tp('p.name'), children: p.name, span: 'filled' },
    { key: 'code', label: tp('p.code'), children: p.code && <Typography.Text copyable>{p.code}</Typography.Text> },
    { key: 'internalNo', label: tp('p.internalNo'), children: p.internalNo },
    { key: 'nature', label: tp('p.nature'), children: label(NATURE_LABELS, p.nature) },
    { key: 'kind', label: tp('p.kind'), children: label(PROJECT_KIND_LABELS, p.kind) },
    { key: 'industry', label: tp('p.industry'), children: industry },
    {
      key: 'level',
      label: tp('p.level'),
      children: p.level || p.isAboveYi ? <LevelTags level={p.level} aboveYi={p.isAboveYi} /> : tp('p.noLevel'),
    },
    { key: 'investmentType', label: tp('p.investmentType'), children: label(INVESTMENT_TYPE_LABELS, p.investmentType) },
    { key: 'approvalMode', label: tp('p.approvalMode'), children: label(APPROVAL_MODE_LABELS, p.approvalMode) },
    { key: 'createdAt', label: tp('p.createdAt'), children: formatTime(p.createdAt) },
  ];
  const parties: Items = [
    { key: 'leadUnit', label: tp('p.leadUnit'), children: p.leadUnitName },
    { key: 'township', label: tp('p.township'), children: p.townshipName },
    { key: 'patronLeader', label: tp('p.patronLeader'), children: p.patronLeader },
    { key: 'ownerName', label: tp('p.ownerName'), children: p.ownerName },
    { key: 'ownerCreditCode', label: tp('p.ownerCreditCode'), children: p.ownerCreditCode },
    { key: 'contact', label: tp('p.contact'), children: p.contact },
  ];
  const planSum = sumYuan(p.annualPlans.map((plan) => plan.amountYuan));
  const investment: Items = [
    {
      key: 'total',
      label: tp('p.totalInvestment'),
      children: (
        <span data-testid="project-total-investment">
          {formatWan(p.totalInvestmentYuan)} {tp('p.wan')}
          {p.totalInvestmentYuan >= 100_000_000 && lang === 'zh-CN' && (
            <Typography.Text type="secondary">（{formatMoney(p.totalInvestmentYuan)}）</Typography.Text>
          )}
        </span>
      ),
    },
    {
      key: 'fixed',
      label: tp('p.fixedAssetInvestment'),
      children: p.fixedAssetInvestmentYuan === null ? null : `${formatWan(p.fixedAssetInvestmentYuan)} ${tp('p.wan')}`,
    },
    { key: 'level', label: tp('p.aboveYi'), children: p.isAboveYi ? '✓' : '—' },
  ];
  const factors: Items = [
    {
      key: 'land',
      label: tp('p.landAreaMu'),
      children: p.landAreaMu === null ? null : `${p.landAreaMu.toFixed(2)} ${tp('p.mu')}`,
    },
    { key: 'address', label: tp('p.address'), children: p.address },
    {
      key: 'position',
      label: `${tp('p.longitude')} / ${tp('p.latitude')}`,
      children: p.longitude !== null && p.latitude !== null ? `${p.longitude}, ${p.latitude}` : null,
    },
  ];

  const schedule = MILESTONES.map((m) => ({
    key: m,
    milestone: label(MILESTONE_LABELS, m),
    planned: p[milestoneField('planned', m)],
    actual: p[milestoneField('actual', m)],
  }));

  return (
    <>
      <Group title={tp('p.group.basic')} items={basic} testId="project-basic" />
      <Group title={tp('p.group.parties')} items={parties} testId="project-parties" />
      <Group
        title={tp('p.group.investment')}
        items={investment}
        testId="project-investment"
        extra={
          p.annualPlans.length > 0 && (
            <Table
              style={{ marginTop: 12 }}
              size="small"
              rowKey="year"
              pagination={false}
              dataSource={p.annualPlans}
              data-testid="project-annual-plans"
              columns={[
                { title: tp('p.year'), dataIndex: 'year', key: 'year', width: 100 },
                {
                  title: tp('p.amountWan'),
                  dataIndex: 'amountYuan',
                  key: 'amount',
                  align: 'right',
                  render: (y: number) => formatWan(y),
                },
                {
                  title: tp('p.curve'),
                  dataIndex: 'monthlyCurve',
                  key: 'curve',
                  // The quarter ends are enough to read the shape; the form shows all twelve.
                  render: (c: number[] | null | undefined) =>
                    c ? (
                      [3, 6, 9, 12].map((m) => `${tp('curve.month', { m })} ${c[m - 1]}%`).join(' · ')
                    ) : (
                      <span style={{ color: '#8c8c8c' }}>{tp('p.curveEven')}</span>
                    ),
                },
              ]}
              summary={() => (
                <Table.Summary.Row>
                  <Table.Summary.Cell index={0}>∑</Table.Summary.Cell>
                  <Table.Summary.Cell index={1} align="right">
                    {formatWan(planSum)}
                  </Table.Summary.Cell>
                  <Table.Summary.Cell index={2} />
                </Table.Summary.Row>
              )}
            />
          )
        }
      />
      <Card title={tp('p.group.schedule')} size="small" data-testid="project-schedule" style={{ marginBottom: 16 }}>
        <Table
          size="small"
          rowKey="key"
          pagination={false}
          dataSource={schedule}
          scroll={{ x: 380 }}
          columns={[
            { title: tp('p.milestone'), dataIndex: 'milestone', key: 'milestone', width: 64 },
            { title: tp('p.planned'), dataIndex: 'planned', key: 'planned', width: 108, render: text },
            { title: tp('p.actual'), dataIndex: 'actual', key: 'actual', width: 108, render: text },
            {
              title: tp('p.deviation'),
              key: 'deviation',
              render: (_: unknown, row) => deviation(i18n, row.planned, row.actual, today),
            },
          ]}
        />
      </Card>
      <Group title={tp('p.group.factors')} items={factors} testId="project-factors" />
      <Card title={tp('p.group.tags')} size="small" data-testid="project-tags" style={{ marginBottom: 16 }}>
        {p.tags.length ? (
          p.tags.map((tag) => <Tag key={tag}>{tag}</Tag>)
        ) : (
          <Typography.Text type="secondary">—</Typography.Text>
        )}
      </Card>
    </>
  );
}
