import type { Kysely } from 'kysely';
import { endOfLocalDay } from '../../../domain/calendar/local-date.ts';
import { addWorkingDays } from '../../../domain/calendar/working-days.ts';
import { scopeFor } from '../../../domain/access/scope.ts';
import {
  LICENCE_REMINDER_DAYS,
  LICENCE_TYPE_LABELS,
  licenceReminderWindow,
  reminderOffsetsProblem,
  type LicenceType,
} from '../../../domain/enterprises/enterprise-fields.ts';
import type { LicenceExpiringFacts, TicketDueFacts } from '../../../domain/notices/notice-kinds.ts';
import type { NotificationChoice, NotificationEvent } from '../../../domain/notices/notification-events.ts';
import type { Clock, Today } from '../../clock.ts';
import type { DB } from '../../db/schema.ts';
import { forbidden, invalid } from '../../http/errors.ts';
import { dispatchNotification, type Notification, type NotificationChannel } from '../../notifications/index.ts';
import type { AuditLog } from '../audit/audit.repository.ts';
import type { NoticeService } from '../notices/notices.service.ts';
import type { ActorContext } from '../session/actor.ts';
import type { SettingsRepository } from '../settings/settings.repository.ts';
import type { ReminderRepository } from './reminders.repository.ts';

const SETTINGS_KEY = 'reminders';
export interface ReminderSettings {
  /** Days before a licence ends at which its reminders go out. */
  licenceOffsets: number[];
}
const DEFAULT_SETTINGS: ReminderSettings = { licenceOffsets: [...LICENCE_REMINDER_DAYS].reverse() };

const DAY_MS = 86_400_000;
const addDays = (date: string, n: number) =>
  new Date(Date.parse(`${date}T00:00:00Z`) + n * DAY_MS).toISOString().slice(0, 10);
const daysBetween = (from: string, to: string) => Math.round((Date.parse(to) - Date.parse(from)) / DAY_MS);

interface Outgoing {
  userIds: number[];
  notification: Notification;
}

/**
 * The daily reminders (DESIGN §3.10): licences reaching one of the county's offsets (90/60/30/7 days, and
 * once expired) to the enterprise's accounts and its township's editors (项目专员); tickets whose clock runs
 * out by the end of the next working day to whoever takes their next step. Each reminder has a key, claimed
 * in the transaction that writes its notices, so a day's reminders are written once however many servers
 * run the job at once; then a copy goes out by the channels each person chose, every delivery logged.
 */
export function createReminders(deps: {
  db: Kysely<DB>;
  reminders: ReminderRepository;
  notices: NoticeService;
  settings: SettingsRepository;
  audit: AuditLog;
  channels: readonly NotificationChannel[];
  baseUrl: string | null;
  clock: Clock;
  today: Today;
  timeZone: string;
}) {
  const { db, reminders, notices, settings, audit, channels, baseUrl, clock, today, timeZone } = deps;
  const SYSTEM = { displayName: '系统' };

  async function current(): Promise<ReminderSettings> {
    const stored = await settings.find(SETTINGS_KEY);
    return stored ? (JSON.parse(stored) as ReminderSettings) : DEFAULT_SETTINGS;
  }

  /** Writes the notices of one reminder if its key is still free; the people told, or [] when it was written before. */
  async function once<K extends 'licence_expiring' | 'ticket_due'>(
    key: string,
    kind: K,
    facts: K extends 'licence_expiring' ? LicenceExpiringFacts : TicketDueFacts,
    recipients: (trx: Kysely<DB>) => Promise<number[]>,
  ) {
    return db.transaction().execute(async (trx) => {
      if (!(await reminders.claim(trx, key, clock().toISOString()))) return [];
      const userIds = [...new Set(await recipients(trx))];
      await notices.notify(trx, userIds, kind, facts as never, SYSTEM);
      return userIds;
    });
  }

  async function licenceReminders(day: string, offsets: number[]): Promise<Outgoing[]> {
    const out: Outgoing[] = [];
    for (const l of await reminders.licencesEndingBy(addDays(day, Math.max(...offsets)))) {
      const window = licenceReminderWindow(l.valid_to, day, offsets);
      if (window === null) continue;
      const facts: LicenceExpiringFacts = {
        licenceId: l.id,
        enterpriseId: l.enterprise_id,
        enterpriseName: l.enterprise_name,
        type: l.type,
        number: l.number,
        validTo: l.valid_to,
        daysLeft: daysBetween(day, l.valid_to),
      };
      const key = `licence:${l.id}:${l.valid_to}:${window}`;
      const userIds = await once(key, 'licence_expiring', facts, async (trx) => [
        ...(await reminders.enterpriseAccounts([l.enterprise_id], trx)).map((a) => a.id),
        ...(await notices.editorsWithin(l.unit_path, trx)),
      ]);
      if (!userIds.length) continue;
      const type = LICENCE_TYPE_LABELS[l.type as LicenceType]?.['zh-CN'] ?? l.type;
      const when =
        window === 'expired' ? `已于 ${l.valid_to} 到期` : `将于 ${l.valid_to} 到期（还剩 ${facts.daysLeft} 天）`;
      out.push({
        userIds,
        notification: {
          event: 'licence.expiring',
          key,
          title: `证照临期：${l.enterprise_name}`,
          text: `“${l.enterprise_name}”的${type} ${l.number} ${when}，请及时办理。`,
          url: baseUrl ? `${baseUrl}/enterprises/${l.enterprise_id}` : undefined,
          at: clock(),
        },
      });
    }
    return out;
  }

  async function ticketReminders(day: string): Promise<Outgoing[]> {
    const now = clock();
    // Due by the end of the next working day: a day's notice before a clock runs out, and every day after.
    const until = endOfLocalDay(addWorkingDays(day, 1), timeZone);
    const out: Outgoing[] = [];
    for (const t of await reminders.ticketsDueBy(until)) {
      const overdue = t.next_due_at! < now.toISOString();
      const facts: TicketDueFacts = {
        ticketId: t.id,
        title: t.title,
        enterpriseName: t.enterprise_name,
        dueAt: t.next_due_at!,
        overdue,
      };
      // Once before the deadline and once a day after it.
      const key = `ticket:${t.id}:${t.next_due_at}:${overdue ? day : 'due'}`;
      const userIds = await once(key, 'ticket_due', facts, async (trx) =>
        t.state === 'handling' && t.handling_path
          ? notices.editorsWithin(t.handling_path, trx)
          : reminders.coordinators(trx),
      );
      if (!userIds.length) continue;
      out.push({
        userIds,
        notification: {
          event: 'ticket.due',
          key,
          title: overdue ? `问题超期：${t.title}` : `问题临期：${t.title}`,
          text: `涉企问题“${t.title}”（${t.enterprise_name}）${overdue ? '已超期' : '即将到期'}，请及时办理。`,
          url: baseUrl ? `${baseUrl}/tickets/${t.id}` : undefined,
          at: now,
        },
      });
    }
    return out;
  }

  /** Sends each reminder by the channels its people chose; every attempt is in the delivery log. */
  async function deliver(outgoing: Outgoing[]) {
    if (!channels.length) return 0;
    const people = new Map(
      (await reminders.people([...new Set(outgoing.flatMap((o) => o.userIds))])).map((p) => [p.id, p]),
    );
    let sent = 0;
    for (const { userIds, notification } of outgoing) {
      for (const userId of userIds) {
        const person = people.get(userId);
        const choice = JSON.parse(person?.events_json ?? '{}') as NotificationChoice;
        const wanted = new Set(choice[notification.event as NotificationEvent] ?? []);
        const by = channels.filter((c) => wanted.has(c.kind) && (c.kind !== 'email' || person?.email));
        if (!by.length) continue;
        const entries = await dispatchNotification(
          by,
          notification,
          { userId, displayName: person?.display_name ?? '', email: person?.email ?? null },
          {
            record: async (e) => {
              await reminders.recordDelivery({
                channel: e.channel,
                event: e.event,
                key: e.key,
                recipient_user_id: e.recipientUserId,
                ok: e.ok ? 1 : 0,
                attempts: e.attempts,
                status: e.status,
                error: e.error?.slice(0, 500) ?? null,
                at: e.at.toISOString(),
              });
            },
          },
          { clock },
        );
        sent += entries.filter((e) => e.ok).length;
      }
    }
    return sent;
  }

  return {
    settings: current,

    /** The day's reminders, once per day (`key`); a second run the same day, or at once elsewhere, does nothing. */
    async run(key = `reminders:${today()}`) {
      if (!(await reminders.startRun(key, clock().toISOString())))
        return { ran: false, key, reminders: 0, delivered: 0 };
      const day = today();
      const { licenceOffsets } = await current();
      const outgoing = [...(await licenceReminders(day, licenceOffsets)), ...(await ticketReminders(day))];
      const delivered = await deliver(outgoing);
      await reminders.finishRun(key, clock().toISOString(), `${outgoing.length} reminders, ${delivered} delivered`);
      return { ran: true, key, reminders: outgoing.length, delivered };
    },

    async updateSettings(actor: ActorContext, input: ReminderSettings, ip: string | null) {
      if (scopeFor(actor, 'ticketSettings', 'update').kind === 'none') throw forbidden();
      const problem = reminderOffsetsProblem(input.licenceOffsets);
      if (problem) throw invalid(`REMINDER_OFFSETS_${problem}`, {}, 'licenceOffsets');
      const before = await current();
      const after = { licenceOffsets: [...input.licenceOffsets].sort((a, b) => b - a) };
      await db.transaction().execute(async (trx) => {
        await settings.put(trx, SETTINGS_KEY, JSON.stringify(after), clock().toISOString());
        await audit.record(
          {
            actor,
            action: 'reminderSettings.update',
            objectType: 'settings',
            objectId: SETTINGS_KEY,
            unitPath: null,
            summary: `证照临期提醒：到期前 ${after.licenceOffsets.join('、')} 天`,
            before,
            after,
            ip,
          },
          trx,
        );
      });
      return after;
    },

    /** The person's own choice of events and channels, with the channels this server can use. */
    async mine(actor: ActorContext) {
      const row = await reminders.settingsOf(actor.id);
      return {
        email: row?.email ?? null,
        events: JSON.parse(row?.events_json ?? '{}') as NotificationChoice,
        available: channels.map((c) => c.kind),
      };
    },

    async setMine(actor: ActorContext, input: { email: string | null; events: NotificationChoice }) {
      const available = new Set(channels.map((c) => c.kind));
      for (const [event, chosen] of Object.entries(input.events))
        for (const [i, channel] of (chosen ?? []).entries())
          if (!available.has(channel)) throw invalid('NOTIFY_CHANNEL_OFF', { channel }, `events.${event}.${i}`);
      if (Object.values(input.events).some((c) => c?.includes('email')) && !input.email)
        throw invalid('NOTIFY_EMAIL_REQUIRED', {}, 'email');
      await reminders.putSettings({
        user_id: actor.id,
        email: input.email,
        events_json: JSON.stringify(input.events),
        updated_at: clock().toISOString(),
      });
      return this.mine(actor);
    },

    async deliveries(actor: ActorContext, q: { page: number; pageSize: number }) {
      if (scopeFor(actor, 'notificationLog', 'read').kind === 'none') throw forbidden();
      const { items, total } = await reminders.deliveries(q.page, q.pageSize);
      return {
        total,
        page: q.page,
        items: items.map((d) => ({
          id: d.id,
          channel: d.channel,
          event: d.event,
          key: d.key,
          recipient: d.recipient_name ?? null,
          ok: d.ok === 1,
          attempts: d.attempts,
          status: d.status,
          error: d.error,
          at: d.at,
        })),
      };
    },
  };
}

export type Reminders = ReturnType<typeof createReminders>;
