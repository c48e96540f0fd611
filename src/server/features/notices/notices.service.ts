import type { Kysely } from 'kysely';
import type { Notice } from '../../../contract/notices.ts';
import { noticeLink, type NoticeFacts, type NoticeKind } from '../../../domain/notices/notice-kinds.ts';
import type { Clock } from '../../clock.ts';
import type { DB } from '../../db/schema.ts';
import { notFound } from '../../http/errors.ts';
import type { ActorContext } from '../session/actor.ts';
import type { NoticeRepository } from './notices.repository.ts';

type FactsOf<K extends NoticeKind> = NoticeFacts[K];

/**
 * Notices: written inside the transaction of what caused them (a reminder, a return), so that a notice
 * exists exactly when its cause does; read by their addressee only. Marking one read is the reader's own
 * view of their notices, not a change to the county's records, so it is not audited.
 */
export function createNoticeService({ notices, clock }: { notices: NoticeRepository; clock: Clock }) {
  return {
    editorsWithin: notices.editorsWithin,
    editorsCovering: notices.editorsCovering,

    /** Tells these people what happened, inside the caller's transaction. */
    async notify<K extends NoticeKind>(
      ex: Kysely<DB>,
      userIds: readonly number[],
      kind: K,
      facts: FactsOf<K>,
      by: { displayName: string },
    ) {
      const at = clock().toISOString();
      const params_json = JSON.stringify(facts);
      await notices.insert(
        ex,
        [...new Set(userIds)].map((user_id) => ({
          user_id,
          kind,
          params_json,
          created_by: by.displayName,
          created_at: at,
        })),
      );
    },

    /** The signed-in person's unread notices, newest first. */
    async unread(actor: ActorContext): Promise<{ unread: number; items: Notice[] }> {
      const { items, unread } = await notices.unreadOf(actor.id);
      return {
        unread,
        items: items.map((row) => {
          const kind = row.kind as NoticeKind;
          const facts = JSON.parse(row.params_json) as NoticeFacts[typeof kind];
          return {
            id: Number(row.id),
            kind,
            facts,
            createdBy: row.created_by,
            createdAt: row.created_at,
            readAt: row.read_at,
            link: noticeLink(kind, facts),
          } as Notice;
        }),
      };
    },

    async markRead(actor: ActorContext, id: number) {
      if (!(await notices.markRead(actor.id, id, clock().toISOString()))) throw notFound('notice');
    },

    async markAllRead(actor: ActorContext) {
      await notices.markAllRead(actor.id, clock().toISOString());
    },
  };
}

export type NoticeService = ReturnType<typeof createNoticeService>;
