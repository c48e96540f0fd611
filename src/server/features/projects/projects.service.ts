import type { Kysely } from 'kysely';
import { pinyin } from 'pinyin-pro';
import { findIndustry } from '../../../domain/industry/gbt4754.ts';
import { checkTransition, isBeforeConstruction, type Stage } from '../../../domain/projects/lifecycle.ts';
import { isAboveYi } from '../../../domain/projects/project-fields.ts';
import { normaliseProjectCode } from '../../../domain/projects/project-code.ts';
import { checkProjectRules } from '../../../domain/projects/project-rules.ts';
import { parseCurve, TimeProgressError } from '../../../domain/progress/time-progress.ts';
import type { Clock, Today } from '../../clock.ts';
import type { DB } from '../../db/schema.ts';
import { AppError, forbidden, invalid, notFound } from '../../http/errors.ts';
import { projectPolicy } from '../../policies/project.policy.ts';
import type { AuditLog } from '../audit/audit.repository.ts';
import type { ActorContext } from '../session/actor.ts';
import type { UnitRepository } from '../units/units.repository.ts';
import { cleanTags, optionalYuan, yuanFrom } from './projects.input.ts';
import { presentProjectDetail } from './projects.presenter.ts';
import { OPTIONAL_PROJECT_COLUMNS } from './project-optional-columns.ts';
import { auditView, changedFields } from './projects.audit-diff.ts';
import type { ProjectRepository, ProjectRow } from './projects.repository.ts';
import type { ProjectCreateInput, ProjectPatchInput, TransitionInput } from '../../../contract/projects.ts';
import type { UnitStats } from '../stats/unit-stats.ts';

export interface ProjectServiceDeps {
  db: Kysely<DB>;
  projects: ProjectRepository;
  units: UnitRepository;
  audit: AuditLog;
  clock: Clock;
  /** The county's date. */
  today: Today;
  /** Keeps the per-unit figures current inside each change's transaction. */
  stats: Pick<UnitStats, 'track' | 'added'>;
  /** Called after a commit that changed a project (its light depends on it). */
  onChanged?: (projectId: number) => Promise<void>;
}

/** Pinyin initials of a name, lowercase: 兰溪纺织 → lxfz. */
export const initialsOf = (name: string) =>
  pinyin(name, { pattern: 'first', toneType: 'none', type: 'array' }).join('').toLowerCase();

const yearOf = (date: string | null) => (date ? Number(date.slice(0, 4)) : null);
const DATE_FIELDS = ['sign', 'start', 'completion', 'production', 'capacity'] as const;
type Row = Omit<ProjectRow, 'id'>;

export function createProjectService({
  db,
  projects,
  units,
  audit,
  clock,
  today,
  stats,
  onChanged,
}: ProjectServiceDeps) {
  async function loadVisible(actor: ActorContext, id: number, ex: Kysely<DB> = db) {
    const row = await projects.findById(id, ex);
    if (!row || !isVisible(actor, row.unit_path)) throw notFound('project');
    return row;
  }

  function isVisible(actor: ActorContext, unitPath: string) {
    const scope = projectPolicy.readScope(actor);
    return scope.kind === 'all' || (scope.kind === 'subtree' && unitPath.startsWith(scope.path));
  }

  async function detail(id: number, ex: Kysely<DB> = db) {
    const row = (await projects.findById(id, ex))!;
    return presentProjectDetail(row, await projects.plansOf(id, ex), await projects.historyOf(id, ex));
  }

  /** Turns request fields into column values, checking each against what it refers to. */
  async function toColumns(
    actor: ActorContext,
    ex: Kysely<DB>,
    input: ProjectPatchInput,
    selfId?: number,
  ): Promise<Partial<Row>> {
    const out: Partial<Row> = {};
    if (input.name !== undefined) Object.assign(out, { name: input.name, name_initials: initialsOf(input.name) });
    if (input.code !== undefined) {
      if (input.code === null) out.code = null;
      else {
        const checked = normaliseProjectCode(input.code);
        if ('error' in checked) throw invalid(checked.error === 'month' ? 'P_CODE_MONTH' : 'P_CODE_FORMAT', {}, 'code');
        const clash = await projects.findByCode(checked.code, ex);
        if (clash && clash.id !== selfId) {
          // Name the other project only to someone who may see it.
          throw isVisible(actor, clash.unit_path)
            ? new AppError(409, 'DUPLICATE', 'P_DUPLICATE_CODE', { code: checked.code, name: clash.name }, 'code')
            : new AppError(409, 'DUPLICATE', 'P_DUPLICATE_CODE_HIDDEN', { code: checked.code }, 'code');
        }
        out.code = checked.code;
      }
    }
    if (input.industryCode !== undefined) {
      const industry = findIndustry(input.industryCode);
      if (!industry || !/^\d{2}$/.test(industry.code))
        throw invalid('P_UNKNOWN_INDUSTRY', { code: input.industryCode }, 'industryCode');
      Object.assign(out, { industry_code: industry.code, industry_section: industry.section });
    }
    if (input.leadUnitId !== undefined) {
      const unit = await units.findById(input.leadUnitId, ex);
      if (!unit) throw invalid('NOT_FOUND', { what: 'leadUnitId' }, 'leadUnitId');
      Object.assign(out, { lead_unit_id: unit.id, unit_path: unit.path });
    }
    if (input.townshipUnitId !== undefined) {
      if (input.townshipUnitId === null) out.township_unit_id = null;
      else {
        const unit = await units.findById(input.townshipUnitId, ex);
        if (!unit) throw invalid('NOT_FOUND', { what: 'townshipUnitId' }, 'townshipUnitId');
        if (unit.kind !== 'township' && unit.kind !== 'street') throw invalid('P_NOT_TOWNSHIP', {}, 'townshipUnitId');
        out.township_unit_id = unit.id;
      }
    }
    if (input.totalInvestmentWan !== undefined) {
      out.total_investment = yuanFrom(input.totalInvestmentWan, 'totalInvestmentWan', { positive: true });
      out.is_above_yi = isAboveYi(out.total_investment) ? 1 : 0;
    }
    if (input.fixedAssetInvestmentWan !== undefined)
      out.fixed_asset_investment = optionalYuan(input.fixedAssetInvestmentWan, 'fixedAssetInvestmentWan');
    if (input.landAreaMu !== undefined)
      out.land_area_centimu = input.landAreaMu === null ? null : Math.round(input.landAreaMu * 100);
    if (input.tags !== undefined) out.tags = cleanTags(input.tags).length ? `,${cleanTags(input.tags).join(',')},` : '';
    const plain = {
      internalNo: 'internal_no',
      nature: 'nature',
      kind: 'kind',
      level: 'level',
      investmentType: 'investment_type',
      approvalMode: 'approval_mode',
      ownerName: 'owner_name',
      ownerCreditCode: 'owner_credit_code',
      patronLeader: 'patron_leader',
      contact: 'contact',
      address: 'address',
      longitude: 'longitude',
      latitude: 'latitude',
    } as const;
    for (const [from, to] of Object.entries(plain)) {
      const v = (input as Record<string, unknown>)[from];
      if (v !== undefined) (out as Record<string, unknown>)[to] = v ?? null;
    }
    for (const m of DATE_FIELDS) {
      for (const kind of ['planned', 'actual'] as const) {
        const key = `${kind}${m[0]!.toUpperCase()}${m.slice(1)}Date` as keyof ProjectPatchInput;
        if (input[key] !== undefined) (out as Record<string, unknown>)[`${kind}_${m}_date`] = input[key] ?? null;
      }
    }
    if (out.planned_start_date !== undefined) out.planned_start_year = yearOf(out.planned_start_date);
    if (out.planned_production_date !== undefined) out.planned_production_year = yearOf(out.planned_production_date);
    return out;
  }

  function parsePlans(input: ProjectPatchInput['annualPlans']) {
    if (!input) return undefined;
    const seen = new Set<number>();
    return input.map((p, i) => {
      if (seen.has(p.year)) throw invalid('DUPLICATE_YEAR', { year: p.year }, 'annualPlans');
      seen.add(p.year);
      let curve: number[] | null = null;
      if (p.monthlyCurve) {
        try {
          curve = [...parseCurve(p.monthlyCurve)];
        } catch (e) {
          if (e instanceof TimeProgressError) throw invalid('CURVE_INVALID', { year: p.year }, 'annualPlans');
          throw e;
        }
      }
      return { year: p.year, amount: yuanFrom(p.amountWan, 'annualPlans', { positive: false }), curve, index: i };
    });
  }

  /** The cross-field rules on the project as it would be stored. */
  function assertRules(row: Partial<Row>, plans: { amount: number }[]) {
    const planned: Record<string, string | null> = {};
    const actual: Record<string, string | null> = {};
    for (const m of DATE_FIELDS) {
      planned[m] = (row as Record<string, string | null>)[`planned_${m}_date`] ?? null;
      actual[m] = (row as Record<string, string | null>)[`actual_${m}_date`] ?? null;
    }
    const violations = checkProjectRules(
      {
        stage: row.stage as Stage,
        totalInvestment: row.total_investment!,
        fixedAssetInvestment: row.fixed_asset_investment ?? null,
        planned,
        actual,
        annualPlanSum: plans.reduce((s, p) => s + p.amount, 0),
      },
      today(),
    );
    const v = violations[0];
    if (v)
      throw invalid(
        v.key,
        {
          ...Object.fromEntries(
            Object.entries(v.params).map(([k, val]) => [
              k,
              k === 'stage' ? `@stage.${val}` : k === 'date' ? val : `@${val}`,
            ]),
          ),
          field: `@${v.field}`,
        },
        v.field,
      );
  }

  return {
    get: async (actor: ActorContext, id: number) => {
      await loadVisible(actor, id);
      return detail(id);
    },

    async create(actor: ActorContext, input: ProjectCreateInput, ip: string | null) {
      const id = await db.transaction().execute((trx) => this.createIn(trx, actor, input, ip));
      await onChanged?.(id);
      return detail(id);
    },

    /**
     * A new project written in the caller's transaction (a signed deal converts into one with its own
     * changes): checked, audited and counted as create does; the caller recomputes its light after commit
     * (lightsOf). Returns its id.
     */
    async createIn(trx: Kysely<DB>, actor: ActorContext, input: ProjectCreateInput, ip: string | null) {
      const cols = await toColumns(actor, trx, input);
      const lead = await units.findById(input.leadUnitId, trx);
      if (!projectPolicy.canCreateFor(actor, lead!)) throw forbidden();
      const plans = parsePlans(input.annualPlans) ?? [];
      const at = clock().toISOString();
      const row = {
        ...OPTIONAL_PROJECT_COLUMNS,
        ...cols,
        stage: input.stage,
        stage_changed_at: at,
        created_at: at,
        updated_at: at,
      } as Row;
      assertRules(row, plans);
      row.enterprise_id = await projects.ownerEnterprise(trx, row);
      const { id } = await projects.insert(trx, row);
      await projects.replaceTags(trx, id, cleanTags(input.tags ?? []));
      await projects.replacePlans(trx, id, plans);
      await stats.added(trx, id);
      await projects.insertStageChange(trx, {
        project_id: id,
        from_stage: null,
        to_stage: input.stage,
        reason: '入库',
        actor_id: actor.id,
        actor_name: actor.displayName,
        at,
      });
      await audit.record(
        {
          actor,
          action: 'project.create',
          objectType: 'project',
          objectId: String(id),
          unitPath: row.unit_path,
          summary: `新建项目“${row.name}”`,
          after: auditView(row),
          ip,
        },
        trx,
      );
      return id;
    },

    /** After a commit that created or changed a project elsewhere: its light follows. */
    lightsOf: async (projectId: number) => onChanged?.(projectId),

    async update(actor: ActorContext, id: number, input: ProjectPatchInput, ip: string | null) {
      await db.transaction().execute((trx) => this.updateIn(trx, actor, id, input, ip));
      await onChanged?.(id);
      return detail(id);
    },

    /** An edit written in the caller's transaction (a deal linked to the project sets its sign date); see createIn. */
    async updateIn(trx: Kysely<DB>, actor: ActorContext, id: number, input: ProjectPatchInput, ip: string | null) {
      const before = await loadVisible(actor, id, trx);
      if (!projectPolicy.canUpdate(actor, before)) throw forbidden();
      const cols = await toColumns(actor, trx, input, id);
      // Moving a project to another lead unit needs the right to create projects there.
      if (
        cols.unit_path &&
        cols.unit_path !== before.unit_path &&
        !projectPolicy.canCreateFor(actor, { path: cols.unit_path })
      )
        throw forbidden();
      const plans = parsePlans(input.annualPlans);
      const { lead_unit_name: _l, township_name: _t, id: _id, ...stored } = before;
      const merged = { ...stored, ...cols } as Row;
      assertRules(merged, plans ?? (await projects.plansOf(id, trx)));
      // A new owner is looked up in the registry again; the link follows the owner written on the project.
      const ownerChanged =
        merged.owner_credit_code !== stored.owner_credit_code || merged.owner_name !== stored.owner_name;
      const owner = ownerChanged ? { enterprise_id: await projects.ownerEnterprise(trx, merged) } : {};
      await stats.track(trx, [id], async () => {
        await projects.update(trx, id, { ...cols, ...owner, updated_at: clock().toISOString() });
        if (plans) await projects.replacePlans(trx, id, plans);
      });
      if (input.tags) await projects.replaceTags(trx, id, cleanTags(input.tags));
      const diff = changedFields(stored, merged);
      await audit.record(
        {
          actor,
          action: 'project.update',
          objectType: 'project',
          objectId: String(id),
          unitPath: merged.unit_path,
          summary: `修改项目“${merged.name}”`,
          ...diff,
          ip,
        },
        trx,
      );
    },

    async transition(actor: ActorContext, id: number, input: TransitionInput, ip: string | null) {
      await db.transaction().execute(async (trx) => {
        const p = await loadVisible(actor, id, trx);
        if (!projectPolicy.canUpdate(actor, p)) throw forbidden();
        const from = p.stage as Stage;
        const facts = {
          from,
          to: input.to,
          reason: input.reason,
          actualStartDate: input.actualStartDate ?? p.actual_start_date,
          actualCompletionDate: input.actualCompletionDate ?? p.actual_completion_date,
          actualProductionDate: input.actualProductionDate ?? p.actual_production_date,
          actualCapacityDate: input.actualCapacityDate ?? p.actual_capacity_date,
          today: today(),
        };
        const err = checkTransition(facts);
        if (err) {
          const stage = (s: Stage) => `@stage.${s}`;
          if (err.code === 'SAME_STAGE') throw invalid('T_SAME', { to: stage(input.to) }, 'to');
          if (err.code === 'FORBIDDEN_TRANSITION')
            throw invalid(
              'T_FORBIDDEN',
              {
                from: stage(from),
                to: stage(input.to),
                allowed: err.allowed.length ? err.allowed.map(stage).join('、') : '—',
              },
              'to',
            );
          if (err.code === 'MISSING')
            throw invalid('T_MISSING', { to: stage(input.to), field: `@${err.field}` }, err.field);
          throw invalid('FUTURE_ACTUAL', { field: `@${err.field}`, date: String(facts[err.field]) }, err.field);
        }
        const at = clock().toISOString();
        // Back before construction (e.g. a withdrawn permit), the start did not count: the actual
        // dates are cleared, and the audit event keeps what they were.
        const notStarted = isBeforeConstruction(input.to);
        const patch: Partial<Row> = {
          stage: input.to,
          stage_changed_at: at,
          updated_at: at,
          actual_start_date: notStarted ? null : (facts.actualStartDate ?? null),
          actual_completion_date: notStarted ? null : (facts.actualCompletionDate ?? null),
          actual_production_date: notStarted ? null : (facts.actualProductionDate ?? null),
          actual_capacity_date: notStarted ? null : (facts.actualCapacityDate ?? null),
        };
        const { lead_unit_name: _l, township_name: _t, id: _id, ...stored } = p;
        assertRules({ ...stored, ...patch }, await projects.plansOf(id, trx));
        await stats.track(trx, [id], () => projects.update(trx, id, patch));
        await projects.insertStageChange(trx, {
          project_id: id,
          from_stage: from,
          to_stage: input.to,
          reason: input.reason ?? null,
          actor_id: actor.id,
          actor_name: actor.displayName,
          at,
        });
        await audit.record(
          {
            actor,
            action: 'project.transition',
            objectType: 'project',
            objectId: String(id),
            unitPath: p.unit_path,
            summary: `项目“${p.name}”阶段变更`,
            ...changedFields(stored, { ...stored, ...patch }),
            ip,
          },
          trx,
        );
      });
      await onChanged?.(id);
      return detail(id);
    },
  };
}

export type ProjectService = ReturnType<typeof createProjectService>;
