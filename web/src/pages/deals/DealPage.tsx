import { useState, type ReactNode } from 'react';
import { useQuery } from '@tanstack/react-query';
import { getRouteApi } from '@tanstack/react-router';
import { Alert, App, Button, Card, Col, Descriptions, Grid, Result, Row, Skeleton, Tag, Typography } from 'antd';
import { ArrowLeftOutlined, EditOutlined, ExportOutlined } from '@ant-design/icons';
import { ApiError } from '../../api';
import type { DealDetail } from '../../api-deals';
import { dealQuery, invalidateDeals } from '../../features/deals/queries';
import { teamLogUrl } from '../../features/deals/search';
import { errorMessage } from '../../forms';
import { useDealsI18n } from '../../i18n-deals';
import { useLightsI18n } from '../../i18n-lights';
import { queryClient } from '../../queries/client';
import { navigate } from '../../router';
import { useSession } from '../../session';
import { Link } from '../../components/Link';
import { PageHeader } from '../../components/PageHeader';
import { FINAL_DEAL_STAGES, PIPELINE_STAGES, type DealStage } from '../../../../src/domain/deals/deal-stages';
import { ConvertModal } from './ConvertModal';
import { DealActivities, DealFunds } from './DealLog';
import { DealFormModal } from './DealFormModal';
import { DealTimeline } from './DealTimeline';
import { useDealMoves } from './MoveModal';
import {
  DealClockText,
  DealDot,
  DealStageTag,
  mayKeepDeals,
  useDealOptions,
  useDealTextsFollowLanguage,
  useWan,
} from './shared';

const route = getRouteApi('/deals/$id');
const dash = (value: ReactNode) => (value === null || value === undefined || value === '' ? '—' : value);
/** The moves that go on (green buttons) before those that step back or leave the pipeline. */
const isForward = (from: DealStage, to: DealStage) =>
  PIPELINE_STAGES.indexOf(to) > PIPELINE_STAGES.indexOf(from) && PIPELINE_STAGES.includes(to);

/**
 * A deal's page: its stage, light and clock, the moves the person may make (the same dialogs as the kanban),
 * 转入项目库 once signed, its fields, the activity log and funds in place with their forms, and every event.
 */
export function DealPage() {
  const { id } = route.useParams();
  const { td, stage: stageLabel, listing, option } = useDealsI18n();
  const { colour } = useLightsI18n();
  const { message } = App.useApp();
  const { me, can } = useSession();
  const wan = useWan();
  const isPhone = Grid.useBreakpoint().md === false;
  const query = useQuery(dealQuery(id));
  const { settings } = useDealOptions();
  const [editing, setEditing] = useState(false);
  const [converting, setConverting] = useState(false);
  useDealTextsFollowLanguage();
  const deal = query.data ?? null;
  const keep = (next: DealDetail) => queryClient.setQueryData(dealQuery(id).queryKey, next);
  const moves = useDealMoves(keep);

  const back = (
    <Button icon={<ArrowLeftOutlined />} onClick={() => navigate('/deals')}>
      {td('detail.back')}
    </Button>
  );
  if (query.error && !deal) {
    const status = query.error instanceof ApiError ? query.error.status : 0;
    if (status === 404 || status === 403) return <Result status="404" title={td('detail.notFound')} extra={back} />;
    return <Alert type="error" showIcon title={errorMessage(query.error)} />;
  }
  if (!deal) return <Skeleton active paragraph={{ rows: 10 }} />;

  const keeps = mayKeepDeals(me.role);
  const isFinal = FINAL_DEAL_STAGES.includes(deal.stage);
  const canConvert = keeps && deal.stage === 'signed' && !deal.project;
  const added = (next: DealDetail) => {
    keep(next);
    void invalidateDeals();
  };
  const tierLabel = (key: string) => {
    const tier = settings?.tiers.find((t) => t.key === key);
    return tier ? option(tier.label) : key;
  };

  const facts = [
    { key: 'investor', label: td('f.investor'), children: deal.investorName },
    { key: 'listing', label: td('f.listing'), children: listing(deal.investorListing) },
    { key: 'hq', label: td('f.hq'), children: deal.investorHqRegion },
    { key: 'region', label: td('f.sourceRegion'), children: deal.sourceRegionLabel },
    {
      key: 'chain',
      label: td('f.chain'),
      children: deal.chainLabel && [deal.chainLabel, deal.linkLabel].filter(Boolean).join(' · '),
    },
    { key: 'kind', label: td('f.kind'), children: deal.kindLabel },
    { key: 'intended', label: td('f.intended'), children: wan(deal.intendedInvestmentYuan) },
    ...(deal.signedAmountYuan !== null
      ? [{ key: 'signedAmount', label: td('f.signedAmount'), children: wan(deal.signedAmountYuan) }]
      : []),
    ...(deal.signedOn ? [{ key: 'signedOn', label: td('f.signedOn'), children: deal.signedOn }] : []),
    ...(deal.landedOn ? [{ key: 'landedOn', label: td('f.landedOn'), children: deal.landedOn }] : []),
    { key: 'unit', label: td('f.unit'), children: deal.unit.name },
    {
      key: 'team',
      label: td('f.team'),
      children: deal.team && <Link to={teamLogUrl(deal.team.id)}>{deal.team.name}</Link>,
    },
    { key: 'patron', label: td('f.patron'), children: deal.patronLeader },
    { key: 'lastActivity', label: td('f.lastActivity'), children: deal.lastActivityOn },
    {
      key: 'project',
      label: td('f.project'),
      children:
        deal.project &&
        (can('project.read') ? (
          <Link to={`/projects/${deal.project.id}`} data-testid="deal-project-link">
            {deal.project.name}
          </Link>
        ) : (
          deal.project.name
        )),
    },
  ];

  return (
    <div data-testid="deal-page" data-deal-id={deal.id} data-stage={deal.stage} data-version={deal.version}>
      <PageHeader
        title={deal.name}
        extra={
          <>
            {back}
            {keeps && !isFinal && (
              <Button icon={<EditOutlined />} onClick={() => setEditing(true)} data-testid="deal-edit">
                {td('detail.edit')}
              </Button>
            )}
          </>
        }
      />
      <Card size="small" style={{ marginBottom: 12 }} data-testid="deal-summary">
        <div style={{ display: 'flex', flexWrap: 'wrap', gap: 8, alignItems: 'center' }}>
          <span data-testid="deal-stage">
            <DealStageTag stage={deal.stage} large />
          </span>
          <span style={{ display: 'inline-flex', alignItems: 'center', gap: 6 }} data-colour={deal.colour}>
            <DealDot colour={deal.colour} size={14} />
            {colour(deal.colour)}
          </span>
          {deal.tiers.map((t) => (
            <Tag key={t} color="gold" variant="outlined" style={{ marginInlineEnd: 0 }}>
              {tierLabel(t)}
            </Tag>
          ))}
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {td('detail.since', { date: deal.stageEnteredOn })}
          </Typography.Text>
        </div>
        {deal.clock && (
          <div style={{ marginTop: 10, fontSize: 16 }} data-testid="deal-clock-line">
            <DealClockText deal={deal} />
            <Typography.Text type="secondary" style={{ fontSize: 12, marginInlineStart: 10 }}>
              {td('clock.due', { date: deal.clock.due })}
            </Typography.Text>
          </div>
        )}
        {deal.exitReason && (deal.stage === 'shelved' || deal.stage === 'terminated') && (
          <Alert
            type={deal.stage === 'terminated' ? 'error' : 'warning'}
            showIcon
            style={{ marginTop: 10 }}
            title={td(deal.stage === 'shelved' ? 'detail.shelvedWhy' : 'detail.terminatedWhy', {
              reason: deal.exitReason,
              stage: deal.shelvedFrom ? stageLabel(deal.shelvedFrom) : '',
            })}
          />
        )}
        {(deal.moves.length > 0 || canConvert) && (
          <div
            style={{ display: 'flex', flexWrap: 'wrap', gap: 8, marginTop: 12 }}
            data-testid="deal-moves"
            data-moves={deal.moves.join(',')}
          >
            {canConvert && (
              <Button
                type="primary"
                icon={<ExportOutlined />}
                onClick={() => setConverting(true)}
                data-testid="deal-convert"
              >
                {td('convert.button')}
              </Button>
            )}
            {deal.moves.map((to) => (
              <Button
                key={to}
                type={isForward(deal.stage, to) && !(to === 'landed' && !deal.project) ? 'primary' : 'default'}
                danger={to === 'terminated'}
                loading={moves.busy === deal.id}
                onClick={() => moves.request(deal, to)}
                data-testid={`deal-move-${to}`}
              >
                {td('move.to', { stage: stageLabel(to) })}
              </Button>
            ))}
          </div>
        )}
        {deal.project && (
          <Alert
            type="success"
            showIcon
            style={{ marginTop: 12 }}
            data-testid="deal-converted"
            title={
              <span>
                {td('convert.done')}{' '}
                {can('project.read') ? (
                  <Link to={`/projects/${deal.project.id}`}>{deal.project.name}</Link>
                ) : (
                  deal.project.name
                )}
              </span>
            }
          />
        )}
      </Card>

      <Row gutter={[12, 0]}>
        <Col xs={24} lg={14}>
          <Card size="small" title={td('detail.log')} style={{ marginBottom: 12 }}>
            <DealActivities deal={deal} canAdd={keeps && !isFinal} onAdded={added} />
          </Card>
          {(deal.stage === 'signed' || deal.stage === 'landed' || deal.funds.length > 0) && (
            <Card size="small" title={td('detail.funds')} style={{ marginBottom: 12 }}>
              <DealFunds
                deal={deal}
                canAdd={keeps && (deal.stage === 'signed' || deal.stage === 'landed')}
                onAdded={added}
              />
            </Card>
          )}
        </Col>
        <Col xs={24} lg={10}>
          <Card size="small" title={td('detail.facts')} style={{ marginBottom: 12 }}>
            <Descriptions
              size="small"
              column={1}
              styles={{ label: isPhone ? { width: 96 } : { width: 110, whiteSpace: 'nowrap' } }}
              items={facts.map((item) => ({ ...item, children: dash(item.children) }))}
              data-testid="deal-facts"
            />
          </Card>
          <Card size="small" title={td('detail.timeline')} style={{ marginBottom: 12 }}>
            <DealTimeline events={deal.events} />
          </Card>
        </Col>
      </Row>
      {moves.modal}
      {editing && (
        <DealFormModal
          deal={deal}
          onClose={() => setEditing(false)}
          onSaved={(saved) => {
            setEditing(false);
            added(saved);
            void message.success(td('form.saved'));
          }}
        />
      )}
      {converting && (
        <ConvertModal
          deal={deal}
          onClose={() => setConverting(false)}
          onConverted={(next) => {
            setConverting(false);
            keep(next);
            void invalidateDeals({ projects: true });
            void message.success(td('convert.success'));
          }}
        />
      )}
    </div>
  );
}
