import { useEffect, useState } from 'react';
import { Alert, App, Button, Card, Grid, Modal, Space, Typography } from 'antd';
import { ArrowLeftOutlined, SaveOutlined, SendOutlined } from '@ant-design/icons';
import { getRouteApi } from '@tanstack/react-router';
import type { FilingRow } from '../../../api-reports';
import { PageHeader } from '../../../components/PageHeader';
import { errorMessage } from '../../../forms';
import { useReportsI18n } from '../../../i18n-reports';
import { navigate } from '../../../router';
import { ReportPhotos } from '../ReportPhotos';
import { DeadlineText, previousMonth } from '../shared';
import { FilingCards } from './FilingCards';
import { FilingGrid } from './FilingGrid';
import { rowErrorText } from './FilingRowParts';
import { useFiling } from './useFiling';

const route = getRouteApi('/reports/filing');

const filingUrl = (year: number, month: number) => `/reports/filing?year=${year}&month=${month}`;

/**
 * 本月填报: every project the reporter must report for the month in one grid (cards on a phone), with
 * what Lantern knows beside the cells; 保存草稿 at any time, 全部提交 submits the rows that can go and
 * leaves the others with their problems named by row and cell.
 */
export function FilingPage() {
  const { tr, period: periodText } = useReportsI18n();
  const { message } = App.useApp();
  const search = route.useSearch();
  const { year, month } =
    search.year !== undefined && search.month !== undefined
      ? { year: search.year, month: search.month }
      : previousMonth();
  const isPhone = Grid.useBreakpoint().md === false;
  const filing = useFiling(year, month);
  const [photosOf, setPhotosOf] = useState<FilingRow | null>(null);
  const data = filing.query.data;

  // The address always names the month, so that a shared link shows the same month.
  const named = search.year !== undefined;
  useEffect(() => {
    if (!named) navigate(filingUrl(year, month), { replace: true });
  }, [named, year, month]);

  const save = async (submit: boolean) => {
    try {
      await filing.save(submit);
    } catch (e) {
      message.error(errorMessage(e));
    }
  };

  const outcome = filing.outcome;
  const rowProps = {
    rows: filing.rows,
    timeProgressPct: data?.timeProgressPct ?? 0,
    busy: filing.busy !== null,
    valuesOf: filing.valuesOf,
    errorOf: filing.errorOf,
    onCell: filing.onCell,
    onPasteColumn: filing.onPasteColumn,
    onPhotos: setPhotosOf,
  };

  /** The two saves, above the grid and (for a long month) below it: `suffix` tells their test ids apart. */
  const buttons = (suffix = '') => (
    <Space wrap>
      <Button
        icon={<SaveOutlined />}
        loading={filing.busy === 'draft'}
        disabled={filing.busy === 'submit' || !data}
        onClick={() => void save(false)}
        data-testid={`filing-save${suffix}`}
      >
        {tr('filing.saveDraft')}
      </Button>
      <Button
        type="primary"
        icon={<SendOutlined />}
        loading={filing.busy === 'submit'}
        disabled={filing.busy === 'draft' || !data}
        onClick={() => void save(true)}
        data-testid={`filing-submit-all${suffix}`}
      >
        {tr('filing.submitAll')}
      </Button>
    </Space>
  );

  return (
    <div data-testid="filing-page">
      <PageHeader
        title={tr('filing.title')}
        extra={
          <Button icon={<ArrowLeftOutlined />} onClick={() => navigate(`/reports?year=${year}&month=${month}`)}>
            {tr('filing.back')}
          </Button>
        }
      />
      {filing.query.error && (
        <Alert
          type="error"
          showIcon
          title={tr('reports.loadFailed', { message: errorMessage(filing.query.error) })}
          style={{ marginBottom: 16 }}
        />
      )}
      <Card
        size="small"
        style={{ marginBottom: 12 }}
        styles={{
          body: { display: 'flex', flexWrap: 'wrap', gap: 12, alignItems: 'center', justifyContent: 'space-between' },
        }}
      >
        <div style={{ minWidth: 0 }}>
          <Typography.Title level={5} style={{ margin: '0 0 4px' }}>
            {tr('filing.heading', { period: periodText(year, month), n: filing.rows.length })}
          </Typography.Title>
          {data && <DeadlineText deadline={data.deadline} period={{ year, month }} today={data.today} size={14} />}
          <Typography.Paragraph type="secondary" style={{ margin: '4px 0 0', fontSize: 12 }}>
            {tr(isPhone ? 'filing.hintPhone' : 'filing.hint')}
          </Typography.Paragraph>
        </div>
        {buttons()}
      </Card>
      {outcome && (
        <Alert
          type={outcome.errors.length ? 'warning' : 'success'}
          showIcon
          style={{ marginBottom: 12 }}
          data-testid="filing-summary"
          title={tr(outcome.submit ? 'filing.summarySubmit' : 'filing.summaryDraft', {
            n: outcome.submit ? outcome.submitted : outcome.saved,
            m: outcome.errors.length,
          })}
          description={
            outcome.errors.length ? (
              <ul style={{ margin: 0, paddingInlineStart: 18 }}>
                {outcome.errors.slice(0, 8).map(({ index, error }) => (
                  <li key={index}>{rowErrorText(tr, index, error)}</li>
                ))}
              </ul>
            ) : undefined
          }
        />
      )}
      <Card size="small" loading={!data && !filing.query.error} styles={{ body: { padding: isPhone ? 8 : 0 } }}>
        {data && filing.rows.length === 0 ? (
          <Typography.Paragraph type="secondary" style={{ padding: 16, margin: 0 }}>
            {tr('todo.empty')}
          </Typography.Paragraph>
        ) : isPhone ? (
          <FilingCards {...rowProps} />
        ) : (
          <FilingGrid {...rowProps} />
        )}
      </Card>
      {filing.rows.length > 8 && <div style={{ marginTop: 12, textAlign: 'right' }}>{buttons('-bottom')}</div>}
      {photosOf?.report && (
        <Modal
          open
          title={`${photosOf.projectName} · ${tr('filing.photos')}`}
          onCancel={() => setPhotosOf(null)}
          footer={null}
          destroyOnHidden
        >
          <ReportPhotos reportId={photosOf.report.id} editable={photosOf.can.edit} heading />
        </Modal>
      )}
    </div>
  );
}
