// Small pieces shared by the target, race, ranking and bulletin pages.
import { useCallback } from 'react';
import { useQuery } from '@tanstack/react-query';
import { Tag, Typography } from 'antd';
import { ArrowDownOutlined, ArrowUpOutlined } from '@ant-design/icons';
import { raceApi, type IndicatorInfo, type IndicatorUnit, type ScoreNote } from '../../api-race';
import { errorMessage } from '../../forms';
import { useRaceI18n } from '../../i18n-race';

/** Colours of the 骏马 (top) and 蜗牛 (bottom) tags and tints. */
export const TOP_COLOUR = '#389e0d';
export const BOTTOM_COLOUR = '#d46b08';
export const TOP_TINT = '#f6ffed';
export const BOTTOM_TINT = '#fff7e6';

/** The indicator library as GET /indicators answers it, loaded once per page. */
export function useIndicators(): { indicators: IndicatorInfo[] | null; error: string | null } {
  const query = useQuery({ queryKey: ['race', 'indicators'], queryFn: () => raceApi.indicators() });
  return { indicators: query.data?.items ?? null, error: query.error ? errorMessage(query.error) : null };
}

/**
 * A server field path as parts: 'items.3.value' and 'items[3].value' both give ['items', 3, 'value'].
 */
export function fieldParts(field: string | undefined): (string | number)[] {
  if (!field) return [];
  return field
    .replace(/\[(\d+)\]/g, '.$1')
    .split('.')
    .filter(Boolean)
    .map((part) => (/^\d+$/.test(part) ? Number(part) : part));
}

/** The unit a value of the indicator is typed or read in, for headers ("亿元", "个", "%"). */
export function useUnitText() {
  const { tk } = useRaceI18n();
  return useCallback(
    (unit: IndicatorUnit, money: 'yi' | 'wan' = 'yi') =>
      unit === '元'
        ? tk(money === 'yi' ? 'unit.yi' : 'unit.wan')
        : unit === '%'
          ? tk('unit.percent')
          : tk('unit.count'),
    [tk],
  );
}

/** ↑2 (moved up, green), ↓1 (down, red), — (same or no previous rank). */
export function RankChange({ change }: { change: number | null }) {
  if (change === null || change === 0) {
    return (
      <Typography.Text type="secondary" data-testid="rank-change" data-change={change ?? ''}>
        —
      </Typography.Text>
    );
  }
  const up = change > 0;
  return (
    <span
      style={{ color: up ? '#389e0d' : '#cf1322', whiteSpace: 'nowrap' }}
      data-testid="rank-change"
      data-change={change}
    >
      {up ? <ArrowUpOutlined /> : <ArrowDownOutlined />}
      {Math.abs(change)}
    </span>
  );
}

/** 无目标 / 目标无效 / 无数据 in place of a score: never shown as 0. */
export function NoteTag({ note }: { note: ScoreNote }) {
  const { note: noteText } = useRaceI18n();
  return (
    <Tag
      color={note === 'noValue' ? 'default' : 'warning'}
      variant="outlined"
      style={{ marginInlineEnd: 0 }}
      data-testid="score-note"
      data-note={note}
    >
      {noteText(note)}
    </Tag>
  );
}

/** 骏马 or 蜗牛 as a small tag beside a unit's name. */
export function StandingTag({ standing }: { standing: 'top' | 'bottom' }) {
  const { tk } = useRaceI18n();
  return (
    <Tag
      color={standing === 'top' ? 'green' : 'orange'}
      style={{ marginInlineEnd: 0 }}
      data-testid={`standing-${standing}`}
    >
      {tk(standing === 'top' ? 'tag.top' : 'tag.bottom')}
    </Tag>
  );
}
