import { useEffect, useState } from 'react';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { queryClient } from '../../queries/client';
import dayjs from 'dayjs';
import { localDate } from '../../../../src/domain/calendar/local-date';
import { useNumbersI18n } from '../../i18n-numbers';
import { PublishedBeside } from './PublishedBeside';
import {
  Alert,
  Button,
  Card,
  Col,
  DatePicker,
  Grid,
  Result,
  Row,
  Segmented,
  Select,
  Skeleton,
  Tabs,
  Tag,
  Tooltip,
  Typography,
} from 'antd';
import { CheckCircleFilled, EditOutlined, FileExcelOutlined, SendOutlined } from '@ant-design/icons';
import { ApiError } from '../../api';
import { raceApi, rankingExportUrl, type Race, type RacePeriodKind, type Ranking } from '../../api-race';
import { errorMessage } from '../../forms';
import { useRaceI18n } from '../../i18n-race';
import { navigate } from '../../router';
import { getRouteApi } from '@tanstack/react-router';
import { useSession } from '../../session';
import { Link } from '../../components/Link';
import { PageHeader } from '../../components/PageHeader';
import { formatTime } from '../../format';
import {
  isFinishedPeriod,
  isFuturePeriod,
  latestFinishedPeriod,
  periodFromSearch,
  periodsPerYear,
  recentYears,
  type RacePeriod,
} from './periods';
import { PublishModal } from './PublishModal';
import { RankHistoryChart, TotalsChart } from './RankingCharts';
import { RankingTable, type DrillContext } from './RankingTable';

const rankingUrl = (id: string, { year, index }: RacePeriod, asOf?: string | null) =>
  `/races/${id}?year=${year}&period=${index}${asOf ? `&asOf=${encodeURIComponent(asOf)}` : ''}`;

/**
 * 排名 (/races/:id): a period's ranking per peer group with 骏马 and 蜗牛, totals and rank history
 * charts, and 发布通报 for the period (race.manage), refused while the weights do not add up to 100.
 */
const route = getRouteApi('/races/$id');

export function RankingPage() {
  const { id } = route.useParams();
  const { tk, text, lang, period: periodText, periodShort } = useRaceI18n();
  const { can } = useSession();
  const screens = Grid.useBreakpoint();
  const narrow = !screens.md;
  const search = route.useSearch();
  const { tn } = useNumbersI18n();
  // 截至: a local date or an instant (a bulletin's publication) in the address; none means live.
  const asOf = search.asOf ?? null;
  const [view, setView] = useState<'published' | 'live'>('published');
  const [publishing, setPublishing] = useState(false);
  const [groupKey, setGroupKey] = useState<string | undefined>(undefined);
  const raceQuery = useQuery({ queryKey: ['race', id], queryFn: () => raceApi.race(id) });
  const race: Race | null = raceQuery.data ?? null;

  const kind = race?.definition.periodKind as RacePeriodKind | undefined;
  const fromUrl = kind ? periodFromSearch(search, kind) : null;
  const period = kind ? (fromUrl ?? latestFinishedPeriod(kind)) : null;

  // The address always names the period, so a shared link shows the same ranking.
  useEffect(() => {
    if (kind && !fromUrl && period) navigate(rankingUrl(id, period), { replace: true });
  }, [kind, fromUrl, period, id]);

  // Keyed by period and day; the shown ranking stays until the next one's answer (`shown` checks its period).
  const rankingKey = ['race', id, 'ranking', { year: fromUrl?.year, period: fromUrl?.index, asOf }];
  const rankingQuery = useQuery({
    queryKey: rankingKey,
    queryFn: () => raceApi.ranking(id, { year: fromUrl!.year, period: fromUrl!.index, asOf }),
    enabled: fromUrl !== null,
    placeholderData: keepPreviousData,
  });
  const ranking: Ranking | null = rankingQuery.data ?? null;
  const loading = rankingQuery.isFetching;
  const failed = raceQuery.error ?? rankingQuery.error;
  const error = failed
    ? { status: failed instanceof ApiError ? failed.status : 0, message: errorMessage(failed) }
    : null;

  if (error && (error.status === 404 || !race)) {
    return (
      <Result
        status={error.status === 404 ? '404' : 'error'}
        title={error.message}
        extra={<Button onClick={() => navigate('/races')}>{tk('races.title')}</Button>}
      />
    );
  }
  if (!race || !kind || !period) return <Skeleton active paragraph={{ rows: 12 }} />;

  const go = (next: RacePeriod, at: string | null = asOf) => navigate(rankingUrl(id, next, at), { replace: true });
  const periodOptions = Array.from({ length: periodsPerYear(kind) }, (_, i) => ({
    value: i + 1,
    label: periodShort(kind, i + 1),
    disabled: isFuturePeriod(kind, { year: period.year, index: i + 1 }),
  }));
  const warnings = ranking?.warnings ?? race.warnings;
  const published = ranking?.publishedBulletinId ?? null;
  const canPublish = can('race.manage');
  const shown =
    ranking && ranking.period.year === period.year && ranking.period.index === period.index ? ranking : null;
  // A published period shows the bulletin's frozen ranking first; the live recomputation is a click away.
  const frozen = shown?.published && view === 'published' ? shown.published : null;
  const groups = (frozen ?? shown)?.groups ?? [];
  const drill: DrillContext | undefined = shown
    ? {
        raceId: shown.raceId,
        year: shown.period.year,
        period: shown.period.index,
        asOf: frozen ? frozen.publishedAt : shown.asOf,
      }
    : undefined;
  const activeGroup = groups.find((g) => g.group === groupKey) ?? groups[0];

  // Why publishing is refused, if it is: already published, weights off 100, or the period still running.
  const blocked =
    published !== null
      ? 'ranking.alreadyPublished'
      : warnings.length
        ? 'ranking.publishBlocked'
        : !isFinishedPeriod(kind, period)
          ? 'ranking.notFinished'
          : null;
  // On a phone the status line already says 已发布: the disabled button would only repeat it.
  const publishButton =
    canPublish &&
    shown &&
    !(narrow && blocked === 'ranking.alreadyPublished') &&
    (blocked ? (
      <Tooltip title={tk(blocked)}>
        <Button
          type="primary"
          icon={published !== null ? <CheckCircleFilled /> : <SendOutlined />}
          disabled
          data-testid="ranking-publish"
          data-blocked={blocked}
        >
          {tk(published !== null ? 'ranking.published' : 'ranking.publish')}
        </Button>
      </Tooltip>
    ) : (
      <Button type="primary" icon={<SendOutlined />} onClick={() => setPublishing(true)} data-testid="ranking-publish">
        {tk('ranking.publish')}
      </Button>
    ));
  const periodLabel = (p: { label: string; labels?: { 'zh-CN': string; en: string } }) =>
    p.labels ? text(p.labels) : p.label;

  return (
    <div data-testid="ranking-page">
      <PageHeader
        title={race.definition.name}
        extra={
          <>
            <Select<number>
              value={period.year}
              onChange={(year) =>
                go(
                  isFuturePeriod(kind, { year, index: period.index })
                    ? latestFinishedPeriod(kind)
                    : { year, index: period.index },
                )
              }
              options={recentYears().map((y) => ({ value: y, label: tk('targets.yearOption', { year: y }) }))}
              style={{ width: 100 }}
              aria-label={tk('ranking.year')}
              data-testid="ranking-year"
            />
            {kind !== 'year' && (
              <Select<number>
                value={period.index}
                onChange={(index) => go({ year: period.year, index })}
                options={periodOptions}
                style={{ width: 116 }}
                aria-label={tk('ranking.period')}
                data-testid="ranking-period"
              />
            )}
            <DatePicker
              value={asOf ? dayjs(asOf.length > 10 ? localDate(new Date(asOf)) : asOf) : null}
              onChange={(d) => go(period, d ? d.format('YYYY-MM-DD') : null)}
              disabledDate={(d) => d.format('YYYY-MM-DD') > localDate(new Date())}
              placeholder={tn('asOf.placeholder')}
              prefix={tn('asOf.label')}
              allowClear
              style={{ width: narrow ? 150 : 170 }}
              aria-label={tn('asOf.label')}
              data-testid="ranking-as-of"
            />
            {/* The ranking as shown — the period, and the moment its figures are of — in the page's language. */}
            <Button
              icon={<FileExcelOutlined />}
              href={rankingExportUrl(id, {
                year: period.year,
                period: period.index,
                asOf: drill?.asOf ?? asOf,
                lang,
              })}
              download
              aria-label={tk('ranking.exportExcel')}
              data-testid="ranking-export"
            >
              {narrow ? null : tk('ranking.exportExcel')}
            </Button>
            {can('race.manage') && (
              <Button icon={<EditOutlined />} onClick={() => navigate(`/races/${id}/edit`)} data-testid="ranking-edit">
                {narrow ? null : tk('ranking.edit')}
              </Button>
            )}
            {publishButton}
          </>
        }
      />
      <div
        style={{
          display: 'flex',
          flexWrap: 'wrap',
          alignItems: 'center',
          gap: '4px 12px',
          marginTop: -8,
          marginBottom: 12,
        }}
      >
        <Typography.Text strong data-testid="ranking-period-label">
          {shown ? periodLabel(shown.period) : periodText(kind, period.year, period.index)}
        </Typography.Text>
        {published !== null && (
          <span style={{ display: 'inline-flex', alignItems: 'center', gap: 8 }} data-testid="ranking-published">
            <Tag color="success" icon={<CheckCircleFilled />} style={{ marginInlineEnd: 0 }}>
              {tk('ranking.published')}
            </Tag>
            <Link to={`/bulletins/${published}`} data-testid="ranking-bulletin-link">
              {tk('ranking.viewBulletin')}
            </Link>
          </span>
        )}
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {tk('ranking.moneyUnit')}
        </Typography.Text>
        {canPublish && blocked === 'ranking.notFinished' && (
          <Typography.Text type="secondary" style={{ fontSize: 12 }} data-testid="ranking-not-finished">
            {tk('ranking.notFinished')}
          </Typography.Text>
        )}
      </div>
      {shown?.asOf && (
        <Alert
          type="info"
          showIcon
          title={tn('asOf.showing', { at: formatTime(shown.asOf) })}
          style={{ marginBottom: 12 }}
          data-testid="ranking-as-of-note"
        />
      )}
      {ranking?.visibility === 'own' && (
        <Alert
          type="info"
          showIcon
          title={tk('ranking.ownOnly')}
          style={{ marginBottom: 12 }}
          data-testid="ranking-own-only"
        />
      )}
      {shown?.published && (
        <div style={{ marginBottom: 12 }}>
          <Segmented
            value={view}
            onChange={(v) => setView(v as 'published' | 'live')}
            options={[
              { value: 'published', label: tn('view.published') },
              { value: 'live', label: tn('view.live') },
            ]}
            data-testid="ranking-view"
          />
          <PublishedBeside published={shown.published} view={view} />
        </div>
      )}
      {warnings.map((w) => (
        <Alert
          key={w.code}
          type="warning"
          showIcon
          title={w.message}
          description={canPublish ? tk('ranking.publishBlocked') : undefined}
          style={{ marginBottom: 12 }}
          data-testid="ranking-warning"
        />
      ))}
      {error && <Alert type="error" showIcon title={error.message} style={{ marginBottom: 12 }} />}
      {!shown ? (
        loading || !error ? (
          <Skeleton active paragraph={{ rows: 10 }} />
        ) : null
      ) : (
        <>
          {groups.length > 1 && (
            <Tabs
              activeKey={activeGroup?.group}
              onChange={setGroupKey}
              items={groups.map((g) => ({
                key: g.group,
                label: <span data-testid={`ranking-tab-${g.group}`}>{`${text(g.label)}（${g.rows.length}）`}</span>,
              }))}
              style={{ marginBottom: 4 }}
            />
          )}
          {activeGroup && (
            <>
              <Card
                size="small"
                title={groups.length > 1 ? undefined : text(activeGroup.label)}
                style={{ marginBottom: 12 }}
                styles={{ body: { padding: narrow ? 0 : 12 } }}
              >
                <RankingTable
                  group={activeGroup}
                  indicators={(frozen ?? shown).indicators}
                  narrow={narrow}
                  testId={`ranking-table-${activeGroup.group}`}
                  drill={drill}
                />
              </Card>
              <Row gutter={[12, 12]}>
                <Col xs={24} lg={12}>
                  <Card size="small" title={tk('ranking.totals')}>
                    <TotalsChart group={activeGroup} narrow={narrow} testId="ranking-totals-chart" />
                  </Card>
                </Col>
                <Col xs={24} lg={12}>
                  <Card size="small" title={tk('ranking.history')}>
                    <RankHistoryChart
                      history={shown.history}
                      group={activeGroup}
                      narrow={narrow}
                      testId="ranking-history-chart"
                    />
                  </Card>
                </Col>
              </Row>
            </>
          )}
        </>
      )}
      {publishing && shown && (
        <PublishModal
          raceId={shown.raceId}
          year={shown.period.year}
          period={shown.period.index}
          periodLabel={periodLabel(shown.period)}
          onClose={() => setPublishing(false)}
          onPublished={(bulletin) => {
            setPublishing(false);
            queryClient.setQueryData(rankingKey, { ...shown, publishedBulletinId: bulletin.id });
            for (const queryKey of [['dashboard'], ['bulletins']]) void queryClient.invalidateQueries({ queryKey });
          }}
        />
      )}
    </div>
  );
}
