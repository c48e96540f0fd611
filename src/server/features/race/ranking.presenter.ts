import { indicatorByKey } from '../../../domain/race/indicators.ts';
import type { RacePeriod } from '../../../domain/race/period.ts';
import type { RaceDefinition } from '../../../domain/race/race-definition.ts';
import type { RaceRanking, RankingRow } from '../../../domain/race/ranking.ts';
import type { HistoryRepository } from '../history/history.repository.ts';

const presentRow = (r: RankingRow) => ({
  unitId: r.unitId,
  name: r.name,
  total: r.total,
  rank: r.rank,
  rankChange: r.rankChange,
  breakdown: r.breakdown,
});

/** The ranking as the API and a bulletin's snapshot carry it. */
export function presentRanking(definition: RaceDefinition, period: RacePeriod, ranking: RaceRanking) {
  return {
    period: {
      kind: period.kind,
      year: period.year,
      index: period.index,
      endMonth: period.endMonth,
      label: period.label['zh-CN'],
      labels: period.label,
    },
    indicators: definition.indicators.map((i) => ({
      key: i.key,
      label: indicatorByKey(i.key).label,
      unit: indicatorByKey(i.key).unit,
      weight: i.weight,
      method: i.method,
    })),
    // tooSmall: the group has too few units for both lists, so it names nobody (and says so).
    groups: ranking.groups.map((g) => ({
      group: g.group,
      label: g.label,
      rows: g.rows.map(presentRow),
      top: g.top.map(presentRow),
      bottom: g.bottom.map(presentRow),
      tooSmall: g.tooSmall,
    })),
  };
}
export type PresentedRanking = ReturnType<typeof presentRanking>;

/**
 * A ranking as a snapshot frozen before `tooSmall` was presented would have held it: without that
 * field, so that regenerating such a bulletin compares like with like.
 */
export function asFrozenBefore<R extends { groups: { tooSmall?: boolean }[] }>(
  ranking: R,
  frozen: { groups: { tooSmall?: boolean }[] },
): R {
  if (frozen.groups.every((g) => 'tooSmall' in g)) return ranking;
  return { ...ranking, groups: ranking.groups.map(({ tooSmall: _omitted, ...g }) => g) };
}

/** An approved revision that came after a publication, as history reads it. */
type ApprovedAfter = Awaited<ReturnType<HistoryRepository['approvedSince']>>[number];

/**
 * A published period: the bulletin's frozen ranking, how the live (or as-of) one differs from it, unit
 * by unit, and the approvals that came after publication which explain the difference (the first 100).
 */
export function presentPublished(
  b: { id: number; title: string; doc_number: string; published_at: string; snapshot_json: string },
  live: PresentedRanking,
  approvedAfter: readonly ApprovedAfter[],
) {
  const frozen = (JSON.parse(b.snapshot_json) as { ranking: PresentedRanking }).ranking;
  const frozenRows = new Map(frozen.groups.flatMap((g) => g.rows.map((r) => [r.unitId, r] as const)));
  const changes = live.groups.flatMap((g) =>
    g.rows.flatMap((r) => {
      const f = frozenRows.get(r.unitId);
      return !f || f.total !== r.total || f.rank !== r.rank
        ? [
            {
              unitId: r.unitId,
              name: r.name,
              publishedTotal: f?.total ?? null,
              publishedRank: f?.rank ?? null,
              liveTotal: r.total,
              liveRank: r.rank,
            },
          ]
        : [];
    }),
  );
  return {
    bulletinId: b.id,
    title: b.title,
    docNumber: b.doc_number,
    publishedAt: b.published_at,
    indicators: frozen.indicators,
    groups: frozen.groups,
    changes,
    approvedAfterCount: approvedAfter.length,
    approvedAfter: approvedAfter.slice(0, 100).map((r) => ({
      reportId: r.id,
      projectId: r.project_id,
      projectName: r.project_name,
      month: r.month,
      revision: r.revision,
      amountYuan: Number(r.amount),
      correctionReason: r.correction_reason,
      approvedAt: r.reviewed_at,
      approvedBy: r.reviewed_by,
    })),
  };
}
