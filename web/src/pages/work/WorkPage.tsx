import { useMemo, useState } from 'react';
import { Badge, Button, Card, Col, List, Row, Space, Tag, Typography } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { importsApi } from '../../api-imports';
import { lightsApi } from '../../api-lights';
import { Link } from '../../components/Link';
import { PageHeader } from '../../components/PageHeader';
import { reportMonthQuery } from '../../features/reports/queries';
import { useReportsI18n } from '../../i18n-reports';
import { useNamespace } from '../../i18n-setup';
import { navigate } from '../../router';
import { useSession } from '../../session';
import { outstandingOf } from '../../../../src/domain/reports/reminders';
import { MissingProjectsDrawer } from '../reports/MissingProjectsDrawer';
import { previousMonth } from '../reports/shared';
import { useRemind } from '../reports/useRemind';

/** Imports a person has started and not finished: being read, checked, waiting to commit, or committing. */
const IN_PROGRESS = new Set(['uploaded', 'checking', 'checked', 'invalid', 'committing']);

/**
 * 工作台: the coordinator's day — last month's reports to review, units that have not filed (with 催报),
 * projects that turned red this month, and imports left half-way. Each block opens the page that does the work.
 */
export function WorkPage() {
  const { t } = useNamespace('work');
  const { period: periodText, lang } = useReportsI18n();
  const { can } = useSession();
  const dashboard = useQuery({
    queryKey: ['dashboard', { unitId: undefined, asOf: null }],
    queryFn: () => lightsApi.dashboard({}),
  });
  // The month just ended by the server's date (the dashboard's assessed month): the reader's clock may be wrong.
  const period = dashboard.data ? { year: dashboard.data.year, month: dashboard.data.month } : previousMonth();
  const month = useQuery({
    ...reportMonthQuery(period.year, period.month, true, true),
    enabled: dashboard.isSuccess,
  });
  const imports = useQuery({
    queryKey: ['imports', 'work'],
    queryFn: () => importsApi.list({ limit: 50 }),
    enabled: can('project.manage'),
  });
  const reminder = useRemind(period);
  const [openUnit, setOpenUnit] = useState<{ unitId: number; unitName: string } | null>(null);

  const todo = month.data?.todo?.items ?? [];
  const toReview = todo.filter((i) => i.state === 'submitted').length;
  const unfiled = useMemo(
    () =>
      (month.data?.status?.units ?? [])
        .filter((u) => outstandingOf(u) > 0)
        .sort((a, b) => outstandingOf(b) - outstandingOf(a)),
    [month.data],
  );
  const red = dashboard.data?.redList ?? [];
  const newRed = red.filter((r) => r.newThisMonth);
  const running = (imports.data?.items ?? []).filter((i) => IN_PROGRESS.has(i.status));
  const reviewUrl = `/reports?year=${period.year}&month=${period.month}`;
  const name = periodText(period.year, period.month);

  const heading = (title: string, n: number | null, danger = false) => (
    <Space size={8}>
      <span>{title}</span>
      {n !== null && <Badge count={n} showZero color={danger && n > 0 ? '#cf1322' : '#1d5fb4'} overflowCount={999} />}
    </Space>
  );

  return (
    <div data-testid="work-page">
      <PageHeader title={t('work.title')} />
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={12}>
          <Card
            size="small"
            title={heading(t('work.toReview'), month.data ? toReview : null)}
            loading={month.isPending || dashboard.isPending}
            data-testid="work-review"
            extra={
              <Button type="primary" size="small" onClick={() => navigate(reviewUrl)} data-testid="work-review-open">
                {t('work.review')}
              </Button>
            }
          >
            <Typography.Text type="secondary">
              {t('work.period', { period: name })} · {t('work.toReviewHint')}
            </Typography.Text>
          </Card>
        </Col>
        <Col xs={24} lg={12}>
          <Card
            size="small"
            title={heading(t('work.unfiled'), month.data ? unfiled.length : null, true)}
            loading={month.isPending || dashboard.isPending}
            data-testid="work-unfiled"
            extra={
              unfiled.length > 0 && (
                <Button
                  size="small"
                  loading={reminder.busy}
                  onClick={() => reminder.remind(unfiled)}
                  data-testid="work-remind-all"
                >
                  {t('remind.selected', { n: unfiled.length })}
                </Button>
              )
            }
          >
            <List
              size="small"
              dataSource={unfiled.slice(0, 8)}
              locale={{ emptyText: t('work.allFiled') }}
              renderItem={(u) => (
                <List.Item
                  data-testid={`work-unfiled-${u.unitId}`}
                  actions={[
                    <Button key="remind" size="small" type="link" onClick={() => reminder.remind([u])}>
                      {t('remind.button')}
                    </Button>,
                  ]}
                >
                  <Button type="link" size="small" style={{ padding: 0 }} onClick={() => setOpenUnit(u)}>
                    {u.unitName}
                  </Button>
                  <Tag color={u.late > 0 || outstandingOf(u) > 0 ? 'red' : 'default'} style={{ marginInlineStart: 8 }}>
                    {t('work.outstanding', { n: outstandingOf(u) })}
                  </Tag>
                </List.Item>
              )}
            />
          </Card>
        </Col>
        <Col xs={24} lg={12}>
          <Card
            size="small"
            title={heading(t('work.newRed'), dashboard.data ? newRed.length : null, true)}
            loading={dashboard.isPending}
            data-testid="work-new-red"
            extra={<Link to="/projects?light=red">{t('work.allRed', { n: red.length })}</Link>}
          >
            <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }}>
              {t('work.newRedHint')}
            </Typography.Paragraph>
            <List
              size="small"
              dataSource={newRed.slice(0, 8)}
              locale={{ emptyText: t('work.noNewRed') }}
              renderItem={(r) => (
                <List.Item data-testid={`work-red-${r.projectId}`}>
                  <List.Item.Meta
                    title={<Link to={`/projects/${r.projectId}`}>{r.name}</Link>}
                    description={`${r.unitName} · ${r.reasons.map((x) => x[lang]).join('；')}`}
                  />
                </List.Item>
              )}
            />
          </Card>
        </Col>
        {can('project.manage') && (
          <Col xs={24} lg={12}>
            <Card
              size="small"
              title={heading(t('work.imports'), imports.data ? running.length : null)}
              loading={imports.isPending}
              data-testid="work-imports"
              extra={<Link to="/imports">{t('work.openImports')}</Link>}
            >
              <List
                size="small"
                dataSource={running.slice(0, 8)}
                locale={{ emptyText: t('work.noImports') }}
                renderItem={(i) => (
                  <List.Item data-testid={`work-import-${i.id}`}>
                    <List.Item.Meta title={i.fileName} description={i.unitName ?? ''} />
                  </List.Item>
                )}
              />
            </Card>
          </Col>
        )}
      </Row>
      <MissingProjectsDrawer
        unit={openUnit}
        items={todo}
        onClose={() => setOpenUnit(null)}
        onRemind={(unit) => reminder.remind([unit])}
        reminding={reminder.busy}
      />
    </div>
  );
}
