import type { Kysely } from 'kysely';
import { evaluateProject } from '../../../domain/lights/engine.ts';
import { assessedPeriod, assessmentDay, monthsBetween } from '../../../domain/lights/period.ts';
import { DEFAULT_RULE_SET, parseRuleSet, RuleSetError, type RuleSet } from '../../../domain/lights/rules.ts';
import { DIMENSION_KEYS, type DimensionKey } from '../../../domain/lights/types.ts';
import { scopeFor } from '../../../domain/access/scope.ts';
import type { Clock, Today } from '../../clock.ts';
import type { DB } from '../../db/schema.ts';
import { AppError, conflict, forbidden, invalid, notFound } from '../../http/errors.ts';
import { isUniqueViolation } from '../../db/errors.ts';
import type { MessageKey } from '../../http/i18n.ts';
import type { AuditLog } from '../audit/audit.repository.ts';
import type { ActorContext } from '../session/actor.ts';
import { loadFacts } from './light-facts.ts';
import type { UnitStats } from '../stats/unit-stats.ts';
import type { ReportingCalendar } from '../../../domain/reports/report-rules.ts';
import type { LightRepository, LightRow } from './lights.repository.ts';

const BATCH = 1000;

export function createLightService({
  db,
  lights,
  audit,
  clock,
  today,
  calendar,
  stats,
}: {
  db: Kysely<DB>;
  lights: LightRepository;
  audit: AuditLog;
  clock: Clock;
  today: Today;
  calendar: () => Promise<ReportingCalendar>;
  stats: Pick<UnitStats, 'coloursChanged' | 'rebuild' | 'lock'>;
}) {
  async function currentRules(
    ex: Kysely<DB> = db,
  ): Promise<{ version: number; rules: RuleSet; createdBy: string | null; createdAt: string | null }> {
    const row = await lights.latestRuleSet(ex);
    if (!row) return { version: 0, rules: DEFAULT_RULE_SET, createdBy: null, createdAt: null };
    return {
      version: row.version,
      rules: parseRuleSet(JSON.parse(row.rules_json)),
      createdBy: row.created_by,
      createdAt: row.created_at,
    };
  }

  /**
   * Evaluates a batch of projects for a month (default: the assessed one) and stores each light with
   * the rule-set version it used: as the month's latest light (project_light_months), as a row of
   * light_history when it differs from the one before, and — for the assessed month — as the
   * current light. A past month is judged as of the end of the month after it (assessmentDay).
   */
  async function computeBatch(
    ids: number[],
    rules: { version: number; rules: RuleSet },
    month?: { year: number; month: number },
  ) {
    const day = today();
    const assessed = assessedPeriod(day);
    const period = month ?? assessed;
    const isCurrent = period.year === assessed.year && period.month === assessed.month;
    const judgedOn = isCurrent ? day : assessmentDay(period, day);
    const facts = await loadFacts(db, ids, period, judgedOn, await calendar());
    const at = clock().toISOString();
    const rows = [...facts].map(([projectId, f]) => {
      const light = evaluateProject(f, rules.rules, { today: judgedOn, ...period });
      return {
        project_id: projectId,
        colour: light.colour,
        findings_json: JSON.stringify(light.findings),
        exempted_json: JSON.stringify(light.exempted),
        rule_set_version: rules.version,
        year: period.year,
        month: period.month,
        computed_at: at,
      };
    });
    if (!rows.length) return 0;
    await db.transaction().execute(async (trx) => {
      // Another recomputation of these projects (or a tracked change) waits: the colours read below
      // as "before" stay theirs until this commits, so no move is counted twice.
      await stats.lock(trx, ids);
      await recordMonth(trx, rows);
      if (!isCurrent) return;
      const previous = await lights.currentColours(
        rows.map((r) => r.project_id),
        trx,
      );
      const colourOf = new Map(rows.map((r) => [r.project_id, r.colour]));
      await stats.coloursChanged(
        trx,
        previous.map((p) => ({ unitId: p.lead_unit_id, from: p.colour, to: colourOf.get(p.id)! })),
      );
      await lights.putCurrent(trx, rows);
    });
    return rows.length;
  }

  /** The month's latest light per project, and a history row for each one that changed (all rows share one month). */
  async function recordMonth(trx: Kysely<DB>, rows: LightRow[]) {
    const { year, month } = rows[0]!;
    const before = await lights.monthLights(
      year,
      month,
      rows.map((r) => r.project_id),
      trx,
    );
    const known = new Map(before.map((b) => [b.project_id, `${b.colour}|${b.rule_set_version}|${b.findings_json}`]));
    const changed = rows.filter(
      (r) => known.get(r.project_id) !== `${r.colour}|${r.rule_set_version}|${r.findings_json}`,
    );
    if (!changed.length) return;
    await lights.putMonth(trx, changed);
  }

  /**
   * Builds the lights of past months a project has none for — from `since` up to the assessed month —
   * as history loaded or imported late (reports of past months approved now) needs. A month that
   * already has a light keeps it: its assessment is over, and what was published stays true.
   */
  async function fillMissingMonths(ids: number[], since: { year: number; month: number }) {
    if (!ids.length) return 0;
    const rules = await currentRules();
    let count = 0;
    for (const m of monthsBetween(since, assessedPeriod(today()))) {
      for (let i = 0; i < ids.length; i += BATCH) {
        const part = ids.slice(i, i + BATCH);
        const have = new Set((await lights.monthLights(m.year, m.month, part)).map((r) => r.project_id));
        const missing = part.filter((id) => !have.has(id));
        if (missing.length) count += await computeBatch(missing, rules, m);
      }
    }
    return count;
  }

  async function recomputeAll() {
    const rules = await currentRules();
    let after = 0;
    let count = 0;
    for (;;) {
      const ids = await lights.projectIdsAfter(after, BATCH);
      if (!ids.length) return count;
      count += await computeBatch(ids, rules);
      after = ids.at(-1)!;
    }
  }

  /** Work that must be done before the day's lights: the tickets' clocks, which the tickets dimension reads. */
  const cutoffSteps: (() => Promise<unknown>)[] = [];

  function assertManager(actor: ActorContext) {
    if (scopeFor(actor, 'lightRules', 'update').kind === 'none') throw forbidden();
  }

  return {
    currentRules,
    recomputeAll,
    /** Registers a step of the daily cutoff that runs, in order of registration, before the lights. */
    beforeCutoff(step: () => Promise<unknown>) {
      cutoffSteps.push(step);
    },
    fillMissingMonths,
    /**
     * After anything that affects one project's light (a stage change, an exemption, a report approved);
     * a report of a past month (`since`) also builds the lights of the months since that have none.
     */
    async recomputeProject(projectId: number, since?: { year: number; month: number }) {
      const n = await computeBatch([projectId], await currentRules());
      if (since) await fillMissingMonths([projectId], since);
      return n;
    },

    /** A new rule-set version after validation; every light is then recomputed with it. */
    async updateRules(actor: ActorContext, input: unknown, ip: string | null) {
      assertManager(actor);
      let rules: RuleSet;
      try {
        rules = parseRuleSet(input);
      } catch (e) {
        if (e instanceof RuleSetError) {
          const field = [e.dimension, e.field].filter(Boolean).join('.');
          throw invalid(
            `RULE_${e.code}` satisfies MessageKey,
            { dimension: `@lights.${e.dimension ?? ''}`, field: e.field ?? '' },
            field || undefined,
          );
        }
        throw e;
      }
      const before = await currentRules();
      const version = before.version + 1;
      const at = clock().toISOString();
      const stored: RuleSet = { ...rules, version: String(version) };
      // Two changes at once both number theirs before+1: the second to commit meets the key and is told.
      await db
        .transaction()
        .execute(async (trx) => {
          await lights.insertRuleSet(trx, {
            version,
            rules_json: JSON.stringify(stored),
            created_by: actor.displayName,
            created_at: at,
          });
          await audit.record(
            {
              actor,
              action: 'lightRules.update',
              objectType: 'lightRules',
              objectId: String(version),
              unitPath: null,
              summary: `亮灯规则第 ${version} 版`,
              before: before.rules,
              after: stored,
              ip,
            },
            trx,
          );
        })
        .catch((e: unknown) => {
          if (isUniqueViolation(e)) throw conflict('RULES_CHANGED_MEANWHILE');
          throw e;
        });
      await recomputeAll();
      return currentRules();
    },

    async lightOf(actor: ActorContext, projectId: number) {
      const p = await lights.findProject(projectId);
      const scope = scopeFor(actor, 'project', 'read');
      if (!p || scope.kind === 'none' || (scope.kind === 'subtree' && !p.unit_path.startsWith(scope.path)))
        throw notFound('project');
      const [light, months, exemptions] = await Promise.all([
        lights.current(projectId),
        lights.months(projectId),
        lights.exemptions(projectId),
      ]);
      return {
        projectId,
        colour: light?.colour ?? 'grey',
        findings: light ? JSON.parse(light.findings_json) : [],
        exempted: light ? JSON.parse(light.exempted_json) : [],
        ruleSetVersion: light?.rule_set_version ?? null,
        period: light ? { year: light.year, month: light.month } : null,
        computedAt: light?.computed_at ?? null,
        history: months.map((m) => ({
          year: m.year,
          month: m.month,
          colour: m.colour,
          ruleSetVersion: m.rule_set_version,
        })),
        exemptions: exemptions.map((e) => ({
          id: e.id,
          dimension: e.dimension,
          reason: e.reason,
          approver: e.approver,
          until: e.until,
          active: e.until >= today(),
          createdAt: e.created_at,
        })),
      };
    },

    /** 正当理由: a coordinator sets a dimension aside for a project until a date, with a reason. */
    async addExemption(
      actor: ActorContext,
      projectId: number,
      input: { dimension: DimensionKey; reason: string; until: string },
      ip: string | null,
    ) {
      assertManager(actor);
      const p = await lights.findProject(projectId);
      if (!p) throw notFound('project');
      if (!DIMENSION_KEYS.includes(input.dimension)) throw invalid('V_INVALID', { field: '@dimension' }, 'dimension');
      if (input.until < today())
        throw new AppError(400, 'VALIDATION', 'EXEMPTION_PAST', { until: input.until }, 'until');
      await db.transaction().execute(async (trx) => {
        const id = await lights.insertExemption(trx, {
          project_id: projectId,
          dimension: input.dimension,
          reason: input.reason,
          approver: actor.displayName,
          until: input.until,
          created_at: clock().toISOString(),
        });
        await audit.record(
          {
            actor,
            action: 'exemption.create',
            objectType: 'project',
            objectId: String(projectId),
            unitPath: p.unit_path,
            summary: `“${p.name}”亮灯豁免（${input.dimension}，至 ${input.until}）：${input.reason}`,
            after: { id, ...input },
            ip,
          },
          trx,
        );
      });
      await computeBatch([projectId], await currentRules());
      return this.lightOf(actor, projectId);
    },

    /**
     * The daily cutoff: every light recomputed and stored as its month's final. The run key's
     * primary key makes a second server (or a second call) for the same day do nothing.
     */
    async runCutoff(key = `cutoff:${today()}`) {
      const started = clock().toISOString();
      if (!(await lights.startRun(key, started))) return { ran: false, key, projects: 0 };
      for (const step of cutoffSteps) await step();
      const projects = await recomputeAll();
      // Once a day the per-unit figures are rebuilt from scratch, so no drift outlives a day.
      await stats.rebuild();
      await lights.finishRun(key, clock().toISOString(), `${projects} projects`);
      return { ran: true, key, projects };
    },
  };
}

export type LightService = ReturnType<typeof createLightService>;
