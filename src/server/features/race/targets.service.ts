import type { Kysely } from 'kysely';
import { INDICATORS, indicatorByKey, isIndicatorKey, type Indicator } from '../../../domain/race/indicators.ts';
import { hasIndicatorData } from '../../../domain/race/metrics.ts';
import { DEFAULT_PEER_GROUPS } from '../../../domain/race/race-definition.ts';
import type { UnitKind } from '../../../domain/units/unit-tree.ts';
import type { Clock, Today } from '../../clock.ts';
import { isAfterMonthOf } from '../../../domain/calendar/local-date.ts';
import type { DB } from '../../db/schema.ts';
import { AppError, forbidden, invalid } from '../../http/errors.ts';
import { racePolicy } from '../../policies/race.policy.ts';
import { scopeAllows } from '../../../domain/access/scope.ts';
import type { HistoryRepository } from '../history/history.repository.ts';
import type { AuditLog } from '../audit/audit.repository.ts';
import type { ActorContext } from '../session/actor.ts';
import { translate, type Locale } from '../../http/i18n.ts';
import { appErrorMessage } from '../../http/error-handler.ts';
import type { TargetRepository } from './targets.repository.ts';

/** The kinds of unit a race ranks (and so the units that take targets). */
export const RANKED_KINDS: readonly UnitKind[] = DEFAULT_PEER_GROUPS.flatMap((g) => g.unitKinds);

const MAX_VALUE = 1e15;
/** How many problems of an imported file one message lists. */
const MAX_LISTED = 30;

export function presentIndicator(i: Indicator) {
  return {
    key: i.key,
    label: i.label,
    unit: i.unit,
    higherIsBetter: i.higherIsBetter,
    source: i.source.kind,
    // Deals and tickets come with later modules: the domain's one rule of which indicators have data.
    available: hasIndicatorData(i),
  };
}

type Entry = { unitId: number; indicator: string; value: number | null };

/**
 * 目标任务 and the statistics Lantern cannot compute (财政收入, 税收…): per unit, indicator and year
 * (targets) or month (values, year to date). A unit's editor reads its own; the coordinator sets
 * them in a grid, every change audited with before and after.
 */
export function createTargetService({
  db,
  targets,
  audit,
  clock,
  today,
  history,
}: {
  db: Kysely<DB>;
  targets: TargetRepository;
  audit: AuditLog;
  clock: Clock;
  /** The county's date: a statistic is for a month that has begun. */
  today: Today;
  history: Pick<HistoryRepository, 'indicatorValues'>;
}) {
  /** The rankable units the reader may see, in the tree's order. */
  async function visibleUnits(actor: ActorContext) {
    const scope = racePolicy.targetReadScope(actor);
    if (scope.kind === 'none') throw forbidden();
    const rows = await targets.unitsOfKinds(RANKED_KINDS);
    return rows.filter((u) => scopeAllows(scope, { unitPath: u.path }));
  }

  const unitsOut = (units: { id: number; name: string; kind: string }[]) =>
    units.map((u) => ({ unitId: u.id, unitName: u.name, kind: u.kind }));

  /** Checks one entry against its indicator: the field path names the row, the message the unit and indicator. */
  function checkEntry(e: Entry, i: number, units: Map<number, { name: string }>, manual: boolean) {
    const at = `items.${i}`;
    if (!isIndicatorKey(e.indicator))
      throw invalid('TARGET_UNKNOWN_INDICATOR', { indicator: e.indicator }, `${at}.indicator`);
    const indicator = indicatorByKey(e.indicator);
    const unit = units.get(e.unitId);
    if (!unit) throw new AppError(404, 'NOT_FOUND', 'NOT_FOUND', { what: '@unit' }, `${at}.unitId`);
    if (e.value === null) return indicator;
    const params = { unit: unit.name, indicator: indicator.label['zh-CN'], unitOfMeasure: indicator.unit };
    if (!Number.isFinite(e.value) || Math.abs(e.value) > MAX_VALUE)
      throw invalid('TARGET_TOO_BIG', params, `${at}.value`);
    if ((indicator.unit === '元' || indicator.unit === '个') && !Number.isInteger(e.value))
      throw invalid('TARGET_NOT_WHOLE', params, `${at}.value`);
    // Growth rates may fall below zero; nothing else may.
    if (e.value < 0 && !(manual && indicator.unit === '%')) throw invalid('TARGET_NEGATIVE', params, `${at}.value`);
    // A target is divided by (完成率): for what is better higher, zero cannot be a target.
    if (!manual && e.value === 0 && indicator.higherIsBetter)
      throw invalid('TARGET_NOT_POSITIVE', params, `${at}.value`);
    return indicator;
  }

  /**
   * The warning a save returns when it touches what published bulletins froze: bulletins in force of the
   * year whose race uses a changed indicator (and, for entered statistics, whose period ends at the
   * month entered, the only month a ranking reads). They keep their numbers; a correction would not.
   */
  async function unchangedBulletins(
    actor: ActorContext,
    year: number,
    changed: ReadonlySet<string>,
    endMonth?: number,
  ) {
    if (!changed.size) return [];
    const rows = await targets.currentBulletinsOfYear(year);
    const hit = rows.filter((b) => {
      const { ranking } = JSON.parse(b.snapshot_json) as {
        ranking: { period: { endMonth: number }; indicators: { key: string }[] };
      };
      return (
        ranking.indicators.some((i) => changed.has(i.key)) &&
        (endMonth === undefined || ranking.period.endMonth === endMonth)
      );
    });
    if (!hit.length) return [];
    // The service has no request: the person's own language, else Chinese. The web builds its own text from `bulletins`.
    const locale: Locale = actor.locale === 'en' ? 'en' : 'zh-CN';
    const list = hit
      .map((b) => (locale === 'en' ? `"${b.title}" (${b.doc_number})` : `《${b.title}》（${b.doc_number}）`))
      .join(locale === 'en' ? ', ' : '、');
    return [
      {
        code: 'BULLETINS_UNCHANGED' as const,
        bulletins: hit.map((b) => ({ id: b.id, title: b.title, docNumber: b.doc_number })),
        message: translate('BULLETINS_UNCHANGED', locale, { list }),
      },
    ];
  }

  async function settable(actor: ActorContext) {
    const units = await visibleUnits(actor);
    const mine = units.filter((u) => racePolicy.canSetTargetFor(actor, u));
    if (!mine.length) throw forbidden();
    return new Map(mine.map((u) => [u.id, u]));
  }

  return {
    indicators: () => ({ items: INDICATORS.map(presentIndicator) }),

    async targets(actor: ActorContext, year: number) {
      const units = await visibleUnits(actor);
      const ids = units.map((u) => u.id);
      const rows = ids.length ? await targets.targets(year, ids) : [];
      return {
        year,
        units: unitsOut(units),
        items: rows.map((r) => ({
          unitId: r.unit_id,
          indicator: r.indicator,
          value: Number(r.value),
          updatedBy: r.updated_by,
          updatedAt: r.updated_at,
        })),
        canEdit: units.some((u) => racePolicy.canSetTargetFor(actor, u)),
      };
    },

    /**
     * Sets (or, with null, removes) targets; all entries are checked before anything is written. The
     * result carries `warnings` naming published bulletins of the year the change does not reach.
     */
    async setTargets(actor: ActorContext, input: { year: number; items: Entry[] }, ip: string | null) {
      const units = await settable(actor);
      input.items.forEach((e, i) => checkEntry(e, i, units, false));
      const at = clock().toISOString();
      const changed = new Set<string>();
      await db.transaction().execute(async (trx) => {
        for (const e of input.items) {
          const key = { unitId: e.unitId, year: input.year, indicator: e.indicator };
          const before = await targets.findTarget(key, trx);
          const old = before ? Number(before.value) : null;
          if (old === e.value) continue;
          changed.add(e.indicator);
          if (e.value === null) await targets.deleteTarget(trx, key);
          else await targets.putTarget(trx, key, e.value, actor.displayName, at);
          const unit = units.get(e.unitId)!;
          const label = indicatorByKey(e.indicator as never).label['zh-CN'];
          await audit.record(
            {
              actor,
              action: 'target.set',
              objectType: 'target',
              objectId: `${e.unitId}:${input.year}:${e.indicator}`,
              unitPath: unit.path,
              summary: `${unit.name} ${input.year} 年“${label}”目标`,
              before: { value: old },
              after: { value: e.value },
              ip,
            },
            trx,
          );
        }
      });
      return {
        ...(await this.targets(actor, input.year)),
        warnings: await unchangedBulletins(actor, input.year, changed),
      };
    },

    /** The units the person may set targets for, by name: how a targets file names its rows. */
    async settableByName(actor: ActorContext) {
      return new Map([...(await settable(actor)).values()].map((u) => [u.name, u.id]));
    },

    /**
     * Sets the targets a file holds, through setTargets (the same checks, writes and audit as the grid's
     * save, in one transaction). Every problem is gathered first — the file's own (`problems`, already
     * in the reader's language) and each entry's check, named by its cell — and if there is any, one
     * 400 lists them all and nothing is written. `changed` counts the targets the file changed.
     */
    async importTargets(
      actor: ActorContext,
      year: number,
      file: { entries: (Entry & { cell: string })[]; problems: string[] },
      ip: string | null,
      locale: Locale,
    ) {
      const units = await settable(actor);
      const problems = [...file.problems];
      file.entries.forEach((e, i) => {
        try {
          checkEntry(e, i, units, false);
        } catch (err) {
          if (!(err instanceof AppError)) throw err;
          problems.push(
            translate('TARGETS_SHEET_CELL', locale, { cell: e.cell, message: appErrorMessage(err, locale) }),
          );
        }
      });
      if (problems.length) {
        const shown = problems.slice(0, MAX_LISTED);
        if (problems.length > shown.length)
          shown.push(translate('TARGETS_IMPORT_MORE', locale, { count: problems.length - shown.length }));
        const first = /^[A-Z]+\d+/.exec(problems[0]!)?.[0];
        throw invalid('TARGETS_IMPORT_PROBLEMS', { count: problems.length, list: shown.join('\n') }, first ?? 'file');
      }
      if (!file.entries.length) throw invalid('TARGETS_IMPORT_NOTHING', {}, 'file');
      const before = new Map(
        (await targets.targets(year, [...units.keys()])).map((r) => [`${r.unit_id}:${r.indicator}`, Number(r.value)]),
      );
      const items = file.entries
        .filter((e) => (before.get(`${e.unitId}:${e.indicator}`) ?? null) !== e.value)
        .map(({ unitId, indicator, value }) => ({ unitId, indicator, value }));
      if (!items.length) return { ...(await this.targets(actor, year)), warnings: [], changed: 0 };
      return { ...(await this.setTargets(actor, { year, items }, ip)), changed: items.length };
    },

    /**
     * The entered statistics of an indicator and month; with `asOf` (an instant already checked), the
     * values as they stood then, from their versions (the source is kept only on the current value).
     */
    async values(actor: ActorContext, indicator: string, year: number, month: number, asOf: string | null = null) {
      if (!isIndicatorKey(indicator)) throw invalid('TARGET_UNKNOWN_INDICATOR', { indicator }, 'indicator');
      const units = await visibleUnits(actor);
      const ids = new Set(units.map((u) => u.id));
      const items = !ids.size
        ? []
        : asOf === null
          ? (await targets.values(indicator, year, month, [...ids])).map((r) => ({
              unitId: r.unit_id,
              value: Number(r.value),
              source: r.source as string | null,
              updatedBy: r.updated_by as string | null,
              updatedAt: r.updated_at as string | null,
            }))
          : (await history.indicatorValues(asOf, year, month, [indicator]))
              .filter((r) => ids.has(r.unit_id))
              .map((r) => ({
                unitId: r.unit_id,
                value: Number(r.value),
                source: null,
                updatedBy: null,
                updatedAt: 'valid_from' in r ? (r.valid_from as string) : null,
              }));
      return {
        indicator,
        year,
        month,
        asOf,
        units: unitsOut(units),
        items,
        // What stood at a past moment is read, not edited.
        canEdit: asOf === null && units.some((u) => racePolicy.canSetTargetFor(actor, u)),
      };
    },

    /** Enters statistics of one indicator and month (year to date), each with its source; `warnings` as for targets. */
    async setValues(
      actor: ActorContext,
      input: {
        indicator: string;
        year: number;
        month: number;
        items: { unitId: number; value: number | null; source: string }[];
      },
      ip: string | null,
    ) {
      const units = await settable(actor);
      if (!isIndicatorKey(input.indicator))
        throw invalid('TARGET_UNKNOWN_INDICATOR', { indicator: input.indicator }, 'indicator');
      const indicator = indicatorByKey(input.indicator);
      if (indicator.source.kind !== 'manual')
        throw invalid('VALUE_NOT_MANUAL', { indicator: indicator.label['zh-CN'] }, 'indicator');
      if (isAfterMonthOf(input.year, input.month, today()))
        throw invalid('VALUE_FUTURE_MONTH', { year: input.year, month: input.month }, 'month');
      input.items.forEach((e, i) => {
        checkEntry({ ...e, indicator: input.indicator }, i, units, true);
        if (e.value !== null && !e.source.trim())
          throw invalid(
            'VALUE_NO_SOURCE',
            { unit: units.get(e.unitId)!.name, indicator: indicator.label['zh-CN'] },
            `items.${i}.source`,
          );
      });
      const at = clock().toISOString();
      const changed = new Set<string>();
      await db.transaction().execute(async (trx) => {
        for (const e of input.items) {
          const key = { unitId: e.unitId, indicator: input.indicator, year: input.year, month: input.month };
          const before = await targets.findValue(key, trx);
          const old = before ? { value: Number(before.value), source: before.source } : null;
          const source = e.source.trim();
          if (old?.value === e.value && old?.source === source) continue;
          if (e.value === null && !old) continue;
          // A new source alone changes no figure of a ranking.
          if ((old?.value ?? null) !== e.value) changed.add(input.indicator);
          if (e.value === null) await targets.deleteValue(trx, key);
          else await targets.putValue(trx, key, e.value, source, actor.displayName, at);
          const unit = units.get(e.unitId)!;
          await audit.record(
            {
              actor,
              action: 'indicatorValue.set',
              objectType: 'indicatorValue',
              objectId: `${e.unitId}:${input.indicator}:${input.year}-${input.month}`,
              unitPath: unit.path,
              summary: `${unit.name} ${input.year}年1—${input.month}月“${indicator.label['zh-CN']}”`,
              before: old,
              after: e.value === null ? null : { value: e.value, source },
              ip,
            },
            trx,
          );
        }
      });
      return {
        ...(await this.values(actor, input.indicator, input.year, input.month)),
        warnings: await unchangedBulletins(actor, input.year, changed, input.month),
      };
    },
  };
}

export type TargetService = ReturnType<typeof createTargetService>;
