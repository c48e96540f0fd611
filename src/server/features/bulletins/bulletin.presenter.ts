import { localDate } from '../../../domain/calendar/local-date.ts';
import { formatWan, formatYi, YUAN_PER_YI } from '../../../domain/money/money.ts';
import { formatPoints, formatScore, roundHalfUp } from '../../../domain/progress/time-progress.ts';
import type { IndicatorUnit } from '../../../domain/race/indicators.ts';
import type { BulletinDocument } from './bulletin-document.ts';
import type { BulletinSnapshot } from './bulletins.service.ts';

const NOTES = { noTarget: '无目标', badTarget: '目标无效', noValue: '无数据' } as const;

/** The unit a column of one indicator is printed in, stated once in its header. */
export type ColumnUnit = '亿元' | '万元' | '个' | '%';

/**
 * One unit for a whole column, so a reader compares bare numbers: money in 亿元 when the column's
 * largest absolute value reaches 1 亿元, else 万元; counts in 个; percents in %.
 *
 *   columnUnit('元', [86_700_000, 123_000_000]) → '亿元';  columnUnit('元', [8_670_000, null]) → '万元'
 */
export function columnUnit(unit: IndicatorUnit, values: readonly (number | null)[]): ColumnUnit {
  if (unit !== '元') return unit;
  const largest = Math.max(0, ...values.map((v) => Math.abs(v ?? 0)));
  return largest >= YUAN_PER_YI ? '亿元' : '万元';
}

/**
 * A value as a bare number in its column's unit: '0.87' (亿元), '867.00' (万元), '3' (个), '87.5' (%);
 * '—' without a value. Money and percents are rounded once, by the domain's formatters.
 */
export function formatCell(unit: ColumnUnit, value: number | null): string {
  if (value === null) return '—';
  if (unit === '亿元') return formatYi(value);
  if (unit === '万元') return formatWan(value);
  if (unit === '%') return formatPoints(value);
  return String(roundHalfUp(value, 0));
}

/**
 * A stored bulletin as the Word and PDF renderers read it: every figure formatted once, here. The
 * printed date is the county's local date of publication in `timeZone`; the publication instant
 * itself stamps the files (see BulletinDocument.issuedAt).
 */
export function toBulletinDocument(
  b: { title: string; issuer: string; doc_number: string; published_at: string; commentary: string },
  snapshot: BulletinSnapshot,
  { timeZone }: { timeZone: string },
): BulletinDocument {
  const { ranking } = snapshot;
  return {
    title: b.title,
    issuer: b.issuer,
    docNumber: b.doc_number,
    publishedAt: localDate(new Date(b.published_at), timeZone),
    issuedAt: new Date(b.published_at).toISOString(),
    periodLabel: ranking.period.label,
    commentary: b.commentary,
    groups: ranking.groups.map((g) => {
      // Each group is its own table, so each picks its own money unit per indicator column.
      const unitOf = new Map(
        ranking.indicators.map((ind) => [
          ind.key,
          columnUnit(
            ind.unit,
            g.rows.flatMap((r) => r.breakdown.filter((c) => c.indicator === ind.key).map((c) => c.value)),
          ),
        ]),
      );
      return {
        label: g.label['zh-CN'],
        indicators: ranking.indicators.map((ind) => ({
          label: ind.label['zh-CN'],
          unit: unitOf.get(ind.key)!,
          weight: ind.weight,
        })),
        rows: g.rows.map((r) => ({
          rank: r.rank,
          rankChange: r.rankChange,
          unitName: r.name,
          total: r.total,
          cells: r.breakdown.map((c) => ({
            value: formatCell(unitOf.get(c.indicator)!, c.value),
            target: formatCell(unitOf.get(c.indicator)!, c.target),
            score: c.score === null ? (c.note ? NOTES[c.note] : '—') : formatScore(c.score),
          })),
        })),
        top: g.top.map((r) => r.name),
        bottom: g.bottom.map((r) => r.name),
      };
    }),
    redProjects: snapshot.redProjects.map((p) => ({ name: p.name, unitName: p.unitName, reasons: p.reasons })),
  };
}
