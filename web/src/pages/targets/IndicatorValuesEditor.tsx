import { useEffect, useMemo, useRef, useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { Alert, App, Button, Empty, Input, Select, Table, Typography, type TableColumnsType } from 'antd';
import { SaveOutlined } from '@ant-design/icons';
import { ApiError } from '../../api';
import {
  raceApi,
  type IndicatorInfo,
  type IndicatorKey,
  type IndicatorValueInput,
  type IndicatorValues,
  type RankableUnit,
} from '../../api-race';
import { errorMessage } from '../../forms';
import { formatTime } from '../../format';
import { useRaceI18n, type RaceMessageKey } from '../../i18n-race';
import { parseStatText, statToText } from '../race/amounts';
import { fieldParts, useUnitText } from '../race/shared';
import { UnchangedBulletinsAlert } from './UnchangedBulletinsAlert';
import { indicatorValuesQuery, invalidateRaceFigures } from '../../features/race/queries';
import { queryClient } from '../../queries/client';
import type { BulletinsUnchangedWarning } from '../../api-race';
import { countyNow } from '../../today';

const DEFAULT_SOURCE = '县统计局';

interface Draft {
  value?: string;
  source?: string;
}

/** The most frequent non-empty source, or null. */
function mostCited(sources: string[]): string | null {
  const counts = new Map<string, number>();
  for (const source of sources) if (source.trim()) counts.set(source, (counts.get(source) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1])[0]?.[0] ?? null;
}

/** The month the figures are usually entered for: the one just ended (December for a past year). */
function defaultMonth(year: number): number {
  const now = countyNow();
  if (year < now.year()) return 12;
  return Math.max(1, now.month());
}

/**
 * 统计数据录入: a manual indicator's year-to-date figure per unit through one month, with its source.
 * Only the rows that changed are sent.
 */
export function IndicatorValuesEditor({ year, indicators }: { year: number; indicators: IndicatorInfo[] }) {
  const { tk, text, inUnit } = useRaceI18n();
  const unitText = useUnitText();
  const { message } = App.useApp();
  const [indicator, setIndicator] = useState<IndicatorKey | undefined>(indicators[0]?.key);
  const [month, setMonth] = useState(() => defaultMonth(year));
  const [drafts, setDrafts] = useState<Record<number, Draft>>({});
  const [errors, setErrors] = useState<Record<number, { field: 'value' | 'source'; message: string }>>({});
  const [defaultSource, setDefaultSource] = useState(DEFAULT_SOURCE);
  const [saving, setSaving] = useState(false);
  const [unchanged, setUnchanged] = useState<BulletinsUnchangedWarning[]>([]);
  const info = indicators.find((i) => i.key === indicator);
  const query = useQuery(indicatorValuesQuery(indicator, year, month));
  // Switching indicator or month never shows the previous one's figures: the table loads (or shows the cached answer).
  const data: IndicatorValues | null = query.data ?? null;
  const loadError = query.error && !data ? errorMessage(query.error) : null;
  // The indicator and month whose figures last chose the default source: once per switch, not after a save.
  const citedFor = useRef<string | null>(null);

  useEffect(() => {
    setDrafts({});
    setErrors({});
  }, [indicator, year, month]);

  useEffect(() => {
    const shown = `${indicator}:${year}:${month}`;
    if (!data || citedFor.current === shown) return;
    citedFor.current = shown;
    // New rows take the source most figures of this indicator already cite (县财政局 for revenue…).
    const cited = mostCited(data.items.map((i) => i.source ?? ''));
    if (cited) setDefaultSource(cited);
  }, [data, indicator, year, month]);

  const saved = useMemo(() => new Map((data?.items ?? []).map((item) => [item.unitId, item])), [data]);

  const changedUnits = useMemo(() => {
    if (!info) return [];
    return Object.entries(drafts).flatMap(([unitPart, draft]) => {
      const unitId = Number(unitPart);
      const before = saved.get(unitId);
      const valueText = draft.value ?? statToText(before?.value, info.unit);
      const parsed = parseStatText(valueText, info.unit);
      const source = (draft.source ?? before?.source ?? '').trim();
      const same =
        parsed.ok &&
        parsed.value === (before?.value ?? null) &&
        (parsed.value === null || source === '' || source === before?.source);
      return same ? [] : [unitId];
    });
  }, [drafts, saved, info]);

  const edit = (unitId: number, patch: Draft) => {
    setDrafts((d) => ({ ...d, [unitId]: { ...d[unitId], ...patch } }));
    if (errors[unitId]) setErrors(({ [unitId]: _gone, ...rest }) => rest);
  };

  const save = async () => {
    if (!info || !indicator) return;
    const found: typeof errors = {};
    const items: IndicatorValueInput[] = [];
    for (const unitId of changedUnits) {
      const before = saved.get(unitId);
      const draft = drafts[unitId] ?? {};
      const parsed = parseStatText(draft.value ?? statToText(before?.value, info.unit), info.unit);
      if (!parsed.ok) {
        found[unitId] = { field: 'value', message: tk(parsed.problem as RaceMessageKey) };
        continue;
      }
      const source = (draft.source ?? before?.source ?? '').trim() || defaultSource.trim();
      if (parsed.value !== null && !source) {
        found[unitId] = { field: 'source', message: tk('values.sourceRequired') };
        continue;
      }
      items.push({ unitId, value: parsed.value, source });
    }
    if (Object.keys(found).length) {
      setErrors(found);
      message.warning(tk('targets.fixErrors'));
      return;
    }
    if (!items.length) return;
    setSaving(true);
    try {
      const result = await raceApi.saveIndicatorValues({ indicator, year, month, items });
      queryClient.setQueryData(indicatorValuesQuery(indicator, year, month).queryKey, result);
      void invalidateRaceFigures();
      setUnchanged(result.warnings ?? []);
      setDrafts({});
      setErrors({});
      message.success(tk('values.saved', { n: items.length }));
    } catch (e) {
      const [list, index, field] = fieldParts(e instanceof ApiError ? e.field : undefined);
      const item = list === 'items' && typeof index === 'number' ? items[index] : undefined;
      if (item)
        setErrors({ [item.unitId]: { field: field === 'source' ? 'source' : 'value', message: errorMessage(e) } });
      message.error(errorMessage(e));
    } finally {
      setSaving(false);
    }
  };

  if (!indicators.length) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={tk('values.noManual')} />;

  const canEdit = Boolean(data?.canEdit);
  const now = countyNow();
  const changed = new Set(changedUnits);
  const columns: TableColumnsType<RankableUnit> = [
    {
      title: tk('targets.unit'),
      key: 'unit',
      dataIndex: 'unitName',
      width: 140,
      fixed: 'left',
      render: (name: string) => <span style={{ fontWeight: 500 }}>{name}</span>,
    },
    {
      title: `${tk('values.value')}${info ? inUnit(unitText(info.unit, 'wan')) : ''}`,
      key: 'value',
      width: 150,
      render: (_, unit) => {
        const before = saved.get(unit.unitId);
        const value = drafts[unit.unitId]?.value ?? statToText(before?.value, info!.unit);
        if (!canEdit) return value || '—';
        const error = errors[unit.unitId]?.field === 'value' ? errors[unit.unitId]!.message : null;
        return (
          <div>
            <Input
              size="small"
              inputMode="decimal"
              value={value}
              status={error ? 'error' : undefined}
              onChange={(e) => edit(unit.unitId, { value: e.target.value })}
              style={changed.has(unit.unitId) && !error ? { background: '#fffbe6', borderColor: '#faad14' } : undefined}
              data-testid={`value-${unit.unitId}`}
            />
            {error && <div style={{ color: '#cf1322', fontSize: 12 }}>{error}</div>}
          </div>
        );
      },
    },
    {
      title: tk('values.source'),
      key: 'source',
      width: 160,
      render: (_, unit) => {
        const before = saved.get(unit.unitId);
        const source = drafts[unit.unitId]?.source ?? before?.source ?? '';
        if (!canEdit) return source || '—';
        const error = errors[unit.unitId]?.field === 'source' ? errors[unit.unitId]!.message : null;
        return (
          <div>
            <Input
              size="small"
              value={source}
              placeholder={defaultSource}
              status={error ? 'error' : undefined}
              onChange={(e) => edit(unit.unitId, { source: e.target.value })}
              data-testid={`source-${unit.unitId}`}
            />
            {error && <div style={{ color: '#cf1322', fontSize: 12 }}>{error}</div>}
          </div>
        );
      },
    },
    {
      title: tk('values.lastUpdate'),
      key: 'updated',
      width: 150,
      render: (_, unit) => {
        const before = saved.get(unit.unitId);
        return before ? (
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {tk('values.updated', { by: before.updatedBy ?? '', at: formatTime(before.updatedAt) })}
          </Typography.Text>
        ) : null;
      },
    },
  ];

  return (
    <div data-testid="values-editor">
      <UnchangedBulletinsAlert warnings={unchanged} onClose={() => setUnchanged([])} />
      <div style={{ display: 'flex', flexWrap: 'wrap', alignItems: 'flex-end', gap: 12, marginBottom: 12 }}>
        <label style={{ display: 'grid', gap: 4 }}>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {tk('values.indicator')}
          </Typography.Text>
          <Select<IndicatorKey>
            value={indicator}
            onChange={setIndicator}
            options={indicators.map((i) => ({ value: i.key, label: text(i.label) }))}
            style={{ width: 200 }}
            data-testid="values-indicator"
          />
        </label>
        <label style={{ display: 'grid', gap: 4 }}>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {tk('values.month')}
          </Typography.Text>
          <Select<number>
            value={month}
            onChange={setMonth}
            options={Array.from({ length: 12 }, (_, i) => ({
              value: i + 1,
              label: tk('period.monthShort', { index: i + 1 }),
              disabled: year > now.year() || (year === now.year() && i + 1 > now.month() + 1),
            }))}
            style={{ width: 100 }}
            data-testid="values-month"
          />
        </label>
        {canEdit && (
          <label style={{ display: 'grid', gap: 4 }}>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {tk('values.defaultSource')}
            </Typography.Text>
            <Input
              value={defaultSource}
              onChange={(e) => setDefaultSource(e.target.value)}
              placeholder={tk('values.sourcePlaceholder')}
              style={{ width: 160 }}
              data-testid="values-default-source"
            />
          </label>
        )}
        <div style={{ flex: 1 }} />
        {canEdit && (
          <Button
            type="primary"
            icon={<SaveOutlined />}
            loading={saving}
            disabled={!changedUnits.length}
            onClick={() => void save()}
            data-testid="values-save"
          >
            {changedUnits.length ? tk('targets.saveCount', { n: changedUnits.length }) : tk('targets.save')}
          </Button>
        )}
      </div>
      <Typography.Paragraph type="secondary" style={{ fontSize: 13, marginBottom: 12 }}>
        {tk('values.hint')}
      </Typography.Paragraph>
      {loadError ? (
        <Alert type="error" showIcon title={loadError} />
      ) : (
        <Table<RankableUnit>
          rowKey="unitId"
          size="small"
          loading={!data}
          columns={columns}
          dataSource={data?.units ?? []}
          pagination={false}
          scroll={{ x: 600 }}
          locale={{ emptyText: tk('targets.empty') }}
        />
      )}
    </div>
  );
}
