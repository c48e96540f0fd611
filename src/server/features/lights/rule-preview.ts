/**
 * 规则预览 (issue 14): what saving a proposed light rule set would do, before anything is stored.
 * Saving a rule set recolours the whole county at once (lights.service updateRules → recomputeAll);
 * the preview runs the same evaluation — the same facts (loadFacts), the same day (the county's
 * today) and the same assessed month — twice per project, with the current rules and with the
 * proposed ones, and writes nothing. So "before" and "after" differ by the rule change alone, not by
 * facts that changed since the lights were last stored, and "after" is what the save then stores.
 */
import type { Kysely } from 'kysely';
import { scopeFor } from '../../../domain/access/scope.ts';
import { evaluateProject } from '../../../domain/lights/engine.ts';
import { assessedPeriod } from '../../../domain/lights/period.ts';
import { parseRuleSet, RuleSetError, type RuleSet } from '../../../domain/lights/rules.ts';
import type { Colour, Finding } from '../../../domain/lights/types.ts';
import type { ReportingCalendar } from '../../../domain/reports/report-rules.ts';
import type { Today } from '../../clock.ts';
import type { DB } from '../../db/schema.ts';
import { forbidden, invalid } from '../../http/errors.ts';
import type { MessageKey } from '../../http/i18n.ts';
import type { ActorContext } from '../session/actor.ts';
import { loadFacts } from './light-facts.ts';
import type { LightService } from './lights.service.ts';

/** At most this many changed projects are listed; the total is always given. */
export const PREVIEW_LIMIT = 500;
const BATCH = 1000;

export type ColourCounts = Record<Colour, number>;

/** One project whose light the proposed rules would change, with the reasons of its new light. */
export interface ColourChange {
  projectId: number;
  from: Colour;
  to: Colour;
  findings: Finding[];
}

/** How many projects go from one colour to another. */
export interface Transition {
  from: Colour;
  to: Colour;
  count: number;
}

const RANK: Record<Colour, number> = { red: 3, yellow: 2, green: 1, grey: 0 };
const zero = (): ColourCounts => ({ red: 0, yellow: 0, green: 0, grey: 0 });

/**
 * Counts lights before and after, and keeps the changes to list: those turning red first, then
 * yellow, green, grey; within a colour, from the worst colour; within a pair, in the order added.
 * It keeps at most `limit` changes per pair, which is all the first `limit` of that order can need,
 * so a province's recolouring is tallied in bounded memory.
 */
export function createChangeTally(limit = PREVIEW_LIMIT) {
  const before = zero();
  const after = zero();
  const pairs = new Map<string, Transition & { kept: ColourChange[] }>();
  let projects = 0;
  return {
    add(change: ColourChange) {
      projects++;
      before[change.from]++;
      after[change.to]++;
      if (change.from === change.to) return;
      const key = `${change.from}>${change.to}`;
      const pair = pairs.get(key) ?? { from: change.from, to: change.to, count: 0, kept: [] };
      pairs.set(key, pair);
      pair.count++;
      if (pair.kept.length < limit) pair.kept.push(change);
    },
    result() {
      const ordered = [...pairs.values()].sort((a, b) => RANK[b.to] - RANK[a.to] || RANK[b.from] - RANK[a.from]);
      return {
        projects,
        before,
        after,
        transitions: ordered.map(({ from, to, count }) => ({ from, to, count })),
        total: ordered.reduce((n, p) => n + p.count, 0),
        items: ordered.flatMap((p) => p.kept).slice(0, limit),
      };
    },
  };
}

/** The rule set of a request body, or a 400 naming the dimension and field, as updateRules says it. */
export function parseProposedRules(input: unknown): RuleSet {
  try {
    return parseRuleSet(input);
  } catch (e) {
    if (!(e instanceof RuleSetError)) throw e;
    const field = [e.dimension, e.field].filter(Boolean).join('.');
    throw invalid(
      `RULE_${e.code}` satisfies MessageKey,
      { dimension: `@lights.${e.dimension ?? ''}`, field: e.field ?? '' },
      field || undefined,
    );
  }
}

export function createRulePreview({
  db,
  lights,
  today,
  calendar,
}: {
  db: Kysely<DB>;
  lights: Pick<LightService, 'currentRules'>;
  today: Today;
  calendar: () => Promise<ReportingCalendar>;
}) {
  /** Name and lead unit of the listed projects, in one query. */
  async function nameProjects(ids: number[]) {
    if (!ids.length) return new Map<number, { name: string; unitId: number; unitName: string }>();
    const rows = await db
      .selectFrom('projects as p')
      .innerJoin('units as u', 'u.id', 'p.lead_unit_id')
      .select(['p.id', 'p.name', 'p.lead_unit_id', 'u.name as unit_name'])
      .where('p.id', 'in', ids)
      .execute();
    return new Map(rows.map((r) => [r.id, { name: r.name, unitId: r.lead_unit_id, unitName: r.unit_name }]));
  }

  return {
    /**
     * The colours of every project under the current rules and under `input` (the body of a rule
     * update), today: e.g. tightening progress red to 15 points gives before {red: 1, yellow: 3},
     * after {red: 2, yellow: 2} and the one project going yellow → red with its new reasons.
     * Coordinators only, as for saving; a bad rule set is refused as saving refuses it.
     */
    async preview(actor: ActorContext, input: unknown) {
      // Saving recolours every project, so only someone who may both save and read them all may look.
      if (scopeFor(actor, 'lightRules', 'update').kind === 'none' || scopeFor(actor, 'project', 'read').kind !== 'all')
        throw forbidden();
      const proposed = parseProposedRules(input);
      const current = await lights.currentRules();
      const day = today();
      const period = assessedPeriod(day);
      const context = { today: day, ...period };
      const reporting = await calendar();
      const tally = createChangeTally();
      for (let after = 0; ;) {
        const ids = (
          await db.selectFrom('projects').select('id').where('id', '>', after).orderBy('id').limit(BATCH).execute()
        ).map((r) => r.id);
        if (!ids.length) break;
        const facts = await loadFacts(db, ids, period, day, reporting);
        for (const [projectId, f] of [...facts].sort((a, b) => a[0] - b[0])) {
          const next = evaluateProject(f, proposed, context);
          tally.add({
            projectId,
            from: evaluateProject(f, current.rules, context).colour,
            to: next.colour,
            findings: next.findings,
          });
        }
        after = ids.at(-1)!;
      }
      const result = tally.result();
      const named = await nameProjects(result.items.map((c) => c.projectId));
      return {
        currentVersion: current.version,
        nextVersion: current.version + 1,
        today: day,
        period,
        projects: result.projects,
        before: result.before,
        after: result.after,
        transitions: result.transitions,
        changed: {
          total: result.total,
          limit: PREVIEW_LIMIT,
          items: result.items.map((c) => {
            const p = named.get(c.projectId);
            return {
              projectId: c.projectId,
              name: p?.name ?? '',
              unitId: p?.unitId ?? null,
              unitName: p?.unitName ?? '',
              from: c.from,
              to: c.to,
              findings: c.findings,
            };
          }),
        },
      };
    },
  };
}

export type RulePreview = ReturnType<typeof createRulePreview>;
