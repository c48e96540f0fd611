import { useQuery } from '@tanstack/react-query';
import { getRouteApi } from '@tanstack/react-router';
import { Alert, Card, Col, Grid, Pagination, Row, Select, Statistic, Table, Typography } from 'antd';
import type { LicenceView } from '../../api-enterprises';
import { LICENCE_PAGE_SIZE, licencesQuery } from '../../features/enterprises/queries';
import { DEFAULT_WITHIN_DAYS, WITHIN_DAYS } from '../../features/enterprises/search';
import { errorMessage } from '../../forms';
import { useEnterprisesI18n } from '../../i18n-enterprises';
import { stringifySearch } from '../../routes/search';
import { navigate } from '../../router';
import { PageHeader } from '../../components/PageHeader';
import { LICENCE_TABLE_MIN_WIDTH, licenceColumns } from './licenceColumns';

const licencesUrl = (state: { withinDays?: number; page?: number }) =>
  `/licences${stringifySearch(state as Record<string, unknown>)}`;

/** 证照临期: the licences in the user's scope ending within N days, expired ones first, with the counts. */
export function LicencesPage() {
  const i18n = useEnterprisesI18n();
  const { te } = i18n;
  const state = getRouteApi('/licences').useSearch();
  const isPhone = Grid.useBreakpoint().md === false;
  const withinDays = state.withinDays ?? DEFAULT_WITHIN_DAYS;
  const pageNo = state.page ?? 1;
  const list = useQuery(licencesQuery(withinDays, pageNo));
  const data = list.data;
  const error = list.error ? errorMessage(list.error) : null;

  const choose = (days: number) =>
    navigate(licencesUrl({ withinDays: days === DEFAULT_WITHIN_DAYS ? undefined : days }), { replace: true });

  return (
    <div data-testid="licences-page">
      <PageHeader
        title={te('licences.title')}
        extra={
          <Select
            value={withinDays}
            onChange={choose}
            options={WITHIN_DAYS.map((days) => ({ value: days, label: te('licences.within', { days }) }))}
            style={{ width: isPhone ? 140 : 160 }}
            aria-label={te('licences.windowLabel')}
            data-testid="licences-within"
          />
        }
      />
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} />}
      <Row gutter={[12, 12]} style={{ marginBottom: 16 }}>
        <Col xs={12} md={8} xl={6}>
          <Card size="small" style={{ borderTop: '3px solid #cf1322', height: '100%' }}>
            <Statistic
              title={te('licences.expired')}
              value={data?.expired ?? '—'}
              suffix={data ? te('licences.unit') : undefined}
              styles={{ content: { color: '#cf1322', fontWeight: 600 } }}
              data-testid="licences-expired"
              data-count={data?.expired ?? ''}
            />
          </Card>
        </Col>
        <Col xs={12} md={8} xl={6}>
          <Card size="small" style={{ borderTop: '3px solid #d46b08', height: '100%' }}>
            <Statistic
              title={te('licences.expiring', { days: withinDays })}
              value={data ? data.total - data.expired : '—'}
              suffix={data ? te('licences.unit') : undefined}
              styles={{ content: { color: '#d46b08', fontWeight: 600 } }}
              data-testid="licences-expiring"
              data-count={data ? data.total - data.expired : ''}
            />
          </Card>
        </Col>
      </Row>
      <Card styles={{ body: { padding: isPhone ? 0 : 12 } }}>
        {!isPhone && (
          <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }}>
            {te('licences.intro', { days: withinDays })}
          </Typography.Paragraph>
        )}
        <Table<LicenceView>
          rowKey="id"
          size="middle"
          columns={licenceColumns(i18n, { isPhone, withEnterprise: true })}
          dataSource={data?.items ?? []}
          loading={list.isFetching}
          pagination={false}
          scroll={isPhone ? undefined : { x: LICENCE_TABLE_MIN_WIDTH }}
          locale={{ emptyText: te('licences.empty', { days: withinDays }) }}
          data-testid="licences-table"
        />
        {data && data.total > LICENCE_PAGE_SIZE && (
          <Pagination
            current={pageNo}
            pageSize={LICENCE_PAGE_SIZE}
            total={data.total}
            showSizeChanger={false}
            simple={isPhone}
            onChange={(page) => navigate(licencesUrl({ ...state, page: page > 1 ? page : undefined }))}
            align={isPhone ? 'center' : 'end'}
            style={{ margin: 12 }}
          />
        )}
      </Card>
    </div>
  );
}
