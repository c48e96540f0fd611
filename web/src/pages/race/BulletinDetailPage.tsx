import { useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { queryClient } from '../../queries/client';
import { Alert, Button, Card, Empty, Grid, Result, Skeleton, Typography } from 'antd';
import { ArrowLeftOutlined } from '@ant-design/icons';
import { ApiError } from '../../api';
import { raceApi, type Bulletin } from '../../api-race';
import { errorMessage } from '../../forms';
import { formatDate, formatTime } from '../../format';
import { useRaceI18n } from '../../i18n-race';
import { navigate } from '../../router';
import { getRouteApi } from '@tanstack/react-router';
import { Link } from '../../components/Link';
import { PageHeader } from '../../components/PageHeader';
import { DownloadButtons } from './BulletinsPage';
import { RankingTable } from './RankingTable';
import { BulletinHashes } from './BulletinHashes';
import { commentaryBlocks } from '../../../../src/domain/race/commentary';
import { useSession } from '../../session';
import { BulletinCorrectionNotes } from './BulletinCorrectionNotes';
import { CorrectionModal } from './CorrectionModal';

/** A published bulletin (/bulletins/:id): the text as issued, the frozen ranking tables and the red projects. */
const route = getRouteApi('/bulletins/$id');

export function BulletinDetailPage() {
  const { id } = route.useParams();
  const { tk, text } = useRaceI18n();
  const screens = Grid.useBreakpoint();
  const narrow = !screens.md;
  const query = useQuery({ queryKey: ['bulletins', 'detail', id], queryFn: () => raceApi.bulletin(id) });
  const bulletin: Bulletin | null = query.data ?? null;
  const error = query.error
    ? { status: query.error instanceof ApiError ? query.error.status : 0, message: errorMessage(query.error) }
    : null;
  const { can } = useSession();
  const [correcting, setCorrecting] = useState(false);

  if (error) {
    return error.status === 404 ? (
      <Result
        status="404"
        title={tk('bulletins.notFound')}
        extra={<Button onClick={() => navigate('/bulletins')}>{tk('bulletins.back')}</Button>}
      />
    ) : (
      <Alert type="error" showIcon title={error.message} />
    );
  }
  if (!bulletin) return <Skeleton active paragraph={{ rows: 12 }} />;

  const { ranking } = bulletin;

  return (
    <div data-testid="bulletin-detail">
      <PageHeader
        title={bulletin.title}
        extra={
          <span style={{ display: 'inline-flex', gap: 8, flexWrap: 'wrap' }}>
            <DownloadButtons id={bulletin.id} excel />
            {/* Only the bulletin in force of its period can be corrected. */}
            {can('race.manage') && bulletin.isCurrent && (
              <Button onClick={() => setCorrecting(true)} data-testid="bulletin-correct">
                {tk('correct.open')}
              </Button>
            )}
          </span>
        }
      />
      <div style={{ display: 'flex', flexWrap: 'wrap', gap: '4px 16px', marginTop: -8, marginBottom: 16 }}>
        <Link to="/bulletins">
          <ArrowLeftOutlined /> {tk('bulletins.back')}
        </Link>
        <Typography.Text type="secondary">
          {tk('bulletins.meta', { by: bulletin.publishedBy, at: formatTime(bulletin.publishedAt) })}
        </Typography.Text>
        <Link to={`/races/${bulletin.raceId}?year=${bulletin.year}&period=${bulletin.periodIndex}`}>
          {bulletin.raceName}
        </Link>
      </div>
      <BulletinCorrectionNotes bulletin={bulletin} />

      <Card
        style={{ marginBottom: 16 }}
        styles={{ body: { padding: narrow ? '20px 16px' : '40px 56px', maxWidth: 860, margin: '0 auto' } }}
        data-testid="bulletin-paper"
      >
        <div style={{ textAlign: 'center', marginBottom: 20 }}>
          <Typography.Text type="secondary" data-testid="bulletin-doc-number">
            {bulletin.docNumber}
          </Typography.Text>
          <div style={{ height: 2, background: '#cf1322', margin: '10px 0 18px' }} />
          <Typography.Title level={narrow ? 4 : 3} style={{ margin: 0, lineHeight: 1.5 }}>
            {bulletin.title}
          </Typography.Title>
        </div>
        <div data-testid="bulletin-commentary" style={{ fontSize: narrow ? 15 : 16, lineHeight: 1.9 }}>
          {commentaryBlocks(bulletin.commentary).map((block, i) =>
            block.kind !== 'paragraph' ? (
              <div key={i} style={{ fontWeight: 600, margin: '14px 0 4px' }}>
                {block.text}
              </div>
            ) : (
              <p key={i} style={{ textIndent: '2em', margin: '0 0 8px' }}>
                {block.text}
              </p>
            ),
          )}
        </div>
        <div style={{ textAlign: 'right', marginTop: 28, lineHeight: 1.9 }}>
          <div>{bulletin.issuer}</div>
          <div data-testid="bulletin-date">{formatDate(bulletin.publishedAt)}</div>
        </div>
      </Card>

      <BulletinHashes files={bulletin.files} />

      <Typography.Title level={5} style={{ margin: '0 0 12px' }}>
        {tk('bulletins.rankings')} · {bulletin.periodLabel}
        <Typography.Text type="secondary" style={{ fontSize: 12, fontWeight: 400, marginInlineStart: 8 }}>
          {tk('ranking.moneyUnit')}
        </Typography.Text>
      </Typography.Title>
      {ranking.groups.map((group) => (
        <Card
          key={group.group}
          size="small"
          title={text(group.label)}
          style={{ marginBottom: 12 }}
          styles={{ body: { padding: narrow ? 0 : 12 } }}
        >
          <RankingTable
            group={group}
            indicators={ranking.indicators}
            narrow={narrow}
            testId={`bulletin-table-${group.group}`}
          />
        </Card>
      ))}

      <Card size="small" title={tk('bulletins.redProjects')} data-testid="bulletin-red-projects">
        {bulletin.redProjects.length === 0 ? (
          <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={tk('bulletins.redEmpty')} />
        ) : (
          bulletin.redProjects.map((project, index) => (
            <div
              key={project.projectId}
              style={{ padding: '8px 0', borderTop: index ? '1px solid #f0f0f0' : undefined }}
            >
              <div style={{ display: 'flex', flexWrap: 'wrap', alignItems: 'baseline', gap: '4px 12px' }}>
                <Link to={`/projects/${project.projectId}`} style={{ fontWeight: 500 }}>
                  {project.name}
                </Link>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {project.unitName}
                </Typography.Text>
              </div>
              {project.reasons.map((reason, i) => (
                <div key={i} style={{ color: '#cf1322', fontSize: 12, lineHeight: 1.6 }}>
                  {reason}
                </div>
              ))}
            </div>
          ))
        )}
      </Card>
      {correcting && (
        <CorrectionModal
          bulletin={bulletin}
          onClose={() => setCorrecting(false)}
          onCorrected={(correction) => {
            setCorrecting(false);
            // The correction shows at once; the lists and the corrected bulletin (now superseded) reload.
            void queryClient.invalidateQueries({ queryKey: ['bulletins'] });
            queryClient.setQueryData(['bulletins', 'detail', String(correction.id)], correction);
            navigate(`/bulletins/${correction.id}`);
          }}
        />
      )}
    </div>
  );
}
