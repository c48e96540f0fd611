import { formatIndicatorValue, indicatorByKey, type IndicatorKey } from '../../../domain/race/indicators.ts';
import { formatScore } from '../../../domain/progress/time-progress.ts';
import type { BulletinDocument } from './bulletin-document.ts';
import type { BulletinSnapshot } from './bulletins.service.ts';

const NOTES = { noTarget: '无目标', badTarget: '目标无效', noValue: '无数据' } as const;

/** A stored bulletin as the Word and PDF renderers read it: every figure formatted once, here. */
export function toBulletinDocument(
  b: { title: string; issuer: string; doc_number: string; published_at: string; commentary: string },
  snapshot: BulletinSnapshot,
): BulletinDocument {
  const { ranking } = snapshot;
  const value = (key: IndicatorKey, v: number | null) => (v === null ? '—' : formatIndicatorValue(indicatorByKey(key), v));
  return {
    title: b.title,
    issuer: b.issuer,
    docNumber: b.doc_number,
    publishedAt: b.published_at.slice(0, 10),
    periodLabel: ranking.period.label,
    commentary: b.commentary,
    groups: ranking.groups.map((g) => ({
      label: g.label['zh-CN'],
      indicators: ranking.indicators.map((i) => ({ label: i.label['zh-CN'], unit: i.unit === '元' ? '亿元' : i.unit, weight: i.weight })),
      rows: g.rows.map((r) => ({
        rank: r.rank,
        rankChange: r.rankChange,
        unitName: r.name,
        total: r.total,
        cells: r.breakdown.map((c) => ({
          value: value(c.indicator, c.value),
          target: value(c.indicator, c.target),
          score: c.score === null ? (c.note ? NOTES[c.note] : '—') : formatScore(c.score),
        })),
      })),
      top: g.top.map((r) => r.name),
      bottom: g.bottom.map((r) => r.name),
    })),
    redProjects: snapshot.redProjects.map((p) => ({ name: p.name, unitName: p.unitName, reasons: p.reasons })),
  };
}
