import { useMemo, type HTMLAttributes, type ReactNode } from 'react';
import { Table, Typography, type TableColumnsType } from 'antd';
import type { RankingGroup, RankingIndicator, RankingRow } from '../../api-race';
import { useRaceI18n } from '../../i18n-race';
import { formatScore, formatValue } from './amounts';
import { showsTarget } from '../../../../src/domain/race/ranking-figures';
import { Link } from '../../components/Link';
import { BOTTOM_TINT, NoteTag, RankChange, StandingTag, TOP_TINT, useUnitText } from './shared';

type Standing = 'top' | 'bottom' | null;

/** Where a figure's records are looked up: the race's period, live or as of an instant. */
export interface DrillContext {
  raceId: number;
  year: number;
  period: number;
  asOf: string | null;
}

/** The indicators whose figure Lantern computes from its records (the rest are entered statistics). */
const DRILLABLE = new Set([
  'fixedAssetInvestment',
  'projectsStarted',
  'newStartsAboveYi',
  'overdueStarts',
  'redProjects',
  'ticketClosureRate',
  'ticketsOverdue',
  'ticketSatisfaction',
  'signedDeals',
  'signedDealsAboveYi',
  'dealFundsInPlace',
  'dealLandingRate',
]);

/**
 * The page listing exactly the records a computed figure counts (the same rule as the figure, on the
 * server), for the period and moment the figure is of. Null for hand-entered statistics.
 */
export function drillHref(indicator: string, unitId: number, drill: DrillContext): string | null {
  if (!DRILLABLE.has(indicator)) return null;
  const asOf = drill.asOf ? `&asOf=${encodeURIComponent(drill.asOf)}` : '';
  return `/races/${drill.raceId}/records?year=${drill.year}&period=${drill.period}&unitId=${unitId}&indicator=${indicator}${asOf}`;
}

/** Whether the row is named 骏马 or 蜗牛 in its group. */
export function standingOf(group: RankingGroup, row: RankingRow): Standing {
  if (group.top.some((r) => r.unitId === row.unitId)) return 'top';
  if (group.bottom.some((r) => r.unitId === row.unitId)) return 'bottom';
  return null;
}

const tintOf = (standing: Standing) =>
  standing === 'top' ? TOP_TINT : standing === 'bottom' ? BOTTOM_TINT : undefined;

/** A score, or the reason there is none (无目标 / 目标无效 / 无数据), never a 0 in its place. */
function ScoreCell({ row, index }: { row: RankingRow; index: number }) {
  const cell = row.breakdown[index];
  if (!cell) return <>—</>;
  if (cell.score === null && cell.note) return <NoteTag note={cell.note} />;
  return <span style={{ fontVariantNumeric: 'tabular-nums' }}>{formatScore(cell.score)}</span>;
}

/**
 * One peer group's ranking: 名次, 变化, 单位, 总分 and per indicator 完成 / 目标 / 得分. On a phone the
 * indicators fold into each row's expansion, so the table stays within the screen. A group too small
 * for 骏马 and 蜗牛 says so above its table.
 */
export function RankingTable({
  group,
  indicators,
  narrow,
  testId,
  drill,
}: {
  group: RankingGroup;
  indicators: RankingIndicator[];
  narrow: boolean;
  testId?: string;
  drill?: DrillContext;
}) {
  const { tk, text, inUnit } = useRaceI18n();
  const unitText = useUnitText();

  const columns = useMemo((): TableColumnsType<RankingRow> => {
    const tinted = (row: RankingRow) => ({ style: { background: tintOf(standingOf(group, row)) } });
    const rank: TableColumnsType<RankingRow>[number] = {
      title: tk('ranking.rank'),
      key: 'rank',
      width: narrow ? 56 : 64,
      align: 'center',
      fixed: narrow ? undefined : 'left',
      onCell: tinted,
      render: (_, row) => (
        <div>
          <div style={{ fontSize: 16, fontWeight: 600 }} data-testid="rank">
            {row.rank}
          </div>
          {narrow && <RankChange change={row.rankChange} />}
        </div>
      ),
    };
    const unit: TableColumnsType<RankingRow>[number] = {
      title: tk('ranking.unit'),
      key: 'unit',
      width: narrow ? undefined : 150,
      fixed: narrow ? undefined : 'left',
      onCell: tinted,
      render: (_, row) => {
        const standing = standingOf(group, row);
        return (
          <div style={{ display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: 4 }}>
            <span style={{ fontWeight: 500, wordBreak: 'break-all' }} data-testid="ranking-unit">
              {row.name}
            </span>
            {standing && <StandingTag standing={standing} />}
          </div>
        );
      },
    };
    const total: TableColumnsType<RankingRow>[number] = {
      title: tk('ranking.total'),
      key: 'total',
      width: 76,
      align: 'right',
      onCell: tinted,
      render: (_, row) => (
        <span style={{ fontWeight: 600, fontVariantNumeric: 'tabular-nums' }} data-testid="ranking-total">
          {formatScore(row.total)}
        </span>
      ),
    };
    if (narrow) return [rank, unit, total];

    const change: TableColumnsType<RankingRow>[number] = {
      title: tk('ranking.change'),
      key: 'change',
      width: 60,
      align: 'center',
      onCell: tinted,
      render: (_, row) => <RankChange change={row.rankChange} />,
    };
    const perIndicator = indicators.map((indicator, index): TableColumnsType<RankingRow>[number] => {
      const showTarget = showsTarget(indicator, group.rows, index);
      const unitSuffix = unitText(indicator.unit);
      const cell = (render: (row: RankingRow) => ReactNode, key: string, title: string) => ({
        title,
        key: `${indicator.key}-${key}`,
        width: key === 'score' ? 84 : 80,
        align: 'right' as const,
        onCell: tinted,
        render: (_: unknown, row: RankingRow) => render(row),
      });
      return {
        key: indicator.key,
        align: 'center',
        title: (
          <div style={{ lineHeight: 1.35 }}>
            <div>
              {text(indicator.label)}
              {indicator.unit === '元' ? inUnit(unitSuffix) : ''}
            </div>
            <Typography.Text type="secondary" style={{ fontSize: 12, fontWeight: 400 }}>
              {indicator.weight > 0 ? tk('ranking.weight', { weight: indicator.weight }) : tk('method.deduction')}
            </Typography.Text>
          </div>
        ),
        children: [
          cell(
            (row) => {
              const shown = formatValue(row.breakdown[index]?.value, indicator.unit);
              // A ranking's computed figures open the records behind them; a bulletin's are frozen text.
              const href = drill ? drillHref(indicator.key, row.unitId, drill) : null;
              return href ? (
                <Link to={href} data-testid={`drill-${indicator.key}-${row.unitId}`}>
                  {shown}
                </Link>
              ) : (
                shown
              );
            },
            'value',
            tk('ranking.value'),
          ),
          ...(showTarget
            ? [cell((row) => formatValue(row.breakdown[index]?.target, indicator.unit), 'target', tk('ranking.target'))]
            : []),
          cell((row) => <ScoreCell row={row} index={index} />, 'score', tk('ranking.score')),
        ],
      };
    });
    return [rank, change, unit, total, ...perIndicator];
  }, [group, indicators, narrow, tk, text, inUnit, unitText, drill]);

  const width = useMemo(() => 64 + 60 + 150 + 76 + indicators.length * 244, [indicators.length]);

  return (
    <>
      {/* A group too small for both lists names nobody: say so, rather than leave the tags missing. */}
      {group.tooSmall && (
        <Typography.Text
          type="secondary"
          style={{ display: 'block', fontSize: 12, padding: narrow ? '8px 12px' : '0 0 8px' }}
          data-testid="ranking-too-small"
        >
          {tk('ranking.tooSmall')}
        </Typography.Text>
      )}
      <Table<RankingRow>
        rowKey="unitId"
        size="small"
        bordered={!narrow}
        columns={columns}
        dataSource={group.rows}
        pagination={false}
        scroll={narrow ? undefined : { x: width }}
        locale={{ emptyText: tk('ranking.noRows') }}
        expandable={
          narrow
            ? { expandedRowRender: (row) => <Breakdown row={row} indicators={indicators} />, expandRowByClick: true }
            : undefined
        }
        onRow={(row) =>
          ({
            'data-testid': `ranking-row-${row.unitId}`,
            'data-standing': standingOf(group, row) ?? '',
            style: { background: tintOf(standingOf(group, row)) },
          }) as HTMLAttributes<HTMLElement>
        }
        data-testid={testId}
      />
    </>
  );
}

/** A row's indicators as lines, for the phone: 完成 / 目标 and 得分. */
function Breakdown({ row, indicators }: { row: RankingRow; indicators: RankingIndicator[] }) {
  const { tk, text } = useRaceI18n();
  const unitText = useUnitText();
  return (
    <div style={{ display: 'grid', gap: 6 }} data-testid="ranking-breakdown">
      {indicators.map((indicator, index) => {
        const cell = row.breakdown[index];
        return (
          <div
            key={indicator.key}
            style={{ display: 'flex', justifyContent: 'space-between', gap: 8, alignItems: 'baseline' }}
          >
            <div style={{ minWidth: 0 }}>
              <div style={{ fontSize: 13 }}>{text(indicator.label)}</div>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {tk('ranking.value')} {formatValue(cell?.value, indicator.unit)}
                {cell?.target !== null && cell?.target !== undefined
                  ? ` / ${tk('ranking.target')} ${formatValue(cell.target, indicator.unit)}`
                  : ''}
                {indicator.unit === '元' ? ` ${unitText(indicator.unit)}` : ''}
              </Typography.Text>
            </div>
            <ScoreCell row={row} index={index} />
          </div>
        );
      })}
    </div>
  );
}
