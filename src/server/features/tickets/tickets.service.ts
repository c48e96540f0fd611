import type { Kysely } from 'kysely';
import { instantAt } from '../../../domain/calendar/local-date.ts';
import type { Complexity, SlaProfile } from '../../../domain/tickets/sla.ts';
import {
  duesAfter,
  extensionInTime,
  NO_DUES,
  type ClockEvent,
  type TicketDues,
} from '../../../domain/tickets/ticket-clocks.ts';
import {
  ESCALATE_AFTER_REOPENINGS,
  OPEN_TICKET_STATES,
  STEP_RULES,
  stepRefusal,
  TICKET_STEP_LABELS,
  type TicketState,
  type TicketStep,
} from '../../../domain/tickets/ticket-flow.ts';
import type { TicketBody, TicketStepBody } from '../../../contract/tickets.ts';
import type { Clock, Today } from '../../clock.ts';
import type { DB } from '../../db/schema.ts';
import { AppError, conflict, forbidden, invalid, notFound } from '../../http/errors.ts';
import { enterpriseScopeAllows, enterpriseScopeFor } from '../../policies/enterprise.policy.ts';
import type { AuditLog } from '../audit/audit.repository.ts';
import type { ActorContext } from '../session/actor.ts';
import type { UnitRepository } from '../units/units.repository.ts';
import { duesOf, presentTicket, presentTicketDetail, type Locale } from './tickets.presenter.ts';
import type { TicketRepository, TicketRow, TicketScope } from './tickets.repository.ts';
import type { TicketSettings } from './ticket-settings.ts';
import { createTicketAccess } from './ticket-access.ts';
import { afterOf, duesColumns, isoOf, lightColumns } from './ticket-columns.ts';
import { createTicketEscalation } from './ticket-escalation.ts';

export interface TicketServiceDeps {
  db: Kysely<DB>;
  tickets: TicketRepository;
  units: UnitRepository;
  settings: TicketSettings;
  audit: AuditLog;
  clock: Clock;
  today: Today;
  timeZone: string;
  /** After a change to a project's tickets: its light is recomputed (the lights' tickets dimension). */
  onProjectChanged: (projectId: number) => Promise<void>;
}

export function createTicketService(deps: TicketServiceDeps) {
  const { db, tickets, units, settings, audit, clock, today, timeZone, onProjectChanged } = deps;

  const access = createTicketAccess({ db, tickets });
  const escalation = createTicketEscalation({ db, tickets, audit, clock, timeZone });
  const lights = (dues: TicketDues, escalated: boolean, now: Date) => lightColumns(dues, escalated, now, timeZone);

  async function profileOf(key: string, ex: Kysely<DB> = db): Promise<SlaProfile> {
    const profile = await settings.profile(key, ex);
    if (!profile) throw invalid('TICKET_SLA_UNKNOWN', { key }, 'slaProfile');
    return profile;
  }

  async function detail(actor: ActorContext, t: TicketRow, locale: Locale) {
    const isEnterprise = actor.role === 'enterprise';
    const [events, coUnits, attachments, profile] = await Promise.all([
      tickets.events(t.id, !isEnterprise),
      tickets.coUnits(t.id),
      tickets.attachments(t.id),
      settings.profile(t.sla_profile),
    ]);
    const parties = access.partiesFor(actor, t, coUnits);
    const writable = enterpriseScopeFor(actor, 'ticket', 'update').kind !== 'none';
    return presentTicketDetail(t, {
      events,
      coUnits,
      attachments,
      parties: writable ? parties : new Set(),
      profile,
      now: clock(),
      timeZone,
      locale,
    });
  }

  /** The changes a step makes to a ticket besides its event: state, clocks, who handles it. */
  async function stepChanges(
    trx: Kysely<DB>,
    t: TicketRow,
    body: TicketStepBody,
    actor: ActorContext,
    now: Date,
  ): Promise<{ patch: Record<string, unknown>; clock: ClockEvent | null; data: Record<string, unknown> }> {
    const step = body.step as TicketStep;
    const to = STEP_RULES[step].to;
    const base = { ...(to ? { state: to } : {}) };
    switch (step) {
      case 'accept':
        return { patch: base, clock: null, data: {} };
      case 'reject':
        return { patch: { ...base, closed_at: isoOf(now) }, clock: { kind: 'close' }, data: {} };
      case 'assign': {
        if (!body.handlingUnitId) throw invalid('TICKET_UNIT_REQUIRED', {}, 'handlingUnitId');
        const unit = await units.findById(body.handlingUnitId, trx);
        if (!unit) throw invalid('NOT_FOUND', { what: 'handlingUnitId' }, 'handlingUnitId');
        const coIds = [...new Set(body.coUnitIds ?? [])].filter((id) => id !== unit.id);
        for (const [i, id] of coIds.entries())
          if (!(await units.findById(id, trx))) throw invalid('NOT_FOUND', { what: 'coUnitIds' }, `coUnitIds.${i}`);
        await tickets.setCoUnits(trx, t.id, coIds);
        return {
          patch: { ...base, handling_unit_id: unit.id, unit_path: unit.path },
          clock: { kind: 'assign', first: t.handling_unit_id === null },
          data: { unitId: unit.id, unitName: unit.name, coUnitIds: coIds },
        };
      }
      case 'reply':
        return { patch: base, clock: { kind: 'reply' }, data: {} };
      case 'answer':
        return { patch: base, clock: { kind: 'answer' }, data: {} };
      case 'rate':
        if (!body.rating) throw invalid('TICKET_RATING_REQUIRED', {}, 'rating');
        return {
          patch: { ...base, rating: body.rating, closed_at: isoOf(now) },
          clock: { kind: 'close' },
          data: { rating: body.rating },
        };
      case 'reopen':
        return { patch: { ...base, reopen_count: t.reopen_count + 1 }, clock: { kind: 'reopen' }, data: {} };
      case 'note':
        return { patch: {}, clock: null, data: {} };
      case 'requestExtension': {
        const profile = await profileOf(t.sla_profile, trx);
        if (!profile.extension.allowed) throw conflict('TICKET_EXTENSION_NOT_ALLOWED', {}, 'step');
        if (t.extension_state) throw conflict('TICKET_EXTENSION_USED', {}, 'step');
        if (!extensionInTime(duesOf(t), now)) throw conflict('TICKET_EXTENSION_LATE', {}, 'step');
        return { patch: { extension_state: 'asked' }, clock: null, data: {} };
      }
      case 'decideExtension':
        if (t.extension_state !== 'asked') throw conflict('TICKET_EXTENSION_NOT_ASKED', {}, 'step');
        if (body.approve === undefined) throw invalid('TICKET_APPROVE_REQUIRED', {}, 'approve');
        return {
          patch: { extension_state: body.approve ? 'granted' : 'refused' },
          clock: body.approve ? { kind: 'extend' } : null,
          data: { approved: body.approve, by: actor.displayName },
        };
    }
  }

  /** The first instant of the county's current month: 办结 this month counts from it. */
  const monthStartInstant = () => instantAt(`${today().slice(0, 8)}01T00:00`, timeZone).toISOString();

  return {
    async list(
      actor: ActorContext,
      q: {
        state?: string;
        unitId?: number;
        category?: string;
        enterpriseId?: number;
        overdue?: 'true' | 'false';
        colour?: string;
        page: number;
        pageSize: number;
      },
      locale: Locale,
    ) {
      const scope: TicketScope = { ...enterpriseScopeFor(actor, 'ticket', 'read'), raisedBy: { id: actor.id } };
      const unitPath = q.unitId ? (await units.findById(q.unitId))?.path : undefined;
      if (q.unitId && !unitPath) return { items: [], total: 0, page: q.page };
      const now = clock();
      const states = q.state === 'open' ? OPEN_TICKET_STATES : q.state ? [q.state] : undefined;
      const { items, total } = await tickets.list(
        scope,
        {
          states: q.overdue === 'true' ? (states ?? OPEN_TICKET_STATES) : states,
          unitPath,
          category: q.category,
          enterpriseId: q.enterpriseId,
          overdueAt: q.overdue === 'true' ? isoOf(now) : undefined,
          colour: q.colour,
        },
        q.page,
        q.pageSize,
      );
      return {
        items: items.map((t) => presentTicket(t, { now, timeZone, locale })),
        total,
        page: q.page,
      };
    },

    /** The tickets waiting for the actor's next step (the inbox): by role, what their party does next. */
    async waitingFor(actor: ActorContext, locale: Locale, limit = 20) {
      const scope = enterpriseScopeFor(actor, 'ticket', 'read');
      const waiting =
        actor.role === 'admin' || actor.role === 'coordinator'
          ? { office: true }
          : actor.role === 'unit_editor'
            ? { handler: true, raiserId: actor.id }
            : actor.role === 'enterprise' && actor.enterpriseId
              ? { enterpriseId: actor.enterpriseId }
              : actor.role === 'leader'
                ? { escalated: true }
                : {};
      const now = clock();
      // One's own tickets wherever they went, when they wait for one's rating.
      const own: TicketScope = { ...scope, raisedBy: { id: actor.id, states: ['answered'] } };
      const { items, total } = await tickets.waiting(own, waiting, limit);
      return { total, items: items.map((t) => presentTicket(t, { now, timeZone, locale })) };
    },

    async summary(actor: ActorContext) {
      const s = await tickets.summary(enterpriseScopeFor(actor, 'ticket', 'read'), isoOf(clock()), monthStartInstant());
      // 满意率: 满意 and 基本满意 over those rated, rounded once to a whole percent.
      return { ...s, satisfactionPercent: s.rated ? Math.round((s.satisfied * 100) / s.rated) : null };
    },

    async get(actor: ActorContext, id: number, locale: Locale) {
      return detail(actor, (await access.visible(actor, id)).t, locale);
    },

    async raise(actor: ActorContext, input: TicketBody, ip: string | null, locale: Locale) {
      const scope = enterpriseScopeFor(actor, 'ticket', 'create');
      if (scope.kind === 'none') throw forbidden();
      const description = input.description.trim();
      if (!description) throw invalid('TICKET_DESCRIPTION_REQUIRED', {}, 'description');
      const enterpriseId =
        scope.kind === 'enterprise' ? (input.enterpriseId ?? scope.enterpriseId) : input.enterpriseId;
      if (!enterpriseId) throw invalid('TICKET_ENTERPRISE_REQUIRED', {}, 'enterpriseId');
      const now = clock();
      const id = await db.transaction().execute(async (trx) => {
        const e = await tickets.enterpriseOf(enterpriseId, trx);
        if (!e || !enterpriseScopeAllows(scope, { unitPath: e.unit_path, enterpriseId: e.id }))
          throw notFound('enterprise');
        const project = input.projectId ? await tickets.projectOf(input.projectId, trx) : null;
        if (input.projectId && project?.enterprise_id !== e.id)
          throw invalid('TICKET_PROJECT_NOT_OWNED', { enterprise: e.name }, 'projectId');
        const profile = await profileOf(input.slaProfile ?? (await settings.current(trx)).defaultProfile, trx);
        const complexity = (input.complexity ?? 'general') as Complexity;
        const dues = duesAfter({ kind: 'raise' }, NO_DUES, ctxOf(now, profile, complexity));
        const title = (input.title?.trim() || description.replace(/\s+/g, ' ')).slice(0, 40);
        const { id } = await tickets.insert(trx, {
          enterprise_id: e.id,
          project_id: project?.id ?? null,
          category: input.category,
          title,
          description,
          complexity,
          state: 'raised',
          sla_profile: profile.key,
          raised_by: actor.id,
          raised_at: isoOf(now),
          unit_path: e.unit_path,
          handling_unit_id: null,
          ...duesColumns(dues),
          ...lights(dues, false, now),
          extension_state: null,
          reopen_count: 0,
          escalated_at: null,
          escalated_unit_id: null,
          rating: null,
          closed_at: null,
          updated_at: isoOf(now),
          version: 1,
        });
        await tickets.addEvent(trx, {
          ticket_id: id,
          step: 'raise',
          actor_id: actor.id,
          actor_name: actor.displayName,
          at: isoOf(now),
          text: description,
          internal: 0,
          data_json: JSON.stringify({ after: afterOf('raised', null, dues, false) }),
        });
        await audit.record(
          {
            actor,
            action: 'ticket.raise',
            objectType: 'ticket',
            objectId: String(id),
            unitPath: e.unit_path,
            summary: `“${e.name}”提出涉企问题“${title}”`,
            before: null,
            after: { enterpriseId: e.id, projectId: project?.id ?? null, category: input.category, title, complexity },
            ip,
          },
          trx,
        );
        return id;
      });
      const saved = (await tickets.findById(id))!;
      if (saved.project_id) await onProjectChanged(saved.project_id);
      return detail(actor, saved, locale);
    },

    async step(actor: ActorContext, id: number, body: TicketStepBody, ip: string | null, locale: Locale) {
      const now = clock();
      const step = body.step as TicketStep;
      const projectId = await db.transaction().execute(async (trx) => {
        const { t, coUnits } = await access.visible(actor, id, trx);
        if (enterpriseScopeFor(actor, 'ticket', 'update').kind === 'none') throw forbidden();
        const parties = access.partiesFor(actor, t, coUnits);
        const refusal = stepRefusal(step, t.state as TicketState, parties, body.text);
        if (refusal === 'NOT_A_PARTY') throw forbidden();
        if (refusal === 'WRONG_STATE')
          throw conflict('TICKET_WRONG_STATE', { state: t.state, step: TICKET_STEP_LABELS[step]['zh-CN'] }, 'step');
        if (refusal === 'TEXT_REQUIRED') throw invalid('TICKET_TEXT_REQUIRED', {}, 'text');
        if (t.version !== body.version) throw new AppError(409, 'CONFLICT', 'TICKET_STALE', {}, 'version');

        const { patch, clock: clockEvent, data } = await stepChanges(trx, t, body, actor, now);
        const profile = await profileOf(t.sla_profile, trx);
        const before = duesOf(t);
        const dues = clockEvent
          ? duesAfter(clockEvent, before, ctxOf(now, profile, t.complexity as Complexity))
          : before;
        const escalated = t.escalated_at !== null;
        const ok = await tickets.update(trx, t.id, t.version, {
          ...patch,
          ...duesColumns(dues),
          ...lights(dues, escalated, now),
          updated_at: isoOf(now),
        });
        if (!ok) throw new AppError(409, 'CONFLICT', 'TICKET_STALE', {}, 'version');
        await tickets.addEvent(trx, {
          ticket_id: t.id,
          step,
          actor_id: actor.id,
          actor_name: actor.displayName,
          at: isoOf(now),
          text: (body.text ?? '').trim(),
          internal: step === 'note' ? 1 : 0,
          data_json: JSON.stringify({
            ...data,
            after: afterOf(
              (patch.state as string | undefined) ?? t.state,
              (patch.handling_unit_id as number | undefined) ?? t.handling_unit_id,
              dues,
              escalated,
            ),
          }),
        });
        await audit.record(
          {
            actor,
            action: 'ticket.step',
            objectType: 'ticket',
            objectId: String(t.id),
            unitPath: t.unit_path,
            summary: `涉企问题“${t.title}”：${TICKET_STEP_LABELS[step]['zh-CN']}`,
            before: { state: t.state },
            after: { state: (patch.state as string | undefined) ?? t.state, step, ...data },
            ip,
          },
          trx,
        );
        // The second reopening escalates at once: the enterprise has twice refused the answer.
        if (step === 'reopen' && t.reopen_count + 1 >= ESCALATE_AFTER_REOPENINGS && !escalated) {
          const fresh = (await tickets.findById(t.id, trx))!;
          await escalation.escalate(trx, fresh, `企业第 ${t.reopen_count + 1} 次要求重新办理`, actor, fresh.version);
        }
        return t.project_id;
      });
      if (projectId) await onProjectChanged(projectId);
      return detail(actor, (await tickets.findById(id))!, locale);
    },

    /** The daily cutoff's ticket part (ticket-escalation.ts). */
    cutoff: escalation.cutoff,
  };

  function ctxOf(now: Date, profile: SlaProfile, complexity: Complexity) {
    return { now, profile, complexity, timeZone };
  }
}

export type TicketService = ReturnType<typeof createTicketService>;
