import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Card, Grid, Select, Table, Typography, type TableColumnsType } from 'antd';
import { FileExcelOutlined, FilePdfOutlined, FileWordOutlined } from '@ant-design/icons';
import { bulletinFileUrl, raceApi, type BulletinSummary, type RaceSummary } from '../../api-race';
import { errorMessage } from '../../forms';
import { formatTime } from '../../format';
import { useRaceI18n } from '../../i18n-race';
import { navigate } from '../../router';
import { getRouteApi } from '@tanstack/react-router';
import { Link } from '../../components/Link';
import { PageHeader } from '../../components/PageHeader';
import { CorrectionTag } from './BulletinCorrectionNotes';

/**
 * 下载 Word / 下载 PDF (and, with `excel`, 下载 Excel: the tables and the records behind each figure) as
 * plain links: the session cookie goes along, the server names the file.
 */
export function DownloadButtons({
  id,
  size = 'middle',
  excel = false,
}: {
  id: number;
  size?: 'small' | 'middle';
  excel?: boolean;
}) {
  const { tk } = useRaceI18n();
  return (
    <span style={{ display: 'inline-flex', gap: 8, flexWrap: 'wrap' }}>
      <Button
        size={size}
        icon={<FileWordOutlined style={{ color: '#2b579a' }} />}
        href={bulletinFileUrl(id, 'docx')}
        download
        data-testid={`bulletin-docx-${id}`}
      >
        {tk('bulletins.downloadWord')}
      </Button>
      <Button
        size={size}
        icon={<FilePdfOutlined style={{ color: '#c4302b' }} />}
        href={bulletinFileUrl(id, 'pdf')}
        download
        data-testid={`bulletin-pdf-${id}`}
      >
        {tk('bulletins.downloadPdf')}
      </Button>
      {excel && (
        <Button
          size={size}
          icon={<FileExcelOutlined style={{ color: '#217346' }} />}
          href={bulletinFileUrl(id, 'xlsx')}
          download
          data-testid={`bulletin-xlsx-${id}`}
        >
          {tk('bulletins.downloadExcel')}
        </Button>
      )}
    </span>
  );
}

/**
 * 晾晒通报: the published bulletins, newest period first (a correction above what it corrects), with
 * their Word and PDF files; filter by race. A superseded bulletin stays, marked 已被更正 with why and when.
 */
export function BulletinsPage() {
  const { tk } = useRaceI18n();
  const screens = Grid.useBreakpoint();
  const narrow = !screens.md;
  const raceParam = getRouteApi('/bulletins').useSearch().raceId;
  const raceId = raceParam ? Number(raceParam) : undefined;
  // The race picker's choices; without them the picker is empty, the list still shows.
  const races: RaceSummary[] = useQuery({ queryKey: ['races'], queryFn: () => raceApi.races() }).data?.items ?? [];
  const bulletins = useQuery({ queryKey: ['bulletins', { raceId }], queryFn: () => raceApi.bulletins({ raceId }) });
  const items: BulletinSummary[] | null = bulletins.data?.items ?? null;
  const error = bulletins.error ? errorMessage(bulletins.error) : null;

  /** Why and when a superseded bulletin was corrected, under its title. */
  const superseded = (b: BulletinSummary) =>
    b.supersededBy && (
      <div>
        <Typography.Text type="secondary" style={{ fontSize: 12 }} data-testid={`bulletin-superseded-note-${b.id}`}>
          {tk('bulletins.supersededReason', { reason: b.supersededBy.reason, at: formatTime(b.supersededBy.at) })}
        </Typography.Text>
      </div>
    );

  const meta = (b: BulletinSummary) =>
    `${b.raceName} · ${b.docNumber} · ${tk('bulletins.meta', { by: b.publishedBy, at: formatTime(b.publishedAt) })}`;

  const columns: TableColumnsType<BulletinSummary> = narrow
    ? [
        {
          title: tk('bulletins.heading'),
          key: 'title',
          render: (_, b) => (
            <div style={{ display: 'grid', gap: 6 }}>
              <span>
                <Link to={`/bulletins/${b.id}`} style={{ fontWeight: 500 }} data-testid={`bulletin-link-${b.id}`}>
                  {b.title}
                </Link>
                <CorrectionTag bulletin={b} />
              </span>
              {superseded(b)}
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {meta(b)}
              </Typography.Text>
              <DownloadButtons id={b.id} size="small" />
            </div>
          ),
        },
      ]
    : [
        {
          title: tk('bulletins.heading'),
          key: 'title',
          render: (_, b) => (
            <div style={{ lineHeight: 1.5 }}>
              <Link to={`/bulletins/${b.id}`} style={{ fontWeight: 500 }} data-testid={`bulletin-link-${b.id}`}>
                {b.title}
              </Link>
              <CorrectionTag bulletin={b} />
              <div>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {b.raceName}
                </Typography.Text>
              </div>
              {superseded(b)}
            </div>
          ),
        },
        { title: tk('bulletins.docNumber'), dataIndex: 'docNumber', key: 'docNumber', width: 180 },
        { title: tk('bulletins.period'), dataIndex: 'periodLabel', key: 'periodLabel', width: 130 },
        {
          title: tk('bulletins.published'),
          key: 'published',
          width: 170,
          render: (_, b) => (
            <div style={{ lineHeight: 1.4 }}>
              <div>{b.publishedBy}</div>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {formatTime(b.publishedAt)}
              </Typography.Text>
            </div>
          ),
        },
        { title: '', key: 'files', width: 240, render: (_, b) => <DownloadButtons id={b.id} size="small" /> },
      ];

  return (
    <div data-testid="bulletins-page">
      <PageHeader
        title={tk('bulletins.title')}
        extra={
          races.length > 1 && (
            <Select<number>
              allowClear
              placeholder={tk('bulletins.allRaces')}
              value={raceId}
              onChange={(next) => navigate(next ? `/bulletins?raceId=${next}` : '/bulletins', { replace: true })}
              options={races.map((r) => ({ value: r.id, label: r.name }))}
              style={{ width: 220, maxWidth: '100%' }}
              data-testid="bulletins-race"
            />
          )
        }
      />
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} />}
      <Card size="small">
        <Table<BulletinSummary>
          rowKey="id"
          onRow={(b) => (b.isCurrent ? {} : { style: { background: '#fafafa' } })}
          size="middle"
          loading={items === null && !error}
          columns={columns}
          dataSource={items ?? []}
          pagination={{ pageSize: 20, hideOnSinglePage: true }}
          scroll={narrow ? undefined : { x: 860 }}
          locale={{ emptyText: tk('bulletins.empty') }}
          data-testid="bulletins-table"
        />
      </Card>
    </div>
  );
}
