import { useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Card, Col, Empty, Grid, Result, Row, Skeleton, Steps, Typography } from 'antd';
import { ArrowLeftOutlined, EditOutlined, SwapOutlined } from '@ant-design/icons';
import { ApiError } from '../../api';
import { errorMessage } from '../../forms';
import { useProjectsI18n } from '../../i18n-projects';
import { navigate } from '../../router';
import { getRouteApi } from '@tanstack/react-router';
import { useSession } from '../../session';
import { queryClient } from '../../queries/client';
import { invalidateProjects, projectQuery } from '../../features/projects/queries';
import { PageHeader } from '../../components/PageHeader';
import { formatMoney } from '../../../../src/domain/money/money';
import { MAIN_LINE, STAGE_LABELS } from '../../../../src/domain/projects/lifecycle';
import { ProjectReportsCard } from '../reports/ProjectReportsCard';
import { ProjectDetailSections } from './ProjectDetailSections';
import { ProjectLightCard } from './ProjectLightCard';
import { lastListUrl } from './listQuery';
import { StageHistory } from './StageHistory';
import { StageTransitionModal } from './StageTransitionModal';
import { LevelTags, StageTag, dateOf } from './shared';

/** A project with every field, its stage and stage history; 阶段变更 and 编辑 for those who may. */
const route = getRouteApi('/projects/$id');

export function ProjectDetailPage() {
  const { id } = route.useParams();
  const { tp, label } = useProjectsI18n();
  const { can } = useSession();
  const screens = Grid.useBreakpoint();
  const query = useQuery(projectQuery(id));
  const project = query.data ?? null;
  const error = query.error
    ? { status: query.error instanceof ApiError ? query.error.status : 0, message: errorMessage(query.error) }
    : null;
  const [transitionOpen, setTransitionOpen] = useState(false);
  const canManage = can('project.manage');
  const load = () => query.refetch();

  const back = (
    <Button icon={<ArrowLeftOutlined />} onClick={() => navigate(lastListUrl())}>
      {tp('detail.backToList')}
    </Button>
  );

  if (error && !project) {
    if (error.status === 404 || error.status === 403) {
      return <Result status="404" title={tp('detail.notFound')} extra={back} />;
    }
    return (
      <Alert type="error" showIcon title={error.message} action={<Button onClick={() => void load()}>↻</Button>} />
    );
  }
  if (!project) return <Skeleton active paragraph={{ rows: 8 }} />;

  const p = project;
  const mainIndex = MAIN_LINE.indexOf(p.stage);
  const sideExit = mainIndex < 0;

  return (
    <div data-testid="project-detail" data-project-id={p.id}>
      <PageHeader
        title={p.name}
        extra={
          <>
            {back}
            {canManage && (
              <Button
                icon={<EditOutlined />}
                onClick={() => navigate(`/projects/${p.id}/edit`)}
                data-testid="project-edit"
              >
                {tp('form.editTitle')}
              </Button>
            )}
          </>
        }
      />
      <Card style={{ marginBottom: 16 }} styles={{ body: { padding: screens.md ? 20 : 14 } }}>
        <div
          style={{ display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: 12, justifyContent: 'space-between' }}
        >
          <div style={{ display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: 12 }}>
            <StageTag stage={p.stage} large testId="project-stage" />
            {p.stageChangedAt && (
              <Typography.Text type="secondary">
                {tp('detail.stageSince', { date: dateOf(p.stageChangedAt) })}
              </Typography.Text>
            )}
            <LevelTags level={p.level} aboveYi={p.isAboveYi} />
            <Typography.Text strong style={{ fontSize: 15 }}>
              {formatMoney(p.totalInvestmentYuan)}
            </Typography.Text>
            {p.code && <Typography.Text type="secondary">{p.code}</Typography.Text>}
          </div>
          {canManage && (
            <Button
              type="primary"
              icon={<SwapOutlined />}
              disabled={p.allowedNextStages.length === 0}
              title={p.allowedNextStages.length === 0 ? tp('detail.noNextStage') : undefined}
              onClick={() => setTransitionOpen(true)}
              data-testid="project-transition"
            >
              {tp('detail.transition')}
            </Button>
          )}
        </div>
        {screens.md && (
          <Steps
            size="small"
            style={{ marginTop: 20 }}
            current={sideExit ? -1 : mainIndex}
            status={sideExit ? 'wait' : p.stage === 'capacity' ? 'finish' : 'process'}
            items={MAIN_LINE.map((stage) => ({ title: label(STAGE_LABELS, stage) }))}
          />
        )}
      </Card>
      <ProjectReportsCard project={p} />
      <Row gutter={16}>
        <Col xs={24} xl={16}>
          {!screens.xl && <ProjectLightCard projectId={p.id} />}
          <ProjectDetailSections project={p} />
        </Col>
        <Col xs={24} xl={8}>
          {screens.xl && <ProjectLightCard projectId={p.id} />}
          <StageHistory history={p.stageHistory} />
          {([['detail.tickets', 'detail.ticketsSoon', 'project-tickets']] as const).map(([title, text, testId]) => (
            <Card key={testId} title={tp(title)} size="small" style={{ marginBottom: 16 }} data-testid={testId}>
              <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={tp(text)} />
            </Card>
          ))}
        </Col>
      </Row>
      {transitionOpen && (
        <StageTransitionModal
          project={p}
          onClose={() => setTransitionOpen(false)}
          onDone={(saved) => {
            queryClient.setQueryData(projectQuery(id).queryKey, saved);
            void invalidateProjects();
            setTransitionOpen(false);
          }}
        />
      )}
    </div>
  );
}
