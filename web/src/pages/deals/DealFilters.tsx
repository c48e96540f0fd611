// The filters of the kanban and the list: unit, team (with its weekly log a click away), source region, chain, and a
// search over names and investors. Each change goes to the address, so a filtered board can be linked to.
import type { CSSProperties } from 'react';
import { Button, Input, Select } from 'antd';
import { ScheduleOutlined } from '@ant-design/icons';
import type { DealBoardState } from '../../features/deals/search';
import { teamLogUrl } from '../../features/deals/search';
import { useDealsI18n } from '../../i18n-deals';
import { useUnits } from '../../useUnits';
import { Link } from '../../components/Link';
import { UnitTreeSelect } from '../../components/UnitTreeSelect';
import { useDealOptions } from './shared';

export function DealFilters({
  state,
  isPhone,
  onChange,
  onReset,
}: {
  state: DealBoardState;
  isPhone: boolean;
  onChange: (patch: DealBoardState) => void;
  onReset: () => void;
}) {
  const { td } = useDealsI18n();
  const { roots } = useUnits();
  const { regions, chains, teamOptions } = useDealOptions();
  const control = (width: number): CSSProperties => (isPhone ? { flex: '1 1 40%', minWidth: 0 } : { width });
  const filtered = Boolean(state.unitId || state.teamId || state.sourceRegion || state.chainKey || state.q);
  return (
    <div style={{ display: 'flex', flexWrap: 'wrap', gap: 8, marginBottom: 12, alignItems: 'center' }}>
      <UnitTreeSelect
        roots={roots}
        value={state.unitId}
        onChange={(id) => onChange({ unitId: id === undefined ? undefined : Number(id) })}
        allowClear
        placeholder={td('f.unit')}
        style={control(170)}
        data-testid="deals-filter-unit"
      />
      <Select
        allowClear
        placeholder={td('f.team')}
        value={state.teamId}
        onChange={(value?: number) => onChange({ teamId: value })}
        options={teamOptions}
        style={control(170)}
        data-testid="deals-filter-team"
      />
      <Select
        allowClear
        placeholder={td('f.sourceRegion')}
        value={state.sourceRegion}
        onChange={(value?: string) => onChange({ sourceRegion: value })}
        options={regions}
        style={control(120)}
        data-testid="deals-filter-region"
      />
      <Select
        allowClear
        placeholder={td('f.chain')}
        value={state.chainKey}
        onChange={(value?: string) => onChange({ chainKey: value })}
        options={chains}
        style={control(150)}
        popupMatchSelectWidth={200}
        data-testid="deals-filter-chain"
      />
      <Input.Search
        key={`q-${state.q ?? ''}`}
        allowClear
        defaultValue={state.q}
        placeholder={td('filter.search')}
        onSearch={(value) => onChange({ q: value.trim() || undefined })}
        style={isPhone ? { flex: '1 1 100%' } : { width: 220 }}
        data-testid="deals-filter-q"
      />
      {state.teamId && (
        <Link to={teamLogUrl(state.teamId)} data-testid="deals-team-log">
          <ScheduleOutlined /> {td('teamLog.open')}
        </Link>
      )}
      {filtered && (
        <Button onClick={onReset} data-testid="deals-filter-reset">
          {td('filter.reset')}
        </Button>
      )}
    </div>
  );
}
