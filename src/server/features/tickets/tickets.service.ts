import type { Kysely } from 'kysely';
import { instantAt } from '../../../domain/calendar/local-date.ts';
import type { Complexity, SlaProfile } from '../../../domain/tickets/sla.ts';
import {
  duesAfter,
  extensionInTime,
  NO_DUES,
  type ClockEvent,
  type TicketDues,
  ticketLight,
} from '../../../domain/tickets/ticket-clocks.ts';
import {
  ESCALATE_AFTER_REOPENINGS,
  OPEN_TICKET_STATES,
  partiesOf,
  STEP_RULES,
  stepRefusal,
  TICKET_STEP_LABELS,
  type TicketState,
  type TicketStep,
} from '../../../domain/tickets/ticket-flow.ts';
import { fileTypeFromBuffer } from 'file-type';
import { ATTACHMENT_LIMITS, isAttachmentType, type AttachmentType } from '../../../domain/tickets/attachment-rules.ts';
import type { TicketBody, TicketStepBody } from '../../../contract/tickets.ts';
import type { Clock, Today } from '../../clock.ts';
import type { DB } from '../../db/schema.ts';
import { AppError, conflict, forbidden, invalid, notFound } from '../../http/errors.ts';
import { enterpriseScopeAllows, enterpriseScopeFor } from '../../policies/enterprise.policy.ts';
import type { AuditLog } from '../audit/audit.repository.ts';
import type { ActorContext } from '../session/actor.ts';
import type { UnitRepository } from '../units/units.repository.ts';
import { duesOf, presentTicket, presentTicketDetail, type Locale } from './tickets.presenter.ts';
import type { TicketRepository, TicketRow } from './tickets.repository.ts';
import type { TicketSettings } from './ticket-settings.ts';

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

const isoOf = (d: Date) => d.toISOString();
const duesColumns = (d: TicketDues) => ({
  accept_due_at: d.accept,
  interim_due_at: d.interim,
  close_due_at: d.close,
  revisit_due_at: d.revisit,
});

/**
 * What a ticket is after a step, kept in the step's event: the events alone then tell any past moment's
 * state, handler and clocks (the race's ticket figures as of a bulletin's date read them).
 */
const afterOf = (state: string, handlingUnitId: number | null, dues: TicketDues, escalated: boolean) => ({
  state,
  handlingUnitId,
  dues,
  escalated,
});

/** How many open tickets one round of the cutoff reads. */
const CUTOFF_BATCH = 2000;

export function createTicketService(deps: TicketServiceDeps) {
  const { db, tickets, units, settings, audit, clock, today, timeZone, onProjectChanged } = deps;

  const lightColumns = (dues: TicketDues, escalated: boolean, now: Date) => {
    const light = ticketLight(dues, escalated, now, timeZone);
    return { next_due_at: light.nextDueAt, due_date: light.dueDate, light: light.colour };
  };

  async function visible(actor: ActorContext, id: number, ex: Kysely<DB> = db) {
    const t = await tickets.findById(id, ex);
    const scope = enterpriseScopeFor(actor, 'ticket', 'read');
    if (!t || !(await reaches(scope, t, ex))) throw notFound('ticket');
    return t;
  }

  /** Whether a scope reaches a ticket: where it lives, the co-units it is shared with, or its enterprise. */
  async function reaches(scope: ReturnType<typeof enterpriseScopeFor>, t: TicketRow, ex: Kysely<DB>) {
    if (enterpriseScopeAllows(scope, { unitPath: t.unit_path, enterpriseId: t.enterprise_id })) return true;
    if (scope.kind !== 'subtree') return false;
    const co = await tickets.coUnits(t.id, ex);
    return co.some((u) => enterpriseScopeAllows(scope, { unitPath: u.path, enterpriseId: t.enterprise_id }));
  }

  async function handlerPaths(t: TicketRow, ex: Kysely<DB>) {
    const co = await tickets.coUnits(t.id, ex);
    return [...(t.handling_unit_path ? [t.handling_unit_path] : []), ...co.map((u) => u.path)];
  }

  async function profileOf(key: string, ex: Kysely<DB> = db): Promise<SlaProfile> {
    const profile = await settings.profile(key, ex);
    if (!profile) throw invalid('TICKET_SLA_UNKNOWN', { key }, 'slaProfile');
    return profile;
  }

  async function detail(actor: ActorContext, t: TicketRow, locale: Locale) {
    const isEnterprise = actor.role === 'enterprise';
    const [events, coUnits, attachments, paths, profile] = await Promise.all([
      tickets.events(t.id, !isEnterprise),
      tickets.coUnits(t.id),
      tickets.attachments(t.id),
      handlerPaths(t, db),
      settings.profile(t.sla_profile),
    ]);
    const parties = partiesOf(actor, { raisedBy: t.raised_by, enterpriseId: t.enterprise_id, handlerPaths: paths });
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

  /**
   * Escalates a ticket (升级督办) to the unit above the one handling it (or above its enterprise's township
   * before assignment), naming the project's patron leader: inside the caller's transaction, as a step.
   */
  async function escalate(trx: Kysely<DB>, t: TicketRow, why: string, by: ActorContext | null, version: number) {
    const fromUnit = t.handling_unit_id ?? (await tickets.enterpriseOf(t.enterprise_id, trx))!.township_unit_id;
    const above = await tickets.parentOf(fromUnit, trx);
    const at = clock();
    const dues = duesOf(t);
    const ok = await tickets.update(trx, t.id, version, {
      escalated_at: isoOf(at),
      escalated_unit_id: above?.id ?? null,
      ...lightColumns(dues, true, at),
      updated_at: isoOf(at),
    });
    if (!ok) return false;
    const patron = t.patron_leader ? `，报联系领导${t.patron_leader}` : '';
    await tickets.addEvent(trx, {
      ticket_id: t.id,
      step: 'escalate',
      actor_id: by?.id ?? null,
      actor_name: by?.displayName ?? '系统',
      at: isoOf(at),
      text: `${why}，升级至${above?.name ?? '县级'}督办${patron}`,
      internal: 0,
      data_json: JSON.stringify({
        unitId: above?.id ?? null,
        patronLeader: t.patron_leader ?? null,
        after: afterOf(t.state, t.handling_unit_id, dues, true),
      }),
    });
    await audit.record(
      {
        actor: by,
        action: 'ticket.escalate',
        objectType: 'ticket',
        objectId: String(t.id),
        unitPath: t.unit_path,
        summary: `涉企问题“${t.title}”${why}，升级至${above?.name ?? '县级'}督办${patron}`,
        before: { escalated: false },
        after: { escalated: true, unitId: above?.id ?? null },
        ip: null,
      },
      trx,
    );
    return true;
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
      const scope = enterpriseScopeFor(actor, 'ticket', 'read');
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
      const { items, total } = await tickets.waiting(scope, waiting, limit);
      return { total, items: items.map((t) => presentTicket(t, { now, timeZone, locale })) };
    },

    async summary(actor: ActorContext) {
      const s = await tickets.summary(enterpriseScopeFor(actor, 'ticket', 'read'), isoOf(clock()), monthStartInstant());
      // 满意率: 满意 and 基本满意 over those rated, rounded once to a whole percent.
      return { ...s, satisfactionPercent: s.rated ? Math.round((s.satisfied * 100) / s.rated) : null };
    },

    async get(actor: ActorContext, id: number, locale: Locale) {
      return detail(actor, await visible(actor, id), locale);
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
          ...lightColumns(dues, false, now),
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
        const t = await visible(actor, id, trx);
        if (enterpriseScopeFor(actor, 'ticket', 'update').kind === 'none') throw forbidden();
        const parties = partiesOf(actor, {
          raisedBy: t.raised_by,
          enterpriseId: t.enterprise_id,
          handlerPaths: await handlerPaths(t, trx),
        });
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
          ...lightColumns(dues, escalated, now),
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
          await escalate(trx, fresh, `企业第 ${t.reopen_count + 1} 次要求重新办理`, actor, fresh.version);
        }
        return t.project_id;
      });
      if (projectId) await onProjectChanged(projectId);
      return detail(actor, (await tickets.findById(id))!, locale);
    },

    /**
     * Attaches an image or a PDF, recognised by its content: any party to the ticket while it is open
     * (the enterprise, the office, a handler), as a step of its timeline.
     */
    async attach(actor: ActorContext, id: number, upload: { data: Buffer; fileName: string }, ip: string | null) {
      const found = await fileTypeFromBuffer(upload.data);
      if (!isAttachmentType(found?.mime)) throw invalid('TICKET_FILE_TYPE', { name: upload.fileName }, 'file');
      const contentType = found!.mime as AttachmentType;
      const now = clock();
      const attachmentId = await db.transaction().execute(async (trx) => {
        const t = await visible(actor, id, trx);
        if (enterpriseScopeFor(actor, 'ticket', 'update').kind === 'none') throw forbidden();
        const parties = partiesOf(actor, {
          raisedBy: t.raised_by,
          enterpriseId: t.enterprise_id,
          handlerPaths: await handlerPaths(t, trx),
        });
        if (!parties.size) throw forbidden();
        if (!(OPEN_TICKET_STATES as readonly string[]).includes(t.state))
          throw conflict('TICKET_CLOSED_FOR_FILES', {}, 'file');
        if ((await tickets.attachments(t.id, trx)).length >= ATTACHMENT_LIMITS.perTicket)
          throw conflict('TICKET_TOO_MANY_FILES', { n: ATTACHMENT_LIMITS.perTicket }, 'file');
        const { id: attachmentId } = await tickets.insertAttachment(trx, {
          ticket_id: t.id,
          file_name: upload.fileName,
          content_type: contentType,
          bytes: upload.data.length,
          data: upload.data,
          created_by_id: actor.id,
          created_at: isoOf(now),
        });
        await tickets.addEvent(trx, {
          ticket_id: t.id,
          step: 'attach',
          actor_id: actor.id,
          actor_name: actor.displayName,
          at: isoOf(now),
          text: upload.fileName,
          internal: 0,
          data_json: JSON.stringify({ attachmentId }),
        });
        await audit.record(
          {
            actor,
            action: 'ticket.attach',
            objectType: 'ticket',
            objectId: String(t.id),
            unitPath: t.unit_path,
            summary: `涉企问题“${t.title}”上传附件 ${upload.fileName}`,
            before: null,
            after: { fileName: upload.fileName, bytes: upload.data.length, contentType },
            ip,
          },
          trx,
        );
        return attachmentId;
      });
      return {
        id: attachmentId,
        fileName: upload.fileName,
        contentType,
        bytes: upload.data.length,
        createdAt: isoOf(now),
      };
    },

    /** An attachment's bytes, for whoever may read its ticket. */
    async attachment(actor: ActorContext, attachmentId: number) {
      const file = await tickets.attachmentFile(attachmentId);
      if (!file) throw notFound('attachment');
      await visible(actor, file.ticket_id).catch(() => {
        throw notFound('attachment');
      });
      return file;
    },

    /**
     * The daily cutoff's ticket part: every open ticket's light recomputed on today's calendar, and each
     * whose clock has run out escalated once. Returns the counts; lights of the projects follow in the
     * project cutoff, which reads the tickets' stored deadlines.
     */
    async cutoff() {
      const now = clock();
      let after = 0;
      let open = 0;
      let changed = 0;
      let escalated = 0;
      for (;;) {
        const batch = await tickets.openAfter(after, CUTOFF_BATCH);
        if (!batch.length) break;
        open += batch.length;
        after = batch.at(-1)!.id;
        const runOut = batch.filter(
          (t) => t.escalated_at === null && t.next_due_at !== null && t.next_due_at < isoOf(now),
        );
        const updates = batch
          .map((t) => {
            const dues = {
              accept: t.accept_due_at,
              interim: t.interim_due_at,
              close: t.close_due_at,
              revisit: t.revisit_due_at,
            };
            const escalating = runOut.includes(t);
            return { t, columns: lightColumns(dues, t.escalated_at !== null || escalating, now) };
          })
          .filter(({ t, columns }) => columns.light !== t.light || columns.due_date !== t.due_date);
        await db.transaction().execute(async (trx) => {
          for (const { t, columns } of updates) {
            if (runOut.includes(t)) continue;
            await tickets.update(trx, t.id, t.version, columns);
          }
          for (const t of runOut) {
            const row = (await tickets.findById(t.id, trx))!;
            if (await escalate(trx, row, '办理时限已到', null, row.version)) escalated++;
          }
        });
        changed += updates.length;
      }
      return { open, changed, escalated };
    },
  };

  function ctxOf(now: Date, profile: SlaProfile, complexity: Complexity) {
    return { now, profile, complexity, timeZone };
  }
}

export type TicketService = ReturnType<typeof createTicketService>;
