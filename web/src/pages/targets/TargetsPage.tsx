import { useEffect } from 'react';
import { Alert, Card, Select, Skeleton, Tabs } from 'antd';
import { useRaceI18n } from '../../i18n-race';
import { navigate } from '../../router';
import { getRouteApi } from '@tanstack/react-router';
import { PageHeader } from '../../components/PageHeader';
import { useIndicators } from '../race/shared';
import { IndicatorValuesEditor } from './IndicatorValuesEditor';
import { TargetsGrid } from './TargetsGrid';
import { countyNow } from '../../today';

type Tab = 'targets' | 'values';

const targetsUrl = (year: number, tab: Tab) => `/targets?year=${year}${tab === 'values' ? '&tab=values' : ''}`;

/** The years offered: next year (targets are set ahead) back to a few years ago. */
const yearOptions = () => {
  const now = countyNow().year();
  return [now + 1, now, now - 1, now - 2, now - 3];
};

/**
 * 目标任务: each unit's annual target per indicator (年度目标), and the statistics Lantern cannot
 * compute, entered per month (统计数据录入). Editable with target.manage; read only otherwise.
 */
export function TargetsPage() {
  const { tk } = useRaceI18n();
  const search = getRouteApi('/targets').useSearch();
  const year = search.year ?? countyNow().year();
  const tab: Tab = search.tab ?? 'targets';
  const { indicators, error } = useIndicators();

  // The address always names the year, so a shared link shows the same grid.
  const named = search.year !== undefined;
  useEffect(() => {
    if (!named) navigate(targetsUrl(year, tab), { replace: true });
  }, [named, year, tab]);

  return (
    <div data-testid="targets-page">
      <PageHeader
        title={tk('targets.title')}
        extra={
          <Select<number>
            value={year}
            onChange={(next) => navigate(targetsUrl(next, tab), { replace: true })}
            options={yearOptions().map((y) => ({ value: y, label: tk('targets.yearOption', { year: y }) }))}
            style={{ width: 110 }}
            data-testid="targets-year"
          />
        }
      />
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} />}
      <Card size="small" styles={{ body: { paddingTop: 0 } }}>
        <Tabs
          activeKey={tab}
          onChange={(key) => navigate(targetsUrl(year, key as Tab), { replace: true })}
          items={[
            { key: 'targets', label: <span data-testid="targets-tab-targets">{tk('targets.tab.targets')}</span> },
            { key: 'values', label: <span data-testid="targets-tab-values">{tk('targets.tab.values')}</span> },
          ]}
        />
        {!indicators ? (
          !error && <Skeleton active paragraph={{ rows: 8 }} />
        ) : tab === 'targets' ? (
          <TargetsGrid key={year} year={year} indicators={indicators.filter((i) => i.available)} />
        ) : (
          <IndicatorValuesEditor
            key={year}
            year={year}
            indicators={indicators.filter((i) => i.available && i.source === 'manual')}
          />
        )}
      </Card>
    </div>
  );
}
